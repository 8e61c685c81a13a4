package graph

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"
)

// Result is the outcome of a user's query: column names and rows of
// plain values (see Plain).
type Result struct {
	Columns []string `json:"columns"`
	Rows    [][]any  `json:"rows"`
	// Truncated is true when rows beyond the limit were dropped.
	Truncated bool `json:"truncated"`
}

// Run runs a user's Cypher query with parameters. It runs in a read
// transaction unless write is true, so that a query that would change the
// graph by mistake fails instead. At most limit rows are kept (0: all).
func (s *Store) Run(ctx context.Context, cypher string, params map[string]any, write bool, limit int) (Result, error) {
	mode := neo4j.AccessModeRead
	if write {
		mode = neo4j.AccessModeWrite
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: mode})
	defer sess.Close(context.WithoutCancel(ctx))
	work := func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := tx.Run(ctx, cypher, params)
		if err != nil {
			return nil, err
		}
		keys, err := res.Keys()
		if err != nil {
			return nil, err
		}
		out := Result{Columns: keys, Rows: [][]any{}}
		for res.Next(ctx) {
			if limit > 0 && len(out.Rows) >= limit {
				out.Truncated = true
				break
			}
			rec := res.Record()
			row := make([]any, len(rec.Values))
			for i, v := range rec.Values {
				row[i] = Plain(v)
			}
			out.Rows = append(out.Rows, row)
		}
		if err := res.Err(); err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return out, err
	}
	var v any
	var err error
	if write {
		v, err = sess.ExecuteWrite(ctx, work)
	} else {
		v, err = sess.ExecuteRead(ctx, work)
	}
	if err != nil {
		return Result{}, s.wrap(err)
	}
	return v.(Result), nil
}

// Plain turns a driver value into plain Go values that encoding/json
// prints well: a node becomes {"id", "labels", "properties"}, a
// relationship {"id", "type", "start", "end", "properties"}, a path
// {"nodes", "relationships"}, temporal values ISO 8601 strings.
func Plain(v any) any {
	switch x := v.(type) {
	case dbtype.Node:
		return map[string]any{"id": x.ElementId, "labels": x.Labels, "properties": plainMap(x.Props)}
	case dbtype.Relationship:
		return map[string]any{"id": x.ElementId, "type": x.Type, "start": x.StartElementId, "end": x.EndElementId, "properties": plainMap(x.Props)}
	case dbtype.Path:
		nodes := make([]any, len(x.Nodes))
		for i, n := range x.Nodes {
			nodes[i] = Plain(n)
		}
		rels := make([]any, len(x.Relationships))
		for i, r := range x.Relationships {
			rels[i] = Plain(r)
		}
		return map[string]any{"nodes": nodes, "relationships": rels}
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = Plain(e)
		}
		return out
	case map[string]any:
		return plainMap(x)
	case dbtype.Date:
		return x.Time().Format("2006-01-02")
	case dbtype.LocalDateTime:
		return x.Time().Format("2006-01-02T15:04:05.999999999")
	case dbtype.LocalTime:
		return x.Time().Format("15:04:05.999999999")
	case dbtype.Time:
		return x.Time().Format("15:04:05.999999999Z07:00")
	case time.Time:
		return x.Format(time.RFC3339Nano)
	case dbtype.Duration:
		return x.String()
	case dbtype.Point2D:
		return map[string]any{"srid": x.SpatialRefId, "x": x.X, "y": x.Y}
	case dbtype.Point3D:
		return map[string]any{"srid": x.SpatialRefId, "x": x.X, "y": x.Y, "z": x.Z}
	case []byte:
		return x
	default:
		return v
	}
}

func plainMap(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = Plain(v)
	}
	return out
}

// ParseParamLines takes the Neo4j Browser parameter lines of a Cypher file
// (`:param name => 'Marco Rubio';`) out of its text and returns the rest
// and the parameters. Values are literals: strings in single or double
// quotes, integers, floats, true, false, null and lists of these.
func ParseParamLines(text string) (string, map[string]any, error) {
	params := map[string]any{}
	var rest []string
	for n, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		if !strings.HasPrefix(t, ":param") {
			rest = append(rest, line)
			continue
		}
		t = strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(t, ":param")), ";")
		name, expr, ok := strings.Cut(t, "=>")
		if !ok {
			return "", nil, fmt.Errorf("line %d: want `:param name => value`", n+1)
		}
		name = strings.Trim(strings.TrimSpace(name), "`")
		v, err := parseLiteral(strings.TrimSpace(expr))
		if err != nil {
			return "", nil, fmt.Errorf("line %d: parameter %s: %w", n+1, name, err)
		}
		params[name] = v
		rest = append(rest, "") // keep line numbers of errors right
	}
	return strings.Join(rest, "\n"), params, nil
}

// parseLiteral reads one Cypher literal (see ParseParamLines).
func parseLiteral(s string) (any, error) {
	p := &litParser{s: s}
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	p.space()
	if p.i != len(p.s) {
		return nil, fmt.Errorf("unexpected %q after the value", p.s[p.i:])
	}
	return v, nil
}

type litParser struct {
	s string
	i int
}

func (p *litParser) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t') {
		p.i++
	}
}

func (p *litParser) value() (any, error) {
	p.space()
	if p.i >= len(p.s) {
		return nil, fmt.Errorf("missing value")
	}
	switch c := p.s[p.i]; {
	case c == '\'' || c == '"':
		var b strings.Builder
		for j := p.i + 1; j < len(p.s); j++ {
			switch p.s[j] {
			case '\\':
				if j+1 < len(p.s) {
					j++
					b.WriteByte(p.s[j])
				}
			case c:
				p.i = j + 1
				return b.String(), nil
			default:
				b.WriteByte(p.s[j])
			}
		}
		return nil, fmt.Errorf("unterminated string")
	case c == '[':
		p.i++
		list := []any{}
		for {
			p.space()
			if p.i < len(p.s) && p.s[p.i] == ']' {
				p.i++
				return list, nil
			}
			if len(list) > 0 {
				if p.i >= len(p.s) || p.s[p.i] != ',' {
					return nil, fmt.Errorf("want , or ] in list")
				}
				p.i++
			}
			v, err := p.value()
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
	default:
		j := p.i
		for j < len(p.s) && !strings.ContainsRune(" \t,]", rune(p.s[j])) {
			j++
		}
		word := p.s[p.i:j]
		p.i = j
		switch strings.ToLower(word) {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null":
			return nil, nil
		}
		if n, err := strconv.ParseInt(word, 10, 64); err == nil {
			return n, nil
		}
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return f, nil
		}
		return nil, fmt.Errorf("%q is not a string, number, boolean, null or list", word)
	}
}

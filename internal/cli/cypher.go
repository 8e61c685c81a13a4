package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) newQueryCmd() *cobra.Command {
	var o struct {
		file, cypher string
		params       []string
		write        bool
		limit        int
		asJSON       bool
	}
	c := &cobra.Command{
		Use:   "query --file F.cypher | --cypher 'MATCH …' [--param k=v ...]",
		Short: "Run a Cypher query with parameters and print the rows",
		Long: `query runs one Cypher statement, from a file or from --cypher, with parameters,
and prints its rows as a table (nodes, relationships, lists and maps as
compact JSON) or with --json as {"columns": [NAME], "rows": [[VALUE]],
"truncated": BOOL}. Nodes print as {"id", "labels", "properties"},
relationships as {"id", "type", "start", "end", "properties"}.

A file may start with Neo4j Browser parameter lines (` + "`:param name => 'value';`" + `),
as the files in cypher/ do: they give defaults that --param overrides.
--param k=v reads v as JSON when it parses (10, true, ["a","b"], "x"), else
as a string. The query runs in a read transaction unless --write is given.`,
		Example: `  newsgraph query --file cypher/who-met-whom.cypher --param name=Macron
  newsgraph query --cypher 'MATCH (p:Person) RETURN p.name LIMIT $n' --param n=5 --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			ctx := cmd.Context()
			text := o.cypher
			switch {
			case o.file != "" && o.cypher != "":
				return usagef("give --file or --cypher, not both")
			case o.file != "":
				b, err := os.ReadFile(o.file)
				if err != nil {
					return fmt.Errorf("read query: %w", err)
				}
				text = string(b)
			case o.cypher == "":
				return usagef("give the query with --file F.cypher or --cypher '…'")
			}
			cypher, params, err := graph.ParseParamLines(text)
			if err != nil {
				return usagef("%s: %v", orDash(o.file), err)
			}
			cypher = strings.TrimSpace(cypher)
			cypher = strings.TrimSpace(strings.TrimSuffix(cypher, ";"))
			for _, kv := range o.params {
				k, v, ok := strings.Cut(kv, "=")
				if !ok || k == "" {
					return usagef("--param wants name=value, not %q", kv)
				}
				params[k] = paramValue(v)
			}
			return a.withStore(ctx, func(s *graph.Store) error {
				res, err := s.Run(ctx, cypher, params, o.write, o.limit)
				if err != nil {
					return fmt.Errorf("query: %w", err)
				}
				if o.asJSON {
					return writeJSON(a.stdout, res)
				}
				t := newTable(res.Columns...)
				for _, r := range res.Rows {
					cells := make([]string, len(r))
					for i, v := range r {
						cells[i] = cellText(v)
					}
					t.add(cells...)
				}
				t.wrap = t.widest()
				if err := t.render(a.stdout); err != nil {
					return err
				}
				note := fmt.Sprintf("(%d %s", len(res.Rows), plural(len(res.Rows), "row", "rows"))
				if res.Truncated {
					note += fmt.Sprintf(", cut at --limit %d", o.limit)
				}
				_, err = fmt.Fprintln(a.stdout, note+")")
				return err
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.file, "file", "", "read the query from this file")
	f.StringVar(&o.cypher, "cypher", "", "the query")
	f.StringArrayVar(&o.params, "param", nil, "a parameter as name=value (repeat for more)")
	f.BoolVar(&o.write, "write", false, "allow the query to change the graph")
	f.IntVar(&o.limit, "limit", 1000, "keep at most this many rows (0: all)")
	f.BoolVar(&o.asJSON, "json", false, `print {"columns", "rows", "truncated"} as JSON`)
	return c
}

// paramValue reads a --param value as JSON when it parses, else as text;
// whole numbers become integers (Cypher's LIMIT wants one).
func paramValue(v string) any {
	dec := json.NewDecoder(strings.NewReader(v))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil || dec.More() {
		return v
	}
	return fromJSON(x)
}

func fromJSON(x any) any {
	switch t := x.(type) {
	case json.Number:
		if n, err := t.Int64(); err == nil {
			return n
		}
		f, _ := t.Float64()
		return f
	case []any:
		for i := range t {
			t[i] = fromJSON(t[i])
		}
	case map[string]any:
		for k := range t {
			t[k] = fromJSON(t[k])
		}
	}
	return x
}

// cellText prints a value in a table cell: strings as they are, the rest
// as compact JSON.
func cellText(v any) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case string:
		return t
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Sprint(v)
	}
	return strings.TrimSpace(b.String())
}

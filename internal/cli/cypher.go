package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// cypherRunner answers `query`.
type cypherRunner interface {
	Run(ctx context.Context, cypher string, params map[string]any, write bool, limit int) (graph.Result, error)
}

// queryOptions are the inputs of `query`.
type queryOptions struct {
	Out          io.Writer
	Store        func(context.Context) (cypherRunner, error)
	File, Cypher string
	Params       []string // name=value
	Write        bool
	Limit        int
	JSON         bool
}

func (a *app) newQueryCmd(runF func(context.Context, *queryOptions) error) *cobra.Command {
	o := &queryOptions{Out: a.stdout}
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
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = func(ctx context.Context) (cypherRunner, error) { return opened[cypherRunner](l.open(ctx)) }
				return runF(cmd.Context(), o)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.File, "file", "", "read the query from this file")
	f.StringVar(&o.Cypher, "cypher", "", "the query")
	f.StringArrayVar(&o.Params, "param", nil, "a parameter as name=value (repeat for more)")
	f.BoolVar(&o.Write, "write", false, "allow the query to change the graph")
	f.IntVar(&o.Limit, "limit", 1000, "keep at most this many rows (0: all)")
	f.BoolVar(&o.JSON, "json", false, `print {"columns", "rows", "truncated"} as JSON`)
	return c
}

// runQuery runs one Cypher statement with parameters and prints its rows.
func runQuery(ctx context.Context, o *queryOptions) error {
	text := o.Cypher
	switch {
	case o.File != "" && o.Cypher != "":
		return usagef("give --file or --cypher, not both")
	case o.File != "":
		b, err := os.ReadFile(o.File)
		if err != nil {
			return fmt.Errorf("read query: %w", err)
		}
		text = string(b)
	case o.Cypher == "":
		return usagef("give the query with --file F.cypher or --cypher '…'")
	}
	cypher, params, err := graph.ParseParamLines(text)
	if err != nil {
		return usagef("%s: %v", orDash(o.File), err)
	}
	cypher = strings.TrimSpace(cypher)
	cypher = strings.TrimSpace(strings.TrimSuffix(cypher, ";"))
	for _, kv := range o.Params {
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" {
			return usagef("--param wants name=value, not %q", kv)
		}
		params[k] = paramValue(v)
	}
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	res, err := s.Run(ctx, cypher, params, o.Write, o.Limit)
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	if o.JSON {
		return writeJSON(o.Out, res)
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
	if err := t.render(o.Out); err != nil {
		return err
	}
	note := fmt.Sprintf("(%d %s", len(res.Rows), plural(len(res.Rows), "row", "rows"))
	if res.Truncated {
		note += fmt.Sprintf(", cut at --limit %d", o.Limit)
	}
	_, err = fmt.Fprintln(o.Out, note+")")
	return err
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

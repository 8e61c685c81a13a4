package cli

import (
	"bufio"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// graphExporter answers `export` in the formats that read the graph.
type graphExporter interface {
	ResolvePerson(ctx context.Context, name string) (graph.PersonRef, error)
	Export(ctx context.Context, o graph.ExportOptions, sink graph.ExportSink) error
}

// exportOptions are the inputs of `export`.
type exportOptions struct {
	Out, Err io.Writer
	Format   string // graphml, dot, json or neo4j-admin
	// graphml, dot, json: the graph, or a person's neighbourhood.
	Store  func(context.Context) (graphExporter, error)
	Person string
	Depth  int
	// neo4j-admin: the articles at Paths, extracted by Pipeline in
	// batches of BatchSize, as CSV files in Dir.
	Pipeline    *pipeline
	Paths       []string
	Dir         string
	BatchSize   int
	CountryName graph.CountryNamer
	Database    string // for the import command it prints
	JSON        bool
	NoProgress  bool
}

func (a *app) newExportCmd(runF func(context.Context, *exportOptions) error) *cobra.Command {
	o := &exportOptions{Out: a.stdout, Err: a.stderr}
	c := &cobra.Command{
		Use:   "export --format graphml|dot|json [--person NAME --depth N] | --format neo4j-admin --out DIR PATH...",
		Short: "Write the graph as GraphML, DOT or JSON, or articles as CSV files for neo4j-admin import",
		Long: `export writes the graph to stdout for Gephi or yEd (graphml), Graphviz (dot)
or web tools (json): people, countries, places, groups and events (meetings,
trips, strikes) as nodes; MET, TRAVELED_WITH, STRUCK, REPRESENTS, IN and the
event edges (ATTENDED, ON_TRIP, HELD_IN, TO, LAUNCHED, HIT) as edges.
Articles are left out. Node ids are stable: "Person:marco rubio",
"Country:US". The output streams, so large graphs need little memory.

--person NAME limits it to the nodes within --depth steps of NAME
(countries are reached but not crossed).

--format json prints {"nodes": [{"id", "label", "properties"}],
"edges": [{"source", "target", "type", "properties"}]}.

--format neo4j-admin --out DIR PATH... is for initial loads of millions of
articles: it reads and extracts the articles at PATH (as load does, with no
Neo4j) and writes to DIR the CSV files of ` + "`neo4j-admin database import full`" + `,
which build the graph ` + "`newsgraph load`" + ` would build from them, and import.sh,
which runs the import (Neo4j stopped; the database is replaced). Start Neo4j
and run ` + "`newsgraph schema`" + ` afterwards; later loads add to the graph as usual.
Persons resolve as in load with the same --batch-size.`,
		Example: `  newsgraph export --format graphml > news.graphml
  newsgraph export --format dot --person Macron --depth 2 | dot -Tsvg > macron.svg
  newsgraph export --format neo4j-admin --out import/ archive/ && sh import/import.sh`,
		Args: func(cmd *cobra.Command, args []string) error {
			if o.Format == "neo4j-admin" {
				if len(args) == 0 {
					return usagef("export --format neo4j-admin needs at least one PATH (a file, a folder, or - for stdin)")
				}
				return nil
			}
			return noArgs(cmd, args)
		},
		RunE: func(cmd *cobra.Command, paths []string) error {
			o.Paths, o.BatchSize, o.Database, o.CountryName = paths, a.cfg.Load.BatchSize, a.cfg.Neo4j.Database, extract.CountryName
			o.Pipeline, _ = a.newPipeline(paths, nil, false)
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = func(ctx context.Context) (graphExporter, error) { return opened[graphExporter](l.open(ctx)) }
				return runF(cmd.Context(), o)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.Format, "format", "graphml", "graphml, dot, json, or neo4j-admin (CSV files for neo4j-admin import)")
	f.StringVar(&o.Person, "person", "", "only this person's neighbourhood")
	f.IntVar(&o.Depth, "depth", 2, "with --person: steps from the person")
	f.StringVar(&o.Dir, "out", "", "with --format neo4j-admin: folder for the CSV files and import.sh")
	f.BoolVar(&o.JSON, "json", false, "with --format neo4j-admin: print the summary as JSON on stdout")
	f.BoolVar(&o.NoProgress, "no-progress", false, "with --format neo4j-admin: no progress bar, even on a terminal")
	a.intFlag(f, config.KeyLoadBatchSize, "batch-size", "with --format neo4j-admin: articles per batch, as in load")
	a.intFlag(f, config.KeyLoadWorkers, "workers", "with --format neo4j-admin: extraction goroutines (default: number of CPUs)")
	a.intFlag(f, config.KeyInputMaxBytes, "max-bytes", "with --format neo4j-admin: largest input file accepted, in bytes")
	return c
}

// runExport writes the graph (or a neighbourhood) in o.Format, or with
// neo4j-admin the articles at o.Paths as CSV files.
func runExport(ctx context.Context, o *exportOptions) error {
	if o.Format == "neo4j-admin" {
		if o.Dir == "" {
			return usagef("export --format neo4j-admin needs --out DIR, the folder for the CSV files")
		}
		return runAdminExport(ctx, o)
	}
	bw := bufio.NewWriterSize(o.Out, 64<<10)
	var sink exportWriter
	switch o.Format {
	case "graphml":
		sink = &graphmlWriter{w: bw}
	case "dot":
		sink = &dotWriter{w: bw}
	case "json":
		sink = &jsonWriter{w: bw}
	default:
		return usagef("--format is graphml, dot, json or neo4j-admin, not %q", o.Format)
	}
	if o.Depth < 1 {
		return usagef("--depth must be at least 1")
	}
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	opts := graph.ExportOptions{Depth: o.Depth}
	if o.Person != "" {
		p, err := s.ResolvePerson(ctx, o.Person)
		if err != nil {
			return err
		}
		opts.PersonKey = p.Key
	}
	if err := sink.begin(); err != nil {
		return err
	}
	if err := s.Export(ctx, opts, sink); err != nil {
		return err
	}
	if err := sink.end(); err != nil {
		return err
	}
	return bw.Flush()
}

type exportWriter interface {
	graph.ExportSink
	begin() error
	end() error
}

// caption is a node's display name.
func caption(n graph.ExportNode) string {
	for _, k := range []string{"name", "code"} {
		if s, ok := n.Props[k].(string); ok && s != "" {
			return s
		}
	}
	switch n.Label {
	case "Meeting":
		if d, ok := n.Props["date"].(string); ok {
			return "meeting " + d
		}
		return "meeting"
	case "Strike":
		if w, ok := n.Props["weapon"].(string); ok && w != "" {
			return w + " strike"
		}
		return "strike"
	}
	return strings.ToLower(n.Label)
}

// jsonWriter streams {"nodes": [...], "edges": [...]}.
type jsonWriter struct {
	w            io.Writer
	nodes, edges int
}

type jsonNode struct {
	ID         string         `json:"id"`
	Label      string         `json:"label"`
	Properties map[string]any `json:"properties"`
}

type jsonEdge struct {
	Source     string         `json:"source"`
	Target     string         `json:"target"`
	Type       string         `json:"type"`
	Properties map[string]any `json:"properties"`
}

func (j *jsonWriter) begin() error {
	_, err := io.WriteString(j.w, "{\"nodes\": [")
	return err
}

func (j *jsonWriter) item(n int, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	sep := ",\n  "
	if n == 0 {
		sep = "\n  "
	}
	if _, err := io.WriteString(j.w, sep); err != nil {
		return err
	}
	_, err = j.w.Write(b)
	return err
}

func (j *jsonWriter) Node(n graph.ExportNode) error {
	err := j.item(j.nodes, jsonNode{n.ID, n.Label, n.Props})
	j.nodes++
	return err
}

func (j *jsonWriter) Edge(e graph.ExportEdge) error {
	if j.edges == 0 {
		if _, err := io.WriteString(j.w, "\n], \"edges\": ["); err != nil {
			return err
		}
	}
	err := j.item(j.edges, jsonEdge{e.Source, e.Target, e.Type, e.Props})
	j.edges++
	return err
}

func (j *jsonWriter) end() error {
	if j.edges == 0 {
		if _, err := io.WriteString(j.w, "\n], \"edges\": ["); err != nil {
			return err
		}
	}
	_, err := io.WriteString(j.w, "\n]}\n")
	return err
}

// graphmlKeys are the attributes a GraphML export declares: the
// properties of the model worth a column in Gephi.
var graphmlKeys = []struct{ id, domain, name, typ string }{
	{"n_label", "node", "label", "string"},
	{"n_name", "node", "name", "string"},
	{"n_kind", "node", "kind", "string"},
	{"n_code", "node", "code", "string"},
	{"n_date", "node", "date", "string"},
	{"n_status", "node", "status", "string"},
	{"n_weapon", "node", "weapon", "string"},
	{"n_killed", "node", "killed", "long"},
	{"n_injured", "node", "injured", "long"},
	{"n_roles", "node", "roles", "string"},
	{"e_type", "edge", "type", "string"},
	{"e_count", "edge", "count", "long"},
	{"e_occurred", "edge", "occurred", "long"},
	{"e_planned", "edge", "planned", "long"},
	{"e_firstDate", "edge", "firstDate", "string"},
	{"e_lastDate", "edge", "lastDate", "string"},
	{"e_killed", "edge", "killed", "long"},
	{"e_role", "edge", "role", "string"},
}

type graphmlWriter struct {
	w     io.Writer
	edges int
}

func (g *graphmlWriter) begin() error {
	var b strings.Builder
	b.WriteString(xml.Header)
	b.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns">` + "\n")
	for _, k := range graphmlKeys {
		fmt.Fprintf(&b, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.domain, k.name, k.typ)
	}
	b.WriteString(`  <graph id="newsgraph" edgedefault="directed">` + "\n")
	_, err := io.WriteString(g.w, b.String())
	return err
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

func propText(v any) (string, bool) {
	switch x := v.(type) {
	case nil:
		return "", false
	case string:
		return x, x != ""
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := propText(e); ok {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, "; "), len(parts) > 0
	default:
		return fmt.Sprint(x), true
	}
}

func (g *graphmlWriter) data(b *strings.Builder, domain string, props map[string]any) {
	for _, k := range graphmlKeys {
		if k.domain != domain {
			continue
		}
		if s, ok := propText(props[k.name]); ok {
			fmt.Fprintf(b, `      <data key="%s">%s</data>`+"\n", k.id, xmlText(s))
		}
	}
}

func (g *graphmlWriter) Node(n graph.ExportNode) error {
	var b strings.Builder
	fmt.Fprintf(&b, `    <node id="%s">`+"\n", xmlText(n.ID))
	props := map[string]any{"label": caption(n), "kind": n.Label}
	for k, v := range n.Props {
		if k != "label" && k != "kind" {
			props[k] = v
		}
	}
	g.data(&b, "node", props)
	b.WriteString("    </node>\n")
	_, err := io.WriteString(g.w, b.String())
	return err
}

func (g *graphmlWriter) Edge(e graph.ExportEdge) error {
	var b strings.Builder
	g.edges++
	fmt.Fprintf(&b, `    <edge id="e%d" source="%s" target="%s">`+"\n", g.edges, xmlText(e.Source), xmlText(e.Target))
	props := map[string]any{"type": e.Type}
	for k, v := range e.Props {
		if k != "type" {
			props[k] = v
		}
	}
	g.data(&b, "edge", props)
	b.WriteString("    </edge>\n")
	_, err := io.WriteString(g.w, b.String())
	return err
}

func (g *graphmlWriter) end() error {
	_, err := io.WriteString(g.w, "  </graph>\n</graphml>\n")
	return err
}

// dotWriter writes a Graphviz digraph; MET and TRAVELED_WITH, which have
// no direction, are drawn without arrows.
type dotWriter struct{ w io.Writer }

var dotStyle = map[string]string{
	"Person":  `shape=ellipse, style=filled, fillcolor="#4C8EDA", fontcolor=white`,
	"Country": `shape=box, style=filled, fillcolor="#F79767"`, "Place": `shape=box, style=filled, fillcolor="#57C7E3"`,
	"Organization": `shape=hexagon, style=filled, fillcolor="#8DCC93"`, "Meeting": `shape=diamond, style=filled, fillcolor="#FFC454"`,
	"Trip": `shape=diamond, style=filled, fillcolor="#DA7194"`, "Strike": `shape=octagon, style=filled, fillcolor="#F16667"`,
}

func (d *dotWriter) begin() error {
	_, err := io.WriteString(d.w, "digraph newsgraph {\n  graph [overlap=false, splines=true];\n  node [fontname=\"Helvetica\", fontsize=10];\n  edge [fontname=\"Helvetica\", fontsize=8];\n")
	return err
}

func (d *dotWriter) Node(n graph.ExportNode) error {
	_, err := fmt.Fprintf(d.w, "  %s [label=%s, %s];\n", strconv.Quote(n.ID), strconv.Quote(caption(n)), dotStyle[n.Label])
	return err
}

func (d *dotWriter) Edge(e graph.ExportEdge) error {
	attrs := []string{"label=" + strconv.Quote(edgeLabel(e))}
	switch e.Type {
	case "MET", "TRAVELED_WITH":
		attrs = append(attrs, "dir=none", "penwidth=2")
	}
	_, err := fmt.Fprintf(d.w, "  %s -> %s [%s];\n", strconv.Quote(e.Source), strconv.Quote(e.Target), strings.Join(attrs, ", "))
	return err
}

func edgeLabel(e graph.ExportEdge) string {
	if c, ok := e.Props["count"]; ok && c != nil {
		return fmt.Sprintf("%s %v", e.Type, c)
	}
	return e.Type
}

func (d *dotWriter) end() error {
	_, err := io.WriteString(d.w, "}\n")
	return err
}

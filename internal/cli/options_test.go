package cli

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// The commands' run functions, called directly with their options and
// fakes: no cobra, no configuration, no Neo4j.

func TestRunVersionAndConfigShow(t *testing.T) {
	var out bytes.Buffer
	if err := runVersion(&versionOptions{Out: &out}); err != nil || !strings.HasPrefix(out.String(), "newsgraph "+Version+" (go") {
		t.Errorf("version: %v %q", err, out.String())
	}
	rows := []setting{{"neo4j.password", "********", "env NEO4J_PASSWORD"}, {"neo4j.uri", "bolt://x:7687", "flag --neo4j-uri"}}
	for _, asJSON := range []bool{false, true} {
		out.Reset()
		if err := runConfigShow(&configShowOptions{Out: &out, Settings: func() []setting { return rows }, JSON: asJSON}); err != nil {
			t.Fatal(err)
		}
		for _, w := range []string{"neo4j.uri", "bolt://x:7687", "flag --neo4j-uri", "********"} {
			if !strings.Contains(out.String(), w) {
				t.Errorf("json=%v: config show lacks %q:\n%s", asJSON, w, out.String())
			}
		}
	}
}

type fakeAdmin struct {
	status  graph.Status
	created graph.SchemaResult
	result  graph.Result
	gotCy   string
	gotPar  map[string]any
	gotW    bool
	err     error
}

func (f *fakeAdmin) Status(context.Context) (graph.Status, error) { return f.status, f.err }
func (f *fakeAdmin) ApplySchema(context.Context) (graph.SchemaResult, error) {
	return f.created, f.err
}
func (f *fakeAdmin) Run(_ context.Context, cypher string, params map[string]any, write bool, _ int) (graph.Result, error) {
	f.gotCy, f.gotPar, f.gotW = cypher, params, write
	return f.result, f.err
}

func TestRunStatusSchemaQuery(t *testing.T) {
	f := &fakeAdmin{status: graph.Status{URI: "bolt://x:7687", Version: "5.26.0", Edition: "community", Nodes: 12, Relationships: 34},
		created: graph.SchemaResult{ConstraintsAdded: 8, IndexesAdded: 3},
		result:  graph.Result{Columns: []string{"name", "n"}, Rows: [][]any{{"Marco Rubio", int64(2)}}, Truncated: true}}
	var out bytes.Buffer
	if err := runStatus(t.Context(), &statusOptions{Out: &out, Store: func(context.Context) (statusReader, error) { return f, nil }}); err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{"bolt://x:7687", "5.26.0 community", "nodes          12", "relationships  34"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("status lacks %q:\n%s", w, out.String())
		}
	}
	out.Reset()
	if err := runSchema(t.Context(), &schemaOptions{Out: &out, Store: func(context.Context) (schemaApplier, error) { return f, nil }}); err != nil ||
		out.String() != "schema ready: 8 constraints and 3 indexes created\n" {
		t.Errorf("schema: %v %q", err, out.String())
	}

	opened := false
	store := func(context.Context) (cypherRunner, error) { opened = true; return f, nil }
	out.Reset()
	err := runQuery(t.Context(), &queryOptions{Out: &out, Store: store, Cypher: "MATCH (p) RETURN p.name AS name;",
		Params: []string{"n=5", `names=["a","b"]`, "who=Marco Rubio"}, Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if f.gotCy != "MATCH (p) RETURN p.name AS name" || f.gotPar["n"] != int64(5) || f.gotPar["who"] != "Marco Rubio" || f.gotW {
		t.Errorf("ran %q with %v (write %v)", f.gotCy, f.gotPar, f.gotW)
	}
	if !strings.Contains(out.String(), "Marco Rubio") || !strings.Contains(out.String(), "(1 row, cut at --limit 1)") {
		t.Errorf("query table:\n%s", out.String())
	}
	opened = false
	for _, o := range []*queryOptions{{}, {Cypher: "RETURN 1", File: "x.cypher"}, {Cypher: "RETURN 1", Params: []string{"novalue"}}} {
		o.Out, o.Store = io.Discard, store
		if err := runQuery(t.Context(), o); exitCode(err) != ExitUsage {
			t.Errorf("%+v: %v, want a usage error", o, err)
		}
	}
	if opened {
		t.Error("the store was opened for a usage error")
	}
	f.err = &graph.ConnError{URI: "bolt://x:7687", Err: errors.New("gone")}
	if err := runStatus(t.Context(), &statusOptions{Out: io.Discard, Store: func(context.Context) (statusReader, error) { return f, nil }}); exitCode(err) != ExitUnavailable {
		t.Errorf("status with neo4j gone: %v, want exit 4", err)
	}
}

type fakeExporter struct{ fakeStore }

func (f *fakeExporter) Export(_ context.Context, o graph.ExportOptions, sink graph.ExportSink) error {
	if err := sink.Node(graph.ExportNode{ID: "Person:" + o.PersonKey, Label: "Person", Props: map[string]any{"name": "Marco Rubio"}}); err != nil {
		return err
	}
	return sink.Edge(graph.ExportEdge{Type: "MET", Source: "Person:" + o.PersonKey, Target: "Person:emmanuel macron", Props: map[string]any{"count": 2}})
}

func TestRunExportGraph(t *testing.T) {
	f := &fakeExporter{*newFakeStore()}
	store := func(context.Context) (graphExporter, error) { return f, nil }
	var out bytes.Buffer
	if err := runExport(t.Context(), &exportOptions{Out: &out, Store: store, Format: "dot", Person: "Rubio", Depth: 2}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"Person:marco rubio" -> "Person:emmanuel macron" [label="MET 2", dir=none`) {
		t.Errorf("dot:\n%s", out.String())
	}
	for _, o := range []*exportOptions{{Format: "csv", Depth: 2}, {Format: "json", Depth: 0}, {Format: "neo4j-admin"}} {
		o.Out, o.Store = io.Discard, store
		if err := runExport(t.Context(), o); exitCode(err) != ExitUsage {
			t.Errorf("%+v: %v, want a usage error", o, err)
		}
	}
	err := runExport(t.Context(), &exportOptions{Out: io.Discard, Store: store, Format: "json", Person: "Nobody", Depth: 2})
	var nf *graph.NotFoundError
	if !errors.As(err, &nf) || exitCode(err) != ExitError {
		t.Errorf("unknown person: %v", err)
	}
}

// fakeLoadStore records the batches it is given.
type fakeLoadStore struct {
	batches [][]graph.Item
	saved   []newsgraph.FeedState
	err     error // of Write
}

func (f *fakeLoadStore) Write(_ context.Context, items []graph.Item) (graph.LoadStats, error) {
	if f.err != nil {
		return graph.LoadStats{}, f.err
	}
	f.batches = append(f.batches, items)
	return graph.LoadStats{Articles: len(items), New: len(items), NodesCreated: 10 * len(items)}, nil
}
func (f *fakeLoadStore) ApplySchema(context.Context) (graph.SchemaResult, error) {
	return graph.SchemaResult{}, nil
}
func (f *fakeLoadStore) FeedStates(context.Context, []string) (map[string]newsgraph.FeedState, error) {
	return nil, nil
}
func (f *fakeLoadStore) SaveFeedStates(_ context.Context, s []newsgraph.FeedState) error {
	f.saved = s
	return nil
}

// fakeRead gives articles of the texts, one per path; a path "bad"
// is rejected.
func fakeRead(texts map[string]string) readFunc {
	return func(_ context.Context, paths []string, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) error {
		for _, p := range paths {
			if p == "bad" {
				reject(&ingest.InputError{Path: p, Err: errors.New("empty")})
				continue
			}
			if err := emit(newsgraph.Article{ID: p, Path: p + ".txt", Text: texts[p]}); err != nil {
				return err
			}
		}
		return nil
	}
}

func TestRunLoadWithFakeStore(t *testing.T) {
	texts := map[string]string{
		"a": "KYIV, June 12, 2025 - Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron in Kyiv on Thursday.",
		"b": "Talks in Rome\n\nItalian Foreign Minister Paolo Verdi met Greek Foreign Minister Nikos Andreou in Rome on Tuesday.",
		"c": "Nothing happened.",
	}
	var rejected []string
	p := &pipeline{Read: fakeRead(texts), Reject: func(e *ingest.InputError) { rejected = append(rejected, e.Path) },
		Workers: 2, Log: slog.New(slog.DiscardHandler)}
	store := &fakeLoadStore{}
	var out bytes.Buffer
	o := &loadOptions{Out: &out, Err: io.Discard, Log: p.Log, Pipeline: p, Paths: []string{"a", "bad", "b", "c"}, BatchSize: 2,
		Store: func(context.Context) (loadStore, error) { return store, nil }}
	sum, err := runLoad(t.Context(), o)
	var pe *PartialError
	if !errors.As(err, &pe) || exitCode(err) != ExitPartial || pe.Rejected != 1 || pe.Total != 4 {
		t.Fatalf("err %v, want 1 of 4 rejected", err)
	}
	if len(rejected) != 1 || rejected[0] != "bad" {
		t.Errorf("rejected %v", rejected)
	}
	if sum.Read != 3 || sum.Written.New != 3 || sum.Written.NodesCreated != 30 {
		t.Errorf("summary %+v", sum)
	}
	if len(store.batches) != 2 || len(store.batches[0]) != 2 || store.batches[1][0].Article.ID != "c" {
		t.Fatalf("batches %v, want [a b] [c]", store.batches)
	}
	a := store.batches[0][0]
	// The date the text states is the item's, not written into the article.
	if a.Article.Published != "" || a.Published() != "2025-06-12" || a.Hash == "" || a.Hash == store.batches[0][1].Hash {
		t.Errorf("item a: published %q/%q hash %q", a.Article.Published, a.Published(), a.Hash)
	}
	if !strings.Contains(out.String(), "read 3 articles") || !strings.Contains(out.String(), "1 rejected") {
		t.Errorf("summary:\n%s", out.String())
	}

	// Neo4j lost while writing: exit 4, and the advice to run again.
	store.err = &graph.ConnError{URI: "bolt://x:7687", Err: errors.New("connection reset")}
	_, err = runLoad(t.Context(), o)
	if exitCode(err) != ExitUnavailable || !strings.Contains(err.Error(), "run the same command again") {
		t.Errorf("lost: %v", err)
	}

	// A dry run never asks for the store.
	o.DryRun, o.Paths = true, []string{"a", "b"}
	o.Store = func(context.Context) (loadStore, error) { t.Fatal("dry run asked for the store"); return nil, nil }
	out.Reset()
	if _, err := runLoad(t.Context(), o); err != nil || !strings.Contains(out.String(), "extracted 2 articles") {
		t.Errorf("dry run: %v %q", err, out.String())
	}
}

func TestRunExtractAndParse(t *testing.T) {
	texts := map[string]string{"a": "Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron in Kyiv on Thursday."}
	p := &pipeline{Read: fakeRead(texts), Reject: func(*ingest.InputError) {}, Workers: 1, Log: slog.New(slog.DiscardHandler)}
	var out bytes.Buffer
	err := runExtract(t.Context(), &extractOptions{Out: &out, Pipeline: p, Paths: []string{"a", "bad"}, Format: "jsonl"})
	if exitCode(err) != ExitPartial || !strings.Contains(out.String(), `"Emmanuel Macron"`) || strings.Count(out.String(), "\n") != 1 {
		t.Errorf("extract: %v\n%s", err, out.String())
	}
	out.Reset()
	err = runParse(t.Context(), &parseOptions{Out: &out, Read: fakeRead(texts), Reject: func(*ingest.InputError) {}, Paths: []string{"a"}, Format: "conllu"})
	if err != nil || !strings.Contains(out.String(), "# newdoc id = a") || !strings.Contains(out.String(), "\tmeet\t") {
		t.Errorf("parse: %v\n%s", err, out.String())
	}
}

func TestRunWatchWithFakePoll(t *testing.T) {
	var logs bytes.Buffer
	polls := 0
	o := &watchOptions{Log: slog.New(slog.NewTextHandler(&logs, nil)), URLs: []string{"https://example.org/feed"}, Once: true,
		Poll: func(context.Context, *webRun) (loadSummary, error) {
			polls++
			return loadSummary{Read: 2, Written: graph.LoadStats{New: 2}}, nil
		}}
	if err := runWatch(t.Context(), o); err != nil || polls != 1 || !strings.Contains(logs.String(), "msg=written articles=2 new=2") {
		t.Errorf("once: %v, %d polls, log:\n%s", err, polls, logs.String())
	}
	o.Poll = func(context.Context, *webRun) (loadSummary, error) {
		return loadSummary{}, &graph.ConnError{URI: "bolt://x:7687", Err: errors.New("refused")}
	}
	if err := runWatch(t.Context(), o); exitCode(err) != ExitUnavailable {
		t.Errorf("once with neo4j down: %v, want exit 4", err)
	}
}

// TestRunExportAdminWithPipeline: the admin export takes the pipeline
// of load and writes its files.
func TestRunExportAdminWithPipeline(t *testing.T) {
	texts := map[string]string{"a": "Ukrainian President Volodymyr Zelensky met French President Emmanuel Macron in Kyiv on Thursday."}
	p := &pipeline{Read: fakeRead(texts), Reject: func(*ingest.InputError) {}, Workers: 1, Log: slog.New(slog.DiscardHandler)}
	dir := t.TempDir()
	var out bytes.Buffer
	err := runExport(t.Context(), &exportOptions{Out: &out, Err: io.Discard, Format: "neo4j-admin", Pipeline: p, Paths: []string{"a", "a"},
		Dir: dir, BatchSize: 10, JSON: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), `"exported": 1`) || !strings.Contains(out.String(), `"duplicates": 1`) {
		t.Errorf("summary:\n%s", out.String())
	}
	b, err := os.ReadFile(filepath.Join(dir, "Person.csv"))
	if err != nil || !strings.Contains(string(b), `"emmanuel macron"`) {
		t.Errorf("Person.csv: %v\n%s", err, b)
	}
}

package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// TestLoadAndAdminImportBuildTheSameGraph is the contract between the two
// ways into Neo4j: the same articles, in the same batches, through `load`
// and through `export --format neo4j-admin` + `neo4j-admin database
// import` (its import.sh, into a server of its own) give the same graph,
// node for node and relationship for relationship, with every property.
func TestLoadAndAdminImportBuildTheSameGraph(t *testing.T) {
	nargs := neo4jArgs(t)
	examples, _ := exampleArticles(t)
	seed, err := filepath.Abs(filepath.Join("..", "..", "extract", "testdata", "golden", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	// Articles whose people recur by surname across batches of 2.
	inputs := []string{examples, seed}

	code, _, errs := run(t, append(append(nargs, "load", "--batch-size", "2"), inputs...)...)
	if code != ExitOK {
		t.Fatalf("load: exit %d\n%s", code, errs)
	}
	loaded := storeGraph(t, neo4jtest.Options(t))

	dir := t.TempDir()
	code, _, errs = run(t, append([]string{"export", "--format", "neo4j-admin", "--out", dir, "--batch-size", "2"}, inputs...)...)
	if code != ExitOK {
		t.Fatalf("export: exit %d\n%s", code, errs)
	}
	imported := storeGraph(t, neo4jtest.Imported(t, dir))
	if _, err := os.Stat(filepath.Join(dir, graph.AdminReportFile)); err != nil {
		t.Errorf("the import's report is not beside the CSV files: %v", err)
	}

	if len(loaded) < 50 {
		t.Fatalf("the loaded graph has only %d nodes and relationships", len(loaded))
	}
	want := map[string]bool{}
	for _, l := range loaded {
		want[l] = true
	}
	got := map[string]bool{}
	for _, l := range imported {
		got[l] = true
	}
	var missing, extra []string
	for _, l := range loaded {
		if !got[l] {
			missing = append(missing, l)
		}
	}
	for _, l := range imported {
		if !want[l] {
			extra = append(extra, l)
		}
	}
	if len(missing)+len(extra) > 0 {
		t.Errorf("the graphs differ (%d lines loaded, %d imported)\nonly loaded:\n  %s\nonly imported:\n  %s",
			len(loaded), len(imported), strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
	}
}

func storeGraph(t *testing.T, o graph.Options) []string {
	t.Helper()
	s, err := graph.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	return neo4jtest.Graph(t, s)
}

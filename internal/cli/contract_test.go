package cli

import (
	"context"
	"os"
	"path/filepath"
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
	if d := neo4jtest.SnapshotDiff(loaded, imported); d != "" {
		t.Errorf("load and import (the \"clean load\" is load's): %s", d)
	}
}

func storeGraph(t *testing.T, o graph.Options) []string {
	t.Helper()
	s, err := graph.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	return neo4jtest.Snapshot(t, s)
}

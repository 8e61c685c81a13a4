package cli

import (
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// BenchmarkExportNeo4jAdmin measures the CSV writer of `export --format
// neo4j-admin` alone: generated articles are extracted once, outside the
// timer; each iteration writes them, in batches of 500 as load does, to a
// fresh folder. Extraction speed is BenchmarkExtract's business.
//
//	go test -run '^$' -bench ExportNeo4jAdmin ./internal/cli/   (NEWSGRAPH_BENCH_ARTICLES=2000)
func BenchmarkExportNeo4jAdmin(b *testing.B) {
	n := envInt("NEWSGRAPH_BENCH_ARTICLES", 2000, 1)
	x, err := extract.New()
	if err != nil {
		b.Fatal(err)
	}
	g := synth.New(1, 2000)
	items := make([]graph.Item, n)
	for i := range n {
		s := g.Article(i)
		a := newsgraph.Article{ID: s.ID, Text: s.Text, Path: s.ID + ".txt"}
		items[i] = graph.NewItem(a, x.Extract(a), extract.Version)
	}
	var st graph.AdminStats
	for b.Loop() {
		ex, err := graph.NewAdminExport(b.TempDir(), extract.CountryName)
		if err != nil {
			b.Fatal(err)
		}
		for i := 0; i < n; i += 500 {
			if err := ex.Add(items[i:min(i+500, n)]); err != nil {
				b.Fatal(err)
			}
		}
		if st, err = ex.Close(); err != nil {
			b.Fatal(err)
		}
	}
	rels := 0
	for _, c := range st.Relationships {
		rels += c
	}
	sec := b.Elapsed().Seconds() / float64(b.N)
	b.ReportMetric(float64(n)/sec, "articles/s")
	b.ReportMetric(float64(rels)/sec, "rels/s")
}

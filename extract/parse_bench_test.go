package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// BenchmarkParse tags and parses every sentence of the dev articles of
// the shared evaluation set (or, without them, of testdata/golden) and
// reports words per second on one goroutine.
func BenchmarkParse(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "dev", "articles")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		files, _ = filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	}
	x := extractor(b)
	var docs []*extract.Doc
	words := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		d := extract.Segment(string(t))
		for s := range d.Sentences {
			words += len(d.Words(s))
		}
		docs = append(docs, d)
	}
	b.ResetTimer()
	for b.Loop() {
		for _, d := range docs {
			for s := range d.Sentences {
				x.Parse(d, s)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

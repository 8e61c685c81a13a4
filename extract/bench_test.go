package extract_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// BenchmarkExtract extracts the dev articles of the shared evaluation set
// (../shared/eval/dev/articles next to the repository) and reports bytes
// of text per second.
func BenchmarkExtract(b *testing.B) {
	dir := filepath.Join("..", "..", "..", "shared", "eval", "dev", "articles")
	if _, err := os.Stat(dir); err != nil {
		dir = filepath.Join("..", "..", "shared", "eval", "dev", "articles")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	if len(files) == 0 {
		b.Skip("no dev articles next to the repository")
	}
	var arts []newsgraph.Article
	size := 0
	for _, f := range files {
		t, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		arts = append(arts, newsgraph.Article{ID: filepath.Base(f), Text: string(t)})
		size += len(t)
	}
	x := extractor(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
}

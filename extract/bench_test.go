package extract_test

import (
	"flag"
	"os"
	"path/filepath"
	"runtime/debug"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// memoryLimit is cmd/newsgraph's soft limit of the Go heap (memoryLimit
// in its main.go).
const memoryLimit = 120 << 20

var articles = flag.String("articles", "", "folder of *.txt articles for BenchmarkExtract (default: the shared evaluation set's dev articles)")

// BenchmarkExtract extracts the dev articles of the shared evaluation set
// (../shared/eval/dev/articles next to the repository), or the *.txt files
// of the folder given with -articles, one after the other on one
// goroutine, and reports MB of text per second of wall time (MB/s, from
// SetBytes), per second of the process's user and system CPU time while it
// ran (MB/cpu-s: the fair figure on a busy machine; run with -cpu 1; GC
// work counts) and the process's peak resident memory (with the models
// loaded). The Go heap has the soft limit that cmd/newsgraph gives it
// (unless GOMEMLIMIT says otherwise), so that the peak is the command's.
func BenchmarkExtract(b *testing.B) {
	if os.Getenv("GOMEMLIMIT") == "" {
		defer debug.SetMemoryLimit(debug.SetMemoryLimit(memoryLimit))
	}
	dir := *articles
	if dir == "" {
		dir = filepath.Join("..", "..", "..", "shared", "eval", "dev", "articles")
		if _, err := os.Stat(dir); err != nil {
			dir = filepath.Join("..", "..", "shared", "eval", "dev", "articles")
		}
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
	cpu0 := cpuTime()
	b.ResetTimer()
	for b.Loop() {
		for _, a := range arts {
			x.Extract(a)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(size)*float64(b.N)/1e6/(cpuTime()-cpu0).Seconds(), "MB/cpu-s")
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-RSS-MB")
	}
}

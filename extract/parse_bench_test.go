//go:build unix

package extract_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// BenchmarkParse tags and parses every sentence of the dev articles of
// the shared evaluation set (or, without them, of testdata/golden) on one
// goroutine and reports words per second of wall time and per second of
// the process's CPU time (the fair figure on a busy machine; run with
// -cpu 1).
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
	cpu0 := cpuTime()
	for b.Loop() {
		for _, d := range docs {
			for s := range d.Sentences {
				x.Parse(d, s)
			}
		}
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(float64(words)*float64(b.N)/(cpuTime()-cpu0).Seconds(), "words/cpu-s")
}

// cpuTime returns the user and system CPU time of the process so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

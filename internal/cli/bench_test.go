package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"

	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

func envInt(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// BenchmarkLoad loads generated articles end to end (read, extract, write)
// with the newsgraph binary into the test Neo4j, in batches and, as the
// baseline, one transaction per article. It reports articles/s,
// relationships/s and the loader's peak resident memory.
//
//	make bench-load   (NEWSGRAPH_BENCH_ARTICLES=10000, NEWSGRAPH_BENCH_BASELINE=1000)
func BenchmarkLoad(b *testing.B) {
	neo4jtest.Options(b) // skips without NEO4J_URI
	n := envInt("NEWSGRAPH_BENCH_ARTICLES", 10000)
	nBase := envInt("NEWSGRAPH_BENCH_BASELINE", 1000)
	dir := b.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/newsgraph").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	all := filepath.Join(dir, "all")
	base := filepath.Join(dir, "baseline")
	for _, d := range []string{all, base} {
		if err := os.Mkdir(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	g := synth.New(1, 2000)
	for i := range n {
		a := g.Article(i)
		if err := os.WriteFile(filepath.Join(all, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		if i < nBase {
			if err := os.WriteFile(filepath.Join(base, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
				b.Fatal(err)
			}
		}
	}
	uri := neo4jtest.Options(b).URI
	for _, c := range []struct {
		name, dir string
		batch     string
	}{
		{"batched", all, "500"},
		{"one-tx-per-article", base, "1"},
	} {
		b.Run(c.name, func(b *testing.B) {
			var s loadSummary
			var rss int64
			for b.Loop() {
				b.StopTimer()
				neo4jtest.Open(b) // empty database
				b.StartTimer()
				cmd := exec.Command(bin, "load", "--json", "--no-progress", "--neo4j-uri", uri, "--batch-size", c.batch, c.dir)
				var out, errb bytes.Buffer
				cmd.Stdout, cmd.Stderr = &out, &errb
				if err := cmd.Run(); err != nil {
					b.Fatalf("load: %v\n%s", err, errb.String())
				}
				if err := json.Unmarshal(out.Bytes(), &s); err != nil {
					b.Fatalf("%v: %s", err, out.String())
				}
				if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
					rss = max(rss, ru.Maxrss) // KiB on Linux
				}
			}
			b.ReportMetric(float64(s.Read)/s.Seconds, "articles/s")
			b.ReportMetric(float64(s.Written.RelsCreated)/s.Seconds, "rels/s")
			b.ReportMetric(float64(rss)/1024, "peakRSS-MB")
		})
	}
}

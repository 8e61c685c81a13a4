package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// maxLoaderRSS is the most resident memory (KiB) a load may take, whatever
// the number of articles (issue 10: under 300 MB at 100,000 articles).
const maxLoaderRSS = 300 << 10

// envInt is the integer environment variable name when it is at least
// least, else def.
func envInt(name string, def, least int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n >= least {
		return n
	}
	return def
}

// BenchmarkLoad loads generated articles of real length and density
// (internal/synth's News) end to end (read, extract, write) with the
// newsgraph binary into the test Neo4j, and sets that beside extraction
// alone of the same articles in the same run:
//
//   - extract-only: `load --dry-run` (read and extract, no Neo4j);
//   - batched: a first load into the empty database (cold-articles/s and
//     cold-server-cpu-ms/article: the server's JVM is cold when `make
//     bench-load` has just started it; server-uptime-s says how long it
//     had run), then warm-up loads, each after a wipe, of the first 10,000
//     articles (NEWSGRAPH_BENCH_WARMUPS, default 2), so that the JVM has
//     compiled its hot code, then the measured load after a wipe, and its
//     ratio to extract-only (load/extract); server-jit-ms/article is the
//     time the server's JIT compilers spent during the measured load (how
//     warm it was); then the whole graph is wiped (relationships first, in
//     batches) and must be empty (wipe-s);
//   - one-tx-per-article: the baseline, on fewer articles.
//
// It reports articles/s, relationships/s and the loader's peak resident
// memory, and fails when that memory exceeds maxLoaderRSS.
//
//	make bench-load   (NEWSGRAPH_BENCH_ARTICLES=10000, NEWSGRAPH_BENCH_BASELINE=1000,
//	                   NEWSGRAPH_BENCH_WARMUPS=2)
func BenchmarkLoad(b *testing.B) {
	neo4jtest.Options(b) // skips without NEO4J_URI
	n := envInt("NEWSGRAPH_BENCH_ARTICLES", 10000, 1)
	nBase := envInt("NEWSGRAPH_BENCH_BASELINE", 1000, 1)
	warmups, nWarm := envInt("NEWSGRAPH_BENCH_WARMUPS", 2, 0), min(n, 10000)
	dir := b.TempDir()
	bin := filepath.Join(dir, "newsgraph")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/newsgraph").CombinedOutput(); err != nil {
		b.Fatalf("build: %v\n%s", err, out)
	}
	all := filepath.Join(dir, "all")
	base := filepath.Join(dir, "baseline")
	dirs := []string{all, base}
	warm := all // the warm-up loads' articles
	if nWarm < n {
		warm = filepath.Join(dir, "warm")
		dirs = append(dirs, warm)
	}
	for _, d := range dirs {
		if err := os.Mkdir(d, 0o755); err != nil {
			b.Fatal(err)
		}
	}
	g := synth.New(1, 2000)
	var bytesTotal int
	for i := range n {
		a := g.News(i) // the density of news as it comes (see synth.News)
		bytesTotal += len(a.Text)
		if err := os.WriteFile(filepath.Join(all, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			b.Fatal(err)
		}
		for _, sub := range []struct {
			dir string
			n   int
		}{{base, nBase}, {warm, nWarm}} {
			if sub.dir != all && i < sub.n {
				if err := os.WriteFile(filepath.Join(sub.dir, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
					b.Fatal(err)
				}
			}
		}
	}
	b.Logf("%d articles, mean %d bytes", n, bytesTotal/n)
	uri := neo4jtest.Options(b).URI

	// load runs the binary once and returns its summary and peak RSS (KiB);
	// cpu adds the loader's CPU time.
	var cpu time.Duration
	load := func(b *testing.B, args ...string) (loadSummary, int64) {
		b.Helper()
		cmd := exec.Command(bin, append([]string{"load", "--json", "--no-progress", "--neo4j-uri", uri}, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		if err := cmd.Run(); err != nil {
			b.Fatalf("load: %v\n%s", err, errb.String())
		}
		var s loadSummary
		if err := json.Unmarshal(out.Bytes(), &s); err != nil {
			b.Fatalf("%v: %s", err, out.String())
		}
		var rss int64
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			rss = ru.Maxrss // KiB on Linux
		}
		if rss > maxLoaderRSS {
			// a memory bound, not a timing: the loader must not grow with the input
			b.Errorf("load %v: peak RSS %d MB, more than %d MB", args, rss>>10, maxLoaderRSS>>10)
		}
		cpu += cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
		return s, rss
	}
	rate := func(s loadSummary) float64 { return float64(s.Read) / s.Seconds }

	// On a shared machine wall-clock rates swing with the neighbours'
	// load; CPU time per article (the loader's, and the server's from its
	// JVM) is steadier, and their sum sets the rate on a quiet machine.
	var extractRate, extractCPU float64
	b.Run("extract-only", func(b *testing.B) {
		var s loadSummary
		var rss int64
		for b.Loop() {
			var r int64
			cpu = 0
			s, r = load(b, "--dry-run", all)
			rss = max(rss, r)
		}
		extractRate = rate(s)
		extractCPU = cpu.Seconds() * 1000 / float64(s.Read)
		b.ReportMetric(extractRate, "articles/s")
		b.ReportMetric(extractCPU, "cpu-ms/article")
		b.ReportMetric(float64(rss)/1024, "peakRSS-MB")
	})

	b.Run("batched", func(b *testing.B) {
		b.StopTimer()
		s := neo4jtest.Open(b) // empty database
		uptime := serverUptime(b, s)
		cpu0 := serverCPUTime(b, s)
		cold, rss := load(b, all)
		coldCPU := serverCPUTime(b, s) - cpu0
		// The JVM compiles the server's hot code over its first tens of
		// thousands of articles: a second load still spends about as much
		// CPU in the JIT compilers as in the writes themselves.
		for range warmups {
			neo4jtest.Reset(b)
			_, r := load(b, warm)
			rss = max(rss, r)
		}
		b.StartTimer()
		var measured loadSummary
		var serverCPU, jit time.Duration
		for b.Loop() {
			b.StopTimer()
			neo4jtest.Reset(b)
			cpu = 0
			cpu0 := serverCPUTime(b, s)
			jit0 := serverJITTime(b, s)
			b.StartTimer()
			var r int64
			measured, r = load(b, all)
			rss = max(rss, r)
			b.StopTimer()
			serverCPU = serverCPUTime(b, s) - cpu0
			jit = serverJITTime(b, s) - jit0
			b.StartTimer()
		}
		// (metrics reported before b.Loop would be reset by it)
		b.ReportMetric(uptime.Seconds(), "server-uptime-s")
		b.ReportMetric(rate(cold), "cold-articles/s")
		b.ReportMetric(coldCPU.Seconds()*1000/float64(cold.Read), "cold-server-cpu-ms/article")
		b.ReportMetric(float64(warmups), "warm-up-loads")
		b.ReportMetric(jit.Seconds()*1000/float64(measured.Read), "server-jit-ms/article")
		b.ReportMetric(rate(measured), "articles/s")
		if extractRate > 0 {
			b.ReportMetric(rate(measured)/extractRate, "load/extract")
		}
		loaderCPU := cpu.Seconds() * 1000 / float64(measured.Read)
		srvCPU := serverCPU.Seconds() * 1000 / float64(measured.Read)
		b.ReportMetric(loaderCPU, "cpu-ms/article")
		b.ReportMetric(srvCPU, "server-cpu-ms/article")
		if extractCPU > 0 && srvCPU > 0 {
			// what load/extract would be with every core busy in both runs
			b.ReportMetric(extractCPU/(loaderCPU+srvCPU), "cpu-load/extract")
		}
		b.ReportMetric(float64(measured.Written.RelsCreated)/measured.Seconds, "rels/s")
		b.ReportMetric(float64(rss)/1024, "peakRSS-MB")

		// The wipe at this scale: relationships first, in batches, so that
		// no transaction holds a dense node with all its edges.
		b.StopTimer()
		rels, err := s.Count(context.Background(), `MATCH ()-[r]->() RETURN count(r)`, nil)
		if err != nil {
			b.Fatal(err)
		}
		t0 := time.Now()
		if err := graph.ResetForTests(context.Background(), s); err != nil {
			b.Fatalf("wipe after loading %d articles (%d relationships): %v", n, rels, err)
		}
		b.ReportMetric(time.Since(t0).Seconds(), "wipe-s")
		nodes, err := s.Count(context.Background(), `MATCH (n) WHERE NOT n:NewsgraphTestDatabase RETURN count(n)`, nil)
		if err != nil {
			b.Fatal(err)
		}
		left, err := s.Count(context.Background(), `MATCH ()-[r]->() RETURN count(r)`, nil)
		if err != nil {
			b.Fatal(err)
		}
		if nodes != 0 || left != 0 {
			b.Fatalf("after the wipe of %d relationships: %d nodes and %d relationships left", rels, nodes, left)
		}
	})

	b.Run("one-tx-per-article", func(b *testing.B) {
		var s loadSummary
		var rss int64
		for b.Loop() {
			b.StopTimer()
			neo4jtest.Open(b) // empty database
			b.StartTimer()
			var r int64
			s, r = load(b, "--batch-size", "1", base)
			rss = max(rss, r)
		}
		b.ReportMetric(rate(s), "articles/s")
		b.ReportMetric(float64(s.Written.RelsCreated)/s.Seconds, "rels/s")
		b.ReportMetric(float64(rss)/1024, "peakRSS-MB")
	})
}

// serverCPUTime asks the JVM how much CPU time Neo4j has used (0 when it
// cannot say).
func serverCPUTime(b *testing.B, s *graph.Store) time.Duration {
	return time.Duration(jmx(b, s, "java.lang:type=OperatingSystem", "ProcessCpuTime"))
}

// serverJITTime asks the JVM how long its JIT compilers have worked (0
// when it cannot say).
func serverJITTime(b *testing.B, s *graph.Store) time.Duration {
	return time.Duration(jmx(b, s, "java.lang:type=Compilation", "TotalCompilationTime")) * time.Millisecond
}

// serverUptime asks the JVM how long Neo4j has run (0 when it cannot say).
func serverUptime(b *testing.B, s *graph.Store) time.Duration {
	return time.Duration(jmx(b, s, "java.lang:type=Runtime", "Uptime")) * time.Millisecond
}

// jmx reads the numeric attribute attr of the JVM's bean (0 when the
// server cannot say).
func jmx(b *testing.B, s *graph.Store, bean, attr string) int64 {
	b.Helper()
	v, err := s.Count(context.Background(), `CALL dbms.queryJmx($bean) YIELD attributes RETURN attributes[$attr].value`, map[string]any{"bean": bean, "attr": attr})
	if err != nil {
		b.Logf("server %s: %v", attr, err)
		return 0
	}
	return v
}

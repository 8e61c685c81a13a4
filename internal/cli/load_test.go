package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// neo4jArgs points the CLI at the test Neo4j, after emptying it.
func neo4jArgs(t *testing.T) []string {
	t.Helper()
	neo4jtest.Open(t)
	return []string{"--neo4j-uri", neo4jtest.Options(t).URI}
}

// exampleArticles returns the absolute path of the sample articles and how many there are.
func exampleArticles(t *testing.T) (string, int) {
	t.Helper()
	dir, err := filepath.Abs("../../examples/articles")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no sample articles in %s: %v", dir, err)
	}
	return dir, len(files)
}

func loadJSON(t *testing.T, args ...string) loadSummary {
	t.Helper()
	code, out, errs := run(t, append([]string{"load", "--json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("load exit %d, stderr:\n%s", code, errs)
	}
	var s loadSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("load --json: %v\n%s", err, out)
	}
	return s
}

func statusJSON(t *testing.T, args ...string) map[string]any {
	t.Helper()
	code, out, errs := run(t, append([]string{"status", "--json"}, args...)...)
	if code != ExitOK {
		t.Fatalf("status exit %d: %s", code, errs)
	}
	var m map[string]any
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	return m
}

func TestLoadTwiceWritesNothingTheSecondTime(t *testing.T) {
	nargs := neo4jArgs(t)
	examples, n := exampleArticles(t)
	first := loadJSON(t, append(nargs, examples)...)
	if first.Read != n || first.Written.New != n || first.Written.NodesCreated == 0 {
		t.Fatalf("first load: %+v", first)
	}
	before := statusJSON(t, nargs...)
	second := loadJSON(t, append(nargs, examples)...)
	if second.Written.Unchanged != n || second.Written.New != 0 || second.Written.NodesCreated != 0 || second.Written.RelsCreated != 0 {
		t.Errorf("second load: %+v, want all %d unchanged and nothing written", second, n)
	}
	after := statusJSON(t, nargs...)
	if before["nodes"] != after["nodes"] || before["relationships"] != after["relationships"] {
		t.Errorf("counts changed: %v -> %v", before, after)
	}
}

func TestLoadRejectsBadInputsAndLoadsTheRest(t *testing.T) {
	nargs := neo4jArgs(t)
	dir := t.TempDir()
	files := map[string][]byte{
		"good.txt":   []byte("Talks in Rome\n\nItalian Foreign Minister Paolo Verdi met Greek Foreign Minister Nikos Andreou in Rome on Tuesday.\n"),
		"empty.txt":  {},
		"binary.txt": {0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 0, 0},
		"broken.txt": []byte("Caf\xe9 society\n\nbroken \xff\xfe utf-8\n"),
		"bad.json":   []byte(`{"title": "x", "text": `),
	}
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errs := run(t, append(nargs, "load", "--json", dir)...)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d (partial); stderr:\n%s", code, ExitPartial, errs)
	}
	for _, name := range []string{"empty.txt", "binary.txt", "broken.txt", "bad.json"} {
		if !strings.Contains(errs, name) {
			t.Errorf("stderr does not name %s:\n%s", name, errs)
		}
	}
	var s loadSummary
	if err := json.Unmarshal([]byte(out), &s); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if s.Read != 1 || s.Rejected != 4 || s.Written.New != 1 {
		t.Errorf("summary %+v, want 1 read and loaded, 4 rejected", s)
	}
}

func TestLoadDryRunNeedsNoNeo4j(t *testing.T) {
	examples, n := exampleArticles(t)
	clearEnv(t)
	code, out, errs := run(t, "load", "--dry-run", "--neo4j-uri", "bolt://127.0.0.1:1", examples)
	if code != ExitOK || !strings.Contains(out, fmt.Sprintf("extracted %d articles", n)) || !strings.Contains(out, "dry run") {
		t.Errorf("exit %d, out %q, stderr %q", code, out, errs)
	}
}

// TestTwoLoadsAtOnce runs two loads (each with its own driver, as two
// processes would) on overlapping folders at the same time: the graph
// must equal that of one load of everything.
func TestTwoLoadsAtOnce(t *testing.T) {
	nargs := neo4jArgs(t)
	g := synth.New(3, 40) // few people: the loads contend for the same nodes
	all, a, b := t.TempDir(), t.TempDir(), t.TempDir()
	for i := range 60 {
		art := g.Article(i)
		for _, dir := range []string{all, a, b} {
			if dir == a && i >= 40 || dir == b && i < 20 {
				continue
			}
			if err := os.WriteFile(filepath.Join(dir, art.ID+".txt"), []byte(art.Text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	loadJSON(t, append(nargs, "--batch-size", "5", all)...)
	want := statusJSON(t, nargs...)

	neo4jtest.Reset(t)
	var wg sync.WaitGroup
	codes := make([]int, 2)
	for i, dir := range []string{a, b} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var out, errb bytes.Buffer
			codes[i] = Main(t.Context(), append(nargs, "load", "--batch-size", "5", "--workers", "1", dir), strings.NewReader(""), &out, &errb)
			if codes[i] != ExitOK {
				t.Errorf("load %s: exit %d: %s", dir, codes[i], errb.String())
			}
		}()
	}
	wg.Wait()
	got := statusJSON(t, nargs...)
	if got["nodes"] != want["nodes"] || got["relationships"] != want["relationships"] {
		t.Errorf("two loads at once: %v nodes, %v relationships; one load: %v, %v",
			got["nodes"], got["relationships"], want["nodes"], want["relationships"])
	}
}

// TestLoadKeepsFilesOfTheSameName: an archive laid out as
// business/001.txt, politics/001.txt, ... keeps every article; two folders
// named in one run that both hold 001.txt are an error naming both files
// (exit 3) and the first read stays; a later run that brings 001 from
// another folder says it replaced an article read from another path.
func TestLoadKeepsFilesOfTheSameName(t *testing.T) {
	nargs := neo4jArgs(t)
	g := synth.New(5, 30)
	archive := t.TempDir()
	n := 0
	for _, topic := range []string{"business", "politics", "sport"} {
		for i := range 4 {
			art := g.Article(n)
			n++
			p := filepath.Join(archive, topic, fmt.Sprintf("%03d.txt", i))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, []byte(art.Text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	s := loadJSON(t, append(nargs, archive)...)
	if s.Read != n || s.Written.New != n || s.Written.Changed != 0 {
		t.Fatalf("archive load: %+v, want %d read, all new", s, n)
	}
	if again := loadJSON(t, append(nargs, archive)...); again.Written.Unchanged != n {
		t.Errorf("second archive load: %+v, want all %d unchanged (each kept as its own article)", again, n)
	}

	// Two folders in one run: politics/001 and sport/001 both give "001".
	neo4jtest.Reset(t)
	code, out, errs := run(t, append(nargs, "load", "--json", filepath.Join(archive, "politics"), filepath.Join(archive, "sport"))...)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitPartial, errs)
	}
	for _, want := range []string{filepath.Join("sport", "001.txt"), filepath.Join("politics", "001.txt"), `article id "001" was already read in this run`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr does not say %q:\n%s", want, errs)
		}
	}
	var part loadSummary
	if err := json.Unmarshal([]byte(out), &part); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if part.Read != 4 || part.Rejected != 4 || part.Written.New != 4 {
		t.Errorf("summary %+v, want politics' 4 loaded and sport's 4 rejected", part)
	}

	// A later run brings 001 from sport/: it replaces politics' 001, and
	// the summary says so.
	code, out, errs = run(t, append(nargs, "load", filepath.Join(archive, "sport", "001.txt"))...)
	if code != ExitOK || !strings.Contains(out, "1 changed articles replaced an article of the same id read from another path") {
		t.Errorf("exit %d, out:\n%s\nstderr:\n%s", code, out, errs)
	}
}

package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestLoadDebugLog is what an operator sees with --log-level debug: the
// connection, the schema, each batch written with its counts, the
// rejected inputs and the time of each stage. At the default level none
// of it shows.
func TestLoadDebugLog(t *testing.T) {
	nargs := neo4jArgs(t)
	examples, _ := exampleArticles(t)
	dir := t.TempDir()
	for _, f := range []string{"000-rubio-macron-paris.txt", "001-lisbon-talks.txt", "002-kharkiv-strike.txt"} {
		b, err := os.ReadFile(filepath.Join(examples, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "empty.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}

	code, _, errs := run(t, append(nargs, "--log-level", "debug", "--log-format", "json", "load", "--batch-size", "2", dir)...)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, ExitPartial, errs)
	}
	var logs []string
	for _, l := range strings.Split(errs, "\n") {
		if strings.HasPrefix(l, "{") {
			logs = append(logs, l)
		}
	}
	lines := logLines(t, strings.Join(logs, "\n"))
	byMsg := map[string][]map[string]any{}
	for _, l := range lines {
		if l["level"] != "DEBUG" && l["level"] != "INFO" {
			t.Errorf("unexpected log level: %v", l)
		}
		msg, _ := l["msg"].(string)
		byMsg[msg] = append(byMsg[msg], l)
	}
	if c := byMsg["connected to neo4j"]; len(c) != 1 || c[0]["uri"] != nargs[1] {
		t.Errorf("connection lines = %v, want one naming %s", c, nargs[1])
	}
	if len(byMsg["schema ready"]) != 1 {
		t.Errorf("schema lines = %v, want one", byMsg["schema ready"])
	}
	// 3 articles in batches of 2: two batches, 2 + 1 new articles.
	b := byMsg["batch written"]
	if len(b) != 2 || b[0]["articles"] != 2.0 || b[0]["new"] != 2.0 || b[1]["articles"] != 1.0 || b[1]["batch"] != 2.0 {
		t.Errorf("batch lines = %v, want two: 2 then 1 new articles", b)
	}
	if r := byMsg["rejected"]; len(r) != 1 || !strings.HasSuffix(r[0]["input"].(string), "empty.txt") {
		t.Errorf("rejected lines = %v, want one naming empty.txt", r)
	}
	st := byMsg["load stages"]
	if len(st) != 1 || st[0]["read"] != 3.0 || st[0]["rejected"] != 1.0 {
		t.Fatalf("stage lines = %v, want one: 3 read, 1 rejected", st)
	}
	for _, k := range []string{"extracting", "writing", "total"} {
		if s, _ := st[0][k].(string); !strings.HasSuffix(s, "s") {
			t.Errorf("stage %s = %v, want a duration", k, st[0][k])
		}
	}

	// At the default level (info), a load logs nothing.
	code, _, errs = run(t, append(nargs, "--log-format", "json", "load", dir)...)
	if code != ExitPartial || strings.Contains(errs, "{") {
		t.Errorf("exit %d, stderr at level info:\n%s", code, errs)
	}
}

package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExportNeo4jAdmin(t *testing.T) {
	examples, err := filepath.Abs("../../examples/articles")
	if err != nil {
		t.Fatal(err)
	}
	clearEnv(t)
	out := filepath.Join(t.TempDir(), "import")

	cases := []struct {
		name string
		args []string
		code int
		want string // in stderr
	}{
		{"no paths", []string{"export", "--format", "neo4j-admin", "--out", out}, 2, "needs at least one PATH"},
		{"no out", []string{"export", "--format", "neo4j-admin", examples}, 2, "needs --out DIR"},
		{"paths without neo4j-admin", []string{"export", "--format", "json", examples}, 2, "takes no arguments"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.want) {
				t.Errorf("exit %d, stderr %q; want %d and %q", code, stderr, tc.code, tc.want)
			}
		})
	}

	code, stdout, stderr := run(t, "export", "--format", "neo4j-admin", "--out", out, "--json", "--batch-size", "2", examples)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var sum adminSummary
	if err := json.Unmarshal([]byte(stdout), &sum); err != nil {
		t.Fatalf("summary is not JSON: %v\n%s", err, stdout)
	}
	entries, _ := os.ReadDir(examples)
	if sum.Exported != len(entries) || sum.Nodes["Article"] != len(entries) || sum.Nodes["Person"] == 0 || sum.Relationships["MET"] == 0 {
		t.Errorf("summary: %d articles, nodes %v, relationships %v; want %d articles with persons and MET edges", sum.Exported, sum.Nodes, sum.Relationships, len(entries))
	}
	if sum.Command[0] != "neo4j-admin" || !strings.Contains(strings.Join(sum.Command, " "), "database import full neo4j") {
		t.Errorf("command %q", sum.Command)
	}
	b, err := os.ReadFile(filepath.Join(out, "Person.csv"))
	if err != nil || len(b) == 0 {
		t.Errorf("Person.csv: %v, %d bytes", err, len(b))
	}
	if fi, err := os.Stat(filepath.Join(out, "import.sh")); err != nil || fi.Mode()&0o100 == 0 {
		t.Errorf("import.sh: %v (want an executable script)", err)
	}
}

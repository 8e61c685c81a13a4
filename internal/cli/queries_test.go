package cli

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// fixtureGraph loads the hand-built facts of graph/testdata/facts.json
// into the Neo4j at NEO4J_URI (emptied first) and isolates the test from
// config files. Without NEO4J_URI it skips, or fails when CI=true.
// It returns the repository root.
func fixtureGraph(t *testing.T) string {
	t.Helper()
	neo4jtest.Open(t)
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	neo4jtest.LoadFacts(t, filepath.Join(root, "graph", "testdata", "facts.json"), extract.CountryName)
	t.Chdir(t.TempDir()) // no ./newsgraph.yaml
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
	return root
}

// checkWidth fails when a line of table output is wider than 100 columns.
func checkWidth(t *testing.T, args []string, out string) {
	t.Helper()
	for _, l := range strings.Split(out, "\n") {
		if n := len([]rune(l)); n > tableWidth {
			t.Errorf("%v: line of %d columns:\n%s", args, n, l)
		}
	}
}

func TestQueryCommands(t *testing.T) {
	fixtureGraph(t)
	cases := []struct {
		args []string
		// want are strings the table output must contain; jsonWant the
		// --json output (which must parse).
		want, jsonWant []string
	}{
		{[]string{"who-met"}, []string{"Emmanuel Macron – Marco Rubio", "2 (1p)"}, []string{`"pairs"`, `"count": 2`}},
		{[]string{"who-met", "Rubio"}, []string{"Marco Rubio (US) met 1 person", "Emmanuel Macron (FR)", "US Secretary of State", "[seed]", "[later]"},
			[]string{`"name": "Emmanuel Macron"`, `"sentence": "US Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday"`}},
		{[]string{"path", "Andriy Yermak", "Rustem Umerov"}, []string{"TRAVELED_WITH", "Andriy Yermak announced", "[seed]"}, []string{`"type": "TRAVELED_WITH"`}},
		{[]string{"path", "rubio", "umerov"}, []string{"in 3 steps", "MET", "TRAVELED_WITH"}, []string{`"hops"`}},
		{[]string{"meetings", "--status", "planned"}, []string{"Sébastien Lecor", "Pete Hegseth", "planned"}, []string{`"name": "Pete Hegseth"`, `"status": "planned"`}},
		{[]string{"meetings", "--person", "macron", "--place", "paris", "--since", "2025-05", "--until", "2025-05"}, []string{"Andriy Yermak, Emmanuel Macron"}, []string{`"date": "2025-05-02"`}},
		{[]string{"meetings", "--country", "GB"}, []string{"London, GB"}, []string{`"country": "GB"`}},
		{[]string{"strikes", "--by", "RU"}, []string{"Dnipro, UA", "Sumy, UA", "Kryvyi Rih, UA", "drone", "missile"}, []string{`"killed": 3`, `"weapon": "missile"`}},
		{[]string{"strikes", "--by", "Hezbollah", "--on", "haifa"}, []string{"Hezbollah", "rocket"}, []string{`"injured": 2`}},
		{[]string{"strikes", "--country", "Ukraine", "--since", "2025-04-14"}, []string{"Dnipro"}, []string{`"place": "Dnipro"`}},
		{[]string{"people", "macrn"}, []string{"Emmanuel Macron", "President"}, []string{`"meetings": 3`, `"articles": 2`}},
		{[]string{"people", "--limit", "3"}, []string{"NAME", "Emmanuel Macron"}, []string{`"people"`}},
		{[]string{"query", "--cypher", "MATCH (p:Person {name: $n}) RETURN p.name AS name, p", "--param", "n=Marco Rubio"}, []string{"Marco Rubio", "(1 row)"}, []string{`"columns"`, `"labels"`}},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %s", code, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			checkWidth(t, tc.args, out)
			code, out, errs = run(t, append(tc.args, "--json")...)
			if code != ExitOK {
				t.Fatalf("--json: exit %d, stderr %s", code, errs)
			}
			var v map[string]any
			if err := json.Unmarshal([]byte(out), &v); err != nil {
				t.Fatalf("--json output does not parse: %v\n%s", err, out)
			}
			for _, w := range tc.jsonWant {
				if !strings.Contains(out, w) {
					t.Errorf("--json output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestNameErrors(t *testing.T) {
	fixtureGraph(t)
	cases := []struct {
		args []string
		want []string
	}{
		{[]string{"who-met", "Rubbio"}, []string{`no person named "Rubbio"`, `did you mean "Marco Rubio"`}},
		{[]string{"path", "Rubio", "Umerof"}, []string{`no person named "Umerof"`, `"Rustem Umerov"`}},
		{[]string{"who-met", "Johnson"}, []string{`"Johnson" is ambiguous`, `"Mike Johnson (US)"`, `"Boris Johnson (GB)"`}},
		{[]string{"meetings", "--person", "Andriy"}, []string{`"Andriy Yermak (UA)"`, `"Andriy Sybiga (UA)"`}},
		{[]string{"meetings", "--place", "Pariss"}, []string{`no place named "Pariss"`, `"Paris"`}},
		{[]string{"strikes", "--by", "Hezbolah"}, []string{`did you mean "Hezbollah"`}},
		{[]string{"path", "Marco Rubio", "Mike Johnson"}, []string{"no chain"}},
	}
	for _, tc := range cases {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errs := run(t, tc.args...)
			if code != ExitError {
				t.Fatalf("exit %d, want %d; stdout %s stderr %s", code, ExitError, out, errs)
			}
			for _, w := range tc.want {
				if !strings.Contains(errs, w) {
					t.Errorf("stderr lacks %q: %s", w, errs)
				}
			}
		})
	}
}

func TestQueryUsageErrors(t *testing.T) {
	clearEnv(t)
	for _, args := range [][]string{
		{"path", "one"},
		{"who-met", "a", "b"},
		{"meetings", "--status", "maybe"},
		{"meetings", "--since", "April"},
		{"query"},
		{"query", "--cypher", "RETURN 1", "--file", "x.cypher"},
		{"query", "--cypher", "RETURN 1", "--param", "novalue"},
	} {
		if code, _, errs := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (stderr %q), want %d", args, code, errs, ExitUsage)
		}
	}
}

// TestShippedCypherFilesRun runs every cypher/*.cypher with the
// parameters of its :param lines against the fixture graph: each must
// run and return rows.
func TestShippedCypherFilesRun(t *testing.T) {
	root := fixtureGraph(t)
	files, err := filepath.Glob(filepath.Join(root, "cypher", "*.cypher"))
	if err != nil || len(files) < 6 {
		t.Fatalf("cypher files: %v %v", files, err)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasPrefix(string(b), "//") || !strings.Contains(string(b), "Parameters:") {
				t.Errorf("%s does not start with a comment naming its parameters", f)
			}
			code, out, errs := run(t, "query", "--file", f, "--json")
			if code != ExitOK {
				t.Fatalf("exit %d: %s", code, errs)
			}
			var res graph.Result
			if err := json.Unmarshal([]byte(out), &res); err != nil {
				t.Fatal(err)
			}
			if len(res.Rows) == 0 {
				t.Errorf("no rows from %s with its default parameters", filepath.Base(f))
			}
		})
	}
}

func TestParamValue(t *testing.T) {
	cases := []struct {
		in   string
		want any
	}{
		{"Marco Rubio", "Marco Rubio"},
		{"10", int64(10)},
		{"1.5", 1.5},
		{"true", true},
		{`"10"`, "10"},
		{`["a", 2]`, []any{"a", int64(2)}},
		{"null", nil},
		{"2025-04-17", "2025-04-17"},
	}
	for _, tc := range cases {
		got, _ := json.Marshal(paramValue(tc.in))
		want, _ := json.Marshal(tc.want)
		if string(got) != string(want) {
			t.Errorf("paramValue(%q) = %s, want %s", tc.in, got, want)
		}
		if n, ok := tc.want.(int64); ok && paramValue(tc.in) != any(n) {
			t.Errorf("paramValue(%q) is %T, want int64", tc.in, paramValue(tc.in))
		}
	}
}

func TestTableFitsAndWraps(t *testing.T) {
	tb := newTable("A", "B", "EVIDENCE")
	tb.wrap = 2
	long := strings.Repeat("word ", 60)
	tb.add(strings.Repeat("x", 70), "short", long)
	var b strings.Builder
	if err := tb.render(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checkWidth(t, nil, out)
	if strings.Count(out, "word") != 60 {
		t.Errorf("wrapped column lost words:\n%s", out)
	}
	if !strings.Contains(out, "…") {
		t.Errorf("too wide a column was not cut:\n%s", out)
	}
}

func TestExportFormats(t *testing.T) {
	fixtureGraph(t)
	code, out, errs := run(t, "export", "--format", "json")
	if code != ExitOK {
		t.Fatalf("json: exit %d: %s", code, errs)
	}
	var doc struct {
		Nodes []jsonNode `json:"nodes"`
		Edges []jsonEdge `json:"edges"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("json export does not parse: %v", err)
	}
	ids := map[string]bool{}
	for _, n := range doc.Nodes {
		ids[n.ID] = true
	}
	met := false
	for _, e := range doc.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %+v joins a node not exported", e)
		}
		if e.Type == "MET" && e.Source+e.Target == "Person:emmanuel macronPerson:marco rubio" {
			met = e.Properties["count"] == float64(2)
		}
	}
	if !ids["Person:marco rubio"] || !ids["Country:RU"] || !ids["Place:dnipro|UA"] || !met {
		t.Errorf("json export lacks people, countries, places or the Rubio–Macron MET edge: %d nodes", len(doc.Nodes))
	}

	code, out, errs = run(t, "export", "--format", "graphml")
	if code != ExitOK {
		t.Fatalf("graphml: exit %d: %s", code, errs)
	}
	var gml struct {
		Nodes []struct {
			ID string `xml:"id,attr"`
		} `xml:"graph>node"`
		Edges []struct {
			Source string `xml:"source,attr"`
		} `xml:"graph>edge"`
	}
	if err := xml.Unmarshal([]byte(out), &gml); err != nil {
		t.Fatalf("graphml does not parse: %v", err)
	}
	if len(gml.Nodes) != len(doc.Nodes) || len(gml.Edges) != len(doc.Edges) {
		t.Errorf("graphml has %d nodes and %d edges, json %d and %d", len(gml.Nodes), len(gml.Edges), len(doc.Nodes), len(doc.Edges))
	}

	code, out, errs = run(t, "export", "--format", "dot", "--person", "Yermak", "--depth", "1")
	if code != ExitOK {
		t.Fatalf("dot: exit %d: %s", code, errs)
	}
	if !strings.HasPrefix(out, "digraph newsgraph {") || !strings.HasSuffix(out, "}\n") {
		t.Errorf("not a digraph:\n%s", out)
	}
	for _, want := range []string{`"Person:andriy yermak" -> "Person:emmanuel macron" [label="MET 1"`, `"Person:rustem umerov"`} {
		if !strings.Contains(out, want) {
			t.Errorf("neighbourhood lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "marco rubio") || strings.Contains(out, "johnson") {
		t.Errorf("depth 1 around Yermak reaches too far:\n%s", out)
	}
	if code, _, _ := run(t, "export", "--format", "png"); code != ExitUsage {
		t.Errorf("--format png: exit %d, want %d", code, ExitUsage)
	}
}

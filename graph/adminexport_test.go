package graph_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// csvRows reads one exported file with its header (from NAME.header.csv)
// as maps from header field to value, and the raw data text.
func csvRows(t *testing.T, dir, name string) ([]map[string]string, string) {
	t.Helper()
	hb, err := os.ReadFile(filepath.Join(dir, name+".header.csv"))
	if err != nil {
		t.Fatal(err)
	}
	header, err := csv.NewReader(strings.NewReader(string(hb))).Read()
	if err != nil {
		t.Fatalf("%s header: %v", name, err)
	}
	db, err := os.ReadFile(filepath.Join(dir, name+".csv"))
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(string(db)))
	r.FieldsPerRecord = len(header)
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s.csv is not valid CSV for its header: %v", name, err)
	}
	out := make([]map[string]string, len(recs))
	for i, rec := range recs {
		m := map[string]string{}
		for j, h := range header {
			m[h] = rec[j]
		}
		out[i] = m
	}
	return out, string(db)
}

func intp(n int) *int { return &n }

// adminItems are two articles that report the same meeting (one names
// Rubio in full, the other by surname only), a strike reported twice with
// different casualty counts, and a third article whose id repeats the
// first.
func adminItems() []graph.Item {
	tricky := "Rubio said, \"we agreed\"\non a ceasefire, Macron's office said."
	return []graph.Item{
		{Article: newsgraph.Article{ID: "a1", Title: `Talks, "at last"`, Path: "a1.txt"}, Facts: newsgraph.Facts{
			Persons: []newsgraph.Person{
				{Name: "Marco Rubio", Country: "US", Role: "Secretary of State"},
				{Name: "Emmanuel Macron", Aliases: []string{"Macron"}, Country: "FR"},
			},
			Countries: []string{"US", "FR"},
			Places:    []newsgraph.Place{{Name: "Paris", Country: "FR"}},
			Met: []newsgraph.Meeting{{A: "Marco Rubio", B: "Emmanuel Macron", Place: "Paris", Date: "2025-04-17", Status: newsgraph.Occurred,
				Evidence: newsgraph.Evidence{Sentence: tricky, Start: 10, End: 80, Rule: "met", Confidence: 0.9}}},
			Struck: []newsgraph.Strike{{Attacker: "RU", Target: "Kharkiv", TargetCountry: "UA", Weapon: "drone", Killed: intp(3), Date: "2025-04-16",
				Evidence: newsgraph.Evidence{Sentence: "A drone hit Kharkiv.", Start: 0, End: 20}}},
		}},
		{Article: newsgraph.Article{ID: "a2", Title: "Paris talks", Published: "2025-04-18"}, Facts: newsgraph.Facts{
			Persons: []newsgraph.Person{
				{Name: "Rubio", Country: "US"},
				{Name: "Emmanuel Macron", Country: "FR", Role: "President"},
			},
			Places: []newsgraph.Place{{Name: "Paris", Country: "FR"}},
			Met: []newsgraph.Meeting{{A: "Rubio", B: "Emmanuel Macron", Place: "Paris", Date: "2025-04-17", Status: newsgraph.Occurred,
				Evidence: newsgraph.Evidence{Sentence: "Rubio met Macron in Paris.", Start: 0, End: 26}}},
			Struck: []newsgraph.Strike{{Attacker: "RU", Target: "Kharkiv", TargetCountry: "UA", Weapon: "drone", Killed: intp(4), Date: "2025-04-16",
				Evidence: newsgraph.Evidence{Sentence: "Four died in Kharkiv.", Start: 0, End: 21}}},
		}},
		{Article: newsgraph.Article{ID: "a1", Title: "the same id again"}, Facts: newsgraph.Facts{
			Persons: []newsgraph.Person{{Name: "Someone Else"}},
		}},
	}
}

func TestAdminExportWritesImportableCSV(t *testing.T) {
	dir := t.TempDir()
	x, err := graph.NewAdminExport(dir, func(code string) string {
		return map[string]string{"US": "United States", "FR": "France"}[code]
	})
	if err != nil {
		t.Fatal(err)
	}
	items := adminItems()
	items[0].Hash, items[1].Hash = "h1", "h2"
	// Two batches, as load would write them with --batch-size 1 and 2.
	if err := x.Add(items[:1]); err != nil {
		t.Fatal(err)
	}
	if err := x.Add(items[1:]); err != nil {
		t.Fatal(err)
	}
	st, err := x.Close()
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles != 2 || st.Duplicates != 1 {
		t.Errorf("articles %d duplicates %d, want 2 and 1", st.Articles, st.Duplicates)
	}

	t.Run("headers", func(t *testing.T) {
		for name, want := range map[string]string{
			"Person":                  "key:ID(Person),:LABEL,name,surname,aliases:string[],roles:string[]",
			"Country":                 "code:ID(Country),:LABEL,name",
			"REPORTS-Article-Meeting": ":START_ID(Article),:END_ID(Meeting),:TYPE,evidence,start:long,end:long,rule,confidence:double",
			"MET-Person-Person":       ":START_ID(Person),:END_ID(Person),:TYPE,count:long,occurred:long,planned:long,firstDate,lastDate",
			"STRUCK-Country-Place":    ":START_ID(Country),:END_ID(Place),:TYPE,count:long,firstDate,lastDate,killed:long",
		} {
			b, err := os.ReadFile(filepath.Join(dir, name+".header.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if got := strings.TrimSpace(string(b)); got != want {
				t.Errorf("%s header\n got %s\nwant %s", name, got, want)
			}
		}
	})

	t.Run("each node once", func(t *testing.T) {
		want := map[string]int{"Article": 2, "Person": 2, "Country": 4, "Place": 2, "Meeting": 1, "Strike": 1}
		for label, n := range want {
			rows, _ := csvRows(t, dir, label)
			var ids []string
			for _, r := range rows {
				for h, v := range r {
					if strings.Contains(h, ":ID(") {
						ids = append(ids, v)
					}
				}
			}
			slices.Sort(ids)
			if len(slices.Compact(slices.Clone(ids))) != len(ids) {
				t.Errorf("%s: duplicate ids %q", label, ids)
			}
			if len(ids) != n || st.Nodes[label] != n {
				t.Errorf("%s: %d nodes (stats %d), want %d: %q", label, len(ids), st.Nodes[label], n, ids)
			}
		}
	})

	t.Run("persons resolve and merge as in load", func(t *testing.T) {
		rows, _ := csvRows(t, dir, "Person")
		got := map[string]map[string]string{}
		for _, r := range rows {
			got[r["key:ID(Person)"]] = r
		}
		rubio := got["marco rubio"]
		if rubio == nil {
			t.Fatalf("no person keyed %q in %v", "marco rubio", rows)
		}
		if rubio["name"] != "Marco Rubio" || rubio["aliases:string[]"] != "Rubio" || rubio["roles:string[]"] != "Secretary of State" {
			t.Errorf("rubio = %v", rubio)
		}
		if m := got["emmanuel macron"]; m["aliases:string[]"] != "Macron" || m["roles:string[]"] != "President" {
			t.Errorf("macron = %v", m)
		}
	})

	t.Run("evidence with quotes, commas and newlines round-trips", func(t *testing.T) {
		rows, raw := csvRows(t, dir, "REPORTS-Article-Meeting")
		if len(rows) != 2 {
			t.Fatalf("%d REPORTS rows, want 2 (one meeting, two articles)", len(rows))
		}
		want := adminItems()[0].Facts.Met[0].Sentence
		if rows[0]["evidence"] != want || rows[0]["start:long"] != "10" || rows[0]["confidence:double"] != "0.9" {
			t.Errorf("row = %v, want evidence %q", rows[0], want)
		}
		if !strings.Contains(raw, `"Rubio said, ""we agreed""`+"\n"+`on a ceasefire, Macron's office said."`) {
			t.Errorf("evidence not quoted RFC 4180 style:\n%s", raw)
		}
		if rows[0][":START_ID(Article)"] != "a1" || rows[1][":START_ID(Article)"] != "a2" || rows[0][":TYPE"] != "REPORTS" {
			t.Errorf("rows = %v", rows)
		}
	})

	t.Run("null is an empty field, an empty string a quoted one", func(t *testing.T) {
		_, raw := csvRows(t, dir, "Article")
		// a1: no published date (null), empty url and source ("").
		if !strings.Contains(raw, `"a1",Article,"Talks, ""at last""","",,"","a1.txt","h1"`) {
			t.Errorf("Article.csv:\n%s", raw)
		}
	})

	t.Run("derived edges", func(t *testing.T) {
		met, _ := csvRows(t, dir, "MET-Person-Person")
		if len(met) != 1 || met[0]["count:long"] != "1" || met[0]["occurred:long"] != "1" || met[0]["firstDate"] != "2025-04-17" {
			t.Errorf("MET = %v, want one meeting on 2025-04-17", met)
		}
		struck, _ := csvRows(t, dir, "STRUCK-Country-Place")
		// The second report of the strike says 4 killed: the loader's
		// SET keeps the last value.
		if len(struck) != 1 || struck[0][":START_ID(Country)"] != "RU" || struck[0]["count:long"] != "1" || struck[0]["killed:long"] != "4" {
			t.Errorf("STRUCK = %v, want RU, one strike, 4 killed", struck)
		}
	})

	t.Run("every edge ends at an exported node", func(t *testing.T) {
		ids := map[string]map[string]bool{}
		for _, label := range []string{"Article", "Person", "Country", "Place", "Organization", "Meeting", "Trip", "Strike"} {
			rows, _ := csvRows(t, dir, label)
			ids[label] = map[string]bool{}
			for _, r := range rows {
				for h, v := range r {
					if strings.Contains(h, ":ID(") {
						ids[label][v] = true
					}
				}
			}
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*-*-*.header.csv"))
		if len(files) < 15 {
			t.Fatalf("only %d relationship files", len(files))
		}
		for _, f := range files {
			name := strings.TrimSuffix(filepath.Base(f), ".header.csv")
			rows, _ := csvRows(t, dir, name)
			for _, r := range rows {
				for h, v := range r {
					if i := strings.Index(h, "_ID("); i >= 0 {
						space := strings.TrimSuffix(h[i+4:], ")")
						if !ids[space][v] {
							t.Errorf("%s: %s %q is not an exported %s", name, h, v, space)
						}
					}
				}
			}
		}
	})

	t.Run("import command", func(t *testing.T) {
		args := strings.Join(x.ImportArgs("neo4j"), " ")
		script, err := os.ReadFile(filepath.Join(dir, "import.sh"))
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"database import full neo4j ", "--overwrite-destination=true", "--multiline-fields=true", "--array-delimiter=;",
			"--report-file=" + filepath.Join(dir, "import.report"),
			"--nodes=" + filepath.Join(dir, "Person.header.csv") + "," + filepath.Join(dir, "Person.csv"),
			"--relationships=" + filepath.Join(dir, "MET-Person-Person.header.csv") + "," + filepath.Join(dir, "MET-Person-Person.csv")} {
			if !strings.Contains(args, want) {
				t.Errorf("import args lack %q:\n%s", want, args)
			}
		}
		for _, want := range []string{`--array-delimiter=';'`, `--nodes="$DIR/Person.header.csv","$DIR/Person.csv"`, `--report-file="$DIR/import.report"`, "--multiline-fields=true"} {
			if !strings.Contains(string(script), want) {
				t.Errorf("import.sh lacks %q:\n%s", want, script)
			}
		}
	})
}

func TestAdminExportDeterministic(t *testing.T) {
	read := func() string {
		dir := t.TempDir()
		x, err := graph.NewAdminExport(dir, nil)
		if err != nil {
			t.Fatal(err)
		}
		if err := x.Add(adminItems()); err != nil {
			t.Fatal(err)
		}
		if _, err := x.Close(); err != nil {
			t.Fatal(err)
		}
		files, _ := filepath.Glob(filepath.Join(dir, "*.csv"))
		var b strings.Builder
		for _, f := range files {
			data, _ := os.ReadFile(f)
			b.WriteString(filepath.Base(f) + "\n" + string(data))
		}
		return b.String()
	}
	if a, b := read(), read(); a != b {
		t.Errorf("two exports of the same items differ:\n%s\n---\n%s", a, b)
	}
}

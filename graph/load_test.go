package graph_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

func ptr(i int) *int { return &i }

func ev(s string) newsgraph.Evidence {
	return newsgraph.Evidence{Sentence: s, Start: 10, End: 10 + len(s), Rule: "test"}
}

// seedLike is a small article shaped like the seed example.
func seedLike(id, text string) graph.Item {
	return graph.Item{
		Article: newsgraph.Article{ID: id, Title: "Rubio meets Macron", Text: text, Published: "2025-04-17"},
		Facts: newsgraph.Facts{
			ID: id,
			Persons: []newsgraph.Person{
				{Name: "Marco Rubio", Aliases: []string{"Rubio"}, Country: "US", Role: "Secretary of State"},
				{Name: "Emmanuel Macron", Aliases: []string{"Macron"}, Country: "FR", Role: "President"},
				{Name: "Keith Kellogg", Country: "US"},
			},
			Countries: []string{"US", "FR", "UA", "RU"},
			Places:    []newsgraph.Place{{Name: "Paris", Country: "FR"}, {Name: "Dnipro", Country: "UA"}},
			Met: []newsgraph.Meeting{{A: "Marco Rubio", B: "Emmanuel Macron", Place: "Paris", Date: "2025-04-17",
				Status: newsgraph.Occurred, Evidence: ev("Rubio met Macron in Paris")}},
			TraveledWith: []newsgraph.Travel{{A: "Marco Rubio", B: "Keith Kellogg", To: "Paris", Evidence: ev("arrived alongside Keith Kellogg")}},
			Struck: []newsgraph.Strike{{Attacker: "RU", Target: "Dnipro", TargetCountry: "UA", Weapon: "drone", Killed: ptr(3),
				Evidence: ev("a drone strike on Dnipro killed three civilians")}},
		},
	}
}

func load(t *testing.T, s *graph.Store, items ...graph.Item) graph.LoadStats {
	t.Helper()
	st, err := s.Write(t.Context(), hashed(items))
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// hashed gives items their content hashes.
func hashed(items []graph.Item) []graph.Item {
	out := make([]graph.Item, len(items))
	for i, it := range items {
		out[i] = graph.NewItem(it.Article, it.Facts, "test")
	}
	return out
}

type counts struct{ nodes, rels int64 }

func count(t *testing.T, s *graph.Store, cypher string, params map[string]any) int64 {
	t.Helper()
	n, err := s.Count(context.Background(), cypher, params)
	if err != nil {
		t.Fatalf("%s: %v", cypher, err)
	}
	return n
}

func totals(t *testing.T, s *graph.Store) counts {
	return counts{count(t, s, `MATCH (n) RETURN count(n)`, nil), count(t, s, `MATCH ()-[r]->() RETURN count(r)`, nil)}
}

func TestWriteSeedLikeGraph(t *testing.T) {
	s := openStore(t)
	if _, err := s.ApplySchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	st := load(t, s, seedLike("a1", "text one"))
	if st.New != 1 || st.NodesCreated == 0 {
		t.Fatalf("stats %+v", st)
	}
	checks := []struct {
		cypher string
		want   int64
	}{
		{`MATCH (:Person {name: 'Marco Rubio'})-[r:MET {count: 1}]-(:Person {name: 'Emmanuel Macron'}) RETURN count(r)`, 1},
		{`MATCH (:Person {name: 'Marco Rubio'})-[r:TRAVELED_WITH]-(:Person {name: 'Keith Kellogg'}) RETURN count(r)`, 1},
		{`MATCH (:Country {code: 'RU'})-[r:STRUCK {count: 1, killed: 3}]->(:Place {name: 'Dnipro'})-[:IN]->(:Country {code: 'UA'}) RETURN count(r)`, 1},
		{`MATCH (:Person {name: 'Marco Rubio'})-[r:REPRESENTS {role: 'Secretary of State'}]->(:Country {code: 'US'}) RETURN count(r)`, 1},
		{`MATCH (a:Article {id: 'a1'})-[r:REPORTS]->(m:Meeting)-[:HELD_IN]->(:Place {name: 'Paris'}) WHERE r.evidence CONTAINS 'met Macron' RETURN count(m)`, 1},
		{`MATCH (:Article {id: 'a1'})-[:MENTIONS]->(c:Country) RETURN count(c)`, 4},
		{`MATCH (p:Person) RETURN count(p)`, 3},
	}
	for _, c := range checks {
		if got := count(t, s, c.cypher, nil); got != c.want {
			t.Errorf("%s = %d, want %d", c.cypher, got, c.want)
		}
	}
}

func TestWriteTwiceChangesNothing(t *testing.T) {
	s := openStore(t)
	if _, err := s.ApplySchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	items := []graph.Item{seedLike("a1", "one"), seedLike("a2", "two")}
	load(t, s, items...)
	before := totals(t, s)
	st := load(t, s, items...)
	if st.Unchanged != 2 || st.New != 0 || st.NodesCreated != 0 || st.RelsCreated != 0 || st.PropertiesSet != 0 {
		t.Errorf("second load: %+v, want everything unchanged", st)
	}
	if after := totals(t, s); after != before {
		t.Errorf("counts changed: %+v -> %+v", before, after)
	}
	// Two articles reported the same dated meeting: one Meeting, two reports.
	if got := count(t, s, `MATCH (m:Meeting)<-[r:REPORTS]-() RETURN count(DISTINCT m) * 10 + count(r)`, nil); got != 12 {
		t.Errorf("meetings*10+reports = %d, want 12", got)
	}
}

func TestChangedArticleReplacesItsFacts(t *testing.T) {
	s := openStore(t)
	if _, err := s.ApplySchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	a1 := seedLike("a1", "v1")
	a1.Article.Path = "inbox/a1.txt"
	a2 := seedLike("a2", "other")
	a2.Article.Path = "archive/a2.txt"
	a2.Facts.Met[0].Date = "2025-05-01" // a second, later meeting
	load(t, s, a1, a2)
	if got := count(t, s, `MATCH (:Person {name:'Marco Rubio'})-[r:MET]-(:Person {name:'Emmanuel Macron'}) RETURN r.count`, nil); got != 2 {
		t.Fatalf("MET count = %d, want 2", got)
	}
	// a1 is edited: now Rubio met Putin, no travel, no strike.
	v2 := seedLike("a1", "v2")
	v2.Article.Path = "archive/a1.txt" // the same id, read from another file
	v2.Facts.Persons = append(v2.Facts.Persons, newsgraph.Person{Name: "Vladimir Putin", Country: "RU"})
	v2.Facts.Met = []newsgraph.Meeting{{A: "Marco Rubio", B: "Vladimir Putin", Status: newsgraph.Planned, Evidence: ev("Rubio will meet Putin")}}
	v2.Facts.TraveledWith = nil
	v2.Facts.Struck = nil
	st := load(t, s, v2)
	if st.Changed != 1 || st.OtherPath != 1 {
		t.Fatalf("stats %+v, want one changed, from another path", st)
	}
	checks := []struct {
		name, cypher string
		want         int64
	}{
		{"Rubio-Macron MET count", `MATCH (:Person {name:'Marco Rubio'})-[r:MET]-(:Person {name:'Emmanuel Macron'}) RETURN r.count`, 1},
		{"Rubio-Macron first date", `MATCH (:Person {name:'Marco Rubio'})-[r:MET]-(:Person {name:'Emmanuel Macron'}) WHERE r.firstDate = '2025-05-01' RETURN count(r)`, 1},
		{"Rubio-Putin planned", `MATCH (:Person {name:'Marco Rubio'})-[r:MET {planned: 1}]-(:Person {name:'Vladimir Putin'}) RETURN count(r)`, 1},
		{"meetings", `MATCH (m:Meeting) RETURN count(m)`, 2},
		{"orphan events", `MATCH (e:Meeting|Strike|Trip) WHERE NOT (e)<-[:REPORTS]-() RETURN count(e)`, 0},
		{"a1 reports", `MATCH (:Article {id:'a1'})-[r:REPORTS]->() RETURN count(r)`, 1},
		{"a1 path", `MATCH (a:Article {id:'a1', path:'archive/a1.txt'}) RETURN count(a)`, 1},
		// a2 still reports the trip and the strike.
		{"trips", `MATCH (t:Trip) RETURN count(t)`, 1},
		{"strikes", `MATCH (t:Strike) RETURN count(t)`, 1},
		{"STRUCK count", `MATCH (:Country {code:'RU'})-[r:STRUCK]->(:Place {name:'Dnipro'}) RETURN r.count`, 1},
		{"TRAVELED_WITH count", `MATCH (:Person {name:'Marco Rubio'})-[r:TRAVELED_WITH]-() RETURN r.count`, 1},
	}
	for _, c := range checks {
		if got := count(t, s, c.cypher, nil); got != c.want {
			t.Errorf("%s = %d, want %d", c.name, got, c.want)
		}
	}
	// Now a2 changes too and drops its strike: the strike and STRUCK go.
	v3 := seedLike("a2", "other v2")
	v3.Article.Path = "archive/a2.txt"
	v3.Facts.Struck = nil
	if st := load(t, s, v3); st.Changed != 1 || st.OtherPath != 0 {
		t.Errorf("stats %+v, want one changed, from the same path", st)
	}
	for _, c := range []string{`MATCH (s:Strike) RETURN count(s)`, `MATCH ()-[r:STRUCK]->() RETURN count(r)`} {
		if got := count(t, s, c, nil); got != 0 {
			t.Errorf("%s = %d, want 0", c, got)
		}
	}
}

func TestSurnameResolution(t *testing.T) {
	s := openStore(t)
	if _, err := s.ApplySchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	full := seedLike("full", "x")
	load(t, s, full)
	lone := graph.Item{
		Article: newsgraph.Article{ID: "lone", Text: "Rubio spoke."},
		Facts: newsgraph.Facts{ID: "lone", Persons: []newsgraph.Person{
			{Name: "Rubio", Country: "US", Role: "Secretary of State"},
			{Name: "Bush"},
		}},
	}
	bushes := graph.Item{
		Article: newsgraph.Article{ID: "bushes", Text: "George Bush and Jeb Bush."},
		Facts: newsgraph.Facts{ID: "bushes", Persons: []newsgraph.Person{
			{Name: "George Bush", Country: "US"}, {Name: "Jeb Bush", Country: "US"},
		}},
	}
	load(t, s, bushes)
	load(t, s, lone)
	if got := count(t, s, `MATCH (p:Person) WHERE p.name CONTAINS 'Rubio' RETURN count(p)`, nil); got != 1 {
		t.Errorf("Rubio persons = %d, want 1 (the lone surname joins Marco Rubio)", got)
	}
	if got := count(t, s, `MATCH (:Article {id:'lone'})-[:MENTIONS]->(p:Person {name:'Marco Rubio'}) RETURN count(p)`, nil); got != 1 {
		t.Errorf("lone article does not mention Marco Rubio")
	}
	if got := count(t, s, `MATCH (p:Person) WHERE p.name ENDS WITH 'Bush' RETURN count(p)`, nil); got != 3 {
		t.Errorf("Bush persons = %d, want 3 (an ambiguous lone surname stays apart)", got)
	}
}

func TestConcurrentOverlappingLoads(t *testing.T) {
	s := openStore(t)
	if _, err := s.ApplySchema(t.Context()); err != nil {
		t.Fatal(err)
	}
	var all []graph.Item
	for i := range 40 {
		it := seedLike(fmt.Sprintf("c%02d", i), fmt.Sprint("text ", i))
		it.Facts.Met[0].Date = fmt.Sprintf("2025-04-%02d", i%28+1)
		it.Facts.Struck[0].Date = fmt.Sprintf("2025-03-%02d", i%28+1)
		all = append(all, it)
	}
	load(t, s, all...)
	want := totals(t, s)

	if err := graph.ResetForTests(t.Context(), s); err != nil {
		t.Fatal(err)
	}
	// Two loaders, each in batches of 5, overlapping on the middle 20.
	var wg sync.WaitGroup
	errs := make(chan error, 2)
	for _, part := range [][]graph.Item{all[:30], all[10:]} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < len(part); i += 5 {
				if _, err := s.Write(context.Background(), hashed(part[i:i+5])); err != nil {
					errs <- err
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got := totals(t, s); got != want {
		t.Errorf("concurrent loads: %+v, one load: %+v", got, want)
	}
	if got := count(t, s, `MATCH (:Person {name:'Marco Rubio'})-[r:MET]-(:Person {name:'Emmanuel Macron'}) RETURN r.count`, nil); got != 28 {
		t.Errorf("MET count = %d, want 28 distinct dated meetings", got)
	}
}

// TestFirstPlansSeekByKey plans every statement that keeps its first plan
// (CYPHER replan=skip) on an empty database, where the statistics say
// nothing: each must still find its nodes by their keys, never by
// scanning a label or all nodes, or it would stay that slow as the graph
// grows.
func TestFirstPlansSeekByKey(t *testing.T) {
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	for name, cypher := range graph.PlannedOnce {
		ops, err := s.PlanOperators(ctx, cypher)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		joined := strings.Join(ops, " ")
		// (a CartesianProduct of two unique-key seeks, one row each, is fine)
		for _, bad := range []string{"NodeByLabelScan", "AllNodesScan", "NodeIndexScan", "NodeIndexContainsScan"} {
			if strings.Contains(joined, bad) {
				t.Errorf("%s: the plan on an empty database has %s: %s", name, bad, joined)
			}
		}
		if !strings.Contains(joined, "Seek") {
			t.Errorf("%s: no index seek in the plan: %s", name, joined)
		}
	}
}

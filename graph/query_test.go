package graph_test

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// loadFixture loads testdata/facts.json, hand-built facts shaped like the
// seed article and one later article, into an emptied test database.
func loadFixture(t *testing.T) *graph.Store {
	t.Helper()
	s := openStore(t)
	namer := func(code string) string {
		return map[string]string{"US": "United States", "FR": "France", "UA": "Ukraine", "RU": "Russia", "GB": "United Kingdom", "IL": "Israel"}[code]
	}
	neo4jtest.LoadFacts(t, filepath.Join("testdata", "facts.json"), namer)
	return s
}

func TestResolvePerson(t *testing.T) {
	s := loadFixture(t)
	cases := []struct {
		name, want string
		ambiguous  []string // candidates an *AmbiguousError must list
		suggest    string   // a suggestion a *NotFoundError must give
	}{
		{name: "Marco Rubio", want: "marco rubio"},
		{name: "rubio", want: "marco rubio"},
		{name: "RUBIO", want: "marco rubio"},
		{name: "sebastien lecornu", want: "sebastien lecornu"},
		{name: "Lecornu", want: "sebastien lecornu"},
		{name: "Macron", want: "emmanuel macron"},
		{name: "Marco", want: "marco rubio"},
		{name: "Johnson", ambiguous: []string{"Mike Johnson (US)", "Boris Johnson (GB)"}},
		{name: "Andriy", ambiguous: []string{"Andriy Yermak (UA)", "Andriy Sybiga (UA)"}},
		{name: "Rubbio", suggest: "Marco Rubio"},
		{name: "Emanuel Makron", suggest: "Emmanuel Macron"},
		{name: "Zzyzx Qwerty"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p, err := s.ResolvePerson(t.Context(), tc.name)
			var amb *graph.AmbiguousError
			var nf *graph.NotFoundError
			switch {
			case tc.want != "":
				if err != nil || p.Key != tc.want {
					t.Fatalf("got %q, %v; want %q", p.Key, err, tc.want)
				}
			case tc.ambiguous != nil:
				if !errors.As(err, &amb) {
					t.Fatalf("got %q, %v; want ambiguous", p.Key, err)
				}
				for _, c := range tc.ambiguous {
					if !slices.Contains(amb.Candidates, c) {
						t.Errorf("candidates %q lack %q", amb.Candidates, c)
					}
				}
			default:
				if !errors.As(err, &nf) {
					t.Fatalf("got %q, %v; want not found", p.Key, err)
				}
				if tc.suggest != "" && !slices.Contains(nf.Suggestions, tc.suggest) {
					t.Errorf("suggestions %q lack %q", nf.Suggestions, tc.suggest)
				}
				if tc.suggest == "" && len(nf.Suggestions) != 0 {
					t.Errorf("suggestions %q for a name like no other", nf.Suggestions)
				}
			}
		})
	}
}

func TestWhoMetRubioListsMacronWithEvidence(t *testing.T) {
	s := loadFixture(t)
	contacts, err := s.WhoMet(t.Context(), "marco rubio", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(contacts) != 1 || contacts[0].Person.Name != "Emmanuel Macron" {
		t.Fatalf("contacts %+v, want Emmanuel Macron only", contacts)
	}
	c := contacts[0]
	if c.Count != 2 || c.Planned != 1 || c.Occurred != 1 || deref(c.FirstDate) != "2025-04-17" || deref(c.LastDate) != "2025-06-10" {
		t.Errorf("counts and dates %+v", c)
	}
	if len(c.Meetings) != 2 || deref(c.Meetings[0].Place) != "Paris" || c.Meetings[0].Status != "occurred" {
		t.Fatalf("meetings %+v", c.Meetings)
	}
	ev := c.Meetings[0].Evidence
	if len(ev) != 1 || ev[0].Article != "seed" || !strings.Contains(ev[0].Sentence, "Marco Rubio met French President Emmanuel Macron") {
		t.Errorf("evidence %+v", ev)
	}
}

func TestMetPairsMostMeetingsFirst(t *testing.T) {
	s := loadFixture(t)
	pairs, err := s.MetPairs(t.Context(), 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(pairs) != 5 {
		t.Fatalf("%d pairs, want 5: %+v", len(pairs), pairs)
	}
	top := pairs[0]
	if top.Count != 2 || top.A.Name+"|"+top.B.Name != "Emmanuel Macron|Marco Rubio" && top.A.Name+"|"+top.B.Name != "Marco Rubio|Emmanuel Macron" {
		t.Errorf("top pair %+v", top)
	}
	if top.Evidence == nil || top.Evidence.Article != "seed" || !slices.Equal(top.Places, []string{"Paris"}) {
		t.Errorf("top pair evidence %+v places %v", top.Evidence, top.Places)
	}
	if limited, _ := s.MetPairs(t.Context(), 2); len(limited) != 2 {
		t.Errorf("limit 2 gave %d pairs", len(limited))
	}
}

func TestPathGoesThroughTravel(t *testing.T) {
	s := loadFixture(t)
	hops, err := s.Path(t.Context(), "andriy yermak", "rustem umerov")
	if err != nil {
		t.Fatal(err)
	}
	if len(hops) != 1 || hops[0].Type != "TRAVELED_WITH" || len(hops[0].Evidence) != 1 ||
		!strings.Contains(hops[0].Evidence[0].Sentence, "along with Foreign Minister") || deref(hops[0].Evidence[0].Place) != "Paris" {
		t.Fatalf("hops %+v", hops)
	}
	// Rubio -MET- Macron -MET- Yermak -TRAVELED_WITH- Umerov.
	hops, err = s.Path(t.Context(), "marco rubio", "rustem umerov")
	if err != nil {
		t.Fatal(err)
	}
	var chain []string
	for _, h := range hops {
		chain = append(chain, h.From.Name+" "+h.Type+" "+h.To.Name)
		if len(h.Evidence) == 0 {
			t.Errorf("hop %s has no evidence", h.Type)
		}
	}
	want := []string{"Marco Rubio MET Emmanuel Macron", "Emmanuel Macron MET Andriy Yermak", "Andriy Yermak TRAVELED_WITH Rustem Umerov"}
	if !slices.Equal(chain, want) {
		t.Errorf("chain %q, want %q", chain, want)
	}
	if _, err := s.Path(t.Context(), "marco rubio", "mike johnson"); !errors.Is(err, graph.ErrNoPath) {
		t.Errorf("unconnected people: %v, want ErrNoPath", err)
	}
}

func TestMeetingsFilters(t *testing.T) {
	s := loadFixture(t)
	paris, err := s.ResolvePlaces(t.Context(), "paris")
	if err != nil || len(paris) != 1 {
		t.Fatalf("paris: %v %v", paris, err)
	}
	cases := []struct {
		name string
		f    graph.MeetingFilter
		want []string // sorted "A+B" pairs of the meetings
	}{
		{"all", graph.MeetingFilter{}, []string{"Andriy Yermak+Emmanuel Macron", "Boris Johnson+Mike Johnson", "Emmanuel Macron+Marco Rubio", "Emmanuel Macron+Marco Rubio", "Pete Hegseth+Sébastien Lecornu", "Steve Witkoff+Vladimir Putin"}},
		{"planned", graph.MeetingFilter{Status: "planned"}, []string{"Emmanuel Macron+Marco Rubio", "Pete Hegseth+Sébastien Lecornu"}},
		{"person", graph.MeetingFilter{Person: "andriy yermak"}, []string{"Andriy Yermak+Emmanuel Macron"}},
		{"place", graph.MeetingFilter{PlaceKeys: paris, Status: "occurred"}, []string{"Andriy Yermak+Emmanuel Macron", "Emmanuel Macron+Marco Rubio"}},
		{"country", graph.MeetingFilter{Country: "GB"}, []string{"Boris Johnson+Mike Johnson"}},
		{"since until", graph.MeetingFilter{Since: "2025-04-12", Until: "2025-05-01"}, []string{"Boris Johnson+Mike Johnson", "Emmanuel Macron+Marco Rubio"}},
		{"limit", graph.MeetingFilter{Since: "2025-06-01", Limit: 1}, []string{"Emmanuel Macron+Marco Rubio"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := s.Meetings(t.Context(), tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range rows {
				var names []string
				for _, p := range m.People {
					names = append(names, p.Name)
				}
				slices.Sort(names)
				got = append(got, strings.Join(names, "+"))
				if len(m.Evidence) == 0 {
					t.Errorf("meeting %s has no evidence", m.Key)
				}
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

func TestStrikesByRussia(t *testing.T) {
	s := loadFixture(t)
	by, err := s.ResolveParty(t.Context(), "ru")
	if err != nil || by.Code != "RU" {
		t.Fatalf("ru: %+v %v", by, err)
	}
	rows, err := s.Strikes(t.Context(), graph.StrikeFilter{By: by})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]graph.StrikeRow{}
	for _, r := range rows {
		got[r.Place] = r
	}
	if len(rows) != 3 {
		t.Fatalf("%d strikes by RU, want 3: %+v", len(rows), rows)
	}
	d := got["Dnipro"]
	if deref(d.Weapon) != "drone" || d.Killed == nil || *d.Killed != 3 || d.Injured != nil || deref(d.Country) != "UA" || len(d.Evidence) != 1 {
		t.Errorf("Dnipro %+v", d)
	}
	for _, p := range []string{"Sumy", "Kryvyi Rih"} {
		if r := got[p]; deref(r.Weapon) != "missile" || r.Killed != nil || r.Attacker == nil || r.Attacker.Code != "RU" {
			t.Errorf("%s %+v", p, r)
		}
	}
	group, err := s.ResolveParty(t.Context(), "hezbollah")
	if err != nil || group.Key != "hezbollah" {
		t.Fatalf("hezbollah: %+v %v", group, err)
	}
	rows, err = s.Strikes(t.Context(), graph.StrikeFilter{By: group})
	if err != nil || len(rows) != 1 || rows[0].Place != "Haifa" || *rows[0].Injured != 2 {
		t.Errorf("by group: %+v %v", rows, err)
	}
	sumy, _ := s.ResolvePlaces(t.Context(), "SUMY")
	if rows, _ := s.Strikes(t.Context(), graph.StrikeFilter{PlaceKeys: sumy}); len(rows) != 1 || rows[0].Place != "Sumy" {
		t.Errorf("on Sumy: %+v", rows)
	}
	if rows, _ := s.Strikes(t.Context(), graph.StrikeFilter{Country: "UA", Since: "2025-04-14"}); len(rows) != 1 || rows[0].Place != "Dnipro" {
		t.Errorf("UA since 04-14: %+v", rows)
	}
	if _, err := s.ResolveParty(t.Context(), "Hezbolah"); !errors.As(err, new(*graph.NotFoundError)) || !strings.Contains(err.Error(), "Hezbollah") {
		t.Errorf("misspelt group: %v", err)
	}
}

func TestSearchPeopleTolerant(t *testing.T) {
	s := loadFixture(t)
	for _, q := range []string{"macron", "MACRON", "macrn", "emanuel", "Emmanuel Macron", "macr"} {
		hits, err := s.SearchPeople(t.Context(), q, 5)
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 || hits[0].Name != "Emmanuel Macron" {
			t.Errorf("%q: %+v", q, hits)
			continue
		}
		if hits[0].Meetings != 3 || hits[0].Articles != 2 {
			t.Errorf("%q: meetings %d articles %d, want 3 and 2", q, hits[0].Meetings, hits[0].Articles)
		}
	}
	hits, err := s.SearchPeople(t.Context(), "lécornu", 5)
	if err != nil || len(hits) == 0 || hits[0].Name != "Sébastien Lecornu" {
		t.Errorf("accents: %+v %v", hits, err)
	}
	for _, q := range []string{`AND`, `"(`, `a:b*~`, `\`} {
		if _, err := s.SearchPeople(t.Context(), q, 5); err != nil {
			t.Errorf("special characters %q: %v", q, err)
		}
	}
	all, err := s.SearchPeople(t.Context(), "", 0)
	if err != nil || len(all) != 12 {
		t.Errorf("everyone: %d people, %v; want 12", len(all), err)
	}
}

func TestRunQuery(t *testing.T) {
	s := loadFixture(t)
	res, err := s.Run(t.Context(), `MATCH (p:Person {name: $name})-[r:REPRESENTS]->(c) RETURN p, r, c.code AS code, date('2025-01-02') AS d`,
		map[string]any{"name": "Marco Rubio"}, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(res.Columns, []string{"p", "r", "code", "d"}) || len(res.Rows) != 1 {
		t.Fatalf("%+v", res)
	}
	node := res.Rows[0][0].(map[string]any)
	if node["properties"].(map[string]any)["name"] != "Marco Rubio" || res.Rows[0][2] != "US" || res.Rows[0][3] != "2025-01-02" {
		t.Errorf("row %+v", res.Rows[0])
	}
	if _, err := json.Marshal(res); err != nil {
		t.Errorf("result does not encode: %v", err)
	}
	if _, err := s.Run(t.Context(), `CREATE (:Scratch)`, nil, false, 0); err == nil {
		t.Error("a write ran in a read transaction")
	}
	res, err = s.Run(t.Context(), `UNWIND range(1, 10) AS i RETURN i`, nil, false, 3)
	if err != nil || len(res.Rows) != 3 || !res.Truncated {
		t.Errorf("limit: %+v %v", res, err)
	}
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

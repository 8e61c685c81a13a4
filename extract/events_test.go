package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestEventsGolden extracts each testdata/events/*.txt (articles written
// for these tests) and compares the meetings, travel and strikes with the
// .json next to it. Run with -update to rewrite them, then review the diff.
func TestEventsGolden(t *testing.T) {
	x := extractor(t)
	forEachInput(t, filepath.Join("testdata", "events"), func(t *testing.T, name, text, golden string) {
		facts := x.Extract(newsgraph.Article{ID: name, Text: text, Published: "2024-03-14"})
		ev := struct {
			Met          []newsgraph.Meeting `json:"met"`
			TraveledWith []newsgraph.Travel  `json:"traveled_with"`
			Struck       []newsgraph.Strike  `json:"struck"`
		}{facts.Met, facts.TraveledWith, facts.Struck}
		checkGolden(t, golden, ev)
	})
}

func pairKey(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " | " + b
}

// TestEventExpectations pins the facts each pattern must give (and must
// not give), so that a careless -update cannot bless a regression.
func TestEventExpectations(t *testing.T) {
	x := extractor(t)
	read := func(name string) newsgraph.Facts {
		b, err := os.ReadFile(filepath.Join("testdata", "events", name+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		return x.Extract(newsgraph.Article{ID: name, Text: string(b), Published: "2024-03-14"})
	}
	meet := read("meetings")
	met := map[string]newsgraph.Meeting{}
	for _, m := range meet.Met {
		met[pairKey(m.A, m.B)] = m
	}
	for _, tt := range []struct {
		name, a, b, status, place, date, cameo string
	}{
		{"verb", "Olaf Scholz", "Karl Nehammer", "occurred", "Vienna", "2024-03-12", "040"},
		{"coordinated subject", "Pedro Sanchez", "Antonio Costa", "occurred", "Lisbon", "", ""},
		{"hosted", "Andrzej Duda", "Gitanas Nauseda", "occurred", "Warsaw", "", "043"},
		{"talks between", "Giorgia Meloni", "Kyriakos Mitsotakis", "occurred", "", "", ""},
		{"is due to meet", "Mark Rutte", "Alexander De Croo", "planned", "Brussels", "", "036"},
		{"will hold talks", "Sauli Niinisto", "Ulf Kristersson", "planned", "", "2024-03-15", "036"},
	} {
		m, ok := met[pairKey(tt.a, tt.b)]
		if !ok {
			t.Errorf("%s: no meeting %s / %s in %+v", tt.name, tt.a, tt.b, meet.Met)
			continue
		}
		if m.Status != tt.status || tt.place != "" && m.Place != tt.place || tt.date != "" && m.Date != tt.date || tt.cameo != "" && m.CAMEO != tt.cameo {
			t.Errorf("%s: got %+v, want status %s place %q date %q cameo %q", tt.name, m, tt.status, tt.place, tt.date, tt.cameo)
		}
		if m.Rule == "" || m.Confidence <= 0 || m.Confidence > 1 {
			t.Errorf("%s: no rule or confidence: %+v", tt.name, m)
		}
	}
	for _, p := range [][2]string{
		{"Viktor Orban", "Zuzana Caputova"},      // did not meet
		{"Klaus Iohannis", "Maia Sandu"},         // refused to meet
		{"Andrej Plenkovic", "Aleksandar Vucic"}, // would meet if
		{"Petr Fiala", "Robert Golob"},           // by phone
		{"Leo Varadkar", "Kaja Kallas"},          // a letter
	} {
		if m, ok := met[pairKey(p[0], p[1])]; ok {
			t.Errorf("%s / %s is not a meeting: %+v", p[0], p[1], m)
		}
	}

	tr := read("travel")
	trav := map[string]newsgraph.Travel{}
	for _, m := range tr.TraveledWith {
		trav[pairKey(m.A, m.B)] = m
	}
	for _, tt := range []struct{ name, a, b, to string }{
		{"alongside", "Catherine Colonna", "Annalena Baerbock", "Kyiv"},
		{"joined by", "Catherine Colonna", "Wopke Hoekstra", ""},
		{"X and Y flew to", "Justin Trudeau", "Anthony Albanese", "Tokyo"},
		{"travelled with", "Narendra Modi", "Subrahmanyam Jaishankar", "Washington"},
		{"accompanied by", "King Felipe", "Jose Manuel Albares", "Morocco"},
		{"accompanied by his ministers, named later", "Jonas Gahr Store", "Cecilie Myrseth", ""},
	} {
		m, ok := trav[pairKey(tt.a, tt.b)]
		if !ok {
			t.Errorf("%s: no travel %s / %s in %+v", tt.name, tt.a, tt.b, tr.TraveledWith)
			continue
		}
		if tt.to != "" && m.To != tt.to {
			t.Errorf("%s: to %q, want %q", tt.name, m.To, tt.to)
		}
	}
	if len(tr.Met) != 0 {
		t.Errorf("travelling to a summit is not a meeting: %+v", tr.Met)
	}
	for name := range trav {
		if strings.Contains(name, "Taro Sakamoto") {
			t.Errorf("another country's fisheries minister did not travel: %s", name)
		}
	}

	st := read("strikes")
	byTarget := map[string]newsgraph.Strike{}
	for _, s := range st.Struck {
		byTarget[s.Target] = s
	}
	n := func(v int) *int { return &v }
	for _, tt := range []struct {
		target, attacker, country, weapon string
		killed, injured                   *int
	}{
		{"Kharkiv", "RU", "UA", "missile", n(12), n(40)},
		{"Lviv", "RU", "UA", "rocket", nil, nil},
		{"Lutsk", "RU", "UA", "rocket", nil, nil},
		{"Odesa", "RU", "UA", "drone", n(3), nil},
		{"Khan Younis", "IL", "", "airstrike", nil, nil},
		{"Baqubah", "", "", "bomb", n(7), nil},
		{"Eilat", "Houthis", "", "missile", nil, nil},
		{"Bakhmut", "", "", "artillery", nil, nil},
	} {
		s, ok := byTarget[tt.target]
		if !ok {
			t.Errorf("no strike on %s in %+v", tt.target, st.Struck)
			continue
		}
		eq := func(a, b *int) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }
		if s.Attacker != tt.attacker || tt.country != "" && s.TargetCountry != tt.country || s.Weapon != tt.weapon || !eq(s.Killed, tt.killed) || !eq(s.Injured, tt.injured) {
			t.Errorf("%s: got %+v (killed %v injured %v), want attacker %q weapon %s", tt.target, s, s.Killed, s.Injured, tt.attacker, tt.weapon)
		}
		if s.CAMEO == "" || s.Rule == "" {
			t.Errorf("%s: no CAMEO code or rule", tt.target)
		}
	}
	for _, bad := range []string{"Rotterdam", "Tehran", "Berlin"} { // labour strike, sanctions, cyber attack
		if s, ok := byTarget[bad]; ok {
			t.Errorf("%s was not struck: %+v", bad, s)
		}
	}
}

// checkEvents asserts that every event's evidence lies inside the text
// and is the text at its offsets (used by FuzzExtract).
func checkEvents(t *testing.T, rs []rune, valid bool, f newsgraph.Facts) {
	t.Helper()
	var evs []newsgraph.Evidence
	for _, m := range f.Met {
		evs = append(evs, m.Evidence)
	}
	for _, m := range f.TraveledWith {
		evs = append(evs, m.Evidence)
	}
	for _, m := range f.Struck {
		evs = append(evs, m.Evidence)
	}
	for _, e := range evs {
		if e.Start < 0 || e.End > len(rs) || e.Start >= e.End {
			t.Fatalf("evidence %+v outside text of %d code points", e, len(rs))
		}
		if valid && string(rs[e.Start:e.End]) != e.Sentence {
			t.Fatalf("evidence %q does not match text %q", e.Sentence, string(rs[e.Start:e.End]))
		}
		if e.Confidence <= 0 || e.Confidence > 1 || e.Rule == "" {
			t.Fatalf("evidence without rule or confidence in (0,1]: %+v", e)
		}
	}
}

// A wire dateline with a year is the reference for relative days when the
// article carries no published date.
func TestWireDatelineResolvesWeekdays(t *testing.T) {
	x := extractor(t)
	text := "Ministers to meet\n\nOSLO, June 12, 2025 - Norwegian Foreign Minister Espen Barth Eide will meet " +
		"Swedish Foreign Minister Maria Malmer Stenergard in Stockholm on Friday, officials said on Thursday.\n"
	f := x.Extract(newsgraph.Article{ID: "dateline", Text: text})
	if f.Published != "2025-06-12" {
		t.Errorf("published %q, want the dateline's 2025-06-12", f.Published)
	}
	if g := x.Extract(newsgraph.Article{ID: "dated", Text: text, Published: "2025-06-11"}); g.Published != "2025-06-11" {
		t.Errorf("published %q: the source's date must win over the text's", g.Published)
	}
	if len(f.Met) != 1 {
		t.Fatalf("want one meeting, got %+v", f.Met)
	}
	if m := f.Met[0]; m.Date != "2025-06-13" || m.Status != newsgraph.Planned {
		t.Errorf("got date %q status %q, want 2025-06-13 planned (the Friday after Thursday 12 June 2025)", m.Date, m.Status)
	}
}

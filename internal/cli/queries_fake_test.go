package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

func sp(s string) *string { return &s }
func ip(n int) *int       { return &n }

// newFakeStore holds a small graph: Rubio met Macron twice (once
// planned) in Paris; Yermak travelled with Umerov; Russia struck Dnipro.
func newFakeStore() *fakeStore {
	rubio := graph.PersonRef{Key: "marco rubio", Name: "Marco Rubio", Countries: []string{"US"}, Roles: []string{"Secretary of State"}}
	macron := graph.PersonRef{Key: "emmanuel macron", Name: "Emmanuel Macron", Countries: []string{"FR"}}
	yermak := graph.PersonRef{Key: "andriy yermak", Name: "Andriy Yermak", Countries: []string{"UA"}}
	umerov := graph.PersonRef{Key: "rustem umerov", Name: "Rustem Umerov", Countries: []string{"UA"}}
	seed := graph.Source{Article: "seed", Published: sp("2025-04-17"), Sentence: "Rubio met Macron in Paris on Thursday."}
	later := graph.Source{Article: "later", Sentence: "Rubio will meet Macron again."}
	return &fakeStore{
		persons: map[string]graph.PersonRef{"rubio": rubio, "marco rubio": rubio, "macron": macron,
			"andriy yermak": yermak, "rustem umerov": umerov,
			"mike johnson": {Key: "mike johnson", Name: "Mike Johnson", Countries: []string{"US"}}},
		ambiguous: map[string][]string{"johnson": {"Mike Johnson (US)", "Boris Johnson (GB)"}},
		places:    map[string][]string{"paris": {"paris|FR"}, "dnipro": {"dnipro|UA"}},
		parties: map[string]graph.Party{"ru": {Code: "RU", Name: "RU"}, "ukraine": {Code: "UA", Name: "Ukraine"},
			"hezbollah": {Key: "hezbollah", Name: "Hezbollah"}},
		contacts: map[string][]graph.Contact{"marco rubio": {{Person: macron, Count: 2, Occurred: 1, Planned: 1,
			Meetings: []graph.MeetingRef{
				{Key: "m1", Date: sp("2025-04-17"), Status: "occurred", Place: sp("Paris"), Evidence: []graph.Source{seed}},
				{Key: "m2", Status: "planned", Evidence: []graph.Source{later}},
			}}}},
		pairs: []graph.MetPair{{A: macron, B: rubio, Count: 2, Occurred: 1, Planned: 1, LastDate: sp("2025-04-17"),
			Places: []string{"Paris"}, Evidence: &seed}},
		hops: map[[2]string][]graph.Hop{{"andriy yermak", "rustem umerov"}: {{Type: "TRAVELED_WITH", From: yermak, To: umerov, Count: 1,
			Evidence: []graph.HopEvent{{Kind: "Trip", Source: graph.Source{Article: "seed", Sentence: "Andriy Yermak announced the trip."}}}}}},
		meetings: []graph.MeetingRow{{Key: "m1", Date: sp("2025-04-17"), Status: "occurred", Place: sp("Paris"), Country: sp("FR"),
			People: []graph.PersonRef{macron, rubio}, Evidence: []graph.Source{seed, later}}},
		strikes: []graph.StrikeRow{{Key: "s1", Date: sp("2025-04-16"), Attacker: &graph.Party{Code: "RU", Name: "Russia"},
			Place: "Dnipro", Country: sp("UA"), Weapon: sp("drone"), Killed: ip(3),
			Evidence: []graph.Source{{Article: "seed", Sentence: "A drone strike on Dnipro killed three."}}}},
		people: []graph.PersonHit{{PersonRef: macron, Meetings: 3, Articles: 2}, {PersonRef: rubio, Meetings: 2, Articles: 2}},
	}
}

// queryCase runs one query command's run function against the fake, as
// a table and as JSON.
type queryCase struct {
	name string
	run  func(ctx context.Context, s *fakeStore, out *bytes.Buffer, asJSON bool) error
	// want: strings of the table; jsonWant: strings of the --json output.
	want, jsonWant []string
}

func TestQueryCommandsAgainstFake(t *testing.T) {
	cases := []queryCase{
		{"who-met", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runWhoMet(ctx, &whoMetOptions{Out: out, Store: s.opener(&opened), Limit: 50, JSON: j})
		}, []string{"PEOPLE", "Emmanuel Macron – Marco Rubio", "2 (1p)", "Rubio met Macron in Paris on Thursday.", "[seed]"},
			[]string{`"pairs"`, `"count": 2`, `"planned": 1`}},
		{"who-met Rubio", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runWhoMet(ctx, &whoMetOptions{Out: out, Store: s.opener(&opened), Name: "Rubio", Limit: 50, JSON: j})
		}, []string{"Marco Rubio (US) met 1 person:", "Emmanuel Macron (FR)", "2 (1 planned)", "[seed]", "[later]"},
			[]string{`"person": {`, `"key": "marco rubio"`, `"contacts"`, `"status": "planned"`}},
		{"path", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runPath(ctx, &pathOptions{Out: out, Store: s.opener(&opened), From: "Andriy Yermak", To: "Rustem Umerov", JSON: j})
		}, []string{"Andriy Yermak (UA) to Rustem Umerov (UA) in 1 step:", "TRAVELED_WITH", "Andriy Yermak announced the trip.", "[seed]"},
			[]string{`"from"`, `"hops"`, `"type": "TRAVELED_WITH"`}},
		{"meetings", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runMeetings(ctx, &meetingsOptions{Out: out, Store: s.opener(&opened), Limit: 100, JSON: j})
		}, []string{"DATE", "2025-04-17", "occurred", "Paris, FR", "Emmanuel Macron, Marco Rubio", "(+1 more)"},
			[]string{`"meetings"`, `"country": "FR"`, `"name": "Marco Rubio"`}},
		{"strikes", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runStrikes(ctx, &strikesOptions{Out: out, Store: s.opener(&opened), Limit: 100, JSON: j})
		}, []string{"BY", "RU", "Dnipro, UA", "drone", "3", "-"}, // injured unknown: -
			[]string{`"strikes"`, `"killed": 3`, `"injured": null`}},
		{"people", func(ctx context.Context, s *fakeStore, out *bytes.Buffer, j bool) error {
			opened := false
			return runPeople(ctx, &peopleOptions{Out: out, Store: s.opener(&opened), Limit: 25, JSON: j})
		}, []string{"NAME", "Emmanuel Macron", "FR", "Secretary of State"},
			[]string{`"people"`, `"meetings": 3`, `"articles": 2`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := tc.run(t.Context(), newFakeStore(), &out, false); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("table lacks %q:\n%s", w, out.String())
				}
			}
			checkWidth(t, []string{tc.name}, out.String())
			out.Reset()
			if err := tc.run(t.Context(), newFakeStore(), &out, true); err != nil {
				t.Fatal(err)
			}
			var v map[string]any
			if err := json.Unmarshal(out.Bytes(), &v); err != nil {
				t.Fatalf("--json does not parse: %v\n%s", err, out.String())
			}
			for _, w := range tc.jsonWant {
				if !strings.Contains(out.String(), w) {
					t.Errorf("--json lacks %q:\n%s", w, out.String())
				}
			}
		})
	}
}

// TestQueryCommandsEmptyAgainstFake: nothing found is a message in the
// table and an empty list (not null) in JSON, and exit 0.
func TestQueryCommandsEmptyAgainstFake(t *testing.T) {
	empty := &fakeStore{persons: map[string]graph.PersonRef{"rubio": {Key: "marco rubio", Name: "Marco Rubio"}}}
	opened := false
	cases := []struct {
		name      string
		run       func(out *bytes.Buffer, j bool) error
		table, js string
	}{
		{"who-met", func(out *bytes.Buffer, j bool) error {
			return runWhoMet(t.Context(), &whoMetOptions{Out: out, Store: empty.opener(&opened), JSON: j})
		}, "no meetings in the graph yet", `"pairs": []`},
		{"who-met Rubio", func(out *bytes.Buffer, j bool) error {
			return runWhoMet(t.Context(), &whoMetOptions{Out: out, Store: empty.opener(&opened), Name: "rubio", JSON: j})
		}, "Marco Rubio met no one", `"contacts": []`},
		{"meetings", func(out *bytes.Buffer, j bool) error {
			return runMeetings(t.Context(), &meetingsOptions{Out: out, Store: empty.opener(&opened), JSON: j})
		}, "no meetings match", `"meetings": []`},
		{"strikes", func(out *bytes.Buffer, j bool) error {
			return runStrikes(t.Context(), &strikesOptions{Out: out, Store: empty.opener(&opened), JSON: j})
		}, "no strikes match", `"strikes": []`},
		{"people", func(out *bytes.Buffer, j bool) error {
			return runPeople(t.Context(), &peopleOptions{Out: out, Store: empty.opener(&opened), Query: "x", JSON: j})
		}, "no one found", `"people": []`},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			for _, j := range []bool{false, true} {
				var out bytes.Buffer
				if err := tc.run(&out, j); err != nil {
					t.Fatal(err)
				}
				want := tc.table
				if j {
					want = tc.js
				}
				if !strings.Contains(out.String(), want) {
					t.Errorf("json=%v: output lacks %q:\n%s", j, want, out.String())
				}
			}
		})
	}
}

// TestQueryErrorsAgainstFake: unknown and ambiguous names, no chain, bad
// flags (found before Neo4j is asked) and a lost server, with their exit
// codes.
func TestQueryErrorsAgainstFake(t *testing.T) {
	lost := &graph.ConnError{URI: "bolt://127.0.0.1:1", Err: errors.New("connection reset")}
	cases := []struct {
		name   string
		run    func(ctx context.Context, s *fakeStore, opened *bool) error
		fail   error // the store's error for every query
		code   int
		want   []string
		noOpen bool // the store must not be asked for
	}{
		{name: "who-met unknown", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runWhoMet(ctx, &whoMetOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Name: "Rubbio"})
		}, code: ExitError, want: []string{`no person named "Rubbio"`, "newsgraph people"}},
		{name: "who-met ambiguous", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runWhoMet(ctx, &whoMetOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Name: "Johnson"})
		}, code: ExitError, want: []string{`"Johnson" is ambiguous`, `"Mike Johnson (US)" or "Boris Johnson (GB)"`}},
		{name: "path unknown", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runPath(ctx, &pathOptions{Out: &bytes.Buffer{}, Store: s.opener(o), From: "Rubio", To: "Umerof"})
		}, code: ExitError, want: []string{`no person named "Umerof"`}},
		{name: "path no chain", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runPath(ctx, &pathOptions{Out: &bytes.Buffer{}, Store: s.opener(o), From: "Rubio", To: "Macron"})
		}, code: ExitError, want: []string{"Marco Rubio (US) and Emmanuel Macron (FR): no chain"}},
		{name: "meetings unknown place", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runMeetings(ctx, &meetingsOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Place: "Pariss"})
		}, code: ExitError, want: []string{`no place named "Pariss"`}},
		{name: "meetings bad status", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runMeetings(ctx, &meetingsOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Status: "maybe"})
		}, code: ExitUsage, want: []string{"--status is planned or occurred"}, noOpen: true},
		{name: "meetings bad date", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runMeetings(ctx, &meetingsOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Since: "April"})
		}, code: ExitUsage, want: []string{"--since wants a date"}, noOpen: true},
		{name: "strikes unknown group", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runStrikes(ctx, &strikesOptions{Out: &bytes.Buffer{}, Store: s.opener(o), By: "Hezbolah"})
		}, code: ExitError, want: []string{`no country or group named "Hezbolah"`}},
		{name: "strikes bad date", run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runStrikes(ctx, &strikesOptions{Out: &bytes.Buffer{}, Store: s.opener(o), Since: "2025/04"})
		}, code: ExitUsage, want: []string{"--since wants a date"}, noOpen: true},
		{name: "people, neo4j lost", fail: lost, run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runPeople(ctx, &peopleOptions{Out: &bytes.Buffer{}, Store: s.opener(o)})
		}, code: ExitUnavailable, want: []string{"cannot reach neo4j at bolt://127.0.0.1:1"}},
		{name: "meetings, neo4j lost", fail: lost, run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runMeetings(ctx, &meetingsOptions{Out: &bytes.Buffer{}, Store: s.opener(o)})
		}, code: ExitUnavailable, want: []string{"cannot reach neo4j"}},
		{name: "who-met, query fails", fail: errors.New("who met x: Neo.ClientError.Statement.SyntaxError"), run: func(ctx context.Context, s *fakeStore, o *bool) error {
			return runWhoMet(ctx, &whoMetOptions{Out: &bytes.Buffer{}, Store: s.opener(o)})
		}, code: ExitError, want: []string{"SyntaxError"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s := newFakeStore()
			s.fail = tc.fail
			opened := false
			err := tc.run(t.Context(), s, &opened)
			if got := exitCode(err); got != tc.code {
				t.Fatalf("exit code %d (error %v), want %d", got, err, tc.code)
			}
			for _, w := range tc.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
			if tc.noOpen && opened {
				t.Error("the store was opened for a usage error")
			}
		})
	}
}

// TestQueryFiltersAgainstFake: names resolve to keys and partial dates
// widen before the store is asked.
func TestQueryFiltersAgainstFake(t *testing.T) {
	s := newFakeStore()
	opened := false
	err := runMeetings(t.Context(), &meetingsOptions{Out: &bytes.Buffer{}, Store: s.opener(&opened),
		Person: "Rubio", Place: "Paris", Country: "Ukraine", Since: "2025-04", Until: "2025", Status: "planned", Limit: 7})
	if err != nil {
		t.Fatal(err)
	}
	want := graph.MeetingFilter{Person: "marco rubio", PlaceKeys: []string{"paris|FR"}, Country: "UA",
		Since: "2025-04-01", Until: "2025-12-31", Status: "planned", Limit: 7}
	if got := s.gotMeetings; got.Person != want.Person || strings.Join(got.PlaceKeys, ",") != "paris|FR" || got.Country != want.Country ||
		got.Since != want.Since || got.Until != want.Until || got.Status != want.Status || got.Limit != want.Limit {
		t.Errorf("meetings filter %+v, want %+v", got, want)
	}
	err = runStrikes(t.Context(), &strikesOptions{Out: &bytes.Buffer{}, Store: s.opener(&opened), By: "hezbollah", On: "dnipro", Since: "2025"})
	if err != nil {
		t.Fatal(err)
	}
	if got := s.gotStrikes; got.By.Key != "hezbollah" || got.By.Code != "" || strings.Join(got.PlaceKeys, ",") != "dnipro|UA" || got.Since != "2025-01-01" {
		t.Errorf("strikes filter %+v", got)
	}
}

package newsgraph_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

func TestFactsJSONUsesNullForUnknown(t *testing.T) {
	f := newsgraph.Facts{
		ID:           "017",
		Persons:      []newsgraph.Person{{Name: "Rubio"}, {Name: "Marco Rubio", Aliases: []string{"Rubio"}, Country: "US", Role: "Secretary of State"}},
		Met:          []newsgraph.Meeting{{A: "A", B: "B", Status: newsgraph.Planned, Evidence: newsgraph.Evidence{Sentence: "A will meet B."}}},
		TraveledWith: []newsgraph.Travel{{A: "A", B: "B"}},
		Struck:       []newsgraph.Strike{{Target: "Dnipro", Weapon: "drone"}},
	}
	b, err := json.Marshal(f)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{
		`"published":null`,
		`{"name":"Rubio","aliases":[],"country":null,"role":null}`,
		`"aliases":["Rubio"],"country":"US","role":"Secretary of State"`,
		`"place":null,"date":null`,
		`"status":"planned"`,
		`"evidence":"A will meet B."`,
		`"to":null`,
		`"attacker":null,"target":"Dnipro","target_country":null`,
		`"killed":null,"injured":null,"date":null`,
		`"killed":null`,
		`"countries":[]`,
		`"mentions":[]`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("JSON lacks %s:\n%s", want, got)
		}
	}
	// Each key once: the nullable fields replace the plain ones.
	if n := strings.Count(got, `"country"`); n != 2 {
		t.Errorf(`"country" appears %d times, want 2:\n%s`, n, got)
	}
	// And it reads back.
	var back newsgraph.Facts
	if err := json.Unmarshal(b, &back); err != nil || back.Persons[1].Role != "Secretary of State" || back.Met[0].Place != "" {
		t.Errorf("round trip: %v %+v", err, back)
	}
}

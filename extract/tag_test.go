package extract

import (
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestPlaceContext checks the named rule "a name in a place's context is
// a place" (placeContext): a name before a place noun or after "the town
// of" is a place whatever the tagger called it, and an adjective of a
// people before a place noun is not.
func TestPlaceContext(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text, name string
		place      bool
	}{
		{"Air raids hit the town of Musa Qala on Monday.", "Musa Qala", true},
		{"A rocket hit the al-Hamadaniyeh neighborhood in Aleppo.", "al-Hamadaniyeh", true},
		{"The strikes targeted the villages of Tokhar and Hoshariyeh.", "Tokhar", true},
		{"The strikes targeted the villages of Tokhar and Hoshariyeh.", "Hoshariyeh", true},
		{"Missiles struck the Shayrat air base overnight.", "Shayrat", true},
		{"Troops massed along the Zairean border on Friday.", "Zairean", false},
		{"He won the English county championship with Surrey.", "English", false},
		{"The Bank of England raised rates.", "Bank of England", false},
	} {
		d := x.Analyze(tc.text)
		got := false
		for _, m := range d.Mentions {
			if m.Text == tc.name && m.Type == newsgraph.LOC {
				got = true
			}
		}
		if got != tc.place {
			var seen []string
			for _, m := range d.Mentions {
				seen = append(seen, m.Type+":"+m.Text)
			}
			t.Errorf("%q: %q is a place: %v, want %v (mentions %v)", tc.text, tc.name, got, tc.place, seen)
		}
	}
}

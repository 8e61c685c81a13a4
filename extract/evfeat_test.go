package extract

import (
	"slices"
	"testing"
)

// The trigger model sees which of the trigger's dependents are persons:
// "received the minister" is a meeting, "received a letter" is not, and
// only the first gives the trigger a person object.
func TestTriggerSeesPersonDependents(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		text string
		want bool // a feature pdep=obj on the trigger "received"
	}{
		{"President Emmanuel Macron received Prime Minister Mark Rutte at the Elysee.", true},
		{"President Emmanuel Macron received a letter from Prime Minister Mark Rutte.", false},
	} {
		cands := x.EventCandidates(x.Analyze(tc.text), "")
		found, got := false, false
		for _, cd := range cands {
			if cd.Kind != candMeet || cd.Trigger != "receive" {
				continue
			}
			found = true
			got = got || slices.Contains(cd.T.Names, "pdep=obj")
		}
		if !found {
			t.Fatalf("%q: no meet candidate read from \"received\"", tc.text)
		}
		if got != tc.want {
			t.Errorf("%q: pdep=obj on the trigger is %v, want %v", tc.text, got, tc.want)
		}
	}
}

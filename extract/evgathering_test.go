package extract

import "testing"

// TestManyGatheringRule checks rule "a gathering of many" on the sentences
// it must and must not match: whether the meet candidates read from a
// gathering noun pair no one. It tests the mechanism, not quality.
func TestManyGatheringRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		sentence string
		trigger  string // the gathering noun
		many     bool   // its candidates pair no one
	}{
		{"The APEC summit on Friday and Saturday will bring together APEC leaders, including Chinese President Hu Jintao and US President George W. Bush.", "summit", true},
		{"Secretary of State Hillary Clinton and President Barack Obama were attending a regional summit in Cambodia.", "summit", true},
		// must not match: a summit of its own participants, or of no
		// body of many
		{"Chinese President Xi Jinping will hold a regional summit with Russian President Vladimir Putin.", "summit", false},
		{"Afghan President Ashraf Ghani speaks with U.S. President Barack Obama and NATO Secretary General Jens Stoltenberg at the NATO summit in Warsaw.", "summit", false},
		{"US President Donald Trump and North Korean leader Kim Jong Un held a summit in Singapore.", "summit", false},
	} {
		d := x.Analyze(tc.sentence)
		x.dropNonPersons(d)
		c := newEvCtx(x, d, "")
		seen := false
		for _, cd := range c.allCandidates() {
			if cd.Kind != candMeet || cd.Trigger != tc.trigger {
				continue
			}
			seen = true
			if got := c.manyGathering(&cd); got != tc.many {
				t.Errorf("%q: %s-%s read from %q: a gathering of many = %v, want %v", tc.sentence, d.Persons[cd.A].Name, d.Persons[cd.B].Name, tc.trigger, got, tc.many)
			}
		}
		if !seen {
			t.Errorf("%q: no meet candidate read from %q", tc.sentence, tc.trigger)
		}
	}
}

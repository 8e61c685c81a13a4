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
		checkMeetRule(t, x, tc.sentence, tc.trigger, "a gathering of many", tc.many, (*evCtx).manyGathering)
	}
}

// checkMeetRule fails t unless sentence has a meet candidate read from
// trigger and the named rule says want of every such candidate.
func checkMeetRule(t *testing.T, x *Extractor, sentence, trigger, name string, want bool, rule func(*evCtx, *Candidate) bool) {
	t.Helper()
	d := x.Analyze(sentence)
	x.dropNonPersons(d)
	c := newEvCtx(x, d, "")
	seen := false
	for _, cd := range c.allCandidates() {
		if cd.Kind != candMeet || cd.Trigger != trigger {
			continue
		}
		seen = true
		if got := rule(c, &cd); got != want {
			t.Errorf("%q: %s-%s read from %q: %s = %v, want %v", sentence, d.Persons[cd.A].Name, d.Persons[cd.B].Name, trigger, name, got, want)
		}
	}
	if !seen {
		t.Errorf("%q: no meet candidate read from %q", sentence, trigger)
	}
}

package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestJoinedMeetingRule checks rule "joined the meeting" on the sentences
// it must and must not match: who joins a meeting named again by a
// definite meeting noun. It tests the mechanism, not quality.
func TestJoinedMeetingRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		sentence string
		want     []string // the joiners' names
	}{
		{"Sergei Lavrov later joined the talks.", []string{"Sergei Lavrov"}},
		{"John Kelly attended the dinner as well.", []string{"John Kelly"}},
		{"The meeting was also attended by national security adviser Michael Flynn.", []string{"Michael Flynn"}},
		{"The meeting, which was also attended by Paul Manafort, lasted 20 minutes.", []string{"Paul Manafort"}},
		{"The meeting eventually occurred on Dec. 1 at Trump Tower, and was also attended by Michael Flynn.", []string{"Michael Flynn"}},
		{"Rex Tillerson and James Mattis also took part in the talks.", []string{"Rex Tillerson", "James Mattis"}},
		{"Sergei Lavrov will join the talks on Friday.", []string{"Sergei Lavrov"}},
		// must not match: a new meeting, no meeting, a negated or
		// hypothetical join, a person who is not the joiner
		{"Sergei Lavrov attended a meeting in Geneva.", nil},
		{"Sergei Lavrov joined the government in 2004.", nil},
		{"Sergei Lavrov did not attend the talks.", nil},
		{"Sergei Lavrov declined to say whether Angela Merkel would attend the summit if invited.", nil},
		{"Sergei Lavrov said the talks were attended by officials.", nil},
	} {
		d := x.Analyze(tc.sentence)
		c := newEvCtx(x, d, "")
		es := c.sentence(0)
		var got []string
		if es.ss != nil {
			for _, j := range c.joins(es) {
				got = append(got, d.Persons[j.person].Name)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: joiners %q, want %q", tc.sentence, got, tc.want)
		}
	}
}

// TestJoinedMeetingAssembly checks that a joiner is paired with the
// participants of the latest meeting told before, within reach, with its
// status from the meeting or its own stated plan.
func TestJoinedMeetingAssembly(t *testing.T) {
	x := testExtractor(t)
	met := func(text string) []newsgraph.Meeting {
		f := x.Extract(newsgraph.Article{ID: "t", Text: text})
		return f.Met
	}
	pairs := func(ms []newsgraph.Meeting, rule string) map[[2]string]string {
		out := map[[2]string]string{}
		for _, m := range ms {
			if m.Rule == rule {
				out[pairOf(m.A, m.B)] = m.Status
			}
		}
		return out
	}
	first := "Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday."
	if got := pairs(met(first), "meet/meeting"); len(got) == 0 {
		if got = pairs(met(first), "meet/meet"); len(got) != 1 {
			t.Fatalf("%q: no meeting accepted; the assembly test needs one", first)
		}
	}
	for _, tc := range []struct {
		text string
		want map[[2]string]string
	}{
		{first + " Sergei Lavrov later joined the talks.", map[[2]string]string{
			pairOf("Sergei Lavrov", "Vladimir Putin"): newsgraph.Occurred,
			pairOf("Sergei Lavrov", "Xi Jinping"):     newsgraph.Occurred}},
		{first + " Sergei Lavrov will join the talks on Tuesday.", map[[2]string]string{
			pairOf("Sergei Lavrov", "Vladimir Putin"): newsgraph.Planned,
			pairOf("Sergei Lavrov", "Xi Jinping"):     newsgraph.Planned}},
		{first + " Sergei Lavrov did not attend the talks.", map[[2]string]string{}},
		{first + " Sergei Lavrov attended a meeting in Geneva.", map[[2]string]string{}},
		{first + " The rouble fell. Oil rose. Gold fell. Sergei Lavrov later joined the talks.", map[[2]string]string{}},
		{"Sergei Lavrov later joined the talks. " + first, map[[2]string]string{}},
		// the meeting told last is another one, which holds no pair
		{first + " On Tuesday the delegations met for a trilateral summit. The meeting was attended by Sergei Lavrov.", map[[2]string]string{}},
	} {
		if got := pairs(met(tc.text), "meet/joined"); !mapsEqual(got, tc.want) {
			t.Errorf("%q: joined pairs %v, want %v", tc.text, got, tc.want)
		}
	}
}

func mapsEqual(a, b map[[2]string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if b[k] != v {
			return false
		}
	}
	return true
}

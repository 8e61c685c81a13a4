package extract

import (
	"maps"
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
		{"Sergei Lavrov participated in the negotiations.", []string{"Sergei Lavrov"}},
		{"Sergei Lavrov sat in on the meeting.", []string{"Sergei Lavrov"}},
		{"Sergei Lavrov will join the talks on Friday.", []string{"Sergei Lavrov"}},
		// must not match: a new meeting, no meeting, a trip or a call, a
		// negated or hypothetical join, "take" without "part", a person
		// who is not the joiner
		{"Sergei Lavrov attended a meeting in Geneva.", nil},
		{"Sergei Lavrov joined the government in 2004.", nil},
		{"Jared Kushner joined the trip.", nil},
		{"Sergei Lavrov joined the call.", nil},
		{"Sergei Lavrov did not attend the talks.", nil},
		{"Sergei Lavrov declined to say whether Angela Merkel would attend the summit if invited.", nil},
		{"The talks, which Sergei Lavrov took seriously, lasted an hour.", nil},
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
// participants of the meeting told last, within reach, with the meeting's
// status, or planned with the CAMEO code of intent when the join is a
// stated plan.
func TestJoinedMeetingAssembly(t *testing.T) {
	x := testExtractor(t)
	met := func(text string) []newsgraph.Meeting {
		return x.Extract(newsgraph.Article{ID: "t", Text: text, Published: "2024-03-04"}).Met
	}
	type got struct{ status, cameo string }
	joined := func(ms []newsgraph.Meeting) map[[2]string]got {
		out := map[[2]string]got{}
		for _, m := range ms {
			if m.Rule == "meet/joined the meeting" {
				out[pairOf(m.A, m.B)] = got{m.Status, m.CAMEO}
			}
		}
		return out
	}
	first := "Vladimir Putin met Chinese President Xi Jinping in Moscow on Monday."
	if ms := met(first); len(ms) != 1 || pairOf(ms[0].A, ms[0].B) != pairOf("Vladimir Putin", "Xi Jinping") {
		t.Fatalf("%q: meetings %v, want Putin and Xi (the assembly test needs them)", first, ms)
	}
	held := func(cameo string, ps ...string) map[[2]string]got {
		out := map[[2]string]got{}
		for _, p := range ps {
			out[pairOf("Sergei Lavrov", p)] = got{newsgraph.Occurred, cameo}
		}
		return out
	}
	cameo := met(first)[0].CAMEO
	both := held(cameo, "Vladimir Putin", "Xi Jinping")
	for _, tc := range []struct {
		text string
		want map[[2]string]got
	}{
		{first + " Sergei Lavrov later joined the talks.", both},
		{first + " The talks lasted three hours. Sergei Lavrov later joined the talks.", both},
		{first + " The rouble fell. Oil rose. Sergei Lavrov later joined the talks.", both},
		{first + " Sergei Lavrov will join the talks on Tuesday.", map[[2]string]got{
			pairOf("Sergei Lavrov", "Vladimir Putin"): {newsgraph.Planned, "036"},
			pairOf("Sergei Lavrov", "Xi Jinping"):     {newsgraph.Planned, "036"}}},
		{first + " Sergei Lavrov later joined the talks. Wang Yi also attended the meeting.", map[[2]string]got{
			pairOf("Sergei Lavrov", "Vladimir Putin"): {newsgraph.Occurred, cameo},
			pairOf("Sergei Lavrov", "Xi Jinping"):     {newsgraph.Occurred, cameo},
			pairOf("Wang Yi", "Vladimir Putin"):       {newsgraph.Occurred, cameo},
			pairOf("Wang Yi", "Xi Jinping"):           {newsgraph.Occurred, cameo}}},
		// must not pair: a negated join, a new meeting, out of reach, a
		// join told first, a meeting told last that was not accepted
		{first + " Sergei Lavrov did not attend the talks.", map[[2]string]got{}},
		{first + " Sergei Lavrov attended a meeting in Geneva.", map[[2]string]got{}},
		{first + " The rouble fell. Oil rose. Gold fell. Sergei Lavrov later joined the talks.", map[[2]string]got{}},
		{"Sergei Lavrov later joined the talks. " + first, map[[2]string]got{}},
		{first + " On Tuesday the delegations met for a trilateral summit. The meeting was attended by Sergei Lavrov.", map[[2]string]got{}},
	} {
		if out := joined(met(tc.text)); !maps.Equal(out, tc.want) {
			t.Errorf("%q: joined pairs %v, want %v", tc.text, out, tc.want)
		}
	}
}

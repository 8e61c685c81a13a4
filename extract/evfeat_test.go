package extract

import (
	"slices"
	"testing"
)

// The trigger model sees which of the trigger's dependents are persons:
// "received the minister" is a meeting, "received a letter" is not, and
// only the first gives the trigger a person object.
func TestTriggerSeesPersonDependents(t *testing.T) {
	x := testExtractor(t)
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

// TestTripPatternRule checks rule "trip pattern": the guidelines' trip
// phrasings with a verb of travel give a trip together whatever the travel
// model scores; a with-phrase on a verb that is no travel does not.
func TestTripPatternRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, a, b string
		trip       bool
	}{
		{"Talks in Riyadh. William Ruto, accompanied by Musalia Mudavadi, arrived in Riyadh on Monday.", "William Ruto", "Musalia Mudavadi", true},
		{"Talks in Riyadh. Kenyan President William Ruto, who was accompanied by Foreign Minister Musalia Mudavadi, arrived in Riyadh on Monday.", "William Ruto", "Musalia Mudavadi", true},
		{"Talks in Kyiv. Ukrainian Prime Minister Oleksandr Hrytsenko arrived alongside Energy Minister Serhiy Bondar on Monday.", "Oleksandr Hrytsenko", "Serhiy Bondar", true},
		{"Talks in Berlin. Russian President Vladimir Putin attended the conference, along with Secretary-General Antonio Guterres.", "Vladimir Putin", "Antonio Guterres", false},
		// a companion hung on the place
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in the French capital alongside Keith Kellogg, President Donald Trump's special envoy to Ukraine.", "Marco Rubio", "Keith Kellogg", true},
		{"Talks in Paris. French President Emmanuel Macron arrived at the meeting with Russian President Vladimir Putin on Monday.", "Emmanuel Macron", "Vladimir Putin", false},
		// companions named together
		{"Talks in Kyiv. Ukrainian Prime Minister Oleksandr Hrytsenko arrived alongside Energy Minister Serhiy Bondar and Finance Minister Mykola Azarov on Monday.", "Serhiy Bondar", "Mykola Azarov", true},
		{"Talks in Washington. Senator Lindsey Graham has joined with Senator Ted Cruz and Senator Marco Rubio.", "Ted Cruz", "Marco Rubio", false},
		{"That leaves us with Senator Ted Cruz and Senator Marco Rubio.", "Ted Cruz", "Marco Rubio", false},
		// a travel sense whose object is a person: not joining a group (AllSides)
		{"Justice Department official Sally Yates had joined the anti-Trump ring in the Obama administration along with her subordinate Bruce Ohr and fellow saboteur Peter Strzok.", "Bruce Ohr", "Peter Strzok", false},
		{"Justice Department official Sally Yates had joined the anti-Trump ring in the Obama administration along with her subordinate Bruce Ohr.", "Sally Yates", "Bruce Ohr", false},
		{"Talks in Kyiv. Energy Minister Serhiy Bondar joined Prime Minister Oleksandr Hrytsenko in Kyiv along with Finance Minister Mykola Azarov.", "Serhiy Bondar", "Mykola Azarov", true},
		// not a place: "arrived at a compromise"
		{"Talks in Washington. Senator Ted Cruz arrived at a compromise along with Senator Marco Rubio and Senator Lindsey Graham.", "Ted Cruz", "Marco Rubio", false},
		{"Talks in Washington. Senator Ted Cruz arrived at a compromise along with Senator Marco Rubio and Senator Lindsey Graham.", "Marco Rubio", "Lindsey Graham", false},
		// at a place along with someone
		{"Talks in Paris. Foreign Minister Andriy Sybiga was in Paris along with Defense Minister Rustem Umerov on Monday.", "Andriy Sybiga", "Rustem Umerov", true},
		{"Talks in Paris. Foreign Minister Andriy Sybiga was in the French capital along with Defense Minister Rustem Umerov on Monday.", "Andriy Sybiga", "Rustem Umerov", true},
		{"Talks in Paris. Foreign Minister Andriy Sybiga was in favour along with Defense Minister Rustem Umerov on Monday.", "Andriy Sybiga", "Rustem Umerov", false},
		{"Talks in Paris. Foreign Minister Andriy Sybiga spoke in Paris along with Defense Minister Rustem Umerov on Monday.", "Andriy Sybiga", "Rustem Umerov", false},
		{"Talks in Paris. The ministers were received in the French capital along with Defense Minister Rustem Umerov and Prime Minister Denys Shmyhal.", "Rustem Umerov", "Denys Shmyhal", false},
		// rule "later comer"
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in Paris alongside Keith Kellogg, as well as US representative Steve Witkoff, who was expected to join later.", "Marco Rubio", "Keith Kellogg", true},
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in Paris alongside Keith Kellogg, who is due to leave for Kyiv on Friday.", "Marco Rubio", "Keith Kellogg", true},
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in the French capital alongside Keith Kellogg, President Donald Trump's special envoy to Ukraine, as well as US representative Steve Witkoff, who was expected to speak later.", "Keith Kellogg", "Steve Witkoff", true},
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in the French capital alongside Keith Kellogg, President Donald Trump's special envoy to Ukraine, as well as US representative Steve Witkoff, who was expected to join later.", "Keith Kellogg", "Steve Witkoff", false},
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in the French capital alongside Keith Kellogg, President Donald Trump's special envoy to Ukraine, as well as US representative Steve Witkoff, who joined the talks.", "Keith Kellogg", "Steve Witkoff", true},
		{"Talks in Paris. US Secretary of State Marco Rubio arrived in Paris alongside Keith Kellogg, as well as US representative Steve Witkoff, who was expected to join later.", "Marco Rubio", "Steve Witkoff", false},
	} {
		d := x.Analyze(tc.text)
		c := newEvCtx(x, d, "")
		got := false
		for _, cd := range c.allCandidates() {
			if cd.Kind != candTravel {
				continue
			}
			pa, pb := d.Persons[cd.A].Name, d.Persons[cd.B].Name
			if (pa == tc.a && pb == tc.b || pa == tc.b && pb == tc.a) && c.tripPattern(&cd) {
				got = true
			}
		}
		if got != tc.trip {
			t.Errorf("%q: %s and %s travel together by rule: %v, want %v", tc.text, tc.a, tc.b, got, tc.trip)
		}
	}
}

// A preposition trigger stands for the predicate its phrase attaches to,
// whichever way the parser reads "along with": as the noun's case marker
// or as an adverb heading the phrase ("he was in the French capital along
// with Foreign Minister Andriy Sybiga": the predicate is "capital", not the
// "announced" above it). Sentence of the project's seed article.
func TestPrepositionTriggerPredicate(t *testing.T) {
	x := testExtractor(t)
	text := "Ukraine officials join Paris summit\n\nUkrainian President Volodymyr Zelensky’s chief of staff, Andriy Yermak, announced that he was in the French capital along with Foreign Minister Andriy Sybiga and Defense Minister Rustem Umerov."
	d := x.Analyze(text)
	var triggers []string
	for _, cd := range x.EventCandidates(d, "") {
		if cd.Kind == candTravel {
			triggers = append(triggers, cd.Trigger)
		}
	}
	if !slices.Contains(triggers, "capital") || slices.Contains(triggers, "announce") {
		t.Errorf("travel candidates read from %q, want \"capital\" and not \"announce\"", triggers)
	}
}

// The pair model sees the word above the trigger that an argument hangs
// from, and how: the subject of "tapped" someone to meet is not the one
// who meets (a sentence of an AllSides article).
func TestArgumentTopVerb(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("President Donald Trump tapped Treasury Secretary Steven Mnuchin to meet with House Speaker Nancy Pelosi on Monday.")
	found := false
	for _, cd := range x.EventCandidates(d, "") {
		if cd.Kind == candMeet && slices.Contains(cd.F.Names, "atopv=tap>nsubj") {
			found = true
		}
	}
	if !found {
		t.Errorf("no meet candidate with the feature atopv=tap>nsubj")
	}
}

// The trigger model sees the modality cue of a modifier of a noun trigger
// ("their planned meeting", "the upcoming summit": modality.jsonl class
// planned), as it sees those of the verbs above it; a plain adjective gives
// none.
func TestTriggerSeesModifierCue(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, trigger string
		want          bool // a feature mod=planned on the trigger
	}{
		{"Donald Trump will raise the issue at his planned meeting with Vladimir Putin in Helsinki.", "meeting", true},
		{"Donald Trump also addressed his upcoming summit with Vladimir Putin on Monday.", "summit", true},
		{"Donald Trump also addressed his long summit with Vladimir Putin on Monday.", "summit", false},
	} {
		cands := x.EventCandidates(x.Analyze(tc.text), "")
		found, got := false, false
		for _, cd := range cands {
			if cd.Kind != candMeet || cd.Trigger != tc.trigger {
				continue
			}
			found = true
			got = got || slices.Contains(cd.T.Names, "mod=planned")
		}
		if !found {
			t.Fatalf("%q: no meet candidate read from %q", tc.text, tc.trigger)
		}
		if got != tc.want {
			t.Errorf("%q: mod=planned on the trigger is %v, want %v", tc.text, got, tc.want)
		}
	}
}

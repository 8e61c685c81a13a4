package extract

import "testing"

// TestRemoteMediumRule checks rule "a remote medium" on the sentences it
// must and must not match: whether the meet candidates read from a meeting
// word whose modifier or means is a phone, a letter or a video call pair
// no one. It tests the mechanism, not quality.
func TestRemoteMediumRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		sentence string
		trigger  string // the meeting word
		remote   bool   // its candidates pair no one
	}{
		// (Xinhua, November 2006; AllSides)
		{"During a phone talk with Lebanese Prime Minister Fouad Seniora, Jordan's King Abdullah II said that all Lebanese people should unify their efforts.", "talk", true},
		{"Iranian President Hassan Rouhani even had a phone chat with President Barack Obama.", "chat", true},
		{"President Donald Trump talked to Ukrainian President Volodymyr Zelensky on the phone on July 25.", "talk", true},
		{"President Barack Obama talked with House Speaker John Boehner by telephone on Friday.", "talk", true},
		// must not match: a medium in person, a letter that is an agent
		{"President Barack Obama talked with House Speaker John Boehner in person on Friday.", "talk", false},
		// (AllSides, the names in full)
		{"The Post was first alerted in mid-December to the meeting by an anonymous letter, which said, among other things, that Jared Kushner had talked to Sergey Kislyak about setting up the communications channel.", "meeting", false},
		{"President Barack Obama held talks with House Speaker John Boehner at the White House on Friday.", "talk", false},
		// on and over also name topics; "so-called" is no medium
		{"Secretary of State John Kerry met Russian Foreign Minister Sergei Lavrov in Geneva on the call for a ceasefire.", "meet", false},
		{"Prime Minister Tony Blair held talks with President Jacques Chirac in Paris over the letter.", "talk", false},
		{"Prime Minister Tony Blair held a so-called summit with President Jacques Chirac in Paris.", "summit", false},
		{"President Barack Obama talked with House Speaker John Boehner by letters from their staff.", "talk", false},
	} {
		checkMeetRule(t, x, tc.sentence, tc.trigger, "a remote medium", tc.remote, (*evCtx).remoteMedium)
	}
}

package extract

import "testing"

// TestEventDateFromDateline: "on Friday" in a sentence of an article whose
// wire dateline says Thursday 12 June 2025 is 13 June 2025.
func TestEventDateFromDateline(t *testing.T) {
	x := testExtractor(t)
	text := "Ministers to meet\n\nOSLO, June 12, 2025 - Norwegian Foreign Minister Espen Barth Eide will meet " +
		"Swedish Foreign Minister Maria Malmer Stenergard in Stockholm on Friday, officials said on Thursday.\n"
	d := x.Analyze(text)
	c := newEvCtx(x, d, "")
	s := len(d.Sentences) - 1
	if got := c.dateIn(s, true); got != "2025-06-13" {
		t.Errorf("date of a planned event %q, want 2025-06-13 (the Friday after Thursday 12 June 2025)", got)
	}
}

// TestMeetingPlace: the place of a meeting is the "in/at" phrase of its
// trigger, or of a participant when the parse attaches it there; the wire
// dateline stands in only for a meeting that took place, never for one
// still to come. Whether a pair is a meeting is the models' decision, not
// this mechanism's: every candidate pair is taken as one here.
func TestMeetingPlace(t *testing.T) {
	x := testExtractor(t)
	const dateline = "Envoys to meet\n\nKYIV, June 12, 2025 - "
	tests := []struct{ text, place string }{
		{dateline + "Ukrainian Foreign Minister Andriy Sybiga is set to meet German Foreign Minister Johann Wadephul in Berlin on Friday.", "Berlin"},
		{dateline + "Ukrainian Foreign Minister Andriy Sybiga is set to meet German Foreign Minister Johann Wadephul on Friday.", ""},
		{dateline + "Ukrainian Foreign Minister Andriy Sybiga met German Foreign Minister Johann Wadephul on Thursday.", "Kyiv"},
		{dateline + "U.S. envoy Amos Hochstein is expected in Beirut next week, where he will meet Lebanese Parliament Speaker Nabih Berri.", "Beirut"},
		{dateline + "U.S. envoy Amos Hochstein is expected in Beirut next week, when he will meet Lebanese Parliament Speaker Nabih Berri.", ""},
	}
	for _, tc := range tests {
		d := x.Analyze(tc.text)
		c := newEvCtx(x, d, "")
		cands := c.allCandidates()
		for i := range cands {
			cands[i].Score = 1
		}
		met := c.meetings(cands)
		if len(met) != 1 {
			t.Errorf("%q: %d meetings, want 1", tc.text, len(met))
			continue
		}
		if met[0].Place != tc.place {
			t.Errorf("%q: place %q, want %q", tc.text, met[0].Place, tc.place)
		}
	}
}

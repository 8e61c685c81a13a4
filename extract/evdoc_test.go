package extract

import "testing"

// TestEventDateFromDateline: "on Friday" in a sentence of an article whose
// wire dateline says Thursday 12 June 2025 is 13 June 2025.
func TestEventDateFromDateline(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Ministers to meet\n\nOSLO, June 12, 2025 - Norwegian Foreign Minister Espen Barth Eide will meet " +
		"Swedish Foreign Minister Maria Malmer Stenergard in Stockholm on Friday, officials said on Thursday.\n"
	d := x.Analyze(text)
	c := newEvCtx(x, d, "")
	s := len(d.Sentences) - 1
	if got := c.dateIn(s, true); got != "2025-06-13" {
		t.Errorf("date of a planned event %q, want 2025-06-13 (the Friday after Thursday 12 June 2025)", got)
	}
}

package ingest

import (
	"strings"
	"time"
)

// dateLayouts are the date forms NormalizeDate understands. Purely numeric
// forms with slashes are left out on purpose: 03/04/2025 is March in the
// US and April elsewhere.
var dateLayouts = []string{
	time.RFC3339Nano,
	time.RFC3339,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	"2006.01.02",
	"20060102",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 2006 15:04:05",
	"Mon, 2 Jan 2006",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	"2 Jan 2006 15:04",
	time.RFC822Z,
	time.RFC822,
	time.RFC850,
	time.ANSIC,
	time.UnixDate,
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"January 2, 2006",
	"January 2 2006",
	"Jan 2, 2006",
	"Jan 2 2006",
	"Jan. 2, 2006",
	"Monday, January 2, 2006",
	"Mon, January 2, 2006",
	"Monday, 2 January 2006",
	"2 January 2006",
	"2 Jan 2006",
	"2 Jan. 2006",
	"02-Jan-2006",
}

// NormalizeDate returns s as YYYY-MM-DD, the date as written (in the time
// zone it is given in), or "" when s is empty or not a date it knows.
// It accepts RFC 3339 and ISO 8601 forms, RFC 1123/822/850 (as in RSS),
// "2006-01-02", "January 2, 2006", "Jan 2, 2006", "2 January 2006",
// "2 Jan 2006" and a few variants; month and day names in English.
func NormalizeDate(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" || len(s) > 64 {
		return ""
	}
	s = strings.Replace(s, "Sept ", "Sep ", 1)
	s = strings.Replace(s, "Sept. ", "Sep. ", 1)
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return format(t)
		}
	}
	// Ordinals and "at": "March 3rd, 2025", "3rd March 2025 at 10:00".
	if c := stripOrdinals(s); c != s {
		return NormalizeDate(c)
	}
	// A date followed by something else: "2025-03-01T10:00:00+0100 (CET)".
	if len(s) > 10 {
		if t, err := time.Parse("2006-01-02", s[:10]); err == nil {
			return format(t)
		}
	}
	return ""
}

func format(t time.Time) string {
	if y := t.Year(); y < 1800 || y > 2200 {
		return ""
	}
	return t.Format("2006-01-02")
}

// stripOrdinals removes English ordinal suffixes from day numbers and a
// trailing " at HH:MM".
func stripOrdinals(s string) string {
	if i := strings.Index(s, " at "); i > 0 {
		s = s[:i]
	}
	words := strings.Fields(s)
	for i, w := range words {
		trail := ""
		if strings.HasSuffix(w, ",") {
			w, trail = w[:len(w)-1], ","
		}
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			d, ok := strings.CutSuffix(w, suf)
			if ok && len(d) >= 1 && len(d) <= 2 && d[0] >= '0' && d[0] <= '9' && d[len(d)-1] >= '0' && d[len(d)-1] <= '9' {
				words[i] = d + trail
			}
		}
	}
	return strings.Join(words, " ")
}

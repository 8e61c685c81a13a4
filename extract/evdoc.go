package extract

import (
	"strconv"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph"
)

// evCtx is the per-article state of the event layer: the reference date
// for relative dates, the wire dateline's city, and the sentences parsed so
// far with their triggers and arguments.
type evCtx struct {
	x           *Extractor
	d           *Doc
	ref         time.Time // reference date for relative dates; zero if unknown
	dateline    string    // city of a wire dateline ("MOSCOW, April 13 -"), or ""
	datelineTok int       // first token of the dateline's place, or -1
	bodyTok     int       // first token after the dateline's dash, or -1
	parsed      map[int]*evSent
	explain     bool
	keyed       bool              // candidates' features by key only (keyOnly)
	owners      []forcesOwner     // rule "state forces": country words owning an agent
	ownersRead  bool              // owners is set
	buildings   map[string]string // rule "a building's city": name -> city; nil until read
}

func newEvCtx(x *Extractor, d *Doc, published string) *evCtx {
	c := &evCtx{x: x, d: d, parsed: map[int]*evSent{}, datelineTok: -1, bodyTok: -1}
	if t, err := time.Parse("2006-01-02", published); err == nil {
		c.ref = t
	} else {
		c.ref = c.textDate()
	}
	c.dateline, c.datelineTok = c.findDateline()
	if c.datelineTok >= 0 {
		lim := c.d.Sentences[c.d.Tokens[c.datelineTok].Sent].Tok1
		for k := c.datelineTok + 1; k < lim && k < c.datelineTok+12; k++ {
			if c.dashWithin(k, k+1, 1) {
				c.bodyTok = k + 1
				break
			}
		}
	}
	return c
}

// parsedSent returns sentence s parsed (sentence), parsing it once.
func (c *evCtx) parsedSent(s int) *evSent {
	es := c.parsed[s]
	if es == nil {
		es = c.sentence(s)
		c.parsed[s] = es
	}
	return es
}

func (c *evCtx) lw(i int) string {
	if i < 0 || i >= len(c.d.Tokens) {
		return ""
	}
	return c.d.Tokens[i].Lower
}

func (c *evCtx) mention(i int) *Mention {
	if i < 0 || i >= len(c.d.Tokens) || c.d.Tokens[i].Ment < 0 {
		return nil
	}
	return &c.d.Mentions[c.d.Tokens[i].Ment]
}

// country returns the country reference starting at or covering token i.
func (c *evCtx) country(i int) *CountryRef {
	if i < 0 || i >= len(c.d.Tokens) {
		return nil
	}
	if ci := c.d.Tokens[i].Country; ci >= 0 {
		return &c.d.Countries[ci]
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		if ci := c.d.Tokens[k].Country; ci >= 0 && c.d.Countries[ci].Tok1 > i {
			return &c.d.Countries[ci]
		}
	}
	return nil
}

func (c *evCtx) sentText(s int) newsgraph.Evidence {
	st := c.d.Sentences[s]
	return newsgraph.Evidence{Sentence: c.d.SentenceText(s), Start: st.Start, End: st.End}
}

// placeAt returns the canonical name of the place or country mention
// starting at token k and the token after it, or "".
func (c *evCtx) placeAt(k int) (name, code string, end int) {
	m := c.mention(k)
	if m == nil || m.Type != newsgraph.LOC || m.Tok0 != k {
		return "", "", k
	}
	if m.Place >= 0 {
		p := c.d.Places[m.Place]
		return p.Name, p.Country, m.Tok1
	}
	if cr := c.country(k); cr != nil {
		text := mentionName(m)
		// a country in capitals (a wire dateline: "SINGAPORE, April
		// 15"): its name as the other mentions write it
		if isAllCaps(text) {
			if t := titleCase(text); c.x.gaz.countries[t].Code == cr.Code && c.x.gaz.countries[t].Kind == "name" {
				text = t
			}
		}
		return text, cr.Code, m.Tok1
	}
	return mentionName(m), m.Country, m.Tok1
}

// mentionName is mention m's text with each run of white space one space.
func mentionName(m *Mention) string { return strings.Join(strings.Fields(m.Text), " ") }

// capitalOf returns a place of the article that is the capital of code.
func (c *evCtx) capitalOf(code string) string {
	for _, p := range c.d.Places {
		if p.Country == code {
			if info, ok := c.x.gaz.places[p.Name]; ok && info.Capital {
				return p.Name
			}
		}
	}
	return ""
}

// findDateline returns the city of a wire dateline "CITY, Month Day -" or
// "CITY, Country –" at the start of the first body sentence.
func (c *evCtx) findDateline() (string, int) {
	for s := 0; s < len(c.d.Sentences) && s < 3; s++ {
		st := c.d.Sentences[s]
		k := st.Tok0
		if n, _, e := c.placeAt(k); n != "" && isAllCaps(c.d.Tokens[k].Text) && c.lw(e) == "," {
			return n, k
		}
	}
	return "", -1
}

// ---- dates ----

var months = map[string]time.Month{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
	"jan": 1, "jan.": 1, "feb": 2, "feb.": 2, "mar.": 3, "apr": 4, "apr.": 4, "jun.": 6,
	"jul.": 7, "aug": 8, "aug.": 8, "sep.": 9, "sept": 9, "sept.": 9, "oct": 10, "oct.": 10,
	"nov": 11, "nov.": 11, "dec": 12, "dec.": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// timeMarks are the times sentence s names: its weekdays, months and
// years, each under one key whatever its spelling ("Nov." and
// "November"). A month word counts only before a day or a year or after a
// word that makes it a time ("last November", "in March"): "May" and
// "Jan" are as often names (Theresa May, Jan Egeland).
func (c *evCtx) timeMarks(s int) map[string]bool {
	st := c.d.Sentences[s]
	marks := map[string]bool{}
	for k := st.Tok0; k < st.Tok1; k++ {
		w := c.lw(k)
		if y := yearNum(w); y > 0 {
			marks[strconv.Itoa(y)] = true
			continue
		}
		if !isCap(c.d.Tokens[k].Text) {
			continue
		}
		if d, ok := weekdays[w]; ok {
			marks[d.String()] = true
		}
		if m, ok := months[w]; ok && (k+1 < st.Tok1 && (dayNum(c.lw(k+1)) > 0 || yearNum(c.lw(k+1)) > 0) || monthCues[c.lw(k-1)]) {
			marks[m.String()] = true
		}
	}
	return marks
}

// monthCues are the words before a month name that make it a time.
var monthCues = set("in", "last", "next", "this", "since", "until", "by", "early", "late", "mid", "during", "of", "from")

func dayNum(s string) int {
	s = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(s, "th"), "st"), "nd"), "rd")
	if n := digitsNum(s, 1, 2); n >= 1 && n <= 31 {
		return n
	}
	return 0
}

func yearNum(s string) int {
	if n := digitsNum(s, 4, 4); n >= 1900 && n <= 2100 {
		return n
	}
	return 0
}

// digitsNum is the value of s when it is minLen to maxLen ASCII digits, else 0.
func digitsNum(s string, minLen, maxLen int) int {
	if len(s) < minLen || len(s) > maxLen {
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// absDate reads "Month Day[, Year]" or "Day Month [Year]" at token k.
func (c *evCtx) absDate(k, lim int) (y int, m time.Month, d int, ok bool) {
	w := c.lw(k)
	if mo, isM := months[w]; isM && (w != "may" || c.d.Tokens[k].Text == "May") {
		if k+1 < lim {
			if dn := dayNum(c.lw(k + 1)); dn > 0 {
				j := k + 2
				if c.lw(j) == "," {
					j++
				}
				if j < lim {
					y = yearNum(c.lw(j))
				}
				return y, mo, dn, true
			}
		}
		return 0, 0, 0, false
	}
	if dn := dayNum(w); dn > 0 && k+1 < lim {
		if mo, isM := months[c.lw(k+1)]; isM {
			if k+2 < lim {
				y = yearNum(c.lw(k + 2))
			}
			return y, mo, dn, true
		}
	}
	return 0, 0, 0, false
}

// textDate finds the article's date in a date line near the top
// ("Thursday, January 24, 2019", "November 16, 2004") or in a wire
// dateline that opens a sentence ("KYIV, June 12, 2025 - Russian ...").
func (c *evCtx) textDate() time.Time {
	for s := 0; s < len(c.d.Sentences) && s < 4; s++ {
		st := c.d.Sentences[s]
		if st.Tok1-st.Tok0 > 7 {
			for k := st.Tok0; k < st.Tok1 && k < st.Tok0+8; k++ {
				if y, m, d, ok := c.absDate(k, st.Tok1); ok && y > 0 && c.dashWithin(k+1, st.Tok1, 6) {
					return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				}
			}
			continue
		}
		for k := st.Tok0; k < st.Tok1; k++ {
			if y, m, d, ok := c.absDate(k, st.Tok1); ok && y > 0 {
				return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}

// dashWithin reports whether a dash token follows within n tokens of k.
func (c *evCtx) dashWithin(k, lim, n int) bool {
	for i := k; i < lim && i < k+n; i++ {
		switch c.lw(i) {
		case "-", "--", "—", "–":
			return true
		}
	}
	return false
}

// dateIn resolves the first date expression of sentence s against the
// reference date: absolute dates, weekdays, today/yesterday/tomorrow.
func (c *evCtx) dateIn(s int, planned bool) string {
	st := c.d.Sentences[s]
	dateline := ""
	for k := st.Tok0; k < st.Tok1; k++ {
		if y, m, d, ok := c.absDate(k, st.Tok1); ok {
			if y > 0 && k < st.Tok0+8 && c.dashWithin(k+1, st.Tok1, 6) {
				// the wire dateline "KYIV, June 12, 2025 -": the day of
				// the report, used only when the sentence names no other
				dateline = time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
				continue
			}
			if y == 0 {
				if c.ref.IsZero() {
					return ""
				}
				y = c.ref.Year()
			}
			return time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		}
		if c.ref.IsZero() {
			continue
		}
		w := c.lw(k)
		switch {
		case w == "today" || w == "tonight" || w == "this" && (c.lw(k+1) == "evening" || c.lw(k+1) == "morning" || c.lw(k+1) == "afternoon"):
			return c.ref.Format("2006-01-02")
		case w == "yesterday" || w == "last" && c.lw(k+1) == "night":
			return c.ref.AddDate(0, 0, -1).Format("2006-01-02")
		case w == "tomorrow":
			return c.ref.AddDate(0, 0, 1).Format("2006-01-02")
		}
		if wd, ok := weekdays[w]; ok && isCap(c.d.Tokens[k].Text) {
			diff := int(c.ref.Weekday()) - int(wd)
			if planned || c.lw(k-1) == "next" {
				diff = int(wd) - int(c.ref.Weekday())
				if diff <= 0 {
					diff += 7
				}
				return c.ref.AddDate(0, 0, diff).Format("2006-01-02")
			}
			if diff < 0 {
				diff += 7
			}
			return c.ref.AddDate(0, 0, -diff).Format("2006-01-02")
		}
	}
	return dateline
}

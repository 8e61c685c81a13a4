package extract

import (
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

// The event layer reads the document model sentence by sentence and only
// looks closer at sentences that hold a trigger word (meet, talks, hosted,
// alongside, missiles, airstrike ...). Patterns work on tokens: a trigger,
// the group of named persons on its left (the subject, with coordination,
// appositions, pronouns and descriptions such as "the Saudi leader"
// resolved) and on its right (the objects), modality cues in the verb group
// (will, is set to, refused to, would ... if) and locative phrases for
// places. Nothing here depends on another article.

// events adds meetings, travel together and strikes to f from the document
// model.
func (x *Extractor) events(d *Doc, f *newsgraph.Facts) {
	if len(d.Sentences) == 0 {
		return
	}
	c := newEvCtx(x, d, f.Published)
	if f.Published == "" && !c.ref.IsZero() {
		// the article states its date (a date line or a wire dateline
		// with the year): that is its publication date
		f.Published = c.ref.Format("2006-01-02")
	}
	f.Met = append(f.Met, c.meetings()...)
	f.TraveledWith = append(f.TraveledWith, c.travels()...)
	f.Struck = append(f.Struck, c.strikes()...)
}

// evCtx is the per-article state of the event layer.
type evCtx struct {
	x        *Extractor
	d        *Doc
	ref      time.Time // reference date for relative dates; zero if unknown
	dateline string    // city of a wire dateline ("MOSCOW, April 13 -"), or ""
	title    int       // index of the title sentence, or -1
	hint     []string  // country of each person, from the entity or its context
	lastPair []int     // the two persons of the last meeting read: "the two leaders"
	pairSent int       // sentence of lastPair
}

func newEvCtx(x *Extractor, d *Doc, published string) *evCtx {
	c := &evCtx{x: x, d: d, title: -1}
	if t, err := time.Parse("2006-01-02", published); err == nil {
		c.ref = t
	} else {
		c.ref = c.textDate()
	}
	if len(d.Sentences) > 1 {
		s := d.Sentences[0]
		gap := string(d.Runes[s.End:d.Sentences[1].Start])
		if strings.Count(gap, "\n") >= 2 {
			c.title = 0
		}
	}
	c.dateline = c.findDateline()
	c.hint = make([]string, len(d.Persons))
	for pi, p := range d.Persons {
		c.hint[pi] = p.Country
		for _, mi := range p.Mentions {
			if c.hint[pi] != "" {
				break
			}
			m := d.Mentions[mi]
			// "Saudi Oil Minister Hisham Nazer", "Britain's Prince Charles"
			for k := m.Tok0 - 1; k >= 0 && k >= m.Tok0-4; k-- {
				if ci := d.Tokens[k].Country; ci >= 0 && !d.Countries[ci].InOrg {
					c.hint[pi] = d.Countries[ci].Code
					break
				}
				if !titleWords[d.Tokens[k].Lower] && !isCap(d.Tokens[k].Text) && d.Tokens[k].Lower != "'s" && d.Tokens[k].Lower != "’s" {
					break
				}
			}
			// "King Fahd of Saudi Arabia"
			if c.hint[pi] == "" && m.Tok1+1 < len(d.Tokens) && d.Tokens[m.Tok1].Lower == "of" {
				if ci := d.Tokens[m.Tok1+1].Country; ci >= 0 && d.Countries[ci].Kind == "name" {
					c.hint[pi] = d.Countries[ci].Code
				}
			}
		}
	}
	return c
}

// ---- tokens ----

func (c *evCtx) lw(i int) string {
	if i < 0 || i >= len(c.d.Tokens) {
		return ""
	}
	return c.d.Tokens[i].Lower
}

func isPoss(w string) bool { return w == "'s" || w == "’s" || w == "'" }

// personAt returns the person of the PER mention covering token i, or -1.
func (c *evCtx) personAt(i int) int {
	if i < 0 || i >= len(c.d.Tokens) {
		return -1
	}
	m := c.d.Tokens[i].Ment
	if m < 0 || c.d.Mentions[m].Type != newsgraph.PER {
		return -1
	}
	return c.d.Mentions[m].Person
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

func (c *evCtx) capAt(i int) bool {
	if i < 0 || i >= len(c.d.Tokens) {
		return false
	}
	t := c.d.Tokens[i]
	return isCap(t.Text) && !calendarWords[t.Lower]
}

func (c *evCtx) sentText(s int) newsgraph.Evidence {
	st := c.d.Sentences[s]
	return newsgraph.Evidence{Sentence: c.d.SentenceText(s), Start: st.Start, End: st.End}
}

func (c *evCtx) has(s Sentence, words map[string]bool) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if words[c.d.Tokens[k].Lower] {
			return true
		}
	}
	return false
}

// ---- persons: groups, pronouns, descriptions ----

// group is a list of named persons found by a scan.
type group struct {
	members  []int
	end      int  // token after the scan
	separate bool // "met A, then B": separate meetings
	dropped  []int
}

func (g *group) add(p int) {
	for _, q := range g.members {
		if q == p {
			return
		}
	}
	g.members = append(g.members, p)
}

// groupFiller are words that may stand between the names of a list
// ("Vice President George Bush, Secretary of State George Shultz and ...").
var groupFiller = set("the", "of", "and", ",", "both", "as", "well", "also", "mr", "mr.", "mrs", "mrs.",
	"ms", "ms.", "dr", "dr.", "with", "then", "including", "fellow", "his", "her", "their", "its")

// groupRight collects the named persons of a list starting at token i,
// stopping at the first word that cannot be part of it (a verb, "in",
// "to talk", a date ...). A person followed by 's is not a member ("President
// Trump's envoy").
func (c *evCtx) groupRight(i, lim int) group {
	g := group{end: i}
	gap := 0
	k := i
	for k < lim {
		w := c.lw(k)
		if p := c.personAt(k); p >= 0 {
			m := c.mention(k)
			e := m.Tok1
			if e < lim && isPoss(c.lw(e)) {
				k = e + 1
				gap++
				continue
			}
			// "..., Clark told": a new clause, not the list
			if sep := c.lastSep(i, m.Tok0); sep >= 0 && c.lw(sep) == "," && e < lim && !c.capAt(e) && !groupFiller[c.lw(e)] && !isPoss(c.lw(e)) && c.lw(e) != "." && c.lw(e) != ";" && c.lw(e) != "(" {
				return g
			}
			g.add(p)
			gap = 0
			k = e
			g.end = k
			// ", who was expected to join later": not part of this event
			if k+1 < lim && c.lw(k) == "," && c.lw(k+1) == "who" {
				r := k + 2
				joins := false
				for q := k + 2; q < lim && c.lw(q) != "," && c.lw(q) != "."; q++ {
					joins = joins || joinVerbs[c.lw(q)]
				}
				for ; r < lim && c.lw(r) != "," && c.lw(r) != "."; r++ {
					if joins && (futureCue[c.lw(r)] || c.lw(r) == "later") {
						g.members = g.members[:len(g.members)-1]
						g.dropped = append(g.dropped, p)
						break
					}
				}
				k = r
				if k < lim && c.lw(k) == "," {
					k++
					continue
				}
				break
			}
			continue
		}
		gap++
		if gap > 10 {
			break
		}
		switch {
		case w == "then":
			g.separate = true
		case w == "(":
			for k < lim && c.lw(k) != ")" {
				k++
			}
		case kinWords[w] && c.lw(k+1) == "of":
			// "X, the American husband of abductee Y": Y is not in the list
			return g
		case (w == "in" || w == "for") && gap > 0 && k > i && (descWord(c.lw(k-1)) || titleWords[c.lw(k-1)]) && c.personAt(k-1) < 0 && c.appositionAhead(k+1, lim):
			// "the US commander in Iraq, General George Casey"
		case groupFiller[w] || titleWords[w]:
		case isPoss(w):
		case w == "to" && c.capAt(k+1):
		case c.mention(k) != nil && c.mention(k).Type != newsgraph.PER:
			// a place or organisation name counts as one word of the gap
			if m := c.mention(k); m.Tok1 > k+1 && m.Tok1 <= lim {
				k = m.Tok1 - 1
			}
		case c.d.Tokens[k].Country >= 0:
		case c.capAt(k) && !unicode.IsDigit([]rune(c.d.Tokens[k].Text)[0]):
		case descWord(w) && c.nameAhead(k+1, lim):
			// "and rebel leader X", "his Norwegian counterpart X"
		default:
			return g
		}
		k++
	}
	return g
}

// kinWords followed by "of" describe a person by a relation to someone
// else ("the husband of Y", "the son of Y").
var kinWords = set("husband", "wife", "son", "daughter", "brother", "sister", "father", "mother",
	"widow", "widower", "nephew", "niece", "cousin", "uncle", "aunt", "grandson", "granddaughter",
	"spouse", "relative", "friend", "aide", "lawyer")

// appositionAhead reports whether a place or other capitalised name at k
// is followed by a comma and a person's name ("... in Iraq, General
// George Casey"), the end of a description placed in apposition.
func (c *evCtx) appositionAhead(k, lim int) bool {
	j := k
	if m := c.mention(j); m != nil && m.Type != newsgraph.PER {
		j = m.Tok1
	} else if c.capAt(j) || c.d.Tokens[j].Country >= 0 {
		j++
	} else {
		return false
	}
	if j >= lim || c.lw(j) != "," {
		return false
	}
	for q := j + 1; q < lim && q < j+6; q++ {
		if c.personAt(q) >= 0 {
			return true
		}
		if !(titleWords[c.lw(q)] || c.capAt(q)) {
			return false
		}
	}
	return false
}

// joinVerbs in a relative clause after a name ("X, who is expected to
// join them later") take that person out of the present event; other
// plans ("X, who is due to meet Y next week") do not.
var joinVerbs = set("join", "joins", "follow", "follows", "arrive", "arrives", "come", "comes",
	"fly", "travel", "attend", "participate")

// descVerbs are frequent verbs and other words that end a list of names;
// descWord rejects them.
var descVerbs = set("said", "says", "say", "told", "tells", "tell", "met", "meets", "meet", "held",
	"holds", "hold", "saw", "sees", "see", "gave", "took", "spoke", "left", "went", "came", "sent",
	"made", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can",
	"could", "may", "might", "must", "shall", "should", "did", "does", "do", "who", "which",
	"that", "whose", "where", "when", "while", "not", "also", "and", "or", "but", "than", "because",
	"then", "later", "there", "here", "talks", "meeting", "spoke", "called", "thanked", "urged")

// descWord reports whether w may be a lower-case word of a description
// before a name ("rebel leader", "nuclear envoy", "counterpart", "visiting").
func descWord(w string) bool {
	if len(w) < 3 || functionWords[w] || descVerbs[w] || calendarWords[w] {
		return false
	}
	for _, r := range w {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") {
		return false
	}
	if strings.HasSuffix(w, "ing") && w != "visiting" && w != "outgoing" && w != "incoming" && w != "ruling" && w != "leading" && w != "governing" {
		return false
	}
	return true
}

// pairNouns name the two persons of a meeting just reported ("the two
// leaders").
var pairNouns = set("leaders", "ministers", "men", "women", "presidents", "premiers", "diplomats",
	"officials", "envoys", "sides", "counterparts", "statesmen", "foreign")

// nameAhead reports whether a person's name follows token k after at most
// a few words of description, titles or country words.
func (c *evCtx) nameAhead(k, lim int) bool {
	comma := false
	for j := k; j < lim && j < k+9; j++ {
		if c.personAt(j) >= 0 {
			return true
		}
		w := c.lw(j)
		if w == "," && c.personAt(j+1) >= 0 {
			return true // "his Russian counterpart, Sergei Lavrov"
		}
		if (w == "in" || w == "for") && !comma && c.appositionAhead(j+1, lim) {
			return true // "the US commander in Iraq, General George Casey"
		}
		if w == "," && !comma {
			// "his Chinese counterpart, State Councillor and Foreign
			// Minister Wang Yi": titles after the apposition comma
			comma = true
			continue
		}
		if j >= k+4 && !comma && !(w == "of" || w == "the" || isPoss(w) || c.capAt(j) || titleWords[w]) {
			return false
		}
		if comma && !(titleWords[w] || c.capAt(j) || w == "and" || w == "of") {
			return false
		}
		// "his wife Sehba and Foreign Minister X": an unknown name in
		// the list before a known one
		if !(descWord(w) || titleWords[w] || c.d.Tokens[j].Country >= 0 || c.capAt(j) || w == "of" || w == "the" && j > k || isPoss(w) || w == "and" && (comma || j > k && c.capAt(j-1))) {
			return false
		}
	}
	return false
}

// descBack reports whether token j may belong to the description before
// a name, scanning leftwards: titles, country words, capitalised words, or
// lower-case description words ("South Korean nuclear envoy").
func (c *evCtx) descBack(j int) bool {
	w := c.lw(j)
	return titleWords[w] || c.d.Tokens[j].Country >= 0 || c.capAt(j) || w == "of" || w == "the" || descWord(w)
}

// lastSep returns the last "," or "and" in [a, b), or -1.
func (c *evCtx) lastSep(a, b int) int {
	for k := b - 1; k >= a; k-- {
		if w := c.lw(k); w == "," || w == "and" {
			return k
		}
		if c.personAt(k) >= 0 {
			return -1
		}
	}
	return -1
}

// personLeft returns the person whose mention ends at token k (skipping
// a possessive check), or -1.
func (c *evCtx) groupLeftFrom(p, tok0, lim0 int) []int {
	out := []int{p}
	k := tok0 - 1
	for k >= lim0 {
		// skip titles and descriptors before the name
		j := k
		for j >= lim0 && j > k-6 && c.personAt(j) < 0 && c.descBack(j) {
			j--
		}
		if j < lim0 || (c.lw(j) != "and" && c.lw(j) != ",") {
			break
		}
		j--
		for j >= lim0 && j > k-12 && c.personAt(j) < 0 && (titleWords[c.lw(j)] || c.d.Tokens[j].Country >= 0 || c.capAt(j) || c.lw(j) == "of" || c.lw(j) == "the" || isPoss(c.lw(j))) {
			j--
		}
		q := c.personAt(j)
		if q < 0 {
			break
		}
		out = append(out, q)
		k = c.mention(j).Tok0 - 1
	}
	return out
}

var pronounsSg = set("he", "she", "him", "his", "her")

// resolvePronoun resolves he/she/his/her at token k to a person: the first
// named person (not a possessor) earlier in the sentence, else the first
// one of the nearest earlier sentence that names one.
func (c *evCtx) resolvePronoun(k int) int {
	s := c.d.Tokens[k].Sent
	first := func(a, b int) int {
		for i := a; i < b; i++ {
			if p := c.personAt(i); p >= 0 {
				m := c.mention(i)
				if m.Tok1 < len(c.d.Tokens) && isPoss(c.lw(m.Tok1)) {
					i = m.Tok1
					continue
				}
				return p
			}
		}
		return -1
	}
	if w := c.lw(k); w == "he" || w == "she" {
		// "She travelled to X with Y, where she met Z": the same
		// pronoun as the sentence's subject is that subject, not Y
		s0 := c.d.Sentences[s].Tok0
		for i := s0; i < k && i < s0+3; i++ {
			if c.personAt(i) >= 0 {
				break
			}
			if c.lw(i) == w {
				return c.resolvePronoun(i)
			}
		}
	}
	if p := first(c.d.Sentences[s].Tok0, k); p >= 0 {
		return p
	}
	for j := s - 1; j >= 0 && j >= s-3; j-- {
		if j == c.title {
			break
		}
		sj := c.d.Sentences[j]
		// "He travelled to X with Y. There he held talks ...": the
		// subject pronoun of the previous sentence, not Y
		for i := sj.Tok0; i < sj.Tok1 && i < sj.Tok0+3; i++ {
			if pronounsSg[c.lw(i)] && c.lw(i) != "his" && c.lw(i) != "her" {
				return c.resolvePronoun(i)
			}
			if c.personAt(i) >= 0 {
				break
			}
		}
		if p := first(sj.Tok0, sj.Tok1); p >= 0 {
			return p
		}
	}
	return -1
}

// descNouns name a person by office in a description ("the Saudi leader",
// "the American diplomat", "the vice minister").
var descNouns = set("leader", "diplomat", "minister", "president", "envoy", "official", "king",
	"monarch", "premier", "chancellor", "secretary", "prince", "queen", "emir", "ambassador",
	"negotiator", "statesman", "politician", "activist", "commander", "general")

// resolveDescription resolves "the <demonym>? <office>" ending at token k
// to the most recent earlier person of that country or office.
func (c *evCtx) resolveDescription(k int) int {
	noun := c.lw(k)
	if !descNouns[noun] {
		return -1
	}
	code := ""
	j := k - 1
	for ; j >= 0 && j >= k-3; j-- {
		if cr := c.country(j); cr != nil {
			code = cr.Code
			continue
		}
		if c.lw(j) == "the" {
			break
		}
		if !titleWords[c.lw(j)] && c.lw(j) != "two" {
			return -1
		}
	}
	if j < 0 || c.lw(j) != "the" {
		return -1
	}
	start := c.d.Tokens[j].Start
	best := -1
	for mi := range c.d.Mentions {
		m := c.d.Mentions[mi]
		if m.Start >= start {
			break
		}
		if m.Type != newsgraph.PER || m.Person < 0 {
			continue
		}
		p := m.Person
		if code != "" {
			if c.hint[p] == code {
				best = p
			}
			continue
		}
		if strings.Contains(strings.ToLower(c.d.Persons[p].Role), noun) {
			best = p
		}
	}
	if best < 0 && code == "" && j < k-1 && officeNouns[noun] {
		// "Tony Blair has defended ... The prime minister held ...": an
		// office no one named holds is the article's first-named person's,
		// when the text gives him no office of his own
		for mi := range c.d.Mentions {
			m := c.d.Mentions[mi]
			if m.Start >= start {
				break
			}
			if m.Type == newsgraph.PER && m.Person >= 0 && c.d.Tokens[m.Tok0].Sent != c.title {
				if c.d.Persons[m.Person].Role == "" {
					best = m.Person
				}
				break
			}
		}
	}
	return best
}

// officeNouns head the titles of a head of government or minister ("the
// prime minister", "the foreign secretary").
var officeNouns = set("minister", "president", "premier", "chancellor", "secretary")

// subjectAt resolves the person(s) named, pronominalised or described by
// the noun phrase ending at token k. lim0 bounds the scan on the left.
func (c *evCtx) subjectAt(k, lim0 int) ([]int, string) {
	if k < lim0 {
		return nil, ""
	}
	if p := c.personAt(k); p >= 0 {
		m := c.mention(k)
		return c.groupLeftFrom(p, m.Tok0, lim0), "name"
	}
	w := c.lw(k)
	switch {
	case pronounsSg[w]:
		if p := c.resolvePronoun(k); p >= 0 {
			return []int{p}, "pronoun"
		}
	case isPoss(w):
		if p := c.personAt(k - 1); p >= 0 {
			return []int{p}, "possessive"
		}
	case w == "who" || w == "whom":
		j := k - 1
		if c.lw(j) == "," {
			j--
		}
		if p := c.personAt(j); p >= 0 {
			// "Putin and Erdogan, who met in Istanbul": the whole list
			return c.groupLeftFrom(p, c.mention(j).Tok0, lim0), "relative"
		}
	case w == "they" && len(c.lastPair) == 2 && c.d.Tokens[k].Sent-c.pairSent <= 2 && c.d.Tokens[k].Sent > c.pairSent:
		// "The two leaders met on Wednesday. On Thursday they held ..."
		return append([]int{}, c.lastPair...), "the-two"
	case pairNouns[w] && c.lw(k-1) == "two" && c.lw(k-2) == "the", w == "two" && c.lw(k-1) == "the":
		// "The two ministers later had breakfast with X", "The two held talks"
		if two := c.theTwo(k); two != nil {
			return two, "the-two"
		}
	case w == ",":
		// apposition: "Lula da Silva, the President of Brazil, met ..."
		for j := k - 1; j >= lim0 && j > k-16; j-- {
			if c.lw(j) == "," {
				if p := c.personAt(j - 1); p >= 0 {
					return c.groupLeftFrom(p, c.mention(j-1).Tok0, lim0), "name"
				}
				if p := c.resolveDescription(j - 1); p >= 0 {
					return []int{p}, "description"
				}
				if pronounsSg[c.lw(j-1)] {
					if p := c.resolvePronoun(j - 1); p >= 0 {
						return []int{p}, "pronoun"
					}
				}
				break
			}
		}
	default:
		if p := c.resolveDescription(k); p >= 0 {
			return []int{p}, "description"
		}
	}
	return nil, ""
}

// theTwo resolves "the two (leaders)" at token k: the pair of the last
// meeting read, unless a later sentence before k names two persons of its
// own ("A and B declared ... The two leaders met"); then its first two.
func (c *evCtx) theTwo(k int) []int {
	si := c.d.Tokens[k].Sent
	for s := si; s >= 0 && s >= si-3; s-- {
		if len(c.lastPair) == 2 && s <= c.pairSent {
			break
		}
		var ps []int
		for t := c.d.Sentences[s].Tok0; t < c.d.Sentences[s].Tok1 && t < k; t++ {
			if p := c.personAt(t); p >= 0 && !slices.Contains(ps, p) {
				ps = append(ps, p)
			}
		}
		if len(ps) >= 2 {
			return ps[:2]
		}
	}
	if len(c.lastPair) == 2 {
		return append([]int{}, c.lastPair...)
	}
	return nil
}

// nearestLeft returns the nearest person named or pronominalised left of
// token t in [lim0, t), skipping possessors not directly before the
// trigger and persons in skip.
func (c *evCtx) nearestLeft(t, lim0 int, skip []int) ([]int, string) {
	var fb []int // companions, when no one else is there
	for k := t - 1; k >= lim0; k-- {
		w := c.lw(k)
		if p := c.personAt(k); p >= 0 {
			m := c.mention(k)
			if m.Tok1 < len(c.d.Tokens) && isPoss(c.lw(m.Tok1)) && m.Tok1+3 < t {
				k = m.Tok0
				continue
			}
			if slices.Contains(skip, p) {
				k = m.Tok0
				continue
			}
			if g := c.groupLeftFrom(p, m.Tok0, lim0); !c.companionAt(c.groupStart(g, m.Tok0, lim0), lim0) {
				return g, "nearest"
			} else if fb == nil {
				fb = g
			}
			k = m.Tok0
			continue
		}
		if pronounsSg[w] {
			if p := c.resolvePronoun(k); p >= 0 && !slices.Contains(skip, p) {
				return []int{p}, "pronoun"
			}
		}
	}
	if fb != nil {
		return fb, "nearest"
	}
	return nil, ""
}

// groupStart returns the first token of the names of group g, the last
// of which starts at token k.
func (c *evCtx) groupStart(g []int, k, lim0 int) int {
	start, seen := k, map[int]bool{}
	for i := k; i >= lim0 && len(seen) < len(g); i-- {
		if p := c.personAt(i); p >= 0 && slices.Contains(g, p) {
			seen[p] = true
			start = c.mention(i).Tok0
		}
	}
	return start
}

// companionAt reports whether the name group starting at token k is the
// object of a companion phrase with someone named before it ("Shultz,
// who flew in accompanied by Nitze, told reporters after talks with ...",
// "Jaber flew to Riyadh with Saad for consultations with ..."): the
// subject of what follows is the person before.
func (c *evCtx) companionAt(k, lim0 int) bool {
	j := k - 1
	for j >= lim0 && j > k-6 && c.personAt(j) < 0 && c.lw(j) != "by" && c.lw(j) != "with" && c.descBack(j) {
		j--
	}
	if j < lim0 {
		return false
	}
	switch {
	case c.lw(j) == "by" && (c.lw(j-1) == "accompanied" || c.lw(j-1) == "joined"):
	case c.lw(j) == "with":
		moved := false
		for i := j - 1; i >= lim0 && i >= j-5 && !moved; i-- {
			moved = travelVerbs[c.lw(i)]
		}
		if !moved {
			return false
		}
	default:
		return false
	}
	for i := j - 1; i >= lim0; i-- {
		if c.personAt(i) >= 0 {
			return true
		}
	}
	return false
}

// ---- places ----

// placeName returns the canonical name of the place or country mention
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
		return strings.Join(strings.Fields(m.Text), " "), cr.Code, m.Tok1
	}
	return strings.Join(strings.Fields(m.Text), " "), m.Country, m.Tok1
}

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

// placeAfterPrep finds "in/at/to <place>" (or "the French capital") in
// tokens [a, b).
func (c *evCtx) placeAfterPrep(a, b int, preps map[string]bool) string {
	for k := a; k < b-1; k++ {
		if !preps[c.lw(k)] {
			continue
		}
		j := k + 1
		if c.lw(j) == "the" {
			j++
		}
		if n, _, _ := c.placeAt(j); n != "" {
			return n
		}
		// "the French capital"
		if cr := c.country(j); cr != nil && c.lw(j+1) == "capital" {
			if n := c.capitalOf(cr.Code); n != "" {
				return n
			}
		}
	}
	return ""
}

// findDateline returns the city of a wire dateline "CITY, Month Day -" or
// "CITY, Country –" at the start of the first body sentence.
func (c *evCtx) findDateline() string {
	for s := 0; s < len(c.d.Sentences) && s < 3; s++ {
		st := c.d.Sentences[s]
		k := st.Tok0
		if n, _, e := c.placeAt(k); n != "" && isAllCaps(c.d.Tokens[k].Text) && c.lw(e) == "," {
			return n
		}
	}
	return ""
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

// ---- modality ----

var futureCue = set("will", "'ll", "shall", "expected", "due", "scheduled", "set", "plans", "planned",
	"planning", "plan", "agreed", "going", "upcoming", "tomorrow", "next", "intends", "intend")

var negCue = set("not", "n't", "never", "no", "refused", "refuses", "refusing", "declined", "declines",
	"failed", "fails", "cancelled", "canceled", "postponed", "without", "nor", "rejected", "denied",
	"snubbed", "avoided")

var hypoCue = set("if", "unless", "whether", "could", "might", "may", "can", "hope", "hopes", "hoped",
	"hoping", "wish", "wishes", "wished", "want", "wants", "wanted", "like", "love", "seek", "seeks",
	"sought", "seeking", "proposed", "proposes", "offer", "offered", "offers", "possible",
	"possibility", "invited", "invites", "invitation", "asked", "urged", "called", "ready",
	"willing", "prepared", "open")

// infVerbs after "to" make an infinitive that points ahead ("is due to
// meet", "is set to hold talks").
var infVerbs = set("meet", "hold", "have", "visit", "host", "receive", "sit", "attend", "join", "be",
	"travel", "fly", "go", "welcome", "start", "begin", "resume", "discuss", "see", "confer", "talk")

// modality classifies the verb group in tokens [a, b) before a trigger at
// b and the rest of its clause up to e: "occurred", "planned", "negated"
// or "hypothetical".
func (c *evCtx) modality(a, b, e int) string {
	planned, modal := false, false
	for k := a; k < b; k++ {
		w := c.lw(k)
		switch {
		case negCue[w]:
			return "negated"
		case w == "had" && k+1 < b && (futureCue[c.lw(k+1)] || hypoCue[c.lw(k+1)] || c.lw(k+1) == "intended"),
			w == "had" && c.lw(k+1) == "been" && k+2 < b && futureCue[c.lw(k+2)]:
			// "had planned to meet X", "had been due to meet X" (and did
			// not): a plan that fell through
			return "negated"
		case hypoCue[w] && (w != "may" || c.d.Tokens[k].Text == "may"):
			return "hypothetical"
		case w == "to" && (k+1 == b || infVerbs[c.lw(k+1)]):
			planned = true
		case w == "would":
			planned, modal = true, true
		case futureCue[w]:
			planned = true
		}
	}
	for k := b + 1; k < e && k < b+14; k++ {
		w := c.lw(k)
		switch {
		case w == ";" || w == "." || w == "said":
			k = e
		case (w == "if" || w == "unless") && modal:
			return "hypothetical"
		case w == "next" || w == "upcoming" || w == "tomorrow":
			planned = true
		}
	}
	if planned {
		return newsgraph.Planned
	}
	return newsgraph.Occurred
}

// clauseStart returns the first token of the clause holding token t: after
// the last ";" or sentence start.
func (c *evCtx) clauseStart(t int) int {
	s := c.d.Sentences[c.d.Tokens[t].Sent]
	for k := t - 1; k > s.Tok0; k-- {
		if w := c.lw(k); w == ";" || w == ":" {
			return k + 1
		}
	}
	return s.Tok0
}

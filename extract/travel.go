package extract

import (
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph"
)

var (
	// travelVerbs move a person somewhere ("X and Y flew to", "travelled with").
	travelVerbs = set("arrived", "arrive", "arrives", "arriving", "travelled", "traveled", "travel",
		"travels", "travelling", "traveling", "flew", "fly", "flies", "flying", "went", "go", "goes",
		"came", "come", "comes", "visited", "visit", "visits", "visiting", "toured", "tour",
		"tours", "touring", "landed", "lands", "headed", "heads", "journeyed", "trip", "journey",
		"returned", "returning", "return", "returns", "departed", "left", "delegation", "flown", "gone", "driven", "sailed",
		"jetted", "crossed", "drove")
)

// travels finds persons who travelled together, one entry per pair.
func (c *evCtx) travels() []newsgraph.Travel {
	var out []newsgraph.Travel
	seen := map[[2]int]bool{}
	emit := func(si int, parts []int, to, rule string, conf float64) {
		for i := 0; i < len(parts); i++ {
			for k := i + 1; k < len(parts); k++ {
				a, b := parts[i], parts[k]
				if a == b {
					continue
				}
				key := [2]int{min(a, b), max(a, b)}
				if seen[key] {
					continue
				}
				seen[key] = true
				tr := newsgraph.Travel{A: c.d.Persons[a].Name, B: c.d.Persons[b].Name, To: to, Evidence: c.sentText(si)}
				tr.Rule, tr.Confidence = rule, conf
				out = append(out, tr)
			}
		}
	}
	var lastParts []int
	lastSi := -10
	for si, s := range c.d.Sentences {
		moving := false
		beIn := false
		for k := s.Tok0; k < s.Tok1; k++ {
			w := c.lw(k)
			if travelVerbs[w] {
				moving = true
			}
			if (w == "was" || w == "were" || w == "is" || w == "are") && c.lw(k+1) == "in" {
				beIn = true
			}
		}
		for t := s.Tok0; t < s.Tok1; t++ {
			if c.d.Tokens[t].Skip || c.d.Tokens[t].Ment >= 0 {
				continue
			}
			w := c.lw(t)
			j := -1
			rule := ""
			switch {
			case w == "alongside":
				j, rule = t+1, "travel:alongside"
			case (w == "accompanied" || w == "joined") && c.lw(t+1) == "by":
				j, rule = t+2, "travel:"+w+"-by"
			case w == "accompanied" && c.lw(t+1) == "on" && c.byWithin(t+2, s.Tok1, 5) > 0:
				// "was accompanied on the trip by X"
				j, rule = c.byWithin(t+2, s.Tok1, 5)+1, "travel:accompanied-by"
			case w == "joined" && c.byWithin(t+2, s.Tok1, 6) > 0:
				// "was joined in the Ukrainian capital by X"
				j, rule = c.byWithin(t+2, s.Tok1, 6)+1, "travel:joined-by"
			case w == "accompanying" || w == "accompany" || w == "accompanies", w == "accompanied" && c.personAt(t+1) >= 0:
				// "Foreign Minister Li accompanied Wen on the trip"
				j, rule = t+1, "travel:accompany"
			case (w == "along" || w == "together") && c.lw(t+1) == "with":
				j, rule = t+2, "travel:"+w+"-with"
			case travelVerbs[w] && c.lw(t+1) == "with":
				j, rule = t+2, "travel:verb-with"
			case travelVerbs[w] && w != "delegation" && c.withAfterAdjuncts(t+1, s.Tok1) > 0:
				// "arrived in Tokyo on Wednesday with X"
				j, rule = c.withAfterAdjuncts(t+1, s.Tok1)+1, "travel:verb-with"
			case w == "delegation":
				if m, lead := c.delegation(t, s); len(m) > 1 {
					emit(si, m, c.destination(si, t), "travel:delegation:"+lead, 0.75)
				}
				continue
			}
			if j >= 0 && rule != "travel:accompanied-by" && rule != "travel:accompany" && rule != "travel:joined-by" && !moving && !beIn {
				continue
			}
			if rule == "travel:joined-by" && c.lw(t-1) == "," && !moving && c.meetingBefore(s.Tok0, t) {
				// "held talks with C, joined by D": D joined the talks
				continue
			}
			lim0 := c.clauseStart(t)
			if j < 0 {
				// "X and Y flew to Z"
				if !travelVerbs[w] || w == "trip" || w == "journey" || w == "delegation" || w == "visit" {
					continue
				}
				k := t - 1
				for k >= lim0 && auxWords[c.lw(k)] && c.personAt(k) < 0 {
					k--
				}
				subj, _ := c.subjectAt(k, lim0)
				if len(subj) < 2 || strings.HasPrefix(w, "arriv") && c.manyStates(subj) {
					// "the Chinese, Japanese and Korean leaders are due to
					// arrive for the summit": each from his own country
					continue
				}
				if st := c.modality(k+1, t, s.Tok1); st == "negated" || st == "hypothetical" {
					continue
				}
				emit(si, subj, c.destination(si, t), "travel:coordinated-subject", 0.8)
				continue
			}
			g := c.groupRight(j, s.Tok1)
			// "accompanied by his trade, defence and oil ministers": the
			// named holders of those offices, found by role, travel too.
			var portfolios []string
			if len(g.members) == 0 && !c.objPronounAt(j) {
				if rule != "travel:accompanied-by" && rule != "travel:accompany" {
					continue
				}
				if portfolios = c.possessiveOffices(j, s.Tok1); len(portfolios) == 0 {
					continue
				}
			}
			k := t - 1
			for k >= lim0 && (auxWords[c.lw(k)] || c.lw(k) == ",") && c.personAt(k) < 0 {
				k--
			}
			subj, how := c.subjectAt(k, lim0)
			if subj == nil {
				subj, how = c.nearestLeft(t, lim0, g.members)
			}
			if subj == nil {
				subj, how = c.clauseSubject(lim0, t)
			}
			if subj == nil {
				continue
			}
			if len(portfolios) > 0 {
				g.members = c.officeHolders(portfolios, subj)
				if len(g.members) == 0 {
					continue
				}
				how += "+office"
			} else if len(g.members) == 0 {
				// "X travelled with him to Kandahar"
				p := c.objectPronoun(j, subj)
				if p < 0 {
					continue
				}
				g.members = []int{p}
				how += "+pronoun"
			}
			if st := c.modality(max(lim0, t-6), t, s.Tok1); st == "negated" || st == "hypothetical" {
				continue
			}
			parts := append([]int{}, subj...)
			for _, p := range g.members {
				if !slices.Contains(parts, p) {
					parts = append(parts, p)
				}
			}
			// "X flew to Y with A. X was joined on the trip by B": B
			// travelled with A too
			if rule == "travel:joined-by" && si-lastSi <= 2 && len(subj) == 1 && slices.Contains(lastParts, subj[0]) && !c.joinedAtPlace(t, j) {
				for _, p := range lastParts {
					if !slices.Contains(parts, p) {
						parts = append(parts, p)
					}
				}
			}
			lastParts, lastSi = parts, si
			conf := 0.85
			if how != "name" {
				conf = 0.7
			}
			emit(si, parts, c.destination(si, t), rule+":"+how, conf)
		}
	}
	return out
}

// byWithin returns the index of "by" within n tokens from a, or -1.
func (c *evCtx) byWithin(a, b, n int) int {
	for k := a; k < b && k < a+n; k++ {
		if c.lw(k) == "by" {
			return k
		}
		if c.personAt(k) >= 0 || c.lw(k) == "," {
			return -1
		}
	}
	return -1
}

// destination finds where the travel of sentence si went: "to/in/at
// <place>", "the French capital".
func (c *evCtx) destination(si, t int) string {
	s := c.d.Sentences[si]
	if p := c.placeAfterPrep(s.Tok0, s.Tok1, set("to", "in", "into", "at")); p != "" {
		return p
	}
	return ""
}

// withAfterAdjuncts finds "with" after a travel verb past its place and
// time adjuncts ("arrived in Tokyo on Wednesday with"); it returns the
// index of "with" or -1.
// transportWords follow "by" in a means of travel ("by train").
var transportWords = set("train", "plane", "air", "road", "car", "helicopter", "boat", "ship", "sea", "bus", "motorcade", "land", "rail")

func (c *evCtx) withAfterAdjuncts(a, b int) int {
	for k := a; k < b && k < a+10; k++ {
		w := c.lw(k)
		switch {
		case w == "with":
			if k == a {
				return -1 // the plain "travelled with" case
			}
			return k
		case w == "in" || w == "into" || w == "to" || w == "at" || w == "on" || w == "from" || w == "the" || w == "for" || w == "through" || w == "via":
		case w == "by" && transportWords[c.lw(k+1)], transportWords[w] && c.lw(k-1) == "by":
			// "travelled by train from Pyongyang through China with"
		case timeWords[w] || calendarWords[w]:
		case c.mention(k) != nil && c.mention(k).Type == newsgraph.LOC:
		case c.personAt(k) < 0 && c.capAt(k):
		case dayNum(w) > 0:
		default:
			return -1
		}
	}
	return -1
}

// delegation reads "X headed a delegation including A and B", "a
// delegation led by X including A", "a delegation of A, B and C": all
// its named members, and how the leader was found.
func (c *evCtx) delegation(t int, s Sentence) ([]int, string) {
	var members []int
	how := "members"
	j := t + 1
	if c.lw(j) == "led" || c.lw(j) == "headed" {
		if c.lw(j+1) == "by" {
			g := c.groupRight(j+2, s.Tok1)
			members = append(members, g.members...)
			j = g.end
			if c.lw(j) == "," {
				j++
			}
			how = "led-by"
		}
	}
	switch c.lw(j) {
	case "including", "comprising", "of":
		j++
	case "that", "which":
		if c.lw(j+1) != "included" && c.lw(j+1) != "includes" {
			return nil, ""
		}
		j += 2
	default:
		if how != "led-by" {
			return nil, ""
		}
	}
	g := c.groupRight(j, s.Tok1)
	// the leader: "X headed/led a delegation"
	k := t - 1
	for k > s.Tok0 && (c.lw(k) == "a" || c.lw(k) == "the" || c.lw(k) == "high-level" || c.lw(k) == "large" || c.lw(k) == "small" || c.d.Tokens[k].Country >= 0 || c.lw(k) == "government" || c.lw(k) == "trade" || c.lw(k) == "official") {
		k--
	}
	lead := c.lw(k)
	if lead == "headed" || lead == "led" || lead == "heads" || lead == "leads" || lead == "leading" || lead == "heading" {
		kk := k - 1
		for kk >= s.Tok0 && auxWords[c.lw(kk)] && c.personAt(kk) < 0 {
			kk--
		}
		if subj, _ := c.subjectAt(kk, c.clauseStart(t)); subj != nil {
			members = append(members, subj...)
			how = "headed"
		}
	}
	for _, p := range g.members {
		if !slices.Contains(members, p) {
			members = append(members, p)
		}
	}
	return members, how
}

// objPronounAt reports whether token j is "him", or "her" used as an
// object ("with her to Paris", not "with her husband").
func (c *evCtx) objPronounAt(j int) bool {
	switch c.lw(j) {
	case "him":
		return true
	case "her":
		n := c.lw(j + 1)
		return n == "" || n == "to" || n == "in" || n == "on" || n == "at" || n == "," || n == "." || n == "and" || n == "for"
	}
	return false
}

// objectPronoun resolves him/her at token k, which cannot be one of subj:
// the nearest other person named earlier in the sentence (possessors
// included: "Karimi's running mate travelled with him"), else in the
// previous sentence.
func (c *evCtx) objectPronoun(k int, subj []int) int {
	si := c.d.Tokens[k].Sent
	for j := k - 1; j >= c.d.Sentences[si].Tok0; j-- {
		if p := c.personAt(j); p >= 0 && !slices.Contains(subj, p) {
			return p
		}
	}
	if si > 0 && si-1 != c.title {
		ps := c.d.Sentences[si-1]
		for j := ps.Tok0; j < ps.Tok1; j++ {
			if p := c.personAt(j); p >= 0 && !slices.Contains(subj, p) {
				return p
			}
		}
	}
	return -1
}

// officeWords end a list of offices ("his trade and oil ministers").
var officeWords = set("minister", "ministers", "secretary", "secretaries")

// possessiveOffices reads "his trade, defence, oil and health ministers"
// from token i and returns the portfolios ("trade", "defence", ...), or
// nil when the words there are not a possessive list of offices.
func (c *evCtx) possessiveOffices(i, lim int) []string {
	switch c.lw(i) {
	case "his", "her", "their", "its":
	default:
		return nil
	}
	var out []string
	for k := i + 1; k < lim && k < i+16; k++ {
		w := c.lw(k)
		switch {
		case officeWords[w]:
			return out
		case w == "," || w == "and":
		case c.personAt(k) >= 0 || !isLowerWord(w):
			return nil
		default:
			out = append(out, w)
		}
	}
	return nil
}

// officeHolders returns the persons of the article whose role is one of
// the portfolios' ministers ("Oil Minister") and whose country is the
// subject's, leaving out the subject. When the subject's country is not
// known, the holders must all be of one country (else whose ministers
// they are is a guess).
func (c *evCtx) officeHolders(portfolios []string, subj []int) []int {
	country := ""
	for _, p := range subj {
		if cc := c.d.Persons[p].Country; cc != "" {
			country = cc
		}
	}
	var out []int
	seen := map[string]bool{}
	for p, e := range c.d.Persons {
		if slices.Contains(subj, p) || e.Country == "" || country != "" && e.Country != country {
			continue
		}
		role := strings.ToLower(e.Role)
		for _, pf := range portfolios {
			if strings.Contains(role, pf+" minister") || strings.Contains(role, pf+" secretary") ||
				strings.Contains(role, "minister of "+pf) || strings.Contains(role, "secretary of "+pf) {
				out = append(out, p)
				seen[e.Country] = true
				break
			}
		}
	}
	if len(seen) > 1 {
		return nil
	}
	return out
}

func isLowerWord(w string) bool {
	for _, r := range w {
		if !unicode.IsLower(r) && r != '-' {
			return false
		}
	}
	return w != ""
}

// manyStates reports whether the persons represent different countries,
// as far as their titles tell.
func (c *evCtx) manyStates(ps []int) bool {
	seen := ""
	for _, p := range ps {
		if h := c.hint[p]; h != "" {
			if seen != "" && h != seen {
				return true
			}
			seen = h
		}
	}
	return false
}

// joinedAtPlace reports whether "joined ... by" between tokens t and j
// names where the joining happened ("joined in the Ukrainian capital by"):
// company at the destination, not on the journey.
func (c *evCtx) joinedAtPlace(t, j int) bool {
	for k := t + 1; k < j; k++ {
		if w := c.lw(k); w == "in" || w == "at" {
			return true
		}
	}
	return false
}

// meetingBefore reports whether a meeting word stands in [a, b).
func (c *evCtx) meetingBefore(a, b int) bool {
	for k := a; k < b; k++ {
		if meetNouns[c.lw(k)] || meetVerbs[c.lw(k)] != "" {
			return true
		}
	}
	return false
}

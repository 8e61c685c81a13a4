package extract

import (
	"github.com/newsgraph/newsgraph"
	"slices"
)

// Meeting triggers. Verbs take their participants as subject and object
// ("X met (with) Y", "X hosted Y", "X was met by Y", "X and Y met");
// nouns take them from "with"/"between" ("talks with Y", "a summit between
// X and Y", "X's meeting with Y", "the meeting was attended by A, B ...").
var (
	meetVerbs = map[string]string{
		"meet": "meet", "meets": "meet", "met": "meet", "meeting": "meet",
		"host": "host", "hosts": "host", "hosted": "host", "hosting": "host",
		"receive": "host", "receives": "host", "received": "host", "receiving": "host",
		"welcome": "host", "welcomes": "host", "welcomed": "host", "welcoming": "host",
		"visit": "visit", "visits": "visit", "visited": "visit", "visiting": "visit",
		"greet": "meet", "greets": "meet", "greeted": "meet",
		"see": "see", "saw": "see", "confer": "meet", "conferred": "meet", "sat": "sit", "sit": "sit", "sits": "sit",
		"shook": "shake", "shake": "shake", "shakes": "shake", "shaking": "shake",
	}
	meetNouns = set("session", "talks", "meeting", "meetings", "summit", "discussions", "consultations",
		"negotiations", "dinner", "lunch", "breakfast", "conference", "audience", "summits")
	// meetingAdj before "meeting" make it a noun ("a breakfast meeting
	// with X", "a private meeting with X"), not a gerund.
	meetingAdj = set("private", "bilateral", "trilateral", "separate", "closed-door", "one-on-one",
		"brief", "lengthy", "rare", "formal", "informal", "face-to-face", "working", "first", "second",
		"hour-long", "two-hour", "secret", "surprise", "unscheduled", "emergency")
	// sawAfter may follow the person met after "saw".
	sawAfter = set(".", ",", ";", "on", "in", "at", "for", "during", "before", "after", "and", "when",
		"while", "briefly", "privately", "separately", "later", "again", "earlier", "to")
	// remoteWords mark calls, letters and other meetings at a distance.
	remoteWords = set("phone", "telephone", "telephoned", "phoned", "video", "videoconference",
		"video-conference", "videolink", "teleconference", "virtual", "virtually", "letter",
		"letters", "online", "zoom", "call")
	// auxWords may stand between a subject and its meeting verb.
	auxWords = set("will", "would", "'ll", "shall", "has", "have", "had", "is", "are", "was", "were",
		"be", "been", "being", "to", "set", "due", "expected", "scheduled", "planned", "plans",
		"plan", "agreed", "agree", "going", "also", "later", "then", "already", "first", "finally",
		"again", "today", "yesterday", "reportedly", "recently", "previously", "once", "earlier",
		"never", "not", "n't", "did", "does", "do", "hold", "held", "holds", "holding", "a", "an",
		"their", "his", "her", "its", "high-profile", "separate", "private", "official", "formal",
		"bilateral", "first", "second", "third", "fourth", "last", "refused", "declined", "failed",
		"hopes", "hoped", "wants", "wanted", "wishes", "intends", "may", "might", "could", "can",
		"should", "must", "personally", "briefly", "privately", "separately", "jointly", "both",
		"tonight", "tomorrow", "this", "morning", "evening", "afternoon", "night", "on", "subsequently",
		"promised", "pledged", "sought", "seeks", "cannot", "went", "on", "about", "likely", "unlikely",
		"still", "yet", "ever", "set", "up", "sat", "down", "ready", "willing", "prepared", "intended")
	// timeWords may follow a verb before its object ("met Tuesday morning with").
	timeWords = set("today", "yesterday", "tonight", "tomorrow", "morning", "evening", "afternoon",
		"night", "on", "last", "this", "again", "privately", "separately", "briefly", "later",
		"also", "earlier", "down", "personally", "jointly", "week", "month", "year")
)

// meetings finds the meetings of the article, one per unordered pair.
func (c *evCtx) meetings() []newsgraph.Meeting {
	var out []newsgraph.Meeting
	index := map[[2]int]int{}
	var lastMeet []int
	lastMeetSi := -10
	for si, s := range c.d.Sentences {
		var lastSubj []int
		lastStatus := ""
		remote := c.has(s, remoteWords)
		for t := s.Tok0; t < s.Tok1; t++ {
			tok := c.d.Tokens[t]
			if tok.Skip || tok.Ment >= 0 {
				continue
			}
			w := tok.Lower
			kind, isVerb := meetVerbs[w]
			isNoun := meetNouns[w]
			if !isVerb && !isNoun {
				continue
			}
			if w == "meeting" && (c.lw(t+1) == "with" || c.personAt(t+1) >= 0) && !isPoss(c.lw(t-1)) && c.lw(t-1) != "a" && c.lw(t-1) != "the" && !pronounsSg[c.lw(t-1)] && !meetNouns[c.lw(t-1)] && !meetingAdj[c.lw(t-1)] {
				isNoun = false // "meeting with Pope Francis" (gerund)
			} else if w == "meeting" {
				isVerb = false
			}
			if w == "conference" && c.lw(t-1) != "joint" && c.lw(t-2) != "joint" {
				continue
			}
			if remote {
				continue
			}
			var m meetingHit
			ok := false
			if isNoun && si-lastMeetSi <= 3 {
				// "A and B also took part in the session": they join
				// the meeting just read
				m, ok = c.tookPart(t, lastMeet)
			}
			if !ok {
				m, ok = c.meetingAt(si, s, t, kind, isVerb, lastSubj, lastStatus)
			}
			if !ok {
				continue
			}
			lastMeet, lastMeetSi = nil, si
			for _, pr := range m.pairs {
				for _, p := range pr {
					if !slices.Contains(lastMeet, p) {
						lastMeet = append(lastMeet, p)
					}
				}
			}
			lastSubj, lastStatus = m.subj, m.cue
			if len(m.pairs) == 1 {
				c.lastPair = []int{m.pairs[0][0], m.pairs[0][1]}
				c.pairSent = si
			}
			for _, pr := range m.pairs {
				a, b := pr[0], pr[1]
				if a == b {
					continue
				}
				key := [2]int{min(a, b), max(a, b)}
				mt := newsgraph.Meeting{
					A: c.d.Persons[a].Name, B: c.d.Persons[b].Name,
					Place: m.place, Date: m.date, Status: m.status, CAMEO: m.cameo,
					Evidence: c.sentText(si),
				}
				mt.Rule, mt.Confidence = m.rule, m.conf
				if i, seen := index[key]; seen {
					if out[i].Status == newsgraph.Planned && mt.Status == newsgraph.Occurred {
						out[i] = mt
					} else {
						if out[i].Place == "" {
							out[i].Place = mt.Place
						}
						if out[i].Date == "" && out[i].Status == mt.Status {
							out[i].Date = mt.Date
						}
					}
					continue
				}
				index[key] = len(out)
				out = append(out, mt)
			}
		}
	}
	return out
}

type meetingHit struct {
	subj   []int
	cue    string
	pairs  [][2]int
	status string
	place  string
	date   string
	cameo  string
	rule   string
	conf   float64
}

// meetingAt reads the meeting triggered at token t of sentence s.
func (c *evCtx) meetingAt(si int, s Sentence, t int, kind string, isVerb bool, lastSubj []int, lastStatus string) (meetingHit, bool) {
	var h meetingHit
	lim0 := c.clauseStart(t)
	// objects
	j := t + 1
	between, attended := false, false
	if isVerb {
		if kind == "sit" {
			if c.lw(j) != "down" {
				return h, false
			}
			j++
		}
		if kind == "shake" {
			// "shook hands with X"
			if c.lw(j) != "hands" || c.lw(j+1) != "with" {
				return h, false
			}
			j++
		}
		for j < s.Tok1 && (timeWords[c.lw(j)] || calendarWords[c.lw(j)]) {
			j++
		}
		// "A and B met in Moscow with C"
		if (c.lw(j) == "in" || c.lw(j) == "at") && c.mention(j+1) != nil && c.mention(j+1).Type == newsgraph.LOC {
			if e := c.mention(j + 1).Tok1; c.lw(e) == "with" {
				j = e
			}
		}
		if kind == "see" {
			// "is expected to see X", "will see X": a person right after
			// "also saw President X on Wednesday": a person right after
			// the past tense, not "saw X as a threat"
			if !(c.lw(t-1) == "to" || c.lw(t-1) == "will" || c.lw(t) == "saw") || c.personAt(j) < 0 && !titleWords[c.lw(j)] && c.d.Tokens[j].Country < 0 {
				return h, false
			}
			if c.lw(t) == "saw" {
				// "saw X leave", "saw X as a threat": only a time, place
				// or the end of the clause may follow the person
				if e := c.groupRight(j, s.Tok1).end; e < s.Tok1 && !(sawAfter[c.lw(e)] || calendarWords[c.lw(e)] || timeWords[c.lw(e)]) {
					return h, false
				}
			}
		}
		if c.lw(j) == "with" || c.lw(j) == "by" {
			j++
		} else if kind == "visit" && c.lw(j) == "to" && (c.lw(t-1) == "a" || c.lw(t-1) == "the" || isPoss(c.lw(t-1))) {
			j++ // "paid a visit to X", "during his visit to X"
		}
	} else {
		found := false
		for k := j; k < s.Tok1 && k < j+8; k++ {
			w := c.lw(k)
			if w == "with" {
				j, found = k+1, true
				break
			}
			if w == "between" {
				j, found, between = k+1, true, true
				break
			}
			if w == "joined" && c.lw(k+1) == "by" && k == j {
				// "they held expanded talks joined by A and B"
				j, found = k+2, true
				break
			}
			if (w == "was" || w == "were") && c.lw(k+1) == "attended" && c.lw(k+2) == "by" {
				j, found, attended = k+3, true, true
				break
			}
			if !(timeWords[w] || calendarWords[w] || w == "in" || w == "at" || w == "the" || w == "a" || w == "of" || w == "next" || w == "held" || w == "," || w == "here" || w == "there" ||
				geoNouns[w] && !c.capAt(k) || c.capAt(k) && c.personAt(k) < 0) {
				break
			}
		}
		if !found {
			// "X and Y held talks": the subject alone, with hold/have
			held := false
			for k := max(s.Tok0, t-3); k < t; k++ {
				switch c.lw(k) {
				case "held", "hold", "holds", "holding", "had", "have", "has":
					held = true
				}
			}
			if !held {
				return h, false
			}
			j = s.Tok1
		}
	}
	g := c.groupRight(j, s.Tok1)
	// "meet A in Brussels on Tuesday and B in The Hague on Wednesday":
	// a second meeting of the subject, with B alone
	var later []int
	if isVerb && len(g.members) > 0 {
		k := g.end
		for n := 0; k < s.Tok1 && n < 8 && c.personAt(k) < 0 && c.lw(k) != "and"; n++ {
			w := c.lw(k)
			if !(w == "in" || w == "at" || w == "on" || w == "the" || timeWords[w] || calendarWords[w] || c.mention(k) != nil && c.mention(k).Type == newsgraph.LOC || dayNum(w) > 0) {
				k = s.Tok1
				break
			}
			k++
		}
		if k > g.end && k < s.Tok1 && c.lw(k) == "and" {
			g2 := c.groupRight(k+1, s.Tok1)
			if len(g2.members) > 0 && c.personAt(k+1) >= 0 || len(g2.members) > 0 && titleWords[c.lw(k+1)] || len(g2.members) > 0 && c.d.Tokens[k+1].Country >= 0 {
				later = g2.members
			}
		}
	}
	if kind == "visit" && (len(g.members) == 0 || g.end > 0 && j < s.Tok1 && c.personAt(j) < 0 && !titleWords[c.lw(j)] && c.d.Tokens[j].Country < 0) {
		// "visited Washington" is travel, not a meeting
		return h, false
	}
	// subject
	var subj []int
	how := ""
	winStart := max(lim0, t-7)
	if !between && !attended {
		k := t - 1
		for k >= lim0 && auxWords[c.lw(k)] && c.personAt(k) < 0 {
			k--
		}
		subj, how = c.subjectAt(k, lim0)
		if subj != nil {
			winStart = k + 1
		}
		if subj == nil && c.lw(k) == "and" && lastSubj != nil {
			subj, how = lastSubj, "coordination"
			winStart = k + 1
		}
		if subj == nil && c.lw(k) == "and" && c.personAt(k-1) < 0 {
			// "X flew to Moscow and held talks with Y": the subject of the
			// clause, not the nearest name
			if sj, hw := c.clauseSubject(lim0, t); sj != nil && !slices.Contains(g.members, sj[0]) {
				subj, how = sj, hw
				winStart = k + 1
			}
		}
		if subj == nil {
			subj, how = c.nearestLeft(t, lim0, g.members)
		}
		if subj == nil {
			subj, how = c.clauseSubject(lim0, t)
		}
		// "After a day of meetings with A, B and C, Clark told ..."
		if subj == nil && g.end < s.Tok1 && c.lw(g.end) == "," {
			if p := c.personAt(g.end + 1); p >= 0 && !slices.Contains(g.members, p) {
				subj, how = []int{p}, "fronted"
			}
		}
	}
	// passive "X was met by Y": both sides are participants anyway
	var pairs [][2]int
	var parts []int
	for _, p := range subj {
		if !slices.Contains(parts, p) {
			parts = append(parts, p)
		}
	}
	objs := []int{}
	for _, p := range g.members {
		if !slices.Contains(parts, p) {
			objs = append(objs, p)
		}
	}
	// "held talks with C at the palace, joined by D": D takes part too
	for k := g.end; k+2 < s.Tok1 && k < g.end+12; k++ {
		if c.lw(k) == ";" || meetNouns[c.lw(k)] || meetVerbs[c.lw(k)] != "" {
			break
		}
		if c.lw(k) == "," && c.lw(k+1) == "joined" && c.lw(k+2) == "by" {
			for _, p := range c.groupRight(k+3, s.Tok1).members {
				if !slices.Contains(parts, p) && !slices.Contains(objs, p) {
					objs = append(objs, p)
				}
			}
			break
		}
	}
	separate := g.separate || c.lw(t) == "meetings"
	for k := winStart; k < j && !separate; k++ {
		// "met separately with A and B", "held separate talks with A and B"
		separate = c.lw(k) == "separately" || c.lw(k) == "separate"
	}
	if len(parts) == 0 && len(objs) < 2 {
		return h, false
	}
	if len(parts) >= 1 && len(objs) == 0 && len(parts) < 2 {
		return h, false
	}
	if len(objs) == 0 && !isVerb {
		// "X and Y held talks": only with a coordinated subject
		if len(parts) < 2 {
			return h, false
		}
		// "the Chinese, Japanese and Korean leaders arrive for talks with
		// Asean": talks with others, not a meeting among them
		if j < s.Tok1 && c.lw(j-1) == "with" && c.manyStates(parts) {
			return h, false
		}
	}
	for i := 0; i < len(parts); i++ {
		for k := i + 1; k < len(parts) && !(separate && len(objs) > 0); k++ {
			// "A and B held separate talks with C": A-C and B-C only
			pairs = append(pairs, [2]int{parts[i], parts[k]})
		}
		for _, o := range objs {
			pairs = append(pairs, [2]int{parts[i], o})
		}
	}
	for i := 0; i < len(parts); i++ {
		for _, o := range later {
			if !slices.Contains(parts, o) && !slices.Contains(objs, o) {
				pairs = append(pairs, [2]int{parts[i], o})
			}
		}
	}
	if !separate {
		for i := 0; i < len(objs); i++ {
			for k := i + 1; k < len(objs); k++ {
				pairs = append(pairs, [2]int{objs[i], objs[k]})
			}
		}
	}
	if len(pairs) == 0 {
		return h, false
	}
	st := c.modality(winStart, t, j)
	for k := winStart - 1; k >= lim0 && k >= winStart-8; k-- {
		// "it was unclear whether the two leaders would meet again"
		if w := c.lw(k); w == "whether" || w == "if" && c.lw(k-1) != "as" {
			st = "hypothetical"
			break
		} else if w == "," || w == ";" || w == "said" || w == "says" {
			break
		}
	}
	for k := j; k < s.Tok1 && k < j+16; k++ {
		if w := c.lw(k); w == "if" || w == "unless" {
			st = "hypothetical"
		} else if w == ";" || w == "." {
			break
		}
	}
	if !isVerb {
		// "a planned meeting between A and B was cancelled"
		if pa := c.predicateAfter(g.end, s.Tok1); pa == "negated" || st == newsgraph.Occurred {
			st = pa
		}
	}
	if !isVerb && st == newsgraph.Occurred && c.aheadOf(t) {
		// "prepare the ground for a summit between A and B"
		st = newsgraph.Planned
	}
	if st == newsgraph.Planned && c.calledOff(g.end, s.Tok1) {
		// "was due to meet X, but the meeting was called off"
		st = "negated"
	}
	if how == "coordination" && lastStatus != "" && st == newsgraph.Occurred {
		// "met Qureia on Monday and was scheduled to see Sharon": the
		// second verb's own cue wins
		st = lastStatus
	}
	if st == "negated" || st == "hypothetical" {
		return h, false
	}
	h.subj = subj
	h.cue = st
	h.pairs = pairs
	h.status = st
	h.place = c.placeAfterPrep(t, s.Tok1, set("in", "at"))
	if h.place == "" {
		h.place = c.placeAfterPrep(s.Tok0, t, set("in", "at", "visit", "visiting", "visited", "to"))
	}
	if h.place == "" && st == newsgraph.Occurred && c.dateline != "" && si > 0 && si <= 3 {
		h.place = c.dateline
	}
	h.date = c.dateIn(si, st == newsgraph.Planned)
	switch {
	case st == newsgraph.Planned:
		h.cameo = "036"
	case kind == "host":
		h.cameo = "043"
	case kind == "visit":
		h.cameo = "042"
	default:
		h.cameo = "040"
		if h.place != "" && len(parts) > 0 && len(objs) > 0 {
			pc := c.placeCountry(h.place)
			if pc != "" && pc != c.hint[parts[0]] && pc != c.hint[objs[0]] && c.hint[parts[0]] != "" && c.hint[objs[0]] != "" {
				h.cameo = "044"
			}
		}
	}
	form := "verb"
	if !isVerb {
		form = "noun"
	}
	switch {
	case between:
		h.rule = "meet:noun-between"
	case attended:
		h.rule = "meet:attended-by"
	default:
		h.rule = "meet:" + form + ":" + kind + ":" + how
	}
	h.conf = 0.9
	switch how {
	case "pronoun", "relative", "coordination", "possessive":
		h.conf = 0.75
	case "nearest", "description", "clause", "fronted":
		h.conf = 0.6
	}
	if st == newsgraph.Planned {
		h.conf -= 0.1
	}
	return h, true
}

// tookPart reads "A and B (also) took part in the talks" at the meeting
// noun t: A and B join the participants parts of the meeting just read.
func (c *evCtx) tookPart(t int, parts []int) (meetingHit, bool) {
	var h meetingHit
	if len(parts) == 0 || c.lw(t-1) != "the" || c.lw(t+1) == "with" || c.lw(t+1) == "between" {
		return h, false
	}
	k := t - 2
	switch {
	case c.lw(k) == "in" && c.lw(k-1) == "part" && (c.lw(k-2) == "took" || c.lw(k-2) == "take" || c.lw(k-2) == "taking"):
		k -= 3
	case c.lw(k) == "joined" || c.lw(k) == "attended":
		k--
	default:
		return h, false
	}
	lim0 := c.clauseStart(t)
	for k >= lim0 && auxWords[c.lw(k)] && c.personAt(k) < 0 {
		k--
	}
	subj, how := c.subjectAt(k, lim0)
	if subj == nil {
		return h, false
	}
	all := append([]int{}, parts...)
	for _, p := range subj {
		if !slices.Contains(all, p) {
			all = append(all, p)
		}
	}
	if len(all) == len(parts) {
		return h, false
	}
	for i := range all {
		for j := i + 1; j < len(all); j++ {
			h.pairs = append(h.pairs, [2]int{all[i], all[j]})
		}
	}
	si := c.d.Tokens[t].Sent
	h.subj, h.status, h.cue = subj, newsgraph.Occurred, newsgraph.Occurred
	h.place = c.placeAfterPrep(t, c.d.Sentences[si].Tok1, set("in", "at"))
	h.date = c.dateIn(si, false)
	h.cameo, h.rule, h.conf = "040", "meet:took-part:"+how, 0.6
	return h, true
}

// clauseSubject resolves the noun phrase at the start of the clause
// [lim0, t): a name, a pronoun or a description ("The American diplomat").
func (c *evCtx) clauseSubject(lim0, t int) ([]int, string) {
	for k := lim0; k < t && k < lim0+5; k++ {
		if p := c.personAt(k); p >= 0 {
			return []int{p}, "clause"
		}
		if pronounsSg[c.lw(k)] {
			if p := c.resolvePronoun(k); p >= 0 {
				return []int{p}, "pronoun"
			}
			return nil, ""
		}
		if c.lw(k) == "they" {
			return c.subjectAt(k, lim0)
		}
		if descNouns[c.lw(k)] && c.personAt(k+1) < 0 && !titleWords[c.lw(k+1)] {
			if p := c.resolveDescription(k); p >= 0 {
				return []int{p}, "description"
			}
			return nil, ""
		}
	}
	return nil, ""
}

// placeCountry returns the country of a place name of the article.
func (c *evCtx) placeCountry(name string) string {
	for _, p := range c.d.Places {
		if p.Name == name {
			return p.Country
		}
	}
	for _, cr := range c.d.Countries {
		if c.d.Span(cr.Start, cr.End) == name {
			return cr.Code
		}
	}
	return ""
}

// aheadOf reports whether the meeting noun at t is something prepared
// for: "ahead of a summit", "the ground for a summit", "paving the way
// for talks", "preparations for the meeting".
func (c *evCtx) aheadOf(t int) bool {
	for k := t - 1; k >= t-3 && k > 0; k-- {
		if w := c.lw(k); w == "of" && c.lw(k-1) == "ahead" {
			return true
		} else if w == "for" {
			p := c.lw(k - 1)
			return p == "ground" || p == "way" || p == "preparations" || p == "prepare" || p == "prepares" || p == "preparing"
		}
	}
	return false
}

// calledOff reports whether [a, b) says a plan was cancelled ("but the
// meeting was called off", ", cancelled because of ...").
func (c *evCtx) calledOff(a, b int) bool {
	for k := a; k < b; k++ {
		switch c.lw(k) {
		case "cancelled", "canceled", "scrapped", "shelved", "scuttled":
			return true
		case "off":
			if c.lw(k-1) == "called" || c.lw(k-1) == "calls" {
				return true
			}
		}
	}
	return false
}

// predicateAfter reads the verb group after a meeting noun phrase that
// ends at token a ("talks between X and Y are scheduled for Friday", "the
// meeting was cancelled"): planned, negated or occurred.
func (c *evCtx) predicateAfter(a, b int) string {
	k := a
	if k < b && (c.lw(k) == "is" || c.lw(k) == "are" || c.lw(k) == "was" || c.lw(k) == "were" || c.lw(k) == "has" || c.lw(k) == "have" || c.lw(k) == "had" || c.lw(k) == "will" || c.lw(k) == "would") {
		for j := k; j < b && j < k+4; j++ {
			w := c.lw(j)
			switch {
			case negCue[w] || w == "off" && c.lw(j-1) == "called" || w == "scrapped" || w == "shelved":
				return "negated"
			case w == "will" || futureCue[w] && w != "agreed":
				return newsgraph.Planned
			}
		}
	}
	return newsgraph.Occurred
}

package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// Rule "delegation" (GUIDELINES.md: going somewhere together is
// traveled_with, "a journey, a delegation's members"). The persons of one
// delegation travel together:
//
//   - its leaders: the subject of "lead" or "head" whose object is the
//     delegation ("Paulson and Bernanke will lead a high-level U.S.
//     team"), the agent of "a delegation led by X", "X, head of the
//     delegation", "X, who heads the delegation"; not the possessor, who
//     is not said to go with it ("Putin's delegation to Istanbul");
//   - its members: the subject of "join" ("Gutierrez and Schwab will also
//     join in the delegation"), the object of "include" or "comprise"
//     whose subject is the delegation or its members ("the delegation
//     includes A and B"), "a delegation including A", "A, a member of the
//     delegation", "A was part of the delegation".
//
// Each of them with the members joined to them ("A, B and C", "A, the
// minister"). A delegation named again in a later sentence ("the
// delegation", "the U.S. delegation": a definite noun) is the one told
// last, at most joinReach sentences before, unless both name a country and
// they differ ("the North Korean delegation" is not the U.S. one; a
// delegation that names none has its first leader's) or both
// name a leader ("X, head of the delegation" and "Y, head of the
// delegation" lead the two sides of talks); "a delegation" is a new one,
// and two delegation nouns of one sentence are two ("talks between the
// U.S. delegation led by Hill and the North Korean delegation led by
// Kim"), unless it names a person of one told before (a headline's
// "Paulson, Bernanke to lead U.S. team to Beijing" and its story's
// "Paulson and Bernanke will lead a high-level U.S. team") and goes to no
// other place; "another delegation" is always new. A plural ("delegations
// led by Silveira and her Angolan counterpart") names several. A person
// of another country than the delegation's is none of it.
//
// A delegation goes somewhere: it has a leader, a destination ("a
// delegation to Beijing") or a verb of travel of which it is the subject
// ("the delegation, including Fei and Nie, arrived"). A state's
// "congressional delegation" ("the Alaska delegation, led by Murkowski and
// Young") is its members of Congress: they go somewhere together only
// where a destination or a verb of travel says so ("led a congressional
// delegation to Rakhine"). A "team" is as often a side in a
// game: it is a delegation only when a later sentence calls it the
// delegation or when it goes to a named place ("led a four-member team to
// Iraq"). A negated or hypothetical verb adds no one ("X will not join the
// delegation").
//
// Every two persons of one delegation are a trip, with the delegation's
// destination where a sentence states it; its evidence is the sentence
// that named the later of the two, its rule "travel/delegation", its
// confidence the travel model's threshold (a rule, as for rule "trip
// pattern").

// delegationNouns are the nouns that name a delegation; teamNouns the ones
// that may (see the rule).
var (
	delegationNouns = set("delegation", "entourage")
	teamNouns       = set("team")
	delegationForms = set("delegation", "delegations", "entourage", "entourages")
	// a sentence with "team" is parsed for the rule only with a word of
	// leading, joining or a destination: most teams are sides in games
	teamForms    = set("team", "teams")
	teamCueForms = set("lead", "leads", "led", "leading", "head", "heads", "headed", "heading",
		"join", "joins", "joined", "joining", "include", "includes", "included", "including",
		"member", "members", "part")
	leadVerbs      = set("lead", "head")
	delegateVerbs  = set("join")
	includeVerbs   = set("include", "comprise")
	delegateNouns  = set("head", "leader", "chief", "member", "part")
	leadNouns      = set("head", "leader", "chief")
	receptionVerbs = set("greet", "welcome", "receive")
)

// delegationFacts is what the sentences say of a delegation: its leader,
// its journey, its country and destination, its persons.
type delegationFacts struct {
	led       bool   // a leader of it is named
	moving    bool   // it is the subject of a verb of travel
	congress  bool   // a noun of it names a state's members of Congress ("the Alaska delegation")
	country   string // the country its nouns name, or ""
	to        string // its destination, or ""
	delegates []delegate
}

// add joins the facts of another mention of the same delegation: the
// first country and destination told stay.
func (f *delegationFacts) add(o delegationFacts) {
	f.led = f.led || o.led
	f.moving = f.moving || o.moving
	f.congress = f.congress || o.congress
	if f.country == "" {
		f.country = o.country
	}
	if f.to == "" {
		f.to = o.to
	}
	for _, p := range o.delegates {
		f.addDelegate(p)
	}
}

// addDelegate adds person p unless the delegation has them already.
func (f *delegationFacts) addDelegate(p delegate) {
	if !slices.ContainsFunc(f.delegates, func(q delegate) bool { return q.person == p.person }) {
		f.delegates = append(f.delegates, p)
	}
}

// shares says whether the delegations have a person in common.
func (f *delegationFacts) shares(o delegationFacts) bool {
	return slices.ContainsFunc(f.delegates, func(p delegate) bool {
		return slices.ContainsFunc(o.delegates, func(q delegate) bool { return q.person == p.person })
	})
}

// delegation is one delegation of an article, told in one or more
// sentences.
type delegation struct {
	last  int  // the sentence that named it last
	named bool // a sentence calls it a delegation (not only a team)
	delegationFacts
}

// delegate is a person of a delegation and the sentence that names them.
type delegate struct {
	person, sent int
	lead         bool   // a leader of it
	path         string // for --explain: the noun, the path and the person
}

// delegationMention is a delegation noun of a parsed sentence with what
// the sentence says of it.
type delegationMention struct {
	noun     int
	team     bool
	definite bool
	another  bool // "another delegation"
	delegationFacts
}

// delegationTrips returns the trips of rule "delegation" in the order the
// delegations are told.
func (c *evCtx) delegationTrips() []newsgraph.Travel {
	var groups []*delegation
	toldBefore := func(s int) bool { // a delegation told within reach before s
		return slices.ContainsFunc(groups, func(g *delegation) bool { return g.last < s && s-g.last <= joinReach })
	}
	for s := range c.d.Sentences {
		// a sentence that names a delegation and a person, or one told
		// before ("The delegation arrived in Hong Kong on Sunday")
		noun := c.holdsForm(s, delegationForms)
		if !noun && !(c.holdsForm(s, teamForms) && c.holdsForm(s, teamCueForms)) || !c.namesPerson(s) && !(noun && toldBefore(s)) {
			continue
		}
		es := c.anySent(s)
		if es.ss == nil {
			continue
		}
		for _, m := range c.delegationMentions(es) {
			var g *delegation
			for i := len(groups) - 1; i >= 0 && g == nil && !m.another; i-- {
				h := groups[i]
				if h.last >= s || s-h.last > joinReach || m.country != "" && h.country != "" && m.country != h.country {
					continue
				}
				shared := m.shares(h.delegationFacts)
				switch {
				case shared && m.to != "" && h.to != "" && m.to != h.to:
					// the same leader's delegation to another place
				case shared:
					g = h
				case m.definite && !(m.led && h.led) && (m.country == "" || h.country != "" || c.countryOf(h) == m.country):
					// "the North Korean delegation" is no delegation told
					// before without a country, unless its leader is North
					// Korean
					g = h
				}
			}
			if g == nil {
				g = &delegation{}
				groups = append(groups, g)
			}
			g.last = s
			g.named = g.named || !m.team
			g.add(m.delegationFacts)
		}
	}
	threshold := c.x.models.travel.Threshold
	var out []newsgraph.Travel
	for _, g := range groups {
		if !g.named && g.to == "" || (!g.led || g.congress) && !g.moving && g.to == "" {
			continue
		}
		// a delegation of a country has none of another's people ("Ri
		// Gun, a member of the North Korean delegation" in the U.S. one's)
		var ds []delegate
		gc := c.countryOf(g)
		for _, p := range g.delegates {
			if pc := c.d.Persons[p.person].Country; gc == "" || pc == "" || pc == gc {
				ds = append(ds, p)
			}
		}
		for i, a := range ds {
			for _, b := range ds[i+1:] {
				s := max(a.sent, b.sent)
				ev := c.sentText(s)
				ev.Rule, ev.Confidence = "travel/delegation", threshold
				if c.explain {
					ev.Explain = &newsgraph.Explanation{Trigger: "delegation", Path: a.path + "; " + b.path, Score: threshold, Threshold: threshold}
				}
				out = append(out, newsgraph.Travel{A: c.d.Persons[a.person].Name, B: c.d.Persons[b.person].Name, To: g.to, Evidence: ev})
			}
		}
	}
	return out
}

// anySent returns sentence s parsed with its arguments, whether or not it
// holds a trigger.
func (c *evCtx) anySent(s int) *evSent {
	if es := c.parsed[s]; es != nil && es.ss != nil && len(es.trigs) > 0 {
		return es // parsed for its triggers, with its arguments
	}
	p := c.x.parseFrom(c.d, s, c.firstTok(s), func(*syntax.Sentence) bool { return true })
	if p == nil {
		return &evSent{}
	}
	es := &evSent{ss: newSynSent(c.d, s, p)}
	c.arguments(es)
	return es
}

// countryOf is the country of delegation g: the one its nouns name, else
// its first leader's.
func (c *evCtx) countryOf(g *delegation) string {
	if g.country != "" {
		return g.country
	}
	for _, p := range g.delegates {
		if p.lead {
			return c.d.Persons[p.person].Country
		}
	}
	return ""
}

// delegationMentions returns the delegation nouns of a parsed sentence
// with the persons each names, in text order.
func (c *evCtx) delegationMentions(es *evSent) []delegationMention {
	ss := es.ss
	var out []delegationMention
	for n, w := range ss.s.Words {
		lem := ss.lemma(n)
		if w.UPOS != "NOUN" || !delegationNouns[lem] && !teamNouns[lem] || strings.ToLower(w.Form) != lem {
			continue // a plural names several
		}
		m := delegationMention{noun: n, team: teamNouns[lem]}
		for _, k := range ss.kids[n] {
			kw := ss.s.Words[k]
			switch l := ss.label(k); {
			case l == "det" && joinDeterminers[strings.ToLower(kw.Form)], strings.HasPrefix(l, "nmod:poss") && joinDeterminers[strings.ToLower(kw.Form)]:
				m.definite = true
			case l == "det" && ss.lemma(k) == "another":
				m.another = true // "led another delegation": a new one
			case l == "amod", l == "compound", strings.HasPrefix(l, "nmod:poss"), l == "nmod[from]":
				t := kw.Tok
				switch mt := c.mention(t); {
				case t >= 0 && t < len(c.d.Tokens) && c.d.Tokens[t].Country >= 0:
					m.country = c.d.Countries[c.d.Tokens[t].Country].Code
				case lem == "delegation" && ss.lemma(k) == "congressional",
					lem == "delegation" && mt != nil && mt.Type == newsgraph.LOC && mt.Country == "US":
					m.congress = true // "the Alaska delegation": a state's members of Congress
				}
			}
		}
		journey := -1
		if h := ss.head(n); h >= 0 && (ss.label(n) == "nsubj" || ss.label(n) == "conj" && ss.label(h) == "nsubj") {
			if ss.label(n) == "conj" {
				h = ss.head(h) // "Liu and the delegation arrived"
			}
			if h >= 0 && ss.s.Words[h].UPOS == "VERB" && c.journeyWord(ss, h) && c.modalityRule(ss, h, false) == "" {
				m.moving, journey = true, h
			}
		}
		for _, k := range ss.kids[n] {
			// "a delegation visiting China", and a verb the parser hung
			// on its subject ("Trump's legal team, including A and B,
			// arrived in Atlanta": "arrived" a clause of "team")
			if journey < 0 && ss.label(k) == "acl" && c.journeyWord(ss, k) && c.modalityRule(ss, k, false) == "" {
				m.moving, journey = true, k
			}
		}
		m.to = c.delegationPlace(es, n, journey)
		// a delegation in a "between" phrase has the other side beside it:
		// no one joined by "and" is its member there, by the parse or by
		// tokens ("talks between a U.S. delegation led by Hill and North
		// Korean Vice Foreign Minister Kim")
		lists := !strings.Contains(ss.label(n), "[between]")
		addArgs := func(args []evArg, how string, lead bool) {
			for _, a := range args {
				m.led = m.led || lead
				m.addDelegate(delegate{person: a.person, sent: ss.sent, lead: lead,
					path: fmt.Sprintf("%s [%s] %s", w.Form, how, ss.s.Words[a.word].Form)})
			}
		}
		add := func(from int, how string, lead bool) { addArgs(c.chainPersons(es, from, lists), how, lead) }
		// one person alone, with no one joined to them: an apposition's
		// head ("Kim, head of the delegation": "Hill and Kim, head of ..."
		// is no list of its members)
		alone := func(w int) []evArg {
			var out []evArg
			for _, a := range es.persons {
				if a.word == w {
					out = append(out, a)
				}
			}
			return out
		}
		// the verb the noun is the object of: "X will lead a delegation",
		// "A and B will join (in) the delegation"; passive "the delegation
		// will be led by X"
		if h := ss.head(n); h >= 0 && ss.s.Words[h].UPOS == "VERB" && c.modalityRule(ss, h, false) == "" {
			vl, l := ss.lemma(h), ss.label(n)
			switch {
			case (leadVerbs[vl] || delegateVerbs[vl]) && (l == "obj" || delegateVerbs[vl] && l == "obl[in]"):
				for _, k := range ss.kids[h] {
					if ss.label(k) == "nsubj" {
						add(k, "<"+l+" "+vl+" >nsubj", leadVerbs[vl])
					}
				}
				// a headline's "Paulson, Bernanke to lead U.S. team": the
				// infinitive hangs from its subject
				if g := ss.head(h); g >= 0 && !hasLabel(ss, h, "nsubj") && (ss.label(h) == "xcomp" || strings.HasPrefix(ss.label(h), "acl") || strings.HasPrefix(ss.label(h), "advcl")) && ss.s.Words[g].UPOS == "PROPN" {
					add(g, "<"+l+" "+vl+" <"+ss.label(h), leadVerbs[vl])
				}
			case leadVerbs[vl] && l == "nsubj:pass":
				for _, k := range ss.kids[h] {
					if byPhrase(ss, k) {
						add(k, "<nsubj:pass "+vl+" >by", true)
					}
				}
			case includeVerbs[vl] && l == "nsubj":
				for _, k := range ss.kids[h] {
					if ss.label(k) == "obj" {
						add(k, "<nsubj "+vl+" >obj", false)
					}
				}
			}
		}
		for _, k := range ss.kids[n] {
			switch l := ss.label(k); {
			case l == "nmod[of]", l == "nmod[including]", l == "nmod[include]", l == "appos":
				add(k, ">"+l, false) // "a delegation including A"
			case strings.HasPrefix(l, "acl") && c.modalityRule(ss, k, false) == "":
				vl := ss.lemma(k)
				for _, j := range ss.kids[k] {
					switch jl := ss.label(j); {
					case leadVerbs[vl] && byPhrase(ss, j): // "a delegation led by X"
						add(j, ">"+l+" "+vl+" >by", true)
					case includeVerbs[vl] && jl == "obj": // "a delegation that includes A"
						add(j, ">"+l+" "+vl+" >obj", false)
					}
				}
			}
		}
		// the subject "Liu and the delegation were greeted at the airport",
		// "Liu and the delegation arrived": travelling or received, not
		// meeting ("Hill and the North Korean delegation met")
		if h := ss.head(n); h >= 0 && ss.label(n) == "conj" {
			if l := ss.label(h); l == "nsubj" || l == "nsubj:pass" {
				if v := ss.head(h); v >= 0 && (journey == v || receptionVerbs[ss.lemma(v)] && l == "nsubj:pass") && c.modalityRule(ss, v, false) == "" {
					addArgs(alone(h), "<conj", false)
				}
			}
		}
		// "X, head of the delegation", "A is a member of the delegation",
		// "members of the delegation include A"
		if h := ss.head(n); h >= 0 && ss.label(n) == "nmod[of]" && delegateNouns[ss.lemma(h)] && c.modalityRule(ss, h, false) == "" {
			hl, hlem := ss.label(h), ss.lemma(h)
			if g := ss.head(h); g >= 0 && hl == "appos" {
				addArgs(alone(g), "<nmod[of] "+hlem+" <appos", leadNouns[hlem])
			} else if lo, _ := ss.extent(h); lo > 0 && ss.s.Words[lo-1].Form == "," {
				// an apposition the parser hung apart: "Christopher Hill,
				// a member of the U.S. delegation, arrived" (member a
				// second subject)
				if b, ok := c.personAt(es, ss.s.Words[lo-1].Tok, false); ok {
					addArgs([]evArg{b}, "<nmod[of] "+hlem+" , before", leadNouns[hlem])
				}
			}
			for _, k := range ss.kids[h] {
				switch ss.label(k) {
				case "appos":
					addArgs(alone(k), "<nmod[of] "+hlem+" >appos", leadNouns[hlem])
				case "nsubj":
					if hasLabel(ss, h, "cop") {
						add(k, "<nmod[of] "+hlem+" >nsubj", leadNouns[hlem])
					}
				}
			}
			if g := ss.head(h); g >= 0 && hl == "nsubj" && includeVerbs[ss.lemma(g)] {
				for _, k := range ss.kids[g] {
					if ss.label(k) == "obj" {
						add(k, "<nmod[of] "+hlem+" <nsubj "+ss.lemma(g)+" >obj", false)
					}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// delegationPlace returns the destination of a delegation noun n: a place
// the noun or the verb that leads it goes to ("a delegation to Beijing",
// "led a team to Iraq"), also through a visit or trip ("headed a
// delegation ... on a visit to China"); else where the verb of travel of
// which it is the subject (journey, or -1) goes ("arrived in Hong Kong",
// "left Beijing for Washington": not the place left; "visited Beijing");
// or "".
func (c *evCtx) delegationPlace(es *evSent, n, journey int) string {
	ss := es.ss
	at := []int{n}
	if h := ss.head(n); h >= 0 && ss.label(n) == "obj" && leadVerbs[ss.lemma(h)] {
		at = append(at, h)
	}
	for _, v := range append(at, journey) {
		if v < 0 {
			continue
		}
		for _, k := range ss.kids[v] {
			switch l := ss.label(k); {
			case l == "nmod[to]", l == "obl[to]":
				if p := es.placeName(k); p != "" {
					return p
				}
			case (l == "obl[on]" || l == "nmod[on]") && (ss.lemma(k) == "visit" || ss.lemma(k) == "trip"):
				for _, j := range ss.kids[k] {
					if ss.label(j) == "nmod[to]" {
						if p := es.placeName(j); p != "" {
							return p
						}
					}
				}
			}
		}
	}
	if journey < 0 {
		return ""
	}
	labels := []string{"obl[to]", "obl[for]", "obl[in]", "obl[at]"}
	visit := !c.x.lex.inRelation(ss.lemma(journey), "VERB", relTravel)
	if visit {
		labels = append(labels, "obj") // "visited Beijing"; "left Beijing" is where they came from
	}
	for _, want := range labels {
		for _, k := range ss.kids[journey] {
			if ss.label(k) == want {
				if p := es.placeName(k); p != "" {
					return p
				}
			}
		}
	}
	// "left Beijing for Washington" with "for Washington" hung on Beijing
	for _, k := range ss.kids[journey] {
		if ss.label(k) != "obj" || visit {
			continue
		}
		for _, j := range ss.kids[k] {
			if l := ss.label(j); l == "nmod[for]" || l == "nmod[to]" {
				if p := es.placeName(j); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// chainPersons returns the persons of a parsed sentence at word w or
// joined to it: "A, B and C", "A, the minister", "officials including A",
// and the conjuncts the parser hangs inside a member's description ("by
// Fusae Ota, governor of Osaka-Fu, Keiji Yamada, governor of Kyoto-Fu and
// Toshizo Ido": Yamada a conjunct of Osaka-Fu). The of-phrase itself
// names no member ("X, wife of Y"). A by-phrase the parser read as a
// clause ("headed by Pakistan's Foreign Secretary Riaz Mohammad Khan left
// for New Delhi": "left" the agent) names its subject. A name compounded
// with a common noun, and one followed by "'s", is no member ("Putin aide
// Yuri Ushakov", "Wu Yi's team"); with lists false, neither is anyone
// joined by "and".
func (c *evCtx) chainPersons(es *evSent, w int, lists bool) []evArg {
	ss := es.ss
	words, member := []int{w}, []bool{true}
	if ss.s.Words[w].UPOS == "VERB" {
		words, member = nil, nil
		for _, k := range ss.kids[w] {
			if ss.label(k) == "nsubj" {
				words, member = append(words, k), append(member, true)
			}
		}
	}
	for i := 0; i < len(words); i++ {
		for _, k := range ss.kids[words[i]] {
			switch l := ss.label(k); l {
			case "conj", "appos", "flat", "compound", "nmod:desc", "nmod[including]", "obl[including]", "nmod[include]", "obl[include]", "nmod":
				if l == "conj" && !lists {
					continue
				}
				// a bare nmod under a name is a conjunct misread ("Carlos
				// Gutierrez and Labor Secretary Elaine Chao": Chao an nmod
				// of Carlos); a name compounded with a common noun is whose
				// the noun is ("Putin aide Yuri Ushakov"), no member
				words = append(words, k)
				member = append(member, !(l == "compound" && ss.s.Words[words[i]].UPOS == "NOUN"))
			case "nmod[of]":
				words, member = append(words, k), append(member, false)
			}
		}
	}
	var out []evArg
	for _, a := range es.persons {
		if i := slices.Index(words, a.word); i >= 0 && member[i] && !c.possessor(a) && !slices.ContainsFunc(out, func(b evArg) bool { return b.person == a.person }) {
			out = append(out, a)
		}
	}
	for i := 0; lists && i < len(out); i++ {
		for _, next := range []bool{true, false} {
			if b, ok := c.inList(es, out[i], next); ok && !slices.ContainsFunc(out, func(x evArg) bool { return x.person == b.person }) {
				out = append(out, b)
			}
		}
	}
	return out
}

// inList returns the person named next after person a (or, with next
// false, before a) in a list of titled names, which the parser often
// hangs apart ("Senator Jeff Merkley and Senator Ed Markey arrived":
// Markey a second subject; "Treasury Secretary Henry Paulson and Federal
// Reserve Chairman Ben Bernanke will lead": Paulson under "Secretary", the
// root). Between two names of a list stand "and" or a comma, then a few
// capitalised words or "of" (a title: "Assistant Secretary of State"); a
// list ends with "and", so names joined by a comma are a list
// only if "and" follows ("A, B and C"): "At the invitation of Premier Wen
// Jiabao, Fradkov paid a visit" is none, nor is "led by Hill, and Kim
// said" (the comma and "and" join clauses).
func (c *evCtx) inList(es *evSent, a evArg, next bool) (evArg, bool) {
	if next {
		b, sep, ok := c.nameAfter(es, a)
		return b, ok && (sep == "and" || c.listEnds(es, b))
	}
	b, sep, ok := c.nameBefore(es, a)
	return b, ok && (sep == "and" || c.listEnds(es, a))
}

// listEnds says whether the names after person a in a list end with "and".
func (c *evCtx) listEnds(es *evSent, a evArg) bool {
	for n := 0; n < 20; n++ {
		b, sep, ok := c.nameAfter(es, a)
		if !ok {
			return false
		}
		if sep == "and" {
			return true
		}
		a = b
	}
	return false
}

// nameAfter returns the person named after person a and a separator
// ("and" or ","), with at most six title words between; nameBefore the
// one named before a.
func (c *evCtx) nameAfter(es *evSent, a evArg) (evArg, string, bool) {
	st, toks := c.d.Sentences[es.ss.sent], c.d.Tokens
	k := a.tok1
	if k >= st.Tok1 || !listSep[toks[k].Lower] {
		return evArg{}, "", false
	}
	for j := k + 1; j < st.Tok1 && j <= k+7; j++ {
		if b, ok := c.personAt(es, j, true); ok {
			if c.possessor(b) {
				break // "and Vice Premier Wu Yi's team": a possessor, another side
			}
			return b, toks[k].Lower, true
		}
		// a title word, also "and" inside a title ("Health and Human
		// Services Secretary Mike Leavitt")
		if !titleToken(toks[j]) && !(toks[j].Lower == "and" && j > k+1 && j+1 < st.Tok1 && isCap(toks[j+1].Text)) {
			break
		}
	}
	return evArg{}, "", false
}

func (c *evCtx) nameBefore(es *evSent, a evArg) (evArg, string, bool) {
	st, toks := c.d.Sentences[es.ss.sent], c.d.Tokens
	for k := a.tok0 - 1; k > st.Tok0 && k >= a.tok0-7; k-- {
		if listSep[toks[k].Lower] {
			if b, ok := c.personAt(es, k, false); ok {
				return b, toks[k].Lower, true
			}
		}
		if !titleToken(toks[k]) && !(toks[k].Lower == "and" && k < a.tok0-1 && isCap(toks[k-1].Text)) {
			break
		}
	}
	return evArg{}, "", false
}

// possessor says whether the person's name is followed by "'s": the
// owner of what follows ("Vice Premier Wu Yi's team"), no member.
func (c *evCtx) possessor(a evArg) bool {
	if a.tok1 >= len(c.d.Tokens) {
		return false
	}
	w := c.d.Tokens[a.tok1].Lower
	return w == "'s" || w == "’s"
}

// listSep separate the names of a list; a titleToken may stand in a title
// before a name: a capitalised word, "of", or an office a delegation's
// member holds, in lower case ("and envoy Kirill Dmitriev"; not
// "spokesman" or "counterpart", who are as often the subject of the next
// clause or the other side: "led by Hill and spokesman Sean McCormack
// said").
var (
	listSep       = set("and", ",")
	memberOffices = set("envoy", "minister", "secretary", "senator", "ambassador", "adviser", "advisor", "aide", "deputy", "governor")
)

func titleToken(t Token) bool {
	return t.Lower == "of" || isCap(t.Text) || memberOffices[t.Lower]
}

// personAt returns the person whose name (a mention, not a "who" or "he")
// starts at token k (or, with start false, ends just before it).
func (c *evCtx) personAt(es *evSent, k int, start bool) (evArg, bool) {
	for _, b := range es.persons {
		if m := c.mention(b.tok0); m != nil && m.Type == newsgraph.PER && (start && b.tok0 == k || !start && b.tok1 == k) {
			return b, true
		}
	}
	return evArg{}, false
}

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
//     team"), the agent of "a delegation led by X", the possessor ("Hill's
//     delegation"), "X, head of the delegation", "X, who heads the
//     delegation";
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
// they differ ("the North Korean delegation" is not the U.S. one) or both
// name a leader ("X, head of the delegation" and "Y, head of the
// delegation" lead the two sides of talks); "a delegation" is a new one,
// and two delegation nouns of one sentence are two ("talks between the
// U.S. delegation led by Hill and the North Korean delegation led by
// Kim"), unless it names a person of one told before (a headline's
// "Paulson, Bernanke to lead U.S. team to Beijing" and its story's
// "Paulson and Bernanke will lead a high-level U.S. team"). A plural ("delegations led by Silveira and her Angolan
// counterpart") names several.
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
	leadVerbs     = set("lead", "head")
	delegateVerbs = set("join")
	includeVerbs  = set("include", "comprise")
	delegateNouns = set("head", "leader", "chief", "member", "part")
	leadNouns     = set("head", "leader", "chief")
)

// delegation is one delegation of an article, told in one or more
// sentences.
type delegation struct {
	last      int    // the sentence that named it last
	country   string // the country its nouns name, or ""
	named     bool   // a sentence calls it a delegation (not only a team)
	led       bool   // a sentence names its leader
	moving    bool   // it is the subject of a verb of travel
	congress  bool   // a noun of it names a state's members of Congress
	to        string // its destination, or ""
	delegates []delegate
}

// delegate is a person of a delegation and the sentence that names them.
type delegate struct {
	person, sent int
	path         string // for --explain: the noun, the path and the person
}

// delegationMention is a delegation noun of a parsed sentence with the
// persons it names.
type delegationMention struct {
	noun      int
	team      bool
	definite  bool
	led       bool // a leader of it is named here
	moving    bool // it is the subject of a verb of travel
	congress  bool // a state's members of Congress ("the Alaska delegation")
	country   string
	to        string
	delegates []delegate
}

// delegationTrips returns the trips of rule "delegation" in the order the
// delegations are told.
func (c *evCtx) delegationTrips() []newsgraph.Travel {
	var groups []*delegation
	for s := range c.d.Sentences {
		if !c.formAndPerson(s, delegationForms) && !(c.formAndPerson(s, teamForms) && c.formAndPerson(s, teamCueForms)) {
			continue
		}
		es := c.anySent(s)
		if es.ss == nil {
			continue
		}
		for _, m := range c.delegationMentions(es) {
			var g *delegation
			for i := len(groups) - 1; i >= 0 && g == nil; i-- {
				h := groups[i]
				if h.last >= s || s-h.last > joinReach || m.country != "" && h.country != "" && m.country != h.country {
					continue
				}
				shared := slices.ContainsFunc(m.delegates, func(p delegate) bool {
					return slices.ContainsFunc(h.delegates, func(q delegate) bool { return q.person == p.person })
				})
				if m.definite && !(m.led && h.led) || shared {
					g = h
				}
			}
			if g == nil {
				g = &delegation{}
				groups = append(groups, g)
			}
			g.last = s
			g.named = g.named || !m.team
			g.led = g.led || m.led
			g.moving = g.moving || m.moving
			g.congress = g.congress || m.congress
			if g.country == "" {
				g.country = m.country
			}
			if g.to == "" {
				g.to = m.to
			}
			for _, p := range m.delegates {
				if !slices.ContainsFunc(g.delegates, func(q delegate) bool { return q.person == p.person }) {
					g.delegates = append(g.delegates, p)
				}
			}
		}
	}
	threshold := c.x.models.travel.Threshold
	var out []newsgraph.Travel
	for _, g := range groups {
		if !g.named && g.to == "" || (!g.led || g.congress) && !g.moving && g.to == "" {
			continue
		}
		for i, a := range g.delegates {
			for _, b := range g.delegates[i+1:] {
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
			case l == "det" && joinDeterminers[strings.ToLower(kw.Form)], l == "nmod:poss" && joinDeterminers[strings.ToLower(kw.Form)]:
				m.definite = true
			case l == "amod", l == "compound", l == "nmod:poss", l == "nmod[from]":
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
			if ss.s.Words[h].UPOS == "VERB" && c.journeyVerb(ss.lemma(h)) {
				m.moving, journey = true, h
			}
		}
		m.to = c.delegationPlace(es, n, journey)
		addArgs := func(args []evArg, how string, lead bool) {
			for _, a := range args {
				m.led = m.led || lead
				if !slices.ContainsFunc(m.delegates, func(q delegate) bool { return q.person == a.person }) {
					m.delegates = append(m.delegates, delegate{person: a.person, sent: ss.sent,
						path: fmt.Sprintf("%s [%s] %s", w.Form, how, ss.s.Words[a.word].Form)})
				}
			}
		}
		add := func(from int, how string, lead bool) { addArgs(c.chainPersons(es, from), how, lead) }
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
			case l == "nmod:poss" && ss.s.Words[k].UPOS != "PRON", l == "nmod[of]", l == "nmod[including]", l == "nmod[include]", l == "appos":
				// "Hill's delegation", "a delegation including A"; not "his
				// delegation", whose "his" is as often resolved to the
				// sentence's other man ("Burns and his delegation learned"
				// of Putin)
				add(k, ">"+l, l == "nmod:poss")
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
		// the subject "Liu and the delegation were greeted at the airport"
		if h := ss.head(n); h >= 0 && ss.label(n) == "conj" {
			if l := ss.label(h); l == "nsubj" || l == "nsubj:pass" {
				add(h, "<conj", false)
			}
		}
		// "X, head of the delegation", "A is a member of the delegation",
		// "members of the delegation include A"
		if h := ss.head(n); h >= 0 && ss.label(n) == "nmod[of]" && delegateNouns[ss.lemma(h)] {
			hl := ss.label(h)
			if g := ss.head(h); g >= 0 && hl == "appos" {
				add(g, "<nmod[of] "+ss.lemma(h)+" <appos", leadNouns[ss.lemma(h)])
			} else if lo, _ := ss.extent(h); lo > 0 && ss.s.Words[lo-1].Form == "," {
				// an apposition the parser hung apart: "Christopher Hill,
				// a member of the U.S. delegation, arrived" (member a
				// second subject)
				if b, ok := c.personAt(es, ss.s.Words[lo-1].Tok, false); ok {
					addArgs(append([]evArg{b}, c.chainPersons(es, b.word)...), "<nmod[of] "+ss.lemma(h)+" , before", leadNouns[ss.lemma(h)])
				}
			}
			for _, k := range ss.kids[h] {
				switch ss.label(k) {
				case "appos":
					add(k, "<nmod[of] "+ss.lemma(h)+" >appos", leadNouns[ss.lemma(h)])
				case "nsubj":
					if hasLabel(ss, h, "cop") {
						add(k, "<nmod[of] "+ss.lemma(h)+" >nsubj", leadNouns[ss.lemma(h)])
					}
				}
			}
			if g := ss.head(h); g >= 0 && hl == "nsubj" && includeVerbs[ss.lemma(g)] {
				for _, k := range ss.kids[g] {
					if ss.label(k) == "obj" {
						add(k, "<nmod[of] "+ss.lemma(h)+" <nsubj "+ss.lemma(g)+" >obj", false)
					}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// delegationPlace returns the destination of a delegation noun n: a place
// the noun, the verb that leads it or the verb of travel of which it is
// the subject (journey, or -1) goes to ("a delegation to Beijing", "led a
// team to Iraq", "the delegation arrived in Hong Kong", "left for New
// Delhi", "visited Beijing"), also through a visit or trip ("headed a
// delegation ... on a visit to China"); or "".
func (c *evCtx) delegationPlace(es *evSent, n, journey int) string {
	ss := es.ss
	at := []int{n}
	if h := ss.head(n); h >= 0 && ss.label(n) == "obj" && leadVerbs[ss.lemma(h)] {
		at = append(at, h)
	}
	if journey >= 0 {
		at = append(at, journey)
	}
	place := func(w int) string {
		for _, p := range es.places {
			if p.word == w {
				return p.name
			}
		}
		return ""
	}
	for _, v := range at {
		for _, k := range ss.kids[v] {
			switch l := ss.label(k); {
			case l == "nmod[to]", l == "obl[to]", v == journey && (l == "obl[in]" || l == "obl[for]" || l == "obj"):
				if p := place(k); p != "" {
					return p
				}
			case (l == "obl[on]" || l == "nmod[on]") && (ss.lemma(k) == "visit" || ss.lemma(k) == "trip"):
				for _, j := range ss.kids[k] {
					if ss.label(j) == "nmod[to]" {
						if p := place(j); p != "" {
							return p
						}
					}
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
// for New Delhi": "left" the agent) names its subject.
func (c *evCtx) chainPersons(es *evSent, w int) []evArg {
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
			switch ss.label(k) {
			case "conj", "appos", "flat", "compound", "nmod:desc", "nmod[including]", "obl[including]", "nmod[include]", "obl[include]", "nmod":
				// a bare nmod under a name is a conjunct misread ("Carlos
				// Gutierrez and Labor Secretary Elaine Chao": Chao an nmod
				// of Carlos)
				words, member = append(words, k), append(member, true)
			case "nmod[of]":
				words, member = append(words, k), append(member, false)
			}
		}
	}
	var out []evArg
	for _, a := range es.persons {
		if i := slices.Index(words, a.word); i >= 0 && member[i] && !slices.ContainsFunc(out, func(b evArg) bool { return b.person == a.person }) {
			out = append(out, a)
		}
	}
	for i := 0; i < len(out); i++ {
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

// listSep separate the names of a list; a titleToken may stand in a title
// before a name.
var listSep = set("and", ",")

func titleToken(t Token) bool { return t.Lower == "of" || isCap(t.Text) }

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

// journeyVerb says whether a verb's lemma is one of travel in the trigger
// lexicon ("arrive", "leave", "travel") or a meeting word of arriving
// ("visit").
func (c *evCtx) journeyVerb(lem string) bool {
	for _, e := range c.x.lex.entries(lem, "VERB") {
		if e.Relation == relTravel || e.Relation == relMeet && slices.Contains(e.Frames, "Arriving") {
			return true
		}
	}
	return false
}

package extract

import (
	"slices"
	"strings"
)

// Rule "modality" (the one rule of the event layer about whether an event
// happened). GUIDELINES.md leaves out negated and hypothetical meetings
// ("refused to meet", "would meet if"), and a strike that was called off
// or only threatened hit nothing. The cues are data: modality.jsonl, built
// from PETRARCH2's CAMEO codes (036 intent, 125 reject, 164 halt talks,
// 138 threaten) with a few curated entries. A trigger is ruled out when,
// in its verb chain (the trigger, the light verb of a noun trigger, and
// up to three verbs or nouns it is the complement of: "refused to meet",
// "declined an invitation to meet", "called off the talks"):
//   - a word has a "not" or "never" cue (negated), except "not only"
//     (focusNot) and a negation of the clause an adverbial clause hangs
//     on ("We do not agree with what Russia is doing, bombarding Aleppo":
//     the bombing is not denied), or "nor" joins its clause ("nor did I
//     ever meet with him"; not a noun: "neither the bombing of Aleppo
//     nor the shelling of Idlib has stopped" denies neither), or its
//     subject is names joined by "nor" ("Neither Trump Jr. nor Guilfoyle
//     traveled"), or it is "has yet to" or "is yet to" (rule "yet to";
//     not reached from a topic, concession or time phrase: "has yet to
//     comment on his meeting", "has yet to commit despite meeting with
//     Ellison"; reached from a purpose: "has yet to sit down for talks"),
//   - a governing word is a cue verb of class negated or cancelled,
//   - the clause is conditional ("if", or an if-clause under it:
//     hypothetical), or, for attacks, a
//     governing word is a hypothetical cue ("vowed to strike"),
//   - the event is only possible or owed: a modal auxiliary of class
//     possible ("could strike", "should travel"), an open question
//     ("whether they will meet"), "willing to meet", "a possible meeting".
// Planned meetings are not ruled out: "will meet", "is due to meet" stay,
// and the planned model and rule "stated plan" give their status.

// modalityRule returns the cue that rules the trigger at word t out, or "".
func (c *evCtx) modalityRule(ss *synSent, t int, attack bool) string {
	has := c.x.lex.is
	v := t
	from := -1         // the word the walk came up from
	viaPhrase := false // the walk came up from a topic, concession or time phrase
	for step := 0; v >= 0 && step < 5; step++ {
		w := ss.s.Words[v]
		lem := strings.ToLower(w.Lemma)
		for _, k := range ss.kids[v] {
			if ss.s.Words[k].Deprel == "compound:prt" {
				lem += " " + ss.lemma(k) // "call off"
			}
		}
		if v != t {
			if has(lem, "negated") || has(lem, "cancelled") || has(lem, "possible") {
				return lem
			}
			if attack && has(lem, "hypothetical") && w.UPOS == "VERB" {
				return lem
			}
		}
		for _, k := range ss.kids[v] {
			kw := ss.s.Words[k]
			kl := strings.ToLower(kw.Lemma)
			switch kw.Deprel {
			case "advmod", "neg":
				// an adverbial clause with no subordinator ("..., bombarding
				// Aleppo") is not denied with its head; a purpose clause is
				// ("did not travel to Paris to meet him")
				if has(kl, "negated") && (focusNot(ss, k) || from >= 0 && ss.label(from) == "advcl") {
					continue
				}
				if has(kl, "negated") || has(kl, "possible") {
					return kl
				}
				if yetTo(ss, k) && !viaPhrase {
					// not "has yet to comment on his meeting": the walk
					// came up from the meeting's phrase, not its clause
					return "yet to"
				}
			case "cc":
				// "nor did I ever meet with him": a clause joined by "nor"
				// is denied; a noun joined by it is not ("neither the
				// bombing of Aleppo nor the shelling of Idlib has stopped")
				if cue := negatedCC(ss, k, has); cue != "" && clauseHead(ss, v) {
					return cue
				}
			case "nsubj", "nsubj:pass":
				// "Neither Trump Jr. nor Guilfoyle traveled with the
				// president": a subject of joined names with "nor" denies
				// the verb ("nor" between objects or other names does not
				// reach here)
				if cue := norSubject(ss, k, has); cue != "" {
					return cue
				}
			case "mark":
				if has(kl, "hypothetical") || has(kl, "possible") {
					return kl
				}
			case "aux", "amod":
				if has(kl, "possible") {
					return kl
				}
			}
			// an if-clause under the verb or under one of its arguments
			// ("would meet X if the meeting was confirmed")
			if cue := c.ifClauseUnder(ss, k); cue != "" {
				return cue
			}
		}
		switch w.Deprel {
		case "compound":
			// a noun before the event's noun: "canceled a planned summit
			// meeting" (not "the summit transcript", "the attack suspect")
			if h := ss.head(v); h < 0 || len(c.x.lex.entries(ss.lemma(h), "NOUN")) == 0 {
				return ""
			}
		case "xcomp", "ccomp", "obj", "nsubj:pass", "acl", "acl:relcl", "csubj", "advcl":
			// the trigger is the complement or the object of the next word up
		default:
			if !(step == 0 && strings.HasPrefix(w.Deprel, "obl")) {
				return ""
			}
		}
		switch ss.label(v) {
		case "obl[on]", "obl[about]", "obl[over]", "obl[regarding]", "nmod[on]", "nmod[about]",
			"obl[despite]", "advcl[despite]", "obl[after]", "advcl[after]", "obl[before]", "advcl[before]", "advcl[since]", "advcl[while]", "advcl[although]":
			// the topic of a word above ("comment on his meeting") or a
			// concession or time beside it ("has yet to commit to a run
			// despite meeting with Ellison last week"), not a purpose ("sit
			// down for talks", "travel to Moscow for talks")
			viaPhrase = true
		}
		from = v
		v = ss.head(v)
	}
	return ""
}

// clauseHead says whether word v heads a clause: a verb, an auxiliary, or
// a word with a copula.
func clauseHead(ss *synSent, v int) bool {
	switch ss.s.Words[v].UPOS {
	case "VERB", "AUX":
		return true
	}
	for _, k := range ss.kids[v] {
		if ss.s.Words[k].Deprel == "cop" {
			return true
		}
	}
	return false
}

// norSubject returns the negation cue ("nor") joining a conjunct of the
// subject k, or "".
func norSubject(ss *synSent, k int, has func(string, string) bool) string {
	for _, c := range ss.kids[k] {
		if ss.s.Words[c].Deprel == "conj" {
			for _, m := range ss.kids[c] {
				if cue := negatedCC(ss, m, has); cue != "" {
					return cue
				}
			}
		}
	}
	return ""
}

// negatedCC returns the lemma of word m when it is a coordinating
// conjunction that negates ("nor"), else "".
func negatedCC(ss *synSent, m int, has func(string, string) bool) string {
	if ml := ss.lemma(m); ss.s.Words[m].Deprel == "cc" && has(ml, "negated") {
		return ml
	}
	return ""
}

// yetTo is rule "yet to": "has yet to meet", "is yet to hold talks" say
// the event has not happened. The adverb "yet" (word k) between a form of
// "have" or "be" and "to" denies the verb group it hangs in, however the
// parser hangs it ("has" with the meeting as its clause, or the meeting's
// verb with "is" as its copula); "yet" elsewhere ("has met him yet", "yet
// he met her") does not.
func yetTo(ss *synSent, k int) bool {
	if ss.lemma(k) != "yet" || k == 0 || k+1 >= len(ss.s.Words) || ss.lemma(k+1) != "to" {
		return false
	}
	switch ss.lemma(k - 1) {
	case "have", "be":
		return true
	}
	return false
}

// focusNot is rule "not only": "not" before a focus adverb ("not only the
// bombing of Hiroshima but the firebombing of Tokyo", "not just Aleppo")
// adds, it does not deny.
func focusNot(ss *synSent, k int) bool {
	if ss.lemma(k) != "not" || k+1 >= len(ss.s.Words) {
		return false
	}
	switch ss.lemma(k + 1) {
	case "only", "just", "merely", "simply":
		return true
	}
	return false
}

// ifClauseUnder looks for a conditional clause in the phrase headed by k,
// without entering relative clauses, reported speech or other sentences
// run together.
func (c *evCtx) ifClauseUnder(ss *synSent, k int) string {
	if cue := ifClause(c.x.lex, ss, k); cue != "" {
		return cue
	}
	switch strings.SplitN(ss.s.Words[k].Deprel, ":", 2)[0] {
	case "acl", "ccomp", "parataxis", "conj":
		return ""
	}
	for _, g := range ss.kids[k] {
		if cue := c.ifClauseUnder(ss, g); cue != "" {
			return cue
		}
	}
	return ""
}

// ifClause returns the subordinator when word k heads an adverbial clause
// whose subordinator is a hypothetical cue ("if", "unless"), else "".
func ifClause(lex *lexicon, ss *synSent, k int) string {
	if !strings.HasPrefix(ss.s.Words[k].Deprel, "advcl") {
		return ""
	}
	for _, m := range ss.kids[k] {
		if ml := ss.lemma(m); ss.s.Words[m].Deprel == "mark" && lex.is(ml, "hypothetical") {
			return ml
		}
	}
	return ""
}

// Rule "stated plan". GUIDELINES.md names the wordings of a planned
// meeting: "will meet", "is set to", "plans to", "is due to", "expected",
// "scheduled". When the trigger's verb group says so, the meeting is
// planned whatever the status model scores; the rule returns the cue,
// else "". The verb group is the trigger, or for a noun trigger its light
// verb (a support verb of the trigger's lexicon entry: "will hold talks",
// not "will remember the meeting"), and the verbs it is the to-complement
// of, up to three steps ("is expected to hold talks", "plans to meet",
// with "plans" read as a noun too, "planned to travel to Jerusalem to
// discuss"); a verb with a particle is no plan ("set off to meet"). A
// noun trigger that is the object of a plan word is planned too ("plans
// talks with", "scheduled a meeting", "the summit is set for June"). A
// noun's modifiers ("the planned meeting") are left to the model, which
// reads them (mod= features): "the planned meeting took place" was held. The wordings are GUIDELINES.md's, not the
// lexicon's whole planned class, which also holds "ask", "want" and
// "seek": wishes, not schedules. A time clause in the present tense under
// a clause with "will" tells a future event too (rule "future clause"
// below).
func (c *evCtx) statedPlan(ss *synSent, t int) string {
	v := t
	if w := ss.s.Words[t]; w.UPOS == "NOUN" || w.UPOS == "PROPN" {
		v = -1
		h := ss.head(t)
		if h >= 0 && (w.Deprel == "obj" || w.Deprel == "nsubj:pass") {
			// "plans talks with", "scheduled a meeting", "the summit is
			// set for June": the plan word takes the event as its object
			if planWords[ss.lemma(h)] && !hasParticle(ss, h) {
				return ss.lemma(h)
			}
			if c.lightVerb(ss, t, h) {
				v = h
			}
		}
		// rule "a journey's purpose": "Maliki arrives in Amman for talks
		// with Bush", "will fly to Kyiv for a meeting with": the talks are
		// still to come when the journey is told in the present or the
		// future; not told in the past ("Prodi flew into southern Albania
		// for talks with Fino", "Bush, who visited Jordan last month for
		// talks with Maliki")
		if l := ss.label(t); h >= 0 && (l == "obl[for]" || l == "nmod[for]") && c.journeyWord(ss, h) {
			if x := ss.s.Words[h].XPOS; x != "VBD" && x != "VBN" {
				return "for"
			}
		}
	}
	for step := 0; v >= 0 && step < 4; step++ {
		av := auxHost(ss, v)
		for _, k := range ss.kids[av] {
			if ss.s.Words[k].Deprel == "aux" && (ss.lemma(k) == "will" || ss.lemma(k) == "shall") {
				return ss.lemma(k)
			}
		}
		if step == 0 && wouldPlan(ss, av) {
			return "would"
		}
		if beTo(ss, v) {
			return "be to"
		}
		switch ss.label(v) {
		case "xcomp", "acl[to]", "advcl[to]":
			// also a purpose clause: its head's plan is the plan ("planned
			// to travel to Jerusalem to discuss"); the parser hangs "is due
			// to meet" there too
			if h := ss.head(v); h >= 0 && planWords[ss.lemma(h)] && !hasParticle(ss, h) {
				return ss.lemma(h)
			}
		case "advcl[when]", "advcl[once]", "advcl[after]", "advcl[before]", "advcl[until]", "advcl", "acl:relcl":
			return futureClause(ss, v)
		default:
			return ""
		}
		v = ss.head(v)
	}
	return ""
}

// auxHost returns the verb whose auxiliaries are verb v's: v itself, or
// for a verb conjoined to another with neither auxiliary nor subject of
// its own, that verb ("Kamal would on Wednesday attend briefings ... and
// hold talks with President Ong": "hold" shares "would"; "will visit Japan
// and hold talks with Abe").
func auxHost(ss *synSent, v int) int {
	if ss.s.Words[v].Deprel != "conj" {
		return v
	}
	h := ss.head(v)
	if h < 0 || ss.s.Words[h].UPOS != "VERB" {
		return v
	}
	for _, k := range ss.kids[v] {
		if dr := ss.s.Words[k].Deprel; dr == "aux" || strings.HasPrefix(dr, "nsubj") {
			return v
		}
	}
	return h
}

// wouldPlan is rule "would": the event's own verb with "would" tells a
// future told in the past ("Interfax reported earlier that Rybkin would
// meet with President Aslan Maskhadov", "Kamal would on Wednesday ... hold
// talks"); a condition ("would meet if") is rule "modality"'s, and "would
// have met" did not happen. A wish ("would like to meet") is no plan: the
// "would" is then another verb's, which this reads only for the event's.
func wouldPlan(ss *synSent, v int) bool {
	would := false
	for _, k := range ss.kids[v] {
		if ss.s.Words[k].Deprel == "aux" {
			switch ss.lemma(k) {
			case "would":
				would = true
			case "have":
				return false
			}
		}
	}
	return would
}

// journeyWord says whether word w is a travel word of the lexicon or a
// meet word of FrameNet's Arriving frame ("visit").
func (c *evCtx) journeyWord(ss *synSent, w int) bool {
	for _, e := range c.x.lex.entries(ss.lemma(w), ss.s.Words[w].UPOS) {
		if e.Relation == relTravel || e.Relation == relMeet && slices.Contains(e.Frames, "Arriving") {
			return true
		}
	}
	return false
}

// beTo is rule "be to": "X is to meet Y", "are to hold talks", the future
// of arrangements (the parser hangs "is" on the verb as its copula or
// auxiliary beside the "to"), as "is due to"; not "was to have met",
// which did not happen.
func beTo(ss *synSent, v int) bool {
	be, to := false, false
	for _, k := range ss.kids[v] {
		switch dr, l := ss.s.Words[k].Deprel, ss.lemma(k); {
		case (dr == "cop" || dr == "aux") && l == "be":
			be = true
		case dr == "mark" && l == "to":
			to = true
		case dr == "aux" && l == "have":
			return false
		case strings.HasPrefix(dr, "nsubj") && ss.s.Words[k].UPOS == "NOUN" && !headNouns[ss.lemma(k)] && !headNouns[strings.ToLower(ss.s.Words[k].Form)]:
			// "The aim of the trip is to meet Macron": an infinitive
			// that says what a thing is, not who will meet; a person's
			// description may ("the two ministers were to meet")
			return false
		}
	}
	return be && to
}

// lightVerb says whether verb h is a light verb of the noun trigger t: a
// support verb one of its lexicon entries lists ("hold talks", "pay a
// visit").
func (c *evCtx) lightVerb(ss *synSent, t, h int) bool {
	lv := ss.lemma(h)
	for _, e := range c.x.lex.entries(ss.lemma(t), ss.s.Words[t].UPOS) {
		if e.supports(lv) {
			return true
		}
	}
	return false
}

// hasParticle says whether verb v has a particle ("set off", "set out":
// departures, not plans).
func hasParticle(ss *synSent, v int) bool {
	for _, k := range ss.kids[v] {
		if ss.s.Words[k].Deprel == "compound:prt" {
			return true
		}
	}
	return false
}

// Rule "future clause": English tells a future event in a time clause in
// the present tense under a clause with "will": "Trade will be a topic of
// discussion when the president meets with Xi", "will brief reporters
// after he meets Macron". The clause opens with a time word (timeWords,
// as its mark or, as the parser often reads "when", its adverb), hung on
// its head as an adverbial or relative clause ("will describe the moment
// when he meets Macron"); the "will" is on the predicate the clause hangs
// from, or on the predicate of the noun it hangs from ("a topic of
// discussion when ..."). "Whenever" is habit, not plan. futureClause
// returns "will" or "shall", else "".
func futureClause(ss *synSent, v int) string {
	if x := ss.s.Words[v].XPOS; x != "VBZ" && x != "VBP" {
		return ""
	}
	timed := false
	for _, k := range ss.kids[v] {
		if dr := ss.s.Words[k].Deprel; (dr == "mark" || dr == "advmod") && timeWords[ss.lemma(k)] && k < v {
			timed = true
		}
	}
	if !timed {
		return ""
	}
	for h, step := ss.head(v), 0; h >= 0 && step < 3; h, step = ss.head(h), step+1 {
		for _, k := range ss.kids[h] {
			if ss.s.Words[k].Deprel == "aux" && (ss.lemma(k) == "will" || ss.lemma(k) == "shall") {
				return ss.lemma(k)
			}
		}
		if ss.s.Words[h].UPOS == "VERB" || hasLabel(ss, h, "cop") {
			return "" // the predicate above says no "will"
		}
	}
	return ""
}

// timeWords open a time clause.
var timeWords = set("when", "once", "after", "before", "until")

// planWords are GUIDELINES.md's wordings of a planned meeting, as the
// lemmas of the word a trigger is the to-complement of ("plans to meet",
// "is set to", "is due to", "is expected to", "is scheduled to", "is
// slated to") or, for a noun trigger, the object of ("plans talks",
// "scheduled a meeting"; "set up a meeting", with its particle, is left to
// the model).
var planWords = set("plan", "set", "due", "expect", "schedule", "slate", "agree")

package extract

import (
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/classify"
)

// Features of candidates. Every feature is a string "name=value"; the
// models' weights say how much each counts, and --explain shows the
// strongest. Nothing here names a person, a place or an article.

// triggerFeatures describes the trigger word and the clause it sits in:
// its lemma and senses, the verb group above it (auxiliaries, negation,
// the verbs it is the complement of: "plans to meet", "refused to meet"),
// tense, the light verb of a noun trigger ("held talks"), the other
// trigger senses of the sentence (a call, a match, a labour strike) and
// the sentence's content words.
//
// The sentence's content words (bag) are read for travel and attacks but
// not for meetings: learned from a few hundred meetings, their weights
// outweighed the arguments ("sw=drug -0.71" against "when he met Duterte
// on Monday"), and without them the meet model ranks unseen news better
// (average precision 0.566 -> 0.584 on the team's dev articles).
func (c *evCtx) triggerFeatures(f *classify.Features, es *evSent, t evTrig, bag bool) {
	ss := es.ss
	w := ss.s.Words[t.word]
	lem := strings.ToLower(w.Lemma)
	f.Add("bias")
	f.Addf("t", lem+"/"+w.UPOS)
	f.Addf("tx", w.XPOS)
	if t.via >= 0 {
		f.Addf("via", ss.lemma(t.via))
	}
	for _, e := range t.entries {
		f.Addf("tr", e.Relation)
		if e.Sense != "" {
			f.Addf("ts", e.Sense)
		}
		f.Addf("tk", e.Kind)
		if e.Weapon != "" {
			f.Addf("tw", e.Weapon)
		}
	}
	// the verb group: the trigger and the verbs it complements, up to
	// three steps ("is expected to hold talks")
	v := t.word
	if w.UPOS == "NOUN" || w.UPOS == "PROPN" {
		if h := ss.head(v); h >= 0 {
			dr := ss.s.Words[v].Deprel
			f.Addf("nrel", ss.label(v))
			if dr == "obj" || dr == "nsubj:pass" || dr == "nsubj" || strings.HasPrefix(dr, "obl") {
				lv := ss.lemma(h)
				f.Addf("lv", lv)
				for _, e := range t.entries {
					if e.supports(lv) {
						f.Add("lvsupport")
					}
				}
				v = h
			}
		}
		for _, k := range ss.kids[t.word] {
			switch ss.s.Words[k].Deprel {
			case "det", "nmod:poss":
				f.Addf("ndet", ss.lemma(k))
			case "amod", "compound":
				f.Addf("nmod", ss.lemma(k))
				// "their planned meeting", "the upcoming summit"
				for _, cl := range c.x.lex.modal[ss.lemma(k)] {
					f.Addf("mod", cl)
				}
			}
		}
	}
	for step := 0; v >= 0 && step < 4; step++ {
		vw := ss.s.Words[v]
		if step > 0 {
			f.Addf("gov", strings.ToLower(vw.Lemma))
			for _, cl := range c.x.lex.modal[strings.ToLower(vw.Lemma)] {
				f.Addf("mod", cl)
			}
		}
		f.Addf("vx"+strconv.Itoa(step), vw.XPOS)
		for _, k := range ss.kids[v] {
			kw := ss.s.Words[k]
			kl := strings.ToLower(kw.Lemma)
			switch {
			case kw.Deprel == "aux" || kw.Deprel == "aux:pass":
				f.Addf("aux", kl)
				for _, cl := range c.x.lex.modal[kl] {
					f.Addf("mod", cl)
				}
			case kw.Deprel == "advmod" && c.x.lex.is(kl, "negated"):
				f.Add("neg")
			case kw.Deprel == "mark":
				f.Addf("mark", kl)
			case kw.Deprel == "advmod" || kw.Deprel == "obl:tmod" || kw.Deprel == "obl:npmod":
				f.Addf("adv", kl)
			}
		}
		dr := vw.Deprel
		if dr != "xcomp" && dr != "ccomp" && dr != "advcl" && dr != "csubj" && dr != "acl" && dr != "acl:relcl" && dr != "conj" {
			f.Addf("top", dr)
			break
		}
		f.Addf("up", dr)
		v = ss.head(v)
	}
	// which dependents of the trigger (and of its light verb) are persons:
	// "received [a letter]" is no meeting, "received [the minister]" is
	for _, pa := range es.persons {
		g := groupHead(ss, pa.word)
		switch h := ss.head(g); {
		case h == t.word:
			f.Addf("pdep", ss.label(g))
		case h >= 0 && h == ss.head(t.word) && h != t.word:
			f.Addf("phead", ss.label(g))
		}
	}
	// other trigger senses in the sentence and the sentence's words
	for _, o := range es.trigs {
		if o.word == t.word {
			continue
		}
		for _, e := range o.entries {
			f.Addf("srel", e.Relation)
		}
	}
	for i, sw := range ss.s.Words {
		switch sw.UPOS {
		case "NOUN", "VERB", "ADJ":
			if i != t.word {
				if bag {
					f.Addf("sw", strings.ToLower(sw.Lemma))
				}
			}
		}
	}
	if es.ss.sent == 0 {
		f.Add("title")
	}
}

// triggerIdentity says which trigger the arguments are read from, for the
// argument models (which roles a path gives depends on the word).
func (c *evCtx) triggerIdentity(f *classify.Features, ss *synSent, t evTrig) {
	f.Add("bias")
	f.Addf("t", ss.lemma(t.word)+"/"+ss.s.Words[t.word].UPOS)
	for _, e := range t.entries {
		f.Addf("tk", e.Relation+"/"+e.Kind)
	}
	if t.via >= 0 {
		f.Addf("via", ss.lemma(t.via))
	}
}

// argFeatures describes one argument's path from the trigger: the first
// and last arcs (how the trigger reaches it and how it attaches), the
// whole path when short, and the role the lexicon gives a direct
// dependent ("nsubj" of meet: participant; "obl[by]" of accompany:
// traveller).
func (c *evCtx) argFeatures(f *classify.Features, ss *synSent, t evTrig, a int, pre string) string {
	up, top, down := ss.path(t.word, a)
	n := len(up) + len(down)
	p := ss.pathString(t.word, a, false)
	if n <= 3 {
		f.Addf(pre+"p", p)
	} else {
		f.Addf(pre+"p", "long")
	}
	f.Addf(pre+"n", strconv.Itoa(min(n, 5)))
	first, last := "", ""
	if len(up) > 0 {
		first = "<" + ss.label(up[0])
	} else if len(down) > 0 {
		first = ">" + ss.label(down[0])
	}
	if len(down) > 0 {
		last = ">" + ss.label(down[len(down)-1])
	} else if len(up) > 0 {
		last = "<" + ss.label(up[len(up)-1])
	}
	f.Addf(pre+"first", first)
	f.Addf(pre+"last", last)
	if len(up) > 0 {
		f.Add(pre + "above") // the argument governs the trigger's clause
		// the word above both and how the argument hangs from it: the
		// subject of "want" to meet meets, the subject of "tapped" X to
		// meet, of "accused" X of meeting or of "said" does not
		if top >= 0 && len(down) > 0 {
			f.Addf(pre+"topv", ss.lemma(top)+">"+ss.label(down[0]))
		}
	}
	// clauses crossed on the way: up out of the trigger's clause, down
	// into another one (a conjoined predicate, an adverbial or complement
	// clause, a relative clause)
	xu, xd := 0, 0
	for _, w := range up {
		if clauseArc(ss, w) {
			xu++
		}
	}
	for _, w := range down {
		if clauseArc(ss, w) {
			xd++
		}
	}
	f.Addf(pre+"xc", strconv.Itoa(min(xu, 2))+"/"+strconv.Itoa(min(xd, 2)))
	// the role the lexicon gives the trigger's dependent on the path (the
	// argument itself, or the phrase holding it: "struck [the oilfields]
	// at Nowruz")
	role := "-"
	if len(up) == 0 && len(down) > 0 {
		if r := lexRole(ss, t, down[0]); r != "" {
			role = r
		}
		if len(down) > 1 {
			role += "+" + ss.label(down[len(down)-1])
		}
	}
	f.Addf(pre+"role", role)
	return p
}

// clauseArc says whether word w heads a clause of its own under its head.
func clauseArc(ss *synSent, w int) bool {
	dr := ss.s.Words[w].Deprel
	switch strings.SplitN(dr, ":", 2)[0] {
	case "advcl", "ccomp", "xcomp", "parataxis", "acl", "csubj":
		return true
	case "conj":
		u := ss.s.Words[w].UPOS
		return u == "VERB" || u == "AUX"
	}
	return false
}

func distBucket(n int) string {
	switch {
	case n <= 2:
		return "0-2"
	case n <= 5:
		return "3-5"
	case n <= 10:
		return "6-10"
	case n <= 20:
		return "11-20"
	}
	return "21+"
}

// Patterns of GUIDELINES.md, as features the models weigh: a trip together
// is "X arrived alongside Y", "X was accompanied by Y", "X travelled with
// Y", "X and Y flew to Z", "X was in Z along with Y" (a delegation); a
// strike hits "X struck Y", "Y was shelled", "the cities of Y", "an
// airstrike on Y".

// comitative says whether word w is a with-, alongside-, along-with- or
// together-with-phrase.
func comitative(ss *synSent, w int) bool {
	dr := strings.SplitN(ss.s.Words[w].Deprel, ":", 2)[0]
	if dr != "obl" && dr != "nmod" {
		return false
	}
	for _, k := range ss.kids[w] {
		if ss.s.Words[k].Deprel != "case" {
			continue
		}
		switch ss.lemma(k) {
		case "with", "alongside", "along", "together":
			return true
		}
	}
	return false
}

// groupHead walks up from w through the members of a group ("X and Y",
// "X, the minister") to the word that heads it.
func groupHead(ss *synSent, w int) int {
	for w >= 0 {
		switch ss.s.Words[w].Deprel {
		case "conj", "appos", "flat":
			w = ss.head(w)
		default:
			return w
		}
	}
	return w
}

// travelPattern names the trip pattern persons a and b fill around the
// trigger, or "".
func travelPattern(ss *synSent, t evTrig, a, b int) string {
	ha, hb := groupHead(ss, a), groupHead(ss, b)
	v := t.word
	subj := func(h int) bool {
		return ss.head(h) == v && strings.HasPrefix(ss.s.Words[h].Deprel, "nsubj")
	}
	for _, p := range [][2]int{{ha, hb}, {hb, ha}} {
		x, y := p[0], p[1]
		if subj(x) && ss.head(y) == v && comitative(ss, y) {
			return "comitative"
		}
		if subj(x) && ss.head(y) == v && (ss.s.Words[y].Deprel == "obl:agent" || ss.s.Words[y].Deprel == "obj") && ss.s.Words[v].UPOS == "VERB" {
			for _, e := range t.entries {
				if e.Lemma == "accompany" || e.Lemma == "escort" {
					return "accompanied"
				}
			}
		}
	}
	// "X, accompanied by Y, flew to Z", "X, who was accompanied by Y,":
	// the participle or relative clause modifies the traveller
	if dr := ss.s.Words[v].Deprel; dr == "acl" || dr == "acl:relcl" || dr == "advcl" {
		for _, p := range [][3]int{{a, ha, hb}, {b, hb, ha}} {
			x, gx, y := p[0], p[1], p[2]
			if (ss.head(v) == x || ss.head(v) == gx) && ss.head(y) == v && (strings.HasPrefix(ss.s.Words[y].Deprel, "obl:agent") || ss.label(y) == "obl[by]") {
				for _, e := range t.entries {
					if e.Lemma == "accompany" || e.Lemma == "escort" {
						return "accompanied"
					}
				}
			}
		}
	}
	if ha == hb && subj(ha) && a != b {
		return "co-subjects"
	}
	return ""
}

// targetPattern names the strike pattern of place p around the trigger,
// or "".
func targetPattern(ss *synSent, t evTrig, p int) string {
	h := groupHead(ss, p)
	// "the cities of Sumy and Kryvyi Rih": the place names what was hit
	if ss.s.Words[h].Deprel == "nmod" && ss.head(h) >= 0 {
		for _, k := range ss.kids[h] {
			if ss.s.Words[k].Deprel == "case" && ss.lemma(k) == "of" {
				h = ss.head(h)
			}
		}
	}
	if ss.head(h) != t.word {
		return ""
	}
	switch dr := ss.s.Words[h].Deprel; {
	case dr == "obj" || dr == "nsubj:pass":
		return "hit"
	case strings.HasPrefix(dr, "nmod") || strings.HasPrefix(dr, "obl"):
		for _, k := range ss.kids[h] {
			if ss.s.Words[k].Deprel == "case" {
				switch ss.lemma(k) {
				case "on", "against", "at", "in":
					return "on"
				}
			}
		}
	}
	return ""
}

// gramClass says what an argument is to the trigger's clause: S a subject
// or passive agent, O an object or a with/between/to phrase, P a
// possessor ("his visit"), X anything else; prefixed T when the path goes
// down from the trigger itself, U when from a word above it (a light verb,
// the verb the trigger complements).
func gramClass(ss *synSent, t, a int) string {
	up, _, down := ss.path(t, a)
	where := "T"
	if len(up) > 0 {
		where = "U"
	}
	if len(down) == 0 {
		return where + "X"
	}
	l := ss.label(down[0])
	c := "X"
	switch {
	case strings.HasPrefix(l, "nsubj"), strings.HasPrefix(l, "obl:agent"), l == "obl[by]":
		c = "S"
	case l == "obj", l == "iobj", strings.HasPrefix(l, "obl[with]"), strings.HasPrefix(l, "nmod[with]"),
		strings.HasPrefix(l, "nmod[between]"), strings.HasPrefix(l, "obl[between]"), l == "obl[to]", l == "nmod[to]":
		c = "O"
	case strings.HasPrefix(l, "nmod:poss"):
		c = "P"
	}
	return where + c
}

// lexRole returns the role the lexicon entries give the dependent w of
// the trigger: its syntax map is keyed by UD relations with the
// preposition after a colon ("obl:with", "nmod:poss", "obl:agent"). A
// comitative with-phrase ("flew with X", "met with X") is a companion of
// travel and a participant of a meeting when the entry does not say.
func lexRole(ss *synSent, t evTrig, w int) string {
	dr := ss.s.Words[w].Deprel
	prep := ""
	for _, k := range ss.kids[w] {
		if kd := ss.s.Words[k].Deprel; kd == "case" || kd == "mark" {
			prep = ss.lemma(k)
			break
		}
	}
	if t.via >= 0 && ss.head(t.via) == w {
		return "companion" // "alongside X", "along with X"
	}
	for _, e := range t.entries {
		if prep != "" {
			if r, ok := e.Syntax[dr+":"+prep]; ok {
				return r
			}
		}
		if r, ok := e.Syntax[dr]; ok {
			return r
		}
		if t.via >= 0 && strings.HasPrefix(dr, "nsubj") {
			return "traveller"
		}
	}
	if prep == "with" && (strings.HasPrefix(dr, "obl") || strings.HasPrefix(dr, "nmod")) {
		for _, e := range t.entries {
			switch e.Relation {
			case relTravel:
				return "companion"
			case relMeet:
				return "participant"
			}
		}
	}
	return ""
}

// effectiveRole is the role the lexicon gives the trigger's dependent on
// the way to argument a, when the rest of the way only walks through the
// members of one group ("X and Y", "X, the minister", "Prime Minister X"):
// "traveller" for both subjects of "X and Y flew". Otherwise "-".
func effectiveRole(ss *synSent, t evTrig, a int) string {
	if d := ss.groupDown(t.word, a); d >= 0 {
		if r := lexRole(ss, t, d); r != "" {
			return r
		}
	}
	return "-"
}

// pairFeatures fills the features of a meet or travel candidate.
func (c *evCtx) pairFeatures(cd *Candidate, es *evSent, t evTrig, rel string, a, b evArg) {
	c.triggerFeatures(&cd.T, es, t, rel != candMeet)
	f := &cd.F
	ss := es.ss
	c.triggerIdentity(f, ss, t)
	pa := c.argFeatures(f, ss, t, a.word, "a")
	pb := c.argFeatures(f, ss, t, b.word, "a")
	if pa > pb {
		pa, pb = pb, pa
	}
	if len(pa)+len(pb) < 40 {
		f.Addf("pp", pa+"|"+pb)
	}
	ga, gb := gramClass(ss, t.word, a.word), gramClass(ss, t.word, b.word)
	if ga > gb {
		ga, gb = gb, ga
	}
	f.Addf("gp", ga+"|"+gb)
	f.Addf("gp2", ga[1:]+"|"+gb[1:])
	ra, rb := effectiveRole(ss, t, a.word), effectiveRole(ss, t, b.word)
	if ra > rb {
		ra, rb = rb, ra
	}
	f.Addf("rr", ra+"|"+rb)
	f.Addf("rrt", rel+":"+ra+"|"+rb)
	if rel == candTravel {
		if r := travelPattern(ss, t, a.word, b.word); r != "" {
			f.Addf("pattern", r)
			cd.Pattern = r
		}
	}
	abN := ss.pathLen(a.word, b.word)
	switch {
	case a.word == b.word:
		f.Add("ab=same")
	case abN <= 2:
		f.Addf("ab", ss.pathString(a.word, b.word, false))
	default:
		f.Addf("ab", "n"+strconv.Itoa(min(abN, 6)))
	}
	ka, kb := a.kind, b.kind
	if ka > kb {
		ka, kb = kb, ka
	}
	f.Addf("kinds", ka+"|"+kb)
	f.Addf("dist", distBucket(b.tok0-a.tok1))
	pos := func(x evArg) string {
		if x.word < t.word {
			return "L"
		}
		return "R"
	}
	f.Addf("sides", pos(a)+pos(b))
	for _, x := range []evArg{a, b} {
		p := c.d.Persons[x.person]
		if p.Role != "" {
			for _, rw := range strings.Fields(strings.ToLower(p.Role)) {
				f.Addf("role", rw)
			}
		} else {
			f.Add("norole")
		}
		if len(strings.Fields(p.Name)) == 1 {
			f.Add("onename")
		}
	}
	ca, cb := c.d.Persons[a.person].Country, c.d.Persons[b.person].Country
	switch {
	case ca == "" || cb == "":
		f.Add("cty=unknown")
	case ca == cb:
		f.Add("cty=same")
	default:
		f.Add("cty=differ")
	}
}

// targetFeatures fills the features of an attack candidate: a place that
// an attack trigger may have hit.
func (c *evCtx) targetFeatures(cd *Candidate, es *evSent, t evTrig, p evArg) {
	c.triggerFeatures(&cd.T, es, t, true)
	f := &cd.F
	c.triggerIdentity(f, es.ss, t)
	c.argFeatures(f, es.ss, t, p.word, "")
	if r := targetPattern(es.ss, t, p.word); r != "" {
		f.Addf("pattern", r)
	}
	f.Addf("pk", p.kind)
	if p.country == "" {
		f.Add("pcty=unknown")
	}
	actors := 0
	for _, a := range es.actors {
		if !readState(a.kind) && es.ss.pathLen(t.word, a.word) <= maxArcs {
			actors++
			if a.name == p.country {
				f.Add("actor=placecountry")
			}
		}
	}
	f.Addf("actors", strconv.Itoa(min(actors, 3)))
}

// attackerFeatures fills the features of an attacker candidate: a state or
// group that may have carried out the attack of trigger t ("Russian
// missiles", "Israel struck", "strikes by the coalition", "Hamas fired").
func (c *evCtx) attackerFeatures(cd *Candidate, es *evSent, t evTrig, a evArg) {
	f := &cd.F
	ss := es.ss
	f.Add("bias")
	f.Addf("t", ss.lemma(t.word)+"/"+ss.s.Words[t.word].UPOS)
	for _, e := range t.entries {
		f.Addf("tk", e.Relation+"/"+e.Kind)
	}
	f.Addf("kind", a.kind)
	if a.kind == "leader" || a.kind == "agency" {
		f.Addf("role", a.kind+"/"+a.reading) // "leader/gov", "agency/spy"
	}
	if a.kind == "forces" {
		f.Addf("forces", a.reading)                                  // "told/mil", "home/gov"
		f.Addf("forcesn", strings.ToLower(ss.s.Words[a.word].Lemma)) // "regime", "army"
	}
	c.argFeatures(f, ss, t, a.word, "")
	g := gramClass(ss, t.word, a.word)
	f.Addf("g", g)
	f.Addf("kg", a.kind+":"+g)
	if ss.head(a.word) == t.word {
		f.Addf("kd", a.kind+":"+ss.label(a.word)) // "Russian" amod of "missiles"
	}
	if a.word < t.word {
		f.Add("side=L")
	} else {
		f.Add("side=R")
	}
	// the noun a state or group modifies: "Russian missiles" (a weapon),
	// "U.S. soldiers were killed" (victims), "Israel's army" (a force)
	switch ss.s.Words[a.word].Deprel {
	case "amod", "compound", "nmod:poss", "nmod:desc":
		n := ss.head(a.word)
		if n >= 0 {
			nl := ss.lemma(n)
			kind := "none"
			for _, e := range c.x.lex.entries(nl, ss.s.Words[n].UPOS) {
				kind = e.Relation + "/" + e.Kind
			}
			f.Addf("mod", kind)
			f.Addf("modn", nl)
			if h := ss.head(n); h >= 0 {
				f.Addf("modrel", ss.s.Words[n].Deprel+":"+ss.lemma(h))
				f.Addf("modrel1", ss.s.Words[n].Deprel)
			}
		}
	}
	for _, pl := range es.places {
		if pl.country == a.name && a.name != "" {
			// a state at home: its forces shell or bomb its own cities in a
			// civil war, but a bombing or a rocket in a city of its own is
			// mostly someone else's ("Belgian authorities said were suicide
			// bombings"): which, the weapon and the word tell
			f.Add("isplacecountry")
			f.Addf("homet", ss.lemma(t.word))
			w := t.weapon()
			if w == "" {
				w = "none"
			}
			f.Addf("homew", w)
			break
		}
	}
	n := 0
	for _, o := range es.actors {
		if o.name != a.name && o.kind != "forces" {
			n++
		}
	}
	f.Addf("others", strconv.Itoa(min(n, 3)))
}

package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract/classify"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// Candidates. For each sentence that may hold an event (a trigger form and
// the entities its relation needs), the parse gives the trigger words and
// the arguments around them: every pair of persons near a meet or travel
// trigger, every place near an attack trigger, and every state or armed
// group that may have carried the attack out. Each candidate carries the
// features that the learned models of events.model.gz read; nothing here
// decides whether the event holds.

// Kinds of candidates, which are also the names of their models.
const (
	candMeet     = "meet"
	candTravel   = "travel"
	candTarget   = "attack"
	candAttacker = "attacker"
)

// maxArcs is the longest dependency path between a trigger and an argument
// that still makes a candidate; the models weigh the paths.
const maxArcs = 6

// evArg is an entity in a parsed sentence that can fill a role.
type evArg struct {
	word       int    // heading word in the parse
	tok0, tok1 int    // tokens of the mention
	kind       string // name, pronoun, description, plural; place, country; state, demonym, metonym, org, group, forces, leader, agency
	person     int    // Doc.Persons index for person arguments, else -1
	name       string // place name, country code or organisation name
	country    string // country of a place
	reading    string // forces: how the state was read and the agent's class ("told/mil"); leader, agency: the actor's role (gov, mil, spy)
}

// evTrig is a trigger word with its lexicon entries. A preposition
// ("alongside", "along with") stands for the predicate its phrase attaches
// to ("arrived ... alongside X"): word is that predicate, via the
// preposition.
type evTrig struct {
	word    int
	via     int // the preposition of an ADP trigger, else -1
	entries []*trigger
}

func (t evTrig) has(rel string) bool {
	for _, e := range t.entries {
		if e.Relation == rel {
			return true
		}
	}
	return false
}

// Rule "co-visitors". A meeting word whose FrameNet frames include
// Arriving ("visit": one comes to a place to see someone) is a journey for
// the visitors together: "Comey, Clapper and Brennan visited Trump in New
// York", "the visit by Pelosi and Schumer" give travel candidates for the
// pairs of its visitors (its subject, or the noun's possessor or
// by-phrase, and the members joined to it), never for a visitor and the
// one visited (the models decide the rest).

// arriving says whether the trigger's meeting sense is also one of arriving.
// weapon is the weapon the trigger word names ("airstrike", "shelling"),
// or "" (only attack entries name one).
func (t evTrig) weapon() string {
	for _, e := range t.entries {
		if e.Weapon != "" {
			return e.Weapon
		}
	}
	return ""
}

// weaponIn is the weapon trigger t names in its sentence: its lexicon
// weapon (weapon), except by rule "a bomber on the ground": PETRARCH2's
// "bomber" is the aircraft, and news names a person far more often ("a
// suicide bomber", "the Boston marathon bombers", "a second wave of
// bombers hit London"). The lexicon's airstrike word "bomber" alone (not
// "stealth bomber", an entry of its own) names a bomb, unless its sentence
// marks the aircraft (aircraftMarked: "Russian bombers", "an Air Force
// B-52 bomber", "jet fighters, drones, bombers"); a modifier that says its
// bomb was planted or worn (plantedBy: "a Palestinian suicide bomber")
// names a bomb in any case.
func (c *evCtx) weaponIn(ss *synSent, t evTrig) string {
	w := t.weapon()
	if w != newsgraph.WeaponAirstrike {
		return w
	}
	if plantedBy(ss, t.word) {
		return newsgraph.WeaponBomb
	}
	if slices.ContainsFunc(t.entries, func(e *trigger) bool { return e.Weapon == newsgraph.WeaponAirstrike && e.Lemma != "bomber" }) {
		return w // "stealth bomber", "warplane"
	}
	if !c.aircraftMarked(ss, t.word) {
		return newsgraph.WeaponBomb
	}
	return w
}

// aircraftMarked says whether bomber word w is an aircraft by its
// neighbours: a modifier that marks it (aircraftModifier), or a conjunct
// that is another aircraft or drone of the lexicon ("jet fighters, drones,
// bombers") or a bomber so marked ("refueling of bombers, Saudi Arabian
// bombers").
func (c *evCtx) aircraftMarked(ss *synSent, w int) bool {
	if c.aircraftModifier(ss, w) {
		return true
	}
	first := w // the first conjunct, which the others hang on
	if ss.s.Words[w].Deprel == "conj" && ss.head(w) >= 0 {
		first = ss.head(w)
	}
	for k := range ss.s.Words {
		if k == w || k != first && !(ss.head(k) == first && ss.s.Words[k].Deprel == "conj") {
			continue
		}
		// the single words' entries ("stealth bomber" is an entry of its
		// own head word "bomber", and not this one)
		if c.x.lex.anyEntry(ss.lemma(k), ss.s.Words[k].UPOS, func(e *trigger) bool {
			air := e.Weapon == newsgraph.WeaponAirstrike || e.Weapon == newsgraph.WeaponDrone
			return air && len(e.Words) <= 1 && (e.Lemma != "bomber" || c.aircraftModifier(ss, k))
		}) {
			return true
		}
	}
	return false
}

// aircraftModifier says whether word w has a modifier that marks an
// aircraft: a state's name or demonym ("Russian bombers", "Saudi Arabian
// bombers": a state's air force), a model's designation ("B-17 bomber",
// "Air Force B-1 bombers", "B-1" split at its hyphen; not "two bombers")
// or a compound that heads an aircraft entry of the lexicon ("fighter" of
// "F-16 fighter bombers", the head of "stealth fighter").
func (c *evCtx) aircraftModifier(ss *synSent, w int) bool {
	ws := ss.s.Words
	designation := func(k int) bool {
		return strings.ContainsAny(ws[k].Form, "0123456789") && (k > 0 && ws[k-1].Form == "-" || strings.Contains(ws[k].Form, "-")) ||
			k+2 < len(ws) && ws[k+1].Form == "-" && strings.ContainsAny(ws[k+2].Form, "0123456789")
	}
	state := func(k int) bool { // "Saudi Arabian": the country word may be the modifier's own
		lo, hi := ss.extent(k)
		for j := lo; j <= hi; j++ {
			if ws[j].Tok >= 0 && c.d.Tokens[ws[j].Tok].Country >= 0 {
				return true
			}
		}
		return false
	}
	for _, k := range ss.kids[w] {
		switch ws[k].Deprel {
		case "amod", "compound", "nmod:poss", "flat", "nummod":
			if state(k) || designation(k) || ws[k].Deprel == "compound" && c.x.lex.anyEntry(ss.lemma(k), ws[k].UPOS, func(e *trigger) bool { return e.Weapon == newsgraph.WeaponAirstrike }) {
				return true
			}
		}
	}
	return false
}

// plantedBy says whether word w has a modifier that says a bomb was
// planted, thrown or worn (plantedBombWords: "car", "roadside", "suicide").
func plantedBy(ss *synSent, w int) bool {
	for _, k := range ss.kids[w] {
		if d := ss.s.Words[k].Deprel; (d == "amod" || d == "compound") && plantedBombWords[ss.lemma(k)] {
			return true
		}
	}
	return false
}

// arrival says whether t is a travel word of coming to a place (FrameNet
// Arriving: "arrive"; not "approach", which is also drawing near).
func (t evTrig) arrival() bool {
	for _, e := range t.entries {
		if e.Relation == relTravel && e.Lemma != "approach" && slices.Contains(e.Frames, "Arriving") {
			return true
		}
	}
	return false
}

func (t evTrig) arriving() bool {
	for _, e := range t.entries {
		if e.Relation == relMeet && slices.Contains(e.Frames, "Arriving") {
			return true
		}
	}
	return false
}

// coVisitors says whether the persons at words a and b are both in the
// visitors' phrase of the trigger t (rule "co-visitors").
func coVisitors(ss *synSent, t, a, b int) bool {
	for _, w := range []int{a, b} {
		d := ss.groupDown(t, w)
		if d < 0 {
			return false
		}
		switch l := ss.label(d); {
		case l == "nsubj", strings.HasPrefix(l, "nmod:poss"), l == "nmod[by]", strings.HasPrefix(l, "obl:agent"), l == "obl[by]":
		default:
			return false
		}
	}
	return true
}

// Candidate is one possible event (or attacker) with its features; the
// event models score it.
type Candidate struct {
	Kind       string // meet, travel, attack (a place hit) or attacker
	Sent       int
	Trigger    string // trigger lemma
	TriggerTok int    // token index of the trigger
	// A and B are the persons of a meet or travel candidate (Doc.Persons).
	A, B int
	// Place is the target of an attack candidate, with its country;
	// Attacker the state code or group name of an attacker candidate.
	Place, PlaceCountry, Attacker string
	PlaceKind                     string // "place" or "country"
	ActorKind                     string // state, demonym, metonym, org, group, forces, leader or agency (attacker candidates)
	Pattern                       string // the trip pattern of a travel candidate (travelPattern), or ""
	Path                          string // the syntactic path(s) shown by --explain
	// T describes the trigger and its clause (is this an event at all?),
	// F the arguments (do these persons or this place fill its roles?);
	// an attacker candidate has F only.
	T, F  classify.Features
	Score float64 // probability from the models, once scored

	ss   *synSent
	trig int   // trigger word
	args []int // argument words
}

// Rule "title verb": a verb capitalised inside a sentence of ordinary case
// is part of a title, not a predicate: "said on NBC's “Meet the Press”",
// "the film Meet the Parents". The first word of the sentence (after any
// opening quotes or brackets) is no title word; the caller checks the
// sentence's case.
func titleVerb(ss *synSent, i int) bool {
	if r, _ := utf8.DecodeRuneInString(ss.s.Words[i].Form); !unicode.IsUpper(r) {
		return false
	}
	for k := 0; k < i; k++ {
		for _, r := range ss.s.Words[k].Form {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				return true
			}
		}
	}
	return false
}

// ordinaryCase says whether sentence s is neither all in capitals nor in
// Title Case.
func ordinaryCase(d *Doc, s int) bool {
	caps, title := d.sentenceCase(s)
	return !caps && !title
}

// evSent is a parsed candidate sentence with its triggers and arguments.
type evSent struct {
	ss      *synSent
	trigs   []evTrig
	persons []evArg
	places  []evArg
	actors  []evArg // states and groups that may attack
}

// placeName is the name of the place argument at word w, or "".
func (es *evSent) placeName(w int) string {
	for _, p := range es.places {
		if p.word == w {
			return p.name
		}
	}
	return ""
}

// window is how far (in tokens) from a trigger form the entities an event
// needs must stand for its sentence to be parsed.
const window = 20

// mayHoldEvent says whether sentence s may hold an event, before any
// parsing: a meet or travel trigger form with two persons (names or
// resolved references) within the window around it, or an attack trigger
// form with a place within it. Parsing is the extractor's main cost, so
// only such sentences are parsed.
func (c *evCtx) mayHoldEvent(s int) bool {
	st := c.d.Sentences[s]
	var forms uint8
	for k := st.Tok0; k < st.Tok1; k++ {
		forms |= c.x.lex.forms[c.d.Tokens[k].Lower]
	}
	if forms == 0 {
		return false
	}
	// the person (or -2 for a place, -3 for a resolved plural ref) of
	// each token, -1 for none
	ent := make([]int, st.Tok1-st.Tok0)
	for i := range ent {
		ent[i] = -1
	}
	for _, mi := range c.d.SentenceMentions(s) {
		m := c.d.Mentions[mi]
		v := -1
		switch {
		case m.Type == newsgraph.PER && m.Person >= 0 && !c.d.Persons[m.Person].Dropped:
			v = m.Person
		case m.Type == newsgraph.LOC:
			v = -2
		}
		for k := m.Tok0; k < m.Tok1; k++ {
			ent[k-st.Tok0] = v
		}
	}
	const plural = -3 // a resolved plural ref: two persons by itself ("the pair", "the two leaders")
	for _, r := range c.d.Refs {
		if r.Sent != s {
			continue
		}
		v := -1
		switch {
		case r.Person >= 0 && !c.d.Persons[r.Person].Dropped:
			v = r.Person
		case livePersons(c.d, r.Persons) >= 2:
			v = plural
		}
		if v != -1 {
			for k := r.Tok0; k < r.Tok1; k++ {
				ent[k-st.Tok0] = v
			}
		}
	}
	for k := st.Tok0; k < st.Tok1; k++ {
		f := c.x.lex.forms[c.d.Tokens[k].Lower]
		if f == 0 {
			continue
		}
		first, two, place := -1, false, false // a person, two persons, a place
		for j := max(st.Tok0, k-window); j < min(st.Tok1, k+window+1); j++ {
			switch v := ent[j-st.Tok0]; {
			case v == plural:
				two = true
			case v >= 0 && first < 0:
				first = v
			case v >= 0:
				two = two || v != first
			case v == -2:
				place = true
			}
		}
		if f&formAttack != 0 && place || f&formPair != 0 && two {
			return true
		}
	}
	return false
}

// livePersons counts the persons of ps that are not dropped.
func livePersons(d *Doc, ps []int) int {
	n := 0
	for _, p := range ps {
		if !d.Persons[p].Dropped {
			n++
		}
	}
	return n
}

// sentence parses sentence s and finds its triggers and arguments. A
// sentence whose tagged words hold no trigger is not parsed: its evSent
// is empty, with no parse (ss nil).
func (c *evCtx) sentence(s int) *evSent {
	p := c.x.parseFrom(c.d, s, c.firstTok(s), c.holdsTrigger)
	if p == nil {
		return &evSent{}
	}
	ss := newSynSent(c.d, s, p)
	es := &evSent{ss: ss}
	for i, w := range ss.s.Words {
		ents := c.triggerEntries(ss, i)
		if len(ents) == 0 || w.UPOS == "VERB" && titleVerb(ss, i) && ordinaryCase(c.d, s) {
			continue
		}
		t := evTrig{word: i, via: -1, entries: ents}
		if w.UPOS == "ADP" {
			// the preposition marks a noun; the trigger is what the noun's
			// phrase attaches to. "along with X" is also parsed with
			// "along" heading the phrase (advmod, X its obl): then
			// "along" itself attaches to the predicate.
			n := ss.head(i)
			if n < 0 {
				continue
			}
			if ss.s.Words[i].Deprel == "case" {
				if n = ss.head(n); n < 0 {
					continue
				}
			}
			t.word, t.via = n, i
		}
		es.trigs = append(es.trigs, t)
	}
	if len(es.trigs) == 0 {
		return es
	}
	c.arguments(es)
	return es
}

// firstTok is the first token of sentence s that is parsed: the dateline
// is no part of the sentence.
func (c *evCtx) firstTok(s int) int {
	tok0 := c.d.Sentences[s].Tok0
	if c.bodyTok > tok0 && c.bodyTok < c.d.Sentences[s].Tok1 {
		tok0 = c.bodyTok
	}
	return tok0
}

// arguments finds the persons, places and actors of a parsed sentence.
func (c *evCtx) arguments(es *evSent) {
	ss, s := es.ss, es.ss.sent
	seenMent := map[int]bool{}
	for _, mi := range c.d.SentenceMentions(s) {
		m := c.d.Mentions[mi]
		h := ss.spanHead(m.Tok0, m.Tok1)
		if h < 0 || seenMent[mi] {
			continue
		}
		seenMent[mi] = true
		switch m.Type {
		case newsgraph.PER:
			if m.Person >= 0 && !c.d.Persons[m.Person].Dropped {
				es.persons = append(es.persons, evArg{word: h, tok0: m.Tok0, tok1: m.Tok1, kind: "name", person: m.Person})
			}
		case newsgraph.LOC:
			name, code, _ := c.placeAt(m.Tok0)
			if name == "" || m.Tok0 == c.datelineTok {
				continue // rule "dateline": where a report was filed is not where anything happened
			}
			kind := "place"
			if ci := c.d.Tokens[m.Tok0].Country; ci >= 0 {
				cr := c.d.Countries[ci]
				if cr.InOrg {
					continue // "the Islamic State of Iraq and Syria" names a group
				}
				if cr.Kind == "name" && cr.Tok1 >= m.Tok1 {
					kind = "country" // the whole mention is the country's name
				}
			}
			es.places = append(es.places, evArg{word: h, tok0: m.Tok0, tok1: m.Tok1, kind: kind, person: -1, name: name, country: code})
		case newsgraph.ORG:
			if m.Org >= 0 {
				o := c.d.Orgs[m.Org]
				kind := "org"
				if o.Armed {
					kind = "group"
				}
				es.actors = append(es.actors, c.agencyArg(evArg{word: h, tok0: m.Tok0, tok1: m.Tok1, kind: kind, person: -1, name: o.Name, country: o.Country}))
			}
		}
	}
	for _, ci := range c.d.SentenceCountries(s) {
		cr := c.d.Countries[ci]
		if cr.InOrg {
			continue
		}
		h := ss.spanHead(cr.Tok0, cr.Tok1)
		if h < 0 {
			continue
		}
		kind := "state"
		switch cr.Kind {
		case "demonym":
			kind = "demonym"
		case "metonym":
			kind = "metonym"
		}
		es.actors = append(es.actors, evArg{word: h, tok0: cr.Tok0, tok1: cr.Tok1, kind: kind, person: -1, name: cr.Code})
	}
	es.actors = append(es.actors, c.forcesArgs(es)...)
	es.persons = append(es.persons, c.personRefArgs(ss)...)
	es.actors = append(es.actors, c.stateActorArgs(es)...)
}

// triggerEntries returns the lexicon entries of which word i is the
// trigger: its lemma and part of speech, and the other words of a
// multi-word entry around it. It reads the tags and lemmas only, not the
// tree.
func (c *evCtx) triggerEntries(ss *synSent, i int) []*trigger {
	w := ss.s.Words[i]
	var ents []*trigger
	for _, e := range c.x.lex.entries(strings.ToLower(w.Lemma), w.UPOS) {
		if multiWordAt(ss, i, e) {
			ents = append(ents, e)
		}
	}
	return ents
}

// holdsTrigger says whether a tagged, not yet parsed, sentence has a
// trigger word: sentence keeps only those with one, so a sentence without
// needs no parse.
func (c *evCtx) holdsTrigger(s *syntax.Sentence) bool {
	ss := &synSent{s: s}
	for i := range s.Words {
		if len(c.triggerEntries(ss, i)) > 0 {
			return true
		}
	}
	return false
}

// nearestPerPerson keeps, of the arguments that stand for one person
// (a name and the "who" or "he" that refers back to it), the one
// nearest the trigger, so that a pair is one candidate.
func nearestPerPerson(ss *synSent, trig int, args []evArg) []evArg {
	best := map[int]int{} // person -> index into out
	var out []evArg
	for _, a := range args {
		k, ok := best[a.person]
		if !ok {
			best[a.person] = len(out)
			out = append(out, a)
			continue
		}
		if ss.pathLen(trig, a.word) < ss.pathLen(trig, out[k].word) {
			out[k] = a
		}
	}
	return out
}

// multiWordAt says whether the words of a multi-word entry ("air strike",
// "sit down with") stand around word i, its head, in order.
func multiWordAt(ss *synSent, i int, e *trigger) bool {
	for k, lw := range e.Words {
		j := i - e.Head + k
		if j < 0 || j >= len(ss.s.Words) {
			return false
		}
		if k != e.Head && ss.lemma(j) != lw && strings.ToLower(ss.s.Words[j].Form) != lw {
			return false
		}
	}
	return true
}

// candidates returns the candidates of a parsed sentence.
func (c *evCtx) candidates(es *evSent) []Candidate {
	var out []Candidate
	ss := es.ss
	for _, t := range es.trigs {
		pairsOut := c.modalityRule(ss, t.word, false) != ""
		attackOut := c.modalityRule(ss, t.word, true) != ""
		for _, rel := range []string{candMeet, candTravel} {
			visit := rel == candTravel && !t.has(rel) && t.arriving() // rule "co-visitors"
			if !t.has(rel) && !visit || pairsOut {
				continue
			}
			event := func(w int) bool { return es.isTrigger(w, rel) }
			var near []evArg
			for _, a := range es.persons {
				if a.word != t.word && ss.pathLen(t.word, a.word) <= maxArcs && reportedApart(ss, t.word, a.word) == "" && !conjunctApart(ss, t.word, a.word) && !listApart(ss, t.word, a.word) &&
					!bystander(ss, t.word, a, es.persons) && !represented(ss, t.word, a, es.persons, event) {
					near = append(near, a)
				}
			}
			near = nearestPerPerson(ss, t.word, near)
			for i := range near {
				for j := i + 1; j < len(near); j++ {
					a, b := near[i], near[j]
					if a.person == b.person || c.samePerson(a, b) || rel == candMeet && separateMeetings(ss, t.word, a.word, b.word) ||
						visit && !coVisitors(ss, t.word, a.word, b.word) {
						continue
					}
					if a.tok0 > b.tok0 {
						a, b = b, a
					}
					cd := Candidate{Kind: rel, Sent: ss.sent, A: a.person, B: b.person, ss: ss, trig: t.word, args: []int{a.word, b.word}}
					c.keyOnly(&cd)
					c.pairFeatures(&cd, es, t, rel, a, b)
					out = append(out, cd)
				}
			}
		}
		if !t.has(relAttack) || attackOut {
			continue
		}
		for _, p := range es.places {
			if p.word == t.word || ss.pathLen(t.word, p.word) > maxArcs || reportedApart(ss, t.word, p.word) != "" || listApart(ss, t.word, p.word) {
				continue
			}
			cd := Candidate{Kind: candTarget, Sent: ss.sent, Place: p.name, PlaceCountry: p.country, PlaceKind: p.kind, ss: ss, trig: t.word, args: []int{p.word}}
			c.keyOnly(&cd)
			c.targetFeatures(&cd, es, t, p)
			out = append(out, cd)
		}
		for _, a := range es.actors {
			if a.word == t.word {
				continue
			}
			cd := Candidate{Kind: candAttacker, Sent: ss.sent, Attacker: a.name, ActorKind: a.kind, ss: ss, trig: t.word, args: []int{a.word}}
			c.keyOnly(&cd)
			c.attackerFeatures(&cd, es, t, a)
			out = append(out, cd)
		}
	}
	for i := range out {
		cd := &out[i]
		w := ss.s.Words[cd.trig]
		cd.Trigger = strings.ToLower(w.Lemma)
		cd.TriggerTok = w.Tok
		var ps []string
		for _, a := range cd.args {
			ps = append(ps, fmt.Sprintf("%s [%s] %s", w.Form, ss.pathString(cd.trig, a, true), ss.s.Words[a].Form))
		}
		cd.Path = strings.Join(ps, "; ")
	}
	return out
}

// isTrigger says whether word w is a trigger of relation rel.
// holds says whether a trigger of the sentence stands for relation rel.
func (es *evSent) holds(rel string) bool {
	for _, t := range es.trigs {
		if t.has(rel) {
			return true
		}
	}
	return false
}

func (es *evSent) isTrigger(w int, rel string) bool {
	for _, t := range es.trigs {
		if t.word == w && t.has(rel) {
			return true
		}
	}
	return false
}

// keyOnly has cd's features kept by key only when no one will read their
// names: extraction without --explain (training and inspection read them).
func (c *evCtx) keyOnly(cd *Candidate) {
	if c.keyed {
		cd.T.NoNames, cd.F.NoNames = true, true
	}
}

// samePerson says whether two person arguments denote one person (a name
// and its own apposition, "Rubio, the secretary of state").
func (c *evCtx) samePerson(a, b evArg) bool { return a.person >= 0 && a.person == b.person }

// MayHoldEvent reports whether the event layer parses sentence s of d (for
// measuring how much of a text the parser reads).
func (x *Extractor) MayHoldEvent(d *Doc, s int) bool {
	return newEvCtx(x, d, "").mayHoldEvent(s)
}

// SentenceRelations says which relations sentence s of d may hold (the
// filter that decides what is parsed): "pair" for meet or travel, "attack".
func (x *Extractor) SentenceRelations(d *Doc, s int) (pair, attack bool) {
	c := newEvCtx(x, d, "")
	st := d.Sentences[s]
	var forms uint8
	for k := st.Tok0; k < st.Tok1; k++ {
		forms |= x.lex.forms[d.Tokens[k].Lower]
	}
	if !c.mayHoldEvent(s) {
		return false, false
	}
	return forms&formPair != 0, forms&formAttack != 0
}

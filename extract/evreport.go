package extract

import (
	"slices"
	"strings"
)

// Rule "reported speech". The one who reports an event is not one of its
// participants, and neither is anyone named in a clause merely set beside
// the event's own ("X will meet Y, spokesman Z told reporters"): a person
// or place is an argument of a trigger only when the dependency path
// between them crosses no clausal complement (ccomp) and no parataxis.
// "Z said X met Y" pairs X and Y, never Z; "Z said he met Y" pairs Z (through
// "he") and Y. Attackers are exempt: a state reporting its own strike ("the
// army said it struck ...") is its attacker.
//
// A narrower rule (only the subject of the reporting verb) keeps more
// candidates, but on the training data's out-of-fold scores it is the
// worse one: meet P .68 R .44 against P .75 R .43 with this rule (no
// rule: P .64 R .44). Paths across these boundaries are mostly parses
// gone wrong in long sentences, whose candidates are rarely events.
//
// The reporter is apart however the parser hangs the report: the subject
// of a verb of saying (speechVerbs) anywhere below the trigger.
// "X will meet Y on Monday, spokesman Z told reporters" may be read with
// "told" as a relative clause on "spokesman" rather than as parataxis,
// and "X met Y as Z told reporters" has it as an adverbial clause. A
// relative clause on the trigger itself is said at the event, by one who
// was there: "a meeting in which the president asked for ..." keeps him.

// reportedApart returns the label of the clause boundary between the
// trigger at word t and the argument at word a, or "" when they are in one
// clause: "ccomp", "parataxis", "speech" when a is the subject of a
// verb of saying below t, or "source" when a is named in an "according
// to" phrase below t.
func reportedApart(ss *synSent, t, a int) string {
	up, _, down := ss.path(t, a)
	for _, w := range append(up, down...) {
		switch rel := strings.SplitN(ss.s.Words[w].Deprel, ":", 2)[0]; rel {
		case "ccomp", "parataxis":
			return rel
		}
	}
	for i, w := range down {
		if strings.HasSuffix(ss.label(w), "[accord]") && nameOnly(ss, down[i+1:]) {
			return "source" // "according to spokesman Josh Earnest"; not the owner of "according to Clinton's memoirs"
		}
	}
	for i := 0; i+1 < len(down); i++ {
		v := ss.s.Words[down[i]]
		if i == 0 && (strings.HasPrefix(v.Deprel, "acl") || strings.HasSuffix(v.Deprel, ":relcl") && relativeOf(ss, down[0], t)) {
			continue // said at the meeting: "the meeting, where he argued ...", "the meeting in which he said ..."
		}
		if v.UPOS == "VERB" && speechVerbs[strings.ToLower(v.Form)] && strings.HasPrefix(ss.s.Words[down[i+1]].Deprel, "nsubj") {
			return "speech"
		}
	}
	// "as spokesman Z told reporters" read as a phrase with "told" hung on
	// Z: a finite verb of saying under the person is its own clause
	n := a
	for ss.s.Words[n].Deprel == "flat" && ss.head(n) >= 0 {
		n = ss.head(n) // "Tammy" of "Tammy Bruce"
	}
	for _, k := range ss.kids[n] {
		if w := ss.s.Words[k]; w.Deprel == "acl" && speechVerbs[strings.ToLower(w.Form)] && (w.XPOS == "VBD" || w.XPOS == "VBZ" || w.XPOS == "VBP") {
			return "speech"
		}
	}
	return ""
}

// nameOnly says whether the words walk only through the parts of one
// name or title (nameArc: "spokesman Josh Earnest").
func nameOnly(ss *synSent, words []int) bool {
	for _, w := range words {
		if !nameArc(ss.s.Words[w].Deprel) {
			return false
		}
	}
	return true
}

// relativeOf says whether the relative clause headed by word r opens
// right after the noun phrase of word t ("the meeting [in which ...]"),
// whichever word the parser hung it on.
func relativeOf(ss *synSent, r, t int) bool {
	lo, _ := ss.extent(r)
	_, end := ss.extent(t)
	if t > lo {
		return false
	}
	if end >= lo {
		end = t
	}
	return lo == end+1
}

// Rule "conjoined verbs share only their subject". Verbs joined by "and"
// share the subject but each keeps its own objects and obliques: in
// "Sudani, who arrived with Minister A, also met Minister B" A came with
// Sudani and B met him, but A did not meet B's host nor B arrive with
// Sudani. A person is apart from a verb trigger when the path between
// them crosses a conj arc between two verbs and then goes down into the
// other verb's object or oblique.
func conjunctApart(ss *synSent, t, a int) bool {
	verb := func(w int) bool { return w >= 0 && ss.s.Words[w].UPOS == "VERB" }
	own := func(w int) bool {
		switch strings.SplitN(ss.s.Words[w].Deprel, ":", 2)[0] {
		case "obj", "iobj", "obl":
			return true
		}
		return false
	}
	up, top, down := ss.path(t, a)
	if !verb(t) || !verb(top) || len(down) == 0 {
		return false
	}
	// the trigger is a conjunct of the top verb: the top's own dependents
	if n := len(up); n > 0 && ss.s.Words[up[n-1]].Deprel == "conj" && verb(up[n-1]) && own(down[0]) {
		return true
	}
	// the person hangs under a conjunct of the trigger
	for k := 0; k+1 < len(down); k++ {
		if ss.s.Words[down[k]].Deprel == "conj" && verb(down[k]) && own(down[k+1]) {
			return true
		}
	}
	return false
}

// Rule "another meeting's guest". A person that another meeting word of
// the sentence takes as its object or oblique met there, not at this
// meeting word, and its pairs with this word's other persons are none:
// in "he held talks with Chinese Premier Wen Jiabao, and met with China's
// top legislator Wu Bangguo", "Following his talks with Wu Yi, Ruggiero
// also met with Vice Premier Li Lanqing" and "a stay in Washington, which
// includes talks Tuesday with Vice President Dick Cheney, Nogaideli also
// met ... Stephen Hadley" the guests met the host one at a time. The other
// meeting word still pairs its guest with its own persons: "During a
// State Department visit ..., the Dalai Lama also met with John Shattuck"
// pairs the Dalai Lama and Shattuck through "met", whatever "visit" says.
// The rule drops a meet candidate the model accepted (meetings): the
// models are trained on every candidate.
//
// otherHost returns the meeting word (event) other than t on the path
// between t and person word a that takes a as its object, an oblique or
// a nominal modifier (not its subject side), or -1.
func otherHost(ss *synSent, t, a int, event func(w int) bool) int {
	guest := func(w int) bool {
		switch strings.SplitN(ss.s.Words[w].Deprel, ":", 2)[0] {
		case "obj", "iobj", "obl", "nmod":
			return !subjectSide(ss, w)
		}
		return false
	}
	_, top, down := ss.path(t, a)
	if len(down) == 0 {
		return -1
	}
	// the meeting word nearest above the person is its host
	for k := len(down) - 2; k >= 0; k-- {
		if !event(down[k]) || !guest(down[k+1]) {
			continue
		}
		if top == t && orderOn(ss, down[:k+1]) == "" {
			// a meeting in t's own phrase is its occasion ("a visit to
			// Cairo for talks with Sisi", and "the two-way talks between
			// Japan and the DPRK, Li Bin, ..., met with Akitaka Saiki",
			// where the parser made the talks the subject), unless told
			// as before or after it ("Following his talks with Wu Yi")
			return -1
		}
		return down[k]
	}
	if top != t && top >= 0 && event(top) && guest(down[0]) {
		return top
	}
	return -1
}

// takes says whether meeting word v has person word b among its own
// persons: a dependent of it ("met with Wu and Zeng", "the Dalai Lama also
// met"), the subject side of a word above it, which its clause or phrase
// shares ("he held talks", "was scheduled to meet", "ended up traveling to
// Florida Saturday and is joining Trump", "In addition to talking with
// Corker, Trump enjoyed", "Sessions' admission that he also met"), or the
// noun its relative clause tells of.
func takes(ss *synSent, v, b int, event func(w int) bool) bool {
	if otherHost(ss, v, b, event) >= 0 {
		return false // "met with Li after his talks with Wu": Wu is the talks'
	}
	up, top, down := ss.path(v, b)
	if top < 0 {
		return true // two parses of one sentence ("Jeff" of "Sen. Jeff Sessions ... joined Trump" read as a root): cannot tell
	}
	name := true // the rest of the way is inside a name ("Rep. Michael Burgess")
	for _, w := range down {
		name = name && ss.s.Words[w].Deprel == "flat"
	}
	switch {
	case len(up) == 0:
		return true
	case name:
		// the noun its relative clause tells of ("Rep. Michael Burgess
		// ..., one of the health care bill's top boosters in Congress,
		// who joined Trump")
		return strings.HasPrefix(ss.s.Words[v].Deprel, "acl:relcl")
	}
	return subjectSide(ss, down[0])
}

// otherGuests applies rule "another meeting's guest" to the meet
// candidate cd.
func (c *evCtx) otherGuests(cd *Candidate) bool {
	es := c.parsed[cd.Sent]
	if es == nil || cd.ss == nil || len(cd.args) != 2 {
		return false
	}
	var a, b *evArg
	for i := range es.persons {
		switch p := &es.persons[i]; p.word {
		case cd.args[0]:
			a = p
		case cd.args[1]:
			b = p
		}
	}
	if a == nil || b == nil {
		return false
	}
	event := func(w int) bool { return es.isTrigger(w, candMeet) }
	return otherGuests(cd.ss, cd.trig, *a, *b, es.persons, event)
}

// otherGuests says whether persons a and b did not meet at trigger t by
// rule "another meeting's guest": one is another meeting word's guest and
// the other, under none of its mentions in the sentence (persons), is not
// that word's ("The meeting between Abbas and Shalom ... since a
// conference ... between Abbas and Sharon": the conference takes Abbas).
func otherGuests(ss *synSent, t int, a, b evArg, persons []evArg, event func(w int) bool) bool {
	apart := func(a, b evArg) bool {
		h := otherHost(ss, t, a.word, event)
		if h < 0 {
			return false
		}
		for _, p := range persons {
			if p.person == b.person && takes(ss, h, p.word, event) {
				return false
			}
		}
		return true
	}
	return apart(a, b) || apart(b, a)
}

// Rule "listed events keep their own places". Event nouns in a list each
// keep their own modifiers: in "the shootings at Fort Hood, the bombings
// at the Boston Marathon, the killings in Ottawa" the bombings did not
// hit Fort Hood or Ottawa. A place or person is apart from a noun trigger
// that has a nominal modifier of its own ("the bombings at the Boston
// Marathon") when the trigger and another common noun are members of one
// list (joined by conj, or by appos: lists are often read so, or hung side
// by side under one word with one relation) and the argument is that
// noun's nominal modifier ("the killings in Ottawa"). A trigger with no
// modifier of its own shares the list's ("airstrikes and the siege of
// Aleppo"); nouns joined below the trigger are its arguments' ("airstrikes
// by the regime and Russian forces on Aleppo"), and names joined in a list
// ("strikes on Aleppo and Idlib") are no such nouns.
func listApart(ss *synSent, t, a int) bool {
	noun := func(w int) bool { return w >= 0 && ss.s.Words[w].UPOS == "NOUN" }
	joined := func(w int) bool { dr := ss.s.Words[w].Deprel; return dr == "conj" || dr == "appos" }
	own := func(w int) bool {
		rel := strings.SplitN(ss.s.Words[w].Deprel, ":", 2)
		return rel[0] == "nmod" && (len(rel) == 1 || rel[1] != "desc" && rel[1] != "poss")
	}
	if !noun(t) || !slices.ContainsFunc(ss.kids[t], own) {
		return false
	}
	up, top, down := ss.path(t, a)
	n := len(up)
	switch {
	case len(down) == 0:
		return false
	case n == 1 && noun(top) && joined(t) && own(down[0]):
		return true // the trigger is a member of the top noun's list: the top's own modifier
	case n == 1 && len(down) > 1 && noun(down[0]) && ss.label(t) == ss.label(down[0]) && own(down[1]):
		return true // two members hung side by side with one relation (and one preposition)
	case n == 0 && len(down) > 1 && joined(down[0]) && noun(down[0]) && own(down[1]):
		return true // the argument is a modifier of the trigger's own next member
	}
	return false
}

// Rule "bystander". A person named inside the description of another
// argument is no participant of the event: in "Weber, an ally of Merkel,
// met May" Merkel is only named to say who Weber is, and in "arrived
// alongside Keith Kellogg, President Donald Trump's special envoy" Trump
// did not arrive. A person is a bystander when it is the possessor or the
// of-phrase of a common noun ("Trump's envoy", "an ally of Merkel") and
// the way up from that noun reaches the word of another person argument
// before the trigger, with no coordination on the way ("met Erdogan and
// his wife Emine": Emine is a participant through "and"). Lists that the
// parser reads as appositions ("A, Energy Secretary B and C") are left to
// the models: only the possessor, the of-phrase and a bare compound name
// (below) make a bystander.
// An apposition the parser hangs beside the person it describes rather
// than under it ("alongside Kellogg, [Trump's envoy]" as two obliques of
// "arrived") counts as under it: a phrase with no preposition of its own
// that follows, after a comma, a sibling phrase ending with another person
// argument.
//
// The possessor may also be a compound before the noun ("Trump adviser
// Roger Stone"), never a name the parser hung after its title ("her
// husband Prince Claus", "Party leader Kemal Kilicdaroglu").
func bystander(ss *synSent, t int, arg evArg, persons []evArg) bool {
	a, self := arg.word, arg.person
	dr := ss.s.Words[a].Deprel
	n := ss.head(a)
	if dr != "nmod:poss" && dr != "nmod" && dr != "compound" || n < 0 || n == t || ss.s.Words[n].UPOS != "NOUN" {
		return false
	}
	other := func(w int) bool {
		for _, p := range persons {
			if p.word == w && p.person != self && p.word != a {
				return true
			}
		}
		return false
	}
	if dr == "compound" {
		// only a title of the other person itself ("Trump adviser Roger
		// Stone"): a name before a verb the tagger took for a noun
		// ("Xi Jinping chat as they walk") is no compound
		switch strings.SplitN(ss.s.Words[n].Deprel, ":", 2)[0] {
		case "compound", "appos", "flat", "nmod":
		default:
			return false
		}
		return premodifier(ss, a, n) && bareName(ss, arg, n) && other(ss.head(n))
	}
	for w, steps := n, 0; w >= 0 && w != t && steps < len(ss.s.Words); steps++ {
		if strings.HasPrefix(ss.s.Words[w].Deprel, "conj") {
			return false
		}
		h := ss.head(w)
		if other(h) || h >= 0 && appositionBeside(ss, w, other) {
			return true
		}
		w = h
	}
	return false
}

// Rule "represented". A person named only to say whose people an argument
// of the event are is no participant: "Mueller's investigators met
// Zamel", "he would meet with Perry's lawyers to discuss ...", "talks
// between Trump's aides and Lavrov", "met at the invitation of Abe". The
// person is the possessor or compound before a common noun ("Mueller's
// investigators", "Trump aides") or its of-phrase ("the family of George
// Floyd"), and that noun, or a chain of nouns above it joined by nominal
// relations only, is an argument of the trigger or of an event word of
// the same relation at the top of the path between them ("meet" above
// "discuss").
// The trigger's own possessor is its argument ("Trump's meeting with
// Kim"); so is a person coordinated with the noun ("met Trump and his
// envoy"), a person a clause leads to, and a member ("officials
// including Benjamin Netanyahu", an nmod with another preposition). A
// noun that is itself a person reference ("his wife Emine") ends the
// chain: that is rule "bystander".
func represented(ss *synSent, t int, arg evArg, persons []evArg, event func(w int) bool) bool {
	if arg.kind != "name" {
		return false // "met his counterpart": a possessive pronoun is mostly the subject itself
	}
	a := arg.word
	dr := ss.s.Words[a].Deprel
	n := ss.head(a)
	if n < 0 || n == t || ss.s.Words[n].UPOS != "NOUN" {
		return false
	}
	if ss.label(a) != "nmod[of]" && (dr != "nmod:poss" && dr != "compound" || !premodifier(ss, a, n)) {
		return false
	}
	if dr == "compound" && !bareName(ss, arg, n) {
		return false // "the Chinese President Xi Jinping last week"
	}
	_, top, _ := ss.path(t, a)
	for w, steps := n, 0; steps < len(ss.s.Words); steps++ {
		if ss.s.Words[w].UPOS != "NOUN" || !nominalRel(ss.s.Words[w].Deprel) || isRef(persons, w) {
			return false
		}
		h := ss.head(w)
		if h < 0 {
			return false
		}
		if h == t || h == top && event(h) {
			return true
		}
		w = h
	}
	return false
}

// bareName says whether the person argument at word a, a compound of
// the noun n, is a bare name that modifies n: no dependents outside its
// own name and no title or other name before it under n. "Trump" in
// "former Trump adviser"; not "China's President Xi Jinping" or "first
// lady Melania Trump", names introduced with titles of their own that the
// parser hung under a noun after them (a tagger's noun for a verb: "Xi
// Jinping chat as they walk", "Xi Jinping last week").
func bareName(ss *synSent, arg evArg, n int) bool {
	a := arg.word
	for _, k := range ss.kids[n] {
		if k >= a {
			break
		}
		if dr := ss.s.Words[k].Deprel; dr == "compound" || dr == "flat" || strings.HasPrefix(dr, "nmod") {
			return false
		}
	}
	for _, k := range ss.kids[a] {
		if tk := ss.s.Words[k].Tok; tk < arg.tok0 || tk >= arg.tok1 {
			return false
		}
	}
	// the word before the name is no title or name of its own ("first
	// lady Melania Trump step off", "President Xi Jinping last week" with
	// the title hung elsewhere)
	first := a
	for first > 0 && ss.s.Words[first-1].Tok >= arg.tok0 {
		first--
	}
	if first == 0 {
		return true
	}
	prev := ss.s.Words[first-1]
	return prev.UPOS != "NOUN" && prev.UPOS != "PROPN" || prev.Deprel == "amod" || prev.Deprel == "det" // "former Trump adviser", "a Trump aide"
}

// premodifier says whether word a stands before its head noun n within
// one noun phrase: no coordination or punctuation between them but the
// possessive's apostrophe ("Trump 's former adviser", not "Jared Kushner
// and Trump campaign chairman").
func premodifier(ss *synSent, a, n int) bool {
	if a >= n {
		return false
	}
	for i := a + 1; i < n; i++ {
		w := ss.s.Words[i]
		if w.UPOS == "CCONJ" || w.UPOS == "PUNCT" && w.Form != "’" && w.Form != "'" {
			return false
		}
	}
	return true
}

// nominalRel says whether a dependency label attaches a noun phrase as an
// argument or modifier of its head (subject, object, oblique, nominal
// modifier, compound, apposition), not a clause or a time.
func nominalRel(dr string) bool {
	if strings.HasSuffix(dr, ":tmod") || strings.HasSuffix(dr, ":npmod") {
		return false // "Xi Jinping last week": a time, not an argument
	}
	switch strings.SplitN(dr, ":", 2)[0] {
	case "nsubj", "obj", "iobj", "obl", "nmod", "compound", "appos":
		return true
	}
	return false
}

// isRef says whether word w is the word of a person argument (a name or a
// resolved reference: "the minister").
func isRef(persons []evArg, w int) bool {
	for _, p := range persons {
		if p.word == w {
			return true
		}
	}
	return false
}

// appositionBeside says whether word w is a nominal with no case marker
// whose phrase follows, after a comma and nothing but punctuation, the
// phrase of its previous sibling, and that phrase ends with a word for
// which isArg holds: "Kellogg, [President Donald Trump's special envoy]"
// when both hang from the verb.
func appositionBeside(ss *synSent, w int, isArg func(int) bool) bool {
	switch strings.SplitN(ss.s.Words[w].Deprel, ":", 2)[0] {
	case "obl", "obj", "nmod", "appos":
	default:
		return false
	}
	for _, k := range ss.kids[w] {
		if ss.s.Words[k].Deprel == "case" {
			return false
		}
	}
	sib := -1
	for _, k := range ss.kids[ss.head(w)] {
		if k >= w {
			break
		}
		if ss.s.Words[k].UPOS != "PUNCT" {
			sib = k
		}
	}
	if sib < 0 {
		return false
	}
	// the sibling's phrase ends with the person: the sibling itself or
	// a word on the way down to its last word ("in Kyiv alongside
	// Kellogg, [Trump's envoy]")
	_, end := ss.extent(sib)
	person := false
	for v := end; v >= 0 && !person; v = ss.head(v) {
		person = isArg(v)
		if v == sib {
			break
		}
	}
	if !person {
		return false
	}
	// between the sibling's phrase and w's: punctuation only; w's phrase
	// may itself open with it ("," attached to the words after it)
	lo, _ := ss.extent(w)
	comma := false
	for i := end + 1; i < w; i++ {
		sw := ss.s.Words[i]
		if sw.UPOS != "PUNCT" {
			if i < lo {
				return false
			}
			break
		}
		comma = comma || sw.Form == ","
	}
	return comma
}

// Rule "separate meetings" (GUIDELINES.md: "held separate meetings", "a
// day of meetings with A, B and C" pair only the people who were in the
// same meeting). When the trigger says its meetings were separate (an
// adverb "separately", an adjective "separate", or the plural noun
// "meetings"; or a phrase of it with "separate": "on separate
// occasions"), two persons reached from it through the same first
// dependent ("met separately with A and B": both in the with-phrase) met
// the subject one at a time, not each other. When a word says so
// ("separately", "separate", "individually"), so do two
// persons reached through different dependents of which neither is the
// subject side ("met separately with Netanyahu and with Benny Gantz, the
// leader of ...", where the parse hangs "the leader" beside the
// with-phrase): the plural alone says less ("meetings of Trump with
// Kim").
func separateMeetings(ss *synSent, t, a, b int) bool {
	plural := strings.ToLower(ss.s.Words[t].Form) == "meetings"
	stated := false
	for _, k := range ss.kids[t] {
		switch ss.lemma(k) {
		case "separately", "separate", "individually":
			stated = true
		}
		// a phrase that says so: "met, on separate occasions, with A, B
		// and C", "in separate meetings"
		if strings.HasPrefix(ss.s.Words[k].Deprel, "obl") {
			for _, j := range ss.kids[k] {
				if ss.s.Words[j].Deprel == "amod" && (ss.lemma(j) == "separate" || ss.lemma(j) == "individual") {
					stated = true
				}
			}
		}
	}
	if !plural && !stated {
		return false
	}
	ua, _, da := ss.path(t, a)
	ub, _, db := ss.path(t, b)
	if len(ua) != 0 || len(ub) != 0 || len(da) == 0 || len(db) == 0 {
		return false
	}
	if da[0] == db[0] {
		return true
	}
	return stated && !subjectSide(ss, da[0]) && !subjectSide(ss, db[0])
}

// subjectSide says whether dependent w stands for the one who meets: a
// subject, a passive's agent, a meeting noun's possessor ("Trump's
// separate meetings with A and B").
func subjectSide(ss *synSent, w int) bool {
	dr, l := ss.s.Words[w].Deprel, ss.label(w)
	return strings.HasPrefix(dr, "nsubj") || strings.HasPrefix(dr, "obl:agent") || strings.HasPrefix(dr, "nmod:poss") || l == "obl[by]" || l == "nmod[by]"
}

package extract

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Rule "joined the meeting": event assembly over sentences. A meeting told
// in one sentence gains a participant in a later one that names it again
// and says who else was there: "The meeting eventually occurred on Dec. 1
// at Trump Tower, and was also attended by ... Michael Flynn", "Lavrov
// later joined the talks", "Kelly attended the dinner as well". The later
// sentence names one person only, so it holds no candidate pair; the rule
// pairs that person with every participant of the meeting it names.
//
// The later sentence must hold a joining verb ("attend", "join",
// "participate in", "take part in", "sit in on") whose meeting noun is
// definite (a determiner or possessive of joinDeterminers: "the talks",
// "their meeting"; "a meeting" is a new one) and one that can be joined
// (joinable: a meet noun of the trigger lexicon whose FrameNet frames or
// CAMEO codes make it a gathering or talks, or a meal; not a trip, a visit
// or a call). The noun is the verb's object or its passive subject, or
// the noun the verb's relative clause or conjunct hangs from ("The
// meeting, which was also attended by X", "The meeting occurred ..., and
// was also attended by X"). The joiners are the verb's subject or passive
// agent and the members joined to it ("X and Y", "people including X").
//
// The meeting named is the one told last, at most joinReach sentences
// before: the latest sentence that tells a meeting (one with an accepted
// meeting, or with a meet word that is neither a joining verb nor a
// definite meet noun naming a meeting again), and only when the extractor
// accepted a meeting there;
// otherwise ("the delegations had met for their summit. The meeting was
// attended by ...") no one is paired. A joiner already in the meeting
// adds nothing. A negated or hypothetical verb joins no one ("Lavrov did
// not attend the talks"); a stated plan ("Lavrov will join the talks on
// Friday") makes the pair planned, with its own date, the CAMEO code of
// intent and no dateline place. Otherwise the pair takes the meeting's
// status, place, date, CAMEO code and confidence; its evidence is the
// joining sentence, its rule "meet/joined the meeting".

// joinReach is how many sentences back a definite meeting noun finds the
// meeting it names.
const joinReach = 3

// joinVerbs are the lemmas of verbs by which one joins a meeting; "take"
// and "sit" count only with their noun or particle ("take part in", "sit
// in on").
var joinVerbs = set("attend", "join", "participate", "take", "sit")

// joinDeterminers make a meeting noun definite: it names a meeting told
// before.
var joinDeterminers = set("the", "that", "this", "these", "those", "their", "his", "her")

// joinableFrames and joinableCAMEO are the FrameNet frames and CAMEO codes
// (consult, meet, mediate, negotiate) of a meet noun that one can join;
// joinableMeals are the meals the lexicon curates ("sat down to dinner
// with", GUIDELINES.md), which carry neither.
var (
	joinableFrames = set("Come_together", "Discussion", "Social_event")
	joinableCAMEO  = set("040", "044", "045", "046")
	joinableMeals  = set("breakfast", "lunch", "dinner")
)

// joinable says whether lexicon entry e is a meet noun one can join.
func joinable(e *trigger) bool {
	if e.Relation != relMeet || e.Kind != "event" || len(e.Words) != 1 {
		return false
	}
	for _, f := range e.Frames {
		if joinableFrames[f] {
			return true
		}
	}
	for _, k := range e.Cameo {
		if joinableCAMEO[k] {
			return true
		}
	}
	return joinableMeals[e.Lemma]
}

// joined returns the meetings that rule "joined the meeting" adds to the
// stored ones. Every meet candidate the model accepts tells a meeting in
// its sentence, also one whose pair is stored from another sentence.
func (c *evCtx) joined(stored []newsgraph.Meeting, cands []Candidate) []newsgraph.Meeting {
	if len(stored) == 0 {
		return nil
	}
	have := map[[2]string]bool{}
	byPair := map[[2]string]newsgraph.Meeting{}
	for _, m := range stored {
		k := pairOf(m.A, m.B)
		have[k], byPair[k] = true, m
	}
	told := map[int][]*Candidate{} // sentence -> its accepted meet candidates
	first := len(c.d.Sentences)
	for i := range cands {
		if cd := &cands[i]; cd.Kind == candMeet && cd.Score >= c.x.models.meet.Threshold {
			told[cd.Sent] = append(told[cd.Sent], cd)
			first = min(first, cd.Sent)
		}
	}
	var out []newsgraph.Meeting
	for s := first + 1; s < len(c.d.Sentences); s++ {
		if !c.mayJoin(s) {
			continue
		}
		r := c.meetingBefore(s, told)
		if r < 0 || len(told[r]) == 0 {
			continue
		}
		// the meeting told in sentence r: its participants, in order
		var members []int
		for _, cd := range told[r] {
			members = append(members, cd.A, cd.B)
		}
		slices.Sort(members)
		members = slices.Compact(members)
		anchor := byPair[pairOf(c.d.Persons[told[r][0].A].Name, c.d.Persons[told[r][0].B].Name)]
		es := c.parsedSent(s)
		if es.ss == nil {
			continue
		}
		for _, j := range c.joins(es) {
			if slices.Contains(members, j.person) || c.d.Persons[j.person].Dropped {
				continue
			}
			m := anchor
			m.Evidence = c.sentText(s) // the joining sentence, with the meeting's confidence
			m.Rule, m.Confidence = "meet/joined the meeting", anchor.Confidence
			if c.statedPlan(es.ss, j.verb) != "" && m.Status != newsgraph.Planned {
				m.Status, m.CAMEO = newsgraph.Planned, "036"
				if d := c.dateIn(s, true); d != "" {
					m.Date = d
				}
				if m.Place == c.dateline {
					m.Place = ""
				}
			}
			if c.explain {
				m.Explain = &newsgraph.Explanation{
					Trigger:   es.ss.lemma(j.verb),
					Path:      fmt.Sprintf("%s [%s] %s; joins the meeting of sentence %d", es.ss.s.Words[j.verb].Form, j.path, es.ss.s.Words[j.word].Form, r+1),
					Score:     anchor.Confidence,
					Threshold: c.x.models.meet.Threshold,
				}
			}
			jn := c.d.Persons[j.person].Name
			for _, p := range members {
				pn := c.d.Persons[p].Name
				if have[pairOf(jn, pn)] {
					continue
				}
				have[pairOf(jn, pn)] = true
				m.A, m.B = jn, pn
				out = append(out, m)
			}
		}
	}
	return out
}

// pairOf is an unordered pair of names as a map key.
func pairOf(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// meetingBefore returns the latest sentence before s, at most joinReach
// sentences before it, that tells a meeting: one with an accepted meeting
// (told: "During that meeting, Kislyak told Kushner ...") or
// newMeetingTold; or -1.
func (c *evCtx) meetingBefore(s int, told map[int][]*Candidate) int {
	for r := s - 1; r >= 0 && s-r <= joinReach; r-- {
		if len(told[r]) > 0 || c.newMeetingTold(r) {
			return r
		}
	}
	return -1
}

// newMeetingTold says whether sentence r tells a meeting: it holds a meet
// word of the trigger lexicon that is no joining verb and no meet noun
// after a definite determiner, which names a meeting told before ("the
// talks lasted three hours").
func (c *evCtx) newMeetingTold(r int) bool {
	st := c.d.Sentences[r]
	for k := st.Tok0; k < st.Tok1; k++ {
		w := c.d.Tokens[k].Lower
		f := c.x.lex.forms[w]
		if f&formMeet == 0 || joinForms[w] {
			continue
		}
		again := f&formMeetNoun != 0 && (k-1 >= st.Tok0 && joinDeterminers[c.d.Tokens[k-1].Lower] ||
			k-2 >= st.Tok0 && joinDeterminers[c.d.Tokens[k-2].Lower])
		if !again {
			return true
		}
	}
	return false
}

// mayJoin says, before any parsing, whether sentence s may join a meeting:
// it holds a form of a joining verb and a person. Joining verbs are rare,
// so the persons are looked for only then.
func (c *evCtx) mayJoin(s int) bool { return c.holdsForm(s, joinForms) && c.namesPerson(s) }

// namesPerson says whether sentence s names a person who is not dropped,
// by name or by a reference resolved to one.
func (c *evCtx) namesPerson(s int) bool {
	for _, mi := range c.d.SentenceMentions(s) {
		if p := c.d.Mentions[mi].Person; p >= 0 && !c.d.Persons[p].Dropped {
			return true
		}
	}
	return slices.ContainsFunc(c.d.Refs, func(r Ref) bool { return r.Sent == s && r.Person >= 0 && !c.d.Persons[r.Person].Dropped })
}

// holdsForm says whether sentence s holds one of the word forms.
func (c *evCtx) holdsForm(s int, forms map[string]bool) bool {
	st := c.d.Sentences[s]
	for k := st.Tok0; k < st.Tok1; k++ {
		if forms[c.d.Tokens[k].Lower] {
			return true
		}
	}
	return false
}

// joinForms are the word forms of joinVerbs.
var joinForms = set("attend", "attends", "attended", "attending", "join", "joins", "joined", "joining",
	"participate", "participates", "participated", "participating", "took", "take", "takes", "taking", "taken",
	"sit", "sits", "sat", "sitting")

// join is a person who joins a meeting named again in a sentence.
type join struct {
	person, word, verb int
	path               string
}

// joins finds, in a parsed sentence, the persons who join a meeting named
// by a definite meeting noun (rule "joined the meeting").
func (c *evCtx) joins(es *evSent) []join {
	ss := es.ss
	var out []join
	for v, w := range ss.s.Words {
		if w.UPOS != "VERB" || !joinVerbs[ss.lemma(v)] {
			continue
		}
		noun, passive := c.joinedNoun(ss, v)
		if noun < 0 || c.modalityRule(ss, v, false) != "" {
			continue
		}
		for _, a := range es.persons {
			if a.word == noun {
				continue
			}
			if p := joinerPath(ss, v, a.word, passive); p != "" {
				out = append(out, join{person: a.person, word: a.word, verb: v, path: p})
			}
		}
	}
	return out
}

// joinedNoun returns the definite meeting noun that verb v joins, and
// whether v is passive ("was attended by"), or -1.
func (c *evCtx) joinedNoun(ss *synSent, v int) (int, bool) {
	lem := ss.lemma(v)
	passive := false
	var cands []int
	for _, k := range ss.kids[v] {
		switch l := ss.label(k); {
		case l == "obj" && (lem == "attend" || lem == "join"):
			cands = append(cands, k)
		case l == "nsubj:pass":
			passive = true
			cands = append(cands, k)
		case l == "obl[in]" && (lem == "participate" || lem == "take" && hasKid(ss, v, "obj", "part")):
			cands = append(cands, k)
		case l == "obl[on]" && lem == "sit" && (hasKid(ss, v, "compound:prt", "in") || hasKid(ss, v, "advmod", "in")):
			cands = append(cands, k)
		case l == "aux:pass":
			passive = true
		}
	}
	// "The meeting, which was attended by X": the relative pronoun is the
	// subject; the noun is the clause's head. "The meeting occurred ...,
	// and was attended by X": the conjunct shares its head's subject.
	if h := ss.head(v); h >= 0 {
		switch ss.s.Words[v].Deprel {
		case "acl:relcl":
			if passive || lem == "participate" || lem == "take" && hasKid(ss, v, "obj", "part") {
				cands = append(cands, h)
			}
		case "conj":
			if passive && !hasLabel(ss, v, "nsubj:pass") {
				for _, k := range ss.kids[h] {
					if l := ss.label(k); l == "nsubj" || l == "nsubj:pass" {
						cands = append(cands, k)
					}
				}
			}
		}
	}
	for _, n := range cands {
		if c.definiteMeetingNoun(ss, n) {
			return n, passive
		}
	}
	return -1, false
}

// definiteMeetingNoun says whether word n is a joinable meet noun with a
// definite determiner or a possessive pronoun.
func (c *evCtx) definiteMeetingNoun(ss *synSent, n int) bool {
	w := ss.s.Words[n]
	if w.UPOS != "NOUN" || !slices.ContainsFunc(c.x.lex.entries(ss.lemma(n), "NOUN"), joinable) {
		return false
	}
	for _, k := range ss.kids[n] {
		if l := ss.s.Words[k].Deprel; (l == "det" || l == "nmod:poss") && joinDeterminers[strings.ToLower(ss.s.Words[k].Form)] {
			return true
		}
	}
	return false
}

// joinerPath returns the path from verb v down to person word a when a is
// its joiner: the subject of an active verb or the agent of a passive one,
// or a member joined to it ("X and Y", "X, the adviser", "people including
// X"); else "".
func joinerPath(ss *synSent, v, a int, passive bool) string {
	up, _, down := ss.path(v, a)
	if len(up) > 0 || len(down) == 0 {
		return ""
	}
	switch l := ss.label(down[0]); {
	case !passive && l == "nsubj":
	case passive && byPhrase(ss, down[0]):
	default:
		return ""
	}
	for _, w := range down[1:] {
		switch l := ss.label(w); l {
		case "conj", "appos", "flat", "compound", "nmod:desc", "nmod[including]", "obl[including]":
		default:
			return ""
		}
	}
	return ss.pathString(v, a, false)
}

// hasKid says whether word v has a dependent with relation rel and lemma
// lem.
func hasKid(ss *synSent, v int, rel, lem string) bool {
	for _, k := range ss.kids[v] {
		if ss.s.Words[k].Deprel == rel && ss.lemma(k) == lem {
			return true
		}
	}
	return false
}

// hasLabel says whether word v has a dependent labelled l.
func hasLabel(ss *synSent, v int, l string) bool {
	for _, k := range ss.kids[v] {
		if ss.label(k) == l {
			return true
		}
	}
	return false
}

// byPhrase says whether the phrase of word w starts with "by": a passive
// agent, also when the parser hangs one with a title as the verb's object
// and its "by" under the title ("attended by national security adviser
// Michael Flynn").
func byPhrase(ss *synSent, w int) bool {
	lo, _ := ss.extent(w)
	return ss.lemma(lo) == "by"
}

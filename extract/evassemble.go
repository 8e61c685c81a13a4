package extract

import (
	"fmt"
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
// The later sentence must hold a joining verb (joinVerbs: "attend", "join",
// "participate in", "take part in", "sit in on") whose meeting noun (a
// meet noun of the trigger lexicon: "meeting", "talks", "summit",
// "dinner") is definite ("the", "that", "this", "their"): "a meeting" is a
// new one. The noun is the verb's object or its passive subject, or the
// noun the verb's relative clause or conjunct hangs from ("The meeting,
// which was also attended by X", "The meeting occurred ..., and was also
// attended by X"). The joiners are the verb's subject or passive agent and
// the members joined to it ("X and Y", "people including X"). The meeting
// named is the latest meeting told at most joinReach sentences before,
// when the extractor accepted it; a joiner already in it adds nothing. A negated or hypothetical
// verb joins no one ("Lavrov did not attend the talks"), a stated plan
// makes the pair planned ("Lavrov will join the talks on Friday"); the
// pair takes the meeting's place and date and, otherwise, its status.
// The meeting named is the one told last: when the latest sentence that
// tells a meeting holds no accepted one, the rule pairs no one.

// joinReach is how many sentences back a definite meeting noun finds the
// meeting it names.
const joinReach = 3

// joinVerbs are the lemmas of verbs by which one joins a meeting; "take"
// and "sit" count only with their particle or noun ("take part in", "sit
// in on").
var joinVerbs = set("attend", "join", "participate", "take", "sit")

// joinDeterminers make a meeting noun definite: it names a meeting told
// before.
var joinDeterminers = set("the", "that", "this", "these", "those", "their", "his", "her")

// accepted is one stored meeting with the candidate it came from.
type acceptedMeeting struct {
	cd *Candidate
	m  newsgraph.Meeting
}

// joined returns the meetings that rule "joined the meeting" adds to the
// accepted ones, in the order of their sentences.
func (c *evCtx) joined(acc []acceptedMeeting) []newsgraph.Meeting {
	if len(acc) == 0 {
		return nil
	}
	have := map[[2]string]bool{}
	for _, a := range acc {
		have[pairOf(a.m.A, a.m.B)] = true
	}
	first := len(c.d.Sentences)
	for _, a := range acc {
		first = min(first, a.cd.Sent)
	}
	var out []newsgraph.Meeting
	for s := first + 1; s < len(c.d.Sentences); s++ {
		anchor := c.meetingBefore(acc, s)
		if anchor < 0 || !c.mayJoin(s) {
			continue
		}
		es := c.parsed[s]
		if es == nil {
			es = c.sentence(s)
			c.parsed[s] = es
		}
		if es.ss == nil {
			continue
		}
		members := map[int]bool{}
		for _, a := range acc {
			if a.cd.Sent == acc[anchor].cd.Sent {
				members[a.cd.A], members[a.cd.B] = true, true
			}
		}
		for _, j := range c.joins(es) {
			if members[j.person] || c.d.Persons[j.person].Dropped {
				continue
			}
			m := acc[anchor].m
			status := m.Status
			if c.statedPlan(es.ss, j.verb) != "" {
				status = newsgraph.Planned
			}
			for _, a := range acc {
				if a.cd.Sent != acc[anchor].cd.Sent {
					continue
				}
				for _, p := range []int{a.cd.A, a.cd.B} {
					jn, pn := c.d.Persons[j.person].Name, c.d.Persons[p].Name
					if have[pairOf(jn, pn)] {
						continue
					}
					have[pairOf(jn, pn)] = true
					ev := c.sentText(s)
					ev.Rule = "meet/joined"
					ev.Confidence = m.Confidence
					if c.explain {
						ev.Explain = &newsgraph.Explanation{
							Trigger:   es.ss.lemma(j.verb),
							Path:      fmt.Sprintf("%s [%s] %s; joins the meeting of sentence %d (%s)", es.ss.s.Words[j.verb].Form, j.path, es.ss.s.Words[j.word].Form, acc[anchor].cd.Sent+1, strings.TrimSpace(m.Sentence)),
							Score:     m.Confidence,
							Threshold: c.x.models.meet.Threshold,
						}
					}
					out = append(out, newsgraph.Meeting{A: jn, B: pn, Place: m.Place, Date: m.Date, Status: status, CAMEO: m.CAMEO, Evidence: ev})
				}
			}
		}
	}
	return out
}

func pairOf(a, b string) [2]string {
	if a > b {
		a, b = b, a
	}
	return [2]string{a, b}
}

// meetingBefore returns the index in acc of an accepted meeting told in
// the latest sentence before s that tells a meeting at all (holds a meet
// word), at most joinReach sentences before s; or -1. When that sentence
// holds no accepted meeting ("the delegations had met for their summit"),
// the meeting named again is that one, and no one is paired.
func (c *evCtx) meetingBefore(acc []acceptedMeeting, s int) int {
	for r := s - 1; r >= 0 && s-r <= joinReach; r-- {
		st := c.d.Sentences[r]
		told := false
		for k := st.Tok0; k < st.Tok1 && !told; k++ {
			told = c.x.lex.forms[c.d.Tokens[k].Lower]&formMeet != 0
		}
		if !told {
			continue
		}
		for i, a := range acc {
			if a.cd.Sent == r {
				return i
			}
		}
		return -1
	}
	return -1
}

// mayJoin says, before any parsing, whether sentence s may join a meeting:
// it holds a form of a joining verb and a person.
func (c *evCtx) mayJoin(s int) bool {
	st := c.d.Sentences[s]
	verb, person := false, false
	for k := st.Tok0; k < st.Tok1; k++ {
		w := c.d.Tokens[k].Lower
		verb = verb || joinForms[w]
		if m := c.d.Tokens[k].Ment; m >= 0 && c.d.Mentions[m].Person >= 0 {
			person = true
		}
	}
	if !person {
		for _, r := range c.d.Refs {
			person = person || r.Sent == s && r.Person >= 0
		}
	}
	return verb && person
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
		case l == "obl[on]" && lem == "sit" && hasKid(ss, v, "compound:prt", "in"):
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
			if passive || lem == "participate" || lem == "take" {
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

// definiteMeetingNoun says whether word n is a meet noun of the trigger
// lexicon with a definite determiner or a possessive pronoun.
func (c *evCtx) definiteMeetingNoun(ss *synSent, n int) bool {
	w := ss.s.Words[n]
	if w.UPOS != "NOUN" {
		return false
	}
	meet := false
	for _, e := range c.x.lex.entries(ss.lemma(n), "NOUN") {
		meet = meet || e.Relation == relMeet && len(e.Words) == 1
	}
	if !meet {
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

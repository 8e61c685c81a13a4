package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Rule "a gathering of many" (GUIDELINES.md: "People merely attending a
// large event (a summit of many states, a conference, a parade) are not
// paired unless the text says they met"). A meeting word that names a
// gathering of many parties tells no meeting of two of them: "The APEC
// summit on Friday and Saturday will bring together APEC leaders,
// including Chinese President Hu Jintao, US President George W. Bush ..."
// pairs no two leaders; "Among the CEOs to attend the APEC CEO Summit are
// ..." none. A gathering is a noun of gatheringNouns named for a body of
// many members (an organisation's name before it: "the APEC summit", "the
// G20 summit") or a word of manyParties ("a world information summit",
// "an international conference"). Its own participants still meet: a
// person joined to the noun as its possessor, a compound or a "with",
// "between" or "of" phrase ("the Trump-Kim summit", "a summit with
// Putin"); and a gathering that is the setting of another verb's event
// ("speaks with Obama and Stoltenberg at the NATO summit", "met on the
// sidelines of the APEC summit") leaves that event to the models.

// gatheringNouns are meeting nouns that may name a gathering of many;
// manyParties the modifiers that say it is one.
var (
	gatheringNouns = set("summit", "conference", "forum", "convention", "congress", "assembly", "gathering")
	manyParties    = set("world", "global", "international", "regional", "multilateral")
)

// manyGathering says whether meet candidate cd is read from a gathering of
// many that neither of its persons is a participant of.
func (c *evCtx) manyGathering(cd *Candidate) bool {
	ss := cd.ss
	if ss == nil || ss.s.Words[cd.trig].UPOS != "NOUN" || !gatheringNouns[ss.lemma(cd.trig)] {
		return false
	}
	many := false
	for _, k := range ss.kids[cd.trig] {
		switch ss.s.Words[k].Deprel {
		case "compound", "amod":
			if manyParties[ss.lemma(k)] {
				many = true
			} else if m := c.mention(ss.s.Words[k].Tok); m != nil && m.Type == newsgraph.ORG {
				many = true
			}
		}
	}
	if !many || strings.Contains(ss.label(cd.trig), "[") {
		// a gathering in a phrase of its own is the setting of another
		// word's event ("Ghani speaks with Obama and Stoltenberg at the
		// NATO summit", however the parser hangs "at"): the pair is left
		// to the models
		return false
	}
	for _, a := range cd.args {
		up, _, down := ss.path(cd.trig, a)
		if len(up) > 0 || len(down) == 0 {
			continue
		}
		switch l := ss.label(down[0]); {
		case l == "compound", strings.HasPrefix(l, "nmod:poss"), l == "nmod[with]", l == "nmod[between]", l == "nmod[of]":
			return false // "the Trump-Kim summit", "a summit with Putin"
		}
	}
	return true
}

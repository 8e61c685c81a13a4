package extract

import "slices"

// Rule "a remote medium" (GUIDELINES.md: a meeting is face to face; phone
// calls are not meetings). A meeting word whose own means names a medium
// of contact at a distance tells no meeting: "During a phone talk with
// Lebanese Prime Minister Fouad Seniora, the king said", "a telephone
// conversation with Putin", "they talked by phone", "spoke over the
// telephone". The medium's own words ("telephoned Merkel", "a call with")
// are the lexicon's remote triggers, which the models read as no meeting
// already.
//
// The means is read narrowly, since the remote class of the trigger
// lexicon holds words of other senses too ("call", "contact", "ring",
// "page", "letter"):
//   - a compound before the meeting word that is a remote trigger of the
//     lexicon ("phone talk", "telephone conversation"; not "so-called", an
//     adjective);
//   - a bare by-phrase ("by phone", "by letter"; "alerted to the meeting by
//     an anonymous letter" names an agent);
//   - an on- or over-phrase of a telephone word, phoneWords ("on the phone",
//     "over the telephone"): on and over also name topics ("met on the call
//     for a ceasefire", "talks over the letter").

// phoneWords are the telephone's nouns, the only media an on- or
// over-phrase names.
var phoneWords = set("phone", "telephone", "phones", "telephones")

// remoteMedium says whether meet candidate cd is read from a meeting word
// whose means is a remote medium.
func (c *evCtx) remoteMedium(cd *Candidate) bool {
	ss := cd.ss
	if ss == nil {
		return false
	}
	for _, k := range ss.kids[cd.trig] {
		switch l := ss.label(k); l {
		case "compound":
			if c.remoteWord(ss.lemma(k)) {
				return true
			}
		case "obl[by]", "nmod[by]":
			// bare and singular: "by an anonymous letter", "by letters
			// from staff" name an agent
			if !hasDet(ss, k) && ss.s.Words[k].Form == ss.lemma(k) && c.remoteWord(ss.lemma(k)) {
				return true
			}
		case "obl[on]", "obl[over]", "nmod[on]", "nmod[over]":
			if phoneWords[ss.lemma(k)] {
				return true
			}
		}
	}
	return false
}

// remoteWord says whether lemma is a trigger of the lexicon's remote
// class, as a noun or a verb ("phone" is one as a verb).
func (c *evCtx) remoteWord(lemma string) bool {
	return c.x.lex.inRelation(lemma, "NOUN", relRemote) || c.x.lex.inRelation(lemma, "VERB", relRemote)
}

// hasDet says whether word w has a determiner or a possessor.
func hasDet(ss *synSent, w int) bool {
	return slices.ContainsFunc(ss.kids[w], func(k int) bool {
		dr := ss.s.Words[k].Deprel
		return dr == "det" || dr == "nmod:poss"
	})
}

package extract

// Rule "a remote medium" (GUIDELINES.md: a meeting is face to face; phone
// calls are not meetings). A meeting word whose own modifier or means
// phrase names a medium of the trigger lexicon's remote class (telephone,
// phone, video call, videoconference, letter ...) tells no meeting:
// "During a phone talk with Lebanese Prime Minister Fouad Seniora, the
// king said", "a telephone conversation with Putin", "they talked by
// phone", "spoke over the telephone". The medium's own words ("telephoned
// Merkel", "a call with") are the lexicon's remote triggers, which the
// models read as no meeting already.

// remoteMedium says whether meet candidate cd is read from a meeting word
// whose compound or adjective, or whose by-, over-, via- or on-phrase, is a
// remote medium.
func (c *evCtx) remoteMedium(cd *Candidate) bool {
	ss := cd.ss
	if ss == nil {
		return false
	}
	for _, k := range ss.kids[cd.trig] {
		switch l := ss.label(k); l {
		case "obl[by]", "nmod[by]":
			// a means is bare ("by phone"); "alerted to the meeting by an
			// anonymous letter" names an agent the parser hung there
			if hasDet(ss, k) {
				continue
			}
			fallthrough
		case "compound", "amod", "obl[over]", "obl[via]", "obl[on]", "nmod[over]", "nmod[via]", "nmod[on]":
			if c.remoteWord(ss.lemma(k)) {
				return true
			}
		}
	}
	return false
}

// hasDet says whether word w has a determiner.
func hasDet(ss *synSent, w int) bool {
	for _, k := range ss.kids[w] {
		if ss.s.Words[k].Deprel == "det" {
			return true
		}
	}
	return false
}

// remoteWord says whether lemma is a medium of the trigger lexicon's remote
// class, as a noun or a verb ("phone" is one as a verb).
func (c *evCtx) remoteWord(lemma string) bool {
	for _, pos := range []string{"NOUN", "VERB"} {
		for _, e := range c.x.lex.entries(lemma, pos) {
			if e.Relation == relRemote {
				return true
			}
		}
	}
	return false
}

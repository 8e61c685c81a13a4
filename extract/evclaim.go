package extract

import "strings"

// Rule "claim of responsibility" (GUIDELINES.md: "a claim of
// responsibility outranks suspicion"). A named armed group that claims an
// attack is its attacker: "Islamic State claimed responsibility for the
// bombing", "a suicide bombing claimed by ISIL killed ...". News tells the
// claim beside the attack or a few sentences after it, so an attack whose
// own sentence and the sentences before it name no attacker takes the
// claimant nearest to it, at most three sentences away.
//
// A claim is the subject of "claim" whose object is the responsibility
// (or credit) or an attack word, or the agent of "claimed by" hung on an
// attack word. Groups only: states deny or confirm, they do not claim. An
// organisation that claims an attack is an armed group, also one the list
// of known groups does not hold under its name ("The Pakistani Taliban
// claimed responsibility for Thursday's attack in Quetta").

// claimObjects are the objects of "claim" that make it a claim of an
// attack.
var claimObjects = map[string]bool{
	"responsibility": true, "credit": true, "attack": true, "bombing": true,
	"blast": true, "explosion": true, "strike": true, "assault": true,
}

// claim is a group's claim of an attack, told in sentence sent.
type claim struct {
	sent  int
	group string
}

// claims returns the article's claims of responsibility in text order.
func (c *evCtx) claims() []claim {
	var out []claim
	for s, st := range c.d.Sentences {
		said := false
		for t := st.Tok0; t < st.Tok1 && !said; t++ {
			switch c.d.Tokens[t].Lower {
			case "claim", "claimed", "claims", "claiming":
				said = true
			}
		}
		if !said {
			continue
		}
		es := c.parsedSent(s)
		for _, a := range es.actors {
			if (a.kind == "group" || a.kind == "org") && claimant(es.ss, a.word) && !eitherClaimant(es.ss, a.word) {
				out = append(out, claim{sent: s, group: a.name})
			}
		}
	}
	return out
}

// eitherClaimant says whether word w is joined to another by "or" (rule
// "either attacker" for claims: "most claimed by the Pakistani Taliban or
// one of its factions" names no one claimant).
func eitherClaimant(ss *synSent, w int) bool {
	for v := range ss.s.Words {
		if v != w && orJoined(ss, w, v) {
			return true
		}
	}
	// the parser may hang the alternative on the claim ("claimed by the
	// Pakistani Taliban or one of its factions": "one" a conjunct of
	// "claimed")
	if h := ss.head(w); h >= 0 && ss.lemma(h) == "claim" {
		for _, k := range ss.kids[h] {
			if ss.s.Words[k].Deprel == "conj" && orConjunct(ss, k) {
				return true
			}
		}
	}
	return false
}

// claimant says whether the word a is the one who claims: the subject of
// "claim" with a claim object, or the agent of "claimed by"; or a group
// named inside that subject's phrase ("a local Islamic State affiliate
// claimed", "a militant group called Liwa al-Thawra claimed"), not in an
// of-phrase ("a splinter group of Hamas" is not Hamas).
func claimant(ss *synSent, a int) bool {
	for steps := 0; steps < 3; steps++ {
		v := ss.head(a)
		if v < 0 {
			return false
		}
		if ss.lemma(v) == "claim" {
			break
		}
		switch dr := ss.s.Words[a].Deprel; {
		case dr == "compound", strings.HasPrefix(dr, "nmod:poss"), dr == "appos", dr == "flat":
		case (dr == "obj" || dr == "xcomp") && (ss.lemma(v) == "call" || ss.lemma(v) == "name"):
			// "a group called X": X names the group of the acl's head
		case strings.HasPrefix(dr, "acl") && (ss.lemma(a) == "call" || ss.lemma(a) == "name"):
		default:
			return false
		}
		a = v
	}
	v := ss.head(a)
	if v < 0 || ss.lemma(v) != "claim" {
		return false
	}
	switch l := ss.label(a); {
	case l == "nsubj":
		for _, k := range ss.kids[v] {
			if ss.label(k) == "obj" && claimObjects[ss.lemma(k)] {
				return true
			}
		}
	case strings.HasPrefix(l, "obl:agent"), l == "obl[by]":
		// "claimed by X", not "(shells by X) claiming the lives of ..."
		return strings.ToLower(ss.s.Words[v].Form) == "claimed"
	}
	return false
}

// claimedBy returns the group whose claim is nearest to sentence s (the
// earlier of two as near) and at most attackerReach sentences from it, or
// "": a claim told far away is of another attack ("While the Taliban
// claimed responsibility for the attack" in a story on rockets in Iraq).
func claimedBy(cl []claim, s int) string {
	best, dist := "", -1
	for _, k := range cl {
		d := k.sent - s
		if d < 0 {
			d = -d
		}
		if d <= attackerReach && (dist < 0 || d < dist) {
			best, dist = k.group, d
		}
	}
	return best
}

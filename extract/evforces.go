package extract

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"
)

// Rule "state forces". News names the attacker of most strikes of a civil
// war by the state's forces, not the state: "regime helicopters dropped
// barrel bombs on Dael", "government forces pounded opposition areas",
// "the army aircraft pounded ISIL positions in Palmyra". Such a noun (the
// agents of extract/data/agents.tsv: regime, government, army, troops,
// warplanes ...) with no country word of its own is an attacker candidate
// for the state it belongs to:
//
//   - "told": the state whose country word last stood before a noun of the
//     same class earlier in the article ("the Syrian regime ... regime
//     helicopters": SY; "Israel's army ... the army said": IL);
//   - else "home": the country of the places its sentence names, when they
//     lie in one ("pounded opposition areas of Aleppo and Hama": SY), a
//     state's forces at home;
//   - else none: "coalition warplanes" with no such state stay unresolved.
//
// The attacker model decides on these candidates like on the others (it
// learns which nouns and which readings hold), and they need its
// threshold even as the agent of the attack word.

// agent is one entry of agents.tsv: lower-case lemma words and a class.
type agent struct {
	words []string // all but the last: lower-case forms; the last: the lemma
	class string   // gov or mil
}

// agentLexicon indexes the agents by the forms of their last word.
type agentLexicon map[string][]agent

func loadAgents() (agentLexicon, error) {
	b, err := readData("agents.tsv")
	if err != nil {
		return nil, err
	}
	lx := agentLexicon{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 3 || f[0] == "" || f[2] == "" {
			return nil, fmt.Errorf("agents.tsv line %d: want words, class and forms", n)
		}
		a := agent{words: strings.Fields(f[0]), class: f[1]}
		for _, form := range strings.Split(f[2], ",") {
			lx[form] = append(lx[form], a)
		}
	}
	return lx, sc.Err()
}

// at returns the longest agent whose last word is token t and whose other
// words are the tokens before it, with its first token; ok is false if none.
func (lx agentLexicon) at(d *Doc, t int) (a agent, first int, ok bool) {
	for _, e := range lx[d.Tokens[t].Lower] {
		k := len(e.words) - 1
		if t-k < d.Sentences[d.Tokens[t].Sent].Tok0 {
			continue
		}
		match := true
		for i := 0; i < k && match; i++ {
			match = d.Tokens[t-k+i].Lower == e.words[i]
		}
		if match && (!ok || len(e.words) > len(a.words)) {
			a, first, ok = e, t-k, true
		}
	}
	return a, first, ok
}

// ownedBy returns the code of the country word that says whose forces the
// agent starting at token first is ("Syrian government forces", "Israel's
// army", "the U.S. military"), or "", looking back over at most one word
// between ("Syrian regime", "Syria's ruling junta").
func ownedBy(d *Doc, first int) string {
	lo := d.Sentences[d.Tokens[first].Sent].Tok0
	for k := first - 1; k >= lo && k >= first-3; k-- {
		if ci := countryEndingAt(d, k); ci >= 0 {
			return d.Countries[ci].Code
		}
		switch d.Tokens[k].Lower {
		case "'s", "’s", "the":
			continue
		}
		if k < first-1 {
			break
		}
	}
	return ""
}

// countryEndingAt returns the country reference that ends at token k (and
// is no part of an organisation's name), or -1.
func countryEndingAt(d *Doc, k int) int {
	for i, c := range d.Countries {
		if c.Tok1-1 == k && !c.InOrg {
			return i
		}
	}
	return -1
}

// forcesTold returns, for each agent class, the states whose country words
// own an agent of that class, by token: the readings rule "state forces"
// ("told") resolves later agents with. Computed once per article.
func (c *evCtx) forcesTold() []forcesOwner {
	if c.ownersRead {
		return c.owners
	}
	c.ownersRead = true
	for t := range c.d.Tokens {
		if c.d.Tokens[t].Ment >= 0 {
			continue
		}
		a, first, ok := c.x.agents.at(c.d, t)
		if !ok {
			continue
		}
		if code := ownedBy(c.d, first); code != "" {
			c.owners = append(c.owners, forcesOwner{tok: first, class: a.class, code: code})
		}
	}
	return c.owners
}

// forcesOwner is a state named as the owner of an agent of a class at
// token tok.
type forcesOwner struct {
	tok   int
	class string
	code  string
}

// forcesArgs returns the attacker candidates of rule "state forces" in the
// parsed sentence es: each agent noun with no country word of its own,
// resolved to a state. Only attack triggers read attackers: a sentence
// without one has none.
func (c *evCtx) forcesArgs(es *evSent) []evArg {
	attack := false
	for _, t := range es.trigs {
		attack = attack || t.has(relAttack)
	}
	if !attack {
		return nil
	}
	ss := es.ss
	var out []evArg
	for i, w := range ss.s.Words {
		if w.UPOS != "NOUN" && w.UPOS != "PROPN" && w.UPOS != "ADJ" { // "Regime helicopters" may read as an adjective
			continue
		}
		t := w.Tok
		if t < 0 || c.d.Tokens[t].Ment >= 0 || c.d.Tokens[t].Country >= 0 {
			continue
		}
		a, first, ok := c.x.agents.at(c.d, t)
		if !ok || ownedBy(c.d, first) != "" || first > 0 && c.d.Tokens[first-1].Ment >= 0 {
			continue // "Syrian government forces", "Houthi fighters": named already
		}
		if !c.forcesHead(ss, i) {
			continue // "a government building": the noun names no force
		}
		code, via := "", ""
		for _, o := range c.forcesTold() {
			if o.tok < first && o.class == a.class {
				code, via = o.code, "told"
			}
		}
		if code == "" {
			code, via = soleCountry(es.places), "home"
		}
		if code == "" {
			continue
		}
		out = append(out, evArg{word: i, tok0: first, tok1: t + 1, kind: "forces", person: -1, name: code, reading: via + "/" + a.class})
	}
	return out
}

// soleCountry returns the country all the places with a known country lie
// in, or "" when there is none or more than one.
func soleCountry(places []evArg) string {
	code := ""
	for _, p := range places {
		if p.country == "" {
			continue
		}
		if code != "" && code != p.country {
			return ""
		}
		code = p.country
	}
	return code
}

// forcesHead says whether the agent noun at word i stands for the forces:
// it heads its phrase, or it modifies a weapon or attack word ("regime
// helicopters", "regime bombs") or another agent ("army aircraft"), not
// some other thing ("a government building", "army headquarters").
func (c *evCtx) forcesHead(ss *synSent, i int) bool {
	switch ss.s.Words[i].Deprel {
	case "compound", "amod", "nmod:poss":
	default:
		return true
	}
	n := ss.head(i)
	if n < 0 {
		return true
	}
	if t := ss.s.Words[n].Tok; t >= 0 {
		if _, _, ok := c.x.agents.at(c.d, t); ok {
			return true
		}
	}
	for _, e := range c.x.lex.entries(strings.ToLower(ss.s.Words[n].Lemma), ss.s.Words[n].UPOS) {
		if e.Relation == relAttack {
			return true
		}
	}
	return false
}

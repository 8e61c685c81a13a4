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
	lx := agentLexicon{}
	err := eachRow("agents.tsv", "words, class and forms", func(f []string) bool {
		if f[0] == "" || f[2] == "" {
			return false
		}
		a := agent{words: strings.Fields(f[0]), class: f[1]}
		for _, form := range strings.Split(f[2], ",") {
			lx[form] = append(lx[form], a)
		}
		return true
	})
	return lx, err
}

// eachRow calls row with the three tab-separated fields of each line of the
// data file name; a line of another shape, or one row rejects, is an error
// that names the file, the line and what it should hold (want).
func eachRow(name, want string, row func(f []string) bool) error {
	b, err := readData(name)
	if err != nil {
		return err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		if f := strings.Split(sc.Text(), "\t"); len(f) != 3 || !row(f) {
			return fmt.Errorf("%s line %d: want %s", name, n, want)
		}
	}
	return sc.Err()
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
	if !es.holds(relAttack) {
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
		if !ok {
			if code := c.ledCoalition(t); code != "" && c.coalitionHead(ss, i) {
				out = append(out, evArg{word: i, tok0: t, tok1: t + 1, kind: "forces", person: -1, name: code, reading: "told/mil"})
			}
			continue
		}
		if ownedBy(c.d, first) != "" || first > 0 && c.d.Tokens[first-1].Ment >= 0 {
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

// Rule "a led coalition". News names the attacker of many air strikes of
// the wars in Syria, Iraq and Yemen by the coalition a state leads: "US-led
// coalition air strikes had locked up the dam's gates ... An SDF spokesman
// denied that coalition strikes hit the dam structure". A "coalition" with
// no leader's word of its own, heading its phrase or modifying an attack, a
// weapon or an armed force ("coalition warplanes"; not "coalition
// government"), stands for the state the article last named as a
// coalition's leader before it ("the US-led coalition", "the U.S.-led
// coalition", "a coalition led by the United States"; not "a coalition led
// by Iraq's former Prime Minister"); with none named, for no one
// ("coalition warplanes" alone). The attacker model weighs it as a state's
// forces told before ("told/mil"). A "coalition" with its leader's word
// ("the US-led coalition", "a coalition led by the United States") is no
// candidate: the country word is one of its own.
func (c *evCtx) ledCoalition(t int) string {
	if !coalitionWord(c.d.Tokens[t].Lower) || t > 0 && ledBy(c.d, t-1) != "" || ledAfter(c.d, t) != "" {
		return ""
	}
	code := ""
	for k := 0; k < t; k++ {
		if !coalitionWord(c.d.Tokens[k].Lower) {
			continue
		}
		o := ""
		if k > 0 {
			o = ledBy(c.d, k-1)
		}
		if o == "" {
			o = ledAfter(c.d, k)
		}
		if o != "" {
			code = o
		}
	}
	return code
}

func coalitionWord(w string) bool { return w == "coalition" || w == "coalitions" }

// ledBy returns the country of the leader's word of a coalition that ends
// at token k ("US-led", "Saudi-led" as one token; "U.S.", "-", "led" as
// three), else "".
func ledBy(d *Doc, k int) string {
	tk := d.Tokens[k]
	ci := -1
	switch {
	case tk.Country >= 0 && strings.HasSuffix(tk.Lower, "-led"):
		ci = tk.Country
	case tk.Lower == "led" && k >= 2 && d.Tokens[k-1].Text == "-" && d.Tokens[k-2].Sent == tk.Sent:
		ci = countryEndingAt(d, k-2)
	}
	if ci < 0 || d.Countries[ci].InOrg {
		return ""
	}
	return d.Countries[ci].Code
}

// ledAfter returns the country of "coalition led by X" at the coalition
// token k ("led by the United States"), else "".
func ledAfter(d *Doc, k int) string {
	s := d.Sentences[d.Tokens[k].Sent]
	if k+2 >= s.Tok1 || d.Tokens[k+1].Lower != "led" || d.Tokens[k+2].Lower != "by" {
		return ""
	}
	for j := k + 3; j < s.Tok1 && j <= k+4; j++ {
		if ci := d.Tokens[j].Country; ci >= 0 && !d.Countries[ci].InOrg {
			if e := d.Countries[ci].Tok1; e < s.Tok1 && (d.Tokens[e].Lower == "'s" || d.Tokens[e].Lower == "’s") {
				return "" // "led by Iraq's former Prime Minister": a person leads it
			}
			return d.Countries[ci].Code
		}
	}
	return ""
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

// coalitionHead says whether the coalition at word i stands for its
// forces: it heads its phrase, or it modifies an attack or weapon word
// ("coalition air strikes") or a military agent ("coalition warplanes"),
// not a government ("coalition government") or another thing ("a
// coalition base").
func (c *evCtx) coalitionHead(ss *synSent, i int) bool { return c.standsForForce(ss, i, false) }

// forcesHead says whether the agent noun at word i stands for the forces:
// it heads its phrase, or it modifies a weapon or attack word ("regime
// helicopters", "regime bombs") or another agent ("army aircraft"), not
// some other thing ("a government building", "army headquarters").
func (c *evCtx) forcesHead(ss *synSent, i int) bool { return c.standsForForce(ss, i, true) }

// standsForForce says whether the noun at word i heads its phrase or
// modifies a force or an attack (forceOrAttack; a government counts with
// gov).
func (c *evCtx) standsForForce(ss *synSent, i int, gov bool) bool {
	switch ss.s.Words[i].Deprel {
	case "compound", "amod", "nmod:poss":
	default:
		return true
	}
	n := ss.head(i)
	return n < 0 || c.forceOrAttack(ss, n, gov)
}

// forceOrAttack says whether word n names a state's forces or, with gov,
// its government (an agent of agents.tsv: "army", "regime") or an attack
// ("bombs", "airstrikes").
func (c *evCtx) forceOrAttack(ss *synSent, n int, gov bool) bool {
	if t := ss.s.Words[n].Tok; t >= 0 {
		if a, _, ok := c.x.agents.at(c.d, t); ok {
			return gov || a.class == "mil"
		}
	}
	for _, e := range c.x.lex.entries(strings.ToLower(ss.s.Words[n].Lemma), ss.s.Words[n].UPOS) {
		if e.Relation == relAttack {
			return true
		}
	}
	return false
}

// Rule "state actor". A strike's attacker is a state, but news often
// names the state's leader or agency instead: "Obama ordered airstrikes
// on Libya", "Assad used barrel bombs", "a CIA drone strike", "the
// Pentagon said its jets struck". A person or organisation named in
// actors.tsv (PETRARCH2's country actors: heads of government, defence,
// armed forces, intelligence services; scripts/lexicon/actors.py) is an
// attacker candidate for the state it acts for: kind "leader" for a
// person, "agency" for an organisation. The attacker model decides on
// them like on the others, with its threshold even as the agent of the
// attack word: "Putin said the strikes hit ..." names a leader who
// attacked nothing.

// stateActor is one entry of actors.tsv.
type stateActor struct {
	code string // ISO 3166-1 alpha-2 of the state
	role string // gov, mil or spy
}

// actorLexicon maps a lower-case name to the state it acts for.
type actorLexicon map[string]stateActor

func loadActors() (actorLexicon, error) {
	lx := actorLexicon{}
	err := eachRow("actors.tsv.gz", "name, code and role", func(f []string) bool {
		lx[f[0]] = stateActor{code: f[1], role: f[2]}
		return f[0] != "" && len(f[1]) == 2
	})
	return lx, err
}

// personState returns the state actor the person pi is: its name in the
// lexicon, else an alias of as many words ("Bashar Assad" for "Bashar
// al-Assad"), or the zero value. A full name the lexicon lacks is not read
// through its one-word alias: "Iraqi Foreign Minister Fuad Hussein" is not
// the lexicon's "Hussein", King Hussein of Jordan.
func (c *evCtx) personState(pi int) stateActor {
	p := c.d.Persons[pi]
	if a, ok := c.x.actors[strings.ToLower(p.Name)]; ok {
		return a
	}
	n := len(strings.Fields(p.Name))
	for _, al := range p.Aliases {
		if len(strings.Fields(al)) < n {
			continue
		}
		if a, ok := c.x.actors[strings.ToLower(al)]; ok {
			return a
		}
	}
	return stateActor{}
}

// stateActorArgs returns the attacker candidates of rule "state actor" in
// the parsed sentence es: its persons who lead a state's government,
// forces or intelligence, by the state, where they stand as someone who
// acts: a subject, a passive's agent or a possessor ("Obama defended his
// administration's use of drones"), not a modifier ("suspected Morsi
// supporters") or a headline's speaker ("Obama: The FBI is investigating
// the Boston bombing"). The organisations among its actors are read in
// place (agencyArg). Like rule "state forces", only a sentence with an
// attack word has any.
func (c *evCtx) stateActorArgs(es *evSent) []evArg {
	if !es.holds(relAttack) {
		return nil
	}
	var out []evArg
	for _, p := range es.persons {
		if p.person < 0 {
			continue
		}
		switch es.ss.s.Words[p.word].Deprel {
		case "nsubj", "obl:agent":
		case "nmod:poss":
			// he acts through what he owns only if it is an attack or his
			// forces ("Assad's barrel bombs", "Assad's regime"), not his
			// followers ("Morsi's supporters", "Saddam Hussein's loyalists")
			if n := es.ss.head(p.word); n < 0 || !c.forceOrAttack(es.ss, n, true) {
				continue
			}
		default:
			continue
		}
		if a := c.personState(p.person); a.code != "" {
			out = append(out, evArg{word: p.word, tok0: p.tok0, tok1: p.tok1, kind: "leader", person: -1, name: a.code, reading: a.role})
		}
	}
	return out
}

// readState says whether an attacker candidate of this kind is a state
// read from its forces, its leader or its agency rather than named: the
// attacker model's threshold holds for it even as the agent of the attack
// word, and the target model does not count it among the actors.
func readState(kind string) bool {
	return kind == "forces" || kind == "leader" || kind == "agency"
}

// agencyArg makes an organisation that is a state's agency ("CIA",
// "Pentagon", "IDF") an attacker candidate for its state.
func (c *evCtx) agencyArg(a evArg) evArg {
	if s, ok := c.x.actors[strings.ToLower(a.name)]; ok && a.kind == "org" {
		a.kind, a.name, a.reading = "agency", s.code, s.role
	}
	return a
}

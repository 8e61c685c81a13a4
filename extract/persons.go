package extract

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// resolvePersons clusters PER mentions into persons and gives each a role
// and a country.
func (x *Extractor) resolvePersons(d *Doc) {
	type pm struct {
		idx   int
		words []string // core words, lower case
		core  string
		caps  bool
	}
	var ms []pm
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		if m.Type != newsgraph.PER {
			continue
		}
		a := m.Tok0
		for a < m.Tok1-1 && honorifics[d.Tokens[a].Lower] && !royalTitles[d.Tokens[a].Lower] {
			a++
		}
		if officeTitle(d, a) && a < m.Tok1-1 {
			a++ // "Crown Prince Mohammed bin Salman": an heir's office, not his name
		} else if a == m.Tok0 && a > 0 && royalTitles[d.Tokens[a-1].Lower] && isCap(d.Tokens[a-1].Text) && d.Tokens[a-1].Sent == d.Tokens[a].Sent && !officeTitle(d, a-1) {
			a-- // "King Fahd", "Pope Francis": the title is part of the name
		}
		m.Core = strings.Join(strings.Fields(d.Span(d.Tokens[a].Start, d.Tokens[m.Tok1-1].End)), " ")
		var words []string
		for k := a; k < m.Tok1; k++ {
			if w := d.Tokens[k].Lower; !royalTitles[w] || k == m.Tok1-1 {
				words = append(words, w)
			}
		}
		ms = append(ms, pm{idx: mi, words: words, core: m.Core, caps: isAllCaps(m.Core)})
	}
	ent := make([]int, len(ms)) // entity of each mention, -1 unassigned
	var ents [][]string         // words of each entity's fullest form
	for i := range ent {
		ent[i] = -1
	}
	// full names first, in text order; a name contained in an earlier one
	// (or containing it, a spelling variant of its surname, or the same words
	// with or without hyphens) joins it
	byLast := map[string][]int{} // surname (without al-) -> entities, first introduced first
	note := func(e int, words []string) {
		keys := []string{surnameKey(words)}
		if x.familyFirst(words) {
			keys = append(keys, stripArticle(words[0])) // rule "family name first"
		}
	next:
		for _, k := range keys {
			for _, o := range byLast[k] {
				if o == e {
					continue next
				}
			}
			byLast[k] = append(byLast[k], e)
		}
	}
	for i, m := range ms {
		if len(m.words) < 2 {
			continue
		}
		last := surname(m.words)
		cands := byLast[surnameKey(m.words)]
		if len(ents) <= 300 {
			cands = nil
			for e := range ents {
				cands = append(cands, e)
			}
		}
		for _, e := range cands {
			w := ents[e]
			if generation(w) != generation(m.words) {
				continue // rule "generations": "Donald Trump Jr." is not "Donald Trump"
			}
			if containsWords(w, m.words) || containsWords(m.words, w) || variant(w[len(w)-1], last) || hyphenVariant(w, m.words) || initialVariant(w, m.words) || initialVariant(m.words, w) {
				ent[i] = e
				if len(m.words) > len(w) {
					ents[e] = m.words
					note(e, m.words)
				}
				break
			}
		}
		if ent[i] < 0 {
			ent[i] = len(ents)
			ents = append(ents, m.words)
			note(ent[i], m.words)
		}
	}
	// single words: the first person introduced with that surname (the
	// protagonist when two share it), else an earlier lone mention of the
	// word, else a new person
	lone := map[string]int{}
	others := otherNames(ents)
	// the given name of exactly one full name ("Theresa" of "Theresa May"),
	// -1 when two full names share it
	given := map[string]int{}
	for e, w := range ents {
		if len(w) >= 2 {
			if _, dup := given[w[0]]; dup {
				given[w[0]] = -1
			} else {
				given[w[0]] = e
			}
		}
	}
	// what the titles say: a full name's gender by the gendered titles of
	// its own mentions ("first lady Michelle Obama"), 'x' when they
	// disagree; whether a mention of it has an office title ("Sen. Bob
	// Casey Jr."); and the surnames whose lone mentions have an office
	// title that no Jr. of that surname has ("President Trump" beside
	// "Donald Trump Jr."): the father's, and so are their untitled ones
	type title struct {
		gender byte
		office bool
	}
	titles := make([]title, len(ms))
	entGender := map[int]byte{}
	titledEnt := map[int]bool{}
	for i, m := range ms {
		g, office := mentionTitle(d, d.Mentions[m.idx])
		titles[i] = title{g, office}
		if e := ent[i]; e >= 0 {
			if h, seen := entGender[e]; g != 0 && seen && h != g {
				g = 'x'
			}
			if g != 0 {
				entGender[e] = g
			}
			titledEnt[e] = titledEnt[e] || office
		}
	}
	father := map[string]bool{}
	for i, m := range ms {
		if ent[i] >= 0 {
			continue
		}
		k := stripArticle(m.words[len(m.words)-1])
		if titles[i].office {
			for _, e := range byLast[k] {
				if generation(ents[e]) != "" && !titledEnt[e] {
					father[k] = true
				}
			}
		}
	}
	for i, m := range ms {
		if ent[i] >= 0 {
			continue
		}
		k := stripArticle(m.words[len(m.words)-1])
		best := -1
		// rule "title gender": a lone surname with a gendered title ("Mr.",
		// "Mrs.", "Queen") is none of the full names of the other gender,
		// as their own titles tell ("Mr. Obama" is not "first lady Michelle
		// Obama"), or, between full names of one surname, their given
		// names ("Mrs. Clinton" of "Bill Clinton" and "Hillary Clinton");
		// a given name alone splits no one ("Mr. Graham" is "Lindsey
		// Graham")
		g := titles[i].gender
		byName := len(byLast[k]) > 1
		fits := func(e int) bool {
			// rule "generations" also reads titles (above)
			if father[k] && generation(ents[e]) != "" {
				return false
			}
			h := entGender[e]
			if h == 0 && byName {
				h = x.nameGender(ents[e])
			}
			return g == 0 || h == 0 || h == 'x' || h == g
		}
		if es := byLast[k]; slices.ContainsFunc(es, fits) {
			// a lone surname is the one without a suffix ("Trump", not
			// "Trump Jr."); the son's when he alone has it ("Dale
			// Earnhardt Jr. ... Earnhardt said")
			for _, e := range es {
				if fits(e) && (best < 0 || generation(ents[e]) == "" && generation(ents[best]) != "") {
					best = e
				}
			}
		} else if e, ok := others[k]; ok && len(m.words) == 1 && fits(e) {
			// "Laínez" of "Francisco Laínez Rivas", "Tian" of "Tian Jiyun"
			best = e
		} else if e, ok := given[m.words[0]]; ok && e >= 0 && len(m.words) == 1 && fits(e) && (x.isGiven(nameCase(m.words[0])) || firstNameAlone(x, ents[e])) {
			// "Theresa" of "Theresa May" when no one else is a Theresa;
			// (and rule "first name alone")
			best = e
		} else if e, ok := lone[k]; ok {
			best = e
		} else {
			best = len(ents)
			ents = append(ents, m.words)
			lone[k] = best
		}
		ent[i] = best
	}
	// build entities in order of first mention
	order := map[int]int{}
	for i, m := range ms {
		e := ent[i]
		pi, ok := order[e]
		if !ok {
			pi = len(d.Persons)
			order[e] = pi
			d.Persons = append(d.Persons, Entity{})
		}
		p := &d.Persons[pi]
		p.Mentions = append(p.Mentions, m.idx)
		d.Mentions[m.idx].Person = pi
	}
	x.dropUnlikelyPersons(d)
	possessor := make([]int, len(d.Persons))
	for i := range possessor {
		possessor[i] = -1
	}
	for pi := range d.Persons {
		p := &d.Persons[pi]
		best := -1
		bestN := 0
		for _, mi := range p.Mentions {
			m := d.Mentions[mi]
			n := len(strings.Fields(m.Core))
			caps := isAllCaps(m.Core)
			if best < 0 || n > bestN || n == bestN && isAllCaps(d.Mentions[best].Core) && !caps {
				best, bestN = mi, n
			}
		}
		p.Name = d.Mentions[best].Core
		if isAllCaps(p.Name) {
			p.Name = titleCase(p.Name)
		}
		seen := map[string]bool{strings.ToLower(p.Name): true}
		for _, mi := range p.Mentions {
			c := d.Mentions[mi].Core
			if isAllCaps(c) {
				c = titleCase(c)
			}
			if !seen[strings.ToLower(c)] {
				seen[strings.ToLower(c)] = true
				p.Aliases = append(p.Aliases, c)
			}
			// the bare name of a royal or religious title ("Fahd" of "King Fahd")
			if w := strings.Fields(c); len(w) >= 2 && royalTitles[strings.ToLower(w[0])] {
				bare := strings.Join(w[1:], " ")
				if !seen[strings.ToLower(bare)] {
					seen[strings.ToLower(bare)] = true
					p.Aliases = append(p.Aliases, bare)
				}
			}
		}
		for _, mi := range p.Mentions {
			role, country, poss := x.roleOf(d, d.Mentions[mi])
			if p.Role == "" && role != "" && !isAllCaps(role) {
				// a headline's role in capitals ("KING FAHD", "U.S.
				// ENVOY") waits for the body's spelling of it
				p.Role = role
			}
			if p.Country == "" && country != "" {
				p.Country = country
			}
			if poss >= 0 && possessor[pi] < 0 {
				possessor[pi] = poss
			}
		}
	}
	// "Trump's envoy": the possessor's country
	for pi := range d.Persons {
		if pm := possessor[pi]; pm >= 0 && d.Persons[pi].Country == "" {
			if q := d.Mentions[pm].Person; q >= 0 && q != pi {
				d.Persons[pi].Country = d.Persons[q].Country
			}
		}
	}
	inheritCountries(d)
}

// mentionTitle reads the title words of a person mention: those it
// begins with and the one right before it in its sentence ("President
// Trump", "Mr. Obama", "Fed Chairman Yellen"). gender is the gender of a
// courtesy or royal title ("Mr.", "Mrs.", "Queen"; not "chairman" or
// "spokesman", which news also gives women); office says whether one is
// an office ("President", "Sen.", "Magistrate"), not a courtesy, royal or
// academic title ("Mr.", "King", "Dr.").
func mentionTitle(d *Doc, m Mention) (gender byte, office bool) {
	for k := max(m.Tok0-1, 0); k < m.Tok1-1; k++ {
		if k < m.Tok0 && d.Tokens[k].Sent != d.Tokens[m.Tok0].Sent {
			continue
		}
		w := d.Tokens[k].Lower
		if g, ok := genderedTitles[w]; ok && (courtesyTitles[w] || royalTitles[w] || w == "sir" || w == "dame") {
			gender = g
		}
		if (personTitles[w] || titleWords[w] || w == "magistrate" || w == "sheriff") && !courtesyTitles[w] && !royalTitles[w] && !notOffices[w] {
			office = true
		}
	}
	return gender, office
}

// notOffices are title words that name no office.
var notOffices = set("dr", "dr.", "sir", "dame", "former", "acting", "coach", "counterpart", "spokesman", "spokeswoman", "spokesperson")

// nameGender is the gender of a full name's given name (the gazetteer's
// given names), 0 when unknown.
func (x *Extractor) nameGender(words []string) byte {
	if len(words) < 2 {
		return 0
	}
	return x.gaz.gender[nameCase(words[0])]
}

// inheritCountries gives a titled person with no country the country of
// the person the text ties them to: the first of a coordination ("Israeli
// prime minister A and energy minister B") or the leader an official
// travels with ("He was accompanied by Foreign Minister B", "arrived on
// Wednesday with Energy Minister B", "accompanied by his Foreign Minister,
// B"). A head of state's or government's title is never shared.
func inheritCountries(d *Doc) {
	for mi, m := range d.Mentions {
		pi := m.Person
		if pi < 0 || d.Persons[pi].Country != "" {
			continue
		}
		si := d.Tokens[m.Tok0].Sent
		s := d.Sentences[si]
		end := m.Tok0
		if end-2 >= s.Tok0 && d.Tokens[end-1].Text == "," && roleWord(d, end-2) {
			end-- // "his Foreign Minister, B"
		}
		start := roleRun(d, s.Tok0, end)
		if start == end || !hasPersonTitle(d, start, end) || start <= s.Tok0 || headOfState(d, start, end) {
			continue
		}
		k := start - 1
		if l := d.Tokens[k].Lower; (l == "his" || l == "her" || l == "their") && k > s.Tok0 {
			k--
		}
		prev := d.Tokens[k].Lower
		from := -1
		switch {
		case prev == "and" || prev == ",":
			if k-1 >= s.Tok0 {
				if q := d.Tokens[k-1].Ment; q >= 0 && d.Mentions[q].Type == newsgraph.PER && d.Mentions[q].Tok1 == k {
					from = q
				}
			}
		case prev == "alongside" || prev == "by" && companionBefore(d, s.Tok0, k, "accompanied", "joined") ||
			prev == "with" && companionBefore(d, s.Tok0, k, companionVerbs...):
			// the subject: the first person of the sentence, or with a
			// pronoun for subject, of the sentence before
			for _, sj := range []int{si, si - 1} {
				if sj < 0 || from >= 0 || sj < si && !pronounSubject[d.Tokens[s.Tok0].Lower] {
					break
				}
				for q := range d.Mentions {
					mq := d.Mentions[q]
					if mq.Tok0 >= d.Sentences[sj].Tok0 && mq.Tok1 <= min(d.Sentences[sj].Tok1, start) && mq.Type == newsgraph.PER && mq.Person >= 0 && mq.Person != pi {
						from = q
						break
					}
				}
			}
		}
		_ = mi
		if from < 0 {
			continue
		}
		if q := d.Mentions[from].Person; q >= 0 && q != pi && d.Persons[q].Country != "" {
			d.Persons[pi].Country = d.Persons[q].Country
		}
	}
}

// companionVerbs before "with" make the person after it a travel companion.
var companionVerbs = []string{"arrived", "arrives", "arrive", "arriving", "flew", "flown", "fly", "flies", "flying",
	"travelled", "traveled", "travelling", "traveling", "travels", "came", "return", "returned", "returning", "headed", "landed"}

// pronounSubject words starting a sentence refer to someone named before.
var pronounSubject = set("he", "she", "they")

// companionBefore reports whether one of words stands within the four
// tokens before k, in the sentence starting at s0.
func companionBefore(d *Doc, s0, k int, words ...string) bool {
	for t := k - 1; t >= s0 && t >= k-4; t-- {
		for _, w := range words {
			if d.Tokens[t].Lower == w {
				return true
			}
		}
	}
	return false
}

// headOfState reports whether the title in tokens [a, b) is a head of
// state's or government's, which a coordination does not share.
func headOfState(d *Doc, a, b int) bool {
	for k := a; k < b; k++ {
		switch d.Tokens[k].Lower {
		case "deputy", "vice":
			return false
		case "president", "prime", "premier", "king", "queen", "chancellor", "emperor", "emir", "sultan", "pope", "leader":
			return true
		}
	}
	return false
}

// containsWords reports whether b occurs in a as a contiguous run.
func containsWords(a, b []string) bool {
	if len(b) > len(a) {
		return false
	}
	for i := 0; i+len(b) <= len(a); i++ {
		ok := true
		for k := range b {
			if a[i+k] != b[k] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// initialVariant reports whether name a is name b with middle initials
// (rule "middle initial": "Donald J. Trump" is "Donald Trump", "Paul J.
// Manafort" is "Paul Manafort"). b has none of its own: "George H. W.
// Bush" is not "George W. Bush".
func initialVariant(a, b []string) bool {
	initial := func(w string) bool {
		w = strings.TrimSuffix(w, ".")
		return utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0])
	}
	if len(a) <= len(b) || len(b) < 2 || slices.ContainsFunc(b, initial) {
		return false
	}
	// a's words but its middle initials, compared in place: this runs on
	// every pair of names
	j := 0
	for i, w := range a {
		if i > 0 && i < len(a)-1 && initial(w) {
			continue
		}
		if j == len(b) || b[j] != w {
			return false
		}
		j++
	}
	return j == len(b)
}

// hyphenVariant reports whether two names are the same words written with
// and without hyphens ("Kim Jong-un", "Kim Jong Un"; "Moon Jae-in", "Moon
// Jae In"). Only the whole names are compared: "Donald Trump-Steve
// Bannon" (two names run together) is not "Donald Trump".
func hyphenVariant(a, b []string) bool {
	hyphen := func(w string) bool { return strings.Contains(w, "-") }
	if len(a) == len(b) || !slices.ContainsFunc(a, hyphen) && !slices.ContainsFunc(b, hyphen) {
		return false // the common case, on every pair of names: no allocation
	}
	split := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			out = append(out, strings.Split(w, "-")...)
		}
		return out
	}
	return slices.Equal(split(a), split(b))
}

// generations are the suffixes that tell a son from his father: rule
// "generations" keeps "Donald Trump Jr." and "Donald Trump" apart, and
// gives a lone "Trump" to the one without a suffix. Roman numerals are
// left out: in news they are mostly regnal ("Queen Elizabeth II" is also
// "Queen Elizabeth").
var generations = set("jr.", "jr", "sr.", "sr")

// generation returns the generational suffix of a name's words, or "".
func generation(words []string) string {
	if n := len(words); n >= 2 && generations[words[n-1]] {
		return strings.TrimSuffix(words[n-1], ".")
	}
	return ""
}

// Rule "family name first". A three-word name whose last two words are
// short syllables (two to five letters, no particle), the last not a known
// surname, is written family name first, as Korean and Chinese names are
// in English news ("Kim Jong Un", "Yoon Suk Yeol", "Lee Hsien Loong"): its
// first word is also the surname a lone mention uses ("Kim said"). "John F
// Kennedy" (an initial), "Mary Ann Lee" (Lee a surname) and "Mohammed bin
// Salman" (a particle) are not, nor, for the same reason as Mary Ann Lee,
// "Ri Yong Ho". words are lower case.
func (x *Extractor) familyFirst(words []string) bool {
	if len(words) != 3 {
		return false
	}
	for _, w := range words[1:] {
		n := utf8.RuneCountInString(w)
		if n < 2 || n > 5 || nameParticles[w] || strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
			return false
		}
	}
	return !x.isSurname(nameCase(words[2]))
}

// nameCase writes a lower-case name word as the name lists do ("kim" ->
// "Kim", "jong-un" -> "Jong-Un").
func nameCase(lower string) string { return titleCase(strings.ToUpper(lower)) }

// surname is the last word of a name's words before a generational
// suffix.
func surname(words []string) string {
	if generation(words) != "" {
		return words[len(words)-2]
	}
	return words[len(words)-1]
}

// surnameKey is the surname of a name's words without an Arabic article.
func surnameKey(words []string) string { return stripArticle(surname(words)) }

// stripArticle drops an Arabic article from a surname ("al-Sudani").
func stripArticle(w string) string {
	for _, p := range []string{"al-", "el-", " al ", "el "} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
			return w[len(p):]
		}
	}
	return w
}

// roleWord reports whether token k can be part of a title or role.
func roleWord(d *Doc, k int) bool {
	l := d.Tokens[k].Lower
	return titleWords[l] || roleContext[l] || extraRoleWords[l]
}

// roleRun returns the start of the run of role words that ends at end
// (exclusive), within the sentence starting at s0; "of", "for" and "to"
// may join role words ("Secretary of State", "envoy to Ukraine").
func roleRun(d *Doc, s0, end int) int {
	start := end
	for start > s0 {
		k := start - 1
		if roleWord(d, k) {
			start--
			continue
		}
		if l := d.Tokens[k].Lower; (l == "of" || l == "for") && k > s0 && start < end && roleWord(d, k-1) {
			start--
			continue
		}
		break
	}
	for start < end && (d.Tokens[start].Lower == "of" || d.Tokens[start].Lower == "for") {
		start++
	}
	return start
}

// roleOf finds a person mention's title or role and the country it
// names: before the name ("US Secretary of State Marco Rubio", "Britain's
// Prime Minister X", "Zelensky's chief of staff, Andriy Yermak"), inside it
// ("President Donald Trump" as one span) or in an apposition after it
// ("Adil Abdul-Mahdi, the acting Prime Minister of Iraq,"). poss is the
// mention index of a person whose role it is ("Trump's envoy"), or -1.
func (x *Extractor) roleOf(d *Doc, m Mention) (role, country string, poss int) {
	poss = -1
	s := d.Sentences[d.Tokens[m.Tok0].Sent]
	var start, end int
	a := m.Tok0
	for a < m.Tok1-1 && titleWords[d.Tokens[a].Lower] {
		a++
	}
	switch {
	case a > m.Tok0:
		start, end = m.Tok0, a
	default:
		end = m.Tok0
		if end-1 > s.Tok0 && d.Tokens[end-1].Text == "," && roleWord(d, end-2) && !isCap(d.Tokens[end-2].Text) {
			end-- // "chief of staff, Andriy Yermak"
		}
		start = roleRun(d, s.Tok0, end)
		if end < m.Tok0 && !hasPersonTitle(d, start, end) {
			start = end
		}
	}
	if start < end && hasPersonTitle(d, start, end) && !(end-start == 1 && honorifics[d.Tokens[start].Lower] && !royalTitles[d.Tokens[start].Lower] && len(d.Tokens[start].Lower) <= 4) {
		role = d.Span(d.Tokens[start].Start, d.Tokens[end-1].End)
		country = x.countryIn(d, start, end)
		if country == "" && start > s.Tok0 {
			k := start - 1
			if l := d.Tokens[k].Lower; (l == "'s" || l == "’s") && k > s.Tok0 {
				k--
				if pm := d.Tokens[k].Ment; pm >= 0 && d.Mentions[pm].Type == "PER" {
					poss = pm
				}
			}
			if ci := d.countryEndingAt(k + 1); ci >= 0 {
				country = d.Countries[ci].Code
			}
		}
		if country == "" && poss < 0 {
			country = ofCountry(d, s, m)
		}
		if country == "" && poss < 0 {
			_, country = x.commaRole(d, s, start)
		}
		return strings.Join(strings.Fields(role), " "), country, poss
	}
	if start < end && end-start == 1 && !courtesyTitles[d.Tokens[start].Lower] && hasPersonTitle(d, start, end) {
		// "U.S. Gen. James Jones": the rank is no role but the country holds
		if ci := d.countryEndingAt(start); ci >= 0 && d.Countries[ci].Kind != "metonym" {
			country = d.Countries[ci].Code
		}
	}
	if country == "" {
		role, country = x.commaRole(d, s, m.Tok0)
		if role != "" {
			return role, country, poss
		}
	}
	if c := ofCountry(d, s, m); c != "" {
		country = c
	}
	// apposition: NAME, (the|a) ROLE ... ,
	i := m.Tok1
	if i+1 < s.Tok1 && d.Tokens[i].Text == "," {
		i++
		if w := d.Tokens[i].Lower; w == "the" || w == "a" || w == "an" {
			i++
		}
		j := i
		for j < s.Tok1 && j-i < 10 {
			w := d.Tokens[j].Lower
			if w == "and" && j+1 < s.Tok1 && j > i && roleWord(d, j-1) && roleWord(d, j+1) {
				j++ // "Brazil's industry and trade minister"
				continue
			}
			if w == "," || w == "." || w == ";" || w == ")" || w == "(" || w == "who" || w == "which" || w == "said" || w == "and" {
				break
			}
			if pm := d.Tokens[j].Ment; pm >= 0 && d.Mentions[pm].Type == "PER" {
				// "X, President Donald Trump's special envoy": the role is
				// what follows the possessor, whose country it shares
				e := d.Mentions[pm].Tok1
				if e+1 < s.Tok1 && (d.Tokens[e].Lower == "'s" || d.Tokens[e].Lower == "’s") {
					poss = pm
					i, j = e+1, e+1
					continue
				}
				break
			}
			j++
		}
		if j > i && hasPersonTitle(d, i, j) && (roleWord(d, i) || d.Tokens[i].Country >= 0) {
			country = x.countryIn(d, i, j)
			// "the US peace envoy": the country is not part of the role
			for _, c := range d.Countries {
				if c.Tok0 == i && c.Tok1 < j {
					i = c.Tok1
					if l := d.Tokens[i].Lower; (l == "'s" || l == "’s") && i+1 < j {
						i++
					}
				}
			}
			role = strings.Join(strings.Fields(d.Span(d.Tokens[i].Start, d.Tokens[j-1].End)), " ")
		}
	}
	return role, country, poss
}

// ofCountry returns the country named right after a person's name: "King
// Fahd of Saudi Arabia", "Ambassador Stefan Johannesson of Iceland".
func ofCountry(d *Doc, s Sentence, m Mention) string {
	if m.Tok1+1 < s.Tok1 && d.Tokens[m.Tok1].Lower == "of" {
		if ci := d.Tokens[m.Tok1+1].Country; ci >= 0 && d.Countries[ci].Kind == "name" && !d.Countries[ci].InOrg &&
			(d.Countries[ci].Tok1 == s.Tok1 || !isCap(d.Tokens[d.Countries[ci].Tok1].Text)) {
			return d.Countries[ci].Code
		}
	}
	return ""
}

// commaRole returns the role set off by a comma before the name that
// starts at token t (titles included) and the country it names:
// "Britain's Defence Secretary, John Reid", "the Irish Taoiseach, Brian
// O'Rourke", "the Emir of Kuwait, Sheikh Jaber", "Pakistan's army chief,
// Gen. X".
func (x *Extractor) commaRole(d *Doc, s Sentence, t int) (role, country string) {
	for t > s.Tok0 && titleWords[d.Tokens[t-1].Lower] && isCap(d.Tokens[t-1].Text) {
		t--
	}
	e := t - 1
	if e-1 < s.Tok0 || d.Tokens[e].Text != "," {
		return "", ""
	}
	// "Israel's ambassador to Washington, Moshe Arad": the post's place
	// is not the person's country
	if pm := d.Tokens[e-1].Ment; pm >= 0 && d.Mentions[pm].Type == newsgraph.LOC && d.Mentions[pm].Tok1 == e {
		if p0 := d.Mentions[pm].Tok0; p0-1 > s.Tok0 && (d.Tokens[p0-1].Lower == "to" || d.Tokens[p0-1].Lower == "in") {
			e = p0 - 1
		}
	}
	if ci := d.countryEndingAt(e); ci >= 0 {
		c := d.Countries[ci]
		if c.Kind == "name" && c.Tok0-2 >= s.Tok0 && d.Tokens[c.Tok0-1].Lower == "of" && personTitles[d.Tokens[c.Tok0-2].Lower] {
			return d.Tokens[c.Tok0-2].Text, c.Code
		}
		return "", ""
	}
	r := roleRun(d, s.Tok0, e)
	if l := d.Tokens[e-1].Lower; r == e || !hasPersonTitle(d, r, e) && !titleWords[l] && !extraRoleWords[l] {
		return "", ""
	}
	role = strings.Join(strings.Fields(d.Span(d.Tokens[r].Start, d.Tokens[e-1].End)), " ")
	if c := x.countryIn(d, r, e); c != "" {
		return role, c
	}
	k := r
	if k-1 > s.Tok0 && (d.Tokens[k-1].Lower == "'s" || d.Tokens[k-1].Lower == "’s") {
		k--
	}
	if ci := d.countryEndingAt(k); ci >= 0 && d.Countries[ci].Kind != "metonym" {
		return role, d.Countries[ci].Code
	}
	return role, ""
}

// countryIn returns the country named in tokens [a, b) ("President of
// Brazil", "Iran's Quds Force"), not one after "to" ("envoy to Ukraine").
func (x *Extractor) countryIn(d *Doc, a, b int) string {
	for t := a; t < b; t++ {
		ci := d.Tokens[t].Country
		if ci < 0 {
			continue
		}
		c := d.Countries[ci]
		inOrg := c.InOrg
		if om := d.Tokens[c.Tok0].Ment; inOrg && om >= 0 && d.Mentions[om].Type == newsgraph.ORG && d.Mentions[om].Tok0 == c.Tok0 && c.Kind == "name" {
			inOrg = false // "head of U.S. Central Command"
		}
		if c.Tok0 >= a && c.Tok1 <= b && !inOrg {
			if c.Tok0 > 0 && d.Tokens[c.Tok0-1].Lower == "to" {
				continue
			}
			return c.Code
		}
	}
	return ""
}

func hasPersonTitle(d *Doc, a, b int) bool {
	for k := a; k < b; k++ {
		if personTitles[d.Tokens[k].Lower] || d.Tokens[k].Lower == "secretary" || d.Tokens[k].Lower == "head" || d.Tokens[k].Lower == "deputy" || d.Tokens[k].Lower == "officer" || d.Tokens[k].Lower == "official" {
			return true
		}
	}
	return false
}

// stateLabel is rule "a state's abbreviation": a US state's AP
// abbreviation (states.tsv), alone or in a lawmaker's party label, is no
// place of the article. After a town and a comma it is the town's state
// ("a policy analyst in Alexandria, Va., said", which rule "a place of the
// article's country" reads), with a party's initial a label ("Sen.
// Lindsey Graham, R-S.C., say"); the gazetteer gives it no country, so as
// a place of its own it was a node outside every country filter.
func (x *Extractor) stateLabel(t string) bool {
	if len(t) > 2 && t[1] == '-' && strings.ContainsRune("RDI", rune(t[0])) {
		t = t[2:]
	}
	return x.stateAbbr(t)
}

// commaForm is rule "a place's comma form": the tagger reads "Washington,
// D.C." as one place, which the gazetteer knows as "Washington D.C."; a
// name with a comma that the gazetteer does not know is its form without
// the commas when the gazetteer knows that one.
func (x *Extractor) commaForm(name string) string {
	if !strings.Contains(name, ",") {
		return name
	}
	if x.isPlace(name) {
		return name
	}
	if alt := strings.Join(strings.Fields(strings.ReplaceAll(name, ",", " ")), " "); x.isPlace(alt) {
		return alt
	}
	return name
}

// collectPlacesOrgs gathers the places (with their country) and
// organisations named by LOC and ORG mentions.
func (x *Extractor) collectPlacesOrgs(d *Doc) {
	places := map[string]int{}
	orgs := map[string]int{}
	homes := map[string]string{}  // rule "a place of the article's country", by name
	var locs map[int][]locMention // its place mentions, read once
	for mi := range d.Mentions {
		m := &d.Mentions[mi]
		switch m.Type {
		case newsgraph.LOC:
			if d.Tokens[m.Tok0].Country >= 0 && d.Countries[d.Tokens[m.Tok0].Country].Kind == "name" {
				continue
			}
			if m.Tok1-m.Tok0 == 1 && x.stateLabel(d.Tokens[m.Tok0].Text) {
				continue // rule "a state's abbreviation"
			}
			name := m.Text
			if isAllCaps(name) {
				name = titleCase(name)
			}
			name = x.commaForm(name)
			cc := m.Country
			if code := x.gaz.metonymOf(name); code != "" && cc == "" {
				cc = code // "White House" is the US government's, not an alternate name of Casablanca
			}
			if p, ok := x.gaz.places[name]; ok && cc == "" && !x.gaz.countryless(name) {
				c, seen := homes[name]
				if !seen {
					if locs == nil && len(x.gaz.elsewhere[name]) > 0 {
						locs = locMentions(d)
					}
					c = x.articleCountry(d, name, p, locs)
					homes[name] = c
				}
				cc = c
				if cc == "RU" && d.Soviet {
					cc = "SU"
				}
			}
			pi, ok := places[name]
			if !ok {
				pi = len(d.Places)
				places[name] = pi
				d.Places = append(d.Places, PlaceRef{Name: name, Country: cc})
			}
			d.Places[pi].Mentions = append(d.Places[pi].Mentions, mi)
			m.Place = pi
			if m.Country == "" {
				m.Country = cc
			}
		case newsgraph.ORG:
			name := m.Text
			oi, ok := orgs[name]
			if !ok {
				oi = len(d.Orgs)
				orgs[name] = oi
				cc := ""
				for t := m.Tok0; t < m.Tok1 && cc == ""; t++ {
					if ci := d.Tokens[t].Country; ci >= 0 {
						cc = d.Countries[ci].Code
					}
				}
				d.Orgs = append(d.Orgs, OrgRef{Name: name, Country: cc, Armed: armedGroup(d, m)})
			}
			d.Orgs[oi].Mentions = append(d.Orgs[oi].Mentions, mi)
			m.Org = oi
		}
	}
}

// speechVerbs after a name mark it as a person ("Avaj said").
var speechVerbs = set("said", "says", "told", "added", "stated", "declared", "announced",
	"argued", "insisted", "noted", "explained", "wrote", "asked", "replied", "urged")

// dropUnlikelyPersons removes persons known only by one word that nothing
// marks as a person: no title before it, no speech verb after it, not
// "the X administration", and a place name or a word missing from the
// surname list. Their mentions stay.
// settlementNouns before "of" name a place: "the town of X".
var settlementNouns = set("town", "city", "village", "settlement", "province", "district", "region", "suburb",
	"outskirts", "port", "township", "hamlet", "governorate", "municipality")

func (x *Extractor) dropUnlikelyPersons(d *Doc) {
	var kept []Entity
	for _, p := range d.Persons {
		keep := false
		for _, mi := range p.Mentions {
			m := d.Mentions[mi]
			if titlesOnly(d, m) {
				continue // "Crown Prince", "the Vice President" with no name
			}
			if m.Listed {
				keep = true // rule "a squad list"
				break
			}
			if shareBar(d, m) {
				continue // "Send Facebook Twitter Google+ Whatsapp Tumblr linkedin": a web page's share buttons
			}
			if m.Tok0 >= 2 && d.Tokens[m.Tok0-1].Lower == "of" && settlementNouns[d.Tokens[m.Tok0-2].Lower] {
				continue // "the town of Tal Rifaat"
			}
			if m.Tok1-m.Tok0 >= 2 || len(strings.Fields(m.Core)) >= 2 {
				// a place-like name: "South Waziristan", "Tiananmen Square"
				first, last := d.Tokens[m.Tok0].Lower, d.Tokens[m.Tok1-1].Lower
				if geoNouns[last] || compassWords[first] || x.isPlace(titleCase(m.Core)) && !x.gaz.given[d.Tokens[m.Tok0].Text] {
					continue
				}
				keep = true
				break
			}
			s := d.Sentences[d.Tokens[m.Tok0].Sent]
			if m.Tok0 > s.Tok0 && personTitles[d.Tokens[m.Tok0-1].Lower] {
				keep = true
				break
			}
			if m.Tok1 < s.Tok1 {
				nx := d.Tokens[m.Tok1].Lower
				if speechVerbs[nx] || nx == "administration" || nx == "government" && m.Tok0 > s.Tok0 && d.Tokens[m.Tok0-1].Lower == "the" {
					keep = true
					break
				}
			}
			if m.Tok1 < s.Tok1 && (d.Tokens[m.Tok1].Lower == "'s" || d.Tokens[m.Tok1].Lower == "’s") && m.Tok0 > s.Tok0 && isCap(d.Tokens[m.Tok0-1].Text) {
				continue
			}
		}
		if keep {
			kept = append(kept, p)
			continue
		}
		for _, mi := range p.Mentions {
			d.Mentions[mi].Person = -1
		}
	}
	for pi := range kept {
		for _, mi := range kept[pi].Mentions {
			d.Mentions[mi].Person = pi
		}
	}
	d.Persons = kept
}

// Rule "share bar". News pages end with buttons that share the story
// ("Send Facebook Twitter Google+ Whatsapp Tumblr linkedin stumble Digg
// reddit Newsvine Permalink" on DW's pages), whose capitalised names the
// tagger reads as people ("Whatsapp Tumblr"): a mention whose every word
// names a sharing service or action is no person's when it has two words
// or more, or stands in a run of three such words or more. A service
// beside another word ("Google Play", "Twitter CEO Jack Dorsey") is left
// to the other rules.
func shareBar(d *Doc, m Mention) bool {
	share := func(k int) bool {
		w := strings.TrimRight(d.Tokens[k].Lower, "+")
		return w != "" && shareWords[w]
	}
	for k := m.Tok0; k < m.Tok1; k++ {
		if !share(k) {
			return false
		}
	}
	a, b := m.Tok0, m.Tok1
	for a > 0 && share(a-1) {
		a--
	}
	for b < len(d.Tokens) && share(b) {
		b++
	}
	return m.Tok1-m.Tok0 >= 2 || b-a >= 3
}

// shareWords name the services and actions of a page's share buttons:
// names no person bears (not "Messenger", "Telegram" or "Xing").
var shareWords = set("send", "share", "email", "e-mail", "print", "permalink", "facebook", "twitter", "tweet",
	"google", "whatsapp", "tumblr", "linkedin", "stumble", "stumbleupon", "digg", "reddit", "newsvine",
	"pinterest", "flipboard")

// variant reports whether two surnames are spelling variants of each other
// ("Soleimani", "Soleymani"): different, long, one edit apart.
func variant(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if a == b || len(ra) < 6 || len(rb) < 6 {
		return false
	}
	if len(ra) == len(rb) {
		diff := 0
		for i := range ra {
			if ra[i] != rb[i] {
				diff++
			}
		}
		return diff == 1
	}
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	if len(ra) != len(rb)+1 {
		return false
	}
	i := 0
	for i < len(rb) && ra[i] == rb[i] {
		i++
	}
	return string(ra[i+1:]) == string(rb[i:])
}

// armedGroup reports whether an ORG mention names an armed group: a known
// one, a name ending in a fighting word, or one followed by "fighters",
// "militants" or the like.
func armedGroup(d *Doc, m *Mention) bool {
	if knownArmedGroups[strings.ToLower(m.Text)] {
		return true
	}
	if armedWords[d.Tokens[m.Tok1-1].Lower] {
		return true
	}
	if m.Tok1 < len(d.Tokens) && armedAfter[d.Tokens[m.Tok1].Lower] {
		return true
	}
	return false
}

// firstNameAlone is rule "first name alone": the first word of full name
// words stands alone for its person when the name lists know it neither
// as a given name nor as a surname and the word after it is no known
// given name, which is how news names many Indonesians and Thais
// ("Susilo" of "Susilo Bambang Yudhoyono", "Surayud" of "Surayud
// Chulanont"); not a title the tagger took into the name ("Treasurer" of
// "Treasurer Bob McMullan").
func firstNameAlone(x *Extractor, words []string) bool {
	if len(words) < 2 {
		return false
	}
	if utf8.RuneCountInString(words[0]) < 2 || strings.IndexFunc(words[0]+words[1], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }) >= 0 {
		return false // a word of letters, not "#" of "# TruthExposed" or "O" of "O ’ Neill"
	}
	first := nameCase(words[0])
	return !x.isGiven(first) && !x.isSurname(first) && !titleWords[words[0]] && !x.isGiven(nameCase(words[1]))
}

// otherNames maps the words of full names other than the last that may
// stand alone for the person: the first surname of a Spanish double
// surname or before a particle ("Laínez" of "Francisco Laínez Rivas",
// "Blum" of "Claudia Blum de Barberi") and the family name that comes
// first in Chinese and Korean names ("Tian" of "Tian Jiyun", "Chung" of
// "Chung Dong-young"). The first person introduced wins.
func otherNames(ents [][]string) map[string]int {
	out := map[string]int{}
	for e, w := range ents {
		if len(w) < 2 {
			continue
		}
		for i := 0; i < len(w)-1; i++ {
			k := stripArticle(w[i])
			if nameParticles[k] || len(k) < 2 || honorifics[k] {
				continue
			}
			if i == 0 && len(w) > 2 && !strings.Contains(w[1], "-") && !nameParticles[w[1]] {
				continue // "John Fitzgerald Kennedy": "John" is a given name
			}
			if _, ok := out[k]; !ok {
				out[k] = e
			}
		}
	}
	return out
}

// titlesOnly reports whether a mention is made of titles alone.
func titlesOnly(d *Doc, m Mention) bool {
	for k := m.Tok0; k < m.Tok1; k++ {
		if !titleWords[d.Tokens[k].Lower] {
			return false
		}
	}
	return true
}

// officeTitle says whether token k is the "Prince" or "Princess" of "Crown
// Prince", or the "Lady" of "First Lady": an office (an heir's, a head of
// state's spouse's), which the guidelines' annotators leave out of the
// name ("Mohammed bin Salman", alias "Crown Prince Mohammed bin Salman";
// "Melania Trump"), unlike a royal or peer's title ("King Salman", "Prince
// Harry", "Lady Antonia Fraser").
func officeTitle(d *Doc, k int) bool {
	if k == 0 || d.Tokens[k-1].Sent != d.Tokens[k].Sent {
		return false
	}
	switch w, before := d.Tokens[k].Lower, d.Tokens[k-1].Lower; w {
	case "prince", "princess":
		return before == "crown"
	case "lady":
		return before == "first" || before == "second" // "Second Lady Karen Pence"
	}
	return false
}

package extract

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// keyAt joins the texts of tokens [i, i+n); with title set, all-caps words
// are title-cased first ("NORTH KOREA" -> "North Korea").
func keyAt(d *Doc, i, n int, title bool) string {
	if n == 1 {
		if title {
			return titleCase(d.Tokens[i].Text)
		}
		return d.Tokens[i].Text
	}
	var b strings.Builder
	for k := i; k < i+n; k++ {
		if k > i {
			b.WriteByte(' ')
		}
		if title {
			b.WriteString(titleCase(d.Tokens[k].Text))
		} else {
			b.WriteString(d.Tokens[k].Text)
		}
	}
	return b.String()
}

// lookup finds the longest gazetteer key starting at token i within the
// sentence; it returns its length in tokens and the key, or 0.
func (x *Extractor) lookup(d *Doc, i int, has func(string) bool) (int, string) {
	s := d.Sentences[d.Tokens[i].Sent]
	for _, title := range []bool{false, true} {
		first := d.Tokens[i].Text
		if title {
			first = titleCase(first)
			if first == d.Tokens[i].Text {
				continue
			}
		}
		max := x.gaz.maxLen[first]
		if max == 0 {
			continue
		}
		if i+max > s.Tok1 {
			max = s.Tok1 - i
		}
		for n := max; n >= 1; n-- {
			k := keyAt(d, i, n, title)
			if has(k) {
				return n, k
			}
		}
	}
	return 0, ""
}

func (x *Extractor) isCountry(k string) bool { _, ok := x.gaz.countries[k]; return ok }
func (x *Extractor) isPlace(k string) bool   { _, ok := x.gaz.places[k]; return ok }

// isNERCountry says whether k is a country form of the entity tagger's
// own list (see gazetteer.nerCountries).
func (x *Extractor) isNERCountry(k string) bool { _, ok := x.gaz.nerCountries[k]; return ok }

// markCountries finds every country name, demonym and metonym in the text.
func (x *Extractor) markCountries(d *Doc) {
	for i := 0; i < len(d.Tokens); i++ {
		t := &d.Tokens[i]
		if t.Skip || !isCap(t.Text) {
			continue
		}
		n, k := x.lookup(d, i, x.isCountry)
		if n > 0 && x.gaz.countries[k].Kind == "region" {
			i += n - 1
			continue
		}
		if n > 0 {
			f := x.gaz.countries[k]
			d.Countries = append(d.Countries, CountryRef{Tok0: i, Tok1: i + n, Start: t.Start, End: d.Tokens[i+n-1].End, Code: f.Code, Kind: f.Kind})
			t.Country = len(d.Countries) - 1
			i += n - 1
			continue
		}
		// parts of hyphenated words: "U.S.-Soviet", "Russian-made"
		if strings.Contains(t.Text, "-") {
			off := t.Start
			for _, part := range strings.Split(t.Text, "-") {
				p := part
				if _, ok := x.gaz.countries[p]; !ok {
					p = titleCase(p)
				}
				if f, ok := x.gaz.countries[p]; ok && f.Kind != "metonym" && f.Kind != "region" {
					n := len([]rune(part))
					d.Countries = append(d.Countries, CountryRef{Tok0: i, Tok1: i + 1, Start: off, End: off + n, Code: f.Code, Kind: f.Kind})
				}
				off += len([]rune(part)) + 1
			}
		}
	}
	for _, c := range d.Countries {
		if c.Code == "SU" {
			d.Soviet = true
		}
	}
}

// span is a candidate mention over tokens [a, b).
type span struct {
	a, b int
	typ  string
}

// tag finds the entity mentions: the statistical tagger's spans, then rules
// from the gazetteers for what it misses.
func (x *Extractor) tag(d *Doc) {
	var spans []span
	if x.tagger != nil {
		spans = x.runTagger(d)
	}
	spans, listed := x.ruleSpans(d, spans)
	x.openingWords(d, spans)
	d.Mentions = slices.Grow(d.Mentions, len(spans))
	for _, s := range spans {
		if s.a >= s.b || s.typ == newsgraph.PER && s.b-s.a == 1 && (functionWords[d.Tokens[s.a].Lower] || generations[d.Tokens[s.a].Lower]) {
			continue // rule "pronouns are no names": "He and British Prime Minister Boris Johnson" after "Liu He"; nor is a suffix alone ("Trump, Jr. said")
		}
		m := Mention{Tok0: s.a, Tok1: s.b, Start: d.Tokens[s.a].Start, End: d.Tokens[s.b-1].End, Type: s.typ, Person: -1, Place: -1, Org: -1, Listed: listed[[2]int{s.a, s.b}]}
		m.Text = d.Span(m.Start, m.End)
		idx := len(d.Mentions)
		d.Mentions = append(d.Mentions, m)
		for k := s.a; k < s.b; k++ {
			d.Tokens[k].Ment = idx
		}
	}
}

func (d *Doc) capsSentence(si int) bool {
	if si > 0 {
		return d.allCaps(si) // Title Case counts in the first sentence only
	}
	caps, title := d.sentenceCase(si)
	return caps || title
}

// allCaps says whether sentence si is all in capitals.
func (d *Doc) allCaps(si int) bool {
	s := d.Sentences[si]
	for i := s.Tok0; i < s.Tok1; i++ {
		if strings.ContainsFunc(d.Tokens[i].Text, unicode.IsLower) {
			return false
		}
	}
	return true
}

// sentenceCase says whether sentence si is all in capitals and whether it
// is in Title Case.
func (d *Doc) sentenceCase(si int) (caps, title bool) {
	s := d.Sentences[si]
	ws := make([]string, 0, s.Tok1-s.Tok0)
	for i := s.Tok0; i < s.Tok1; i++ {
		ws = append(ws, d.Tokens[i].Text)
	}
	return d.allCaps(si), titleCased(ws)
}

// nameish reports whether token i can be part of a proper name.
func nameish(d *Doc, i int) bool {
	t := d.Tokens[i]
	if t.Skip || !isCap(t.Text) {
		return false
	}
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// courtesyTitles only ever stand before a person's name.
var courtesyTitles = set("mr", "mrs", "ms", "mr.", "mrs.", "ms.", "messrs", "messrs.", "mme", "mlle")

// titledName says whether span sp is one word that the tagger read as a
// place, an organisation or a miscellany right after a capitalised person
// title (rule "title before a name").
func titledName(d *Doc, sp span) bool {
	if sp.typ == newsgraph.PER || sp.b-sp.a != 1 || sp.a == 0 || d.Tokens[sp.a].Country >= 0 {
		return false
	}
	return titledWord(d, sp.a)
}

// titledSurname says whether the one-word person at token t is a name that
// a title introduced ("President Trump", "President Xi"), not a given name
// whose surname the tagger split off ("Prime Minister Theresa" + "May").
func (x *Extractor) titledSurname(d *Doc, t int) bool {
	if !titledWord(d, t) {
		return false
	}
	split := t+1 < len(d.Tokens) && d.Tokens[t+1].Sent == d.Tokens[t].Sent && isCap(d.Tokens[t+1].Text) && x.isGiven(d.Tokens[t].Text)
	return !split
}

// titledWord says whether token t stands right after a capitalised person
// title of its sentence that no other name begins with (looseTitles).
func titledWord(d *Doc, t int) bool {
	if t == 0 {
		return false
	}
	title := d.Tokens[t-1]
	return title.Sent == d.Tokens[t].Sent && isCap(title.Text) && personTitles[title.Lower] && !looseTitles[title.Lower] && !d.capsSentence(title.Sent)
}

// armedGroupNames is the rule "a known armed group's name": the tagger,
// trained on 1996 news, reads "Islamic" of "Islamic State" as an adjective
// (MISC) and leaves "State" out, so the group of most strikes of 2014-19
// was no organisation and no attacker ("Islamic State claimed
// responsibility for the bombing"). A name of several words in
// knownArmedGroups, written as a name (each word capitalised but the
// particles "al", "of", "the"), is an organisation whatever spans the
// tagger made over it; a longer organisation span that holds it ("Islamic
// State of Iraq and Syria") stays. "an Islamic state" is no group, nor is
// "An Islamic State" in a Title Case headline.
func armedGroupNames(d *Doc, spans []span) []span {
	asName := func(i, j int) bool {
		for k := i; k < j; k++ {
			w := d.Tokens[k]
			if w.Skip || k > i && w.Sent != d.Tokens[i].Sent {
				return false
			}
			if !strings.ContainsFunc(w.Text, unicode.IsUpper) && !(k < j-1 && (w.Lower == "al" || w.Lower == "of" || w.Lower == "the")) {
				return false
			}
		}
		return true
	}
	for i := 0; i < len(d.Tokens); i++ {
		if !armedFirstWords[d.Tokens[i].Lower] {
			continue
		}
		if i > 0 && (d.Tokens[i-1].Lower == "a" || d.Tokens[i-1].Lower == "an") && !ordinaryCase(d, d.Tokens[i].Sent) {
			// "Will Never Allow An Islamic State In Iraq": in a Title Case
			// headline the capitals say nothing, and the article says a
			// kind of state ("an Islamic State affiliate" in a sentence
			// of ordinary case is the group's)
			continue
		}
		for n := min(armedLongest, len(d.Tokens)-i); n >= 2; n-- {
			j := i + n
			if !armedGroupAt(d, i, j) || !asName(i, j) {
				continue
			}
			kept := spans[:0:0]
			held := false
			for _, sp := range spans {
				switch {
				case sp.b <= i || sp.a >= j:
					kept = append(kept, sp)
				case sp.typ == newsgraph.ORG && sp.a <= i && sp.b >= j:
					kept, held = append(kept, sp), true
				}
			}
			if !held {
				spans = append(kept, span{i, j, newsgraph.ORG})
				sortSpans(spans)
			}
			i = j - 1
			break
		}
	}
	return spans
}

// armedGroupAt says whether tokens [a, b) are the text of a known armed
// group's name (knownArmedGroups, any case, any run of white space between
// the words: "Islamic  State").
func armedGroupAt(d *Doc, a, b int) bool {
	return knownArmedGroups[strings.ToLower(strings.Join(strings.Fields(d.Span(d.Tokens[a].Start, d.Tokens[b-1].End)), " "))]
}

// armedFirstWords are the first words of the names of several words in
// knownArmedGroups, and armedLongest the most words such a name has.
var armedFirstWords, armedLongest = func() (map[string]bool, int) {
	first, longest := map[string]bool{}, 0
	for g := range knownArmedGroups {
		if ws := strings.Fields(g); len(ws) > 1 {
			first[ws[0]] = true
			longest = max(longest, len(ws))
		}
	}
	return first, longest
}()

// ruleSpans adds spans from rules where the tagger found nothing: country
// names (LOC), demonyms (MISC), titled or given-name persons (PER), known
// places (LOC) and organisation names (ORG); and single words that repeat a
// known person's surname. Tagger spans win where they overlap, except that
// a person rule widens a PER span. It also returns the spans of a line-up's
// names (rule "a squad list"), which are persons whatever their context.
func (x *Extractor) ruleSpans(d *Doc, base []span) ([]span, map[[2]int]bool) {
	base = armedGroupNames(d, base)
	used := make([]bool, len(d.Tokens))
	for _, s := range base {
		for k := s.a; k < s.b; k++ {
			used[k] = true
		}
	}
	free := func(a, b int) bool {
		for k := a; k < b; k++ {
			if used[k] || d.Tokens[k].Skip {
				return false
			}
		}
		return true
	}
	out := append([]span(nil), base...)
	// a person's name holds no lower-case word but its particles: the
	// tagger's "Trump named Mulvaney" is two names around a verb
	var parts []span
	for k, sp := range out {
		if sp.typ != newsgraph.PER || sp.b-sp.a < 3 {
			continue
		}
		a := sp.a
		for t := sp.a + 1; t < sp.b-1; t++ {
			if tk := d.Tokens[t]; !isCap(tk.Text) && !nameParticles[tk.Lower] && !strings.Contains(tk.Text, "-") && unicode.IsLetter([]rune(tk.Text)[0]) {
				parts = append(parts, span{a, t, newsgraph.PER})
				a = t + 1
			}
		}
		if a > sp.a {
			out[k] = span{a, sp.b, newsgraph.PER}
		}
	}
	out = append(out, parts...)
	sortSpans(out)
	// "Secretary of State Antony Blinken" tagged as one span: the title
	// is not part of the name
	for k, sp := range out {
		a := sp.a
		for a < sp.b-1 && (roleWord(d, a) || a > sp.a && (d.Tokens[a].Lower == "of" || d.Tokens[a].Lower == "for" || d.Tokens[a].Lower == "the")) {
			a++
		}
		if a > sp.a && x.isGiven(d.Tokens[a].Text) {
			out[k] = span{a, sp.b, newsgraph.PER}
		}
	}
	// "Mr Straw" is a person whatever the tagger says
	for k, sp := range out {
		if sp.typ != newsgraph.PER && sp.b-sp.a >= 2 && sp.b-sp.a <= 4 && courtesyTitles[d.Tokens[sp.a].Lower] {
			out[k].typ = newsgraph.PER
		}
	}
	// "Abdulrahman bin Fahd al-Otaibi", "Prince Khalid bin Salman": a
	// patronymic particle between capitalised words joins them into one
	// person, whatever the tagger made of the pieces
	out = x.patronymSpans(d, out, used)
	out = eastAsianSpans(d, out, used)
	// "Abu Mahdi" + "al-Muhandis": an Arabic article name continues a person
	sortSpans(out)
	for k := 0; k < len(out); k++ {
		sp := out[k]
		if sp.typ != newsgraph.PER || sp.b >= len(d.Tokens) || d.Tokens[sp.b].Sent != d.Tokens[sp.a].Sent {
			continue
		}
		nx := d.Tokens[sp.b].Text
		if !articleName(nx) {
			continue
		}
		end := sp.b + 1
		if k+1 < len(out) && out[k+1].a == sp.b {
			end = max(end, out[k+1].b)
			out = append(out[:k+1], out[k+2:]...)
		}
		out[k].b = end
	}
	// "US Defense" + "Secretary Pete Hegseth": a country and the first
	// words of a title are no organisation; the country stands alone
	for k, sp := range out {
		ci := d.Tokens[sp.a].Country
		if sp.typ == newsgraph.PER || ci < 0 || d.Countries[ci].Tok1 >= sp.b || sp.b >= len(d.Tokens) || !titleWords[d.Tokens[sp.b].Lower] {
			continue
		}
		c := d.Countries[ci]
		rest := true
		for t := c.Tok1; t < sp.b; t++ {
			rest = rest && titleWords[d.Tokens[t].Lower]
		}
		if rest {
			typ := newsgraph.LOC
			if c.Kind == "demonym" {
				typ = newsgraph.MISC
			}
			out[k] = span{sp.a, c.Tok1, typ}
		}
	}
	// "Moshe" + "Arad" across the line break of wire copy: a lone given
	// name tagged as a person runs into the one-word name after it
	sortSpans(out)
	for k := 0; k+1 < len(out); k++ {
		sp, nx := out[k], out[k+1]
		if sp.typ != newsgraph.PER || nx.typ == newsgraph.PER || sp.b-sp.a != 1 || nx.b-nx.a != 1 || nx.a != sp.b ||
			d.Tokens[sp.a].Sent != d.Tokens[nx.a].Sent || !x.isGiven(d.Tokens[sp.a].Text) {
			continue
		}
		tk := d.Tokens[nx.a]
		if strings.TrimSpace(string(d.Runes[d.Tokens[sp.a].End:tk.Start])) != "" || tk.Country >= 0 || orgWords[tk.Lower] ||
			geoNouns[tk.Lower] || roleWord(d, nx.a) || isAllCaps(tk.Text) || !isCap(tk.Text) {
			continue
		}
		out[k] = span{sp.a, nx.b, newsgraph.PER}
		out = append(out[:k+1], out[k+2:]...)
	}
	// "Aung San" + "Suu Kyi": a name span that runs straight into a
	// person's span (no punctuation between) is part of that person's name
	sortSpans(out)
	for k := 0; k+1 < len(out); k++ {
		sp, nx := out[k], out[k+1]
		if nx.typ != newsgraph.PER || sp.typ == newsgraph.PER || nx.a != sp.b || d.Tokens[sp.a].Sent != d.Tokens[nx.a].Sent ||
			d.Tokens[sp.b-1].End+1 != d.Tokens[nx.a].Start || d.Runes[d.Tokens[sp.b-1].End] != ' ' {
			continue
		}
		ok, named := sp.b-sp.a <= 2, false
		for t := sp.a; t < sp.b && ok; t++ {
			named = named || x.isGiven(d.Tokens[t].Text) || x.isSurname(d.Tokens[t].Text)
			tk := d.Tokens[t]
			ok = isCap(tk.Text) && !isAllCaps(tk.Text) && tk.Country < 0 && !orgWords[tk.Lower] && !geoNouns[tk.Lower] &&
				!roleWord(d, t) && !functionWords[tk.Lower] && !calendarWords[tk.Lower]
		}
		// a small town's name may also be a person's ("Aung San")
		if pl, isPl := x.gaz.places[keyAt(d, sp.a, sp.b-sp.a, false)]; ok && named && (!isPl || !pl.large()) {
			out[k] = span{sp.a, nx.b, newsgraph.PER}
			out = append(out[:k+1], out[k+2:]...)
		}
	}
	// a tagger span that reads as a person: (royal title) given name +
	// one or two names, with no organisation or place word; a country
	// name leading a longer LOC span is split off ("China Anami Koreshige")
	var extra []span
	for k, sp := range out {
		if sp.typ == newsgraph.PER {
			continue
		}
		a := sp.a
		if ci := d.Tokens[a].Country; ci >= 0 && sp.typ == newsgraph.LOC && d.Countries[ci].Kind == "name" && d.Countries[ci].Tok1 <= sp.b-2 {
			c := d.Countries[ci]
			extra = append(extra, span{c.Tok1, sp.b, newsgraph.PER})
			out[k] = span{sp.a, c.Tok1, newsgraph.LOC}
			continue
		}
		royal := false
		for a < sp.b-1 && royalTitles[d.Tokens[a].Lower] {
			a++
			royal = true
		}
		n := sp.b - a
		// "Nicolás Maduro rejected": a given name and a verb after the span
		said := sp.b < len(d.Tokens) && (speechVerbs[d.Tokens[sp.b].Lower] || personVerbs[d.Tokens[sp.b].Lower])
		if n < 1 || n > 3 || !royal && (n < 2 || !x.isGiven(d.Tokens[a].Text) || !x.isSurname(titleCase(d.Tokens[sp.b-1].Text)) && !said) {
			continue
		}
		ok := true
		for t := a; t < sp.b; t++ {
			tk := d.Tokens[t]
			if orgWords[tk.Lower] || geoNouns[tk.Lower] || tk.Country >= 0 || !isCap(tk.Text) {
				ok = false
			}
		}
		if n2, _ := x.lookup(d, a, x.isPlace); n2 == n {
			ok = false
		}
		if ok {
			out[k] = span{a, sp.b, newsgraph.PER}
		}
	}
	out = append(out, extra...)
	// rule "title before a name": a capitalised person title right before
	// one word the tagger read as a place, an organisation or a miscellany
	// makes it a person ("met with President Obama and Vice President
	// Biden": Obama is a town in Japan; "President Trump", "Mr. Trump": the
	// tagger, trained on 1996 news, knows Trump as a company); a country
	// name stays a place ("Prime Minister Israel" is no name), and so does
	// a word after a title that begins other names (looseTitles: "Gen
	// Xers")
	for k, sp := range out {
		if titledName(d, sp) {
			out[k].typ = newsgraph.PER
		}
	}
	// one sense per discourse: the surname of a full name met elsewhere in
	// the article, or a name met after a title, is that person wherever it
	// stands alone ("Rubio's", "Rubio Ukraine ceasefire talks"; "President
	// Trump ... the Trump campaign")
	docSur := map[string]bool{}
	titledOnly := map[string]bool{} // names met only after a title: no longer span is cut for them ("the Obama Foundation")
	for _, sp := range out {
		if sp.typ == newsgraph.PER && sp.b-sp.a == 1 && x.titledSurname(d, sp.a) {
			titledOnly[strings.ToUpper(d.Tokens[sp.a].Text)] = true
		}
	}
	for _, sp := range out {
		if sp.typ == newsgraph.PER && sp.b-sp.a >= 2 {
			last := familyWord([]string{d.Tokens[sp.b-2].Text, d.Tokens[sp.b-1].Text})               // "Abdullah" of "King Abdullah II"
			for _, w := range []string{strings.ToUpper(last), strings.ToUpper(stripArticle(last))} { // "al-Sudani" -> "Sudani"
				docSur[w] = true
				delete(titledOnly, w)
			}
		}
	}
	for w := range titledOnly {
		docSur[w] = true
	}
	var split []span
	for k, sp := range out {
		w := strings.ToUpper(d.Tokens[sp.a].Text)
		if sp.typ == newsgraph.PER || !docSur[w] || titledOnly[w] && sp.b-sp.a > 1 || namedAfter(d, sp) {
			continue
		}
		if sp.b-sp.a > 1 {
			rest := span{sp.a + 1, sp.b, sp.typ}
			if d.Tokens[sp.a+1].Country >= 0 && d.Countries[d.Tokens[sp.a+1].Country].Tok1 == sp.b {
				if d.Countries[d.Tokens[sp.a+1].Country].Kind == "name" {
					rest.typ = newsgraph.LOC
				} else {
					rest.typ = newsgraph.MISC
				}
			}
			split = append(split, rest)
		}
		out[k] = span{sp.a, sp.a + 1, newsgraph.PER}
	}
	out = append(out, split...)
	// a "person" in a place's context is a place: "in Teri Mangal",
	// "entered Tell Tamer and Ain Issa", "Maidan Wardak province"; so is
	// an "organisation" or "miscellaneous" name before a place noun or
	// after "the town of" ("the al-Hamadaniyeh neighborhood", "the
	// village of Abu Alduhour"), where the tagger, trained on 1996
	// Reuters, does not know the name
	sortSpans(out)
	for k, sp := range out {
		if (sp.typ == newsgraph.ORG || sp.typ == newsgraph.MISC && !demonymLike(d.Tokens[sp.b-1].Lower)) && placeContext(d, sp.a, sp.b) && !peopleWords[d.Tokens[sp.a].Lower] {
			country := false
			for t := sp.a; t < sp.b; t++ {
				country = country || d.Tokens[t].Country >= 0
			}
			if !country {
				out[k].typ = newsgraph.LOC
			}
			continue
		}
		if sp.typ != newsgraph.PER || docSur[strings.ToUpper(d.Tokens[sp.b-1].Text)] && sp.b-sp.a == 1 {
			continue
		}
		si := d.Tokens[sp.a].Sent
		prev := ""
		if sp.a > d.Sentences[si].Tok0 {
			prev = d.Tokens[sp.a-1].Lower
		}
		next := ""
		if sp.b < d.Sentences[si].Tok1 {
			next = d.Tokens[sp.b].Lower
		}
		conj := prev == "and" && k > 0 && out[k-1].b == sp.a-1 && out[k-1].typ == newsgraph.LOC
		if placeContext(d, sp.a, sp.b) || locativeBefore[prev] && next != "'s" && next != "’s" || conj {
			if sp.a == 0 || !personTitles[d.Tokens[sp.a-1].Lower] {
				out[k].typ = newsgraph.LOC
			}
		}
	}
	// "Ain Issa", "Deir Hafer", "Wadi Barada": a word that starts Arabic
	// and Hebrew place names makes the span a place; "Al Jazeera",
	// "Al Arabiya": "Al" before a word that is no surname is an article,
	// and the name an organisation's ("Al Gore" stays a person)
	for k, sp := range out {
		if sp.typ != newsgraph.PER || sp.b-sp.a < 2 {
			continue
		}
		first := d.Tokens[sp.a]
		if toponymPrefixes[first.Lower] && (sp.a == 0 || !personTitles[d.Tokens[sp.a-1].Lower]) {
			out[k].typ = newsgraph.LOC
		} else if sp.b-sp.a == 2 && (first.Text == "Al" || first.Text == "El") && !x.isSurname(titleCase(d.Tokens[sp.a+1].Text)) &&
			!(sp.b < len(d.Tokens) && speechVerbs[d.Tokens[sp.b].Lower]) {
			out[k].typ = newsgraph.ORG
		}
	}
	// a "person" whose last word names an organisation is one ("the
	// Clinton Foundation", "Kaspersky Lab")
	for k, sp := range out {
		if w := d.Tokens[sp.b-1].Lower; sp.typ == newsgraph.PER && sp.b-sp.a >= 2 && orgWords[w] && len(w) > 3 { // not "Kim Jong Un"
			out[k].typ = newsgraph.ORG
		}
	}
	// religions and peoples are not persons, nor is a name that ends in
	// one ("Sunni Arabs", "Orthodox Jew", "Coptic Christian"; not "Kevin
	// Christian", whose first word is a given name: a surname may be a
	// people's singular), nor are named storms ("Hurricane Maria",
	// "Typhoon Lan") or a party's members ("John McCain, Arizona
	// Republican, said": a description, not a name)
	for k, sp := range out {
		last := d.Tokens[sp.b-1].Lower
		people := peopleWords[last] && (sp.b-sp.a == 1 || strings.HasSuffix(last, "s") || !x.isGiven(d.Tokens[sp.a].Text))
		if sp.typ == newsgraph.PER && (people || stormWords[d.Tokens[sp.a].Lower] || partyMembers[last]) {
			out[k].typ = newsgraph.MISC
		}
		// rule "an institution's name": a name that ends in an
		// institution's word is the institution's ("Harvard's John F.
		// Kennedy School", "The Alex Jones Show", "Time Warner Cable
		// Arena"), unless it is a given name and a surname that is also
		// such a word ("Mark Center")
		if sp.typ == newsgraph.PER && sp.b-sp.a >= 2 && institutionWords[last] &&
			!(sp.b-sp.a == 2 && x.isGiven(d.Tokens[sp.a].Text) && x.isSurname(d.Tokens[sp.b-1].Text)) {
			out[k].typ = newsgraph.ORG
		}
	}
	articleNames(d, out)
	x.headlineVerbNames(d, out)
	// a known armed group is an organisation, not a person ("Boko Haram",
	// "Jabhat al-Nusra"), an adjective ("ISIS shelling", "Houthi rebels")
	// or a place
	for k, sp := range out {
		if sp.typ != newsgraph.ORG && sp.b > sp.a && armedGroupAt(d, sp.a, sp.b) {
			out[k].typ = newsgraph.ORG
		}
	}
	// "the Biden administration"
	for k, sp := range out {
		if sp.typ != newsgraph.PER && sp.b-sp.a == 1 && sp.b < len(d.Tokens) && sp.a > 0 && d.Tokens[sp.a-1].Lower == "the" &&
			(d.Tokens[sp.b].Lower == "administration" || d.Tokens[sp.b].Lower == "presidency") && d.Tokens[sp.a].Country < 0 {
			out[k].typ = newsgraph.PER
		}
	}
	for k, sp := range out {
		if sp.typ == newsgraph.PER && sp.b-sp.a == 1 && (sp.a == 0 || !personTitles[d.Tokens[sp.a-1].Lower]) && !docSur[strings.ToUpper(d.Tokens[sp.a].Text)] {
			if d.Tokens[sp.a].Country >= 0 {
				out[k].typ = newsgraph.LOC
			} else if n, key := x.lookup(d, sp.a, x.isPlace); n == 1 && !x.gaz.given[d.Tokens[sp.a].Text] && x.gaz.places[key].large() {
				out[k].typ = newsgraph.LOC
			}
		}
	}
	add := func(a, b int, typ string) {
		if b > a && free(a, b) {
			out = append(out, span{a, b, typ})
			for k := a; k < b; k++ {
				used[k] = true
			}
		}
	}
	surnames := map[string]bool{}
	for si, s := range d.Sentences {
		caps := d.capsSentence(si)
		for i := s.Tok0; i < s.Tok1; i++ {
			if used[i] || !nameish(d, i) {
				continue
			}
			if ci := d.Tokens[i].Country; ci >= 0 {
				c := d.Countries[ci]
				switch c.Kind {
				case "name":
					add(c.Tok0, c.Tok1, newsgraph.LOC)
				case "demonym":
					add(c.Tok0, c.Tok1, newsgraph.MISC)
				}
				i = c.Tok1 - 1
				continue
			}
			if caps {
				continue
			}
			// a run of capitalised words (with particles)
			j := i
			for j < s.Tok1 && (nameish(d, j) && d.Tokens[j].Country < 0 || j > i && j+1 < s.Tok1 && nameParticles[d.Tokens[j].Lower] && nameish(d, j+1)) {
				j++
			}
			for i < j && (functionWords[d.Tokens[i].Lower] || calendarWords[d.Tokens[i].Lower]) {
				i++
			}
			if i >= j {
				i = j - 1
				continue
			}
			a := i
			titled := i > s.Tok0 && personTitles[d.Tokens[i-1].Lower]
			for a < j && titleWords[d.Tokens[a].Lower] {
				titled = titled || personTitles[d.Tokens[a].Lower]
				a++
			}
			if a < j && !titled && x.isGiven(d.Tokens[a].Text) && j-a >= 2 && !orgWords[d.Tokens[j-1].Lower] {
				titled = true
			}
			if a < j && titled {
				add(a, j, newsgraph.PER)
				surnames[d.Tokens[j-1].Text] = true
				i = j - 1
				continue
			}
			if n, _ := x.lookup(d, i, x.isPlace); n > 0 && n == j-i {
				add(i, j, newsgraph.LOC)
				i = j - 1
				continue
			}
			if armedGroupAt(d, i, j) {
				add(i, j, newsgraph.ORG) // "Hezbollah guerrillas fired", "Taliban militants"
				i = j - 1
				continue
			}
			if placeContext(d, i, j) {
				add(i, j, newsgraph.LOC)
				i = j - 1
				continue
			}
			if orgWords[d.Tokens[j-1].Lower] && j-i >= 2 {
				add(i, j, newsgraph.ORG)
				i = j - 1
				continue
			}
		}
	}
	for _, s := range base {
		if s.typ == newsgraph.PER && s.b-s.a >= 2 {
			surnames[d.Tokens[s.b-1].Text] = true
			surnames[stripArticle(d.Tokens[s.b-1].Text)] = true
		}
	}
	// single mentions of a known surname anywhere (also in all-caps titles)
	upper := map[string]bool{}
	for s := range surnames {
		upper[strings.ToUpper(s)] = true
	}
	for i := range d.Tokens {
		if used[i] || d.Tokens[i].Skip {
			continue
		}
		t := d.Tokens[i].Text
		if surnames[t] || isAllCaps(t) && len(t) > 2 && upper[t] {
			add(i, i+1, newsgraph.PER)
		}
	}
	// rule "a squad list": a line-up's items are persons, whatever the
	// tagger read them as
	var listed map[[2]int]bool
	for _, s := range d.Sentences {
		for _, it := range x.squadList(d, s, out, surnames) {
			if listed == nil {
				listed = map[[2]int]bool{}
			}
			listed[[2]int{it.a, it.b}] = true
			if free(it.a, it.b) {
				add(it.a, it.b, newsgraph.PER)
				continue
			}
			for k, sp := range out {
				if sp.a == it.a && sp.b == it.b {
					out[k].typ = newsgraph.PER
				}
			}
		}
	}
	sortSpans(out)
	// "Lavan island", "Kharg Island": a name before "island" is a place,
	// and the word is part of its name (GUIDELINES.md keeps it: "Kharg
	// Island")
	for k, sp := range out {
		if sp.typ == newsgraph.PER || sp.b >= len(d.Tokens) || d.Tokens[sp.b].Sent != d.Tokens[sp.a].Sent {
			continue
		}
		if w := d.Tokens[sp.b].Lower; (w == "island" || w == "islands" || w == "atoll") && !used[sp.b] {
			out[k] = span{sp.a, sp.b + 1, newsgraph.LOC}
			used[sp.b] = true
		}
	}
	// "Ain" + "al-Hilweh", "Maarat" + "al-Numan": a place's name cut
	// before its Arabic article is one place
	for k := 0; k+1 < len(out); k++ {
		a, b := out[k], out[k+1]
		if b.a == a.b && d.Tokens[a.a].Sent == d.Tokens[b.a].Sent && arabicArticle(d.Tokens[b.a].Lower) &&
			(a.typ == newsgraph.LOC || b.typ == newsgraph.LOC || toponymPrefixes[d.Tokens[a.a].Lower]) && a.typ != newsgraph.PER && b.typ != newsgraph.PER {
			out[k] = span{a.a, b.b, newsgraph.LOC}
			out = append(out[:k+1], out[k+2:]...)
			k--
		}
	}
	// "Moshe" + "Yaalon-Dror": two person spans that touch are one name;
	// so are a lone given name and a lone surname ("Theresa" + "May", a
	// month's name the tagger reads apart and the article's surname rule
	// then makes a person of its own), unless the first is the surname of
	// a full name in the article ("Clinton Obama rivalry")
	for k := 0; k+1 < len(out); k++ {
		if out[k].typ == newsgraph.PER && out[k+1].typ == newsgraph.PER && out[k+1].a == out[k].b &&
			d.Tokens[out[k].a].Sent == d.Tokens[out[k+1].a].Sent && (strings.Contains(d.Tokens[out[k+1].a].Text, "-") || x.givenSurname(d, out[k], out[k+1]) && !surnames[d.Tokens[out[k].a].Text]) {
			out[k].b = out[k+1].b
			out = append(out[:k+1], out[k+2:]...)
			k--
		}
	}
	// rule "a generation suffix": "Trump" + "Jr.": the tagger reads "Trump
	// Jr." as a company or leaves the suffix out, the rules above make a
	// person of "Trump" alone, and the bare surname then names the father
	// (rule "generations" keeps "Donald Trump Jr." and "Donald Trump"
	// apart): a person's span runs over a generational suffix right after
	// it, whatever the suffix was tagged
	sortSpans(out)
	for k := 0; k < len(out); k++ {
		sp := out[k]
		if sp.typ != newsgraph.PER || sp.b >= len(d.Tokens) || d.Tokens[sp.b].Sent != d.Tokens[sp.a].Sent ||
			!generations[d.Tokens[sp.b].Lower] || !isCap(d.Tokens[sp.b].Text) {
			continue
		}
		if k+1 < len(out) && out[k+1].a == sp.b {
			if out[k+1].b != sp.b+1 {
				continue
			}
			out = append(out[:k+1], out[k+2:]...) // the suffix tagged apart
		}
		out[k].b = sp.b + 1
	}
	return out, listed
}

// givenSurname says whether the one-word spans a and b are a given name
// and a surname, one space apart.
func (x *Extractor) givenSurname(d *Doc, a, b span) bool {
	return a.b-a.a == 1 && b.b-b.a == 1 && d.Tokens[a.a].End+1 == d.Tokens[b.a].Start &&
		x.isGiven(d.Tokens[a.a].Text) && x.isSurname(d.Tokens[b.a].Text)
}

// demonymLike says whether a word reads as an adjective of a people or a
// region ("English", "Zairean", "Transylvanian", "Balkan"): such a MISC
// before a place noun ("the Zairean border") is no place name.
func demonymLike(w string) bool {
	for _, suf := range []string{"an", "ish", "ese", "ic", "i"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// placeContext says whether the name at tokens [a, b) stands where only a
// place does: before a place noun ("Maidan Wardak province", "the
// al-Hamadaniyeh neighborhood", "the Ain al-Asad air base") or after a
// place noun and "of" ("the town of Musa Qala", "the villages of Tokhar
// and Hoshariyeh": the second name through "and").
func placeContext(d *Doc, a, b int) bool {
	si := d.Tokens[a].Sent
	s := d.Sentences[si]
	lower := func(i int) string {
		if i < s.Tok0 || i >= s.Tok1 {
			return ""
		}
		return d.Tokens[i].Lower
	}
	if placeAfter[lower(b)] || placeAfter2[lower(b)+" "+lower(b+1)] {
		return true
	}
	p := a - 1
	if lower(p) == "and" || lower(p) == "," {
		// back over the earlier names of a list: "of X, Y and Z"
		for p--; p >= s.Tok0 && (nameish(d, p) || lower(p) == "," || lower(p) == "and"); p-- {
		}
	}
	return lower(p) == "of" && placeOf[lower(p-1)]
}

// namedAfter reports whether a name of a place or an institution only
// begins with a person's surname: its last word is a building's or a
// place's ("Trump Tower", "Sadr City", "the Kennedy Center") or an
// institution's that is named after people ("the Clinton Foundation"), so
// the person is not there ("met Kislyak at Trump Tower": Trump was not). A
// headline's run of names ("Rubio Ukraine ceasefire talks", "Tillerson State
// Department Shake-Up") ends otherwise and is split.
func namedAfter(d *Doc, sp span) bool {
	last := d.Tokens[sp.b-1].Lower
	return sp.b-sp.a > 1 && (geoNouns[last] || namedFor[last])
}

// namedFor are the institutions named after people.
var namedFor = set("foundation", "institute", "university", "college", "library", "museum", "school", "academy")

// arabicArticle says whether a word starts with the Arabic article ("al-",
// "el-", and its assimilated forms "ez-", "as-", "ad-", "an-", "ar-", "ash-").
func arabicArticle(w string) bool {
	for _, p := range []string{"al-", "el-", "ez-", "az-", "as-", "ad-", "an-", "ar-", "ash-", "at-", "ath-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 {
			return true
		}
	}
	return false
}

func sortSpans(s []span) {
	sort.SliceStable(s, func(i, j int) bool { return s[i].a < s[j].a })
}

// articleName reports whether w is a name with an Arabic article
// ("al-Muhandis", "el-Sisi", "bin").
func articleName(w string) bool {
	for _, p := range []string{"al-", "el-", "Al-", "El-", "ad-", "as-", "ash-", "an-", "ar-", "at-", "az-"} {
		if strings.HasPrefix(w, p) && len(w) > len(p)+1 && isCap(w[len(p):]) {
			return true
		}
	}
	return false
}

// patronymParticles join a given name to a father's or family name.
var patronymParticles = set("bin", "ibn", "bint")

// patronymSpans merges "X bin Y (al-Z)" into one PER span, with a royal
// title before it ("Sheikh Mohammed bin Zayed"); the spans it covers go.
func (x *Extractor) patronymSpans(d *Doc, out []span, used []bool) []span {
	for i := 1; i+1 < len(d.Tokens); i++ {
		t := d.Tokens[i]
		if !patronymParticles[t.Text] || !nameish(d, i-1) || !nameish(d, i+1) ||
			d.Tokens[i-1].Sent != t.Sent || d.Tokens[i+1].Sent != t.Sent {
			continue
		}
		a := i - 1
		titled := false
		for a-1 >= 0 && d.Tokens[a-1].Sent == t.Sent && nameish(d, a-1) && d.Tokens[a-1].Country < 0 &&
			!functionWords[d.Tokens[a-1].Lower] && (!titleWords[d.Tokens[a-1].Lower] || royalTitles[d.Tokens[a-1].Lower]) {
			if titled && !royalTitles[d.Tokens[a-1].Lower] {
				break // "Abu Dhabi Crown Prince X bin Y": the place is no part of it
			}
			titled = titled || royalTitles[d.Tokens[a-1].Lower]
			a--
		}
		for a < i-1 && royalTitles[d.Tokens[a].Lower] && d.Tokens[a].Lower == "crown" {
			a++ // "Crown Prince X": the title is Crown Prince, the name Prince X
		}
		b := i + 2
		for b < len(d.Tokens) && d.Tokens[b].Sent == t.Sent && (nameish(d, b) && d.Tokens[b].Country < 0 && !functionWords[d.Tokens[b].Lower] ||
			patronymParticles[d.Tokens[b].Text] && b+1 < len(d.Tokens) && nameish(d, b+1)) {
			b++
		}
		if b-a > 6 || orgWords[d.Tokens[b-1].Lower] || geoNouns[d.Tokens[b-1].Lower] {
			continue
		}
		kept := out[:0]
		for _, sp := range out {
			if sp.b <= a || sp.a >= b {
				kept = append(kept, sp)
			} else if sp.a < a {
				kept = append(kept, span{sp.a, a, sp.typ})
			}
		}
		out = append(kept, span{a, b, newsgraph.PER})
		for k := a; k < b; k++ {
			used[k] = true
		}
		sortSpans(out)
		i = b - 1
	}
	return out
}

// eastAsianSpans makes a family name followed by a hyphenated given name
// one person ("Park Sung-ho", "Chung Dong-young", "Lin Chih-ming"),
// whatever the tagger made of the pieces.
func eastAsianSpans(d *Doc, out []span, used []bool) []span {
	for i := 1; i < len(d.Tokens); i++ {
		if !hyphenGiven(d.Tokens[i].Text) || d.Tokens[i-1].Sent != d.Tokens[i].Sent {
			continue
		}
		f := d.Tokens[i-1]
		n := utf8.RuneCountInString(f.Text)
		if !nameish(d, i-1) || n < 2 || n > 6 || f.Country >= 0 || functionWords[f.Lower] || titleWords[f.Lower] || calendarWords[f.Lower] {
			continue
		}
		a, b := i-1, i+1
		kept := out[:0]
		for _, sp := range out {
			if sp.b <= a || sp.a >= b {
				kept = append(kept, sp)
			} else if sp.a < a {
				kept = append(kept, span{sp.a, a, sp.typ})
			} else if sp.b > b {
				kept = append(kept, span{b, sp.b, sp.typ})
			}
		}
		out = append(kept, span{a, b, newsgraph.PER})
		used[a], used[a+1] = true, true
		sortSpans(out)
	}
	return out
}

// hyphenGiven reports whether w has the shape of a romanised Korean or
// Chinese given name: "Sung-ho", "Ki-moon", "Chih-ming".
func hyphenGiven(w string) bool {
	h := strings.IndexByte(w, '-')
	if h < 1 || !isCap(w) {
		return false
	}
	first, second := w[:h], w[h+1:]
	if len(first) > 5 || len(second) < 2 || len(second) > 5 || hyphenPrefixes[strings.ToLower(first)] {
		return false
	}
	for _, r := range first[1:] + second {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// hyphenPrefixes start hyphenated words that are not names.
var hyphenPrefixes = set("anti", "pro", "non", "self", "post", "pre", "mid", "co", "ex", "semi", "multi", "all", "well", "so", "far", "half", "re", "sub", "neo", "pan", "inter", "high", "low", "long", "year", "one", "two", "vice", "then", "cross", "open", "off", "out", "over", "under", "up", "down", "bi", "tri")

// isGiven reports whether w is a known given name, also without its
// accents ("Nicolás" as "Nicolas").
func (x *Extractor) isGiven(w string) bool {
	if x.gaz.given[w] {
		return true
	}
	f := foldAccents(w)
	return f != w && x.gaz.given[f]
}

// isSurname reports whether w is a known surname, also without accents.
func (x *Extractor) isSurname(w string) bool {
	if x.gaz.surnames[w] {
		return true
	}
	f := foldAccents(w)
	return f != w && x.gaz.surnames[f]
}

var accentFold = strings.NewReplacer("á", "a", "à", "a", "â", "a", "ä", "a", "ã", "a", "å", "a",
	"é", "e", "è", "e", "ê", "e", "ë", "e", "í", "i", "ì", "i", "î", "i", "ï", "i",
	"ó", "o", "ò", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "ú", "u", "ù", "u", "û", "u", "ü", "u",
	"ñ", "n", "ç", "c", "ý", "y", "Á", "A", "É", "E", "Í", "I", "Ó", "O", "Ú", "U", "Ñ", "N", "Ç", "C",
	"Ö", "O", "Ü", "U", "Ä", "A", "š", "s", "Š", "S", "ž", "z", "Ž", "Z", "č", "c", "Č", "C", "ć", "c", "ł", "l", "Ł", "L")

// foldAccents drops the accents of Latin letters.
func foldAccents(w string) string {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0x80 {
			return accentFold.Replace(w)
		}
	}
	return w
}

// headlineVerbs are the auxiliaries and verbs that open a Title Case
// headline's question or command ("Will Brett Kavanaugh Be Confirmed?",
// "Does John Kerry Know?", "Take Bradley Smith's Advice").
var headlineVerbs = set("will", "would", "does", "do", "did", "is", "are", "was", "were", "can",
	"could", "should", "has", "have", "had", "may", "might", "must", "take", "give", "let")

// headline says whether sentence s is written as a headline: in capitals
// or in Title Case (a title, a related story's link, a section head).
func headline(d *Doc, s int) bool {
	caps, title := d.sentenceCase(s)
	return caps || title
}

// headlineVerbNames is the rule "a headline's verb is no part of a name":
// in a headline (see headline), a person span of three words or more that opens with one of
// headlineVerbs followed by a given name loses the verb ("Will Brett
// Kavanaugh" is Brett Kavanaugh; "Will Smith" and "Will Tanner", two
// words, stay); "Do I" is no name at all.
func (x *Extractor) headlineVerbNames(d *Doc, spans []span) {
	for k, sp := range spans {
		if sp.typ != newsgraph.PER || sp.b-sp.a < 2 || !isCap(d.Tokens[sp.a].Text) || !headlineVerbs[d.Tokens[sp.a].Lower] || !headline(d, d.Tokens[sp.a].Sent) {
			continue
		}
		switch next := d.Tokens[sp.a+1].Text; {
		case next == "I" && sp.b-sp.a == 2:
			spans[k].typ = newsgraph.MISC
		case sp.b-sp.a >= 3 && x.isGiven(titleCase(next)):
			spans[k].a++
		}
	}
}

// openingWords is the rule "a sentence's opening word is no first name":
// the tagger reads a capitalised word that opens a sentence (after any
// quotes or brackets) as the first name of the surname after it ("So
// Obama can say", "Maybe Obama", "Although Biden said"). The word is cut
// off when it is a function word (some of which the name lists also give
// as given names: "So"), or when it is no given name or title and the
// article also writes it in lower case (a common word capitalised by its
// place); what is left must still hold a known given name or surname.
// "Opening" allows punctuation before the word (quotes, brackets,
// dashes). "Barack Obama", "Bill Duncan" (beside "the bill"), "President
// Obama" and "Xi Jinping" keep their first word.
func (x *Extractor) openingWords(d *Doc, spans []span) {
	var lower map[string]bool // the article's lower-case words, when needed
	for k, sp := range spans {
		if sp.typ != newsgraph.PER || sp.b-sp.a < 2 {
			continue
		}
		first := d.Tokens[sp.a]
		st := d.Sentences[first.Sent]
		opening := true
		for t := st.Tok0; t < sp.a && opening; t++ {
			opening = strings.IndexFunc(d.Tokens[t].Text, isWordRune) < 0 // quotes, brackets
		}
		if !opening || !isCap(first.Text) {
			continue
		}
		if !functionWords[first.Lower] {
			if x.isGiven(first.Text) || titleWords[first.Lower] || personTitles[first.Lower] || royalTitles[first.Lower] {
				continue
			}
			if lower == nil {
				lower = map[string]bool{}
				for _, t := range d.Tokens {
					if t.Text == t.Lower {
						lower[t.Lower] = true
					}
				}
			}
			if !lower[first.Lower] {
				continue
			}
		}
		named := false
		for t := sp.a + 1; t < sp.b; t++ {
			named = named || x.isGiven(d.Tokens[t].Text) || x.isSurname(titleCase(d.Tokens[t].Text))
		}
		if named {
			spans[k].a++
		}
	}
}

// articleNames is the rule "a name that opens with 'The' is no person's"
// ("The North", "The Hill", "The Weekly Standard"): English names of
// people take no article. Such a person span becomes MISC.
func articleNames(d *Doc, spans []span) {
	for k, sp := range spans {
		if sp.typ == newsgraph.PER && sp.b > sp.a && d.Tokens[sp.a].Text == "The" {
			spans[k].typ = newsgraph.MISC
		}
	}
}

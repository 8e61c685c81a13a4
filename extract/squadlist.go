package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Rule "a squad list". A match report's line-up is a sentence of names and
// nothing else: "Provisional squad: Myhill, Rose, Gamboa, Pocognoli, ...",
// "Barcelona: Victor Valdes, Motta (Xavi 61), Rafael Marquez, Carlos Puyol
// (capt), ...", "Gloucester: Marshall; Sharples, Trinder, Twelvetrees, May;
// ...". GUIDELINES.md counts every named human individual, but the tagger,
// which reads a name by its sentence, finds none in a line without verbs,
// and a bare surname has no given name or title for the rules to read.
// When one item of such a list is already a person (a full name, or a
// surname the article gives in full elsewhere: "Craig Dawson is set to
// return"), every item is: a list of places, teams or companies holds no
// person. squadItems reads the list; squadList gives its items' spans.

// minSquad is the fewest items a list must have to be read as a line-up: a
// team's eleven or fifteen with substitutes, a squad of eighteen. Shorter
// lists of names in running text are bylines, guests and panels ("Sarah
// Bowen, Sinikka Elliott, and Joslyn Brenton, Politico"), where a name the
// tagger left out is most often no person's.
const minSquad = 8

// squadList returns the one-word items of sentence s when it is a list of
// names (squadItems) that the article's persons anchor: two of its items
// are persons already, each holding a person's span (of out) of two words
// or more or being a surname of a full name of the article (surnames). One
// may be the tagger's error: "Urban Development" of "Agriculture,
// Commerce, Homeland Security, Housing and Urban Development, Interior,
// Justice, State, Transportation and Treasury". Only bare names are the
// rule's: a full name is the tagger's and the person model's to read
// ("Romsey and Southampton North Antoinette Sandbach" of a list of
// constituencies and their members), and a one-word item that is a place
// of the gazetteer and no surname is none ("South Bend, Indiana, Mayor
// Pete Buttigieg"; "Romsey and Southampton North" of the constituencies;
// "Fletcher" and "Rose" of a line-up are surnames).
func (x *Extractor) squadList(d *Doc, s Sentence, out []span, surnames map[string]bool) []span {
	items := x.squadItems(d, s)
	if len(items) < minSquad {
		return nil
	}
	anchors := 0
	for _, it := range items {
		if it.b-it.a == 1 && surnames[d.Tokens[it.a].Text] || slices.ContainsFunc(out, func(sp span) bool {
			return sp.typ == newsgraph.PER && sp.b-sp.a >= 2 && it.a <= sp.a && sp.b <= it.b
		}) {
			anchors++
		}
	}
	if anchors < 2 {
		return nil
	}
	var bare []span
	for _, it := range items {
		w := d.Tokens[it.a].Text
		if _, place := x.gaz.places[w]; it.b-it.a == 1 && !(place && !x.isSurname(w)) {
			bare = append(bare, it)
		}
	}
	return bare
}

// squadItems reads sentence s as a list of names: after at most a short
// label and a colon, items separated by commas, semicolons or "and", each
// of name words (squadWord), one of them a full word (fullWord), and no
// country's name, with an optional bracket after it ("(capt)"; "(Xavi
// 61)", a substitute and his minute, is another item). Returns the items,
// or nil when a word of the sentence is none of these, or when more than a
// quarter of the items are cities of 100,000 people, capitals or regions
// of the gazetteer (bigPlace: "Colorado, Florida, Iowa, Minnesota,
// Nevada"; one player may be named "Fletcher").
func (x *Extractor) squadItems(d *Doc, s Sentence) []span {
	a, b := s.Tok0, s.Tok1
	if b > a && d.Tokens[b-1].Text == "." {
		b--
	}
	for k := a; k < b && k < a+5; k++ {
		if d.Tokens[k].Text == ":" {
			a = k + 1
			break
		}
	}
	var items []span
	start := -1 // first word of the item being read
	end := func(k int) bool {
		if start < 0 {
			return k > a && d.Tokens[k-1].Text == ")" // the item ended at its bracket
		}
		if !fullWord(d, start, k) || countryAt(d, start, k) {
			return false
		}
		items = append(items, span{start, k, newsgraph.PER})
		start = -1
		return true
	}
	for k := a; k < b; k++ {
		switch t := d.Tokens[k].Text; {
		case t == "," || t == ";":
			if !end(k) {
				return nil
			}
		case d.Tokens[k].Lower == "and":
			if start >= 0 && !end(k) { // "Thomas Massie and Tom McClintock"
				return nil
			}
		case t == "(":
			if start < 0 || !end(k) {
				return nil
			}
			j := k + 1
			for j < b && d.Tokens[j].Text != ")" {
				j++
			}
			if j == b {
				return nil
			}
			// a substitute's name and minute in the bracket ("Xavi 61");
			// other brackets are marks ("capt"), parties ("R-Calif") or a
			// film's characters ("Dollar Bill")
			if j-k >= 3 && allDigits([]rune(d.Tokens[j-1].Text)) && fullWord(d, k+1, j-1) && squadWords(d, k+1, j-1) {
				items = append(items, span{k + 1, j - 1, newsgraph.PER})
			}
			k = j
		case squadWord(d, k):
			if start < 0 {
				start = k
			}
		default:
			return nil
		}
	}
	if start >= 0 && !end(b) {
		return nil
	}
	if n := len(items); n > 0 && items[n-1].b-items[n-1].a == 1 && titleAbbrev(d.Tokens[items[n-1].a].Lower) {
		items = items[:n-1] // the title of the next sentence's name ("... Ethel Lee Lance, Rev.")
	}
	// a list of places: a line-up may hold a player named like a city
	// ("Fletcher"), not mostly such names
	places := 0
	for _, it := range items {
		if x.bigPlace(d, it.a, it.b) {
			places++
		}
	}
	if 4*places > len(items) {
		return nil
	}
	return items
}

// countryAt says whether the tokens [a, b) are a country's name or
// demonym and nothing else ("Algeria", "Saudi Arabia"; not "Chad Olsen",
// whose given name the country marks read as Chad before the names are
// resolved).
func countryAt(d *Doc, a, b int) bool {
	ci := d.Tokens[a].Country
	return ci >= 0 && d.Countries[ci].Tok0 == a && d.Countries[ci].Tok1 == b
}

// bigPlace says whether the tokens [a, b) name a city of 100,000 people
// or more, a capital or a region of the gazetteer.
func (x *Extractor) bigPlace(d *Doc, a, b int) bool {
	p, ok := x.gaz.places[keyAt(d, a, b-a, false)]
	return ok && p.large()
}

// fullWord says whether the tokens [a, b) hold a word of two letters or
// more that is not all capitals: a name, not initials alone ("J.", "M").
func fullWord(d *Doc, a, b int) bool {
	for k := a; k < b; k++ {
		if t := d.Tokens[k].Text; len([]rune(t)) >= 2 && !isAllCaps(t) && !nameParticles[d.Tokens[k].Lower] {
			return true
		}
	}
	return false
}

// titleAbbrev says whether the lower-case word w is a title or its
// abbreviation without the period, or a plural of one ("Rev", "Sens",
// "Govs"): a sentence split at the title's period leaves it at a list's
// end, where squadItems leaves it out (a surname "King" may stand inside).
func titleAbbrev(w string) bool {
	return titleWords[w] || personTitles[w] || titleWords[w+"."] || personTitles[w+"."] ||
		strings.HasSuffix(w, "s") && (titleWords[w[:len(w)-1]] || titleWords[w[:len(w)-1]+"."])
}

// squadWords says whether the tokens [a, b) are all name words (squadWord).
func squadWords(d *Doc, a, b int) bool {
	for k := a; k < b; k++ {
		if !squadWord(d, k) {
			return false
		}
	}
	return true
}

// squadWord says whether token k may be a word of a name in a line-up: a
// capitalised word that ends no organisation's name ("Naples (Fla.) Daily
// News"), names no party's member ("Alabama Democrat") and joins no party
// to a state ("D-Calif"); or a name particle ("AB de Villiers").
func squadWord(d *Doc, k int) bool {
	t := d.Tokens[k]
	if nameParticles[t.Lower] {
		return true
	}
	return isCap(t.Text) && !orgWords[t.Lower] && !partyMembers[t.Lower] && strings.IndexByte(t.Text, '-') != 1
}

package extract

import "sort"

// Doc is the working model of one article that every stage of Extract, and
// the event layer, reads and extends. See the package documentation.
type Doc struct {
	Text      string
	Runes     []rune
	Tokens    []Token
	Sentences []Sentence
	Mentions  []Mention
	Persons   []Entity
	Countries []CountryRef
	Places    []PlaceRef
	Orgs      []OrgRef
	// Refs are the pronouns, descriptions and plurals that refer to
	// persons, in text order, with the persons they refer to (see Ref).
	Refs []Ref
	// Soviet is set when the article speaks of the Soviet Union: Russian
	// government metonyms ("the Kremlin", "Moscow") then mean SU.
	Soviet bool
	// Caps is set when most of the letters are upper case (CoNLL headlines,
	// wire titles): case cues are weaker there.
	Caps bool

	countryEnd map[int]int // token index after a country reference -> its index
}

// countryEndingAt returns the index of the country reference whose tokens
// end just before token t, or -1.
func (d *Doc) countryEndingAt(t int) int {
	if d.countryEnd == nil {
		d.countryEnd = make(map[int]int, len(d.Countries))
		for i, c := range d.Countries {
			d.countryEnd[c.Tok1] = i
		}
	}
	if i, ok := d.countryEnd[t]; ok {
		return i
	}
	return -1
}

// Token is one word or punctuation mark.
type Token struct {
	Start, End int // code point offsets, End exclusive
	Text       string
	Lower      string
	Sent       int  // index into Doc.Sentences
	Ment       int  // index into Doc.Mentions covering the token, or -1
	Skip       bool // part of a byline, photo credit or other boilerplate
	Glued      bool // cut from the word before it (rule "glued link text")
	Country    int  // index into Doc.Countries starting at this token, or -1
}

// Sentence is a run of tokens [Tok0, Tok1) spanning [Start, End).
type Sentence struct {
	Start, End int
	Tok0, Tok1 int
}

// Mention is one entity mention over tokens [Tok0, Tok1).
type Mention struct {
	Tok0, Tok1 int
	Start, End int
	Text       string
	Type       string // newsgraph.PER, LOC, ORG or MISC
	Person     int    // index into Doc.Persons for PER mentions, else -1
	Country    string // ISO code for a country, a demonym or a place in a known country
	Place      int    // index into Doc.Places for LOC mentions that are places, else -1
	Org        int    // index into Doc.Orgs for ORG mentions, else -1
	// Core is the name without leading titles ("Marco Rubio" of "Mr Marco
	// Rubio"); for PER mentions only.
	Core string
	// Listed is set for a name of a line-up (rule "a squad list"): a
	// person however little its context says.
	Listed bool
}

// Entity is one person of the article after coreference.
type Entity struct {
	Name     string
	Aliases  []string
	Role     string
	Country  string
	Mentions []int // indexes into Doc.Mentions, in text order
	// Dropped is set when the person model says the name is not a human
	// being here (a film, a band, a byline): left out of facts and events.
	Dropped bool
}

// CountryRef is one reference to a sovereign state.
type CountryRef struct {
	Tok0, Tok1 int
	Start, End int
	Code       string
	Kind       string // "name", "demonym" or "metonym"
	InOrg      bool   // inside an organisation's name: does not count by itself
}

// PlaceRef is a named city, region or facility.
type PlaceRef struct {
	Name     string
	Country  string
	Mentions []int
}

// OrgRef is a named organisation or armed group.
type OrgRef struct {
	Name     string
	Country  string
	Mentions []int
	// Armed is set for armed groups ("Hamas", "the Houthis", "Taliban",
	// "... Brigades", "... militia").
	Armed bool
}

// TokenAt returns the index of the token covering code point offset off,
// or -1.
func (d *Doc) TokenAt(off int) int {
	i := sort.Search(len(d.Tokens), func(i int) bool { return d.Tokens[i].End > off })
	if i < len(d.Tokens) && d.Tokens[i].Start <= off {
		return i
	}
	return -1
}

// SentenceOf returns the sentence index of token t.
func (d *Doc) SentenceOf(t int) int { return d.Tokens[t].Sent }

// Span returns the text of the code point range [start, end).
func (d *Doc) Span(start, end int) string { return string(d.Runes[start:end]) }

// SentenceText returns the text of sentence s.
func (d *Doc) SentenceText(s int) string {
	return d.Span(d.Sentences[s].Start, d.Sentences[s].End)
}

// SentenceMentions returns the indexes of the mentions in sentence s, in
// text order.
func (d *Doc) SentenceMentions(s int) []int {
	var out []int
	sen := d.Sentences[s]
	last := -1
	for t := sen.Tok0; t < sen.Tok1; t++ {
		if m := d.Tokens[t].Ment; m >= 0 && m != last {
			out = append(out, m)
			last = m
		}
	}
	return out
}

// SentenceCountries returns the indexes of the country references in
// sentence s, in text order.
func (d *Doc) SentenceCountries(s int) []int {
	var out []int
	sen := d.Sentences[s]
	for i, c := range d.Countries {
		if c.Tok0 >= sen.Tok0 && c.Tok0 < sen.Tok1 {
			out = append(out, i)
		}
	}
	return out
}

// PersonOf returns the person entity of mention m, or -1.
func (d *Doc) PersonOf(m int) int { return d.Mentions[m].Person }

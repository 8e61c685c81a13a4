package extract

import (
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/classify"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// People are people. The tagger and the name rules find every name that
// looks like a person's; a learned model (the "person" model of
// events.model.gz) then reads the contexts each person is named in
// ("said", "the film", "the band", a title, a role) and drops the names
// that are not human beings in this article: titles of works, bands,
// brands, teams, fictional characters, bylines. Dropped persons are left
// out of the facts and of every event.

// PersonFeatures returns the features of each person of d (by index into
// d.Persons), for the person model and its training.
func (x *Extractor) PersonFeatures(d *Doc) []classify.Features {
	out := make([]classify.Features, len(d.Persons))
	for pi, p := range d.Persons {
		f := &out[pi]
		f.Add("bias")
		words := strings.Fields(p.Name)
		f.Addf("words", strconv.Itoa(min(len(words), 4)))
		x.nameShape(f, p.Name, words)
		if len(words) > 0 {
			// what a dictionary says of the family word: a common noun
			// ("Joint Chiefs", "Trump Tower", "Arizona Republican") is
			// rarely a surname. The name lists are no feature: they are
			// mostly of Western names, and with them the model learned to
			// drop "Roh Moo-hyun" and "Zabiullah Mujahid" (see
			// docs/architecture.md, round 24)
			f.Addf("llex", lexClass(x.parser.Lex(strings.ToLower(familyWord(words)))))
		}
		if p.Role != "" {
			f.Add("role")
			for _, w := range strings.Fields(strings.ToLower(p.Role)) {
				f.Addf("rw", w)
			}
		}
		if p.Country != "" {
			f.Add("country")
		}
		f.Addf("nment", strconv.Itoa(min(len(p.Mentions), 5)))
		title := true
		for _, mi := range p.Mentions {
			m := d.Mentions[mi]
			sent := d.Tokens[m.Tok0].Sent
			if sent != 0 {
				title = false
			}
			prev, prev2, next := "<s>", "<s>", "</s>"
			st := d.Sentences[sent]
			if m.Tok0-1 >= st.Tok0 {
				prev = d.Tokens[m.Tok0-1].Lower
			}
			if m.Tok0-2 >= st.Tok0 {
				prev2 = d.Tokens[m.Tok0-2].Lower
			}
			if m.Tok1 < st.Tok1 {
				next = d.Tokens[m.Tok1].Lower
			}
			f.Addf("pw", prev)
			f.Addf("pw2", prev2+" "+prev)
			if next != "</s>" { // the end of a headline says nothing
				f.Addf("nw", next)
			}
			if m.Core != m.Text {
				f.Add("titled")
			}
			if isAllCaps(m.Text) && !d.Caps {
				f.Add("caps")
			}
		}
		if title {
			f.Add("onlytitle")
		}
	}
	return out
}

// familyWord is the last word of a name before a generational suffix or a
// regnal number ("Trump" of "Donald Trump Jr.", "Edward" of "King Edward
// VII").
func familyWord(words []string) string {
	n := len(words)
	switch {
	case n >= 2 && generations[strings.ToLower(words[n-1])]:
		return words[n-2]
	case n >= 2 && strings.Trim(words[n-1], "IVX") == "":
		return words[n-2]
	}
	return words[n-1]
}

// lexClass names a word's dictionary entry: its parts of speech (n, v,
// a, r) and p when the dictionary writes it capitalised; "-" for none.
func lexClass(b uint8) string {
	var out []byte
	for _, c := range []struct {
		bit uint8
		c   byte
	}{{syntax.LexNoun, 'n'}, {syntax.LexVerb, 'v'}, {syntax.LexAdj, 'a'}, {syntax.LexAdv, 'r'}, {syntax.LexProper, 'p'}} {
		if b&c.bit != 0 {
			out = append(out, c.c)
		}
	}
	if len(out) == 0 {
		return "-"
	}
	return string(out)
}

// nameShape adds what the name itself says: a word of it names a place or
// a country ("Florida Keys", "Key Biscayne"), it starts with something
// other than a letter (a quotation mark run into the name), it is one word
// of one or two letters ("I", "He"), or a word repeats another run into
// it ("TrumpTrump").
func (x *Extractor) nameShape(f *classify.Features, name string, words []string) {
	for _, w := range words {
		if x.isPlace(w) || x.isCountry(w) {
			f.Add("placeword")
			break
		}
	}
	if name != "" && !unicode.IsLetter([]rune(name)[0]) {
		f.Add("nonletter")
	}
	if len(words) == 1 && utf8.RuneCountInString(name) <= 2 {
		f.Add("short")
	}
	for _, w := range words {
		for _, v := range words {
			if len(v) < len(w) && strings.Contains(w, v) {
				f.Add("runon")
			}
		}
		if n := len(w); n >= 6 && n%2 == 0 && w[:n/2] == w[n/2:] {
			f.Add("runon")
		}
	}
}

// dropNonPersons marks the persons the person model rejects.
func (x *Extractor) dropNonPersons(d *Doc) {
	if x.models == nil || x.models.person == nil {
		return
	}
	fs := x.PersonFeatures(d)
	keep := make([]bool, len(d.Persons))
	for i := range fs {
		// a name of a line-up is a person whatever the model reads in its
		// bare context (rule "a squad list")
		keep[i] = x.models.person.Prob(&fs[i]) >= x.models.person.Threshold || slices.ContainsFunc(d.Persons[i].Mentions, func(mi int) bool { return d.Mentions[mi].Listed })
	}
	d.DropPersons(keep)
}

// DropPersons marks the persons whose keep entry is false as not persons:
// they stay in d.Persons (indexes do not move) but leave the facts and
// the events.
func (d *Doc) DropPersons(keep []bool) {
	for i := range d.Persons {
		d.Persons[i].Dropped = !keep[i]
	}
}

// PersonScore is the person model's probability for a person's features
// (1 without a model).
func (x *Extractor) PersonScore(f *classify.Features) float64 {
	if x.models == nil || x.models.person == nil {
		return 1
	}
	return x.models.person.Prob(f)
}

package extract

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract/ner"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// Extractor extracts facts from articles. It is immutable after New and
// safe for concurrent use.
type Extractor struct {
	gaz    *gazetteer
	tagger *ner.Model // nil: rules only
	parser *syntax.Parser
	coref  *corefModel  // nil: refs found but not resolved
	lex    *lexicon     // trigger and modality lexicons
	agents agentLexicon // nouns of a state's forces (rule "state forces")
	actors actorLexicon // names of states' leaders and agencies (rule "state actor")
	models *eventModels // nil until trained: no events
}

// New loads the embedded gazetteers, the entity tagger's model and the
// syntax model (tagger, lemmatiser, dependency parser; see Parse).
func New() (*Extractor, error) {
	g, err := loadGazetteer()
	if err != nil {
		return nil, fmt.Errorf("load gazetteer: %w", err)
	}
	x := &Extractor{gaz: g}
	m, err := loadModel()
	if err != nil {
		return nil, fmt.Errorf("load ner model: %w", err)
	}
	x.tagger = m
	if x.parser, err = syntax.Load(); err != nil {
		return nil, fmt.Errorf("load syntax model: %w", err)
	}
	if x.coref, err = loadCoref(); err != nil {
		return nil, fmt.Errorf("load coref model: %w", err)
	}
	if x.lex, err = loadLexicon(); err != nil {
		return nil, fmt.Errorf("load trigger lexicon: %w", err)
	}
	if x.agents, err = loadAgents(); err != nil {
		return nil, fmt.Errorf("load agents lexicon: %w", err)
	}
	if x.actors, err = loadActors(); err != nil {
		return nil, fmt.Errorf("load actors lexicon: %w", err)
	}
	if x.models, err = loadEventModels(); err != nil {
		return nil, fmt.Errorf("load event models: %w", err)
	}
	return x, nil
}

// Extract returns the facts of one article. The result depends only on the
// article.
func (x *Extractor) Extract(a newsgraph.Article) newsgraph.Facts {
	return x.extract(a, false)
}

// ExtractExplain is Extract with an Explanation on every event: its
// trigger, syntactic path, score and strongest features.
func (x *Extractor) ExtractExplain(a newsgraph.Article) newsgraph.Facts {
	return x.extract(a, true)
}

func (x *Extractor) extract(a newsgraph.Article, explain bool) newsgraph.Facts {
	d := x.Analyze(a.Text)
	x.dropNonPersons(d)
	f := newsgraph.Facts{
		ID:            a.ID,
		Published:     a.Published,
		Persons:       []newsgraph.Person{},
		Countries:     []string{},
		Places:        []newsgraph.Place{},
		Organizations: []newsgraph.Organization{},
		Met:           []newsgraph.Meeting{},
		TraveledWith:  []newsgraph.Travel{},
		Struck:        []newsgraph.Strike{},
		Mentions:      make([]newsgraph.Mention, 0, len(d.Mentions)),
	}
	for _, m := range d.Mentions {
		f.Mentions = append(f.Mentions, newsgraph.Mention{Text: m.Text, Type: m.Type, Start: m.Start, End: m.End})
	}
	for _, p := range d.Persons {
		if p.Dropped {
			continue
		}
		al := p.Aliases
		if al == nil {
			al = []string{}
		}
		f.Persons = append(f.Persons, newsgraph.Person{Name: p.Name, Aliases: al, Country: p.Country, Role: p.Role})
	}
	seen := map[string]bool{}
	for _, c := range d.Countries {
		if !c.InOrg && !seen[c.Code] {
			seen[c.Code] = true
			f.Countries = append(f.Countries, c.Code)
		}
	}
	for _, p := range d.Places {
		f.Places = append(f.Places, newsgraph.Place{Name: p.Name, Country: p.Country})
	}
	for _, o := range d.Orgs {
		f.Organizations = append(f.Organizations, newsgraph.Organization{Name: o.Name, Country: o.Country})
	}
	x.events(d, &f, explain)
	x.eventPlaces(&f)
	return f
}

// eventPlaces adds to f's places, with its country, every meeting place
// and trip destination that no mention named as a place: rule "a seat of
// government" places "a White House meeting" in Washington and rule "a
// country's capital" a trip in Paris, and the graph keys a place by its
// name and country (a Washington without one was a node of its own).
func (x *Extractor) eventPlaces(f *newsgraph.Facts) {
	have := map[string]bool{}
	for _, p := range f.Places {
		have[p.Name] = true
	}
	add := func(name string) {
		if name == "" || have[name] {
			return
		}
		have[name] = true
		code, _ := x.PlaceCountry(name)
		f.Places = append(f.Places, newsgraph.Place{Name: name, Country: code})
	}
	for _, m := range f.Met {
		add(m.Place)
	}
	for _, t := range f.TraveledWith {
		add(t.To)
	}
}

// PlaceCountry returns the ISO code of the country of a named place
// ("Dnipro" -> UA) from the gazetteer: a country's own name ("Lebanon" the
// country, not the American town), else the most populous place of that
// name.
func (x *Extractor) PlaceCountry(name string) (string, bool) {
	k, _ := keyOf(name)
	if c, ok := x.gaz.countries[k]; ok && c.Kind == "name" && c.Code != "" {
		return c.Code, true
	}
	if x.gaz.countryless(k) {
		return "", false
	}
	if p, ok := x.gaz.places[k]; ok {
		return p.Country, true
	}
	if p, ok := x.gaz.places[titleCase(k)]; ok {
		return p.Country, true
	}
	if c, ok := x.gaz.countries[k]; ok && c.Code != "" {
		return c.Code, true
	}
	return "", false
}

// Analyze builds the document model of text: tokens, sentences, mentions,
// persons, countries, places and organisations.
func (x *Extractor) Analyze(text string) *Doc {
	d := newDoc(text)
	x.markCountries(d)
	x.tag(d)
	x.resolveCountries(d)
	x.resolvePersons(d)
	x.resolveRefs(d)
	x.collectPlacesOrgs(d)
	return d
}

func newDoc(text string) *Doc {
	text = strings.ToValidUTF8(text, "\uFFFD")
	rs := []rune(text)
	d := &Doc{Text: text, Runes: rs}
	read := readReplaced(rs)
	d.Tokens = splitGlued(read, tokenize(read))
	// the tokens' texts are slices of one string, read's, not a string
	// each: cur walks it from token to token
	src := text
	if len(read) > 0 && &read[0] != &rs[0] {
		src = string(read)
	}
	var cur runeCursor
	for i := range d.Tokens {
		t := &d.Tokens[i]
		t.Text = cur.slice(src, t.Start, t.End)
		t.Lower = strings.ToLower(t.Text)
		t.Ment = -1
		t.Country = -1
	}
	d.Sentences = sentences(read, d.Tokens)
	for si, s := range d.Sentences {
		for i := s.Tok0; i < s.Tok1; i++ {
			d.Tokens[i].Sent = si
		}
	}
	up, low := 0, 0
	for _, r := range rs {
		if unicode.IsUpper(r) {
			up++
		} else if unicode.IsLower(r) {
			low++
		}
	}
	d.Caps = up > low
	markBoilerplate(d)
	return d
}

// runeCursor turns code point offsets into byte offsets of a string, read
// forward: each call continues from the last one's end, or from the last
// one's start for a slice that overlaps it, or starts over for an offset
// before that.
type runeCursor struct{ r, b, r0, b0 int }

// slice returns the code points [start, end) of s.
func (c *runeCursor) slice(s string, start, end int) string {
	switch {
	case start < c.r0:
		*c = runeCursor{}
	case start < c.r:
		c.r, c.b = c.r0, c.b0
	}
	for c.r < start {
		_, n := utf8.DecodeRuneInString(s[c.b:])
		c.b += n
		c.r++
	}
	c.r0, c.b0 = c.r, c.b
	for c.r < end {
		_, n := utf8.DecodeRuneInString(s[c.b:])
		c.b += n
		c.r++
	}
	return s[c.b0:c.b]
}

// photoAgencies are the news and photo agencies whose name a photo credit
// joins to the photographer's with a slash.
var photoAgencies = set("reuters", "ap", "afp", "epa", "getty", "xinhua", "upi")

// headlineByline is rule "headline byline": the first line of a wire
// story that ends with "by" and a name of two or three capitalised words
// ("Lee wins assurance of Clinton support in Hong Kong handover by Gretchen
// Cook") ends with its writer's byline, when:
//   - the headline is in sentence case (a lower-case word of four letters or
//     more before the "by"): in a Title Case headline every word is
//     capitalised ("Obama Stands By Benghazi Response");
//   - the word before "by" is no past participle ("passed by Tony Blair");
//   - no later word is the name's last, in any case or inside a hyphenated
//     word ("Cook criticised by Tony Blair" names Blair again).
//
// Token i is the "by" on the first line, e the first token of the next
// line (the caller passes only the last tokens of the first line).
func headlineByline(d *Doc, i, e int) bool {
	toks := d.Tokens
	if n := e - i - 1; n < 2 || n > 3 || strings.HasSuffix(toks[i-1].Lower, "ed") {
		return false
	}
	for k := i + 1; k < e; k++ {
		if !isCap(toks[k].Text) {
			return false
		}
	}
	sentenceCase := false
	for k := 0; k < i && !sentenceCase; k++ {
		t := toks[k].Text
		sentenceCase = len(t) >= 4 && t == toks[k].Lower && isWordToken(t)
	}
	if !sentenceCase {
		return false
	}
	last := toks[e-1].Lower
	for k := e; k < len(toks); k++ {
		if w := toks[k].Lower; w == last || strings.Contains(w, "-") && slices.Contains(strings.Split(w, "-"), last) {
			return false
		}
	}
	return true
}

// markBoilerplate marks bylines, photo credits and comment boilerplate as
// Skip so that no entity comes from them.
func markBoilerplate(d *Doc) {
	toks := d.Tokens
	lineEnd := func(i int) int { // first token on a later line
		j := i + 1
		for j < len(toks) && !strings.ContainsRune(string(d.Runes[toks[j-1].End:toks[j].Start]), '\n') {
			j++
		}
		return j
	}
	lineStart := func(i int) bool {
		return i == 0 || strings.ContainsRune(string(d.Runes[toks[i-1].End:toks[i].Start]), '\n')
	}
	skip := func(a, b int) {
		for k := a; k < b && k < len(toks); k++ {
			toks[k].Skip = true
		}
	}
	firstEnd := 0 // the first token of the second line
	if len(toks) > 0 {
		firstEnd = lineEnd(0)
	}
	for i := 0; i < len(toks); i++ {
		l := toks[i].Lower
		next := ""
		if i+1 < len(toks) {
			next = toks[i+1].Lower
		}
		switch {
		case lineStart(i) && l == "by" && i+1 < len(toks) && isCap(toks[i+1].Text):
			e := lineEnd(i)
			if e-i <= 12 {
				skip(i, e)
			}
		case l == "by" && i > 0 && i >= firstEnd-4 && i < firstEnd && headlineByline(d, i, firstEnd):
			skip(i, firstEnd)
		case (l == "photo" || l == "photograph" || l == "image" || l == "picture" || l == "photos") && (next == "by" || next == ":" || next == "credit"):
			skip(i, lineEnd(i))
		case (l == "reporting" || l == "editing" || l == "writing" || l == "additional") && (next == "by" || next == "reporting"):
			e := i
			for e < len(toks) && toks[e].Text != ")" && !strings.ContainsRune(string(d.Runes[toks[max(e, 1)-1].End:toks[e].Start]), '\n') || e == i {
				e++
			}
			skip(i, e)
		case lineStart(i) && (l == "reuter" || l == "reuters") && lineEnd(i) == i+1 && (i+1 == len(toks) || i+1 < len(toks) && strings.Count(string(d.Runes[toks[i].End:toks[i+1].Start]), "\n") >= 2):
			skip(i, i+1)
		case lineStart(i) && l == "post" && next == "a" && i+2 < len(toks) && toks[i+2].Lower == "comment":
			skip(i, lineEnd(i))
		case lineStart(i) && (l == "copyright" || l == "©" || l == "follow" && next == "us" || l == "email" && next == "the" || l == "contact" && next == "the"):
			skip(i, lineEnd(i))
		case l == "/" && (i > 0 && photoAgencies[toks[i-1].Lower] || photoAgencies[next] || i > 1 && toks[i-1].Lower == "photo" && photoAgencies[toks[i-2].Lower]):
			// rule "photo credit": "(Kim Hong-Ji/Reuters)", "REUTERS/Kevin
			// Lamarque", "(AP Photo/Evan Vucci)": a photographer's name of
			// two to four capitalised words joined by a slash to a news
			// agency (or its "Photo"), the credit set off
			// from the text around it (a bracket, a bar, a line or a
			// sentence of its own): "Reuters/Ipsos Poll Shows Joe Biden
			// Leading" is a headline, "Reuters/Ipsos poll" one word
			sent := toks[i].Sent
			a, b := i+1, i+1
			for b < len(toks) && b-a < 4 && isCap(toks[b].Text) && toks[b].Sent == sent {
				b++
			}
			set := b == len(toks) || toks[b].Sent != sent || lineStart(b) || toks[b].Text == ")" || toks[b].Text == "]"
			if photoAgencies[next] {
				b, a = i-1, i-1
				for a >= 0 && b-a < 4 && isCap(toks[a].Text) && toks[a].Sent == sent {
					a--
				}
				set = a < 0 || toks[a].Sent != sent || lineStart(a+1) || toks[a].Text == "(" || toks[a].Text == "[" || toks[a].Text == "|"
				a, b = a+1, b+1
			}
			if b-a >= 2 && set {
				skip(a, b)
			}
		case toks[i].Glued && i >= 2 && !toks[i-1].Glued:
			// rule "link card": a web page's card on a person ("Rod
			// Rosenstein Rod RosensteinDemocrats ask judge to force McGahn
			// ... MORE"): the name again, in full, run into the headlines
			// of other stories, to a "MORE" link. It starts after the
			// surname in the text, which the cut word's first part repeats
			sur := toks[i-1].Text
			a := -1
			for j := i - 2; j >= max(0, i-8) && toks[j].Sent == toks[i].Sent; j-- {
				if toks[j].Text == sur {
					a = j + 1
					break
				}
			}
			for e := i + 1; a >= 0 && e < min(len(toks), i+120) && !lineStart(e); e++ {
				if toks[e].Text == "MORE" {
					skip(a, e+1)
					break
				}
			}
		case toks[i].Text == "Follow" && i+1 < len(toks) && isCap(toks[i+1].Text):
			// a social-media prompt closing a line: "Follow Al Jazeera
			// English:", "Follow Reuters on Twitter:"
			for e := i + 2; e < min(len(toks), i+7); e++ {
				if toks[e].Text == ":" && (e+1 == len(toks) || lineStart(e+1)) {
					skip(i, e+1)
					break
				}
			}
		case l == "contributed" && (next == "to" || next == "reporting" || next == "this"):
			// "Jane Doe in London contributed to this report."
			s := d.Sentences[toks[i].Sent]
			skip(s.Tok0, s.Tok1)
		}
	}
}

func isCap(s string) bool {
	for _, r := range s {
		return unicode.IsUpper(r)
	}
	return false
}

func isAllCaps(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			n++
		}
	}
	return n > 0
}

package extract

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract/ner"
)

//go:embed data
var dataFS embed.FS

// countryForm is what a country surface form names.
type countryForm struct {
	Code string
	Kind string // name, demonym, metonym
}

// placeInfo is the most populous place of a name.
type placeInfo struct {
	Country string
	Pop     int
	Capital bool
	Region  bool
}

// large says whether a place is a city of 100,000 people or more, a
// capital or a region (a US state, whose population the source lacks).
func (p placeInfo) large() bool { return p.Pop >= 100000 || p.Capital || p.Region }

// countryless says whether key k names a region that is no country's
// name and gives no place a country (loadGazetteer's regions: "Latin
// America", "Northern Ireland", the continents), whatever place of its
// name the places list has.
func (g *gazetteer) countryless(k string) bool { return g.countries[k].Kind == "region" }

// gazetteer holds the offline name lists. Multi-word keys are the token
// texts joined by single spaces.
type gazetteer struct {
	countries map[string]countryForm
	places    map[string]placeInfo
	// elsewhere: for a place name the list also has in other countries,
	// the most populous place of that name in each other country
	// ("Birmingham": the one in Alabama beside the English city)
	elsewhere map[string][]placeInfo
	// venues: the city of each seat of government a meeting is placed
	// by (venues.tsv: "Oval Office" -> Washington); venueLen the longest
	// venue key (in tokens) starting with a given first token
	venues   map[string]string
	venueLen map[string]int
	// stateAbbr: the AP abbreviations of US state names, without their
	// last period ("Mass", "N.H"), to the state (states.tsv)
	stateAbbr map[string]string
	// capitals: the key in places of each country code's capital (the
	// most populous one where the list has several)
	capitals map[string]string
	given    map[string]bool
	surnames map[string]bool
	// personNouns are the nouns of office-holders (person-nouns.txt):
	// "diplomat", "lawmaker"
	personNouns map[string]bool
	// gender of a given name ("Angela" -> 'f'), where the sources agree
	gender map[string]byte
	// nameFlags are the tagger flags (ner.GivenName, ner.Surname) by word;
	// capsNames says that every one of those words is capitalised (isCap),
	// so that a word that is not needs no look-up.
	nameFlags map[string]uint16
	capsNames bool
	// maxLen is the longest key (in tokens) starting with a given first token.
	maxLen map[string]int
	// nerWords and nerCountries are what the entity tagger reads of the
	// word lists and of the countries (data/ner-words.txt): its flags by
	// lower-case word, and whether a country key is a name (else a
	// demonym, metonym or region). They are part of the tagger's model and
	// kept apart from the lists the rules read (lexicon.go, countries.tsv),
	// which may change without it. The tagger also reads the places and
	// the given names and surnames, which the rules share: an edit of
	// places.tsv.gz, given.txt.gz or surnames.txt.gz needs the tagger
	// retrained (TestNERInputs says so).
	nerWords     map[string]uint16
	nerCountries map[string]bool
}

// metonymOf returns the country code of a form that names a state's
// government ("White House", "Kremlin"), or "".
func (g *gazetteer) metonymOf(form string) string {
	if f, ok := g.countries[form]; ok && f.Kind == "metonym" {
		return f.Code
	}
	return ""
}

func readData(name string) ([]byte, error) {
	b, err := dataFS.ReadFile("data/" + name)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if strings.HasSuffix(name, ".gz") {
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
		b, err = io.ReadAll(zr)
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", name, err)
		}
	}
	return b, nil
}

func lines(b []byte, f func(fields []string)) {
	var fields []string // reused: f keeps fields' strings, never the slice
	for len(b) > 0 {
		var l []byte
		if i := bytes.IndexByte(b, '\n'); i >= 0 {
			l, b = b[:i], b[i+1:]
		} else {
			l, b = b, nil
		}
		l = bytes.TrimSuffix(l, []byte{'\r'})
		if len(l) == 0 || l[0] == '#' {
			continue
		}
		s := string(l)
		fields = fields[:0]
		for {
			i := strings.IndexByte(s, '\t')
			if i < 0 {
				break
			}
			fields, s = append(fields, s[:i]), s[i+1:]
		}
		f(append(fields, s))
	}
}

// keyOf tokenizes a form the way article text is tokenized and joins the
// token texts with spaces.
func keyOf(form string) (string, int) {
	if n, ok := plainWords(form); ok {
		return form, n // the tokens are the words
	}
	rs := []rune(form)
	toks := tokenize(rs)
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = string(rs[t.Start:t.End])
	}
	return strings.Join(parts, " "), len(parts)
}

// plainWords reports whether form is words of word runes (letters,
// digits, marks) with single spaces between them, which tokenize splits
// at the spaces only, and how many words it holds. Most gazetteer forms
// are, and need no tokenizing.
func plainWords(form string) (int, bool) {
	n, space := 1, true // space: the previous rune was a space (or none)
	for _, r := range form {
		if r == ' ' {
			if space {
				return 0, false
			}
			n++
			space = true
			continue
		}
		if !isWordRune(r) {
			return 0, false
		}
		space = false
	}
	return n, !space
}

// notCountry are gazetteer forms too ambiguous to name a state.
var notCountry = map[string]bool{
	"English": true, "Georgia": false, "Jersey": true, "Guernsey": true,
	"Man": true, "Niger": false, "Jordan": false, "Turkey": false, "Congo": false,
	"Panama": false, "Mexico": false, "Dominica": true, "Wallis": true, "Futuna": true,
	"Sark": true, "Réunion": true, "Reunion": true,
}

func loadGazetteer() (*gazetteer, error) {
	g := &gazetteer{
		countries: map[string]countryForm{},
		places:    map[string]placeInfo{},
		elsewhere: map[string][]placeInfo{},
		venues:    map[string]string{},
		venueLen:  map[string]int{},
		stateAbbr: map[string]string{},
		capitals:  map[string]string{},
		given:     map[string]bool{},
		surnames:  map[string]bool{},
		gender:    map[string]byte{},
		maxLen:    map[string]int{},
	}
	b, err := readData("countries.tsv")
	if err != nil {
		return nil, err
	}
	// names win over demonyms and metonyms when a form is both
	rank := map[string]int{"name": 3, "demonym": 2, "metonym": 1}
	lines(b, func(f []string) {
		if len(f) != 3 || notCountry[f[2]] {
			return
		}
		k, n := keyOf(f[2])
		if old, ok := g.countries[k]; ok && rank[old.Kind] >= rank[f[1]] {
			return
		}
		g.countries[k] = countryForm{Code: f[0], Kind: f[1]}
		g.noteLen(k, n)
	})
	// regions whose names contain a country's, and continents: never a
	// country, and no place of one (countryless)
	for _, r := range []string{"Latin America", "South America", "North America", "Central America", "Americas", "Middle America", "Anglo-America",
		"Latin American", "South American", "North American", "Central American", "Latin Americans",
		"Northern Ireland", "Northern Irish",
		// rule "continents": a continent is in no country, whatever town
		// bears its name ("his first trip to Asia" is not the Philippine
		// town of 23,000 the places list has)
		"Africa", "Antarctica", "Asia", "Australasia", "Europe", "Oceania"} {
		k, n := keyOf(r)
		g.countries[k] = countryForm{Kind: "region"}
		g.noteLen(k, n)
	}
	b, err = readData("places.tsv.gz")
	if err != nil {
		return nil, err
	}
	lines(b, func(f []string) {
		if len(f) != 4 || strings.ContainsAny(f[0], "0123456789") {
			return
		}
		pop, _ := strconv.Atoi(f[2])
		k, n := keyOf(f[0])
		old, ok := g.places[k]
		info := placeInfo{Country: f[1], Pop: pop, Capital: f[3] == "capital", Region: f[3] == "region"}
		if ok && (old.Country != info.Country || len(g.elsewhere[k]) > 0) {
			if len(g.elsewhere[k]) == 0 {
				g.elsewhere[k] = []placeInfo{old}
			}
			g.elsewhere[k] = append(g.elsewhere[k], info)
		}
		// a region (a US state, whose population the source lacks)
		// outranks a town of its name elsewhere: "Florida" is the
		// state, not the Colombian city, "Virginia" not the South
		// African town
		if ok && (old.Pop >= pop || old.Capital || old.Region) && !(info.Capital && !old.Capital) && !(info.Region && !old.Capital) {
			return
		}
		g.places[k] = info
		g.noteLen(k, n)
		if info.Capital {
			if c, ok := g.capitals[f[1]]; !ok || g.places[c].Pop < pop {
				g.capitals[f[1]] = k
			}
		}
	})
	for k, all := range g.elsewhere {
		g.elsewhere[k] = otherCountries(all, g.places[k].Country)
	}
	b, err = readData("venues.tsv")
	if err != nil {
		return nil, err
	}
	lines(b, func(f []string) {
		if len(f) == 2 {
			k, n := keyOf(f[0])
			g.venues[k] = f[1]
			first, _, _ := strings.Cut(k, " ")
			g.venueLen[first] = max(g.venueLen[first], n)
		}
	})
	b, err = readData("states.tsv")
	if err != nil {
		return nil, err
	}
	lines(b, func(f []string) {
		if len(f) == 2 {
			g.stateAbbr[strings.TrimSuffix(f[0], ".")] = f[1]
		}
	})
	g.personNouns = map[string]bool{}
	for name, set := range map[string]map[string]bool{"given.txt.gz": g.given, "surnames.txt.gz": g.surnames, "person-nouns.txt": g.personNouns} {
		b, err = readData(name)
		if err != nil {
			return nil, err
		}
		lines(b, func(f []string) { set[f[0]] = true })
	}
	b, err = readData("gender.tsv.gz")
	if err != nil {
		return nil, err
	}
	lines(b, func(f []string) {
		if len(f) == 2 && f[1] != "" {
			g.gender[f[0]] = f[1][0]
		}
	})
	if err := g.loadNERWords(); err != nil {
		return nil, err
	}
	g.nameFlags = make(map[string]uint16, len(g.given)+len(g.surnames))
	for w := range g.given {
		g.nameFlags[w] |= ner.GivenName
	}
	for w := range g.surnames {
		g.nameFlags[w] |= ner.Surname
	}
	g.capsNames = true
	for w := range g.nameFlags {
		if !isCap(w) {
			g.capsNames = false
			break
		}
	}
	return g, nil
}

// loadNERWords reads the entity tagger's word lists (see nerWords).
func (g *gazetteer) loadNERWords() error {
	b, err := readData("ner-words.txt")
	if err != nil {
		return err
	}
	flags := map[string]uint16{"title": ner.Title, "org": ner.OrgWord, "function": ner.FunctionWord, "calendar": ner.Calendar}
	g.nerWords, g.nerCountries = map[string]uint16{}, map[string]bool{}
	var bad []string
	lines(b, func(f []string) {
		switch {
		case len(f) != 2 || f[1] == "":
			bad = append(bad, strings.Join(f, "\t"))
		case f[0] == "country" || f[0] == "demonym":
			g.nerCountries[f[1]] = f[0] == "country"
			g.noteLen(f[1], strings.Count(f[1], " ")+1)
		case flags[f[0]] != 0:
			g.nerWords[f[1]] |= flags[f[0]]
		default:
			bad = append(bad, strings.Join(f, "\t"))
		}
	})
	if len(bad) > 0 {
		return fmt.Errorf("read ner-words.txt: %d bad lines, the first %q", len(bad), bad[0])
	}
	return nil
}

func (g *gazetteer) noteLen(key string, n int) {
	first, _, _ := strings.Cut(key, " ")
	if n > g.maxLen[first] {
		g.maxLen[first] = n
	}
}

// titleCase turns an all-caps word into its title-case form ("FRANCE" ->
// "France"); other words are returned as they are.
func titleCase(s string) string {
	up := false
	for _, r := range s {
		if r >= 'a' && r <= 'z' {
			return s
		}
		if r >= 'A' && r <= 'Z' {
			up = true
		}
	}
	if !up || len(s) < 2 {
		return s
	}
	rs := []rune(strings.ToLower(s))
	cap := true
	for i, r := range rs {
		if cap {
			rs[i] = []rune(strings.ToUpper(string(r)))[0]
		}
		cap = r == '-' || r == ' ' || r == '\''
	}
	return string(rs)
}

// otherCountries keeps of a name's places the most populous one in each
// country other than home's, most populous first.
func otherCountries(all []placeInfo, home string) []placeInfo {
	best := map[string]placeInfo{}
	for _, p := range all {
		if b, ok := best[p.Country]; p.Country != home && (!ok || p.Pop > b.Pop) {
			best[p.Country] = p
		}
	}
	out := make([]placeInfo, 0, len(best))
	for _, p := range best {
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b placeInfo) int {
		return cmp.Or(cmp.Compare(b.Pop, a.Pop), strings.Compare(a.Country, b.Country))
	})
	return out
}

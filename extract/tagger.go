package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract/ner"
)

// loadModel loads the embedded NER model, or returns nil when none ships.
func loadModel() (*ner.Model, error) {
	b, err := dataFS.ReadFile("data/ner.model.gz")
	if err != nil {
		return nil, nil
	}
	return ner.Load(b)
}

// NERSentences turns a document given as sentences of words into tagger
// input with gazetteer and document flags. scripts/train-ner uses it so that
// training sees exactly the features that Extract computes.
func (x *Extractor) NERSentences(doc [][]string) []ner.Sentence {
	doc = append([][]string(nil), doc...)
	out := make([]ner.Sentence, len(doc))
	capsSent := make([]bool, len(doc))
	words := 0
	for _, ws := range doc {
		words += len(ws)
	}
	// the document flags of each lower-case form: ner.DocLower if it
	// occurs in lower case, ner.DocCap if capitalised (not at a sentence
	// start, not in an all-caps sentence)
	docFlags := make(map[string]uint8, words/2)
	for si, ws := range doc {
		caps := true
		for _, w := range ws {
			for _, r := range w {
				if unicode.IsLower(r) {
					caps = false
				}
			}
		}
		if !caps && si == 0 && titleCased(ws) {
			// a Title Case headline: tag it as the all-caps headlines the
			// tagger learnt from
			up := make([]string, len(ws))
			for i, w := range ws {
				up[i] = strings.ToUpper(w)
			}
			doc[si] = up
			ws = up
			caps = true
		}
		capsSent[si] = caps
		for i, w := range ws {
			if w == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(w)
			switch {
			case unicode.IsLower(r):
				docFlags[w] |= ner.DocLower
			case unicode.IsUpper(r) && !caps && i > 0:
				docFlags[strings.ToLower(w)] |= ner.DocCap
			}
		}
	}
	// every sentence's flags and lower-case words in one slab each
	flags, lower := make([]uint8, words), make([]string, words)
	for si, ws := range doc {
		n := len(ws)
		s := ner.Sentence{Words: ws, Gaz: x.gazFlags(ws), Doc: flags[:n:n], Lower: lower[:n:n]}
		flags, lower = flags[n:], lower[n:]
		for i, w := range ws {
			l := strings.ToLower(w)
			s.Lower[i] = l
			f := docFlags[l]
			if capsSent[si] {
				f |= ner.CapsSentence
			}
			s.Doc[i] = f
		}
		out[si] = s
	}
	return out
}

// gazFlags returns the gazetteer flags of each word of a sentence.
func (x *Extractor) gazFlags(ws []string) []uint16 {
	g := make([]uint16, len(ws))
	for i, w := range ws {
		var f uint16
		if !x.gaz.capsNames || isCap(w) {
			f = x.gaz.nameFlags[w]
		}
		if tw := titleCase(w); tw != w {
			f |= x.gaz.nameFlags[tw]
		}
		if isCap(w) || isAllCaps(w) {
			f |= x.gaz.nerWords[strings.ToLower(w)]
		} else {
			f |= x.gaz.nerWords[w]
		}
		g[i] = f
	}
	for i := 0; i < len(ws); i++ {
		if !isCap(ws[i]) {
			continue
		}
		if n, k := x.matchWords(ws, i, x.isNERCountry); n > 0 {
			f := ner.CountryName
			if !x.gaz.nerCountries[k] {
				f = ner.Demonym
			}
			for k := i; k < i+n; k++ {
				g[k] |= f
				if n > 1 {
					g[k] |= ner.InMultiPlace
				}
			}
		}
		if n, _ := x.matchWords(ws, i, x.isPlace); n > 0 {
			for k := i; k < i+n; k++ {
				g[k] |= ner.Place
				if n > 1 {
					g[k] |= ner.InMultiPlace
				}
			}
		}
	}
	return g
}

// matchWords finds the longest gazetteer key starting at word i.
func (x *Extractor) matchWords(ws []string, i int, has func(string) bool) (int, string) {
	for _, title := range []bool{false, true} {
		first := ws[i]
		if title {
			first = titleCase(first)
			if first == ws[i] {
				continue
			}
		}
		max := x.gaz.maxLen[first]
		if i+max > len(ws) {
			max = len(ws) - i
		}
		for n := max; n >= 1; n-- {
			var k string
			if n == 1 {
				k = first
			} else {
				parts := make([]string, n)
				for j := 0; j < n; j++ {
					parts[j] = ws[i+j]
					if title {
						parts[j] = titleCase(parts[j])
					}
				}
				k = strings.Join(parts, " ")
			}
			if has(k) {
				return n, k
			}
		}
	}
	return 0, ""
}

// runTagger returns the tagger's spans, none touching boilerplate.
func (x *Extractor) runTagger(d *Doc) []span {
	doc := make([][]string, len(d.Sentences))
	words := make([]string, len(d.Tokens)) // every sentence's words, one slab
	for si, s := range d.Sentences {
		ws := words[s.Tok0:s.Tok1:s.Tok1]
		for i := s.Tok0; i < s.Tok1; i++ {
			ws[i-s.Tok0] = d.Tokens[i].Text
		}
		doc[si] = ws
	}
	var out []span
	all := x.tagger.TagDoc(x.NERSentences(doc))
	for si, tags := range all {
		s := d.Sentences[si]
		open := -1
		typ := ""
		flush := func(end int) {
			if open >= 0 {
				ok := true
				for k := open; k < end; k++ {
					if d.Tokens[k].Skip {
						ok = false
					}
				}
				if ok {
					out = append(out, span{open, end, typ})
				}
				open = -1
			}
		}
		for i, t := range tags {
			tag := ner.Tags[t]
			tok := s.Tok0 + i
			switch tag[0] {
			case 'O':
				flush(tok)
			case 'B':
				flush(tok)
				open, typ = tok, tag[2:]
			case 'I':
				if open < 0 || typ != tag[2:] {
					flush(tok)
					open, typ = tok, tag[2:]
				}
			}
		}
		flush(s.Tok1)
	}
	return out
}

// titleCased reports whether a sentence (a document's first) is a Title
// Case headline: at least three words, at most one not capitalised.
func titleCased(ws []string) bool {
	words, capped, lower := 0, 0, 0
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w)
		if w == "" || !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			capped++
		} else {
			lower++
		}
	}
	return words >= 3 && lower <= 1 && capped*10 >= words*8
}

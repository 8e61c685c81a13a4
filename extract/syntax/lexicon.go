package syntax

// The lexicon gives the tagger the parts of speech a dictionary (WordNet)
// lists for a word, also for words the treebank lacks: "provoked" is a
// verb's past form, "Kherson" nothing, "Paris" a name. Forms it lacks are
// tried with the regular endings removed, as WordNet's own morphy does.

// Lexicon bits of a base form.
const (
	LexNoun   uint8 = 1 << iota // a noun
	LexVerb                     // a verb
	LexAdj                      // an adjective
	LexAdv                      // an adverb
	LexProper                   // written capitalised (a name)
)

// lexEnding is a regular ending and what replaces it in the base form,
// with the ending's number (for the feature value).
var lexEndings = []struct{ end, base string }{
	{"s", ""}, {"ses", "s"}, {"xes", "x"}, {"zes", "z"}, {"ches", "ch"}, {"shes", "sh"},
	{"men", "man"}, {"ies", "y"}, {"es", "e"}, {"es", ""}, {"ed", "e"}, {"ed", ""},
	{"ing", "e"}, {"ing", ""}, {"er", ""}, {"est", ""}, {"er", "e"}, {"est", "e"},
}

// hashJoin is strHash(a + b) without building the string.
func hashJoin(a, b string) uint32 { return fnvEnd(fnvAdd(fnvAdd(fnvOffset, a), b)) }

// lexOf returns the feature value of a lower-case word's lexicon entry:
// its bits, and which ending was removed to find it; vNone when the word
// is not found, 0 when the model has no lexicon (the tagger then leaves
// out the lexicon's features).
func (p *Parser) lexOf(lower string, lw uint32) uint32 {
	if len(p.lex) == 0 {
		return 0
	}
	if b, ok := p.lex[lw]; ok {
		return 16 + uint32(b)
	}
	for k, e := range lexEndings {
		if len(lower) > len(e.end)+1 && lower[len(lower)-len(e.end):] == e.end {
			if b, ok := p.lex[hashJoin(lower[:len(lower)-len(e.end)], e.base)]; ok {
				return 16 + uint32(b) + uint32(k+1)<<8
			}
		}
	}
	return vNone
}

// Lex returns the lexicon's bits (LexNoun, ...) of a lower-case word, or
// of its base form with a regular ending removed; 0 when it has none.
func (p *Parser) Lex(lower string) uint8 {
	v := p.lexOf(lower, strHash(lower))
	if v < 16 {
		return 0
	}
	return uint8(v - 16)
}

// lexTable hashes a lexicon of lower-case words.
func lexTable(lex map[string]uint8) map[uint32]uint8 {
	out := make(map[uint32]uint8, len(lex))
	for w, b := range lex {
		out[strHash(w)] |= b
	}
	return out
}

package syntax

import "testing"

// TestLexOf looks words up in a small lexicon, as written and with the
// regular endings removed.
func TestLexOf(t *testing.T) {
	p := &Parser{lex: lexTable(map[string]uint8{
		"provoke": LexVerb, "paris": LexNoun | LexProper, "city": LexNoun, "box": LexNoun | LexVerb, "walk": LexNoun | LexVerb,
	})}
	for _, c := range []struct {
		word string
		bits uint8
		end  string // the ending removed, "" for none
	}{
		{"paris", LexNoun | LexProper, ""},
		{"provoked", LexVerb, "ed"},
		{"provoking", LexVerb, "ing"},
		{"cities", LexNoun, "ies"},
		{"boxes", LexNoun | LexVerb, "xes"},
		{"walking", LexNoun | LexVerb, "ing"},
	} {
		v := p.lexOf(c.word, strHash(c.word))
		if v == vNone || uint8(v-16) != c.bits {
			t.Errorf("%s: %#x, want bits %#x", c.word, v, c.bits)
			continue
		}
		end := ""
		if k := v >> 8; k > 0 {
			end = lexEndings[k-1].end
		}
		if end != c.end {
			t.Errorf("%s: ending %q, want %q", c.word, end, c.end)
		}
	}
	for _, w := range []string{"kherson", "xyzzy", "ed"} {
		if v := p.lexOf(w, strHash(w)); v != vNone {
			t.Errorf("%s: %#x, want none", w, v)
		}
	}
	if v := (&Parser{}).lexOf("paris", strHash("paris")); v != 0 {
		t.Errorf("without a lexicon: %#x, want 0", v)
	}
}

// TestLex: the exported look-up gives the bits, with or without an
// ending removed, and 0 for a word the lexicon lacks or with no lexicon.
func TestLex(t *testing.T) {
	p := &Parser{lex: lexTable(map[string]uint8{"chief": LexNoun | LexAdj, "paris": LexNoun | LexProper})}
	for w, want := range map[string]uint8{"chief": LexNoun | LexAdj, "chiefs": LexNoun | LexAdj, "paris": LexNoun | LexProper, "kherson": 0} {
		if got := p.Lex(w); got != want {
			t.Errorf("Lex(%q) = %#x, want %#x", w, got, want)
		}
	}
	if got := (&Parser{}).Lex("chief"); got != 0 {
		t.Errorf("no lexicon: Lex = %#x, want 0", got)
	}
}

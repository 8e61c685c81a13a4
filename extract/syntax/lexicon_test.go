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

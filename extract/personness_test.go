package extract

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// TestFamilyWord: the word of a name whose dictionary entry the person
// model reads skips a generational suffix and a regnal number.
func TestFamilyWord(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Donald Trump Jr.", "Trump"},
		{"King Edward VII", "Edward"},
		{"Joint Chiefs", "Chiefs"},
		{"Arizona Republican", "Republican"},
		{"Obama", "Obama"},
		{"VII", "VII"},
	} {
		if got := familyWord(strings.Fields(c.name)); got != c.want {
			t.Errorf("familyWord(%q) = %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLexClass(t *testing.T) {
	for b, want := range map[uint8]string{0: "-", syntax.LexNoun: "n", syntax.LexNoun | syntax.LexProper: "np", syntax.LexVerb | syntax.LexAdj | syntax.LexAdv: "var"} {
		if got := lexClass(b); got != want {
			t.Errorf("lexClass(%#x) = %q, want %q", b, got, want)
		}
	}
}

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

// TestFamilyFirst: rule "family name first" reads three-word names of two
// short syllables after the first word as family name first, and leaves
// Western names with a middle name, an initial or a particle alone.
func TestFamilyFirst(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]bool{
		"Kim Jong Un":             true,
		"Ri Yong Ho":              false, // Ho is also a surname: the rule leaves it
		"Yoon Suk Yeol":           true,
		"Lee Hsien Loong":         true,
		"John F Kennedy":          false, // an initial
		"Mary Ann Lee":            false, // Lee is a surname
		"Mohammed bin Salman":     false, // a particle
		"John Fitzgerald Kennedy": false,
		"Moon Jae-in":             false, // two words: the hyphenated given name has its own rule
		"Xi Jinping":              false,
	} {
		words := strings.Fields(strings.ToLower(name))
		if got := x.familyFirst(words); got != want {
			t.Errorf("familyFirst(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestHyphenVariant: rule "hyphen variants" joins a name written with and
// without hyphens, and only the whole name.
func TestHyphenVariant(t *testing.T) {
	checkNameVariant(t, "hyphenVariant", hyphenVariant, []nameVariantCase{
		{"Kim Jong-un", "Kim Jong Un", true},
		{"Moon Jae-in", "Moon Jae In", true},
		{"Alexandria Ocasio-Cortez", "Alexandria Ocasio Cortez", true},
		{"Donald Trump-Steve Bannon", "Donald Trump", false}, // two names run together
		{"Kim Jong-un", "Kim Jong Il", false},
		{"Kim Jong Un", "Kim Jong Un", false}, // the same words: containsWords joins them
		{"Jean-Pierre Raffarin", "Jean Raffarin", false},
	})
}

// TestInitialVariant checks rule "middle initial".
func TestInitialVariant(t *testing.T) {
	checkNameVariant(t, "initialVariant", initialVariant, []nameVariantCase{
		{"Donald J. Trump", "Donald Trump", true},
		{"Paul J. Manafort", "Paul Manafort", true},
		{"George H. W. Bush", "George Bush", true},
		{"George H. W. Bush", "George W. Bush", false}, // the other has an initial of its own
		{"Donald Trump", "Donald J. Trump", false},     // a is the one with the initial
		{"J. Trump", "Trump", false},                   // a first initial is no middle initial
		{"Donald J. Trump", "Donald Jones", false},
		{"J. Edgar Hoover", "Edgar Hoover", false},
	})
}

// nameVariantCase is a pair of names and whether a name-variant rule
// should join them.
type nameVariantCase struct {
	a, b string
	want bool
}

// checkNameVariant runs a name-variant rule on the lower-cased words of
// each case's names.
func checkNameVariant(t *testing.T, name string, rule func(a, b []string) bool, cases []nameVariantCase) {
	t.Helper()
	for _, tt := range cases {
		a, b := strings.Fields(strings.ToLower(tt.a)), strings.Fields(strings.ToLower(tt.b))
		if got := rule(a, b); got != tt.want {
			t.Errorf("%s(%q, %q) = %v, want %v", name, tt.a, tt.b, got, tt.want)
		}
	}
}

// TestLoneGivenName: a lone given name goes to the one full name that has
// it ("Tavon" of "Tavon Kaiseen Alleyne", sentences from a news report),
// and to no one when two full names share it.
func TestLoneGivenName(t *testing.T) {
	x := testExtractor(t)
	person := func(d *Doc, text string) int {
		for _, m := range d.Mentions {
			if m.Text == text {
				return m.Person
			}
		}
		return -1
	}
	d := x.Analyze("Her cousin, Tavon Kaiseen Alleyne, 21, was killed on Tuesday. Rihanna had just spent the Christmas holiday with her cousin Tavon.")
	if p := person(d, "Tavon"); p < 0 || d.Persons[p].Name != "Tavon Kaiseen Alleyne" {
		t.Errorf("the lone Tavon is person %d, want Tavon Kaiseen Alleyne among %v", p, d.Persons)
	}
	// rule "first name alone": a first word that the name lists know
	// neither as a given name nor as a surname (Xinhua, November 2006)
	d = x.Analyze("Indonesian President Susilo Bambang Yudhoyono will visit Japan and Russia. In Tokyo, Susilo is expected to meet new Japanese Prime Minister Shinzo Abe.")
	if p := person(d, "Susilo"); p < 0 || d.Persons[p].Name != "Susilo Bambang Yudhoyono" {
		t.Errorf("the lone Susilo is person %d, want Susilo Bambang Yudhoyono among %v", p, d.Persons)
	}
	// not a title the tagger took into the name (ABC news, 2001)
	d = x.Analyze("Shadow Treasurer Bob McMullan says the Treasurer is left relying on things out of his control. \"All the Treasurer has got in plan for 2002 is the hope the American economy will pick up in time,\" he said.")
	if p := person(d, "Treasurer"); p >= 0 && d.Persons[p].Name == "Treasurer Bob McMullan" {
		t.Errorf("the lone Treasurer is %q, want no one's first name", d.Persons[p].Name)
	}
	d = x.Analyze("Her cousins, Tavon Kaiseen Alleyne and Tavon Marcus Brown, were killed on Tuesday. Rihanna had just spent the Christmas holiday with her cousin Tavon.")
	if p := person(d, "Tavon"); p >= 0 && strings.HasPrefix(d.Persons[p].Name, "Tavon ") {
		t.Errorf("the lone Tavon is %q, want neither of two Tavons (%v)", d.Persons[p].Name, d.Persons)
	}
}

// TestFirstNameAloneWords: rule "first name alone" reads names of words,
// not a hashtag or an initial the tokenizer split off (AllSides).
func TestFirstNameAloneWords(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"susilo bambang yudhoyono", true},
		{"# truthexposed", false},
		{"o ’ neill", false},
		{"treasurer bob mcmullan", false},
	} {
		if got := firstNameAlone(x, strings.Fields(tc.name)); got != tc.want {
			t.Errorf("firstNameAlone(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

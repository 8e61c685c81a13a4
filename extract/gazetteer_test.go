package extract

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/ner"
)

// TestNERWordsApart: the entity tagger reads its own lists
// (data/ner-words.txt), not the rules': a country form the rules gained
// after the tagger was trained ("Azeri") is no country to the tagger.
func TestNERWordsApart(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	g := x.gaz
	for w, want := range map[string]uint16{"president": ner.Title, "ministry": ner.OrgWord, "the": ner.FunctionWord, "monday": ner.Calendar} {
		if g.nerWords[w]&want == 0 {
			t.Errorf("tagger's flags of %q: %b, want %b set", w, g.nerWords[w], want)
		}
	}
	for k, name := range map[string]bool{"France": true, "French": false, "United Arab Emirates": true} {
		if got, ok := g.nerCountries[k]; !ok || got != name {
			t.Errorf("tagger's country %q: %v %v, want name=%v", k, got, ok, name)
		}
	}
	if _, ok := g.countries["Azeri"]; !ok {
		t.Error(`the rules' gazetteer lost "Azeri": pick another form the tagger does not know`)
	}
	if _, ok := g.nerCountries["Azeri"]; ok {
		t.Error(`"Azeri" is in the tagger's country forms, which were fixed before it was added`)
	}
}

// nerInputs is the fingerprint of what the entity tagger reads of the
// gazetteer and word lists (see TestNERInputs).
const nerInputs = "66fe659fdf8e9899"

// TestNERInputs fingerprints the lists the entity tagger's features read
// (its own word lists and country forms, and the places, given names and
// surnames it shares with the rules): an edit of any of them changes what
// the shipped weights see. If this fails, retrain the tagger (go run
// ./scripts/train-ner, README "Data and models"), then update nerInputs.
// It runs everywhere, unlike the retraining test, which needs the
// CoNLL-2003 files.
func TestNERInputs(t *testing.T) {
	x, err := New()
	if err != nil {
		t.Fatal(err)
	}
	g := x.gaz
	var lines []string
	for w, f := range g.nerWords {
		lines = append(lines, fmt.Sprintf("w\t%s\t%d", w, f))
	}
	for k, name := range g.nerCountries {
		lines = append(lines, fmt.Sprintf("c\t%s\t%v", k, name))
	}
	for k := range g.places {
		lines = append(lines, "p\t"+k)
	}
	for k := range g.given {
		lines = append(lines, "g\t"+k)
	}
	for k := range g.surnames {
		lines = append(lines, "s\t"+k)
	}
	sort.Strings(lines)
	sum := sha256.Sum256([]byte(strings.Join(lines, "\n")))
	if got := hex.EncodeToString(sum[:8]); got != nerInputs {
		t.Errorf("the entity tagger's inputs changed (fingerprint %s, want %s): retrain it and update nerInputs", got, nerInputs)
	}
}

// TestGivenNameGender: the gender list (scripts/gazetteer/build.py) has
// the common given names whose sources mostly agree, also where one
// country uses them otherwise ("George", "Jean"), and none for the names
// used mostly in China, Korea and Vietnam, whose first word in English
// news is a family name ("Kim Jong Un", "Li Keqiang", "Chen Shui-bian").
// "Lee" is mostly a man's name elsewhere and keeps his: a Korean woman
// named Lee is read as a man.
func TestGivenNameGender(t *testing.T) {
	x := testExtractor(t)
	for name, want := range map[string]byte{
		"George": 'm', "Mike": 'm', "Jean": 'm', "Shinzo": 'm', "Angela": 'f', "Theresa": 'f', "Lee": 'm',
		"Kim": 0, "Li": 0, "Chen": 0, "Young": 0, "Min": 0,
	} {
		if got := x.gaz.gender[name]; got != want {
			t.Errorf("gender of %q = %q, want %q", name, got, want)
		}
	}
}

package extract

import (
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

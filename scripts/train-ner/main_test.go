package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmbeddedModelRebuilds retrains the entity tagger on the evaluation
// kit's CoNLL-2003 files and checks that it gives the embedded model byte
// for byte. The tagger's features read its own word lists and country
// forms (extract/data/ner-words.txt) and the gazetteer's places, given
// names and surnames: an edit there changes what the shipped weights
// mean, and only retraining keeps them in step (until round 24 the
// tagger read the rules' lists, which had drifted from the ones it was
// trained with; extract's TestNERInputs notices such an edit everywhere).
// It skips where the kit is not next to the repository
// (../shared/eval/conll2003).
func TestEmbeddedModelRebuilds(t *testing.T) {
	kit := filepath.Join("..", "..", "..", "shared", "eval", "conll2003")
	train, dev := filepath.Join(kit, "train.txt"), filepath.Join(kit, "dev.txt")
	if _, err := os.Stat(train); err != nil {
		t.Skip("no CoNLL-2003 files next to the repository")
	}
	if testing.Short() {
		t.Skip("retraining takes about 20 seconds")
	}
	out := filepath.Join(t.TempDir(), "ner.model.gz")
	if err := run([]string{"-train", train, "-dev", dev, "-out", out}, io.Discard); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "extract", "data", "ner.model.gz"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("go run ./scripts/train-ner gives another model than extract/data/ner.model.gz: retrain it (see the README, Data and models)")
	}
}

// TestAugment checks mention replacement: only person spans of two words
// or more change, to names of the pool, the same span the same way
// within a document, and tags stay aligned with words.
func TestAugment(t *testing.T) {
	doc := []sent{
		{words: []string{"Bill", "Clinton", "met", "Yeltsin", "in", "Moscow", "."}, tags: []string{"I-PER", "I-PER", "O", "I-PER", "O", "I-LOC", "O"}},
		{words: []string{"Bill", "Clinton", "said", "."}, tags: []string{"I-PER", "I-PER", "O", "O"}},
	}
	names := []string{"Kim Jong Un", "Aung San Suu Kyi"}
	out := augment([][]sent{doc, {{words: []string{"No", "one"}, tags: []string{"O", "O"}}}}, names, 2, 1, 7)
	if len(out) != 2 {
		t.Fatalf("%d augmented documents, want 2 (one per copy of the document with a person)", len(out))
	}
	for _, d := range out {
		for _, s := range d {
			if len(s.words) != len(s.tags) {
				t.Fatalf("words and tags differ in length: %q %q", s.words, s.tags)
			}
		}
		first := strings.Join(d[0].words[:len(d[0].words)-5], " ")
		if first != names[0] && first != names[1] {
			t.Errorf("the two-word name became %q, want a name of the pool", first)
		}
		if got := strings.Join(d[1].words[:len(d[1].words)-2], " "); got != first {
			t.Errorf("the same name became %q and %q in one document", first, got)
		}
		if d[0].tags[0] != "B-PER" || d[0].words[len(d[0].words)-4] != "Yeltsin" {
			t.Errorf("sentence %q %q: want a B-PER replacement and the one-word name kept", d[0].words, d[0].tags)
		}
	}
	if none := augment([][]sent{doc}, names, 1, 0, 7); len(none) != 0 {
		t.Errorf("share 0 gave %d copies, want none (a copy with no name replaced is a duplicate)", len(none))
	}
	for _, tc := range []struct {
		name string
		want bool
	}{{"Kim Jong Un", true}, {"Staffan de Mistura", true}, {"Abdel Fattah el-Sissi", true}, {"Tyrone Harris Sr.", true}, {"Kim &", false}, {"Trump", false}, {"de Mistura", false}} {
		if got := nameShaped(tc.name); got != tc.want {
			t.Errorf("nameShaped(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestInPlace checks that inPlace keeps the documents' number and order,
// replaces multi-word person names at share 1 and leaves them at share 0.
func TestInPlace(t *testing.T) {
	docs := [][]sent{
		{{words: []string{"Bill", "Clinton", "met", "Yeltsin", "."}, tags: []string{"I-PER", "I-PER", "O", "I-PER", "O"}}},
		{{words: []string{"No", "one"}, tags: []string{"O", "O"}}},
	}
	names := []string{"Kim Jong Un"}
	out := inPlace(docs, names, 1, 7)
	if len(out) != 2 || strings.Join(out[1][0].words, " ") != "No one" {
		t.Fatalf("inPlace gave %v, want two documents in order", out)
	}
	if got := strings.Join(out[0][0].words, " "); got != "Kim Jong Un met Yeltsin ." {
		t.Errorf("share 1: %q, want the two-word name replaced and the one-word name kept", got)
	}
	if got := strings.Join(inPlace(docs, names, 0, 7)[0][0].words, " "); got != "Bill Clinton met Yeltsin ." {
		t.Errorf("share 0: %q, want the document unchanged", got)
	}
}

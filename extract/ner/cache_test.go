package ner

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestWordCache tags documents with the shipped model twice: through
// tagDocPacked, which sums a word's own features once a document, and
// through the plain path (the second stage given its own copy of the
// table), which hashes every token's features. The tags must be the same,
// whatever the sentences' flags, with Lower given or not.
func TestWordCache(t *testing.T) {
	b, err := os.ReadFile(filepath.Join("..", "data", "ner.model.gz"))
	if err != nil {
		t.Fatal(err)
	}
	m, err := Load(b)
	if err != nil {
		t.Fatal(err)
	}
	if m.packed == nil || m.Next == nil || m.Next.packed != m.packed {
		t.Fatal("the shipped model does not take the cached path")
	}
	plain := *m
	next := *m.Next
	table := *m.packed
	next.packed = &table
	plain.Next = &next
	files, _ := filepath.Glob(filepath.Join("..", "testdata", "golden", "*.txt"))
	if len(files) == 0 {
		t.Fatal("no texts in ../testdata/golden")
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc []Sentence
		for _, line := range strings.Split(string(text), "\n") {
			ws := strings.Fields(line)
			if len(ws) == 0 {
				continue
			}
			s := Sentence{Words: ws, Gaz: make([]uint16, len(ws)), Doc: make([]uint8, len(ws))}
			caps := rng.IntN(4) == 0
			for i := range ws {
				s.Gaz[i] = uint16(rng.IntN(1 << 10))
				s.Doc[i] = uint8(rng.IntN(8))
				if caps {
					s.Doc[i] |= CapsSentence
				}
			}
			if rng.IntN(2) == 0 {
				for _, w := range ws {
					s.Lower = append(s.Lower, strings.ToLower(w))
				}
			}
			doc = append(doc, s)
		}
		if got, want := m.TagDoc(doc), plain.TagDoc(doc); !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the cached path tags %v, the plain one %v", filepath.Base(f), got, want)
		}
	}
}

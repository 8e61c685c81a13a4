package ner_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/ner"
)

// toy builds a tiny training set: capitalised words after "Mr" are
// persons, "Paris" and "Rome" are places.
func toy() []ner.Example {
	var ex []ner.Example
	add := func(text string, tags ...string) {
		ws := strings.Fields(text)
		idx := map[string]int{}
		for i, t := range ner.Tags {
			idx[t] = i
		}
		e := ner.Example{Sentence: ner.Sentence{Words: ws, Gaz: make([]uint16, len(ws)), Doc: make([]uint8, len(ws))}}
		for _, t := range tags {
			e.Tags = append(e.Tags, idx[t])
		}
		ex = append(ex, e)
	}
	for i := 0; i < 5; i++ {
		add("Mr Smith went to Paris .", "O", "B-PER", "O", "O", "B-LOC", "O")
		add("Mr John Brown lives in Rome", "O", "B-PER", "I-PER", "O", "O", "B-LOC")
		add("the talks in Paris ended", "O", "O", "O", "B-LOC", "O")
	}
	return ex
}

func TestTrainSaveLoad(t *testing.T) {
	m := ner.Train(toy(), ner.TrainOptions{Epochs: 5, MinCount: 1, Seed: 1})
	s := ner.Sentence{Words: strings.Fields("Mr Smith flew to Rome"), Gaz: make([]uint16, 5), Doc: make([]uint8, 5)}
	want := m.Tag(s)
	if ner.Tags[want[1]] != "B-PER" || ner.Tags[want[4]] != "B-LOC" {
		t.Fatalf("trained model tags %v", want)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf, 0); err != nil {
		t.Fatal(err)
	}
	l, err := ner.Load(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	got := l.Tag(s)
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("loaded model tags %v, trained %v", got, want)
		}
	}
	if _, err := ner.Load([]byte("not a model")); err == nil {
		t.Error("Load accepted garbage")
	}
	var buf2 bytes.Buffer
	if err := l.Save(&buf2, 0); err == nil {
		t.Error("a loaded model was saved again")
	}
}

// TestNoOrphanInside checks that decoding never starts an entity with I-.
func TestNoOrphanInside(t *testing.T) {
	m := ner.Train(toy(), ner.TrainOptions{Epochs: 3, MinCount: 1, Seed: 2})
	for _, text := range []string{"John Brown", "Brown", "in John Brown Rome Paris", "x"} {
		ws := strings.Fields(text)
		tags := m.TagDoc([]ner.Sentence{{Words: ws, Gaz: make([]uint16, len(ws)), Doc: make([]uint8, len(ws))}})[0]
		prev := "O"
		for _, ti := range tags {
			tag := ner.Tags[ti]
			if tag[0] == 'I' && (prev == "O" || prev[2:] != tag[2:]) {
				t.Errorf("%q: %s after %s", text, tag, prev)
			}
			prev = tag
		}
	}
}

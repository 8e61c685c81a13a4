package syntax_test

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

func readToy(t *testing.T) []syntax.TreebankSentence {
	t.Helper()
	f, err := os.Open("testdata/toy.conllu")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ss, err := syntax.ReadCoNLLU(f)
	if err != nil {
		t.Fatal(err)
	}
	return ss
}

// checkTree fails unless s is a tree, or a row of trees (a multi-rooted
// parse): one root per span, heads in range, no cycle.
func checkTree(t *testing.T, s *syntax.Sentence) {
	t.Helper()
	n := len(s.Words)
	roots := 0
	for i, w := range s.Words {
		if w.Head < 0 || w.Head > n || w.Head == i+1 {
			t.Fatalf("word %d: head %d of %d words", i+1, w.Head, n)
		}
		if w.Head == 0 {
			roots++
			if w.Deprel != "root" {
				t.Fatalf("root word %d has relation %q", i+1, w.Deprel)
			}
		}
		// follow the heads: the root must be reached within n steps
		h := i + 1
		for steps := 0; h != 0; steps++ {
			if steps > n {
				t.Fatalf("cycle through word %d", i+1)
			}
			h = s.Words[h-1].Head
		}
	}
	if n > 0 && (roots < 1 || roots != len(s.Spans())) {
		t.Fatalf("%d roots, %d spans", roots, len(s.Spans()))
	}
}

func TestReadCoNLLU(t *testing.T) {
	ss := readToy(t)
	if len(ss) != 3 {
		t.Fatalf("%d sentences, want 3", len(ss))
	}
	s := ss[2]
	if len(s.Words) != 7 || len(s.Tokens) != 6 {
		t.Fatalf("sentence 3: %d words, %d tokens; want 7, 6", len(s.Words), len(s.Tokens))
	}
	if tk := s.Tokens[1]; tk.Form != "didn't" || tk.First != 1 || tk.Last != 2 {
		t.Fatalf("multiword token %+v", tk)
	}
	if !ss[0].NewDoc || ss[1].NewPar || !ss[2].NewPar {
		t.Fatalf("newdoc/newpar flags: %v %v %v", ss[0].NewDoc, ss[1].NewPar, ss[2].NewPar)
	}
	docs := syntax.Documents(ss)
	want := "The minister met the president in Paris. Rockets were fired at the city.\n\nHe didn't travel with them."
	if len(docs) != 1 || docs[0].Text != want {
		t.Fatalf("documents %+v", docs)
	}
	if got := docs[0].Starts; got[1] != 41 || got[2] != 74 {
		t.Fatalf("sentence starts %v", got)
	}
	j := syntax.Join(ss[:2], "parataxis")
	if len(j.Words) != 15 || j.Words[10].Head != 3 || j.Words[10].Deprel != "parataxis" || j.Words[8].Head != 11 {
		t.Fatalf("joined: %+v", j.Words)
	}
	j = syntax.Join(ss[:2], "root")
	if len(j.Words) != 15 || j.Words[10].Head != 0 || j.Words[10].Deprel != "root" || j.Words[8].Head != 11 {
		t.Fatalf("joined, roots kept: %+v", j.Words)
	}
}

func TestTrainSaveLoad(t *testing.T) {
	ss := readToy(t)
	var train []syntax.TreebankSentence
	for range 20 {
		train = append(train, ss...)
	}
	base := syntax.TrainOptions{TagEpochs: 3, ParseEpochs: 3, Folds: 2, Seed: 1, MinWeight: 0.01, Explore: 0.9, Dev: ss}
	ensemble := base
	ensemble.Ensemble = 2
	for _, tc := range []struct {
		name string
		o    syntax.TrainOptions
	}{{"one model", base}, {"two models averaged", ensemble}} {
		t.Run(tc.name, func(t *testing.T) { trainSaveLoad(t, train, ss, tc.o) })
	}
}

// TestTrainWithoutDev: with no dev set every epoch is trained (the final
// model is trained so, on train and dev together), not the first epoch
// kept because an empty dev set scores every epoch 0.
func TestTrainWithoutDev(t *testing.T) {
	ss := readToy(t)
	var train []syntax.TreebankSentence
	for range 20 {
		train = append(train, ss...)
	}
	model := func(tagEpochs int) []byte {
		p, err := syntax.Train(train, syntax.TrainOptions{TagEpochs: tagEpochs, ParseEpochs: 2, Folds: 2, Seed: 1, MinWeight: 0.01, Explore: 0.9})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := p.Save(&b); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	if bytes.Equal(model(1), model(3)) {
		t.Fatalf("without a dev set, 3 tagger epochs give the model of 1")
	}
}

func trainSaveLoad(t *testing.T, train, ss []syntax.TreebankSentence, o syntax.TrainOptions) {
	p, err := syntax.Train(train, o)
	if err != nil {
		t.Fatal(err)
	}
	var b1, b2 bytes.Buffer
	if err := p.Save(&b1); err != nil {
		t.Fatal(err)
	}
	p2, err := syntax.Train(train, o)
	if err != nil {
		t.Fatal(err)
	}
	p2.Save(&b2)
	if !bytes.Equal(b1.Bytes(), b2.Bytes()) {
		t.Fatalf("training twice gives different models")
	}
	q, err := syntax.LoadModel(b1.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	sc := syntax.Score(q, ss)
	if sc.UPOS < 0.99 || sc.UAS < 0.99 || sc.LAS < 0.99 || sc.Lemma < 0.99 {
		t.Fatalf("the saved model does not fit its training data: %+v", sc)
	}
	got := q.Parse(strings.Fields("The president met the minister in Paris ."))
	checkTree(t, got)
	if got.Words[2].Deprel != "root" || got.Words[1].Head != 3 || got.Words[1].Deprel != "nsubj" {
		t.Fatalf("parse: %+v", got.Words)
	}
	if _, err := syntax.LoadModel(b1.Bytes()[:len(b1.Bytes())/2]); err == nil {
		t.Fatalf("a truncated model loads")
	}
}

func TestEmbedded(t *testing.T) {
	p, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	if p2, _ := syntax.Load(); p2 != p {
		t.Fatalf("Load returns a new parser each time")
	}
	tests := []struct {
		words               string
		subj, verb, obj     int // 1-based
		verbXPOS, verbLemma string
		subjRel             string
	}{
		{"The minister met the president in Paris .", 2, 3, 5, "VBD", "meet", "nsubj"},
		{"Two soldiers were killed by the blast .", 2, 4, 0, "VBN", "kill", "nsubj:pass"},
	}
	for _, tt := range tests {
		s := p.Parse(strings.Fields(tt.words))
		checkTree(t, s)
		v := s.Words[tt.verb-1]
		if v.Head != 0 || v.XPOS != tt.verbXPOS || v.Lemma != tt.verbLemma {
			t.Errorf("%q: verb %+v", tt.words, v)
		}
		if w := s.Words[tt.subj-1]; w.Head != tt.verb || w.Deprel != tt.subjRel {
			t.Errorf("%q: subject %+v", tt.words, w)
		}
		if tt.obj > 0 {
			if w := s.Words[tt.obj-1]; w.Head != tt.verb || w.Deprel != "obj" {
				t.Errorf("%q: object %+v", tt.words, w)
			}
		}
	}
	// unseen verb forms get their WordNet verb, irregular ones WordNet's base
	s := p.Parse(strings.Fields("Israeli jets bombed the airport and provoked a crisis ."))
	checkTree(t, s)
	if s.Words[2].Lemma != "bomb" || s.Words[6].Lemma != "provoke" || s.Words[6].Deprel != "conj" || s.Words[6].Head != 3 {
		t.Errorf("bombed ... and provoked: %+v %+v", s.Words[2], s.Words[6])
	}
	// a proper noun's lemma is its form: no suffix rule learned from an
	// abbreviation ("Nov" -> "November") applies to "Mamedov"; a known
	// abbreviation keeps its lexicon lemma
	s = p.Parse(strings.Fields("Talbott met Georgy Mamedov on Nov. 3 ."))
	for _, w := range s.Words {
		if w.Form == "Mamedov" && w.Lemma != "Mamedov" {
			t.Errorf("Mamedov: lemma %q, want the form", w.Lemma)
		}
	}
	if s := p.Parse(nil); len(s.Words) != 0 {
		t.Fatalf("empty sentence: %+v", s)
	}
}

func TestConcurrent(t *testing.T) {
	p, err := syntax.Load()
	if err != nil {
		t.Fatal(err)
	}
	sents := [][]string{
		strings.Fields("Russian missiles struck Kyiv on Monday , killing five people ."),
		strings.Fields("She said talks between the two leaders , who met in Geneva , went well ."),
		strings.Fields("Hello"),
	}
	want := make([]*syntax.Sentence, len(sents))
	for i, s := range sents {
		want[i] = p.Parse(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var s syntax.Sentence
			for r := 0; r < 20; r++ {
				for i, ws := range sents {
					p.ParseInto(&s, ws)
					for k := range s.Words {
						if s.Words[k] != want[i].Words[k] {
							errs <- ws[k]
							return
						}
					}
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatalf("concurrent parse differs at %q", e)
	}
}

func TestWriteCoNLLU(t *testing.T) {
	s := &syntax.Sentence{Words: []syntax.Word{
		{Form: "Hi", Lemma: "hi", UPOS: "INTJ", XPOS: "UH", Head: 0, Deprel: "root", Start: 0, End: 2},
		{Form: "!", Lemma: "!", UPOS: "PUNCT", XPOS: ".", Head: 1, Deprel: "punct", Start: 2, End: 3},
	}}
	var b bytes.Buffer
	if err := syntax.WriteCoNLLU(&b, "d-1", "Hi!\n", s); err != nil {
		t.Fatal(err)
	}
	want := "# sent_id = d-1\n# text = Hi!\n1\tHi\thi\tINTJ\tUH\t_\t0\troot\t_\tSpaceAfter=No\n2\t!\t!\tPUNCT\t.\t_\t1\tpunct\t_\t_\n\n"
	if b.String() != want {
		t.Fatalf("got\n%s\nwant\n%s", b.String(), want)
	}
	back, err := syntax.ReadCoNLLU(&b)
	if err != nil || len(back) != 1 || back[0].Words[1].Head != 1 || back[0].Tokens[0].SpaceAfter {
		t.Fatalf("read back: %+v %v", back, err)
	}
}

func TestSpans(t *testing.T) {
	tests := []struct {
		name  string
		heads []int
		want  [][2]int
	}{
		{"empty", nil, nil},
		{"one tree", []int{2, 0, 2, 2}, [][2]int{{0, 4}}},
		{"two trees", []int{2, 0, 2, 0, 4}, [][2]int{{0, 3}, {3, 5}}},
		{"a head after its dependents", []int{3, 3, 0, 5, 0, 5}, [][2]int{{0, 3}, {3, 6}}},
		{"three single words", []int{0, 0, 0}, [][2]int{{0, 1}, {1, 2}, {2, 3}}},
	}
	for _, tt := range tests {
		s := &syntax.Sentence{}
		for _, h := range tt.heads {
			s.Words = append(s.Words, syntax.Word{Form: "w", Head: h})
		}
		got := s.Spans()
		if len(got) != len(tt.want) {
			t.Errorf("%s: spans %v, want %v", tt.name, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("%s: spans %v, want %v", tt.name, got, tt.want)
				break
			}
		}
	}
}

func TestWriteCoNLLUSeveralRoots(t *testing.T) {
	s := &syntax.Sentence{Words: []syntax.Word{
		{Form: "Hi", Lemma: "hi", UPOS: "INTJ", XPOS: "UH", Head: 0, Deprel: "root", Start: 0, End: 2},
		{Form: "!", Lemma: "!", UPOS: "PUNCT", XPOS: ".", Head: 1, Deprel: "punct", Start: 2, End: 3},
		{Form: "thanks", Lemma: "thanks", UPOS: "NOUN", XPOS: "NNS", Head: 0, Deprel: "root", Start: 4, End: 10},
		{Form: "!", Lemma: "!", UPOS: "PUNCT", XPOS: ".", Head: 3, Deprel: "punct", Start: 10, End: 11},
	}}
	var b bytes.Buffer
	if err := syntax.WriteCoNLLU(&b, "d-1", "Hi! thanks!", s); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	back, err := syntax.ReadCoNLLU(&b)
	if err != nil || len(back) != 2 {
		t.Fatalf("read back %d sentences, %v:\n%s", len(back), err, out)
	}
	if back[0].Text != "Hi!" || back[1].Text != "thanks!" || back[1].Words[1].Head != 1 || back[1].Words[0].Head != 0 {
		t.Fatalf("read back: %+v", back)
	}
	if !strings.Contains(out, "# sent_id = d-1-2\n") {
		t.Fatalf("no id for the second sentence:\n%s", out)
	}
}

// TestTagOnlyAlternatives checks that a tag-only word whose UPOS leaves a
// choice ("NOUN|ADP:IN") is learned as the alternative the treebank
// supports, not as the first one.
func TestTagOnlyAlternatives(t *testing.T) {
	ss := readToy(t)
	var train []syntax.TreebankSentence
	for range 20 {
		train = append(train, ss...)
	}
	tagOnly := func(upos string) []syntax.TreebankSentence {
		var out []syntax.TreebankSentence
		for range 40 {
			out = append(out, syntax.TreebankSentence{Words: []syntax.Word{
				{Form: "Rockets", UPOS: "NOUN", XPOS: "NNS"}, {Form: "were", UPOS: "AUX", XPOS: "VBD"},
				{Form: "fired", UPOS: "VERB", XPOS: "VBN"}, {Form: "at", UPOS: upos, XPOS: "NN"},
				{Form: "the", UPOS: "DET", XPOS: "DT"}, {Form: "city", UPOS: "NOUN", XPOS: "NN"},
				{Form: ".", UPOS: "PUNCT", XPOS: "."},
			}})
		}
		return out
	}
	tagOf := func(upos string) string {
		o := syntax.TrainOptions{TagEpochs: 3, ParseEpochs: 2, Folds: 2, Seed: 1, MinWeight: 0.01, Explore: 0.9, TagOnly: tagOnly(upos)}
		p, err := syntax.Train(train, o)
		if err != nil {
			t.Fatal(err)
		}
		w := p.Parse(strings.Fields("Rockets were fired at the city ."))
		return w.Words[3].UPOS + " " + w.Words[3].XPOS
	}
	if got := tagOf("NOUN"); got != "NOUN NN" {
		t.Fatalf("the control: 'at' tagged %q, want the tag-only sentences' NOUN NN", got)
	}
	if got := tagOf("NOUN|ADP:IN"); got != "ADP IN" {
		t.Fatalf("'at' tagged %q, want the treebank's ADP IN", got)
	}
}

// Command train-ner trains the extractor's named-entity tagger on CoNLL-2003
// (IOB1 or IOB2, "token POS chunk NER" per line) and writes
// extract/data/ner.model.gz. The CoNLL text itself never enters the repo;
// only the learned weights do.
//
//	go run ./scripts/train-ner -train train.txt -dev valid.txt -out extract/data/ner.model.gz
//
// -names GLOBS augments the training documents with the person names of
// gold files (augment.go), in added copies or, with -inplace, in the
// documents themselves. It is off in the shipped model: measured in round
// 30, copies cost CoNLL-2003 dev PER F1 and in-place replacement stored
// no better events (see docs/architecture.md).
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/ner"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train-ner:", err)
		os.Exit(1)
	}
}

type sent struct {
	words []string
	tags  []string // IOB1 or IOB2
}

// readCoNLL returns documents of sentences.
func readCoNLL(path string) ([][]sent, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	var docs [][]sent
	var doc []sent
	var cur sent
	endSent := func() {
		if len(cur.words) > 0 {
			doc = append(doc, cur)
			cur = sent{}
		}
	}
	endDoc := func() {
		endSent()
		if len(doc) > 0 {
			docs = append(docs, doc)
			doc = nil
		}
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "-DOCSTART-") {
			endDoc()
			continue
		}
		fs := strings.Fields(line)
		if len(fs) == 0 {
			endSent()
			continue
		}
		cur.words = append(cur.words, fs[0])
		cur.tags = append(cur.tags, fs[len(fs)-1])
	}
	endDoc()
	return docs, sc.Err()
}

// bio converts IOB1/IOB2 tags to indexes of ner.Tags (IOB2).
func bio(tags []string) []int {
	idx := map[string]int{}
	for i, t := range ner.Tags {
		idx[t] = i
	}
	out := make([]int, len(tags))
	prev := "O"
	for i, t := range tags {
		if t != "O" {
			typ := t[2:]
			if t[0] == 'I' && (prev == "O" || prev[2:] != typ) {
				t = "B-" + typ
			}
		}
		out[i] = idx[t]
		prev = t
	}
	return out
}

// examples returns the tagger input of each document, sentence by sentence.
func examples(x *extract.Extractor, docs [][]sent) [][]ner.Example {
	var out [][]ner.Example
	for _, d := range docs {
		ws := make([][]string, len(d))
		for i, s := range d {
			ws[i] = s.words
		}
		var ex []ner.Example
		for i, in := range x.NERSentences(ws) {
			ex = append(ex, ner.Example{Sentence: in, Tags: bio(d[i].tags)})
		}
		out = append(out, ex)
	}
	return out
}

func flat(docs [][]ner.Example) []ner.Example {
	var out []ner.Example
	for _, d := range docs {
		out = append(out, d...)
	}
	return out
}

func sentencesOf(doc []ner.Example) []ner.Sentence {
	out := make([]ner.Sentence, len(doc))
	for i, e := range doc {
		out[i] = e.Sentence
	}
	return out
}

// stage2 returns the documents with second-stage features from the tags
// that m (a first stage) gives them.
func stage2(m *ner.Model, docs [][]ner.Example) [][]ner.Example {
	out := make([][]ner.Example, len(docs))
	for di, d := range docs {
		ss := sentencesOf(d)
		tags := make([][]int, len(ss))
		for i, s := range ss {
			tags[i] = m.Tag(s)
		}
		for i, s := range ner.WithDocFeatures(ss, tags) {
			out[di] = append(out[di], ner.Example{Sentence: s, Tags: d[i].Tags})
		}
	}
	return out
}

type span struct{ a, b int }

func spans(tags []int) map[span]string {
	out := map[span]string{}
	open, typ := -1, ""
	for i := 0; i <= len(tags); i++ {
		t := "O"
		if i < len(tags) {
			t = ner.Tags[tags[i]]
		}
		if open >= 0 && (t == "O" || t[0] == 'B' || t[2:] != typ) {
			out[span{open, i}] = typ
			open = -1
		}
		if t != "O" && open < 0 {
			open, typ = i, t[2:]
		}
	}
	return out
}

// evaluate returns span F1 per type and overall; docs already carry
// second-stage features when m is a second stage.
func evaluate(m *ner.Model, docs [][]ner.Example) map[string]float64 {
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	for _, e := range flat(docs) {
		g, p := spans(e.Tags), spans(m.Tag(e.Sentence))
		for s, t := range p {
			if g[s] == t {
				tp[t]++
				tp["ALL"]++
			} else {
				fp[t]++
				fp["ALL"]++
			}
		}
		for s, t := range g {
			if p[s] != t {
				fn[t]++
				fn["ALL"]++
			}
		}
	}
	out := map[string]float64{}
	for _, t := range []string{"PER", "LOC", "ORG", "MISC", "ALL"} {
		if d := 2*tp[t] + fp[t] + fn[t]; d > 0 {
			out[t] = 2 * float64(tp[t]) / float64(d)
		}
	}
	return out
}

func run(args []string, log io.Writer) error {
	fl := flag.NewFlagSet("train-ner", flag.ContinueOnError)
	train := fl.String("train", "", "CoNLL-2003 training file")
	dev := fl.String("dev", "", "CoNLL-2003 development file (picks the best epoch)")
	out := fl.String("out", "extract/data/ner.model.gz", "model file to write")
	epochs := fl.Int("epochs", 12, "training epochs")
	minCount := fl.Int("min-count", 2, "drop features seen fewer times")
	minWeight := fl.Float64("min-weight", 0.5, "drop features whose weights are all smaller")
	seed := fl.Uint64("seed", 1, "shuffling seed")
	stages := fl.Int("stages", 2, "1: sentence tagger only; 2: add a second stage that sees the document")
	names := fl.String("names", "", "comma-separated globs of gold files (data/events) whose person names replace the training documents' (augment.go)")
	copies := fl.Int("augment", 1, "with -names: augmented copies of each training document with a person")
	share := fl.Float64("replace", 0.3, "with -names: share of the person names of a copy replaced")
	inplace := fl.Bool("inplace", false, "with -names: replace names in the training documents themselves, adding no copies")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *train == "" {
		return fmt.Errorf("-train is required")
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	tdocs, err := readCoNLL(*train)
	if err != nil {
		return err
	}
	if *share < 0 || *share > 1 {
		return fmt.Errorf("-replace %v: want a share between 0 and 1", *share)
	}
	if *names != "" && *copies > 0 {
		pool, err := readNames(*names)
		if err != nil {
			return err
		}
		if *inplace {
			tdocs = inPlace(tdocs, pool, *share, *seed)
			fmt.Fprintf(log, "augment: %d person names, replaced in place\n", len(pool))
		} else {
			aug := augment(tdocs, pool, *copies, *share, *seed)
			fmt.Fprintf(log, "augment: %d person names, %d documents added\n", len(pool), len(aug))
			tdocs = append(tdocs, aug...)
		}
	}
	tex := examples(x, tdocs)
	var dex [][]ner.Example
	if *dev != "" {
		ddocs, err := readCoNLL(*dev)
		if err != nil {
			return err
		}
		dex = examples(x, ddocs)
	}
	fmt.Fprintf(log, "train: %d documents, dev: %d\n", len(tex), len(dex))
	// trainBest trains on docs and keeps the epoch that is best on dev
	trainBest := func(name string, docs, devDocs [][]ner.Example, epochs int) (*ner.Model, int) {
		var best *ner.Model
		bestF, bestEp := -1.0, epochs
		m := ner.Train(flat(docs), ner.TrainOptions{Epochs: epochs, MinCount: *minCount, Seed: *seed,
			Progress: func(ep int, m *ner.Model) {
				if devDocs == nil {
					return
				}
				f := evaluate(m, devDocs)
				fmt.Fprintf(log, "%s epoch %d: dev F1 all %.4f PER %.4f LOC %.4f ORG %.4f MISC %.4f\n",
					name, ep, f["ALL"], f["PER"], f["LOC"], f["ORG"], f["MISC"])
				if f["ALL"] > bestF {
					best, bestF, bestEp = m, f["ALL"], ep
				}
			}})
		if best == nil {
			return m, epochs
		}
		fmt.Fprintf(log, "%s: best epoch %d (dev F1 %.4f)\n", name, bestEp, bestF)
		return best, bestEp
	}
	best, ep1 := trainBest("stage 1", tex, dex, *epochs)
	if *stages >= 2 {
		// first-stage tags of the training documents come from models that
		// did not see them (jackknife), as they will be at run time
		const folds = 5
		jack := make([][]ner.Example, len(tex))
		for k := 0; k < folds; k++ {
			var in [][]ner.Example
			var outIdx []int
			for i := range tex {
				if i%folds == k {
					outIdx = append(outIdx, i)
				} else {
					in = append(in, tex[i])
				}
			}
			mk := ner.Train(flat(in), ner.TrainOptions{Epochs: ep1, MinCount: *minCount, Seed: *seed})
			held := make([][]ner.Example, len(outIdx))
			for j, i := range outIdx {
				held[j] = tex[i]
			}
			for j, d := range stage2(mk, held) {
				jack[outIdx[j]] = d
			}
			fmt.Fprintf(log, "jackknife fold %d/%d done\n", k+1, folds)
		}
		var dex2 [][]ner.Example
		if dex != nil {
			dex2 = stage2(best, dex)
		}
		m2, _ := trainBest("stage 2", jack, dex2, *epochs)
		best.Next = m2
	}
	f, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("create %s: %w", *out, err)
	}
	if err := best.Save(f, float32(*minWeight)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close %s: %w", *out, err)
	}
	fi, _ := os.Stat(*out)
	b, err := os.ReadFile(*out)
	if err != nil {
		return err
	}
	saved, err := ner.Load(b)
	if err != nil {
		return fmt.Errorf("reload %s: %w", *out, err)
	}
	kept := []int{}
	for m := saved; m != nil; m = m.Next {
		kept = append(kept, m.Features())
	}
	fmt.Fprintf(log, "wrote %s (%d bytes, features kept per stage %v)\n", *out, fi.Size(), kept)
	if dex != nil {
		// the saved model as Extract runs it: both stages, pruned, quantized
		tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
		for _, d := range dex {
			tags := saved.TagDoc(sentencesOf(d))
			for i, e := range d {
				g, p := spans(e.Tags), spans(tags[i])
				for s, t := range p {
					if g[s] == t {
						tp[t]++
					} else {
						fp[t]++
					}
				}
				for s, t := range g {
					if p[s] != t {
						fn[t]++
					}
				}
			}
		}
		for _, t := range []string{"PER", "LOC", "ORG", "MISC"} {
			fmt.Fprintf(log, "saved model, dev %s F1 %.4f\n", t, 2*float64(tp[t])/float64(2*tp[t]+fp[t]+fn[t]))
		}
	}
	return nil
}

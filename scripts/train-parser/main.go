// Command train-parser trains the extractor's part-of-speech tagger,
// lemmatiser and dependency parser (package extract/syntax) on Universal
// Dependencies treebanks in CoNLL-U and writes the embedded model. The
// treebank text never enters the repository; only the learned weights do.
//
//	scripts/train-parser/ewt.sh /work/data/ud    # rebuild UD English-EWT
//	go run ./scripts/train-parser -train /work/data/ud/ewt/en_ewt-ud-train.conllu \
//	    -dev /work/data/ud/ewt/en_ewt-ud-dev.conllu -wordnet /usr/share/wordnet \
//	    -tag-news ../shared/eval/conll2003/train.txt -out extract/syntax/data/syntax.model.gz
//
// Training is deterministic: the same files and flags give the same bytes.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "train-parser:", err)
		os.Exit(1)
	}
}

func readTreebanks(paths string) ([]syntax.TreebankSentence, error) {
	var out []syntax.TreebankSentence
	for _, p := range strings.Split(paths, ",") {
		if p == "" {
			continue
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, fmt.Errorf("open %s: %w", p, err)
		}
		ss, err := syntax.ReadCoNLLU(bufio.NewReader(f))
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("read %s: %w", p, err)
		}
		out = append(out, ss...)
	}
	return out, nil
}

// readWordNet reads WordNet's exception lists (verb.exc, noun.exc,
// adj.exc, adv.exc: "inflected-form base-form ...") as "XPOS form" ->
// lemma for the Penn tags each list can stand for.
func readWordNet(dir string) (map[string]string, error) {
	out := map[string]string{}
	lists := map[string][]string{
		"verb.exc": {"VBD", "VBN", "VBZ", "VBG", "VBP"},
		"noun.exc": {"NNS"},
		"adj.exc":  {"JJR", "JJS"},
		"adv.exc":  {"RBR", "RBS"},
	}
	for _, name := range []string{"adj.exc", "adv.exc", "noun.exc", "verb.exc"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			f := strings.Fields(line)
			if len(f) < 2 || strings.ContainsAny(f[0], "_") || strings.ContainsAny(f[1], "_") {
				continue
			}
			for _, x := range lists[name] {
				k := x + " " + f[0]
				if _, ok := out[k]; !ok {
					out[k] = f[1]
				}
			}
		}
	}
	return out, nil
}

// readWordNetVerbs returns the one-word verbs of WordNet's index.verb.
func readWordNetVerbs(dir string) ([]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "index.verb"))
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	var out []string
	for _, line := range strings.Split(string(b), "\n") {
		if line == "" || line[0] == ' ' {
			continue // licence header
		}
		if w, _, _ := strings.Cut(line, " "); w != "" && !strings.ContainsAny(w, "_-.'") {
			out = append(out, w)
		}
	}
	return out, nil
}

// readWordNetLexicon returns the parts of speech of WordNet's one-word
// lemmas (index.noun, .verb, .adj, .adv), of the irregular forms of the
// exception lists, and marks the nouns its synsets write capitalised
// (names: "Paris", "Einstein").
func readWordNetLexicon(dir string) (map[string]uint8, error) {
	out := map[string]uint8{}
	oneWord := func(w string) bool { return w != "" && !strings.ContainsAny(w, "_") }
	for _, f := range []struct {
		name string
		bit  uint8
	}{{"noun", syntax.LexNoun}, {"verb", syntax.LexVerb}, {"adj", syntax.LexAdj}, {"adv", syntax.LexAdv}} {
		b, err := os.ReadFile(filepath.Join(dir, "index."+f.name))
		if err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line == "" || line[0] == ' ' {
				continue // licence header
			}
			if w, _, _ := strings.Cut(line, " "); oneWord(w) {
				out[w] |= f.bit
			}
		}
		b, err = os.ReadFile(filepath.Join(dir, f.name+".exc"))
		if err != nil {
			return nil, fmt.Errorf("wordnet: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			if w, _, _ := strings.Cut(line, " "); oneWord(w) {
				out[w] |= f.bit
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(dir, "data.noun"))
	if err != nil {
		return nil, fmt.Errorf("wordnet: %w", err)
	}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Fields(line)
		if len(f) < 5 || line[0] == ' ' {
			continue
		}
		var n int
		if _, err := fmt.Sscanf(f[3], "%x", &n); err != nil {
			continue
		}
		for i := 0; i < n && 4+2*i < len(f); i++ {
			w := f[4+2*i]
			if oneWord(w) && strings.ToLower(w) != w {
				out[strings.ToLower(w)] |= syntax.LexProper
			}
		}
	}
	return out, nil
}

// asSegmented joins the gold sentences that extract.Segment does not split
// (their text rebuilt as syntax.Documents does), so that the parser learns
// from the sentences it will be given.
func asSegmented(ss []syntax.TreebankSentence, rel string) []syntax.TreebankSentence {
	var out []syntax.TreebankSentence
	for _, doc := range syntax.Documents(ss) {
		starts := map[int]bool{}
		for _, s := range extract.Segment(doc.Text).Sentences {
			starts[s.Start] = true
		}
		var group []syntax.TreebankSentence
		for i, s := range doc.Sentences {
			if i > 0 && !starts[doc.Starts[i]] {
				group = append(group, s)
				continue
			}
			if len(group) > 0 {
				out = append(out, syntax.Join(group, rel))
			}
			group = []syntax.TreebankSentence{s}
		}
		if len(group) > 0 {
			out = append(out, syntax.Join(group, rel))
		}
	}
	return out
}

func run(args []string, log io.Writer) error {
	fl := flag.NewFlagSet("train-parser", flag.ContinueOnError)
	train := fl.String("train", "", "CoNLL-U training files, comma-separated")
	dev := fl.String("dev", "", "CoNLL-U development file (picks the best epochs)")
	out := fl.String("out", "extract/syntax/data/syntax.model.gz", "model file to write")
	wordnet := fl.String("wordnet", "", "WordNet dict folder with verb.exc, noun.exc, adj.exc, adv.exc (irregular lemmas), index.verb (verbs), and index.* and data.noun (parts of speech, names)")
	tagEpochs := fl.Int("tag-epochs", 10, "tagger epochs (the best on -dev is kept; without -dev every epoch is trained)")
	parseEpochs := fl.Int("parse-epochs", 16, "parser epochs (the best on -dev is kept; without -dev every epoch is trained)")
	folds := fl.Int("folds", 4, "jackknife folds for the parser's training tags")
	minWeight := fl.Float64("min-weight", 0.5, "drop weights smaller in magnitude")
	explore := fl.Float64("explore", 0.9, "probability of following the model's own transition from epoch 2")
	seed := fl.Uint64("seed", 1, "shuffling seed")
	wnTags := fl.Bool("wordnet-tags", true, "the tagger also reads the parts of speech WordNet gives a word (with -wordnet)")
	ensemble := fl.Int("ensemble", 4, "taggers and parsers trained with their own seeds and averaged into one model")
	meta := fl.String("meta", "UD English-EWT", "what the model is trained on (shown by Info)")
	merge := fl.Bool("merge", true, "train on the sentences as the extractor splits the text: gold sentences it joins become one")
	mergeRel := fl.String("merge-rel", "root", "how the later roots of joined sentences attach: \"root\" keeps them roots (the parser learns where a sentence ends), else a relation to the first root (parataxis)")
	cpuprofile := fl.String("cpuprofile", "", "write a CPU profile here")
	newsAlt := fl.Bool("tag-news-alternatives", true, "where the treebank gives a word with a Penn tag several UPOS, let the tagger choose among them on the news (else the commonest)")
	news := fl.String("tag-news", "", "CoNLL-2003 file whose part-of-speech tags the tagger also learns from (news beside the treebank's web text)")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *cpuprofile != "" {
		f, err := os.Create(*cpuprofile)
		if err != nil {
			return err
		}
		pprof.StartCPUProfile(f)
		defer pprof.StopCPUProfile()
	}
	if *train == "" {
		return fmt.Errorf("-train is required")
	}
	tr, err := readTreebanks(*train)
	if err != nil {
		return err
	}
	if *merge {
		n := len(tr)
		tr = asSegmented(tr, *mergeRel)
		fmt.Fprintf(log, "%d training sentences become %d as the extractor splits their text\n", n, len(tr))
	}
	var dv []syntax.TreebankSentence
	if *dev != "" {
		if dv, err = readTreebanks(*dev); err != nil {
			return err
		}
		if *merge {
			// the epochs kept are the best on the sentences the parser
			// will be given, where it also finds where sentences end
			dv = asSegmented(dv, *mergeRel)
		}
	}
	var tagOnly []syntax.TreebankSentence
	if *news != "" {
		if tagOnly, err = readTaggedNews(*news, tr, *newsAlt); err != nil {
			return err
		}
	}
	var irregular map[string]string
	var verbs []string
	var lexicon map[string]uint8
	if *wordnet != "" {
		if irregular, err = readWordNet(*wordnet); err != nil {
			return err
		}
		if *wnTags {
			if lexicon, err = readWordNetLexicon(*wordnet); err != nil {
				return err
			}
		}
		if verbs, err = readWordNetVerbs(*wordnet); err != nil {
			return err
		}
	}
	p, err := syntax.Train(tr, syntax.TrainOptions{
		TagEpochs: *tagEpochs, ParseEpochs: *parseEpochs, Folds: *folds, Seed: *seed,
		MinWeight: *minWeight, Explore: *explore, Ensemble: *ensemble, Lexicon: lexicon, Dev: dv, Irregular: irregular, Verbs: verbs, Meta: *meta, TagOnly: tagOnly, Log: log,
	})
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := p.Save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write %s: %w", *out, err)
	}
	saved, err := syntax.LoadModel(buf.Bytes())
	if err != nil {
		return fmt.Errorf("reload %s: %w", *out, err)
	}
	fmt.Fprintf(log, "wrote %s (%d bytes): %s\n", *out, buf.Len(), saved.Info())
	if len(dv) > 0 {
		sc := syntax.Score(saved, dv)
		fmt.Fprintf(log, "saved model on dev, gold words: UPOS %.4f XPOS %.4f lemma %.4f UAS %.4f LAS %.4f\n",
			sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	}
	return nil
}

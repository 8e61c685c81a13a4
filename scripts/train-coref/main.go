// Command train-coref trains the extractor's resolver of person pronouns,
// descriptions and plurals (extract/data/coref.model.gz) and evaluates it.
//
//	python3 ../shared/eval/conll.py text CONLL2003/train.txt /tmp/conll-train
//	python3 scripts/train-events/corpora.py abp-texts --abp ABP_CHECKOUT --out /tmp/abp
//	go run ./scripts/train-coref -gap GAP_DIR \
//	    -labels data/coref/news.tsv -src conll2003-train=/tmp/conll-train \
//	    -src rams=RAMS/dev.jsonlines,RAMS/test.jsonlines \
//	    -src abp=/tmp/abp -out extract/data/coref.model.gz
//
// GAP_DIR holds gap-development.tsv, gap-validation.tsv and gap-test.tsv of
// the public repository google-research-datasets/gap-coreference (commit
// 83135f2); RAMS/*.jsonlines are the RAMS dev and test files of
// LWL-cpu/SCPRG-master (data/rams); /tmp/abp holds the AllSides articles
// of ramybaly/Article-Bias-Prediction as ID.txt. The news labels (data/coref/news.tsv,
// see data/coref/README.md) give, for refs in real news articles, the
// offsets of the antecedents' mentions; articles whose id (RAMS: story
// address) hashes to 0 mod 5 are held out for evaluation and never trained
// on. GAP development and validation rows train the pronoun model (at half
// the weight of a news ref); GAP test is reported. Each model's decision
// threshold is chosen by 5-fold cross-validation on the training articles
// for the best F0.5 (precision counts more than recall); a kind whose
// cross-validated precision stays below 0.6 is shipped disabled. Plural
// kinds also get a set model (extract.PluralSets), trained on candidate
// probabilities cross-fitted over five folds; -sets=false leaves it out.
// -baseline MODEL scores another bundle on the held-out refs too. Training
// depends only on the data, so the command is deterministic.
//
// With -list DIR it prints the refs of the articles in DIR with the persons
// named before them, for an annotator to label; -errors prints the
// cross-validation errors. With -pick N DIR it prints the ids of N articles
// of DIR to label: the articles (ID.txt) are shuffled with -seed, those
// named in -exclude lists or longer than -max-chars are skipped, and the
// first N that hold a description with a person named before it, or a
// plural description with two or more, are taken.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"hash/fnv"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/classify"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "train-coref:", err)
		os.Exit(1)
	}
}

type srcFlag map[string]string

func (s srcFlag) String() string { return fmt.Sprint(map[string]string(s)) }
func (s srcFlag) Set(v string) error {
	k, d, ok := strings.Cut(v, "=")
	if !ok {
		return fmt.Errorf("want NAME=DIR, got %q", v)
	}
	s[k] = d
	return nil
}

var (
	showErrors = new(bool)
	useSets    = new(bool)
)

// minPrecision is the cross-validated precision a kind needs to be
// resolved at all; disabled is the threshold no probability reaches.
const (
	minPrecision = 0.6
	disabled     = 1.01
)

var errDump string

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("train-coref", flag.ContinueOnError)
	gapDir := fs.String("gap", "", "directory with the GAP tsv files")
	labels := fs.String("labels", "data/coref/news.tsv", "news labels")
	fs.BoolVar(showErrors, "errors", false, "print the cross-validation errors (training articles only)")
	fs.BoolVar(useSets, "sets", true, "resolve plurals with a second model that scores sets of candidates (false: every candidate that passes the threshold)")
	gapWeight := fs.Float64("gap-weight", 0.5, "weight of a GAP example against a news one")
	outPath := fs.String("out", "", "write the model bundle here")
	baseline := fs.String("baseline", "", "also score this model bundle (e.g. the shipped one) on the held-out refs")
	list := fs.String("list", "", "list the refs of the articles in this directory for labelling")
	pick := fs.Int("pick", 0, "print the ids of this many articles of the directory argument to label")
	seed := fs.Int64("seed", 1, "with -pick: the shuffle's seed")
	maxChars := fs.Int("max-chars", 5000, "with -pick: skip longer articles (code points)")
	pluralOnly := fs.Bool("plural", false, "with -pick: take only articles with a plural description that has two or more persons named in its sentence or the two before")
	var exclude []string
	fs.Func("exclude", "with -pick: a file or directory whose ids (one a line, or ID.txt files) are never picked (repeatable)", func(v string) error {
		exclude = append(exclude, v)
		return nil
	})
	src := srcFlag{}
	fs.Var(src, "src", "NAME=DIR: the articles of source NAME (repeatable)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	x, err := extract.New()
	if err != nil {
		return err
	}
	if *pick > 0 {
		if fs.NArg() != 1 {
			return fmt.Errorf("-pick wants one directory of ID.txt articles")
		}
		return pickArticles(x, fs.Arg(0), *pick, *seed, *maxChars, *pluralOnly, exclude, out)
	}
	if *list != "" {
		return listRefs(x, *list, fs.Args(), out)
	}
	news, err := loadNews(x, *labels, src)
	if err != nil {
		return err
	}
	var base classify.Bundle
	if *baseline != "" {
		f, err := os.Open(*baseline)
		if err != nil {
			return err
		}
		base, err = classify.ReadBundle(f)
		f.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", *baseline, err)
		}
	}
	var gapTrain, gapTest []gapCase
	if *gapDir != "" {
		for _, f := range []string{"gap-development.tsv", "gap-validation.tsv"} {
			g, err := loadGAP(x, filepath.Join(*gapDir, f))
			if err != nil {
				return err
			}
			gapTrain = append(gapTrain, g...)
		}
		if gapTest, err = loadGAP(x, filepath.Join(*gapDir, "gap-test.tsv")); err != nil {
			return err
		}
	}
	var trainCases, test []refCase
	for _, c := range news {
		if heldOut(c.doc) {
			test = append(test, c)
		} else {
			trainCases = append(trainCases, c)
		}
	}
	fmt.Fprintf(out, "news refs: %d train, %d held out (%d articles)\n", len(trainCases), len(test), countDocs(test))
	var gapCases []refCase
	for _, g := range gapTrain {
		g.train.weight = *gapWeight
		if *gapWeight > 0 {
			gapCases = append(gapCases, g.train)
		}
	}
	res := map[string]resolver{}
	thr := map[string]float64{}
	for _, kind := range []string{extract.RefPronoun, extract.RefDescription, extract.RefPlural, "plural-pronoun"} {
		tr := ofKind(trainCases, kind)
		extra := []refCase(nil)
		if kind == extract.RefPronoun {
			extra = gapCases
		}
		if len(tr)+len(extra) == 0 {
			continue
		}
		var cv counts
		thr[kind], cv = pickThreshold(tr, extra, kind)
		if p, _, _, _ := cv.prf(); p < minPrecision {
			// too few examples to resolve this kind precisely: ship the
			// model but never resolve (a missing edge beats a wrong one)
			fmt.Fprintf(out, "\n%s: cross-validated precision %.2f < %.2f at the best threshold: disabled\n", kind, p, minPrecision)
			thr[kind] = disabled
		}
		res[kind] = train(tr, extra, kind)
		fmt.Fprintf(out, "\n%s: %d news + %d GAP training refs, threshold %.2f\n", kind, len(tr), len(extra), thr[kind])
		{
			p, r, f, acc := cv.prf()
			fmt.Fprintf(out, "  %-26s refs %4d (with antecedent %4d)  resolved %4d  P %.3f  R %.3f  F0.5 %.3f  accuracy %.3f\n",
				"5-fold CV (train articles)", cv.refs, cv.gold, cv.resolved, p, r, f, acc)
		}
		kindTest, sources := ofKind(test, kind), sourcesOf(test)
		report(out, "  held-out news", res[kind], thr[kind], kindTest, kind)
		for _, s := range sources {
			report(out, "    "+s, res[kind], thr[kind], ofSource(kindTest, s), kind)
		}
		if m, t := base[kind], base[extract.CorefThresholdPrefix+kind]; m != nil && t != nil {
			b := resolver{m: m, set: base[kind+extract.SetModelSuffix]}
			report(out, fmt.Sprintf("  baseline held-out @%.2f", t.Bias), b, t.Bias, kindTest, kind)
			for _, s := range sources {
				report(out, "    "+s, b, t.Bias, ofSource(kindTest, s), kind)
			}
		}
		for _, t := range []float64{0.3, 0.5, 0.7} {
			report(out, fmt.Sprintf("  held-out news @%.1f", t), res[kind], t, kindTest, kind)
		}
		report(out, "  train (in sample)", res[kind], thr[kind], tr, kind)
		if *showErrors {
			fmt.Fprint(out, errDump)
		}
	}
	if len(gapTest) > 0 {
		fmt.Fprintln(out, "GAP test:", gapCoverage(gapTest))
		gapReport(out, res[extract.RefPronoun], thr[extract.RefPronoun], gapTest)
	}
	if *outPath != "" {
		f, err := os.Create(*outPath)
		if err != nil {
			return err
		}
		models := map[string]*classify.Model{}
		for k, r := range res {
			models[k] = r.m
			if r.set != nil {
				models[k+extract.SetModelSuffix] = r.set
			}
		}
		if err := extract.CorefBundle(models, thr).Write(f, 1e-3); err != nil {
			f.Close()
			return err
		}
		if err := f.Close(); err != nil {
			return err
		}
		fmt.Fprintln(out, "wrote", *outPath)
	}
	return nil
}

// refCase is one labelled ref: its candidates' features and which are right.
type refCase struct {
	doc    string
	kind   string
	cands  []extract.RefCandidate
	gold   []bool // per candidate
	weight float64
	ctx    string   // the ref in its sentence, for -errors
	names  []string // per candidate
	// sets returns a plural ref's candidate sets given each candidate's
	// probability (extract.PluralSets); nil for other refs
	sets func(probs []float64) []extract.RefSet
}

func (c refCase) anyGold() bool { return slices.Contains(c.gold, true) }

func ofKind(cs []refCase, kind string) []refCase {
	var out []refCase
	for _, c := range cs {
		if c.kind == kind {
			out = append(out, c)
		}
	}
	return out
}

// sourcesOf lists the sources of cs (a case's doc is "source/group").
func sourcesOf(cs []refCase) []string {
	var out []string
	for _, c := range cs {
		s, _, _ := strings.Cut(c.doc, "/")
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

func ofSource(cs []refCase, src string) []refCase {
	var out []refCase
	for _, c := range cs {
		if strings.HasPrefix(c.doc, src+"/") {
			out = append(out, c)
		}
	}
	return out
}

func countDocs(cs []refCase) int {
	m := map[string]bool{}
	for _, c := range cs {
		m[c.doc] = true
	}
	return len(m)
}

// heldOut keeps a fifth of the articles, chosen by a hash of their id.
func heldOut(doc string) bool { return foldOf(doc) == 0 }

func examples(cs []refCase) []classify.Example {
	var ex []classify.Example
	for _, c := range cs {
		for i, cd := range c.cands {
			ex = append(ex, classify.Example{F: cd.Features, Y: c.gold[i], Weight: c.weight})
		}
	}
	return ex
}

func fit(cs []refCase, kind string) *classify.Model {
	return classify.Train(examples(cs), classify.Options{Epochs: 15, Seed: 1, L2: 1e-4})
}

// resolver is what resolves one kind: the candidate model and, for plural
// kinds, the model that scores sets of candidates as a whole.
type resolver struct{ m, set *classify.Model }

func pluralKind(kind string) bool { return strings.HasPrefix(kind, extract.RefPlural) }

// train fits a kind's resolver on cs (and extra, always trained on).
func train(cs, extra []refCase, kind string) resolver {
	r := resolver{m: fit(append(slices.Clone(extra), cs...), kind)}
	if pluralKind(kind) && *useSets {
		r.set = fitSets(cs, extra, kind)
	}
	return r
}

// fitSets trains the set model of a plural kind on the candidate sets of
// cs, built from probabilities of candidate models that did not see the
// ref (5-fold cross-fitting by article), as at resolution time. A set is
// right when it is exactly the ref's antecedents.
func fitSets(cs, extra []refCase, kind string) *classify.Model {
	var ex []classify.Example
	for f := 0; f < 5; f++ {
		var in, held []refCase
		for _, c := range cs {
			if foldOf("set:"+c.doc) == f {
				held = append(held, c)
			} else {
				in = append(in, c)
			}
		}
		m := fit(append(slices.Clone(extra), in...), kind)
		for _, c := range held {
			if c.sets == nil {
				continue
			}
			for _, s := range c.sets(probs(m, c)) {
				ex = append(ex, classify.Example{F: s.Features, Y: c.isGold(s.Cands), Weight: c.weight})
			}
		}
	}
	return classify.Train(ex, classify.Options{Epochs: 15, Seed: 1, L2: 1e-4})
}

func probs(m *classify.Model, c refCase) []float64 {
	p := make([]float64, len(c.cands))
	for i := range c.cands {
		p[i] = m.Prob(&c.cands[i].Features)
	}
	return p
}

// isGold reports whether the candidates idx are exactly the ref's
// antecedents.
func (c refCase) isGold(idx []int) bool {
	n := 0
	for _, b := range c.gold {
		if b {
			n++
		}
	}
	for _, i := range idx {
		if !c.gold[i] {
			return false
		}
	}
	return n == len(idx)
}

// foldOf assigns an article to one of five folds.
func foldOf(key string) int {
	h := fnv.New32a()
	h.Write([]byte(key))
	return int(h.Sum32() % 5)
}

// decide resolves one ref as the extractor does.
func decide(r resolver, thr float64, c refCase, kind string) []int {
	m := r.m
	if r.set != nil && c.sets != nil {
		var best []int
		bp := 0.0
		for _, s := range c.sets(probs(m, c)) {
			if p := r.set.Prob(&s.Features); p > bp {
				best, bp = s.Cands, p
			}
		}
		if bp < thr {
			return nil
		}
		return best
	}
	if pluralKind(kind) {
		var out []int
		for i := range c.cands {
			if m.Prob(&c.cands[i].Features) >= thr {
				out = append(out, i)
			}
		}
		if len(out) < 2 {
			return nil
		}
		return out
	}
	best, bp := -1, 0.0
	for i := range c.cands {
		if p := m.Prob(&c.cands[i].Features); p > bp {
			best, bp = i, p
		}
	}
	if best < 0 || bp < thr {
		return nil
	}
	return []int{best}
}

type counts struct{ refs, gold, resolved, correct, correctNone int }

func score(m resolver, thr float64, cs []refCase, kind string) counts {
	var k counts
	for _, c := range cs {
		k.refs++
		pred := decide(m, thr, c, kind)
		g := c.anyGold()
		if g {
			k.gold++
		}
		if len(pred) == 0 {
			if !g {
				k.correctNone++
			}
			continue
		}
		k.resolved++
		ok := true
		n := 0
		for _, i := range pred {
			if !c.gold[i] {
				ok = false
			}
		}
		for _, b := range c.gold {
			if b {
				n++
			}
		}
		if ok && (!pluralKind(kind) || len(pred) == n) {
			k.correct++
		}
	}
	return k
}

func (k counts) prf() (p, r, f05, acc float64) {
	if k.resolved > 0 {
		p = float64(k.correct) / float64(k.resolved)
	}
	if k.gold > 0 {
		r = float64(k.correct) / float64(k.gold)
	}
	if p+r > 0 {
		f05 = 1.25 * p * r / (0.25*p + r)
	}
	if k.refs > 0 {
		acc = float64(k.correct+k.correctNone) / float64(k.refs)
	}
	return
}

func report(out io.Writer, name string, m resolver, thr float64, cs []refCase, kind string) {
	if len(cs) == 0 {
		return
	}
	k := score(m, thr, cs, kind)
	p, r, f, acc := k.prf()
	fmt.Fprintf(out, "%-28s refs %4d (with antecedent %4d)  resolved %4d  P %.3f  R %.3f  F0.5 %.3f  accuracy %.3f\n",
		name, k.refs, k.gold, k.resolved, p, r, f, acc)
}

// pickThreshold chooses the threshold with the best F0.5 over 5-fold
// cross-validation by article on the news training refs (extra cases,
// from GAP, are always trained on and never scored), averaged with its
// two neighbours on the grid.
func pickThreshold(tr, extra []refCase, kind string) (float64, counts) {
	if len(tr) < 20 {
		return 0.5, counts{}
	}
	fold := func(doc string) int { return foldOf("fold:" + doc) }
	type scored struct {
		c refCase
		m resolver
	}
	var all []scored
	for f := 0; f < 5; f++ {
		var in, held []refCase
		for _, c := range tr {
			if fold(c.doc) == f {
				held = append(held, c)
			} else {
				in = append(in, c)
			}
		}
		m := train(in, extra, kind)
		for _, c := range held {
			all = append(all, scored{c, m})
		}
	}
	// each threshold's F0.5, then the best of their three-point moving
	// average: the curve is flat and noisy near its top (neighbouring
	// thresholds differ by a ref or two), and its plain argmax moved with
	// any change to the training texts
	type point struct {
		t float64
		k counts
	}
	var curve []point
	var fs []float64 // F0.5 of each point
	best := 0.5
	var bestK counts
	for t := 0.2; t <= 0.901; t += 0.05 {
		var k counts
		for _, s := range all {
			c := score(s.m, t, []refCase{s.c}, kind)
			k.refs += c.refs
			k.gold += c.gold
			k.resolved += c.resolved
			k.correct += c.correct
			k.correctNone += c.correctNone
		}
		_, _, f, _ := k.prf()
		curve, fs = append(curve, point{t, k}), append(fs, f)
	}
	if i := classify.BestSmoothed(fs); i >= 0 {
		best, bestK = curve[i].t, curve[i].k
	}
	if *showErrors {
		// the cross-validation errors at the threshold chosen
		var sb strings.Builder
		for _, sc := range all {
			pred := decide(sc.m, best, sc.c, kind)
			var g, p []string
			for i, b := range sc.c.gold {
				if b {
					g = append(g, sc.c.names[i])
				}
			}
			for _, i := range pred {
				p = append(p, fmt.Sprintf("%s %.2f", sc.c.names[i], sc.m.m.Prob(&sc.c.cands[i].Features)))
			}
			if fmt.Sprint(g) != fmt.Sprint(sc.c.names[:0]) || len(p) > 0 {
				ok := len(p) == len(g) || !pluralKind(kind) && len(p) == 1
				for _, i := range pred {
					ok = ok && sc.c.gold[i]
				}
				if !ok {
					fmt.Fprintf(&sb, "ERR %s | gold %v | pred %v | %s\n", kind, g, p, strings.ReplaceAll(sc.c.ctx, "\n", " "))
				}
			}
		}
		errDump = sb.String()
	}
	return float64(int(best*100+0.5)) / 100, bestK
}

// news labels: source, doc, ref start, ref end, ref text (lower case),
// kind, antecedents ("-" for none, else start:end of a mention of each
// antecedent, comma-separated). Offsets are code points.
type label struct {
	source, doc string
	start, end  int
	text, kind  string
	ante        [][2]int
}

func readLabels(path string) ([]label, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []label
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		n++
		l := sc.Text()
		if l == "" || l[0] == '#' {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 7 {
			return nil, fmt.Errorf("%s:%d: want 7 columns", path, n)
		}
		s, e1 := strconv.Atoi(c[2])
		e, e2 := strconv.Atoi(c[3])
		if e1 != nil || e2 != nil {
			return nil, fmt.Errorf("%s:%d: bad offsets", path, n)
		}
		lb := label{source: c[0], doc: c[1], start: s, end: e, text: c[4], kind: c[5]}
		if c[6] != "-" {
			for _, a := range strings.Split(c[6], ",") {
				x, y, ok := strings.Cut(a, ":")
				xs, err1 := strconv.Atoi(x)
				ys, err2 := strconv.Atoi(y)
				if !ok || err1 != nil || err2 != nil {
					return nil, fmt.Errorf("%s:%d: bad antecedent %q", path, n, a)
				}
				lb.ante = append(lb.ante, [2]int{xs, ys})
			}
		}
		out = append(out, lb)
	}
	return out, sc.Err()
}

func loadNews(x *extract.Extractor, path string, src srcFlag) ([]refCase, error) {
	ls, err := readLabels(path)
	if err != nil {
		return nil, err
	}
	byDoc := map[string][]label{}
	var docs []string
	for _, l := range ls {
		k := l.source + "/" + l.doc
		if _, ok := byDoc[k]; !ok {
			docs = append(docs, k)
		}
		byDoc[k] = append(byDoc[k], l)
	}
	sort.Strings(docs)
	var out []refCase
	missing := 0
	sources := map[string]map[string]article{}
	for _, k := range docs {
		l0 := byDoc[k][0]
		path, ok := src[l0.source]
		if !ok {
			return nil, fmt.Errorf("no -src for source %s", l0.source)
		}
		if sources[l0.source] == nil {
			arts, err := loadSource(path)
			if err != nil {
				return nil, fmt.Errorf("source %s: %w", l0.source, err)
			}
			sources[l0.source] = arts
		}
		a, ok := sources[l0.source][l0.doc]
		if !ok {
			return nil, fmt.Errorf("source %s has no article %s", l0.source, l0.doc)
		}
		grp := l0.source + "/" + a.group
		d := x.Analyze(a.text)
		for _, l := range byDoc[k] {
			t := d.TokenAt(l.start)
			r := -1
			if t >= 0 {
				r = d.RefAt(t)
			}
			if r < 0 || d.Tokens[d.Refs[r].Tok0].Start != l.start || d.Refs[r].Kind != l.kind {
				missing++
				continue
			}
			c := refCase{doc: grp, kind: d.RefModel(r), cands: x.RefCandidates(d, r), weight: 1}
			if *showErrors {
				ref := d.Refs[r]
				sen := d.Sentences[ref.Sent]
				c.ctx = d.Span(sen.Start, d.Tokens[ref.Tok0].Start) + "[[" + d.Span(d.Tokens[ref.Tok0].Start, d.Tokens[ref.Tok1-1].End) + "]]" + d.Span(d.Tokens[ref.Tok1-1].End, sen.End)
				for _, cd := range c.cands {
					c.names = append(c.names, d.Persons[cd.Person].Name)
				}
			}
			want := map[int]bool{}
			for _, a := range l.ante {
				if t := d.TokenAt(a[0]); t >= 0 && d.Tokens[t].Ment >= 0 {
					if p := d.Mentions[d.Tokens[t].Ment].Person; p >= 0 {
						want[p] = true
					}
				}
			}
			c.gold = make([]bool, len(c.cands))
			for i, cd := range c.cands {
				c.gold[i] = want[cd.Person]
			}
			if d.Refs[r].Kind == extract.RefPlural {
				cands := c.cands
				c.sets = func(p []float64) []extract.RefSet { return x.PluralSets(d, r, cands, p) }
			}
			if len(c.cands) > 0 {
				out = append(out, c)
			}
		}
	}
	if missing > 0 {
		fmt.Fprintf(os.Stderr, "train-coref: %d labelled refs not found by the extractor (skipped)\n", missing)
	}
	return out, nil
}

// article is the text of one labelled article and the group it is held
// out with (windows of one story share a group).
type article struct{ text, group string }

// loadSource reads the articles of a source: a directory of ID.txt files
// (conll.py text output) or RAMS jsonlines files (comma-separated), whose
// windows are rendered one sentence a line, tokens joined by spaces, and
// grouped by their story's address.
func loadSource(path string) (map[string]article, error) {
	out := map[string]article{}
	if !strings.HasSuffix(path, ".jsonlines") {
		fs, err := filepath.Glob(filepath.Join(path, "*.txt"))
		if err != nil {
			return nil, err
		}
		for _, f := range fs {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			id := strings.TrimSuffix(filepath.Base(f), ".txt")
			out[id] = article{string(b), id}
		}
		return out, nil
	}
	for _, f := range strings.Split(path, ",") {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		for _, l := range strings.Split(string(b), "\n") {
			if strings.TrimSpace(l) == "" {
				continue
			}
			var w struct {
				DocKey    string     `json:"doc_key"`
				SourceURL string     `json:"source_url"`
				Sentences [][]string `json:"sentences"`
			}
			if err := json.Unmarshal([]byte(l), &w); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			var sb strings.Builder
			for _, s := range w.Sentences {
				sb.WriteString(strings.Join(s, " "))
				sb.WriteString("\n")
			}
			out[w.DocKey] = article{sb.String(), w.SourceURL}
		}
	}
	return out, nil
}

// gapCase is one GAP row: a pronoun and names A and B.
type gapCase struct {
	refCase
	aCoref, bCoref bool
	aIdx, bIdx     int // candidate index of A's and B's person, -1 if not a candidate
	train          refCase
}

func loadGAP(x *extract.Extractor, path string) ([]gapCase, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var out []gapCase
	skipped := 0
	for i, l := range strings.Split(string(b), "\n") {
		if i == 0 || l == "" {
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) < 11 {
			continue
		}
		text := c[1]
		po, _ := strconv.Atoi(c[3])
		ao, _ := strconv.Atoi(c[5])
		bo, _ := strconv.Atoi(c[8])
		d := x.Analyze(text)
		// GAP offsets count characters (code points), as Doc offsets do
		t := d.TokenAt(po)
		if t < 0 || d.RefAt(t) < 0 {
			skipped++
			continue
		}
		r := d.RefAt(t)
		personAt := func(off, n int) int {
			for k := off; k < off+n; k++ {
				if t := d.TokenAt(k); t >= 0 && d.Tokens[t].Ment >= 0 {
					if p := d.Mentions[d.Tokens[t].Ment].Person; p >= 0 {
						return p
					}
				}
			}
			return -1
		}
		pa := personAt(ao, len([]rune(c[4])))
		pb := personAt(bo, len([]rune(c[7])))
		g := gapCase{refCase: refCase{doc: c[0], kind: extract.RefPronoun, cands: x.RefCandidates(d, r), weight: 0.5},
			aCoref: c[6] == "TRUE", bCoref: c[9] == "TRUE", aIdx: -1, bIdx: -1}
		g.gold = make([]bool, len(g.cands))
		for j, cd := range g.cands {
			if cd.Person == pa && pa >= 0 {
				g.aIdx = j
			}
			if cd.Person == pb && pb >= 0 {
				g.bIdx = j
			}
		}
		if pa == pb {
			g.aIdx, g.bIdx = -1, -1 // the extractor merged A and B
		}
		// "neither": the antecedent may be another person, so only A and B
		// are known negatives
		if !g.aCoref && !g.bCoref {
			var cs []extract.RefCandidate
			for _, j := range []int{g.aIdx, g.bIdx} {
				if j >= 0 {
					cs = append(cs, g.cands[j])
				}
			}
			g.train = refCase{doc: g.doc, kind: g.kind, cands: cs, gold: make([]bool, len(cs)), weight: g.weight}
		} else {
			for j := range g.cands {
				g.gold[j] = g.aCoref && j == g.aIdx || g.bCoref && j == g.bIdx
			}
			g.train = g.refCase
		}
		out = append(out, g)
	}
	if skipped > 0 {
		fmt.Fprintf(os.Stderr, "train-coref: %s: %d pronouns not found as refs\n", filepath.Base(path), skipped)
	}
	return out, nil
}

// gapReport scores the pronoun model on GAP as its paper does: for each
// row, whether the pronoun corefers with name A and with name B.
func gapReport(out io.Writer, m resolver, thr float64, cs []gapCase) {
	if m.m == nil {
		return
	}
	for pass, t := range []float64{thr, 0, thr, 0} {
		var tp, fp, fn, n int
		for _, g := range cs {
			if pass >= 2 && (g.aCoref && g.aIdx < 0 || g.bCoref && g.bIdx < 0) {
				continue // the extractor missed the antecedent (or it comes later)
			}
			n++
			pred := decide(m, t, g.refCase, extract.RefPronoun)
			pa := len(pred) == 1 && pred[0] == g.aIdx
			pb := len(pred) == 1 && pred[0] == g.bIdx
			for _, x := range [][2]bool{{pa, g.aCoref}, {pb, g.bCoref}} {
				switch {
				case x[0] && x[1]:
					tp++
				case x[0]:
					fp++
				case x[1]:
					fn++
				}
			}
		}
		p := float64(tp) / float64(max(tp+fp, 1))
		r := float64(tp) / float64(max(tp+fn, 1))
		f := 0.0
		if p+r > 0 {
			f = 2 * p * r / (p + r)
		}
		what := "all rows"
		if pass >= 2 {
			what = "rows whose antecedent the extractor found before the pronoun"
		}
		fmt.Fprintf(out, "GAP test, %s (%d) at threshold %.2f: P %.3f  R %.3f  F1 %.3f\n", what, n, t, p, r, f)
	}
}

// listRefs prints, for each article, its text with persons and refs marked
// and a line per ref to label: "doc ref-start ref-end kind text" and the
// candidates as "P<n>=start:end Name" (their latest mention before it).
func listRefs(x *extract.Extractor, dir string, ids []string, out io.Writer) error {
	if len(ids) == 0 {
		fs, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, f := range fs {
			ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".txt"))
		}
	}
	for _, id := range ids {
		b, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if err != nil {
			return err
		}
		d := x.Analyze(string(b))
		if len(d.Refs) == 0 || len(d.Persons) == 0 {
			continue
		}
		fmt.Fprintf(out, "=== %s\n", id)
		var sb strings.Builder
		for si, s := range d.Sentences {
			fmt.Fprintf(&sb, "[%d] ", si)
			for t := s.Tok0; t < s.Tok1; t++ {
				tok := d.Tokens[t]
				if r := d.RefAt(t); r >= 0 && d.Refs[r].Tok0 == t {
					fmt.Fprintf(&sb, "<r%d ", r)
				}
				if m := tok.Ment; m >= 0 && d.Mentions[m].Tok0 == t && d.Mentions[m].Person >= 0 {
					fmt.Fprintf(&sb, "{P%d ", d.Mentions[m].Person)
				}
				sb.WriteString(tok.Text)
				if m := tok.Ment; m >= 0 && d.Mentions[m].Tok1 == t+1 && d.Mentions[m].Person >= 0 {
					sb.WriteString("}")
				}
				if r := d.RefAt(t); r >= 0 && d.Refs[r].Tok1 == t+1 {
					sb.WriteString(">")
				}
				sb.WriteString(" ")
			}
			sb.WriteString("\n")
		}
		fmt.Fprint(out, sb.String())
		for pi, p := range d.Persons {
			fmt.Fprintf(out, "P%d %s | %s | %s\n", pi, p.Name, p.Role, p.Country)
		}
		for r, ref := range d.Refs {
			cs := x.RefCandidates(d, r)
			if len(cs) == 0 {
				continue
			}
			var ps []string
			for _, c := range cs {
				last := -1
				for _, mi := range d.Persons[c.Person].Mentions {
					if d.Mentions[mi].Tok1 <= ref.Tok0 {
						last = mi
					}
				}
				ps = append(ps, fmt.Sprintf("P%d@%d:%d", c.Person, d.Mentions[last].Start, d.Mentions[last].End))
			}
			fmt.Fprintf(out, "r%d\t%s\t%d\t%d\t%s\t%s\t%s\n", r, id, d.Tokens[ref.Tok0].Start, d.Tokens[ref.Tok1-1].End,
				strings.ToLower(d.Span(d.Tokens[ref.Tok0].Start, d.Tokens[ref.Tok1-1].End)), ref.Kind, strings.Join(ps, " "))
		}
	}
	return nil
}

// pickArticles prints the ids of n articles of dir, in a shuffled order
// fixed by seed, that are not excluded, have at most maxChars code points
// and hold a description with a candidate or a plural description with two
// (with pluralOnly: a plural description with two or more persons named in
// its sentence or the two before it).
func pickArticles(x *extract.Extractor, dir string, n int, seed int64, maxChars int, pluralOnly bool, exclude []string, out io.Writer) error {
	skip := map[string]bool{}
	for _, e := range exclude {
		if st, err := os.Stat(e); err == nil && st.IsDir() {
			fs, _ := filepath.Glob(filepath.Join(e, "*"))
			for _, f := range fs {
				b := filepath.Base(f)
				skip[strings.TrimSuffix(b, filepath.Ext(b))] = true
			}
			continue
		}
		b, err := os.ReadFile(e)
		if err != nil {
			return err
		}
		for _, l := range strings.Fields(string(b)) {
			skip[l] = true
		}
	}
	fs, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil {
		return err
	}
	var ids []string
	for _, f := range fs {
		ids = append(ids, strings.TrimSuffix(filepath.Base(f), ".txt"))
	}
	sort.Strings(ids)
	rand.New(rand.NewSource(seed)).Shuffle(len(ids), func(i, j int) { ids[i], ids[j] = ids[j], ids[i] })
	for _, id := range ids {
		if n == 0 {
			break
		}
		if skip[id] {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dir, id+".txt"))
		if err != nil {
			return err
		}
		if utf8.RuneCount(b) > maxChars {
			continue
		}
		d := x.Analyze(string(b))
		ok := false
		for r := range d.Refs {
			k := d.RefModel(r)
			if k != extract.RefDescription && k != extract.RefPlural {
				continue
			}
			if pluralOnly {
				if k == extract.RefPlural && personsNear(d, r) >= 2 {
					ok = true
					break
				}
				continue
			}
			if c := len(x.RefCandidates(d, r)); k == extract.RefDescription && c >= 1 || k == extract.RefPlural && c >= 2 {
				ok = true
				break
			}
		}
		if ok {
			fmt.Fprintln(out, id)
			n--
		}
	}
	return nil
}

// personsNear counts the persons named before ref r in its sentence and the
// two before it.
func personsNear(d *extract.Doc, r int) int {
	ref := d.Refs[r]
	ps := map[int]bool{}
	for si := max(ref.Sent-2, 0); si <= ref.Sent; si++ {
		for _, mi := range d.SentenceMentions(si) {
			if m := d.Mentions[mi]; m.Person >= 0 && m.Tok1 <= ref.Tok0 {
				ps[m.Person] = true
			}
		}
	}
	return len(ps)
}

func gapCoverage(cs []gapCase) string {
	var n, gold, covered int
	for _, g := range cs {
		n++
		if g.aCoref || g.bCoref {
			gold++
			if g.aCoref && g.aIdx >= 0 || g.bCoref && g.bIdx >= 0 {
				covered++
			}
		}
	}
	return fmt.Sprintf("%d rows, %d with A or B the antecedent, %d of those among the candidates", n, gold, covered)
}

package syntax

import (
	"cmp"
	"fmt"
	"io"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// TrainOptions tune Train.
type TrainOptions struct {
	TagEpochs   int     // tagger epochs (the best on Dev is kept)
	ParseEpochs int     // parser epochs (the best on Dev is kept)
	Folds       int     // jackknife folds for the parser's training tags
	Seed        uint64  // shuffling and exploration seed
	MinWeight   float64 // weights smaller in magnitude are dropped
	// Explore is the probability of following the model's own (possibly
	// wrong) transition from the second epoch on (dynamic oracle).
	Explore float64
	// Ensemble is the number of taggers and of parsers trained, each with
	// its own seed, whose weights are averaged: one linear model scoring
	// as the mean of their scores (0 or 1: one of each).
	Ensemble int
	// Lexicon lists the parts of speech of lower-case words (Lex* bits),
	// WordNet's: a feature of the tagger.
	Lexicon map[string]uint8
	Dev     []TreebankSentence
	// Irregular maps "XPOS form" (lower case) to a lemma for forms the
	// training data lacks ("VBD forsook" -> "forsake").
	Irregular map[string]string
	// Verbs are base forms of verbs (WordNet's) against which the regular
	// endings of unseen inflected verbs are tried ("provoked" -> "provoke").
	Verbs []string
	Meta  string // what the model was trained on, for Info
	// TagOnly are further sentences for the tagger alone (forms, UPOS and
	// XPOS; no tree): text of another genre, such as news, whose tags the
	// treebank's classes must already hold. A word's UPOS may list
	// alternatives, "ADP|SCONJ" (tags from a tagset that cannot tell them
	// apart), each with the word's XPOS or its own ("PART|ADP:IN"): the
	// tagger learns the one of them it scores highest.
	TagOnly []TreebankSentence
	Log     io.Writer
}

type tsent struct {
	words []string
	ws    []wordInfo
	gold  []uint16   // tag classes
	pred  []uint16   // jackknifed tag classes
	alt   [][]uint16 // per word: the classes gold may be (nil: gold alone)
	head  []int32    // per position (projectivized for training); head[0] unused
	label []uint8
	ghead []int32 // gold heads as in the treebank
}

// Train learns a tagger, a lemmatiser and a parser from a treebank.
// The result depends only on the data and the options.
func Train(train []TreebankSentence, o TrainOptions) (*Parser, error) {
	logf := func(format string, a ...any) {
		if o.Log != nil {
			fmt.Fprintf(o.Log, format+"\n", a...)
		}
	}
	p := &Parser{meta: o.Meta}
	// tag classes by frequency, labels by name
	cc, lc := map[string]int{}, map[string]int{}
	for _, s := range train {
		for _, w := range s.Words {
			cc[w.UPOS+" "+w.XPOS]++
			lc[w.Deprel]++
		}
	}
	p.classes = sortedKeys(cc)
	slices.SortStableFunc(p.classes, func(a, b string) int { return cmp.Compare(cc[b], cc[a]) })
	p.labels = sortedKeys(lc)
	if len(p.labels) > 64 {
		return nil, fmt.Errorf("%d labels: at most 64", len(p.labels))
	}
	p.acts = actions{nl: len(p.labels), rootLabel: -1, leftOK: make([]bool, len(p.labels)), rightOK: make([]bool, len(p.labels))}
	for i, l := range p.labels {
		if l == "root" {
			p.acts.rootLabel = i
		}
	}
	if p.acts.rootLabel < 0 {
		return nil, fmt.Errorf("no root label in the training data")
	}
	p.finish()
	cls := map[string]int{}
	for i, c := range p.classes {
		cls[c] = i
	}
	lab := map[string]int{}
	for i, l := range p.labels {
		lab[l] = i
	}
	// tagged is the tagger's view of s: its words, their information and
	// gold tag classes; known is false when a tag is none of the classes
	// (a dev sentence's unknown class becomes class 0).
	tagged := func(s TreebankSentence) (t *tsent, known bool) {
		n := len(s.Words)
		t = &tsent{words: make([]string, n), ws: make([]wordInfo, n), gold: make([]uint16, n), pred: make([]uint16, n)}
		known = true
		for i, w := range s.Words {
			c, ok := cls[w.UPOS+" "+w.XPOS]
			if strings.ContainsAny(w.UPOS, "|:") {
				var alt []uint16
				for _, u := range strings.Split(w.UPOS, "|") {
					x := w.XPOS
					if a, b, ok := strings.Cut(u, ":"); ok {
						u, x = a, b
					}
					if k, found := cls[u+" "+x]; found {
						alt = append(alt, uint16(k))
					}
				}
				if ok = len(alt) > 0; ok {
					c = int(alt[0])
				}
				if len(alt) > 1 {
					if t.alt == nil {
						t.alt = make([][]uint16, n)
					}
					t.alt[i] = alt
				}
			}
			known = known && ok
			t.words[i] = w.Form
			infoOf(w.Form, &t.ws[i])
			t.gold[i] = uint16(c)
		}
		markSentence(t.ws)
		return t, known
	}
	prep := func(src []TreebankSentence) []*tsent {
		out := make([]*tsent, 0, len(src))
		for _, s := range src {
			n := len(s.Words)
			t, _ := tagged(s)
			t.head, t.label = make([]int32, n+1), make([]uint8, n+1)
			okTree := true
			for i, w := range s.Words {
				if w.Head < 0 || w.Head > n {
					okTree = false
				}
				t.head[i+1] = int32(w.Head)
				t.label[i+1] = uint8(lab[w.Deprel])
			}
			if !okTree {
				continue
			}
			t.ghead = t.head
			t.head = projectivize(t.head)
			out = append(out, t)
		}
		return out
	}
	tr, dev := prep(train), prep(o.Dev)
	// the tagger also learns from the tag-only sentences
	tagTrain := slices.Clip(tr)
	for _, s := range o.TagOnly {
		if t, known := tagged(s); known && len(s.Words) > 0 {
			tagTrain = append(tagTrain, t)
		}
	}
	extra := tagTrain[len(tr):]
	if len(o.TagOnly) > 0 {
		logf("tagger: %d further sentences of %d (the others hold a tag the treebank lacks)", len(extra), len(o.TagOnly))
	}
	p.amb = ambiguityClasses(tagTrain, len(p.classes))
	p.lex = lexTable(o.Lexicon)
	for _, set := range [][]*tsent{tr, dev, extra} {
		for _, t := range set {
			for i := range t.ws {
				t.ws[i].amb = p.ambOf(t.ws[i].lw)
				t.ws[i].lex = p.lexOf(t.ws[i].lower, t.ws[i].lw)
			}
		}
	}
	for _, t := range tr {
		roots := 0
		for d := 1; d < len(t.head); d++ {
			if t.head[d] == 0 {
				roots++
			}
			if int(t.head[d]) < d {
				p.acts.rightOK[t.label[d]] = true
			} else {
				p.acts.leftOK[t.label[d]] = true
			}
		}
		// training sentences with several roots make a multi-rooted parser
		p.acts.multiRoot = p.acts.multiRoot || roots > 1
	}
	logf("train: %d sentences, dev: %d; %d tag classes, %d labels; multi-rooted %v", len(tr), len(dev), len(p.classes), len(p.labels), p.acts.multiRoot)

	// taggers on everything, then jackknifed tags for the parser from
	// folds of the first one's epochs
	members := max(o.Ensemble, 1)
	// the members and folds are independent: two at a time
	var wg sync.WaitGroup
	sem := make(chan struct{}, 2)
	run := func(n int, f func(k int)) {
		for k := range n {
			wg.Add(1)
			sem <- struct{}{}
			go func() {
				defer wg.Done()
				defer func() { <-sem }()
				f(k)
			}()
		}
		wg.Wait()
	}
	// ensemble trains the taggers on everything
	ensemble := func() (*linear, int, error) {
		taggers, tagEpochs := make([]*linear, members), make([]int, members)
		run(members, func(k int) {
			lf := logf
			if k > 0 {
				lf = nil
			}
			taggers[k], tagEpochs[k] = trainTagger(tagTrain, len(p.classes), o.TagEpochs, memberSeed(o.Seed, k), dev, o.MinWeight, lf)
		})
		tagger, err := averageLinear(taggers, o.MinWeight)
		if err != nil {
			return nil, 0, err
		}
		if members > 1 && len(dev) > 0 {
			for k, m := range taggers {
				logf("tagger %d: %d epochs; dev accuracy %.4f", k, tagEpochs[k], tagAccuracy(m, dev))
			}
			logf("tagger ensemble: dev accuracy %.4f (%d features)", tagAccuracy(tagger, dev), tagger.features())
		}
		return tagger, tagEpochs[0], nil
	}
	// jackknife tags the words of every fold of tagTrain with a tagger
	// trained on the other folds
	folds := max(o.Folds, 2)
	jackknife := func(epochs int) {
		accs := make([]float64, folds)
		run(folds, func(k int) {
			var in, out []*tsent
			for i, t := range tagTrain {
				if i%folds == k {
					out = append(out, t)
				} else {
					in = append(in, t)
				}
			}
			m, _ := trainTagger(in, len(p.classes), epochs, o.Seed, nil, o.MinWeight, nil)
			right, total := 0, 0
			for _, t := range out {
				tagWith(m, t, t.pred)
				for i := range t.pred {
					if t.pred[i] == t.gold[i] {
						right++
					}
					total++
				}
			}
			accs[k] = float64(right) / float64(max(total, 1))
		})
		logf("jackknife: tag accuracy per fold %.4f", accs)
	}
	tagger, epochs, err := ensemble()
	if err != nil {
		return nil, err
	}
	p.tagger = tagger
	jackknife(epochs)
	for _, t := range dev {
		tagWith(p.tagger, t, t.pred)
	}
	p.lem = trainLemmatizer(train, cls, o.Irregular, o.Verbs)
	parsers, errs := make([]*linear, members), make([]error, members)
	run(members, func(k int) {
		lf := logf
		if k > 0 {
			lf = func(format string, a ...any) { logf(fmt.Sprintf("[%d] ", k)+format, a...) }
		}
		parsers[k], errs[k] = trainParser(p, tr, dev, o, memberSeed(o.Seed, k), lf)
	})
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	if p.parser, err = averageLinear(parsers, o.MinWeight); err != nil {
		return nil, err
	}
	if members > 1 && len(dev) > 0 {
		uas, las := evalParser(p, p.parser, dev)
		logf("parser ensemble of %d: dev (gold words, predicted tags) UAS %.4f LAS %.4f; %d features", members, uas, las, p.parser.features())
	}
	return p, nil
}

// memberSeed is the seed of ensemble member k (member 0: seed itself).
func memberSeed(seed uint64, k int) uint64 { return seed + uint64(k)*7919 }

// tagAccuracy is the share of dev's words m tags with their gold class.
func tagAccuracy(m *linear, dev []*tsent) float64 {
	right, total := 0, 0
	var out []uint16
	for _, t := range dev {
		out = slices.Grow(out[:0], len(t.ws))[:len(t.ws)]
		tagWith(m, t, out)
		for i := range out {
			if out[i] == t.gold[i] {
				right++
			}
			total++
		}
	}
	return float64(right) / float64(max(total, 1))
}

// averageLinear returns the model whose weights are the means of ms's
// (a weight a model lacks counts as 0), keeping those at least minWeight
// in magnitude: its scores are the means of theirs.
func averageLinear(ms []*linear, minWeight float64) (*linear, error) {
	if len(ms) == 1 {
		return ms[0], nil
	}
	sum := map[uint32][]float64{}
	var buf [256]uint32
	for _, m := range ms {
		for _, s := range m.slots {
			if s.ref == 0 {
				continue
			}
			w := sum[s.key]
			if w == nil {
				w = make([]float64, m.nclass)
				sum[s.key] = w
			}
			for _, e := range m.weights(s, &buf) {
				w[e>>16] += float64(int16(e)) * float64(m.scale)
			}
		}
	}
	keys := slices.Sorted(maps.Keys(sum))
	maxAbs := 0.0
	for _, k := range keys {
		w := sum[k]
		for c := range w {
			w[c] /= float64(len(ms))
			maxAbs = max(maxAbs, math.Abs(w[c]))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var rows []row
	for _, k := range keys {
		r := row{key: k}
		for c, w := range sum[k] {
			if q := int16(math.Round(w / scale)); q != 0 && math.Abs(w) >= minWeight {
				r.ents = append(r.ents, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		if len(r.ents) > 0 {
			rows = append(rows, r)
		}
	}
	return newLinear(ms[0].nclass, float32(scale), rows)
}

// tagWith tags t into out with m.
func tagWith(m *linear, t *tsent, out []uint16) {
	acc := make([]int32, 256)
	tagSentence(m, t.ws, out, nil, acc[:m.nclass:256])
}

func trainTagger(tr []*tsent, ncls, epochs int, seed uint64, dev []*tsent, minWeight float64, logf func(string, ...any)) (*linear, int) {
	m := newSparse(ncls)
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	scores := make([]float32, ncls)
	var feats []uint32
	var best *linear
	bestAcc, bestEp := -1.0, epochs
	for ep := 1; ep <= epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, si := range order {
			t := tr[si]
			p1, p2 := uint32(vNone), uint32(vNone)
			for i := range t.ws {
				feats = tagFeatures(feats[:0], t.ws, i, p1, p2)
				clear(scores)
				m.score(scores, feats)
				pred := 0
				for c := 1; c < ncls; c++ {
					if scores[c] > scores[pred] {
						pred = c
					}
				}
				g := int(t.gold[i])
				if t.alt != nil && t.alt[i] != nil {
					// the alternative scored highest is gold
					for _, a := range t.alt[i] {
						if scores[a] > scores[g] {
							g = int(a)
						}
					}
				}
				if pred != g {
					m.update(feats, g, 1)
					m.update(feats, pred, -1)
				}
				m.tick()
				p2, p1 = p1, tagClassValue(pred)
			}
		}
		if len(dev) == 0 {
			continue
		}
		lm, err := m.averaged(minWeight)
		if err != nil {
			continue
		}
		acc := tagAccuracy(lm, dev)
		if logf != nil {
			logf("tagger epoch %d: dev accuracy %.4f (%d features)", ep, acc, lm.features())
		}
		if acc > bestAcc {
			best, bestAcc, bestEp = lm, acc, ep
		}
	}
	if best == nil {
		lm, _ := m.averaged(minWeight)
		return lm, epochs
	}
	return best, bestEp
}

func trainLemmatizer(train []TreebankSentence, cls map[string]int, irregular map[string]string, verbs []string) lemmatizer {
	type key struct {
		lower string
		class int
	}
	lemmas := map[key]map[string]int{}
	forms := map[key]map[string]int{}
	suff := map[int]map[string]map[string]int{} // class -> ending -> edit -> count
	for _, s := range train {
		for _, w := range s.Words {
			c := cls[w.UPOS+" "+w.XPOS]
			lower := strings.ToLower(w.Form)
			k := key{lower, c}
			if lemmas[k] == nil {
				lemmas[k], forms[k] = map[string]int{}, map[string]int{}
			}
			lemmas[k][w.Lemma]++
			forms[k][w.Form]++
			e := editOf(w.Form, w.Lemma).String()
			if suff[c] == nil {
				suff[c] = map[string]map[string]int{}
			}
			end := len(lower)
			n := utf8.RuneCountInString(lower)
			for j := 0; j <= maxSuffix && j <= n; j++ {
				if j > 0 {
					_, sz := utf8.DecodeLastRuneInString(lower[:end])
					end -= sz
				}
				m := suff[c][lower[end:]]
				if m == nil {
					m = map[string]int{}
					suff[c][lower[end:]] = m
				}
				m[e]++
			}
		}
	}
	argmax := func(m map[string]int) (string, int) {
		best, bn, total := "", -1, 0
		for _, k := range sortedKeys(m) {
			total += m[k]
			if m[k] > bn {
				best, bn = k, m[k]
			}
		}
		return best, total
	}
	l := lemmatizer{lex: map[string]string{}, rules: make([]map[string]edit, len(cls)), verbs: map[string]bool{}}
	for _, v := range verbs {
		l.verbs[v] = true
	}
	l.verbClass = verbClasses(cls) // nameClass is set on load (finish): rules are learned without it
	for c := range l.rules {
		// the best edit of every ending seen twice, kept only where it
		// differs from the edit of the next shorter ending that is kept
		best := map[string]string{}
		for ending, m := range suff[c] {
			if e, total := argmax(m); total >= 3 || ending == "" {
				best[ending] = e
			}
		}
		l.rules[c] = map[string]edit{}
		for ending, e := range best {
			parent := ""
			// walk from the next shorter ending down to the empty one
			s := ending
			for s != "" {
				_, sz := utf8.DecodeRuneInString(s)
				s = s[sz:]
				if pe, ok := best[s]; ok {
					parent = pe
					break
				}
			}
			if ending != "" && e == parent {
				continue
			}
			if ed, ok := parseEdit(e); ok {
				l.rules[c][ending] = ed
			}
		}
	}
	for k, m := range lemmas {
		best, _ := argmax(m)
		for form := range forms[k] {
			if l.lemma(form, k.lower, k.class) != best {
				l.lex[lexKey(k.lower, k.class)] = best
				break
			}
		}
	}
	// irregular forms the treebank lacks
	byX := map[string][]int{}
	for c, i := range cls {
		_, x, _ := strings.Cut(c, " ")
		byX[x] = append(byX[x], i)
	}
	for _, k := range sortedKeys(irregular) {
		x, form, _ := strings.Cut(k, " ")
		for _, c := range byX[x] {
			if _, seen := lemmas[key{form, c}]; seen {
				continue
			}
			if lem := irregular[k]; l.lemma(form, form, c) != lem {
				l.lex[lexKey(form, c)] = lem
			}
		}
	}
	return l
}

func trainParser(p *Parser, tr, dev []*tsent, o TrainOptions, seed uint64, logf func(string, ...any)) (*linear, error) {
	acts := &p.acts
	na := acts.n()
	m := newSparse(na)
	order := make([]int, len(tr))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(seed+1, seed^0x51afd7ed558ccd))
	scores := make([]float32, na)
	ok := make([]bool, na)
	cost := make([]int, na)
	var feats []uint32
	var st pstate
	var ctx pctx
	var best *linear
	bestLAS := -1.0
	for ep := 1; ep <= o.ParseEpochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		wrong, steps := 0, 0
		for _, si := range order {
			t := tr[si]
			n := len(t.ws)
			fillCtx(&ctx, t.ws, t.pred, p.punct)
			or := newOracle(t.head, t.label)
			st.reset(n)
			for !st.done() {
				feats = parseFeatures(feats[:0], &st, &ctx)
				clear(scores)
				m.score(scores, feats)
				acts.valid(&st, ok)
				or.costs(acts, &st, ok, cost)
				pred, gold, minCost := -1, -1, 1<<30
				for a := 0; a < na; a++ {
					if ok[a] && cost[a] < minCost {
						minCost = cost[a]
					}
				}
				for a := 0; a < na; a++ {
					if !ok[a] {
						continue
					}
					if pred < 0 || scores[a] > scores[pred] {
						pred = a
					}
					if cost[a] == minCost && (gold < 0 || scores[a] > scores[gold]) {
						gold = a
					}
				}
				if cost[pred] > minCost {
					m.update(feats, gold, 1)
					m.update(feats, pred, -1)
					wrong++
				}
				steps++
				m.tick()
				next := gold
				if ep > 1 && rng.Float64() < o.Explore {
					next = pred
				}
				acts.apply(&st, next)
			}
		}
		lm, err := m.averaged(o.MinWeight)
		if err != nil {
			return nil, err
		}
		if len(dev) == 0 {
			best = lm
			logf("parser epoch %d: %.4f of transitions wrong", ep, float64(wrong)/float64(steps))
			continue
		}
		uas, las := evalParser(p, lm, dev)
		logf("parser epoch %d: %.4f of transitions wrong; dev (gold words, predicted tags) UAS %.4f LAS %.4f; %d features",
			ep, float64(wrong)/float64(steps), uas, las, lm.features())
		if las > bestLAS {
			best, bestLAS = lm, las
		}
	}
	return best, nil
}

// evalParser returns UAS and LAS of p with parser model m on sentences
// tagged with pred.
func evalParser(p *Parser, m *linear, dev []*tsent) (uas, las float64) {
	sc := &scratch{}
	p = &Parser{acts: p.acts, punct: p.punct, parser: m}
	right, rightL, total := 0, 0, 0
	for _, t := range dev {
		n := len(t.ws)
		sc.ws, sc.cls = t.ws, t.pred
		if len(sc.acc) < 256 {
			sc.acc = make([]int32, 256)
		}
		p.parse(sc, n)
		for d := 1; d <= n; d++ {
			total++
			if sc.st.head[d] == t.ghead[d] {
				right++
				if sc.st.label[d] == t.label[d] {
					rightL++
				}
			}
		}
	}
	return float64(right) / float64(max(total, 1)), float64(rightL) / float64(max(total, 1))
}

// ambiguityClasses returns, for each word seen at least twice in
// training, a hash of the set of tag classes it takes in at least a
// twentieth of its occurrences.
func ambiguityClasses(tr []*tsent, ncls int) map[uint32]uint32 {
	counts := map[uint32][]int32{}
	for _, t := range tr {
		for i, w := range t.ws {
			c := counts[w.lw]
			if c == nil {
				c = make([]int32, ncls)
				counts[w.lw] = c
			}
			c[t.gold[i]]++
		}
	}
	out := make(map[uint32]uint32, len(counts))
	for w, c := range counts {
		total := int32(0)
		for _, n := range c {
			total += n
		}
		if total < 2 {
			continue
		}
		h := uint32(0x2545f491)
		for cls, n := range c {
			if n*20 >= total {
				h = mix(h, uint32(cls)+1)
			}
		}
		h = fmix(h)
		if h < 16 {
			h += 16
		}
		out[w] = h
	}
	return out
}

// nameClasses marks the tag class of singular proper nouns (PROPN NNP),
// whose lemma is the form, by class index.
func nameClasses(cls map[string]int) []bool {
	out := make([]bool, len(cls))
	if i, ok := cls["PROPN NNP"]; ok {
		out[i] = true
	}
	return out
}

// verbClasses marks the tag classes of inflected verbs (VBD, VBN, VBG,
// VBZ), by class index.
func verbClasses(cls map[string]int) []bool {
	out := make([]bool, len(cls))
	for c, i := range cls {
		_, x, _ := strings.Cut(c, " ")
		switch x {
		case "VBD", "VBN", "VBG", "VBZ":
			out[i] = true
		}
	}
	return out
}

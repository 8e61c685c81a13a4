package syntax

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"
)

// Word is one syntactic word of a parsed sentence, as in a CoNLL-U line.
type Word struct {
	Form   string
	Lemma  string
	UPOS   string // universal part of speech (UD v2): NOUN, VERB, AUX, ...
	XPOS   string // Penn Treebank tag: NN, VBD, VBN, MD, ...
	Head   int    // 0 for the root, else the 1-based index of the head word
	Deprel string // UD v2 relation with its subtype: nsubj, nsubj:pass, obl:unmarked, ...
	// Tok is the index of the extractor token the word comes from (several
	// words may share one token, "don't"; one word may span several
	// tokens, "1,000") and Start, End its code point offsets in the
	// document, End exclusive. extract.Extractor.Parse sets them; Parse
	// sets Tok to -1 and Start, End to 0.
	Tok        int
	Start, End int
}

// Sentence is a parsed sentence: Words[i] is word i+1 of CoNLL-U.
type Sentence struct {
	Words []Word
}

// HeadIndex returns the 0-based index of the head of word i, or -1 for
// the root.
func (s *Sentence) HeadIndex(i int) int { return s.Words[i].Head - 1 }

// Children returns the 0-based indexes of the dependents of word i in
// text order (i = -1: the roots).
func (s *Sentence) Children(i int) []int {
	var out []int
	for j := range s.Words {
		if s.Words[j].Head == i+1 {
			out = append(out, j)
		}
	}
	return out
}

// Root returns the 0-based index of the (first) root word, or -1 for an
// empty sentence. A sentence of the extractor may hold several of the
// treebank's, each with its root: see Spans.
func (s *Sentence) Root() int {
	for i, w := range s.Words {
		if w.Head == 0 {
			return i
		}
	}
	return -1
}

// Spans returns the sentences the parse holds as [start, end) word
// ranges: cut wherever no arc crosses, one span per root. A parse with a
// single root is one span.
func (s *Sentence) Spans() [][2]int {
	n := len(s.Words)
	if n == 0 {
		return nil
	}
	// open[k]: arcs crossing the cut after word k (0-based), by a difference array
	open := make([]int, n+1)
	for d, w := range s.Words {
		if h := w.Head - 1; h >= 0 && h < n && h != d {
			open[min(d, h)]++
			open[max(d, h)]--
		}
	}
	var out [][2]int
	start, crossing := 0, 0
	for k := 0; k < n; k++ {
		crossing += open[k]
		if crossing == 0 || k == n-1 {
			out = append(out, [2]int{start, k + 1})
			start = k + 1
		}
	}
	return out
}

// Parser tags, lemmatises and parses sentences given as words. It is
// read-only after loading and safe for concurrent use.
type Parser struct {
	classes    []string // tag classes "UPOS XPOS"
	upos, xpos []string
	tagger     *linear
	parser     *linear
	acts       actions
	labels     []string
	lem        lemmatizer
	punct      []bool // per class: punctuation (PUNCT)
	meta       string
	amb        map[uint32]uint32 // lower-case word hash -> ambiguity class
	lex        map[uint32]uint8  // lower-case word hash -> lexicon bits (Lex*)
	pool       sync.Pool
}

const ambUnknown = 3

func (p *Parser) ambOf(lw uint32) uint32 {
	if a, ok := p.amb[lw]; ok {
		return a
	}
	return ambUnknown
}

//go:embed data/syntax.model.gz
var embedded []byte

var loadOnce = sync.OnceValues(func() (*Parser, error) { return LoadModel(embedded) })

// Load returns the parser of the embedded model, loading it on first use;
// every call returns the same *Parser.
func Load() (*Parser, error) { return loadOnce() }

// Info says what the model was trained on and its size (classes, labels,
// features).
func (p *Parser) Info() string {
	tf, tw := p.tagger.size()
	pf, pw := p.parser.size()
	return fmt.Sprintf("%s; %d tag classes, %d labels; tagger %d features, %d weights; parser %d features, %d weights; %d lemma rules and exceptions; %d words with WordNet's parts of speech",
		p.meta, len(p.classes), len(p.labels), tf, tw, pf, pw, p.lem.size(), len(p.lex))
}

// Labels returns the dependency relations the parser can give.
func (p *Parser) Labels() []string { return append([]string(nil), p.labels...) }

type scratch struct {
	ws    []wordInfo
	cls   []uint16
	feats []uint32
	acc   []int32
	ok    []bool
	st    pstate
	ctx   pctx
}

func (p *Parser) getScratch() *scratch {
	if s, ok := p.pool.Get().(*scratch); ok {
		return s
	}
	return &scratch{}
}

// Parse tags, lemmatises and parses one sentence given as words.
func (p *Parser) Parse(words []string) *Sentence {
	s := &Sentence{}
	p.ParseInto(s, words)
	return s
}

// ParseInto is Parse writing into dst, reusing its Words.
func (p *Parser) ParseInto(dst *Sentence, words []string) {
	p.ParseIntoIf(dst, words, nil)
}

// ParseIntoIf is ParseInto that stops after tagging and lemmatising
// unless need, given dst tagged and lemmatised (every Head 0, every Deprel
// ""), says that the tree is needed: tagging costs a fraction of parsing.
// It reports whether it parsed; a nil need always parses.
func (p *Parser) ParseIntoIf(dst *Sentence, words []string, need func(*Sentence) bool) bool {
	n := len(words)
	if cap(dst.Words) < n {
		dst.Words = make([]Word, n)
	}
	dst.Words = dst.Words[:n]
	if n == 0 {
		return true
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	p.tag(sc, words)
	for i, w := range words {
		c := int(sc.cls[i])
		dst.Words[i] = Word{Form: w, Lemma: p.lem.lemma(w, sc.ws[i].lower, c), UPOS: p.upos[c], XPOS: p.xpos[c], Tok: -1}
	}
	if need != nil && !need(dst) {
		return false
	}
	p.parse(sc, n)
	for i := range dst.Words {
		dst.Words[i].Head = int(sc.st.head[i+1])
		dst.Words[i].Deprel = p.labels[sc.st.label[i+1]]
	}
	return true
}

// Tag returns the UPOS and XPOS tags and the lemmas of words, without
// parsing.
func (p *Parser) Tag(words []string) *Sentence {
	s := &Sentence{Words: make([]Word, len(words))}
	if len(words) == 0 {
		return s
	}
	sc := p.getScratch()
	defer p.pool.Put(sc)
	p.tag(sc, words)
	for i, w := range words {
		c := int(sc.cls[i])
		s.Words[i] = Word{Form: w, Lemma: p.lem.lemma(w, sc.ws[i].lower, c), UPOS: p.upos[c], XPOS: p.xpos[c], Tok: -1}
	}
	return s
}

func (p *Parser) tag(sc *scratch, words []string) {
	n := len(words)
	if cap(sc.ws) < n {
		sc.ws = make([]wordInfo, n)
		sc.cls = make([]uint16, n)
	}
	sc.ws, sc.cls = sc.ws[:n], sc.cls[:n]
	for i, w := range words {
		infoOf(w, &sc.ws[i])
		sc.ws[i].amb = p.ambOf(sc.ws[i].lw)
		sc.ws[i].lex = p.lexOf(sc.ws[i].lower, sc.ws[i].lw)
	}
	markSentence(sc.ws)
	if len(sc.acc) < 256 {
		sc.acc = make([]int32, 256)
	}
	sc.feats = tagSentence(p.tagger, sc.ws, sc.cls, sc.feats, sc.acc[:len(p.classes)])
}

func (p *Parser) parse(sc *scratch, n int) {
	fillCtx(&sc.ctx, sc.ws, sc.cls, p.punct)
	na := p.acts.n()
	if len(sc.ok) < na {
		sc.ok = make([]bool, na)
	}
	ok, acc := sc.ok[:na], sc.acc[:na]
	st := &sc.st
	st.reset(n)
	for !st.done() {
		// a state with one valid action (the stack down to the root with
		// words left: shift; the last word left: attach it to the root)
		// needs no scores
		p.acts.valid(st, ok)
		best, nvalid := -1, 0
		for a := 0; a < na; a++ {
			if ok[a] {
				best = a
				nvalid++
			}
		}
		if nvalid > 1 {
			sc.feats = parseFeatures(sc.feats[:0], st, &sc.ctx)
			clear(acc)
			p.parser.score(acc, sc.feats)
			best = -1
			for a := 0; a < na; a++ {
				if ok[a] && (best < 0 || acc[a] > acc[best]) {
					best = a
				}
			}
		}
		p.acts.apply(st, best)
	}
}

// fillCtx sets the per-position words and tags of the parser.
func fillCtx(c *pctx, ws []wordInfo, cls []uint16, punct []bool) {
	n := len(ws)
	if cap(c.w) < n+1 {
		c.w, c.t, c.shape, c.punct = make([]uint32, n+1), make([]uint32, n+1), make([]uint32, n+1), make([]bool, n+1)
		c.amb, c.suf = make([]uint32, n+1), make([]uint32, n+1)
	}
	c.w, c.t, c.shape, c.punct = c.w[:n+1], c.t[:n+1], c.shape[:n+1], c.punct[:n+1]
	c.amb, c.suf = c.amb[:n+1], c.suf[:n+1]
	c.w[0], c.t[0], c.shape[0], c.punct[0] = vRoot, vRoot, vRoot, false
	c.amb[0], c.suf[0] = vRoot, vRoot
	for i := range ws {
		c.w[i+1] = ws[i].lw
		c.amb[i+1], c.suf[i+1] = ws[i].amb, ws[i].suf[3]
		c.shape[i+1] = ws[i].shape
		c.t[i+1] = tagClassValue(int(cls[i]))
		c.punct[i+1] = punct[cls[i]]
	}
}

const modelMagic = "newsgraph-syntax-1"

// Optional sections of a model file, each after its number.
const secLexicon = 1

// Save writes the model (gzip).
func (p *Parser) Save(w io.Writer) error {
	var b writer
	b.str(modelMagic)
	b.str(p.meta)
	b.strs(p.classes)
	b.strs(p.labels)
	b.uvarint(uint64(p.acts.rootLabel))
	for l := range p.labels {
		v := uint64(0)
		if p.acts.leftOK[l] {
			v |= 1
		}
		if p.acts.rightOK[l] {
			v |= 2
		}
		if l == p.acts.rootLabel && p.acts.multiRoot {
			v |= 4
		}
		b.uvarint(v)
	}
	p.tagger.write(&b)
	p.parser.write(&b)
	// lemmatiser: rules per class, then the lexicon (sorted)
	b.uvarint(uint64(len(p.lem.rules)))
	for _, r := range p.lem.rules {
		keys := sortedKeys(r)
		b.uvarint(uint64(len(keys)))
		for _, k := range keys {
			b.str(k)
			b.str(r[k].String())
		}
	}
	keys := sortedKeys(p.lem.lex)
	b.uvarint(uint64(len(keys)))
	for _, k := range keys {
		b.str(k)
		b.str(p.lem.lex[k])
	}
	writeHashMap(&b, p.amb)
	b.strs(sortedKeys(p.lem.verbs))
	// optional sections, each after its number
	if len(p.lex) > 0 {
		b.uvarint(secLexicon)
		writeHashMap(&b, p.lex)
	}
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(b.b); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// LoadModel reads a model written by Save.
func LoadModel(data []byte) (*Parser, error) {
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("read syntax model: %w", err)
	}
	p, err := decode(newReader(zr))
	if err != nil {
		return nil, fmt.Errorf("read syntax model: %w", err)
	}
	return p, nil
}

func decode(r *reader) (*Parser, error) {
	if m := r.str(); m != modelMagic {
		return nil, fmt.Errorf("not a syntax model")
	}
	p := &Parser{meta: r.str(), classes: r.strs(), labels: r.strs()}
	p.acts = actions{nl: len(p.labels), rootLabel: int(r.uvarint())}
	p.acts.leftOK, p.acts.rightOK = make([]bool, len(p.labels)), make([]bool, len(p.labels))
	for l := range p.labels {
		v := r.uvarint()
		p.acts.leftOK[l], p.acts.rightOK[l] = v&1 != 0, v&2 != 0
		if l == p.acts.rootLabel && v&4 != 0 {
			p.acts.multiRoot = true
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(p.labels) == 0 || len(p.labels) > 64 || p.acts.rootLabel >= len(p.labels) || len(p.classes) == 0 {
		return nil, fmt.Errorf("bad label or class set")
	}
	var err error
	if p.tagger, err = readLinear(r); err != nil {
		return nil, fmt.Errorf("tagger: %w", err)
	}
	if p.parser, err = readLinear(r); err != nil {
		return nil, fmt.Errorf("parser: %w", err)
	}
	if p.tagger.nclass != len(p.classes) || p.parser.nclass != p.acts.n() {
		return nil, fmt.Errorf("class counts do not match")
	}
	nr := r.count()
	if nr != len(p.classes) {
		return nil, fmt.Errorf("lemma rules for %d classes, want %d", nr, len(p.classes))
	}
	p.lem.rules = make([]map[string]edit, nr)
	for c := range p.lem.rules {
		n := r.count()
		m := make(map[string]edit, min(n, 1<<16))
		for i := 0; i < n; i++ {
			k := r.str()
			e, ok := parseEdit(r.str())
			if !ok && r.err == nil {
				return nil, fmt.Errorf("bad lemma rule")
			}
			m[k] = e
		}
		p.lem.rules[c] = m
	}
	n := r.count()
	p.lem.lex = make(map[string]string, min(n, 1<<16))
	for i := 0; i < n; i++ {
		k := r.str()
		p.lem.lex[k] = r.str()
	}
	p.amb = readHashMap[uint32](r, 1<<16)
	// the verbs of the lemmatiser (absent from older models)
	if r.more() {
		verbs := r.strs()
		p.lem.verbs = make(map[string]bool, len(verbs))
		for _, v := range verbs {
			p.lem.verbs[v] = true
		}
	}
	// optional sections (absent from older models)
	for r.more() {
		switch sec := r.uvarint(); sec {
		case secLexicon:
			p.lex = readHashMap[uint8](r, 1<<18)
		default:
			return nil, fmt.Errorf("unknown section %d", sec)
		}
		if r.err != nil {
			return nil, r.err
		}
	}
	if r.err != nil {
		return nil, r.err
	}
	p.finish()
	return p, nil
}

// finish derives the per-class tables from the class names.
func (p *Parser) finish() {
	p.upos, p.xpos, p.punct = make([]string, len(p.classes)), make([]string, len(p.classes)), make([]bool, len(p.classes))
	cls := make(map[string]int, len(p.classes))
	for i, c := range p.classes {
		cls[c] = i
	}
	p.lem.verbClass, p.lem.nameClass = verbClasses(cls), nameClasses(cls)
	for i, c := range p.classes {
		u, x, _ := strings.Cut(c, " ")
		p.upos[i], p.xpos[i] = u, x
		p.punct[i] = u == "PUNCT"
	}
}

// Pruned returns a copy of p without the tagger and parser weights
// smaller in magnitude than min (in perceptron updates): a smaller,
// faster and slightly less accurate model.
func (p *Parser) Pruned(min float64) (*Parser, error) {
	q := &Parser{classes: p.classes, upos: p.upos, xpos: p.xpos, acts: p.acts, labels: p.labels, lem: p.lem, punct: p.punct, meta: p.meta, amb: p.amb, lex: p.lex}
	var err error
	if q.tagger, err = p.tagger.pruned(min); err != nil {
		return nil, err
	}
	if q.parser, err = p.parser.pruned(min); err != nil {
		return nil, err
	}
	return q, nil
}

// writeHashMap writes a map from word hashes to small values: its size,
// then each hash (as the gap from the previous, in order) and its value.
// readHashMap reads what writeHashMap wrote, presizing the map for at
// most hint entries.
func readHashMap[V uint8 | uint32](r *reader, hint int) map[uint32]V {
	n := r.count()
	m := make(map[uint32]V, min(n, hint))
	w := uint32(0)
	for i := 0; i < n; i++ {
		w += uint32(r.uvarint())
		m[w] = V(r.uvarint())
	}
	return m
}

func writeHashMap[V uint8 | uint32](b *writer, m map[uint32]V) {
	ws := make([]uint32, 0, len(m))
	for w := range m {
		ws = append(ws, w)
	}
	slices.Sort(ws)
	b.uvarint(uint64(len(ws)))
	prev := uint32(0)
	for _, w := range ws {
		b.uvarint(uint64(w - prev))
		b.uvarint(uint64(m[w]))
		prev = w
	}
}

// Package ner is a named-entity tagger: an averaged structured perceptron
// over BIO tags (B-PER, I-PER, ... O) with first-order Viterbi decoding.
// Features are the word, its lower-case form, shape, prefixes and
// suffixes, the words and shapes around it, gazetteer flags supplied by the
// caller, and document-level case evidence. An optional second stage
// (Model.Next, used by TagDoc) adds features saying how the first stage
// tagged the same word elsewhere in the document; it is trained on
// jackknifed first-stage tags. scripts/train-ner trains both on CoNLL-2003
// (deterministically: same data and seed, same bytes); extract loads the
// result once.
package ner

import (
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"sync"

	"github.com/newsgraph/newsgraph/internal/hugepages"
)

// Tags in model order.
var Tags = []string{"O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC"}

// NT is the number of tags.
const NT = 9

// Gazetteer flags of a token, set by the caller.
const (
	GivenName uint16 = 1 << iota
	Surname
	CountryName
	Demonym
	Place
	Title
	OrgWord
	FunctionWord
	Calendar
	InMultiPlace // inside a multi-word place or country name
)

// Doc-level flags of a token.
const (
	// DocCap: the word appears capitalised elsewhere in the document, not at
	// a sentence start and not in an all-caps sentence.
	DocCap uint8 = 1 << iota
	// DocLower: the word appears in lower case elsewhere in the document.
	DocLower
	// CapsSentence: the token's sentence has no lower-case letters.
	CapsSentence
)

// Sentence is the input to the tagger.
type Sentence struct {
	Words []string
	Gaz   []uint16
	Doc   []uint8
	// Lower, if set, holds the lower-case words (saves recomputing them):
	// Lower[i] is strings.ToLower(Words[i]).
	Lower []string
	// docf are the second stage's document features of each word (see
	// WithDocFeatures); nil for the first stage.
	docf [][]uint32
}

// Model is a trained tagger. It is read-only after Load and safe for
// concurrent use.
type Model struct {
	index *table    // feature hash -> row
	w     []float32 // rows of NT weights
	trans [NT + 1][NT]float32
	// packed holds the loaded (quantized) weights inline with their keys,
	// one cache line per look-up, of both stages (a feature of both is
	// looked up once for both, see TagDoc); nil while training. stage is
	// this model's (0 or 1) and scale the value of its weight units.
	packed *packedTable
	stage  int
	scale  float32
	n      int // features of a loaded model
	// Next is the optional second stage, which sees what the first stage
	// tagged elsewhere in the document (see TagDoc).
	Next *Model
}

// Load reads a model written by Save.
func Load(b []byte) (*Model, error) {
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	r := bytes.NewReader(raw)
	var first, prev *Model
	var stages []block
	for r.Len() > 0 {
		m, b, err := readBlock(r)
		if err != nil {
			return nil, fmt.Errorf("read model: %w", err)
		}
		if first == nil {
			first = m
		} else {
			prev.Next = m
		}
		m.stage = len(stages)
		stages = append(stages, b)
		prev = m
	}
	if first == nil {
		return nil, fmt.Errorf("read model: empty")
	}
	if len(stages) > maxStages {
		return nil, fmt.Errorf("read model: %d stages, at most %d", len(stages), maxStages)
	}
	// the packed table is all a loaded model scores with (it has no
	// float weights or row index: it cannot be trained or saved again)
	t := newPacked(stages)
	for m := first; m != nil; m = m.Next {
		m.packed = t
	}
	return first, nil
}

// block is one stage's features as read: sorted keys and, for each, NT
// quantized weights.
type block struct {
	keys []uint32
	q    []int16
}

func readBlock(r *bytes.Reader) (*Model, block, error) {
	var hdr struct {
		Magic uint32
		N     uint32
		Scale float32
	}
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil || hdr.Magic != 0x4e455231 {
		return nil, block{}, fmt.Errorf("bad header")
	}
	if int(hdr.N) > r.Len() {
		return nil, block{}, fmt.Errorf("truncated")
	}
	m := &Model{}
	if err := binary.Read(r, binary.LittleEndian, &m.trans); err != nil {
		return nil, block{}, err
	}
	keys := make([]uint32, hdr.N)
	if err := binary.Read(r, binary.LittleEndian, keys); err != nil {
		return nil, block{}, err
	}
	q := make([]int16, int(hdr.N)*NT)
	if err := binary.Read(r, binary.LittleEndian, q); err != nil {
		return nil, block{}, err
	}
	var prev uint32
	for i, k := range keys {
		prev += k // delta-coded
		keys[i] = prev
	}
	m.n, m.scale = len(keys), hdr.Scale
	return m, block{keys, q}, nil
}

// Save writes the model, keeping only features whose largest weight is at
// least minWeight in magnitude, weights quantized to 16 bits.
func (m *Model) Save(w io.Writer, minWeight float32) error {
	if m.index == nil {
		return fmt.Errorf("write model: a loaded model cannot be saved again")
	}
	var buf bytes.Buffer
	for b := m; b != nil; b = b.Next {
		b.writeBlock(&buf, minWeight)
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

func (m *Model) writeBlock(buf *bytes.Buffer, minWeight float32) {
	type kv struct {
		k   uint32
		row int32
	}
	var keep []kv
	var maxAbs float32
	for row, k := range m.index.keys() {
		big := false
		for t := 0; t < NT; t++ {
			v := m.w[int(row)*NT+t]
			if v >= minWeight || v <= -minWeight {
				big = true
			}
			if a := float32(math.Abs(float64(v))); a > maxAbs {
				maxAbs = a
			}
		}
		if big {
			keep = append(keep, kv{k, int32(row)})
		}
	}
	slices.SortFunc(keep, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	binary.Write(buf, binary.LittleEndian, struct {
		Magic uint32
		N     uint32
		Scale float32
	}{0x4e455231, uint32(len(keep)), scale})
	binary.Write(buf, binary.LittleEndian, m.trans)
	var prev uint32
	keys := make([]uint32, len(keep))
	for i, e := range keep {
		keys[i] = e.k - prev
		prev = e.k
	}
	binary.Write(buf, binary.LittleEndian, keys)
	q := make([]int16, len(keep)*NT)
	for i, e := range keep {
		for t := 0; t < NT; t++ {
			q[i*NT+t] = int16(math.Round(float64(m.w[int(e.row)*NT+t] / scale)))
		}
	}
	binary.Write(buf, binary.LittleEndian, q)
}

// Features returns the number of features of the model.
func (m *Model) Features() int {
	if m.index == nil {
		return m.n
	}
	return m.index.n
}

// Tag returns the tag index (into Tags) of each word.
func (m *Model) Tag(s Sentence) []int {
	c := newCtx(s)
	hs, off := baseFeatures(s, &c)
	return m.tagHashed(s, hs, off, nil, make([]int, len(s.Words)))
}

// baseFeatures returns the hashed features of every word of s, flat, word
// i's being hs[off[i]:off[i+1]].
func baseFeatures(s Sentence, c *sentCtx) (hs []uint32, off []int) {
	fb := featBuf{h: make([]uint32, 0, len(s.Words)*48)}
	off = make([]int, len(s.Words)+1)
	appendBaseFeatures(&fb, off, s, c)
	return fb.h, off
}

// appendBaseFeatures appends the hashed features of every word of s to
// fb, word i's being fb.h[off[i]:off[i+1]] (off has len(s.Words)+1 slots).
func appendBaseFeatures(fb *featBuf, off []int, s Sentence, c *sentCtx) {
	n := len(s.Words)
	for i := 0; i < n; i++ {
		off[i] = len(fb.h)
		features(fb, s, c, i)
	}
	off[n] = len(fb.h)
}

// scratch holds the buffers of one TagDoc call, reused through a pool.
type scratch struct {
	num    map[string]int32 // countDoc's, kept empty
	words  wordCache
	acc    [][NT]int32
	hs     []uint32
	off    []int
	scores []float32
	back   []int8
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// tagHashed decodes s from its base feature hashes and its document
// features, if any, into out (len(s.Words) slots); sc may be nil.
func (m *Model) tagHashed(s Sentence, hs []uint32, off []int, sc *scratch, out []int) []int {
	n := len(s.Words)
	if n == 0 {
		return out[:0]
	}
	if sc == nil {
		sc = new(scratch)
	}
	if cap(sc.scores) < n*NT {
		sc.scores = make([]float32, n*NT)
		sc.back = make([]int8, n*NT)
	}
	scores := sc.scores[:n*NT]
	for i := 0; i < n; i++ {
		sc := (*[NT]float32)(scores[i*NT:])
		if p := m.packed; p != nil {
			var acc [NT]int32
			p.add(&acc, m.stage, hs[off[i]:off[i+1]])
			if s.docf != nil {
				p.add(&acc, m.stage, s.docf[i])
			}
			for t := range acc {
				sc[t] = float32(acc[t]) * m.scale
			}
			continue
		}
		*sc = [NT]float32{}
		m.addScores(sc, hs[off[i]:off[i+1]])
		if s.docf != nil {
			m.addScores(sc, s.docf[i])
		}
	}
	return viterbiInto(scores, n, &m.trans, sc.back, out)
}

func (m *Model) addScores(sc *[NT]float32, hs []uint32) {
	for _, h := range hs {
		row := m.index.get(h)
		if row < 0 {
			continue
		}
		w := (*[NT]float32)(m.w[int(row)*NT:])
		sc[0] += w[0]
		sc[1] += w[1]
		sc[2] += w[2]
		sc[3] += w[3]
		sc[4] += w[4]
		sc[5] += w[5]
		sc[6] += w[6]
		sc[7] += w[7]
		sc[8] += w[8]
	}
}

// TagDoc tags the sentences of one document: the first stage tags each
// sentence; the second stage, if any, tags them again knowing how the first
// stage tagged the same words elsewhere in the document.
func (m *Model) TagDoc(doc []Sentence) [][]int {
	if m.packed != nil && m.Next != nil && m.Next.packed == m.packed {
		return m.tagDocPacked(doc)
	}
	words := 0
	for _, s := range doc {
		words += len(s.Words)
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		if cap(sc.hs) <= 1<<22 {
			scratchPool.Put(sc)
		}
	}()
	tags := make([][]int, len(doc))
	slab := make([]int, words)
	ctxs := make([]sentCtx, len(doc))
	// the base features are kept for the second stage unless the document
	// is very long (they take ~180 bytes a word)
	keep := m.Next != nil && words <= 200000
	fb := featBuf{h: sc.hs[:0]}
	if keep {
		if cap(sc.off) < words+len(doc) {
			sc.off = make([]int, words+len(doc))
		}
	} else if maxLen(doc)+1 > cap(sc.off) {
		sc.off = make([]int, maxLen(doc)+1)
	}
	offs := make([][]int, len(doc))
	at := 0
	for i, s := range doc {
		ctxs[i] = newCtx(s)
		n := len(s.Words)
		off := sc.off[at : at+n+1]
		if !keep {
			fb.h = fb.h[:0]
		} else {
			at += n + 1
		}
		appendBaseFeatures(&fb, off, s, &ctxs[i])
		tags[i] = m.tagHashed(s, fb.h, off, sc, slab[:n:n])
		slab = slab[n:]
		offs[i] = off
	}
	sc.hs = fb.h
	if m.Next == nil {
		return tags
	}
	dc := countDoc(doc, tags, ctxs, nil)
	out := make([][]int, len(doc))
	slab = make([]int, words)
	for i, s := range doc {
		s.docf = dc.features(i, tags[i], &ctxs[i])
		n := len(s.Words)
		off := offs[i]
		if !keep {
			fb.h = fb.h[:0]
			appendBaseFeatures(&fb, off, s, &ctxs[i])
			sc.hs = fb.h
		}
		out[i] = m.Next.tagHashed(s, fb.h, off, sc, slab[:n:n])
		slab = slab[n:]
	}
	return out
}

// tagDocPacked is TagDoc for a loaded two-stage model, whose stages share
// one packed table: each base feature is looked up once, for both stages,
// and the second stage's sums of the base features are kept per word
// until its document features are known. The sums are of integers, so
// they come out as the stages one after the other give them.
func (m *Model) tagDocPacked(doc []Sentence) [][]int {
	p, next := m.packed, m.Next
	words := 0
	for _, s := range doc {
		words += len(s.Words)
	}
	sc := scratchPool.Get().(*scratch)
	defer func() {
		// the cache's keys are the document's words, slices of its text:
		// a pooled scratch must not keep the text alive
		sc.words.reset()
		if cap(sc.hs) <= 1<<22 && cap(sc.acc) <= 1<<17 {
			scratchPool.Put(sc)
		}
	}()
	if cap(sc.acc) < words {
		sc.acc = make([][NT]int32, words)
	}
	if sc.num == nil {
		sc.num = make(map[string]int32, 1024)
	}
	second := sc.acc[:words] // the second stage's sums, per word
	clear(second)
	ml := maxLen(doc)
	if n := ml * NT; cap(sc.scores) < n {
		sc.scores, sc.back = make([]float32, n), make([]int8, n)
	}
	tags := make([][]int, len(doc))
	slab := make([]int, 2*words)
	ctxs := make([]sentCtx, len(doc))
	fb := featBuf{h: sc.hs[:0]}
	wc := &sc.words
	at := 0
	for i, s := range doc {
		ctxs[i] = newCtx(s)
		n := len(s.Words)
		scores := sc.scores[:n*NT]
		for k := range n {
			w := wc.sums(p, &fb, s, &ctxs[i], k)
			acc := w[0]
			second[at+k] = w[1]
			fb.h = fb.h[:0]
			contextFeatures(&fb, s, &ctxs[i], k)
			p.addBoth(&acc, &second[at+k], fb.h)
			for t := range acc {
				scores[k*NT+t] = float32(acc[t]) * m.scale
			}
		}
		tags[i] = viterbiInto(scores, n, &m.trans, sc.back, slab[:n:n])
		slab = slab[n:]
		at += n
	}
	dc := countDoc(doc, tags, ctxs, sc.num)
	clear(sc.num)
	if words > 1<<16 {
		sc.num = nil // a map does not shrink: keep no huge one
	}
	out := make([][]int, len(doc))
	at = 0
	for i := range doc {
		n := len(tags[i])
		scores := sc.scores[:n*NT]
		for k := range n {
			fb.h = fb.h[:0]
			dc.appendFeatures(&fb, i, k, tags[i], &ctxs[i])
			acc := second[at+k]
			p.add(&acc, next.stage, fb.h)
			for t := range acc {
				scores[k*NT+t] = float32(acc[t]) * next.scale
			}
		}
		out[i] = viterbiInto(scores, n, &next.trans, sc.back, slab[:n:n])
		slab = slab[n:]
		at += n
	}
	sc.hs = fb.h
	return out
}

// wordCache holds, for one document, the sums of both stages' weights of
// each word's wordFeatures, by word and by whether its sentence is in
// capitals: a word that recurs (most do: "the", the names) is hashed and
// looked up once. The sums are of integers, so the order in which a
// token's features are added changes nothing.
type wordCache struct {
	m [2]map[string]*[2][NT]int32
	// the sums, allocated in blocks and reused from document to document
	blocks [][][2][NT]int32
	n      int
}

// reset empties the cache for the next document (its keys are slices of
// this one's text).
func (c *wordCache) reset() {
	if len(c.blocks) > 64 {
		c.blocks = nil // a huge document's: keep no more than 16,384 sums
	}
	for i, m := range c.m {
		if len(m) > 1<<14 {
			c.m[i] = nil // a map does not shrink
		}
		clear(c.m[i])
	}
	c.n = 0
}

// sums returns the sums of token k's word features, looking them up in p
// the first time its word (in its case) is seen; fb is scratch space.
func (c *wordCache) sums(p *packedTable, fb *featBuf, s Sentence, ctx *sentCtx, k int) *[2][NT]int32 {
	caps := 0
	if capsAt(s, k) {
		caps = 1
	}
	if c.m[caps] == nil {
		c.m[caps] = make(map[string]*[2][NT]int32, 512)
	}
	if w, ok := c.m[caps][s.Words[k]]; ok {
		return w
	}
	const block = 256
	if c.n/block == len(c.blocks) {
		c.blocks = append(c.blocks, make([][2][NT]int32, block))
	}
	w := &c.blocks[c.n/block][c.n%block]
	c.n++
	*w = [2][NT]int32{}
	fb.h = fb.h[:0]
	wordFeatures(fb, s, ctx, k)
	p.addBoth(&w[0], &w[1], fb.h)
	c.m[caps][s.Words[k]] = w
	return w
}

func maxLen(doc []Sentence) int {
	n := 0
	for _, s := range doc {
		n = max(n, len(s.Words))
	}
	return n
}

// WithDocFeatures returns copies of the sentences of a document carrying
// second-stage features computed from first-stage tags: how the same
// word is tagged elsewhere in the document (majority type, every type,
// the type of a longer entity containing it) and its own first-stage tag.
func WithDocFeatures(doc []Sentence, tags [][]int) []Sentence {
	ctxs := make([]sentCtx, len(doc))
	for i, s := range doc {
		ctxs[i] = newCtx(s)
	}
	dc := countDoc(doc, tags, ctxs, nil)
	out := make([]Sentence, len(doc))
	for i, s := range doc {
		s.docf = dc.features(i, tags[i], &ctxs[i])
		out[i] = s
	}
	return out
}

type typeCount [5]int32 // O, PER, LOC, ORG, MISC

// docCounts says how the first stage tagged each (lower-case) word of a
// document: every occurrence, and occurrences inside multi-word entities.
// Words are numbered in order of first occurrence; id[si][i] is the
// number of word i of sentence si.
type docCounts struct {
	other, long []typeCount
	id          [][]int32
}

func typeOf(t int) int { return (t + 1) / 2 }

// countDoc counts the first stage's tags of each word of doc; num, if
// not nil, is an empty map it may use.
func countDoc(doc []Sentence, tags [][]int, ctxs []sentCtx, num map[string]int32) docCounts {
	words := 0
	for _, s := range doc {
		words += len(s.Words)
	}
	dc := docCounts{id: make([][]int32, len(doc))}
	ids := make([]int32, words)
	if num == nil {
		num = make(map[string]int32, words/2+1)
	}
	for si, s := range doc {
		n := len(s.Words)
		id := ids[:n:n]
		ids = ids[n:]
		dc.id[si] = id
		for i := 0; i < n; i++ {
			l := ctxs[si].lower[i]
			k, ok := num[l]
			if !ok {
				k = int32(len(dc.other))
				num[l] = k
				dc.other = append(dc.other, typeCount{})
			}
			id[i] = k
			dc.other[k][typeOf(tags[si][i])]++
		}
	}
	dc.long = make([]typeCount, len(dc.other))
	for si, s := range doc {
		for i := 0; i < len(s.Words); {
			t := tags[si][i]
			if t == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(s.Words) && tags[si][j] == t+(t%2) && t%2 == 1 {
				j++
			}
			if j-i >= 2 {
				for k := i; k < j; k++ {
					dc.long[dc.id[si][k]][typeOf(t)]++
				}
			}
			i = j
		}
	}
	return dc
}

var typeNames = [5]string{"O", "PER", "LOC", "ORG", "MISC"}

// features returns the second-stage features of each word of sentence si.
func (dc docCounts) features(si int, tags []int, c *sentCtx) [][]uint32 {
	n := len(tags)
	out := make([][]uint32, n)
	fb := featBuf{h: make([]uint32, 0, n*12)}
	for i := 0; i < n; i++ {
		start := len(fb.h)
		dc.appendFeatures(&fb, si, i, tags, c)
		out[i] = fb.h[start:len(fb.h):len(fb.h)]
	}
	return out
}

// appendFeatures appends the second-stage features of word i of sentence
// si to fb.
func (dc docCounts) appendFeatures(fb *featBuf, si, i int, tags []int, c *sentCtx) {
	n := len(tags)
	id := dc.id[si][i]
	own := typeOf(tags[i])
	cnt := dc.other[id]
	cnt[own]--
	best, bestN, total := 0, int32(0), int32(0)
	for t := 0; t < 5; t++ {
		total += cnt[t]
		if cnt[t] > bestN {
			best, bestN = t, cnt[t]
		}
		if t > 0 && cnt[t] > 0 {
			fb.addh(tgDany, typeNames[t])
		}
	}
	sh := c.shape[i]
	if total == 0 {
		fb.addh(tgDnone, typeNames[own])
	} else {
		fb.addh(tgDmaj, typeNames[best])
		fb.addh(tgDmajsh, typeNames[best], sh)
		fb.addh(tgDmajown, typeNames[best], typeNames[own])
	}
	if lc := &dc.long[id]; *lc != (typeCount{}) {
		for t := 1; t < 5; t++ {
			if lc[t] > 0 {
				fb.addh(tgDlong, typeNames[t])
				fb.addh(tgDlongsh, typeNames[t], sh)
			}
		}
	}
	fb.addh(tgOwn, Tags[tags[i]])
	fb.addh(tgOwnsh, Tags[tags[i]], sh)
	if i > 0 {
		fb.addh(tgOwnm1, Tags[tags[i-1]])
	}
	if i+1 < n {
		fb.addh(tgOwnp1, Tags[tags[i+1]])
	}
}

// allowed[p][t]: tag t may follow tag p (p == NT: sentence start); I-X
// only after B-X or I-X.
var allowed = func() (a [NT + 1][NT]bool) {
	for p := 0; p <= NT; p++ {
		for t := 0; t < NT; t++ {
			a[p][t] = Tags[t][0] != 'I' || p < NT && (p == t || p == t-1)
		}
	}
	return a
}()

// preds[t] lists, in ascending order, the tags that may precede tag t
// inside a sentence (allowed[p][t] for p < NT).
var preds = func() (ps [NT][]int) {
	for t := 0; t < NT; t++ {
		for p := 0; p < NT; p++ {
			if allowed[p][t] {
				ps[t] = append(ps[t], p)
			}
		}
	}
	return ps
}()

// viterbi decodes the best tag sequence; I-X may follow only B-X or I-X.
func viterbi(scores []float32, n int, trans *[NT + 1][NT]float32) []int {
	return viterbiInto(scores, n, trans, make([]int8, n*NT), make([]int, n))
}

// viterbiInto is viterbi with its back pointers (n*NT) and result (n)
// supplied by the caller; it returns out (empty for no words).
func viterbiInto(scores []float32, n int, trans *[NT + 1][NT]float32, back []int8, out []int) []int {
	if n == 0 {
		return out[:0]
	}
	back = back[:n*NT]
	out = out[:n]
	var prev, cur [NT]float32
	const neg = -1e30
	for t := 0; t < NT; t++ {
		if !allowed[NT][t] {
			prev[t] = neg
			continue
		}
		prev[t] = scores[t] + trans[NT][t]
	}
	for i := 1; i < n; i++ {
		sc := (*[NT]float32)(scores[i*NT:])
		bk := (*[NT]int8)(back[i*NT:])
		for t := 0; t < NT; t++ {
			bv, bp := float32(neg)*2, 0
			for _, p := range preds[t] {
				if v := prev[p] + trans[p][t]; v > bv {
					bv, bp = v, p
				}
			}
			cur[t] = bv + sc[t]
			bk[t] = int8(bp)
		}
		prev = cur
	}
	bt, bv := 0, prev[0]
	for t := 1; t < NT; t++ {
		if prev[t] > bv {
			bt, bv = t, prev[t]
		}
	}
	for i := n - 1; i >= 0; i-- {
		out[i] = bt
		bt = int(back[i*NT+bt])
	}
	return out
}

// table maps feature hashes to rows 0..n-1 (open addressing, linear
// probing); the row of a key is its index in the sorted key list.
type table struct {
	n     int
	mask  uint32
	slots []uint32 // key
	rows  []int32  // row+1; 0 = empty
}

func newTable(sorted []uint32) *table {
	size := 1
	for size < 2*len(sorted)+2 {
		size <<= 1
	}
	t := &table{n: len(sorted), mask: uint32(size - 1), slots: make([]uint32, size), rows: make([]int32, size)}
	for r, k := range sorted {
		i := (k * 0x9e3779b1) & t.mask
		for t.rows[i] != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = k
		t.rows[i] = int32(r + 1)
	}
	return t
}

func (t *table) get(k uint32) int32 {
	i := (k * 0x9e3779b1) & t.mask
	for {
		r := t.rows[i]
		if r == 0 {
			return -1
		}
		if t.slots[i] == k {
			return r - 1
		}
		i = (i + 1) & t.mask
	}
}

// keys returns the keys in row order.
func (t *table) keys() []uint32 {
	out := make([]uint32, t.n)
	for i, r := range t.rows {
		if r != 0 {
			out[r-1] = t.slots[i]
		}
	}
	return out
}

// packedTable is an open-addressing table whose entries carry the
// quantized weights of every stage, so that a look-up touches one cache
// line and a feature of both stages is looked up once.
type packedTable struct {
	mask    uint32
	entries []packedEntry
	// filter has one bit per 2^20 hash buckets: many features of a text
	// are not in the model, and the filter (128 KB, cache-resident) says
	// so without touching the table.
	filter []uint64
}

// maxStages is the number of stages a packed table holds.
const maxStages = 2

func filterBit(k uint32) uint32 { return (k * 0x85ebca6b) >> 12 }

type packedEntry struct {
	key  uint32
	used uint16
	w    [maxStages][NT]int16
}

func newPacked(stages []block) *packedTable {
	n := 0
	for _, b := range stages {
		n += len(b.keys)
	}
	size := 1
	for size < n*3/2+2 {
		size <<= 1
	}
	// the entries are read at random: huge pages save most of their TLB
	// misses
	t := &packedTable{mask: uint32(size - 1), entries: hugepages.Make[packedEntry](size), filter: make([]uint64, 1<<20/64)}
	for st, b := range stages {
		for r, k := range b.keys {
			bit := filterBit(k)
			t.filter[bit>>6] |= 1 << (bit & 63)
			i := (k * 0x9e3779b1) & t.mask
			for t.entries[i].used != 0 && t.entries[i].key != k {
				i = (i + 1) & t.mask
			}
			e := &t.entries[i]
			e.key, e.used = k, 1
			copy(e.w[st][:], b.q[r*NT:r*NT+NT])
		}
	}
	return t
}

// batch is how many features find looks up at a time.
const batch = 64

// add adds the weights of stage st of the features hs to acc.
func (t *packedTable) add(acc *[NT]int32, st int, hs []uint32) {
	var found [batch]*packedEntry
	for len(hs) > 0 {
		n := min(len(hs), batch)
		for _, e := range found[:t.find(hs[:n], &found)] {
			addWeights(acc, &e.w[st])
		}
		hs = hs[n:]
	}
}

// addBoth adds the weights of the features hs of the first stage to a0
// and those of the second to a1.
func (t *packedTable) addBoth(a0, a1 *[NT]int32, hs []uint32) {
	var found [batch]*packedEntry
	for len(hs) > 0 {
		n := min(len(hs), batch)
		for _, e := range found[:t.find(hs[:n], &found)] {
			w0, w1 := &e.w[0], &e.w[1]
			a0[0] += int32(w0[0])
			a0[1] += int32(w0[1])
			a0[2] += int32(w0[2])
			a0[3] += int32(w0[3])
			a0[4] += int32(w0[4])
			a0[5] += int32(w0[5])
			a0[6] += int32(w0[6])
			a0[7] += int32(w0[7])
			a0[8] += int32(w0[8])
			a1[0] += int32(w1[0])
			a1[1] += int32(w1[1])
			a1[2] += int32(w1[2])
			a1[3] += int32(w1[3])
			a1[4] += int32(w1[4])
			a1[5] += int32(w1[5])
			a1[6] += int32(w1[6])
			a1[7] += int32(w1[7])
			a1[8] += int32(w1[8])
		}
		hs = hs[n:]
	}
}

func addWeights(acc *[NT]int32, w *[NT]int16) {
	acc[0] += int32(w[0])
	acc[1] += int32(w[1])
	acc[2] += int32(w[2])
	acc[3] += int32(w[3])
	acc[4] += int32(w[4])
	acc[5] += int32(w[5])
	acc[6] += int32(w[6])
	acc[7] += int32(w[7])
	acc[8] += int32(w[8])
}

// find sets out to the entries of the features hs (at most batch of
// them) that are in the table and returns their number. It works in
// passes, so that the table's memory reads overlap rather than wait on
// each other and on the branches: first the filter (without a branch),
// then the home entry of every feature left, then the probes.
func (t *packedTable) find(hs []uint32, out *[batch]*packedEntry) int {
	var idx, key, home [batch]uint32
	k := 0
	for _, h := range hs[:min(len(hs), batch)] {
		b := filterBit(h)
		idx[k], key[k] = (h*0x9e3779b1)&t.mask, h
		k += int(t.filter[b>>6] >> (b & 63) & 1)
	}
	for j := range k {
		home[j] = t.entries[idx[j]].key
	}
	nf := 0
	for j := range k {
		i, h := idx[j], key[j]
		e := &t.entries[i]
		if home[j] != h || e.used == 0 {
			for e.used != 0 && e.key != h {
				i = (i + 1) & t.mask
				e = &t.entries[i]
			}
			if e.used == 0 {
				continue
			}
		}
		out[nf] = e
		nf++
	}
	return nf
}

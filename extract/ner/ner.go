// Package ner is a named-entity tagger: an averaged structured perceptron
// over BIO tags (B-PER, I-PER, ... O) with first-order Viterbi decoding.
// Features are the word, its lower-case form, shape, prefixes and
// suffixes, the words and shapes around it, gazetteer flags supplied by the
// caller, and document-level case evidence. scripts/train-ner trains it on
// CoNLL-2003; extract loads the result once.
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
}

// Model is a trained tagger. It is read-only after Load and safe for
// concurrent use.
type Model struct {
	index *table    // feature hash -> row
	w     []float32 // rows of NT weights
	trans [NT + 1][NT]float32
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
	var hdr struct {
		Magic uint32
		N     uint32
		Scale float32
	}
	if err := binary.Read(r, binary.LittleEndian, &hdr); err != nil || hdr.Magic != 0x4e455231 {
		return nil, fmt.Errorf("read model: bad header")
	}
	m := &Model{w: make([]float32, int(hdr.N)*NT)}
	if err := binary.Read(r, binary.LittleEndian, &m.trans); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	keys := make([]uint32, hdr.N)
	if err := binary.Read(r, binary.LittleEndian, keys); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	q := make([]int16, int(hdr.N)*NT)
	if err := binary.Read(r, binary.LittleEndian, q); err != nil {
		return nil, fmt.Errorf("read model: %w", err)
	}
	var prev uint32
	for i, k := range keys {
		prev += k // delta-coded
		keys[i] = prev
	}
	m.index = newTable(keys)
	for i, v := range q {
		m.w[i] = float32(v) * hdr.Scale
	}
	return m, nil
}

// Save writes the model, keeping only features whose largest weight is at
// least minWeight in magnitude, weights quantized to 16 bits.
func (m *Model) Save(w io.Writer, minWeight float32) error {
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
	var buf bytes.Buffer
	binary.Write(&buf, binary.LittleEndian, struct {
		Magic uint32
		N     uint32
		Scale float32
	}{0x4e455231, uint32(len(keep)), scale})
	binary.Write(&buf, binary.LittleEndian, m.trans)
	var prev uint32
	keys := make([]uint32, len(keep))
	for i, e := range keep {
		keys[i] = e.k - prev
		prev = e.k
	}
	binary.Write(&buf, binary.LittleEndian, keys)
	q := make([]int16, len(keep)*NT)
	for i, e := range keep {
		for t := 0; t < NT; t++ {
			q[i*NT+t] = int16(math.Round(float64(m.w[int(e.row)*NT+t] / scale)))
		}
	}
	binary.Write(&buf, binary.LittleEndian, q)
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// Features returns the number of features of the model.
func (m *Model) Features() int { return m.index.n }

// Tag returns the tag index (into Tags) of each word.
func (m *Model) Tag(s Sentence) []int {
	n := len(s.Words)
	if n == 0 {
		return nil
	}
	scores := make([]float32, n*NT)
	var fb featBuf
	fb.h = make([]uint32, 0, 64)
	c := newCtx(s)
	for i := 0; i < n; i++ {
		fb.reset()
		features(&fb, s, &c, i)
		sc := scores[i*NT : i*NT+NT]
		for _, h := range fb.h {
			if row := m.index.get(h); row >= 0 {
				w := m.w[int(row)*NT : int(row)*NT+NT]
				for t := range sc {
					sc[t] += w[t]
				}
			}
		}
	}
	return viterbi(scores, n, &m.trans)
}

// viterbi decodes the best tag sequence; I-X may follow only B-X or I-X.
func viterbi(scores []float32, n int, trans *[NT + 1][NT]float32) []int {
	best := make([]float32, n*NT)
	back := make([]int8, n*NT)
	const neg = -1e30
	for t := 0; t < NT; t++ {
		if Tags[t][0] == 'I' {
			best[t] = neg
			continue
		}
		best[t] = scores[t] + trans[NT][t]
	}
	for i := 1; i < n; i++ {
		for t := 0; t < NT; t++ {
			bv, bp := float32(neg)*2, 0
			for p := 0; p < NT; p++ {
				if Tags[t][0] == 'I' && !(p == t || p == t-1) {
					continue
				}
				v := best[(i-1)*NT+p] + trans[p][t]
				if v > bv {
					bv, bp = v, p
				}
			}
			best[i*NT+t] = bv + scores[i*NT+t]
			back[i*NT+t] = int8(bp)
		}
	}
	out := make([]int, n)
	bt, bv := 0, best[(n-1)*NT]
	for t := 1; t < NT; t++ {
		if best[(n-1)*NT+t] > bv {
			bt, bv = t, best[(n-1)*NT+t]
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

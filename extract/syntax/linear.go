package syntax

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/internal/hugepages"
)

// linear is a trained multi-class linear model over hashed features,
// packed for reading: an open-addressing table from feature hash to its
// weights; weights are quantized to 16 bits with one scale. Absent classes
// weigh 0. Read-only, safe for concurrent use.
//
// A feature's home slot is given by the top bits of its hash, so that the
// features of a model file, stored by ascending hash, fill the table from
// front to back as it loads (not at random places of a 16 MB table).
//
// A feature's weights are a run of (class, weight) entries, or, for the
// few features with many weights (the frequent ones, read at every step),
// a dense row that adds three classes at a time (see denseMin).
type linear struct {
	nclass int
	scale  float32
	mask   uint32 // len(slots)-1
	shift  uint32 // a key's home slot is key>>shift
	slots  []slot
	ents   []uint32 // class<<16 | uint16(weight)
	// dense holds the dense rows, words uint64s each: class c in bits
	// 21*(c%3) of word c/3, as its weight plus denseBias (0 for a class
	// without weight).
	dense []uint64
	words int
	// the number of features put and the last key (see put)
	n    int
	last uint32
}

type slot struct {
	key uint32
	// ref is 0 for an empty slot; with the top bit set, the feature's one
	// weight inline (class<<16 | weight); else offset<<8 | count into ents
	// (count >= 2), or (row+1)<<8 for a dense row (count 0).
	ref uint32
}

const inline = 1 << 31

// Dense rows: a feature with at least denseMin weights, in ascending class
// order and none of them 0, is kept dense. Its lanes of 21 bits hold
// weight+denseBias, at most 65535, so that denseMax rows add up without
// a carry from one lane into the next. Four dense rows add up in fewer
// instructions than 16 entries of runs do one by one (the parser's dense
// rows take 3 MB instead of 0.6 MB).
const (
	denseMin  = 16
	denseBias = 1 << 15
	laneBits  = 21
	laneMask  = 1<<laneBits - 1
	denseMax  = laneMask / (2*denseBias - 1) // 32
	maxWords  = (256 + 2) / 3
)

// weights returns the entries of slot s (class<<16 | uint16(weight)),
// in buf if need be.
func (m *linear) weights(s slot, buf *[256]uint32) []uint32 {
	if s.ref&inline != 0 {
		buf[0] = s.ref &^ inline
		return buf[:1]
	}
	off, c := s.ref>>8, s.ref&0xff
	if c != 0 {
		return m.ents[off : off+c]
	}
	row := m.dense[int(off-1)*m.words:][:m.words]
	es := buf[:0]
	for cls := 0; cls < m.nclass; cls++ {
		v := int32(row[cls/3]>>(laneBits*(cls%3))&laneMask) - denseBias
		if v != 0 {
			es = append(es, uint32(cls)<<16|uint32(uint16(int16(v))))
		}
	}
	return es
}

// score adds the weights of feats to acc (nclass entries, at most 256).
// It reads the table in passes: first the home slot of every feature, then
// the runs of weights, so that the memory reads of one pass do not wait on
// each other. A probe stops at an empty slot or a larger key (see put).
// The dense rows are added last, several at a time (see addDense).
func (m *linear) score(accs []int32, feats []uint32) {
	acc := (*[256]int32)(accs[:256])
	slots, ents, mask, shift := m.slots, m.ents, m.mask, m.shift
	var dense [128]int // offsets of the dense rows to add
	nd := 0
	for len(feats) > 0 {
		n := min(len(feats), 128)
		batch := feats[:n]
		feats = feats[n:]
		var home [128]slot
		for k, h := range batch {
			home[k] = slots[h>>shift]
		}
		var runs [128]uint32
		nr := 0
		for k, h := range batch {
			s := home[k]
			for i := h >> shift; s.ref != 0 && s.key < h; {
				i = (i + 1) & mask
				s = slots[i]
			}
			if s.ref == 0 || s.key != h {
				continue
			}
			if s.ref&inline != 0 {
				acc[uint8(s.ref>>16)] += int32(int16(s.ref))
				continue
			}
			runs[nr] = s.ref
			nr++
		}
		// the first and last entries of every run (they may lie on two
		// cache lines), read in a pass of their own and used below, so
		// that the compiler keeps the reads
		var first [128]uint64
		var last [128]uint32
		for i, r := range runs[:nr] {
			if off, c := r>>8, r&0xff; c != 0 {
				first[i], last[i] = uint64(ents[off]), ents[off+c-1]
			} else {
				first[i] = m.dense[int(off-1)*m.words]
			}
		}
		for i, r := range runs[:nr] {
			off, c := r>>8, r&0xff
			if c != 0 {
				e := uint32(first[i])
				acc[uint8(e>>16)] += int32(int16(e))
				for _, e := range ents[off+1 : off+c-1] {
					acc[uint8(e>>16)] += int32(int16(e))
				}
				e = last[i]
				acc[uint8(e>>16)] += int32(int16(e))
				continue
			}
			if nd == len(dense) {
				m.addDense(acc, dense[:nd])
				nd = 0
			}
			dense[nd] = int(off-1) * m.words
			nd++
		}
	}
	m.addDense(acc, dense[:nd])
}

// addDense adds to acc the dense rows that start at offsets rows of
// m.dense: up to denseMax rows into the lanes, four at a time (one store
// per word for four rows), then the lanes into acc.
func (m *linear) addDense(acc *[256]int32, rows []int) {
	words, full := m.words, m.nclass/3
	for len(rows) > 0 {
		chunk := rows[:min(len(rows), denseMax)]
		rows = rows[len(chunk):]
		var lanes [maxWords]uint64
		ls := lanes[:words]
		k := 0
		for ; k+4 <= len(chunk); k += 4 {
			r0 := m.dense[chunk[k]:][:words]
			r1 := m.dense[chunk[k+1]:][:words]
			r2 := m.dense[chunk[k+2]:][:words]
			r3 := m.dense[chunk[k+3]:][:words]
			for j := range ls {
				ls[j] += r0[j] + r1[j] + r2[j] + r3[j]
			}
		}
		for ; k < len(chunk); k++ {
			r := m.dense[chunk[k]:][:words]
			for j := range ls {
				ls[j] += r[j]
			}
		}
		bias := int32(len(chunk)) * denseBias
		for j, v := range lanes[:full] {
			c := 3 * j
			acc[c] += int32(v&laneMask) - bias
			acc[c+1] += int32(v>>laneBits&laneMask) - bias
			acc[c+2] += int32(v>>(2*laneBits)&laneMask) - bias
		}
		for c := 3 * full; c < m.nclass; c++ {
			acc[c] += int32(lanes[full]>>(laneBits*(c%3))&laneMask) - bias
		}
	}
}

// size returns the number of features and of weights.
func (m *linear) size() (features, weights int) {
	var buf [256]uint32
	for _, s := range m.slots {
		if s.ref != 0 {
			features++
			weights += len(m.weights(s, &buf))
		}
	}
	return features, weights
}

func (m *linear) features() int {
	f, _ := m.size()
	return f
}

// row is one feature's weights in a packed model being built.
type row struct {
	key  uint32
	ents []uint32
}

// newPacked returns an empty packed model with room for n features and
// about weights entries. The table is a power of two at most 5/7 full:
// the parser's 1.4 million features take 2 million slots (16 MB), where a
// table at most 2/3 full took twice that, and the heap's larger share of
// live model data made the garbage collector run twice as often under
// the command's memory limit (on linear probing a lookup finds its key or
// an empty slot in the same cache line either way).
func newPacked(nclass int, scale float32, n, weights int) *linear {
	size, bits := 1, 0
	for size < n*7/5+2 {
		size <<= 1
		bits++
	}
	// the slots and runs are read at random: huge pages save most of
	// their TLB misses
	return &linear{nclass: nclass, scale: scale, mask: uint32(size - 1), shift: uint32(32 - bits), slots: hugepages.Make[slot](size),
		ents: hugepages.Make[uint32](weights)[:0], words: (nclass + 2) / 3}
}

// put adds feature key with entries es (class<<16 | uint16(weight)).
// Keys are put in ascending order. With home slots in the order of the
// keys, that keeps every probe run in ascending order too: the slots
// between a key's home and the key hold smaller keys only, so a lookup
// stops at the first larger key (see score) and an absent feature, the
// common case, costs no more probes than a present one (save at the
// table's front, where the runs of the largest keys wrap around: there an
// absent key probes on to an empty slot).
func (m *linear) put(key uint32, es []uint32) error {
	if len(es) == 0 || len(es) > 255 {
		return fmt.Errorf("feature %x: %d weights", key, len(es))
	}
	for _, e := range es {
		if int(e>>16) >= m.nclass {
			return fmt.Errorf("feature %x: class %d of %d", key, e>>16, m.nclass)
		}
	}
	switch {
	case m.n > 0 && key == m.last:
		return fmt.Errorf("feature %x twice", key)
	case m.n > 0 && key < m.last:
		return fmt.Errorf("feature %x after %x: keys must ascend", key, m.last)
	}
	m.n, m.last = m.n+1, key
	i := key >> m.shift
	for m.slots[i].ref != 0 {
		i = (i + 1) & m.mask
	}
	switch {
	case len(es) == 1:
		m.slots[i] = slot{key: key, ref: inline | es[0]}
	case denseOK(es):
		row := len(m.dense) / m.words
		if row+1 >= 1<<23 {
			return fmt.Errorf("too many weights")
		}
		m.dense = slices.Grow(m.dense, m.words)
		d := m.dense[len(m.dense) : len(m.dense)+m.words]
		for cls := 0; cls < m.nclass; cls++ {
			d[cls/3] |= denseBias << (laneBits * (cls % 3))
		}
		for _, e := range es {
			cls := int(e >> 16)
			d[cls/3] += uint64(int64(int16(e))) << (laneBits * (cls % 3))
		}
		m.dense = m.dense[:len(m.dense)+m.words]
		m.slots[i] = slot{key: key, ref: uint32(row+1) << 8}
	default:
		if len(m.ents)+len(es) >= 1<<23 {
			return fmt.Errorf("too many weights")
		}
		m.slots[i] = slot{key: key, ref: uint32(len(m.ents))<<8 | uint32(len(es))}
		m.ents = append(m.ents, es...)
	}
	return nil
}

// denseOK says whether entries es are kept as a dense row: many, in
// ascending class order, none 0 (so that the row gives them back as they
// were).
func denseOK(es []uint32) bool {
	if len(es) < denseMin {
		return false
	}
	for i, e := range es {
		if int16(e) == 0 || i > 0 && e>>16 <= es[i-1]>>16 {
			return false
		}
	}
	return true
}

func newLinear(nclass int, scale float32, rows []row) (*linear, error) {
	if nclass > 256 {
		return nil, fmt.Errorf("%d classes: too many", nclass)
	}
	total := 0
	for _, r := range rows {
		total += len(r.ents)
	}
	if total >= 1<<23 {
		return nil, fmt.Errorf("%d weights: too many", total)
	}
	m := newPacked(nclass, scale, len(rows), total/2)
	byKey := func(a, b row) int { return cmp.Compare(a.key, b.key) }
	if !slices.IsSortedFunc(rows, byKey) {
		rows = slices.Clone(rows)
		slices.SortFunc(rows, byKey)
	}
	for _, r := range rows {
		if err := m.put(r.key, r.ents); err != nil {
			return nil, err
		}
	}
	return m, nil
}

// write appends the model to w: class count, scale, feature count, then
// per feature (by ascending key) the key delta, the entry count and the
// entries.
func (m *linear) write(w *writer) {
	type kr struct{ key, ref uint32 }
	var keys []kr
	for _, s := range m.slots {
		if s.ref != 0 {
			keys = append(keys, kr{s.key, s.ref})
		}
	}
	slices.SortFunc(keys, func(a, b kr) int { return cmp.Compare(a.key, b.key) })
	w.uvarint(uint64(m.nclass))
	w.float32(m.scale)
	w.uvarint(uint64(len(keys)))
	prev := uint32(0)
	var buf [256]uint32
	for _, k := range keys {
		w.uvarint(uint64(k.key - prev))
		prev = k.key
		es := m.weights(slot{k.key, k.ref}, &buf)
		w.uvarint(uint64(len(es)))
		for _, e := range es {
			w.uvarint(uint64(e >> 16))
			w.varint(int64(int16(e)))
		}
	}
}

func readLinear(r *reader) (*linear, error) {
	nclass := r.count()
	scale := r.float32()
	n := r.count()
	if r.err != nil {
		return nil, r.err
	}
	if nclass > 256 || nclass == 0 {
		return nil, fmt.Errorf("%d classes", nclass)
	}
	// about three weights a feature, most of them in runs: one allocation
	m := newPacked(nclass, scale, n, 3*n)
	key := uint32(0)
	var one [256]uint32
	for i := 0; i < n; i++ {
		key += uint32(r.uvarint())
		c := r.count()
		if c == 0 || c > nclass {
			return nil, fmt.Errorf("feature %d: %d weights", i, c)
		}
		es := one[:c]
		for j := range es {
			cls := r.uvarint()
			v := r.varint()
			if cls >= uint64(nclass) {
				return nil, fmt.Errorf("feature %d: class %d of %d", i, cls, nclass)
			}
			es[j] = uint32(cls)<<16 | uint32(uint16(int16(v)))
		}
		if r.err != nil {
			return nil, r.err
		}
		if err := m.put(key, es); err != nil {
			return nil, err
		}
	}
	// the runs and dense rows were allocated by estimate and grown: keep
	// them at their size (6 MB less of live heap for the two models, so
	// that the collector runs less often under the memory limit), on
	// huge pages
	m.ents, m.dense = hugepages.Clone(m.ents), hugepages.Clone(m.dense)
	return m, nil
}

// sparse is a linear model being trained: an averaged perceptron whose
// rows (one per feature hash) hold only the classes that were updated.
type sparse struct {
	nclass int
	index  rowIndex
	rows   [][]tentry
	time   float64 // number of updates rounds so far (for averaging)
}

// rowIndex maps feature hashes to row numbers: open addressing, linear
// probing, doubled when half full.
type rowIndex struct {
	keys []uint32
	rows []int32 // row+1; 0 = empty
	n    int
}

func (x *rowIndex) get(k uint32) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	mask := uint32(len(x.keys) - 1)
	for i := k & mask; ; i = (i + 1) & mask {
		r := x.rows[i]
		if r == 0 {
			return 0, false
		}
		if x.keys[i] == k {
			return r - 1, true
		}
	}
}

func (x *rowIndex) put(k uint32, row int32) {
	if 2*(x.n+1) > len(x.keys) {
		old := *x
		size := max(1024, 2*len(x.keys))
		*x = rowIndex{keys: make([]uint32, size), rows: make([]int32, size)}
		for i, r := range old.rows {
			if r != 0 {
				x.put(old.keys[i], r-1)
			}
		}
	}
	mask := uint32(len(x.keys) - 1)
	i := k & mask
	for x.rows[i] != 0 {
		i = (i + 1) & mask
	}
	x.keys[i], x.rows[i] = k, row+1
	x.n++
}

type tentry struct {
	cls uint16
	w   float32
	acc float64 // sum of time*delta
}

func newSparse(nclass int) *sparse {
	return &sparse{nclass: nclass, time: 1}
}

func (m *sparse) score(acc []float32, feats []uint32) {
	for _, h := range feats {
		r, ok := m.index.get(h)
		if !ok {
			continue
		}
		for _, e := range m.rows[r] {
			acc[e.cls] += e.w
		}
	}
}

// update adds delta to the weight of class cls for every feature.
func (m *sparse) update(feats []uint32, cls int, delta float32) {
	for _, h := range feats {
		r, ok := m.index.get(h)
		if !ok {
			r = int32(len(m.rows))
			m.index.put(h, r)
			m.rows = append(m.rows, nil)
		}
		row := m.rows[r]
		found := false
		for i := range row {
			if int(row[i].cls) == cls {
				row[i].w += delta
				row[i].acc += m.time * float64(delta)
				found = true
				break
			}
		}
		if !found {
			m.rows[r] = append(row, tentry{cls: uint16(cls), w: delta, acc: m.time * float64(delta)})
		}
	}
}

// tick advances time by one training instance.
func (m *sparse) tick() { m.time++ }

// averaged returns the packed averaged model, keeping weights whose
// magnitude is at least minWeight (the features left without any weight
// are dropped).
func (m *sparse) averaged(minWeight float64) (*linear, error) {
	keys := make([]uint32, 0, m.index.n)
	for i, r := range m.index.rows {
		if r != 0 {
			keys = append(keys, m.index.keys[i])
		}
	}
	slices.Sort(keys)
	type kv struct {
		cls int
		w   float64
	}
	maxAbs := 0.0
	avg := make([][]kv, len(keys))
	for i, k := range keys {
		r, _ := m.index.get(k)
		for _, e := range m.rows[r] {
			w := float64(e.w) - e.acc/m.time
			if math.Abs(w) < minWeight || w == 0 {
				continue
			}
			avg[i] = append(avg[i], kv{int(e.cls), w})
			maxAbs = max(maxAbs, math.Abs(w))
		}
	}
	scale := maxAbs / 32767
	if scale == 0 {
		scale = 1
	}
	var rows []row
	for i, k := range keys {
		if len(avg[i]) == 0 {
			continue
		}
		slices.SortFunc(avg[i], func(a, b kv) int { return cmp.Compare(a.cls, b.cls) })
		r := row{key: k}
		for _, e := range avg[i] {
			q := int16(math.Round(e.w / scale))
			if q == 0 {
				continue
			}
			r.ents = append(r.ents, uint32(e.cls)<<16|uint32(uint16(q)))
		}
		if len(r.ents) > 0 {
			rows = append(rows, r)
		}
	}
	return newLinear(m.nclass, float32(scale), rows)
}

// pruned returns a copy of m without the weights smaller in magnitude
// than min (features left with no weight are dropped).
func (m *linear) pruned(min float64) (*linear, error) {
	var rows []row
	for _, s := range m.slots {
		if s.ref == 0 {
			continue
		}
		r := row{key: s.key}
		var buf [256]uint32
		for _, e := range m.weights(s, &buf) {
			if math.Abs(float64(int16(e))*float64(m.scale)) >= min {
				r.ents = append(r.ents, e)
			}
		}
		if len(r.ents) > 0 {
			rows = append(rows, r)
		}
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Compare(a.key, b.key) })
	return newLinear(m.nclass, m.scale, rows)
}

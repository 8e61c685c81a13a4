package syntax

import (
	"cmp"
	"fmt"
	"math"
	"slices"
)

// linear is a trained multi-class linear model over hashed features,
// packed for reading: an open-addressing table from feature hash to a run
// of (class, weight) entries; weights are quantized to 16 bits with one
// scale. Absent classes weigh 0. Read-only, safe for concurrent use.
type linear struct {
	nclass int
	scale  float32
	mask   uint32
	slots  []slot
	ents   []uint32 // class<<16 | uint16(weight)
}

type slot struct {
	key uint32
	// ref is 0 for an empty slot; with the top bit set, the feature's one
	// weight inline (class<<16 | weight); else offset<<8 | count into ents.
	ref uint32
}

const inline = 1 << 31

// weights returns the entries of slot s (class<<16 | uint16(weight)).
func (m *linear) weights(s slot, one *[1]uint32) []uint32 {
	if s.ref&inline != 0 {
		one[0] = s.ref &^ inline
		return one[:]
	}
	off := s.ref >> 8
	return m.ents[off : off+s.ref&0xff]
}

// score adds the weights of feats to acc (nclass entries, at most 256).
// It reads the table in passes: first the home slot of every feature, then
// the runs of weights, so that the memory reads of one pass do not wait on
// each other.
func (m *linear) score(accs []int32, feats []uint32) {
	acc := (*[256]int32)(accs[:256])
	slots, ents, mask := m.slots, m.ents, m.mask
	for len(feats) > 0 {
		n := min(len(feats), 128)
		batch := feats[:n]
		feats = feats[n:]
		var home [128]slot
		for k, h := range batch {
			home[k] = slots[h&mask]
		}
		var runs [128]uint32
		nr := 0
		for k, h := range batch {
			s := home[k]
			for i := h & mask; s.ref != 0 && s.key != h; {
				i = (i + 1) & mask
				s = slots[i]
			}
			if s.ref == 0 {
				continue
			}
			if s.ref&inline != 0 {
				acc[uint8(s.ref>>16)] += int32(int16(s.ref))
				continue
			}
			runs[nr] = s.ref
			nr++
		}
		var sink uint32
		for _, r := range runs[:nr] {
			sink += ents[r>>8]
		}
		_ = sink
		for _, r := range runs[:nr] {
			off := r >> 8
			for _, e := range ents[off : off+r&0xff] {
				acc[uint8(e>>16)] += int32(int16(e))
			}
		}
	}
}

// size returns the number of features and of weights.
func (m *linear) size() (features, weights int) {
	for _, s := range m.slots {
		if s.ref != 0 {
			features++
			if s.ref&inline != 0 {
				weights++
			}
		}
	}
	return features, weights + len(m.ents)
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

func newLinear(nclass int, scale float32, rows []row) (*linear, error) {
	if nclass > 256 {
		return nil, fmt.Errorf("%d classes: too many", nclass)
	}
	size := 1
	for size < len(rows)*3/2+2 {
		size <<= 1
	}
	m := &linear{nclass: nclass, scale: scale, mask: uint32(size - 1), slots: make([]slot, size)}
	total := 0
	for _, r := range rows {
		total += len(r.ents)
	}
	if total >= 1<<23 {
		return nil, fmt.Errorf("%d weights: too many", total)
	}
	m.ents = make([]uint32, 0, total/2)
	for _, r := range rows {
		if len(r.ents) == 0 || len(r.ents) > 255 {
			return nil, fmt.Errorf("feature %x: %d weights", r.key, len(r.ents))
		}
		for _, e := range r.ents {
			if int(e>>16) >= nclass {
				return nil, fmt.Errorf("feature %x: class %d of %d", r.key, e>>16, nclass)
			}
		}
		i := r.key & m.mask
		for m.slots[i].ref != 0 {
			if m.slots[i].key == r.key {
				return nil, fmt.Errorf("feature %x twice", r.key)
			}
			i = (i + 1) & m.mask
		}
		if len(r.ents) == 1 {
			m.slots[i] = slot{key: r.key, ref: inline | r.ents[0]}
			continue
		}
		m.slots[i] = slot{key: r.key, ref: uint32(len(m.ents))<<8 | uint32(len(r.ents))}
		m.ents = append(m.ents, r.ents...)
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
	for _, k := range keys {
		w.uvarint(uint64(k.key - prev))
		prev = k.key
		var one [1]uint32
		es := m.weights(slot{k.key, k.ref}, &one)
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
	size := 1
	for size < n*3/2+2 {
		size <<= 1
	}
	m := &linear{nclass: nclass, scale: scale, mask: uint32(size - 1), slots: make([]slot, size)}
	// about three weights a feature, most of them in runs: one allocation
	m.ents = make([]uint32, 0, 3*n)
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
		j := key & m.mask
		for m.slots[j].ref != 0 {
			if m.slots[j].key == key {
				return nil, fmt.Errorf("feature %x twice", key)
			}
			j = (j + 1) & m.mask
		}
		if c == 1 {
			m.slots[j] = slot{key: key, ref: inline | es[0]}
			continue
		}
		if len(m.ents)+c >= 1<<23 {
			return nil, fmt.Errorf("too many weights")
		}
		m.slots[j] = slot{key: key, ref: uint32(len(m.ents))<<8 | uint32(c)}
		m.ents = append(m.ents, es...)
	}
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
		var one [1]uint32
		for _, e := range m.weights(s, &one) {
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

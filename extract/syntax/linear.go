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
	ref uint32 // offset<<8 | count; 0 = empty slot
}

// score adds the weights of feats to acc (nclass entries).
func (m *linear) score(acc []int32, feats []uint32) {
	slots, ents, mask := m.slots, m.ents, m.mask
	for _, h := range feats {
		i := h & mask
		for {
			s := slots[i]
			if s.ref == 0 {
				break
			}
			if s.key == h {
				off := s.ref >> 8
				for _, e := range ents[off : off+s.ref&0xff] {
					acc[e>>16] += int32(int16(e))
				}
				break
			}
			i = (i + 1) & mask
		}
	}
}

func (m *linear) features() int {
	n := 0
	for _, s := range m.slots {
		if s.ref != 0 {
			n++
		}
	}
	return n
}

// row is one feature's weights in a packed model being built.
type row struct {
	key  uint32
	ents []uint32
}

func newLinear(nclass int, scale float32, rows []row) (*linear, error) {
	if nclass > 1<<16 {
		return nil, fmt.Errorf("%d classes: too many", nclass)
	}
	size := 1
	for size < 2*len(rows)+2 {
		size <<= 1
	}
	m := &linear{nclass: nclass, scale: scale, mask: uint32(size - 1), slots: make([]slot, size)}
	total := 0
	for _, r := range rows {
		total += len(r.ents)
	}
	if total >= 1<<24 {
		return nil, fmt.Errorf("%d weights: too many", total)
	}
	m.ents = make([]uint32, 0, total)
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
		n := k.ref & 0xff
		w.uvarint(uint64(n))
		for _, e := range m.ents[k.ref>>8 : k.ref>>8+n] {
			w.uvarint(uint64(e >> 16))
			w.varint(int64(int16(e)))
		}
	}
}

func readLinear(r *reader) (*linear, error) {
	nclass := int(r.uvarint())
	scale := r.float32()
	n := int(r.uvarint())
	if r.err != nil {
		return nil, r.err
	}
	if n > r.left() {
		return nil, fmt.Errorf("%d features in %d bytes", n, r.left())
	}
	rows := make([]row, n)
	key := uint32(0)
	var all []uint32
	for i := range rows {
		key += uint32(r.uvarint())
		c := int(r.uvarint())
		if c > 255 || c > r.left() {
			return nil, fmt.Errorf("feature %d: %d weights", i, c)
		}
		start := len(all)
		for j := 0; j < c; j++ {
			cls := r.uvarint()
			v := r.varint()
			all = append(all, uint32(cls)<<16|uint32(uint16(int16(v))))
		}
		rows[i] = row{key: key, ents: all[start:len(all):len(all)]}
	}
	if r.err != nil {
		return nil, r.err
	}
	return newLinear(nclass, scale, rows)
}

// sparse is a linear model being trained: an averaged perceptron whose
// rows (one per feature hash) hold only the classes that were updated.
type sparse struct {
	nclass int
	index  map[uint32]int32
	rows   [][]tentry
	time   float64 // number of updates rounds so far (for averaging)
}

type tentry struct {
	cls uint16
	w   float32
	acc float64 // sum of time*delta
}

func newSparse(nclass int) *sparse {
	return &sparse{nclass: nclass, index: map[uint32]int32{}, time: 1}
}

func (m *sparse) score(acc []float32, feats []uint32) {
	for _, h := range feats {
		r, ok := m.index[h]
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
		r, ok := m.index[h]
		if !ok {
			r = int32(len(m.rows))
			m.index[h] = r
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
	keys := make([]uint32, 0, len(m.index))
	for k := range m.index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	type kv struct {
		cls int
		w   float64
	}
	maxAbs := 0.0
	avg := make([][]kv, len(keys))
	for i, k := range keys {
		for _, e := range m.rows[m.index[k]] {
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
		for _, e := range m.ents[s.ref>>8 : s.ref>>8+s.ref&0xff] {
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

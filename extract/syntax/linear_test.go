package syntax

// An internal test: the packed model's layouts (inline, runs, dense rows)
// are not visible from outside the package, and each must add exactly the
// weights it was given.

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestLinearScore packs random features of every shape and checks that
// score adds exactly their weights (the sum of the entries, as integers),
// and that the model writes and reads back to the same bytes.
func TestLinearScore(t *testing.T) {
	for _, nclass := range []int{1, 3, 50, 103, 256} {
		rng := rand.New(rand.NewPCG(uint64(nclass), 7))
		want := map[uint32][]uint32{}
		var rows []row
		for k := range 3000 {
			key := rng.Uint32()
			if _, dup := want[key]; dup {
				continue
			}
			var es []uint32
			switch n := 1 + rng.IntN(nclass); k % 4 {
			case 0: // one weight
				es = append(es, entry(rng.IntN(nclass), randWeight(rng)))
			case 1, 2: // every class from a random one on, ascending: dense when long enough
				for c := rng.IntN(nclass); c < nclass && len(es) < 255; c++ {
					es = append(es, entry(c, randWeight(rng)))
				}
			case 3: // classes in any order, some weights 0: never dense
				for _, c := range rng.Perm(nclass)[:min(n, 255)] {
					w := randWeight(rng)
					if rng.IntN(4) == 0 {
						w = 0
					}
					es = append(es, entry(c, w))
				}
			}
			want[key] = es
			rows = append(rows, row{key: key, ents: es})
		}
		// the extreme weights, the lanes' worst case
		for _, w := range []int16{32767, -32768} {
			var es []uint32
			for c := range min(nclass, 255) {
				es = append(es, entry(c, w))
			}
			key := uint32(uint16(w)) // not a random key: keep it apart
			want[key] = es
			rows = append(rows, row{key: key, ents: es})
		}
		m, err := newLinear(nclass, 1, rows)
		if err != nil {
			t.Fatal(err)
		}
		if nclass >= denseMin && len(m.dense) == 0 {
			t.Fatalf("%d classes: no dense row", nclass)
		}
		keys := make([]uint32, 0, len(want))
		for k := range want {
			keys = append(keys, k)
		}
		acc := make([]int32, 256)
		for it := range 200 {
			// up to 300 features (more than one batch and more dense rows
			// than the lanes hold), known and unknown, some repeated; or
			// one of the extreme rows many times
			feats := make([]uint32, rng.IntN(300))
			for i := range feats {
				switch {
				case it < 2:
					feats[i] = uint32(uint16([]int16{32767, -32768}[it]))
				case rng.IntN(5) == 0:
					feats[i] = rng.Uint32()
				default:
					feats[i] = keys[rng.IntN(len(keys))]
				}
			}
			exp := make([]int32, nclass)
			for _, f := range feats {
				for _, e := range want[f] {
					exp[e>>16] += int32(int16(e))
				}
			}
			clear(acc)
			m.score(acc[:nclass], feats)
			for c := range exp {
				if acc[c] != exp[c] {
					t.Fatalf("%d classes, %d features: class %d scores %d, want %d", nclass, len(feats), c, acc[c], exp[c])
				}
			}
		}
		var w1, w2 writer
		m.write(&w1)
		r := newReader(bytes.NewReader(w1.b))
		m2, err := readLinear(r)
		if err != nil {
			t.Fatal(err)
		}
		m2.write(&w2)
		if !bytes.Equal(w1.b, w2.b) {
			t.Fatalf("%d classes: the model reads back different", nclass)
		}
		if f, w := m.size(); f != len(want) || w != entries(want) {
			t.Fatalf("size %d features, %d weights; want %d, %d", f, w, len(want), entries(want))
		}
	}
}

func entry(class int, w int16) uint32 { return uint32(class)<<16 | uint32(uint16(w)) }

func randWeight(rng *rand.Rand) int16 {
	for {
		if w := int16(rng.Uint32()); w != 0 {
			return w
		}
	}
}

func entries(m map[uint32][]uint32) int {
	n := 0
	for _, es := range m {
		n += len(es)
	}
	return n
}

// TestLinearProbeRuns packs features whose keys crowd a few home slots,
// the last ones among them (so that their runs wrap around to the
// table's front), and checks that every present key is found and that
// the keys next to them, absent, add nothing: a lookup stops at the
// first larger key, which is right only if the runs keep their order.
func TestLinearProbeRuns(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 9))
	want := map[uint32][]uint32{}
	var rows []row
	for _, base := range []uint32{0, 1 << 20, 1 << 31, 0xffffffff - 1<<24} {
		for range 300 {
			key := (base + uint32(rng.IntN(1<<24))) &^ 1 // even keys: the odd ones stay absent
			if _, dup := want[key]; dup {
				continue
			}
			es := []uint32{entry(rng.IntN(4), randWeight(rng))}
			if rng.IntN(2) == 0 {
				es = append(es, entry(4+rng.IntN(4), randWeight(rng)))
			}
			want[key] = es
			rows = append(rows, row{key: key, ents: es})
		}
	}
	m, err := newLinear(8, 1, rows)
	if err != nil {
		t.Fatal(err)
	}
	wrapped := false
	for i, s := range m.slots {
		wrapped = wrapped || s.ref != 0 && int(s.key>>m.shift) > i
	}
	if !wrapped {
		t.Fatal("no run wraps around the table's end: the test misses its case")
	}
	acc := make([]int32, 256)
	for key, es := range want {
		for _, k := range []uint32{key, key + 1, key - 1} {
			clear(acc)
			m.score(acc[:8], []uint32{k})
			exp := make([]int32, 8)
			if k == key {
				for _, e := range es {
					exp[e>>16] += int32(int16(e))
				}
			} else if _, ok := want[k]; ok {
				continue
			}
			for c := range exp {
				if acc[c] != exp[c] {
					t.Fatalf("key %x: class %d scores %d, want %d", k, c, acc[c], exp[c])
				}
			}
		}
	}
	// out of order: refused
	m2 := newPacked(8, 1, 2, 2)
	if err := m2.put(5, []uint32{entry(0, 1)}); err != nil {
		t.Fatal(err)
	}
	if err := m2.put(4, []uint32{entry(0, 1)}); err == nil {
		t.Fatal("put took a key smaller than the one before")
	}
}

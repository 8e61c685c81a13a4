// Package classify is a small binary classifier for the event layer: logistic
// regression over hashed string features, trained with AdaGrad and L2
// regularisation, deterministic for the same examples and options. A model
// keeps one weight per feature hash; features keep their strings unless told
// not to, so a caller can say which features made a decision (Explain).
//
// Several named models travel in one Bundle, written gzip-compressed with
// 16-bit quantised weights and loaded once; a loaded model is read-only and
// safe for concurrent use.
package classify

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
)

// Hash is the key of a feature string: its 64-bit FNV-1a hash.
func Hash(name string) uint64 { return HashMore(hashOffset, name) }

// HashMore continues the hash h over s: HashMore(Hash(a), b) is Hash(a+b),
// so that a caller can key a feature made of parts without joining them.
func HashMore(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= hashPrime
	}
	return h
}

// The FNV-1a 64-bit offset basis and prime (hash/fnv).
const (
	hashOffset = 14695981039346656037
	hashPrime  = 1099511628211
)

// Features is a bag of binary features. The zero value is ready to use
// and keeps each feature's name (for Explain and for reading training
// data); with NoNames set (before the first Add) only the keys are kept,
// which is all that scoring and training read, and AddParts builds no
// string. Explain names such features "".
type Features struct {
	Names   []string
	NoNames bool
	keys    []uint64
}

// Add adds the feature name (duplicates are kept once when scored).
func (f *Features) Add(name string) {
	if !f.NoNames {
		f.Names = append(f.Names, name)
	}
	f.keys = append(f.keys, Hash(name))
}

// AddParts adds the feature named by the parts joined, keyed without
// joining them (the same key as Add of the joined name).
func (f *Features) AddParts(parts ...string) {
	h := uint64(hashOffset)
	for _, p := range parts {
		h = HashMore(h, p)
	}
	if !f.NoNames {
		f.Names = append(f.Names, strings.Join(parts, ""))
	}
	f.keys = append(f.keys, h)
}

// Addf adds the feature prefix+"="+value.
func (f *Features) Addf(prefix, value string) { f.AddParts(prefix, "=", value) }

// Grow makes room for n more features, so that adding them does not
// allocate.
func (f *Features) Grow(n int) {
	if !f.NoNames {
		f.Names = slices.Grow(f.Names, n)
	}
	f.keys = slices.Grow(f.keys, n)
}

// Reset empties f, keeping its storage.
func (f *Features) Reset() { f.Names, f.keys = f.Names[:0], f.keys[:0] }

// Len is the number of features added.
func (f *Features) Len() int { return len(f.keys) }

// uniq returns the distinct keys of f with the index of their first name.
func (f *Features) uniq() ([]uint64, []int) {
	keys := make([]uint64, 0, len(f.keys))
	idx := make([]int, 0, len(f.keys))
	seen := make(map[uint64]bool, len(f.keys))
	for i, k := range f.keys {
		if !seen[k] {
			seen[k] = true
			keys = append(keys, k)
			idx = append(idx, i)
		}
	}
	return keys, idx
}

// Model is a trained binary classifier.
type Model struct {
	Bias float64
	W    map[uint64]float32
	// Threshold is the probability from which the caller accepts the
	// positive class (chosen when training, stored with the weights).
	Threshold float64
}

// Score returns the logit of the positive class.
func (m *Model) Score(f *Features) float64 {
	s := m.Bias
	if len(f.keys) <= 64 {
		// few features: skip duplicates without allocating (same sum, in
		// the same order, as below)
		for i, k := range f.keys {
			if !slices.Contains(f.keys[:i], k) {
				s += float64(m.W[k])
			}
		}
		return s
	}
	keys, _ := f.uniq()
	for _, k := range keys {
		s += float64(m.W[k])
	}
	return s
}

// Prob returns the probability of the positive class.
func (m *Model) Prob(f *Features) float64 { return sigmoid(m.Score(f)) }

// Contribution is one feature's share of a score.
type Contribution struct {
	Feature string
	Weight  float64
}

// Explain returns the n features with the largest absolute weights in f,
// strongest first (ties by name, so the order is stable).
func (m *Model) Explain(f *Features, n int) []Contribution {
	keys, idx := f.uniq()
	var out []Contribution
	for i, k := range keys {
		if w := m.W[k]; w != 0 {
			name := "" // a feature kept by its key only
			if idx[i] < len(f.Names) {
				name = f.Names[idx[i]]
			}
			out = append(out, Contribution{name, float64(w)})
		}
	}
	slices.SortFunc(out, func(a, b Contribution) int {
		if c := cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight)); c != 0 {
			return c
		}
		return cmp.Compare(a.Feature, b.Feature)
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Example is one training instance.
type Example struct {
	F      Features
	Y      bool
	Weight float64 // 0 means 1
}

// Options tune training.
type Options struct {
	Epochs int     // passes over the data (default 20)
	Rate   float64 // AdaGrad learning rate (default 0.1)
	L2     float64 // L2 penalty per example and weight (default 1e-4)
	Seed   uint64  // shuffle seed
	// PosWeight multiplies the weight of positive examples (default 1).
	PosWeight float64
	// MinCount drops the features seen in fewer examples than this: a
	// feature of one example only memorises it.
	MinCount int
}

// Train fits a model to the examples. The result depends only on the
// examples (in order) and the options.
func Train(ex []Example, o Options) *Model {
	if o.Epochs == 0 {
		o.Epochs = 20
	}
	if o.Rate == 0 {
		o.Rate = 0.1
	}
	if o.L2 == 0 {
		o.L2 = 1e-4
	}
	if o.PosWeight == 0 {
		o.PosWeight = 1
	}
	type row struct {
		keys []uint64
		y    float64
		w    float64
	}
	rows := make([]row, len(ex))
	count := map[uint64]int{}
	if o.MinCount > 1 {
		for i := range ex {
			k, _ := ex[i].F.uniq()
			for _, h := range k {
				count[h]++
			}
		}
	}
	for i := range ex {
		k, _ := ex[i].F.uniq()
		if o.MinCount > 1 {
			kept := k[:0]
			for _, h := range k {
				if count[h] >= o.MinCount {
					kept = append(kept, h)
				}
			}
			k = kept
		}
		w := ex[i].Weight
		if w == 0 {
			w = 1
		}
		y := 0.0
		if ex[i].Y {
			y = 1
			w *= o.PosWeight
		}
		rows[i] = row{k, y, w}
	}
	w := map[uint64]float64{}
	g2 := map[uint64]float64{}
	var bias, bg2 float64
	rng := rand.New(rand.NewPCG(o.Seed, 0x6e657773))
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	for ep := 0; ep < o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, i := range order {
			r := rows[i]
			s := bias
			for _, k := range r.keys {
				s += w[k]
			}
			g := (sigmoid(s) - r.y) * r.w
			bg2 += g * g
			bias -= o.Rate * g / (math.Sqrt(bg2) + 1e-8)
			for _, k := range r.keys {
				gk := g + o.L2*w[k]
				g2[k] += gk * gk
				w[k] -= o.Rate * gk / (math.Sqrt(g2[k]) + 1e-8)
			}
		}
	}
	m := &Model{Bias: bias, W: make(map[uint64]float32, len(w))}
	for k, v := range w {
		if v != 0 {
			m.W[k] = float32(v)
		}
	}
	return m
}

// BestSmoothed returns the index of the best point of a curve (scores of
// thresholds in grid order) by its three-point moving average (two points
// at the ends), skipping points whose own score is 0: near its top an
// out-of-fold curve is flat and noisy, and its plain argmax moves with any
// small change to the training data. It returns -1 when every score is 0.
func BestSmoothed(scores []float64) int {
	best, bestAvg := -1, -1.0
	for i, f := range scores {
		if f <= 0 {
			continue
		}
		sum, n := 0.0, 0
		for j := max(0, i-1); j <= min(len(scores)-1, i+1); j++ {
			sum += scores[j]
			n++
		}
		if avg := sum / float64(n); avg > bestAvg+1e-9 {
			best, bestAvg = i, avg
		}
	}
	return best
}

// Average returns the model whose bias and weights are the means of ms's
// (a weight a model lacks counts as 0): models trained on the same
// examples with their own shuffle seeds, averaged, vary less with the
// order of the examples than any one of them. The threshold is left 0.
func Average(ms []*Model) *Model {
	sum := map[uint64]float64{}
	var bias float64
	for _, m := range ms {
		bias += m.Bias
		for k, v := range m.W {
			sum[k] += float64(v)
		}
	}
	n := float64(len(ms))
	out := &Model{Bias: bias / n, W: make(map[uint64]float32, len(sum))}
	for k, v := range sum {
		if v != 0 {
			out.W[k] = float32(v / n)
		}
	}
	return out
}

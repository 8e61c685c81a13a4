package ner

import (
	"math/rand/v2"
	"slices"
)

// Example is one training sentence with gold tags (indexes into Tags).
type Example struct {
	Sentence
	Tags []int
}

// TrainOptions tune Train.
type TrainOptions struct {
	Epochs   int
	MinCount int    // features seen fewer times are dropped
	Seed     uint64 // shuffling seed
	// Progress, if set, is called after every epoch with the epoch number
	// and the model averaged so far.
	Progress func(epoch int, m *Model)
}

// Train learns an averaged structured perceptron from examples.
func Train(ex []Example, o TrainOptions) *Model {
	// feature hashes of every token, counted
	counts := map[uint32]int{}
	feats := make([][][]uint32, len(ex))
	var fb featBuf
	for e := range ex {
		s := ex[e].Sentence
		feats[e] = make([][]uint32, len(s.Words))
		c := newCtx(s)
		for i := range s.Words {
			fb.reset()
			features(&fb, s, &c, i)
			if s.docf != nil {
				fb.h = append(fb.h, s.docf[i]...)
			}
			feats[e][i] = append([]uint32(nil), fb.h...)
			for _, h := range fb.h {
				counts[h]++
			}
		}
	}
	m := &Model{}
	var keys []uint32
	for h, c := range counts {
		if c >= o.MinCount {
			keys = append(keys, h)
		}
	}
	slices.Sort(keys)
	m.index = newTable(keys)
	rows := make([][]int32, len(ex))
	for e := range feats {
		rows[e] = nil
	}
	// map to rows once
	frows := make([][][]int32, len(ex))
	for e := range feats {
		frows[e] = make([][]int32, len(feats[e]))
		for i, hs := range feats[e] {
			for _, h := range hs {
				if r := m.index.get(h); r >= 0 {
					frows[e][i] = append(frows[e][i], r)
				}
			}
		}
	}
	feats = nil
	nf := m.index.n
	w := make([]float32, nf*NT)
	acc := make([]float64, nf*NT) // sum of updates weighted by time
	var trans [NT + 1][NT]float32
	var tacc [NT + 1][NT]float64
	c := 1.0
	order := make([]int, len(ex))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	scores := []float32{}
	for ep := 1; ep <= o.Epochs; ep++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for _, e := range order {
			n := len(ex[e].Words)
			if n == 0 {
				continue
			}
			if cap(scores) < n*NT {
				scores = make([]float32, n*NT)
			}
			scores = scores[:n*NT]
			for i := range scores {
				scores[i] = 0
			}
			for i := 0; i < n; i++ {
				for _, r := range frows[e][i] {
					for t := 0; t < NT; t++ {
						scores[i*NT+t] += w[int(r)*NT+t]
					}
				}
			}
			pred := viterbi(scores, n, &trans)
			gold := ex[e].Tags
			prevP, prevG := NT, NT
			for i := 0; i < n; i++ {
				p, g := pred[i], gold[i]
				if p != g {
					for _, r := range frows[e][i] {
						w[int(r)*NT+g]++
						acc[int(r)*NT+g] += c
						w[int(r)*NT+p]--
						acc[int(r)*NT+p] -= c
					}
				}
				if p != g || prevP != prevG {
					trans[prevG][g]++
					tacc[prevG][g] += c
					trans[prevP][p]--
					tacc[prevP][p] -= c
				}
				prevP, prevG = p, g
			}
			c++
		}
		if o.Progress != nil {
			o.Progress(ep, averaged(m.index, w, acc, trans, tacc, c))
		}
	}
	_ = rows
	return averaged(m.index, w, acc, trans, tacc, c)
}

// averaged returns the averaged model: w - acc/c.
func averaged(index *table, w []float32, acc []float64, trans [NT + 1][NT]float32, tacc [NT + 1][NT]float64, c float64) *Model {
	m := &Model{index: index, w: make([]float32, len(w))}
	for i := range w {
		m.w[i] = float32(float64(w[i]) - acc[i]/c)
	}
	for a := range trans {
		for b := range trans[a] {
			m.trans[a][b] = float32(float64(trans[a][b]) - tacc[a][b]/c)
		}
	}
	return m
}

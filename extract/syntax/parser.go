package syntax

// The parser is a greedy arc-hybrid transition system (Kuhlmann, Gómez-
// Rodríguez and Satta 2011) with labelled arcs, scored by an averaged
// perceptron and trained with a dynamic oracle (Goldberg and Nivre 2013).
// Position 0 is the root, words are 1..n. The stack starts as [root], the
// buffer as 1..n.
//
//	SHIFT     push the buffer's first word b0
//	LEFT-l    s0 <-l- b0: s0 becomes a dependent of b0 and is popped
//	RIGHT-l   s1 -l-> s0: s0 becomes a dependent of s1 and is popped
//
// The root takes its one dependent (label root) only once the buffer is
// empty, so every parse is a tree with a single root; unless the model is
// multi-rooted (trained on the extractor's sentences, which may hold
// several of the treebank's): then RIGHT-root is valid whenever the stack
// is [root, s0], and each root's words, a contiguous span, are a sentence
// of their own.

type pstate struct {
	n      int
	stack  []int32
	b      int32 // first buffer position; n+1 when the buffer is empty
	head   []int32
	label  []uint8
	l1, l2 []int32 // leftmost and second leftmost child (0: none)
	r1, r2 []int32 // rightmost and second rightmost child
	nl, nr []uint8
	ls, rs []uint64 // sets of the labels of the left and right children
}

func (s *pstate) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	grow := func(a []int32) []int32 {
		if cap(a) < n+1 {
			return make([]int32, n+1)
		}
		a = a[:n+1]
		clear(a)
		return a
	}
	s.head = grow(s.head)
	for i := range s.head {
		s.head[i] = -1
	}
	s.l1, s.l2, s.r1, s.r2 = grow(s.l1), grow(s.l2), grow(s.r1), grow(s.r2)
	if cap(s.label) < n+1 {
		s.label = make([]uint8, n+1)
		s.nl, s.nr = make([]uint8, n+1), make([]uint8, n+1)
		s.ls, s.rs = make([]uint64, n+1), make([]uint64, n+1)
	}
	s.label, s.nl, s.nr, s.ls, s.rs = s.label[:n+1], s.nl[:n+1], s.nr[:n+1], s.ls[:n+1], s.rs[:n+1]
	clear(s.label)
	clear(s.nl)
	clear(s.nr)
	clear(s.ls)
	clear(s.rs)
}

func (s *pstate) done() bool { return int(s.b) > s.n && len(s.stack) == 1 }

func (s *pstate) arc(h, d int32, l int) {
	s.head[d] = h
	s.label[d] = uint8(l)
	bit := uint64(1) << (uint(l) & 63)
	if d < h {
		if s.l1[h] == 0 || d < s.l1[h] {
			s.l2[h] = s.l1[h]
			s.l1[h] = d
		}
		if s.nl[h] < 255 {
			s.nl[h]++
		}
		s.ls[h] |= bit
	} else {
		if d > s.r1[h] {
			s.r2[h] = s.r1[h]
			s.r1[h] = d
		}
		if s.nr[h] < 255 {
			s.nr[h]++
		}
		s.rs[h] |= bit
	}
}

// labels of the parser: index rootLabel is "root".
type actions struct {
	nl        int // number of labels
	rootLabel int
	leftOK    []bool // label may be a left arc
	rightOK   []bool
	// multiRoot: the root may take a dependent before the buffer is
	// empty (a parse may hold several sentences).
	multiRoot bool
}

func (a *actions) n() int { return 1 + 2*a.nl }

// kind of action: 0 shift, 1 left, 2 right; and its label.
func (a *actions) decode(act int) (kind, label int) {
	switch {
	case act == 0:
		return 0, 0
	case act <= a.nl:
		return 1, act - 1
	default:
		return 2, act - 1 - a.nl
	}
}

// valid marks the actions allowed in s.
func (a *actions) valid(s *pstate, ok []bool) {
	clear(ok)
	bufferLeft := int(s.b) <= s.n
	ok[0] = bufferLeft
	if bufferLeft && s.stack[len(s.stack)-1] != 0 {
		for l := 0; l < a.nl; l++ {
			ok[1+l] = a.leftOK[l]
		}
	}
	if len(s.stack) >= 2 {
		if s.stack[len(s.stack)-2] == 0 {
			if !bufferLeft || a.multiRoot {
				ok[1+a.nl+a.rootLabel] = true
			}
		} else {
			for l := 0; l < a.nl; l++ {
				ok[1+a.nl+l] = a.rightOK[l]
			}
		}
	}
}

func (a *actions) apply(s *pstate, act int) {
	kind, l := a.decode(act)
	switch kind {
	case 0:
		s.stack = append(s.stack, s.b)
		s.b++
	case 1:
		s0 := s.stack[len(s.stack)-1]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s.b, s0, l)
	case 2:
		s0 := s.stack[len(s.stack)-1]
		s1 := s.stack[len(s.stack)-2]
		s.stack = s.stack[:len(s.stack)-1]
		s.arc(s1, s0, l)
	}
}

// Parser feature templates.
const (
	ptBias uint32 = iota + 100
	ptS0w
	ptS0t
	ptS0wt
	ptB0w
	ptB0t
	ptB0wt
	ptB1w
	ptB1t
	ptB1wt
	ptB2w
	ptB2t
	ptS1w
	ptS1t
	ptS1wt
	ptS2t
	ptS2w
	ptS0wtB0wt
	ptS0wtB0w
	ptS0wB0wt
	ptS0wtB0t
	ptS0tB0wt
	ptS0wB0w
	ptS0tB0t
	ptB0tB1t
	ptS1tS0t
	ptS1wS0w
	ptS1wtS0t
	ptS1tS0wt
	ptB0tB1tB2t
	ptS0tB0tB1t
	ptS1tS0tB0t
	ptS0tS0l1tB0t
	ptS0tS0r1tB0t
	ptS0tB0tB0l1t
	ptS1tS1r1tS0t
	ptS2tS1tS0t
	ptS0wD
	ptS0tD
	ptB0wD
	ptB0tD
	ptS0wB0wD
	ptS0tB0tD
	ptS1tS0tD
	ptS0wVr
	ptS0tVr
	ptS0wVl
	ptS0tVl
	ptB0wVl
	ptB0tVl
	ptS1tVr
	ptS0l1w
	ptS0l1t
	ptS0l1l
	ptS0r1w
	ptS0r1t
	ptS0r1l
	ptB0l1w
	ptB0l1t
	ptB0l1l
	ptS1r1t
	ptS1r1l
	ptS1l1t
	ptS0l2w
	ptS0l2t
	ptS0l2l
	ptS0r2w
	ptS0r2t
	ptS0r2l
	ptB0l2w
	ptB0l2t
	ptB0l2l
	ptS0tS0l1tS0l2t
	ptS0tS0r1tS0r2t
	ptB0tB0l1tB0l2t
	ptS0wSr
	ptS0tSr
	ptS0wSl
	ptS0tSl
	ptB0wSl
	ptB0tSl
	ptS0tS0l1lS0r1l
	ptS0tB0tPunct
	ptS1wB0w
	ptS1tB0t
	ptB0wB1w
	ptBm1tB0t
	ptBm1wB0s
	ptS0tBm1wB0s
	ptS0wB0tB1t
	ptS0a
	ptB0a
	ptS0aB0a
	ptS0tB0a
	ptS0aB0t
	ptB1a
	ptS0sufB0t
	ptS0tB0suf
	ptS1aS0t
)

// distance buckets of two positions.
func distBucket(a, b int32) uint32 {
	d := b - a
	if d < 0 {
		d = -d
	}
	switch {
	case d <= 4:
		return uint32(d)
	case d <= 6:
		return 5
	case d <= 9:
		return 6
	default:
		return 7
	}
}

// pctx are the hashed words and tags of a sentence's positions: index 0
// is the root, 1..n the words; tags are class values (see tagClassValue).
type pctx struct {
	w, t, shape []uint32
	amb, suf    []uint32 // ambiguity class (the tags seen with the word) and 3-rune suffix
	punct       []bool
}

// at is xs[p], or vNone for no word (p < 0).
func at(xs []uint32, p int32) uint32 {
	if p < 0 {
		return vNone
	}
	return xs[p]
}

// parseFeatures appends the features of state s.
func parseFeatures(dst []uint32, s *pstate, c *pctx) []uint32 {
	W := func(p int32) uint32 { return at(c.w, p) }
	T := func(p int32) uint32 { return at(c.t, p) }
	L := func(p int32) uint32 {
		if p <= 0 {
			return vNone
		}
		return uint32(s.label[p]) + 16
	}
	s0, s1, s2 := int32(-1), int32(-1), int32(-1)
	if k := len(s.stack); k > 0 {
		s0 = s.stack[k-1]
		if k > 1 {
			s1 = s.stack[k-2]
			if k > 2 {
				s2 = s.stack[k-3]
			}
		}
	}
	b0, b1, b2 := int32(-1), int32(-1), int32(-1)
	if int(s.b) <= s.n {
		b0 = s.b
		if int(s.b)+1 <= s.n {
			b1 = s.b + 1
			if int(s.b)+2 <= s.n {
				b2 = s.b + 2
			}
		}
	}
	child := func(a []int32, p int32) int32 {
		if p < 0 || a[p] == 0 {
			return -1
		}
		return a[p]
	}
	s0l1, s0l2, s0r1, s0r2 := child(s.l1, s0), child(s.l2, s0), child(s.r1, s0), child(s.r2, s0)
	b0l1, b0l2 := child(s.l1, b0), child(s.l2, b0)
	s1r1, s1l1 := child(s.r1, s1), child(s.l1, s1)

	s0w, s0t, b0w, b0t := W(s0), T(s0), W(b0), T(b0)
	s1w, s1t := W(s1), T(s1)
	b1w, b1t := W(b1), T(b1)
	s0wt, b0wt := f2(0, s0w, s0t), f2(0, b0w, b0t)
	dsb, dss := uint32(vNone), uint32(vNone)
	if s0 >= 0 && b0 >= 0 {
		dsb = distBucket(s0, b0)
	}
	if s1 >= 0 && s0 >= 0 {
		dss = distBucket(s1, s0)
	}
	var vl0, vr0, vlb, vr1 uint32
	var sl0lo, sl0hi, sr0lo, sr0hi, slblo, slbhi uint32
	if s0 >= 0 {
		vl0, vr0 = uint32(s.nl[s0]), uint32(s.nr[s0])
		sl0lo, sl0hi = uint32(s.ls[s0]), uint32(s.ls[s0]>>32)
		sr0lo, sr0hi = uint32(s.rs[s0]), uint32(s.rs[s0]>>32)
	}
	if b0 >= 0 {
		vlb = uint32(s.nl[b0])
		slblo, slbhi = uint32(s.ls[b0]), uint32(s.ls[b0]>>32)
	}
	if s1 >= 0 {
		vr1 = uint32(s.nr[s1])
	}
	// punctuation between s0 and b0
	var punct uint32
	if s0 > 0 && b0 > 0 {
		for p := s0 + 1; p < b0; p++ {
			if c.punct[p] {
				punct = 1
				break
			}
		}
	}
	// the word before b0 (the root before the first word) and b0's shape:
	// where a sentence ends inside a multi-rooted parse
	bm1, b0s := int32(-1), uint32(vNone)
	if b0 > 0 {
		bm1, b0s = b0-1, c.shape[b0]
	}
	A := func(p int32) uint32 { return at(c.amb, p) }
	S := func(p int32) uint32 { return at(c.suf, p) }
	s0a, b0a := A(s0), A(b0)
	dst = append(dst,
		f1(ptBias, 0),
		f1(ptS0w, s0w),
		f1(ptS0t, s0t),
		f1(ptS0wt, s0wt),
		f1(ptB0w, b0w),
		f1(ptB0t, b0t),
		f1(ptB0wt, b0wt),
		f1(ptB1w, b1w),
		f1(ptB1t, b1t),
		f2(ptB1wt, b1w, b1t),
		f1(ptB2w, W(b2)),
		f1(ptB2t, T(b2)),
		f1(ptS1w, s1w),
		f1(ptS1t, s1t),
		f2(ptS1wt, s1w, s1t),
		f1(ptS2t, T(s2)),
		f1(ptS2w, W(s2)),
		f2(ptS0wtB0wt, s0wt, b0wt),
		f2(ptS0wtB0w, s0wt, b0w),
		f2(ptS0wB0wt, s0w, b0wt),
		f2(ptS0wtB0t, s0wt, b0t),
		f2(ptS0tB0wt, s0t, b0wt),
		f2(ptS0wB0w, s0w, b0w),
		f2(ptS0tB0t, s0t, b0t),
		f2(ptB0tB1t, b0t, b1t),
		f2(ptS1tS0t, s1t, s0t),
		f2(ptS1wS0w, s1w, s0w),
		f3(ptS1wtS0t, s1w, s1t, s0t),
		f2(ptS1tS0wt, s1t, s0wt),
		f3(ptB0tB1tB2t, b0t, b1t, T(b2)),
		f3(ptS0tB0tB1t, s0t, b0t, b1t),
		f3(ptS1tS0tB0t, s1t, s0t, b0t),
		f3(ptS0tS0l1tB0t, s0t, T(s0l1), b0t),
		f3(ptS0tS0r1tB0t, s0t, T(s0r1), b0t),
		f3(ptS0tB0tB0l1t, s0t, b0t, T(b0l1)),
		f3(ptS1tS1r1tS0t, s1t, T(s1r1), s0t),
		f3(ptS2tS1tS0t, T(s2), s1t, s0t),
		f2(ptS0wD, s0w, dsb),
		f2(ptS0tD, s0t, dsb),
		f2(ptB0wD, b0w, dsb),
		f2(ptB0tD, b0t, dsb),
		f3(ptS0wB0wD, s0w, b0w, dsb),
		f3(ptS0tB0tD, s0t, b0t, dsb),
		f3(ptS1tS0tD, s1t, s0t, dss),
		f2(ptS0wVr, s0w, vr0),
		f2(ptS0tVr, s0t, vr0),
		f2(ptS0wVl, s0w, vl0),
		f2(ptS0tVl, s0t, vl0),
		f2(ptB0wVl, b0w, vlb),
		f2(ptB0tVl, b0t, vlb),
		f2(ptS1tVr, s1t, vr1),
		f1(ptS0l1w, W(s0l1)),
		f1(ptS0l1t, T(s0l1)),
		f1(ptS0l1l, L(s0l1)),
		f1(ptS0r1w, W(s0r1)),
		f1(ptS0r1t, T(s0r1)),
		f1(ptS0r1l, L(s0r1)),
		f1(ptB0l1w, W(b0l1)),
		f1(ptB0l1t, T(b0l1)),
		f1(ptB0l1l, L(b0l1)),
		f1(ptS1r1t, T(s1r1)),
		f1(ptS1r1l, L(s1r1)),
		f1(ptS1l1t, T(s1l1)),
		f1(ptS0l2w, W(s0l2)),
		f1(ptS0l2t, T(s0l2)),
		f1(ptS0l2l, L(s0l2)),
		f1(ptS0r2w, W(s0r2)),
		f1(ptS0r2t, T(s0r2)),
		f1(ptS0r2l, L(s0r2)),
		f1(ptB0l2w, W(b0l2)),
		f1(ptB0l2t, T(b0l2)),
		f1(ptB0l2l, L(b0l2)),
		f3(ptS0tS0l1tS0l2t, s0t, T(s0l1), T(s0l2)),
		f3(ptS0tS0r1tS0r2t, s0t, T(s0r1), T(s0r2)),
		f3(ptB0tB0l1tB0l2t, b0t, T(b0l1), T(b0l2)),
		f3(ptS0wSr, s0w, sr0lo, sr0hi),
		f3(ptS0tSr, s0t, sr0lo, sr0hi),
		f3(ptS0wSl, s0w, sl0lo, sl0hi),
		f3(ptS0tSl, s0t, sl0lo, sl0hi),
		f3(ptB0wSl, b0w, slblo, slbhi),
		f3(ptB0tSl, b0t, slblo, slbhi),
		f3(ptS0tS0l1lS0r1l, s0t, L(s0l1), L(s0r1)),
		f3(ptS0tB0tPunct, s0t, b0t, punct),
		f2(ptS1wB0w, s1w, b0w),
		f2(ptS1tB0t, s1t, b0t),
		f2(ptB0wB1w, b0w, b1w),
		f2(ptBm1tB0t, T(bm1), b0t),
		f2(ptBm1wB0s, W(bm1), b0s),
		f3(ptS0tBm1wB0s, s0t, W(bm1), b0s),
		f3(ptS0wB0tB1t, s0w, b0t, b1t),
		// the tags a word may have, beside the one it was given: a
		// wrong tag costs less; and the suffixes of unknown words
		f1(ptS0a, s0a),
		f1(ptB0a, b0a),
		f2(ptS0aB0a, s0a, b0a),
		f2(ptS0tB0a, s0t, b0a),
		f2(ptS0aB0t, s0a, b0t),
		f1(ptB1a, A(b1)),
		f2(ptS0sufB0t, S(s0), b0t),
		f2(ptS0tB0suf, s0t, S(b0)),
		f2(ptS1aS0t, A(s1), s0t),
	)
	return dst
}

// oracle holds the gold tree of a training sentence (projective).
type oracle struct {
	head  []int32 // per position; head[0] unused
	label []uint8
	deps  [][]int32 // gold dependents of each position
	in    []bool    // position is on the stack
}

func newOracle(head []int32, label []uint8) *oracle {
	n := len(head) - 1
	o := &oracle{head: head, label: label, deps: make([][]int32, n+1), in: make([]bool, n+1)}
	for d := 1; d <= n; d++ {
		o.deps[head[d]] = append(o.deps[head[d]], int32(d))
	}
	return o
}

// costs sets cost[a] for every valid action: the number of gold arcs
// that become unreachable (a wrong label counts as a lost arc).
func (o *oracle) costs(a *actions, s *pstate, ok []bool, cost []int) {
	clear(o.in)
	for _, p := range s.stack {
		o.in[p] = true
	}
	k := len(s.stack)
	s0 := s.stack[k-1]
	s1 := int32(-1)
	if k > 1 {
		s1 = s.stack[k-2]
	}
	b := s.b
	// dependents of s0 still in the buffer
	depsInBuffer := 0
	for _, d := range o.deps[s0] {
		if d >= b {
			depsInBuffer++
		}
	}
	if ok[0] {
		c := 0
		for _, d := range o.deps[b] {
			if d < b && o.in[d] {
				c++
			}
		}
		if h := o.head[b]; h != s0 && h < b && o.in[h] {
			c++
		}
		cost[0] = c
	}
	if s0 != 0 && int(b) <= s.n {
		base := depsInBuffer
		h := o.head[s0]
		if h != b && (h == s1 || h > b) {
			base++
		}
		for l := 0; l < a.nl; l++ {
			if ok[1+l] {
				c := base
				if h == b && int(o.label[s0]) != l {
					c++
				}
				cost[1+l] = c
			}
		}
	}
	if s1 >= 0 {
		base := depsInBuffer
		h := o.head[s0]
		if h >= b {
			base++
		}
		for l := 0; l < a.nl; l++ {
			if ok[1+a.nl+l] {
				c := base
				if h == s1 && int(o.label[s0]) != l {
					c++
				}
				cost[1+a.nl+l] = c
			}
		}
	}
}

// projectivize lifts non-projective arcs (the shortest first) to the
// head's head until the tree is projective; heads are per position with
// head[0] unused.
func projectivize(head []int32) []int32 {
	h := append([]int32(nil), head...)
	n := len(h) - 1
	// dominated reports whether a is dominated by (a descendant of) b
	dominated := func(a, b int32) bool {
		for steps := 0; a != 0 && steps <= n; steps++ {
			if a == b {
				return true
			}
			a = h[a]
		}
		return b == 0
	}
	for iter := 0; iter < n*n; iter++ {
		best, bestLen := int32(-1), n+1
		for d := int32(1); int(d) <= n; d++ {
			p := h[d]
			lo, hi := min(p, d), max(p, d)
			for k := lo + 1; k < hi; k++ {
				if !dominated(k, p) {
					if l := int(hi - lo); l < bestLen {
						best, bestLen = d, l
					}
					break
				}
			}
		}
		if best < 0 {
			break
		}
		h[best] = h[h[best]]
	}
	return h
}

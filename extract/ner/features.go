package ner

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// featBuf collects the hashed features of one token.
type featBuf struct {
	h []uint32
}

func (f *featBuf) reset() { f.h = f.h[:0] }

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// tagHash is the FNV-1a state after the bytes of a feature tag.
func tagHash(tag string) uint32 {
	h := uint32(fnvOffset)
	for i := 0; i < len(tag); i++ {
		h = (h ^ uint32(tag[i])) * fnvPrime
	}
	return h
}

// addh hashes a feature made of a tag and parts (FNV-1a over the tag's
// bytes, then each part after a 0x1f separator); h is tagHash(tag),
// computed once per tag rather than for every token.
func (f *featBuf) addh(h uint32, parts ...string) {
	for _, p := range parts {
		h = (h ^ 0x1f) * fnvPrime
		for i := 0; i < len(p); i++ {
			h = (h ^ uint32(p[i])) * fnvPrime
		}
	}
	f.h = append(f.h, h)
}

// appendShape appends a word's short shape: Xx, X, x, d, X.X., with runs
// of the same class collapsed ("McDonald" -> "XxXx", "1996-08-22" -> "d-d-d").
func appendShape(dst []byte, w string) []byte {
	n := 0
	var last byte
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		case r < 128:
			c = byte(r)
		default:
			c = '*'
		}
		if c == last {
			continue
		}
		last = c
		if n < 16 {
			dst = append(dst, c)
			n++
		}
	}
	return dst
}

// Hash states of the feature tags (see tagHash).
var (
	tgAlone   = tagHash("alone")
	tgB       = tagHash("b")
	tgD       = tagHash("d")
	tgDany    = tagHash("dany")
	tgDcapl   = tagHash("dcapl")
	tgDlong   = tagHash("dlong")
	tgDlongsh = tagHash("dlongsh")
	tgDmaj    = tagHash("dmaj")
	tgDmajown = tagHash("dmajown")
	tgDmajsh  = tagHash("dmajsh")
	tgDnone   = tagHash("dnone")
	tgFirst   = tagHash("first")
	tgFirstsh = tagHash("firstsh")
	tgG       = tagHash("g")
	tgGp1     = tagHash("g+1")
	tgGm1     = tagHash("g-1")
	tgGb      = tagHash("gb")
	tgGbsh    = tagHash("gbsh")
	tgHy      = tagHash("hy")
	tgL       = tagHash("l")
	tgLp1     = tagHash("l+1")
	tgLp2     = tagHash("l+2")
	tgLm1     = tagHash("l-1")
	tgLm1l    = tagHash("l-1l")
	tgLm2     = tagHash("l-2")
	tgLlp1    = tagHash("ll+1")
	tgOwn     = tagHash("own")
	tgOwnp1   = tagHash("own+1")
	tgOwnm1   = tagHash("own-1")
	tgOwnsh   = tagHash("ownsh")
	tgSh      = tagHash("sh")
	tgShp1    = tagHash("sh+1")
	tgShm1    = tagHash("sh-1")
	tgSh3     = tagHash("sh3")
	tgShlp1   = tagHash("shl+1")
	tgShlm1   = tagHash("shl-1")
	tgUc      = tagHash("uc")
	tgUclm1l  = tagHash("ucl-1l")
	tgUcsh    = tagHash("ucsh")
	tgW       = tagHash("w")
)

var prefixHashes, suffixHashes = func() (p, s [5]uint32) {
	for k := 1; k < 5; k++ {
		p[k], s[k] = tagHash(prefixTags[k]), tagHash(suffixTags[k])
	}
	return
}()

// sentCtx caches per-word forms of a sentence.
type sentCtx struct {
	lower, shape []string
}

func newCtx(s Sentence) sentCtx {
	c := sentCtx{lower: s.Lower, shape: make([]string, len(s.Words))}
	if c.lower == nil {
		c.lower = make([]string, len(s.Words))
		for i, w := range s.Words {
			c.lower[i] = strings.ToLower(w)
		}
	}
	arena := make([]byte, 0, len(s.Words)*4)
	ends := make([]int, len(s.Words))
	for i, w := range s.Words {
		arena = appendShape(arena, w)
		ends[i] = len(arena)
	}
	all := string(arena)
	start := 0
	for i, e := range ends {
		c.shape[i] = all[start:e]
		start = e
	}
	return c
}

func (c *sentCtx) lowerAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(c.lower) {
		return "</s>"
	}
	return c.lower[i]
}

func (c *sentCtx) shapeAt(i int) string {
	if i < 0 {
		return "<s>"
	}
	if i >= len(c.shape) {
		return "</s>"
	}
	return c.shape[i]
}

func gazAt(s Sentence, i int) uint16 {
	if i < 0 || i >= len(s.Gaz) {
		return 0
	}
	return s.Gaz[i]
}

// hexes holds the 4-digit hex forms of all flag values, so that features
// need no allocation.
var hexes = func() []string {
	const digits = "0123456789abcdef"
	out := make([]string, 1<<12)
	for v := range out {
		var b [4]byte
		x := v
		for k := 3; k >= 0; k-- {
			b[k] = digits[x&15]
			x >>= 4
		}
		out[v] = string(b[:])
	}
	return out
}()

func itoa(v uint16) string {
	if int(v) < len(hexes) {
		return hexes[v]
	}
	const digits = "0123456789abcdef"
	var b [4]byte
	for k := 3; k >= 0; k-- {
		b[k] = digits[v&15]
		v >>= 4
	}
	return string(b[:])
}

var (
	prefixTags = [...]string{"", "p1", "p2", "p3", "p4"}
	suffixTags = [...]string{"", "s1", "s2", "s3", "s4"}
	docTags    = func() (t [8]string) {
		for i := range t {
			t[i] = string(rune('a' + i))
		}
		return t
	}()
)

// prefix and suffix of up to n runes.
func prefix(w string, n int) string {
	i := 0
	for k := 0; k < n && i < len(w); k++ {
		_, sz := utf8.DecodeRuneInString(w[i:])
		i += sz
	}
	return w[:i]
}

func suffix(w string, n int) string {
	i := len(w)
	for k := 0; k < n && i > 0; k++ {
		_, sz := utf8.DecodeLastRuneInString(w[:i])
		i -= sz
	}
	return w[i:]
}

// features appends the features of token i of s: its word's
// (wordFeatures) and its context's (contextFeatures).
func features(f *featBuf, s Sentence, c *sentCtx, i int) {
	wordFeatures(f, s, c, i)
	contextFeatures(f, s, c, i)
}

// capsAt says whether token i's sentence is written in capitals.
func capsAt(s Sentence, i int) bool { return i < len(s.Doc) && s.Doc[i]&CapsSentence != 0 }

// wordFeatures appends the features of token i that depend only on its
// word and on capsAt (its lower case is the word's, as Sentence.Lower
// promises): the same wherever the word occurs in a document, so that the
// tagger looks them up once a document (see wordCache).
func wordFeatures(f *featBuf, s Sentence, c *sentCtx, i int) {
	w := s.Words[i]
	l := c.lower[i]
	sh := c.shape[i]
	caps := capsAt(s, i)
	f.addh(tgB)
	if !caps {
		f.addh(tgW, w)
		f.addh(tgSh, sh)
	} else {
		f.addh(tgUcsh, sh)
		f.addh(tgUc)
	}
	f.addh(tgL, l)
	for k := 1; k <= 4; k++ {
		if len(l) > k {
			f.addh(prefixHashes[k], prefix(l, k))
			f.addh(suffixHashes[k], suffix(l, k))
		}
	}
	if strings.ContainsAny(w, "-") {
		f.addh(tgHy)
	}
}

// contextFeatures appends the features of token i that its neighbours,
// its place in the sentence, the gazetteer and the document give.
func contextFeatures(f *featBuf, s Sentence, c *sentCtx, i int) {
	l := c.lower[i]
	sh := c.shape[i]
	var df uint8
	if i < len(s.Doc) {
		df = s.Doc[i]
	}
	caps := capsAt(s, i)
	l1, l2 := c.lowerAt(i-1), c.lowerAt(i-2)
	r1, r2 := c.lowerAt(i+1), c.lowerAt(i+2)
	f.addh(tgLm1, l1)
	f.addh(tgLm2, l2)
	f.addh(tgLp1, r1)
	f.addh(tgLp2, r2)
	f.addh(tgLm1l, l1, l)
	f.addh(tgLlp1, l, r1)
	sh1, shn := c.shapeAt(i-1), c.shapeAt(i+1)
	if caps {
		f.addh(tgUclm1l, l1, l)
	} else {
		f.addh(tgShm1, sh1)
		f.addh(tgShp1, shn)
		f.addh(tgSh3, sh1, sh, shn)
		f.addh(tgShlm1, sh, l1)
		f.addh(tgShlp1, sh, r1)
	}
	if i == 0 {
		f.addh(tgFirst, l)
		f.addh(tgFirstsh, sh)
	}
	if len(s.Words) == 1 {
		f.addh(tgAlone, sh)
	}
	g := gazAt(s, i)
	f.addh(tgG, itoa(g))
	for bit := 0; bit < 10; bit++ {
		if g&(1<<bit) != 0 {
			f.addh(tgGb, itoa(uint16(bit)))
			f.addh(tgGbsh, itoa(uint16(bit)), sh)
		}
	}
	f.addh(tgGm1, itoa(gazAt(s, i-1)), sh)
	f.addh(tgGp1, itoa(gazAt(s, i+1)), sh)
	f.addh(tgD, docTags[df&7], sh)
	if df&DocCap != 0 && df&DocLower == 0 {
		f.addh(tgDcapl, l)
	}
}

package extract

import (
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// synSent is the dependency parse of one sentence with the maps the event
// layer reads: the word of each token and the children of each word.
type synSent struct {
	sent  int
	s     *syntax.Sentence
	tok0  int
	word  []int   // token index - tok0 -> first word of the token, or -1
	kids  [][]int // children of each word, in text order
	depth []int   // distance of each word from the root
}

func newSynSent(d *Doc, sent int, s *syntax.Sentence) *synSent {
	st := d.Sentences[sent]
	ss := &synSent{sent: sent, s: s, tok0: st.Tok0}
	ss.word = make([]int, st.Tok1-st.Tok0)
	for i := range ss.word {
		ss.word[i] = -1
	}
	n := len(s.Words)
	ss.kids = make([][]int, n)
	for i, w := range s.Words {
		if k := w.Tok - st.Tok0; k >= 0 && k < len(ss.word) && ss.word[k] < 0 {
			ss.word[k] = i
		}
		if h := w.Head - 1; h >= 0 && h < n {
			ss.kids[h] = append(ss.kids[h], i)
		}
	}
	ss.depth = make([]int, n)
	for i := range s.Words {
		d, j := 0, i
		for j >= 0 && d <= n {
			j = s.Words[j].Head - 1
			d++
		}
		ss.depth[i] = d
	}
	return ss
}

func (ss *synSent) head(i int) int { return ss.s.Words[i].Head - 1 }

// spanHead returns the word heading the words of tokens [tok0, tok1): the
// first of them whose head lies outside the span, or -1.
func (ss *synSent) spanHead(tok0, tok1 int) int {
	first, last := -1, -1
	for i, w := range ss.s.Words {
		if w.Tok >= tok0 && w.Tok < tok1 {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	if first < 0 {
		return -1
	}
	for i := first; i <= last; i++ {
		h := ss.head(i)
		if h < first || h > last {
			return i
		}
	}
	return first
}

// label is a word's relation to its head, with the preposition or
// subordinator that marks it: "obl[with]", "nmod[of]", "advcl[after]".
func (ss *synSent) label(i int) string {
	rel := ss.s.Words[i].Deprel
	switch strings.SplitN(rel, ":", 2)[0] {
	case "obl", "nmod", "advcl", "acl":
		for _, k := range ss.kids[i] {
			if dr := ss.s.Words[k].Deprel; dr == "case" || dr == "mark" {
				return rel + "[" + strings.ToLower(ss.s.Words[k].Lemma) + "]"
			}
		}
	}
	return rel
}

// path returns the words from a up to the lowest common ancestor of a and
// b (a included, the ancestor excluded), the ancestor, and the words from
// the ancestor down to b (b included).
func (ss *synSent) path(a, b int) (up []int, top int, down []int) {
	x, y := a, b
	for ss.depth[x] > ss.depth[y] {
		up = append(up, x)
		x = ss.head(x)
	}
	for ss.depth[y] > ss.depth[x] {
		down = append(down, y)
		y = ss.head(y)
	}
	for x != y && x >= 0 && y >= 0 {
		up = append(up, x)
		down = append(down, y)
		x, y = ss.head(x), ss.head(y)
	}
	for i, j := 0, len(down)-1; i < j; i, j = i+1, j-1 {
		down[i], down[j] = down[j], down[i]
	}
	return up, x, down
}

// root returns the sentence's root word.
func (ss *synSent) root() int {
	for i := range ss.s.Words {
		if ss.head(i) < 0 {
			return i
		}
	}
	return 0
}

// dominates says whether word a is word b or one of its ancestors.
func (ss *synSent) dominates(a, b int) bool {
	up, _, _ := ss.path(a, b)
	return len(up) == 0
}

// pathLen is the number of arcs between words a and b.
func (ss *synSent) pathLen(a, b int) int {
	up, _, down := ss.path(a, b)
	return len(up) + len(down)
}

// pathString renders the path from a to b: "<label" for each step up,
// the ancestor's lemma when lex (and it is neither end), ">label" for each
// step down. "obl[with]" from a trigger down to its with-phrase reads
// ">obl[with]"; a light verb between a noun and its subject reads
// "<obj hold >nsubj".
func (ss *synSent) pathString(a, b int, lex bool) string {
	up, top, down := ss.path(a, b)
	if len(up)+len(down) > 6 {
		return "far"
	}
	var sb strings.Builder
	for _, w := range up {
		sb.WriteString("<")
		sb.WriteString(ss.label(w))
		sb.WriteByte(' ')
	}
	if lex && top >= 0 && top != a && top != b {
		sb.WriteString(strings.ToLower(ss.s.Words[top].Lemma))
		sb.WriteByte(' ')
	}
	for _, w := range down {
		sb.WriteString(">")
		sb.WriteString(ss.label(w))
		sb.WriteByte(' ')
	}
	return strings.TrimSpace(sb.String())
}

// extent returns the first and last word of the subtree of word w.
func (ss *synSent) extent(w int) (lo, hi int) {
	lo, hi = w, w
	for _, k := range ss.kids[w] {
		l, h := ss.extent(k)
		lo, hi = min(lo, l), max(hi, h)
	}
	return lo, hi
}

// groupDown returns t's dependent on the way down to word a when the rest
// of the way only walks through the members of one group ("X and Y", "X,
// the minister", "Prime Minister X"), or -1 (a is no such member below t).
func (ss *synSent) groupDown(t, a int) int {
	up, _, down := ss.path(t, a)
	if len(up) > 0 || len(down) == 0 {
		return -1
	}
	for _, w := range down[1:] {
		if dr := ss.s.Words[w].Deprel; dr != "conj" && !nameArc(dr) {
			return -1
		}
	}
	return down[0]
}

// nameArc says whether a dependency joins the parts of one name or title:
// a flat name, an apposition, a compound, a description ("spokesman Josh
// Earnest", "Russian President Vladimir Putin").
func nameArc(dr string) bool {
	switch dr {
	case "flat", "appos", "compound", "nmod:desc":
		return true
	}
	return false
}

func (ss *synSent) lemma(i int) string { return strings.ToLower(ss.s.Words[i].Lemma) }

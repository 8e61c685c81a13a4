// Command eval-parser scores the extractor's syntax (extract/syntax behind
// extract.Segment and Doc.Words) against a CoNLL-U treebank from raw text,
// as the CoNLL 2018 shared task does: the text of each document is rebuilt
// from its `# text` lines (`# newpar` starts a paragraph, `# newdoc` a
// document), split into sentences and words by the extractor, tagged and
// parsed; system words are aligned to gold words by character spans
// (ignoring whitespace; within multiword tokens by their forms), and
// every score is an F1 over aligned words.
//
//	go run ./scripts/eval-parser -gold /work/data/ud/ewt/en_ewt-ud-test.conllu
//
// LAS counts the universal relation only (nsubj for nsubj:pass), as the
// shared task does; LAS-full counts the subtype too. -gold-words adds the
// scores on the gold words for reference; -gold-sentences scores with
// every gold sentence a paragraph of its own (so the extractor cannot join
// two); -out writes the system CoNLL-U.
package main

import (
	"bufio"
	"cmp"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "eval-parser:", err)
		os.Exit(1)
	}
}

// uword is a word with its span in the whitespace-free character stream.
type uword struct {
	syntax.Word
	start, end int  // character span
	multi      bool // part of a multiword token
	sent       int  // sentence number
	headIdx    int  // index of the head word in the same list, -1 for root
	aligned    int  // index of the aligned word in the other list, -1
}

type span struct{ start, end int }

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("eval-parser", flag.ContinueOnError)
	goldPath := fl.String("gold", "", "gold CoNLL-U file")
	modelPath := fl.String("model", "", "syntax model file (default: the embedded one)")
	out := fl.String("out", "", "write the system CoNLL-U here")
	goldWords := fl.Bool("gold-words", true, "also score on the gold words")
	goldSents := fl.Bool("gold-sentences", false, "put each gold sentence in a paragraph of its own (scores without sentence splitting errors)")
	prune := fl.Float64("prune", 0, "drop weights smaller than this first (see syntax.Parser.Pruned)")
	unaligned := fl.Int("unaligned", 0, "also print the N commonest gold words the system's words miss (tokenisation errors), with the system's words there")
	byRel := fl.Bool("by-rel", false, "also print, per gold relation, its words and the share of the missed UAS and LAS")
	if err := fl.Parse(args); err != nil {
		return err
	}
	if *goldPath == "" {
		return fmt.Errorf("-gold is required")
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return err
	}
	gold, err := syntax.ReadCoNLLU(bufio.NewReader(f))
	f.Close()
	if err != nil {
		return err
	}
	var p *syntax.Parser
	if *modelPath != "" {
		b, err := os.ReadFile(*modelPath)
		if err != nil {
			return err
		}
		if p, err = syntax.LoadModel(b); err != nil {
			return err
		}
	} else if p, err = syntax.Load(); err != nil {
		return err
	}
	if *prune > 0 {
		if p, err = p.Pruned(*prune); err != nil {
			return err
		}
	}
	fmt.Fprintf(stdout, "model: %s\n", p.Info())
	var sysOut *bufio.Writer
	if *out != "" {
		of, err := os.Create(*out)
		if err != nil {
			return err
		}
		defer of.Close()
		sysOut = bufio.NewWriter(of)
		defer sysOut.Flush()
	}

	// gold words and tokens in the character stream
	var gw []uword
	var gtoks, gsents []span
	pos := 0
	for si, s := range gold {
		base := len(gw)
		sstart := pos
		for _, t := range s.Tokens {
			n := nonSpace(t.Form)
			ts := span{pos, pos + n}
			gtoks = append(gtoks, ts)
			for k := t.First; k <= t.Last; k++ {
				w := s.Words[k]
				gw = append(gw, uword{Word: w, start: ts.start, end: ts.end, multi: t.First != t.Last, sent: si})
			}
			pos += n
		}
		for k := base; k < len(gw); k++ {
			if h := gw[k].Head; h > 0 {
				gw[k].headIdx = base + h - 1
			} else {
				gw[k].headIdx = -1
			}
		}
		gsents = append(gsents, span{sstart, pos})
	}
	goldChars := pos

	// system: documents rebuilt from the # text lines
	var sw []uword
	var ssents []span
	pos = 0
	var docText strings.Builder
	flushDoc := func() error {
		text := docText.String()
		docText.Reset()
		if text == "" {
			return nil
		}
		d := extract.Segment(text)
		rs := d.Runes
		// code point offset -> character stream offset
		cs := make([]int, len(rs)+1)
		c := pos
		for i, r := range rs {
			cs[i] = c
			if !unicode.IsSpace(r) {
				c++
			}
		}
		cs[len(rs)] = c
		var s syntax.Sentence
		for si := range d.Sentences {
			ws := d.Words(si)
			forms := make([]string, len(ws))
			for i, w := range ws {
				forms[i] = w.Form
			}
			p.ParseInto(&s, forms)
			base := len(sw)
			for i, w := range s.Words {
				w.Tok, w.Start, w.End = ws[i].Tok, ws[i].Start, ws[i].End
				u := uword{Word: w, start: cs[w.Start], end: cs[w.End], sent: len(ssents), headIdx: -1}
				if w.Head > 0 {
					u.headIdx = base + w.Head - 1
				}
				sw = append(sw, u)
				s.Words[i] = w
			}
			// a multi-rooted parse holds several sentences
			for _, sp := range s.Spans() {
				ssents = append(ssents, span{cs[s.Words[sp[0]].Start], cs[s.Words[sp[1]-1].End]})
			}
			if sysOut != nil {
				syntax.WriteCoNLLU(sysOut, fmt.Sprintf("s%d", len(ssents)), d.SentenceText(si), &s)
			}
		}
		pos = c
		return nil
	}
	for i, s := range gold {
		if s.NewDoc && i > 0 {
			if err := flushDoc(); err != nil {
				return err
			}
		}
		if docText.Len() > 0 {
			switch {
			case s.NewPar || *goldSents:
				docText.WriteString("\n\n")
			case gold[i-1].Tokens[len(gold[i-1].Tokens)-1].SpaceAfter:
				docText.WriteString(" ")
			}
		}
		t := s.Text
		if t == "" {
			for _, tk := range s.Tokens {
				t += tk.Form
				if tk.SpaceAfter {
					t += " "
				}
			}
		}
		docText.WriteString(t)
	}
	if err := flushDoc(); err != nil {
		return err
	}
	if pos != goldChars {
		return fmt.Errorf("the text has %d characters but the gold tokens %d: # text and the forms differ", pos, goldChars)
	}

	align(gw, sw)
	stoks := make([]span, len(sw))
	for i, w := range sw {
		stoks[i] = span{w.start, w.end}
	}
	fmt.Fprintf(stdout, "%s from raw text (%d gold words, %d system words)\n", *goldPath, len(gw), len(sw))
	fmt.Fprintf(stdout, "  Tokens     F1 %.4f\n", spanF1(gtoks, stoks))
	fmt.Fprintf(stdout, "  Sentences  F1 %.4f\n", spanF1(gsents, ssents))
	aligned := 0
	for _, g := range gw {
		if g.aligned >= 0 {
			aligned++
		}
	}
	f1 := func(correct int) float64 { return 2 * float64(correct) / float64(len(gw)+len(sw)) }
	fmt.Fprintf(stdout, "  Words      F1 %.4f\n", f1(aligned))
	var upos, xpos, lemma, uas, las, lasFull int
	for _, g := range gw {
		if g.aligned < 0 {
			continue
		}
		s := sw[g.aligned]
		if s.UPOS == g.UPOS {
			upos++
		}
		if s.XPOS == g.XPOS {
			xpos++
		}
		if s.Lemma == g.Lemma || g.Lemma == "_" {
			lemma++
		}
		headOK := g.headIdx < 0 && s.headIdx < 0 || g.headIdx >= 0 && s.headIdx >= 0 && gw[g.headIdx].aligned == s.headIdx
		if headOK {
			uas++
			if universal(s.Deprel) == universal(g.Deprel) {
				las++
			}
			if s.Deprel == g.Deprel {
				lasFull++
			}
		}
	}
	if *byRel {
		printByRel(stdout, gw, sw)
	}
	if *unaligned > 0 {
		printUnaligned(stdout, gw, sw, *unaligned)
	}
	fmt.Fprintf(stdout, "  UPOS       F1 %.4f\n  XPOS       F1 %.4f\n  Lemmas     F1 %.4f\n", f1(upos), f1(xpos), f1(lemma))
	fmt.Fprintf(stdout, "  UAS        F1 %.4f\n  LAS        F1 %.4f\n  LAS-full   F1 %.4f\n", f1(uas), f1(las), f1(lasFull))
	if *goldWords {
		sc := syntax.Score(p, gold)
		fmt.Fprintf(stdout, "on the gold words: UPOS %.4f XPOS %.4f lemmas %.4f UAS %.4f LAS-full %.4f\n", sc.UPOS, sc.XPOS, sc.Lemma, sc.UAS, sc.LAS)
	}
	return nil
}

// printByRel prints, per universal gold relation, its words, its UAS and
// LAS, and its share of all the words missed (unaligned words count as
// missed), the largest share first.
func printByRel(w io.Writer, gw, sw []uword) {
	type row struct {
		rel                string
		n, uas, las, missL int
	}
	rows := map[string]*row{}
	missedL := 0
	for _, g := range gw {
		r := rows[universal(g.Deprel)]
		if r == nil {
			r = &row{rel: universal(g.Deprel)}
			rows[r.rel] = r
		}
		r.n++
		ok, okL := false, false
		if g.aligned >= 0 {
			s := sw[g.aligned]
			ok = g.headIdx < 0 && s.headIdx < 0 || g.headIdx >= 0 && s.headIdx >= 0 && gw[g.headIdx].aligned == s.headIdx
			okL = ok && universal(s.Deprel) == universal(g.Deprel)
		}
		if ok {
			r.uas++
		}
		if okL {
			r.las++
		} else {
			r.missL++
			missedL++
		}
	}
	var all []*row
	for _, r := range rows {
		all = append(all, r)
	}
	slices.SortFunc(all, func(a, b *row) int { return cmp.Or(cmp.Compare(b.missL, a.missL), cmp.Compare(a.rel, b.rel)) })
	fmt.Fprintf(w, "  %-12s %6s %7s %7s %8s\n", "relation", "words", "UAS", "LAS", "of LAS lost")
	for _, r := range all {
		fmt.Fprintf(w, "  %-12s %6d %7.4f %7.4f %8.4f\n", r.rel, r.n, float64(r.uas)/float64(r.n), float64(r.las)/float64(r.n), float64(r.missL)/float64(max(missedL, 1)))
	}
}

// printUnaligned prints the n commonest gold words without a system word
// of the same span, each with the system words overlapping it.
func printUnaligned(w io.Writer, gw, sw []uword, n int) {
	count := map[string]int{}
	si := 0
	for _, g := range gw {
		if g.aligned >= 0 {
			continue
		}
		for si < len(sw) && sw[si].end <= g.start {
			si++
		}
		var sys []string
		for k := si; k < len(sw) && sw[k].start < g.end; k++ {
			sys = append(sys, sw[k].Form)
		}
		count[g.Form+"  <-  "+strings.Join(sys, " | ")]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(count[b], count[a]), cmp.Compare(a, b)) })
	total := 0
	for _, k := range keys {
		total += count[k]
	}
	fmt.Fprintf(w, "  %d gold words unaligned; the commonest (gold  <-  system):\n", total)
	for _, k := range keys[:min(n, len(keys))] {
		fmt.Fprintf(w, "  %5d  %s\n", count[k], k)
	}
}

func universal(rel string) string {
	r, _, _ := strings.Cut(rel, ":")
	return r
}

func nonSpace(s string) int {
	n := 0
	for _, r := range s {
		if !unicode.IsSpace(r) {
			n++
		}
	}
	return n
}

func spanF1(gold, sys []span) float64 {
	g := map[span]bool{}
	for _, s := range gold {
		g[s] = true
	}
	c := 0
	for _, s := range sys {
		if g[s] {
			c++
		}
	}
	return 2 * float64(c) / float64(len(gold)+len(sys))
}

// align pairs gold and system words as the CoNLL 2018 evaluation does:
// words outside multiword tokens by identical spans; the words of a
// region holding a multiword token by the longest common subsequence of
// their lower-case forms.
func align(gw, sw []uword) {
	for i := range gw {
		gw[i].aligned = -1
	}
	for i := range sw {
		sw[i].aligned = -1
	}
	pair := func(g, s int) { gw[g].aligned, sw[s].aligned = s, g }
	gi, si := 0, 0
	for gi < len(gw) && si < len(sw) {
		if gw[gi].multi || sw[si].multi {
			gs, ss, ge, se := multiwordSpan(gw, sw, gi, si)
			lcsAlign(gw[gs:ge], sw[ss:se], func(g, s int) { pair(gs+g, ss+s) })
			gi, si = ge, se
			continue
		}
		switch {
		case gw[gi].start == sw[si].start && gw[gi].end == sw[si].end:
			pair(gi, si)
			gi++
			si++
		case gw[gi].start <= sw[si].start:
			gi++
		default:
			si++
		}
	}
}

// multiwordSpan returns the smallest region [gs, ge) x [ss, se) holding
// the multiword token at gi or si and every word overlapping it.
func multiwordSpan(gw, sw []uword, gi, si int) (gs, ss, ge, se int) {
	var end int
	if gw[gi].multi {
		end = gw[gi].end
		if !sw[si].multi && sw[si].start < gw[gi].start {
			si++
		}
	} else {
		end = sw[si].end
		if !gw[gi].multi && gw[gi].start < sw[si].start {
			gi++
		}
	}
	gs, ss = gi, si
	for gi < len(gw) && (gw[gi].multi && gw[gi].start < end || gw[gi].start < end) || si < len(sw) && sw[si].start < end {
		if gi < len(gw) && gw[gi].start < end {
			end = max(end, gw[gi].end)
			gi++
		} else {
			end = max(end, sw[si].end)
			si++
		}
	}
	return gs, ss, gi, si
}

func lcsAlign(g, s []uword, pair func(g, s int)) {
	n, m := len(g), len(s)
	if n == 0 || m == 0 {
		return
	}
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if strings.EqualFold(g[i].Form, s[j].Form) {
				lcs[i][j] = 1 + lcs[i+1][j+1]
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case strings.EqualFold(g[i].Form, s[j].Form):
			pair(i, j)
			i++
			j++
		case lcs[i+1][j] >= lcs[i][j+1]:
			i++
		default:
			j++
		}
	}
}

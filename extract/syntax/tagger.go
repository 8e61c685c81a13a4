package syntax

// The tagger is a greedy left-to-right averaged perceptron over joint
// UPOS+XPOS classes ("VERB VBD"): each word's class is chosen from the
// words around it and the classes given to the two words before it.

// Tagger feature templates.
const (
	ttBias uint32 = iota + 1
	ttW
	ttF
	ttSuf1
	ttSuf2
	ttSuf3
	ttSuf4
	ttPre1
	ttPre2
	ttPre3
	ttShape
	ttWm1
	ttWm2
	ttWp1
	ttWp2
	ttSuf3m1
	ttSuf3p1
	ttSuf2p1
	ttShapem1
	ttShapep1
	ttTm1
	ttTm2Tm1
	ttTm1W
	ttWm1W
	ttWWp1
	ttWp1Wp2
	ttTm1Wp1
	ttFirstShape
	ttWm1Wp1
	ttTm1Suf3
	ttFlags
	ttWm2Wm1
	ttAp1
	ttAp2
	ttAm1
	ttWAp1
	ttTm1Ap1
	ttAp1Ap2
	ttShape3
	ttTitleW
	ttTitleShape
	ttWAp1Ap2
	ttTm1WAp1
	ttWWp2
	ttWSuf3p1
	ttTm2Tm1W
	ttLex
	ttLexSuf2
	ttLexCap
	ttLexP1
	ttLexM1
)

// tagFeatures appends the features of word i given the classes of the
// words before it (prev1, prev2; vNone at the sentence start).
func tagFeatures(dst []uint32, ws []wordInfo, i int, prev1, prev2 uint32) []uint32 {
	n := len(ws)
	w := &ws[i]
	wm1, wm2, wp1, wp2 := uint32(vNone), uint32(vNone), uint32(vNone), uint32(vNone)
	am1, ap1, ap2 := uint32(vNone), uint32(vNone), uint32(vNone)
	sm1, sp1, s3m1, s3p1, s2p1 := uint32(vNone), uint32(vNone), uint32(vNone), uint32(vNone), uint32(vNone)
	lp1 := uint32(vNone)
	if i > 0 {
		wm1, sm1, s3m1, am1 = ws[i-1].lw, ws[i-1].shape, ws[i-1].suf[3], ws[i-1].amb
	}
	if i > 1 {
		wm2 = ws[i-2].lw
	}
	if i+1 < n {
		wp1, sp1, s3p1, s2p1, ap1, lp1 = ws[i+1].lw, ws[i+1].shape, ws[i+1].suf[3], ws[i+1].suf[2], ws[i+1].amb, ws[i+1].lex
	}
	if i+2 < n {
		wp2, ap2 = ws[i+2].lw, ws[i+2].amb
	}
	first := uint32(0)
	if i == 0 {
		first = 1
	}
	dst = append(dst,
		f1(ttBias, 0),
		f1(ttW, w.lw),
		f1(ttF, w.fw),
		f1(ttSuf1, w.suf[1]),
		f1(ttSuf2, w.suf[2]),
		f1(ttSuf3, w.suf[3]),
		f1(ttSuf4, w.suf[4]),
		f1(ttPre1, w.pre[1]),
		f1(ttPre2, w.pre[2]),
		f1(ttPre3, w.pre[3]),
		f1(ttShape, w.shape),
		f1(ttWm1, wm1),
		f1(ttWm2, wm2),
		f1(ttWp1, wp1),
		f1(ttWp2, wp2),
		f1(ttSuf3m1, s3m1),
		f1(ttSuf3p1, s3p1),
		f1(ttSuf2p1, s2p1),
		f1(ttShapem1, sm1),
		f1(ttShapep1, sp1),
		f1(ttTm1, prev1),
		f2(ttTm2Tm1, prev2, prev1),
		f2(ttTm1W, prev1, w.lw),
		f2(ttWm1W, wm1, w.lw),
		f2(ttWWp1, w.lw, wp1),
		f2(ttWp1Wp2, wp1, wp2),
		f2(ttTm1Wp1, prev1, wp1),
		f2(ttFirstShape, first, w.shape),
		f2(ttWm1Wp1, wm1, wp1),
		f2(ttTm1Suf3, prev1, w.suf[3]),
		f2(ttFlags, first, w.flags),
		f2(ttWm2Wm1, wm2, wm1),
		f1(ttAp1, ap1),
		f1(ttAp2, ap2),
		f1(ttAm1, am1),
		f2(ttWAp1, w.lw, ap1),
		f2(ttTm1Ap1, prev1, ap1),
		f2(ttAp1Ap2, ap1, ap2),
		f3(ttShape3, sm1, w.shape, sp1),
		f2(ttTitleW, w.flags&flTitle, w.lw),
		f3(ttTitleShape, w.flags&flTitle, first, w.shape),
		// the word with what follows it: "for him to", "that" before a
		// noun or a verb, "up" before a noun phrase or none
		f3(ttWAp1Ap2, w.lw, ap1, ap2),
		f3(ttTm1WAp1, prev1, w.lw, ap1),
		f2(ttWWp2, w.lw, wp2),
		f2(ttWSuf3p1, w.lw, s3p1),
		f3(ttTm2Tm1W, prev2, prev1, w.lw),
	)
	if w.lex == 0 {
		return dst // no lexicon
	}
	dst = append(dst,
		// the parts of speech the lexicon gives the word and the next
		f1(ttLex, w.lex),
		f2(ttLexSuf2, w.lex, w.suf[2]),
		f3(ttLexCap, w.lex, w.flags&(flCap|flUpper|flTitle), first),
		f2(ttLexP1, w.lex, lp1),
		f2(ttLexM1, prev1, w.lex),
	)
	return dst
}

// tagClassValue is the feature value of class c (0 is kept for "none").
func tagClassValue(c int) uint32 { return uint32(c) + 16 }

// tagSentence tags ws greedily into out (len(ws) classes).
func tagSentence(m *linear, ws []wordInfo, out []uint16, feats []uint32, acc []int32) []uint32 {
	p1, p2 := uint32(vNone), uint32(vNone)
	for i := range ws {
		feats = tagFeatures(feats[:0], ws, i, p1, p2)
		clear(acc)
		m.score(acc, feats)
		best := 0
		for c := 1; c < len(acc); c++ {
			if acc[c] > acc[best] {
				best = c
			}
		}
		out[i] = uint16(best)
		p2, p1 = p1, tagClassValue(best)
	}
	return feats
}

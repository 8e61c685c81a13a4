package syntax

// Scores are accuracies over words.
type Scores struct {
	Words                       int
	UPOS, XPOS, Lemma, UAS, LAS float64
}

// Score parses the gold words of each sentence and returns the
// accuracies against the gold annotation (punctuation included).
func Score(p *Parser, gold []TreebankSentence) Scores {
	var n, upos, xpos, lemma, uas, las int
	words := []string{}
	var s Sentence
	for _, g := range gold {
		words = words[:0]
		for _, w := range g.Words {
			words = append(words, w.Form)
		}
		p.ParseInto(&s, words)
		for i, w := range g.Words {
			got := s.Words[i]
			n++
			if got.UPOS == w.UPOS {
				upos++
			}
			if got.XPOS == w.XPOS {
				xpos++
			}
			if got.Lemma == w.Lemma {
				lemma++
			}
			if got.Head == w.Head {
				uas++
				if got.Deprel == w.Deprel {
					las++
				}
			}
		}
	}
	d := float64(max(n, 1))
	return Scores{Words: n, UPOS: float64(upos) / d, XPOS: float64(xpos) / d, Lemma: float64(lemma) / d, UAS: float64(uas) / d, LAS: float64(las) / d}
}

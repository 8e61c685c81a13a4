package main

import (
	"bufio"
	"cmp"
	"os"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// readTaggedNews reads the part-of-speech columns of a CoNLL-2003 file
// ("word POS chunk NER" per line, blank lines between sentences,
// -DOCSTART- lines between documents): Reuters news of 1996 with Penn
// Treebank tags, so that the tagger sees news (names in a row, "troops
// struck", "X met Y") beside the treebank's web text. The UD part of
// speech of each word is the one the treebank gives most often to that
// word with that Penn tag, else to the Penn tag; headlines in capitals
// and fragments of fewer than four words are left out (their tags are the
// least reliable).
//
// With alternatives, a word whose Penn tag the treebank splits in two
// (IN: ADP or SCONJ; TO: ADP or PART; RB, RP ...) keeps every UPOS the
// treebank gives that word with that tag at least a tenth of the time,
// "ADP|SCONJ", and the tagger learns the one it scores highest (see
// syntax.TrainOptions.TagOnly) rather than the commonest one everywhere.
// The news tag "to" TO throughout; EWT only the infinitive's, the
// preposition's IN: its alternatives are "PART|ADP:IN".
func readTaggedNews(path string, treebank []syntax.TreebankSentence, alternatives bool) ([]syntax.TreebankSentence, error) {
	byWord := map[string]map[string]int{} // "xpos lower-case form" -> UPOS counts
	byTag := map[string]map[string]int{}  // "xpos" -> UPOS counts
	add := func(m map[string]map[string]int, k, v string) {
		if m[k] == nil {
			m[k] = map[string]int{}
		}
		m[k][v]++
	}
	for _, s := range treebank {
		for _, w := range s.Words {
			add(byWord, w.XPOS+" "+strings.ToLower(w.Form), w.UPOS)
			add(byTag, w.XPOS, w.UPOS)
			// EWT tags the preposition "to" IN, the news TO like the infinitive's
			if alternatives && w.XPOS == "IN" && strings.EqualFold(w.Form, "to") {
				add(byWord, "TO to", w.UPOS+":IN")
			}
		}
	}
	most := func(c map[string]int) string {
		best, n := "", 0
		for k, v := range c {
			if v > n || v == n && k < best {
				best, n = k, v
			}
		}
		return best
	}
	// common lists the values of c with at least a tenth of its count, the
	// commonest first
	common := func(c map[string]int) string {
		total := 0
		var keys []string
		for k, v := range c {
			total += v
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b string) int { return cmp.Or(cmp.Compare(c[b], c[a]), cmp.Compare(a, b)) })
		var out []string
		for _, k := range keys {
			if c[k]*10 >= total {
				out = append(out, k)
			}
		}
		return strings.Join(out, "|")
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []syntax.TreebankSentence
	var cur []syntax.Word
	quote := 0
	flush := func() {
		defer func() { cur, quote = nil, 0 }()
		if len(cur) < 4 {
			return
		}
		letters, caps := 0, 0
		for _, w := range cur {
			if w.Form != strings.ToLower(w.Form) || w.Form != strings.ToUpper(w.Form) {
				letters++
				if w.Form == strings.ToUpper(w.Form) {
					caps++
				}
			}
		}
		if letters > 0 && caps*10 >= letters*7 {
			return // a headline in capitals
		}
		for i := range cur {
			w := &cur[i]
			c := byWord[w.XPOS+" "+strings.ToLower(w.Form)]
			if c == nil {
				c = byTag[w.XPOS]
			}
			if c == nil {
				return // a tag the treebank does not use
			}
			if alternatives {
				w.UPOS = common(c)
			} else {
				w.UPOS = most(c)
			}
		}
		out = append(out, syntax.TreebankSentence{Words: cur})
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fs := strings.Fields(sc.Text())
		if len(fs) < 2 || fs[0] == "-DOCSTART-" {
			flush()
			continue
		}
		form, tag := fs[0], strings.SplitN(fs[1], "|", 2)[0]
		switch tag {
		case "(":
			tag = "-LRB-"
		case ")":
			tag = "-RRB-"
		case `"`:
			// straight quotes alternate: opening, closing
			tag = "``"
			if quote%2 == 1 {
				tag = "''"
			}
			quote++
		}
		cur = append(cur, syntax.Word{Form: form, XPOS: tag})
	}
	flush()
	return out, sc.Err()
}

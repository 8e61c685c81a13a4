package main

import (
	"bufio"
	"os"
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
func readTaggedNews(path string, treebank []syntax.TreebankSentence) ([]syntax.TreebankSentence, error) {
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
			if c := byWord[w.XPOS+" "+strings.ToLower(w.Form)]; c != nil {
				w.UPOS = most(c)
			} else if c := byTag[w.XPOS]; c != nil {
				w.UPOS = most(c)
			} else {
				return // a tag the treebank does not use
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

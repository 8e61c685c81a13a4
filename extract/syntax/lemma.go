package syntax

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// The lemmatiser: a lexicon of (lower-case form, tag class) -> lemma for
// the words whose lemma the rules get wrong, and per tag class an edit
// rule for each word ending (the longest ending seen wins): lower-case or
// not, cut k runes, append a string ("studies" NOUN NNS: cut 3, add "y").

type edit struct {
	lower bool
	cut   int
	add   string
}

func (e edit) apply(form string) string {
	s := form
	if e.lower {
		s = strings.ToLower(form)
	}
	n := utf8.RuneCountInString(s)
	if e.cut > n {
		return s
	}
	end := len(s)
	for k := 0; k < e.cut; k++ {
		_, sz := utf8.DecodeLastRuneInString(s[:end])
		end -= sz
	}
	return s[:end] + e.add
}

func (e edit) String() string {
	l := "="
	if e.lower {
		l = "l"
	}
	return l + strconv.Itoa(e.cut) + "/" + e.add
}

func parseEdit(s string) (edit, bool) {
	if len(s) < 3 {
		return edit{}, false
	}
	e := edit{lower: s[0] == 'l'}
	k, add, ok := strings.Cut(s[1:], "/")
	if !ok {
		return edit{}, false
	}
	n, err := strconv.Atoi(k)
	if err != nil {
		return edit{}, false
	}
	e.cut, e.add = n, add
	return e, true
}

// editOf returns the edit that turns form into lemma with the fewest
// runes cut, preferring the lower-case form on a tie.
func editOf(form, lemma string) edit {
	var best edit
	for i, lower := range []bool{true, false} {
		s := form
		if lower {
			s = strings.ToLower(form)
		}
		p := 0
		for p < len(s) && p < len(lemma) && s[p] == lemma[p] {
			p++
		}
		for p > 0 && p < len(s) && !utf8.RuneStart(s[p]) {
			p--
		}
		e := edit{lower: lower, cut: utf8.RuneCountInString(s[p:]), add: lemma[p:]}
		if i == 0 || e.cut < best.cut {
			best = e
		}
	}
	return best
}

const maxSuffix = 6

type lemmatizer struct {
	lex   map[string]string // lower-case form + "\x00" + class -> lemma
	rules []map[string]edit // per class: ending -> edit ("" is the default)
	// verbs are the base forms of English verbs (WordNet); verbClass marks
	// the inflected verb classes (VBD, VBN, VBG, VBZ) whose unseen forms
	// are lemmatised by trying the regular endings against verbs.
	verbs     map[string]bool
	verbClass []bool
	// nameClass marks the class of singular proper nouns (PROPN NNP),
	// whose lemma is the form itself (UD) unless the lexicon says
	// otherwise: suffix rules learned from abbreviations ("Nov" ->
	// "November") must not turn "Mamedov" into "Mamedovember".
	nameClass []bool
}

// verbEndings are the regular inflections of English verbs, tried in
// order (WordNet's Morphy), each with a doubled final consonant undone
// when the shorter stem is the verb ("stopped").
var verbEndings = [][2]string{{"ies", "y"}, {"es", "e"}, {"es", ""}, {"s", ""}, {"ed", "e"}, {"ed", ""}, {"ing", "e"}, {"ing", ""}}

// verbLemma returns the base form of an inflected verb found in l.verbs.
func (l *lemmatizer) verbLemma(lower string) (string, bool) {
	for _, e := range verbEndings {
		stem, ok := strings.CutSuffix(lower, e[0])
		if !ok || len(stem) < 2 {
			continue
		}
		c := stem + e[1]
		if l.verbs[c] {
			return c, true
		}
		if n := len(stem); e[1] == "" && n >= 3 && stem[n-1] == stem[n-2] && l.verbs[stem[:n-1]] {
			return stem[:n-1], true
		}
	}
	return "", false
}

func lexKey(lower string, class int) string {
	return lower + "\x00" + strconv.Itoa(class)
}

func (l *lemmatizer) lemma(form, lower string, class int) string {
	if lem, ok := l.lex[lexKey(lower, class)]; ok {
		return lem
	}
	if class >= len(l.rules) {
		return lower
	}
	if class < len(l.nameClass) && l.nameClass[class] {
		return form
	}
	if class < len(l.verbClass) && l.verbClass[class] && len(l.verbs) > 0 {
		if v, ok := l.verbLemma(lower); ok {
			return v
		}
	}
	r := l.rules[class]
	end := len(lower)
	n := utf8.RuneCountInString(lower)
	best, found := edit{lower: true}, false
	if e, ok := r[""]; ok {
		best, found = e, true
	}
	for k := 1; k <= maxSuffix && k <= n; k++ {
		_, sz := utf8.DecodeLastRuneInString(lower[:end])
		end -= sz
		if e, ok := r[lower[end:]]; ok {
			best, found = e, true
		}
	}
	if !found {
		return lower
	}
	if lem := best.apply(form); lem != "" {
		return lem
	}
	return lower
}

func (l *lemmatizer) size() int {
	n := len(l.lex) + len(l.verbs)
	for _, r := range l.rules {
		n += len(r)
	}
	return n
}

package extract

import (
	"strings"
	"unicode"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// Segment tokenises text and splits it into sentences exactly as Analyze
// does, without tagging entities: the Doc has Tokens and Sentences only.
// `newsgraph parse` and the parser's evaluation read text through it.
func Segment(text string) *Doc { return newDoc(text) }

// Parse returns the syntactic analysis (tags, lemmas, dependency tree) of
// sentence sent of d, on Universal Dependencies words (see Words). Each
// word carries the index of its token in d.Tokens and its code point
// offsets.
func (x *Extractor) Parse(d *Doc, sent int) *syntax.Sentence {
	return x.parseFrom(d, sent, d.Sentences[sent].Tok0, nil)
}

// parseFrom parses sentence sent from token tok0 on: the event layer leaves
// out a wire dateline ("OSLO, June 12, 2025 -"), which is no part of the
// sentence's syntax. With need set, the words are tagged and lemmatised
// first and parsed only if need says so; else parseFrom returns nil.
func (x *Extractor) parseFrom(d *Doc, sent, tok0 int, need func(*syntax.Sentence) bool) *syntax.Sentence {
	ws := d.Words(sent)
	for len(ws) > 0 && ws[0].Tok < tok0 {
		ws = ws[1:]
	}
	forms := make([]string, len(ws))
	for i, w := range ws {
		forms[i] = w.Form
	}
	s := &syntax.Sentence{}
	if !x.parser.ParseIntoIf(s, forms, need) {
		return nil
	}
	for i := range s.Words {
		s.Words[i].Tok, s.Words[i].Start, s.Words[i].End = ws[i].Tok, ws[i].Start, ws[i].End
	}
	return s
}

// Words returns the words of sentence sent as Universal Dependencies
// (English-EWT) divides them, with Form, Tok, Start and End set. The
// extractor's tokens are one reading of the text, shared with the entity
// tagger; this maps them to UD words:
//
//   - contractions split: "I'm" -> I 'm, "they'll" -> they 'll, "cannot"
//     -> can not, "gonna" -> gon na ("n't" and "'s" are already tokens);
//   - hyphenated words split at the hyphens ("al-Assad" -> al - Assad,
//     "U.S.-Soviet" -> U.S. - Soviet), except after prefixes EWT keeps
//     (non-, pre-, re-, co-, e-mail ...) and in phone numbers;
//   - tokens joined where EWT has one word: numbers with thousands
//     separators and clock times ("1,000", "7:30"), e-mail addresses and
//     URLs, runs of "!?." ("?!") and of the same symbol ("**"),
//     emoticons, and "etc." with its period;
//   - "no." splits off its period unless a number follows ("No. 1").
func (d *Doc) Words(sent int) []syntax.Word {
	s := d.Sentences[sent]
	rs := d.Runes
	// about one word a token: room for that and a few splits
	ps := make([]syntax.Word, 0, s.Tok1-s.Tok0+8)
	for t := s.Tok0; t < s.Tok1; t++ {
		ps = splitToken(ps, rs, d.Tokens, t, s.Tok1)
	}
	ps = mergeWords(ps, rs, s.Start, s.End)
	for i := range ps {
		ps[i].Form = string(rs[ps[i].Start:ps[i].End])
	}
	return ps
}

// mwt are the words EWT writes as one token but analyses as two, with the
// length in runes of the first.
var mwt = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3, "outta": 3,
	"dont": 2, "didnt": 3, "doesnt": 4, "cant": 2, "wont": 2, "couldnt": 5, "wouldnt": 5,
	"shouldnt": 6, "isnt": 2, "wasnt": 3, "arent": 3, "havent": 4, "hasnt": 3, "alot": 1,
	"im": 1, "ive": 1, "youre": 3, "thats": 4, "whats": 4, "theres": 5,
}

// udHyphenPrefixes stay joined to the word after their hyphen in EWT.
var udHyphenPrefixes = map[string]bool{
	"anti": true, "co": true, "cross": true, "e": true, "ex": true, "mid": true, "multi": true,
	"non": true, "over": true, "post": true, "pre": true, "pro": true, "re": true, "semi": true,
	"sub": true,
}

func word(tok, start, end int) syntax.Word { return syntax.Word{Tok: tok, Start: start, End: end} }

// splitToken appends the words of token t.
func splitToken(dst []syntax.Word, rs []rune, toks []Token, t, tok1 int) []syntax.Word {
	a, b := toks[t].Start, toks[t].End
	w := rs[a:b]
	n := len(w)
	// contractions: I'm, we're, they've, she'll, he'd
	if n >= 3 {
		for _, suf := range []string{"m", "d", "re", "ve", "ll"} {
			k := len(suf) + 1
			if n > k && isApostrophe(w[n-k]) && strings.EqualFold(string(w[n-k+1:]), suf) && unicode.IsLetter(w[n-k-1]) {
				return append(dst, word(t, a, b-k), word(t, b-k, b))
			}
		}
	}
	if k, ok := mwt[strings.ToLower(string(w))]; ok {
		return append(dst, word(t, a, a+k), word(t, a+k, b))
	}
	// "no." before anything but a number is "no" and a period
	if n == 3 && w[2] == '.' && (w[0] == 'n' || w[0] == 'N') && (w[1] == 'o' || w[1] == 'O') {
		if t+1 >= tok1 || !unicode.IsDigit(rs[toks[t+1].Start]) {
			return append(dst, word(t, a, b-1), word(t, b-1, b))
		}
	}
	// a stop after a dotted name is a word of its own ("paulhastings.com."),
	// unlike the stops of initials and abbreviations ("U.S.", "Ph.D.")
	if n >= 5 && w[n-1] == '.' {
		if k := lastIndex(w[:n-1], '.'); k >= 0 && n-1-k > 3 {
			return append(dst, word(t, a, b-1), word(t, b-1, b))
		}
	}
	if n >= 3 && hyphenSplit(w) {
		s := 0
		for i := 1; i < n-1; i++ {
			if w[i] == '-' && i > s {
				dst = append(dst, word(t, a+s, a+i), word(t, a+i, a+i+1))
				s = i + 1
			}
		}
		return append(dst, word(t, a+s, b))
	}
	return append(dst, word(t, a, b))
}

// hyphenSplit reports whether a hyphenated word is split at its hyphens.
func hyphenSplit(w []rune) bool {
	if w[0] == '-' || w[len(w)-1] == '-' {
		return false
	}
	var segs []string
	s := 0
	for i, r := range w {
		if r == '-' {
			if i == s {
				return false // "--" inside
			}
			segs = append(segs, string(w[s:i]))
			s = i + 1
		}
	}
	if len(segs) == 0 {
		return false
	}
	segs = append(segs, string(w[s:]))
	if udHyphenPrefixes[strings.ToLower(segs[0])] {
		return false
	}
	digits := true
	for _, g := range segs {
		for _, r := range g {
			if !unicode.IsDigit(r) {
				digits = false
			}
		}
	}
	if digits && (len(segs) >= 3 || len(segs) == 2 && len(segs[0]) == 3 && len(segs[1]) == 4) {
		return false // phone numbers, dates
	}
	return true
}

var emoticons = map[string]bool{
	":)": true, ":(": true, ";)": true, ":-)": true, ":-(": true, ";-)": true, ":D": true,
	":P": true, ":p": true, "^_^": true, "=)": true, "(:": true, ":-D": true, ":/": true,
}

// mergeWords joins adjacent words (no space between) that EWT writes as
// one: numbers, URLs, e-mail addresses, punctuation runs, emoticons and
// abbreviations with their period. [start, end) is the sentence. It
// reuses ws.
func mergeWords(ws []syntax.Word, rs []rune, start, end int) []syntax.Word {
	if len(ws) < 2 {
		return ws
	}
	links := linkSpans(rs, start, end)
	// in place: a group ends at or after the word it starts at, and
	// groupEnd reads no word before it
	out := ws[:0]
	for i := 0; i < len(ws); {
		j := groupEnd(ws, rs, i, links, end)
		w := ws[i]
		w.End = ws[j-1].End
		out = append(out, w)
		i = j
	}
	return out
}

// groupEnd returns the end (exclusive) of the run of words from i that
// form one UD word.
func groupEnd(ws []syntax.Word, rs []rune, i int, links [][2]int, end int) int {
	text := func(k int) []rune { return rs[ws[k].Start:ws[k].End] }
	adj := func(k int) bool { return k+1 < len(ws) && ws[k].End == ws[k+1].Start }
	for _, l := range links {
		if ws[i].Start >= l[0] && ws[i].Start < l[1] {
			j := i + 1
			for j < len(ws) && ws[j].End <= l[1] && ws[j].Start == ws[j-1].End {
				j++
			}
			return j
		}
	}
	t := text(i)
	if isWordRune(t[len(t)-1]) && adj(i) && adj(i+1) && string(text(i+1)) == "_" && isWordRune(rs[ws[i+2].Start]) {
		// file_names and user_names
		j := i + 1
		for adj(j-1) && adj(j) && string(text(j)) == "_" && isWordRune(rs[ws[j+1].Start]) {
			j += 2
		}
		return j
	}
	switch {
	case unicode.IsDigit(t[len(t)-1]):
		// 1,000,000 and 7:30
		j := i + 1
		for adj(j-1) && adj(j) {
			sep, next := text(j), text(j+1)
			digits := 0
			for digits < len(next) && unicode.IsDigit(next[digits]) {
				digits++
			}
			if len(sep) == 1 && (sep[0] == ',' && digits == 3 || sep[0] == ':' && digits == 2) && (digits == len(next) || next[digits] == '.') {
				j += 2
				continue
			}
			break
		}
		return j
	case allIn(t, "!?."):
		j := i + 1
		for adj(j-1) && allIn(text(j), "!?.") {
			j++
		}
		return j
	case len(t) == 1 && t[0] == '#' && adj(i) && isWordRune(rs[ws[i+1].Start]):
		return i + 2 // #hashtag
	case len(t) == 1 && strings.ContainsRune("*=_~<>#+^$", t[0]):
		j := i + 1
		for adj(j-1) && allIn(text(j), string(t)) {
			j++
		}
		if j > i+1 {
			return j
		}
	}
	if adj(i) {
		if n := text(i + 1); len(n) == 1 && n[0] == '.' {
			switch strings.ToLower(string(t)) {
			case "etc", "vs", "cf", "approx", "viz":
				return i + 2
			}
		}
	}
	// emoticons standing alone: ":)" ":-)" "^_^"
	if spaceBefore(ws, rs, i) {
		for j := i + 1; j < len(ws) && j <= i+2 && ws[j].Start == ws[j-1].End; j++ {
			e := ws[j].End
			if emoticons[string(rs[ws[i].Start:e])] && (e == end || unicode.IsSpace(rs[e])) {
				return j + 1
			}
		}
	}
	return i + 1
}

// spaceBefore reports whether a space or the sentence start comes before
// word i.
func spaceBefore(ws []syntax.Word, rs []rune, i int) bool {
	s := ws[i].Start
	return i == 0 || s > 0 && unicode.IsSpace(rs[s-1])
}

func lastIndex(rs []rune, r rune) int {
	for i := len(rs) - 1; i >= 0; i-- {
		if rs[i] == r {
			return i
		}
	}
	return -1
}

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if r < '0' || r > '9' {
			return false
		}
	}
	return len(rs) > 0
}

func allIn(rs []rune, set string) bool {
	for _, r := range rs {
		if !strings.ContainsRune(set, r) {
			return false
		}
	}
	return len(rs) > 0
}

// linkSpans returns the spans of URLs and e-mail addresses in [start, end):
// runs of non-space characters that start with http://, https:// or www.,
// or hold an @ between name characters and a dotted domain; trailing
// punctuation is not part of them.
func linkSpans(rs []rune, start, end int) [][2]int {
	var out [][2]int
	for i := start; i < end; {
		if unicode.IsSpace(rs[i]) {
			i++
			continue
		}
		j := i
		for j < end && !unicode.IsSpace(rs[j]) {
			j++
		}
		w := string(rs[i:j])
		lw := strings.ToLower(w)
		link := strings.HasPrefix(lw, "http://") || strings.HasPrefix(lw, "https://") || strings.HasPrefix(lw, "www.")
		if !link {
			if at := strings.IndexByte(w, '@'); at > 0 && strings.Contains(w[at:], ".") {
				link = true
			}
		}
		if link {
			k := j
			for k > i && strings.ContainsRune(".,;:!?)]>\"'”’", rs[k-1]) {
				k--
			}
			// keep the leading punctuation out as well
			s := i
			for s < k && strings.ContainsRune("([\"'“‘<", rs[s]) {
				s++
			}
			if k > s {
				out = append(out, [2]int{s, k})
			}
		}
		i = j
	}
	return out
}

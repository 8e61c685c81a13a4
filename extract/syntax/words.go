package syntax

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// wordInfo holds the hashed views of one word that the tagger and the
// parser read, computed once per sentence.
type wordInfo struct {
	lower  string
	lw, fw uint32 // lower-case and as-written form
	shape  uint32
	suf    [5]uint32 // lower-case suffixes of 1..4 runes (0 unused)
	pre    [4]uint32 // prefixes of 1..3 runes
	flags  uint32
	amb    uint32 // the word's ambiguity class: the tag classes seen with it in training
	lex    uint32 // the word's lexicon entry (see lexOf)
}

const (
	flCap   uint32 = 1 << iota // first letter upper case
	flUpper                    // every letter upper case (and at least two letters)
	flDigit                    // has a digit
	flHyph                     // has a hyphen
	flPunct                    // no letter or digit
	flTitle                    // in a sentence whose words are mostly capitalised (a heading)
)

// markSentence sets the sentence-level flags of ws.
func markSentence(ws []wordInfo) {
	words, caps := 0, 0
	for i := range ws {
		if ws[i].flags&(flPunct|flDigit) != 0 {
			continue
		}
		words++
		if ws[i].flags&flCap != 0 {
			caps++
		}
	}
	if words >= 3 && caps*10 >= words*7 {
		for i := range ws {
			ws[i].flags |= flTitle
		}
	}
}

func infoOf(w string, dst *wordInfo) {
	lower := w
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf {
			lower = strings.ToLower(w)
			break
		}
	}
	*dst = wordInfo{lower: lower, lw: strHash(lower), fw: strHash(w)}
	var shape [24]byte
	ns := 0
	var last byte
	letters, uppers, alnum := 0, 0, 0
	first := true
	for _, r := range w {
		var c byte
		switch {
		case unicode.IsUpper(r):
			c = 'X'
			letters++
			uppers++
			if first {
				dst.flags |= flCap
			}
		case unicode.IsLetter(r):
			c = 'x'
			letters++
		case unicode.IsDigit(r):
			c = 'd'
			dst.flags |= flDigit
		case r < 128:
			c = byte(r)
			if r == '-' {
				dst.flags |= flHyph
			}
		default:
			c = '*'
		}
		first = false
		if c == 'X' || c == 'x' || c == 'd' {
			alnum++
		}
		if c == last || ns == len(shape) {
			continue
		}
		last = c
		shape[ns] = c
		ns++
	}
	if letters >= 2 && uppers == letters {
		dst.flags |= flUpper
	}
	if alnum == 0 {
		dst.flags |= flPunct
	}
	dst.shape = strHash(string(shape[:ns]))
	// suffixes and prefixes by rune
	n := utf8.RuneCountInString(lower)
	end := len(lower)
	for k := 1; k <= 4 && k <= n; k++ {
		_, sz := utf8.DecodeLastRuneInString(lower[:end])
		end -= sz
		dst.suf[k] = strHash(lower[end:]) ^ uint32(k)
	}
	start := 0
	for k := 1; k <= 3 && k <= n; k++ {
		_, sz := utf8.DecodeRuneInString(lower[start:])
		start += sz
		dst.pre[k] = strHash(lower[:start]) ^ uint32(k<<8)
	}
}

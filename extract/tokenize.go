package extract

import (
	"slices"
	"strings"
	"unicode"
)

// abbreviations that keep their trailing period as part of the token.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "lt": true,
	"col": true, "sgt": true, "gov": true, "sen": true, "rep": true, "jr": true, "sr": true,
	"co": true, "corp": true, "inc": true, "ltd": true, "prof": true, "capt": true, "maj": true,
	"adm": true, "cmdr": true, "rev": true, "messrs": true, "mt": true, "ft": true, "no": true,
	"vs": true, "jan": true, "feb": true, "mar": true, "apr": true, "aug": true, "sept": true,
	"sep": true, "oct": true, "nov": true, "dec": true, "bros": true, "plc": true, "ave": true,
	"drs": true, "mon": true, "tue": true, "tues": true, "wed": true, "thu": true, "thur": true,
	"thurs": true, "fri": true, "v": true, "blvd": true,
}

// abbreviated reports whether the word w (lower case, without its
// period) keeps its trailing period: an abbreviation, or a hyphenated word
// that ends in a person title's ("then-Sen. Barack Obama", "ex-Gov.",
// "then-Maj. Eisenhower"), so that no sentence ends there.
func abbreviated(w string) bool {
	if abbreviations[w] {
		return true
	}
	if h := strings.LastIndexByte(w, '-'); h > 0 {
		return hyphenTitles[w[h+1:]]
	}
	return false
}

// hyphenTitles are the abbreviated person titles that a hyphenated prefix
// may stand before ("then-", "ex-", "former-").
var hyphenTitles = set("sen", "rep", "gov", "gen", "lt", "col", "maj", "capt", "sgt", "adm", "cmdr", "dr", "mr", "mrs", "ms", "prof", "rev")

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// readReplaced is rule "replacement character": text that went through a
// wrong decoding carries U+FFFD where the publisher had a curly quote or an
// apostrophe (Windows-1252 0x91-0x94 read as UTF-8), and then "Trump�s"
// is one unknown word and "...,� Cummings said" ends no quote. Each U+FFFD
// is read as the mark that fits its neighbours: an apostrophe between two
// letters ("Trump’s", "don’t"), and after an s before a lower-case word
// when no quote it opened is open ("Jones’ win"; but "them “losers” and");
// an opening quote before a letter or digit after a space or a bracket; a
// closing quote otherwise. It returns rs itself when there is none, else
// a copy of the same length, so that offsets into the text stay valid;
// only the reading changes, the evidence quotes the text as it is.
func readReplaced(rs []rune) []rune {
	var out []rune
	open := false // a quote read from U+FFFD is open in this paragraph
	for i, r := range rs {
		if r == '\n' && i > 0 && rs[i-1] == '\n' {
			open = false
		}
		if r != '\uFFFD' {
			continue
		}
		if out == nil {
			out = slices.Clone(rs)
		}
		var prev, next, after rune = ' ', ' ', ' '
		if i > 0 {
			prev = rs[i-1]
		}
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		if i+2 < len(rs) {
			after = rs[i+2]
		}
		switch {
		case unicode.IsLetter(prev) && unicode.IsLetter(next),
			!open && (prev == 's' || prev == 'S') && next == ' ' && unicode.IsLower(after):
			out[i] = '’'
		case (unicode.IsSpace(prev) || strings.ContainsRune("([-—", prev)) && (unicode.IsLetter(next) || unicode.IsDigit(next)):
			out[i] = '“'
			open = true
		default:
			out[i] = '”'
			open = false
		}
	}
	if out == nil {
		return rs
	}
	return out
}

// tokenize splits runes into tokens. Words keep inner hyphens, periods
// (U.S., 1.5), apostrophes (O'Brien) and ampersands (AT&T); a possessive
// 's and n't are split off as in the Penn Treebank (and CoNLL-2003).
func tokenize(rs []rune) []Token {
	toks := make([]Token, 0, len(rs)/5+1)
	n := len(rs)
	i := 0
	for i < n {
		r := rs[i]
		if unicode.IsSpace(r) {
			i++
			continue
		}
		start := i
		if !isWordRune(r) {
			// possessive 's / 'S as its own token
			if isApostrophe(r) && i+1 < n && (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 >= n || !isWordRune(rs[i+2])) {
				toks = append(toks, Token{Start: i, End: i + 2})
				i += 2
				continue
			}
			// runs of the same punctuation (--, ...) form one token
			i++
			for i < n && rs[i] == r && (r == '-' || r == '.') {
				i++
			}
			toks = append(toks, Token{Start: start, End: i})
			continue
		}
		for i < n {
			c := rs[i]
			if isWordRune(c) {
				i++
				continue
			}
			if i+1 < n && isWordRune(rs[i+1]) && (c == '-' || c == '&' || c == '.' || c == '/' && unicode.IsDigit(rs[i-1])) {
				i++
				continue
			}
			if isApostrophe(c) && i+1 < n && isWordRune(rs[i+1]) {
				// O'Brien, d'Estaing: keep; 's and 't (n't) split off
				if (rs[i+1] == 's' || rs[i+1] == 'S') && (i+2 >= n || !isWordRune(rs[i+2])) {
					break
				}
				if (rs[i+1] == 't' || rs[i+1] == 'T') && i-1 > start && (rs[i-1] == 'n' || rs[i-1] == 'N') && (i+2 >= n || !isWordRune(rs[i+2])) {
					i-- // n't
					break
				}
				i++
				continue
			}
			break
		}
		end := i
		// trailing period: initials (U.S.), single capitals (J.), abbreviations (Mr.)
		if i < n && rs[i] == '.' {
			w := string(rs[start:end])
			lw := strings.ToLower(w)
			if strings.Contains(w, ".") || (end-start == 1 && unicode.IsUpper(rs[start])) || abbreviated(lw) {
				end++
				i++
			}
		}
		toks = append(toks, Token{Start: start, End: end})
	}
	return toks
}

// splitGlued is rule "glued link text": text taken from a web page runs
// a name into the link or heading after it ("Rod RosensteinDemocrats ask
// judge", "Charles SchumerOvernight Health Care"), and the tagger then
// reads one person "Rod RosensteinDemocrats". A word is cut where a
// lower-case letter meets a capital when the part before is at least four
// letters and stands elsewhere in the text as a word of its own after a
// capitalised word, as a surname does ("Rod Rosenstein"), and the cut
// word itself follows a capitalised word, as in a card's full name;
// names written so (McDonald, DeSantis, LeBron, WikiLeaks, BioNTech,
// BlackRock, "from SpaceX", "with HarperCollins") keep their shape, since
// their first part is short or no surname of the text or no name comes
// before them, and so do handles and hashtags (@CillizzaCNN).
func splitGlued(rs []rune, toks []Token) []Token {
	glued := false
	for _, t := range toks {
		if gluedAt(rs[t.Start:t.End]) >= 4 {
			glued = true
			break
		}
	}
	if !glued {
		return toks
	}
	// the surnames of the text: words after a capitalised word
	words := make(map[string]bool)
	for i := 1; i < len(toks); i++ {
		if unicode.IsUpper(rs[toks[i-1].Start]) && unicode.IsUpper(rs[toks[i].Start]) {
			words[string(rs[toks[i].Start:toks[i].End])] = true
		}
	}
	out := make([]Token, 0, len(toks)+4)
	for i, t := range toks {
		if t.Start > 0 && (rs[t.Start-1] == '@' || rs[t.Start-1] == '#') {
			out = append(out, t) // a handle or a hashtag: @CillizzaCNN
			continue
		}
		if i == 0 || !unicode.IsUpper(rs[toks[i-1].Start]) && rs[toks[i-1].Start] != ')' {
			// "from SpaceX", "with HarperCollins": no name (or a name's
			// bracketed nickname, "Jon ( Jon ) TesterPelosi") before it
			out = append(out, t)
			continue
		}
		for {
			k := gluedAt(rs[t.Start:t.End])
			if k < 4 || !words[string(rs[t.Start:t.Start+k])] {
				break
			}
			out = append(out, Token{Start: t.Start, End: t.Start + k, Glued: t.Glued})
			t.Start += k
			t.Glued = true
		}
		out = append(out, t)
	}
	return out
}

// gluedAt returns the offset of the first capital that follows a
// lower-case letter in a word of letters, or 0.
func gluedAt(w []rune) int {
	at := 0
	for i, c := range w {
		if !unicode.IsLetter(c) && i > 0 {
			return 0
		}
		if at == 0 && i > 0 && unicode.IsUpper(c) && unicode.IsLower(w[i-1]) {
			at = i
		}
	}
	return at
}

// sentences splits tokens into sentences. A sentence ends at . ! ? (and
// closing quotes after them) before a capitalised word, at a blank line, and
// at a line break unless the text is hard-wrapped (as 1987 Reuters wire
// copy is), where only indented lines start a new paragraph.
func sentences(rs []rune, toks []Token) []Sentence {
	wrapped := hardWrapped(rs)
	var out []Sentence
	s := 0
	for i := range toks {
		end := false
		if i+1 == len(toks) {
			end = true
		} else {
			gap := rs[toks[i].End:toks[i+1].Start]
			nl := 0
			for _, c := range gap {
				if c == '\n' {
					nl++
				}
			}
			switch {
			case nl >= 2:
				end = true
			case nl == 1 && !wrapped:
				end = true
			case nl == 1 && wrapped && len(gap) > 2 && (gap[len(gap)-1] == ' ' || gap[len(gap)-1] == '\t'):
				end = true
			default:
				t := rs[toks[i].Start:toks[i].End]
				last := t[len(t)-1]
				// a list item's number: "1." at a sentence's start
				listItem := len(t) == 1 && last == '.' && i == s+1 && isListNumber(rs[toks[s].Start:toks[s].End])
				// a question mark inside a web address ("story.asp?ID=1")
				inURL := last == '?' && toks[i].End == toks[i+1].Start && unicode.IsLetter(rs[toks[i+1].Start])
				if !listItem && !inURL && (len(t) == 1 && (last == '.' || last == '!' || last == '?') || last == '.' && len(t) > 1 && !abbreviated(strings.ToLower(string(t[:len(t)-1]))) && !isInitials(t)) {
					// a straight quote right after the stop closes the
					// sentence's quotation (`... profitable." It's`): the
					// sentence ends after it (below); one after a space
					// opens the next sentence's
					next := rs[toks[i+1].Start]
					opens := next == '"' && toks[i].End < toks[i+1].Start
					if unicode.IsUpper(next) || opens || next == '“' || unicode.IsDigit(next) || bulletAt(rs, toks, i+1) {
						end = true
					}
				}
				if (last == '"' || last == '”' || last == '\'') && len(t) == 1 && i > s {
					p := rs[toks[i-1].Start:toks[i-1].End]
					if pl := p[len(p)-1]; (pl == '.' || pl == '!' || pl == '?') && (unicode.IsUpper(rs[toks[i+1].Start]) || bulletAt(rs, toks, i+1)) {
						end = true
					}
				}
			}
		}
		if end {
			out = append(out, Sentence{Start: toks[s].Start, End: toks[i].End, Tok0: s, Tok1: i + 1})
			s = i + 1
		}
	}
	return out
}

// bulletAt is rule "a bullet opens a sentence": token k is a list bullet
// ("*" or "•") followed by a space and a capitalised word or a number
// ("... the resolution. * Jan. 27: At a joint news conference ..."), so a
// stop before it ends the sentence as one before a capital does.
func bulletAt(rs []rune, toks []Token, k int) bool {
	if k+1 >= len(toks) || toks[k].End-toks[k].Start != 1 || toks[k].End == toks[k+1].Start {
		return false
	}
	if b := rs[toks[k].Start]; b != '*' && b != '•' {
		return false
	}
	next := rs[toks[k+1].Start]
	return unicode.IsUpper(next) || unicode.IsDigit(next)
}

// isListNumber reports whether t is a list item's number: its stop
// ("1.", "12.") does not end the sentence the number starts.
func isListNumber(t []rune) bool {
	if len(t) == 0 || len(t) > 2 {
		return false
	}
	for _, c := range t {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func isInitials(t []rune) bool {
	// U.S. or J. : letters each followed by a period
	for i, c := range t {
		if i%2 == 0 && !unicode.IsLetter(c) || i%2 == 1 && c != '.' {
			return false
		}
	}
	return true
}

// hardWrapped reports whether most long lines end near the same column, as
// in wire copy wrapped at ~65 characters.
func hardWrapped(rs []rune) bool {
	lines, near, long, closed := 0, 0, 0, 0
	ls := strings.Split(string(rs), "\n")
	for i, l := range ls {
		w := len([]rune(l))
		if w > 90 {
			long++
		}
		// a paragraph's last line (before a blank or indented line, or the
		// end) may end anywhere: it says nothing about the wrapping
		if w <= 40 || i+1 == len(ls) || strings.TrimSpace(ls[i+1]) == "" || strings.HasPrefix(ls[i+1], " ") || strings.HasPrefix(ls[i+1], "\t") {
			continue
		}
		lines++
		if w >= 50 && w <= 75 {
			near++
		}
		if t := strings.TrimRight(l, " "); t != "" {
			if last := t[len(t)-1]; last == '.' || last == '"' || last == '?' || last == '!' || last == ':' || last == '\'' || last == ')' {
				closed++
			}
		}
	}
	// wrapped lines mostly end mid-sentence; sentence-per-line text does not
	return lines >= 2 && long == 0 && near*10 >= lines*7 && closed*2 < lines
}

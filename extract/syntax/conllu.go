package syntax

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// TreebankSentence is one sentence of a CoNLL-U file: its words with their
// gold annotation and its surface tokens. Training and evaluation read
// treebanks through it.
type TreebankSentence struct {
	ID     string // # sent_id
	Text   string // # text
	NewDoc bool   // a # newdoc comment opens the sentence
	NewPar bool   // a # newpar comment (or # newdoc) opens the sentence
	Words  []Word
	Tokens []Token
}

// Token is a surface token of a treebank sentence: one word, or a multiword
// token ("don't") made of Words[First..Last].
type Token struct {
	Form        string
	First, Last int // word indexes, inclusive
	SpaceAfter  bool
}

// ReadCoNLLU reads the sentences of a CoNLL-U file. Empty nodes (8.1) are
// skipped; multiword tokens become Tokens spanning their words.
func ReadCoNLLU(r io.Reader) ([]TreebankSentence, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []TreebankSentence
	var cur TreebankSentence
	mwtEnd := -1 // last word id of the open multiword token
	line := 0
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = TreebankSentence{}
		mwtEnd = -1
	}
	for sc.Scan() {
		line++
		l := sc.Text()
		if l == "" {
			flush()
			continue
		}
		if strings.HasPrefix(l, "#") {
			k, v, _ := strings.Cut(strings.TrimSpace(l[1:]), "=")
			k, v = strings.TrimSpace(k), strings.TrimSpace(v)
			switch k {
			case "sent_id":
				cur.ID = v
			case "text":
				cur.Text = v
			case "newdoc", "newdoc id":
				cur.NewDoc, cur.NewPar = true, true
			case "newpar", "newpar id":
				cur.NewPar = true
			}
			continue
		}
		c := strings.Split(l, "\t")
		if len(c) != 10 {
			return nil, fmt.Errorf("line %d: %d columns, want 10", line, len(c))
		}
		space := !strings.Contains(c[9], "SpaceAfter=No")
		if a, b, ok := strings.Cut(c[0], "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || last < first {
				return nil, fmt.Errorf("line %d: bad range %q", line, c[0])
			}
			cur.Tokens = append(cur.Tokens, Token{Form: c[1], First: first - 1, Last: last - 1, SpaceAfter: space})
			mwtEnd = last
			continue
		}
		if strings.Contains(c[0], ".") {
			continue // empty node
		}
		id, err := strconv.Atoi(c[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("line %d: word id %q out of order", line, c[0])
		}
		head, err := strconv.Atoi(c[6])
		if err != nil {
			head = -1 // "_" in a file without syntax
		}
		cur.Words = append(cur.Words, Word{Form: c[1], Lemma: c[2], UPOS: c[3], XPOS: c[4], Head: head, Deprel: c[7], Tok: -1})
		if id > mwtEnd {
			cur.Tokens = append(cur.Tokens, Token{Form: c[1], First: id - 1, Last: id - 1, SpaceAfter: space})
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("line %d: %w", line, err)
	}
	flush()
	return out, nil
}

// WriteCoNLLU writes s as CoNLL-U (10 columns; FEATS, DEPS and MISC are
// "_" except SpaceAfter=No where the text has no space after a word whose
// offsets are known), preceded by # sent_id and # text: one sentence, or
// one per root where s holds several (see Sentence.Spans), with ids
// id-1, id-2 ... and each one's text rebuilt from its words.
func WriteCoNLLU(w io.Writer, id, text string, s *Sentence) error {
	bw := bufio.NewWriter(w)
	spans := s.Spans()
	if len(spans) <= 1 {
		spans = [][2]int{{0, len(s.Words)}}
	}
	for k, sp := range spans {
		words := s.Words[sp[0]:sp[1]]
		sid, stext := id, text
		if len(spans) > 1 {
			if id != "" {
				sid = fmt.Sprintf("%s-%d", id, k+1)
			}
			var b strings.Builder
			for i, wd := range words {
				b.WriteString(wd.Form)
				if i+1 < len(words) && !(wd.End > 0 && wd.End == words[i+1].Start) {
					b.WriteByte(' ')
				}
			}
			stext = b.String()
		}
		if sid != "" {
			fmt.Fprintf(bw, "# sent_id = %s\n", sid)
		}
		fmt.Fprintf(bw, "# text = %s\n", oneLine(stext))
		for i, wd := range words {
			misc := "_"
			if i+1 < len(words) && wd.End > 0 && wd.End == words[i+1].Start {
				misc = "SpaceAfter=No"
			}
			head := wd.Head
			if head > 0 {
				head -= sp[0]
			}
			fmt.Fprintf(bw, "%d\t%s\t%s\t%s\t%s\t_\t%d\t%s\t_\t%s\n", i+1, field(wd.Form), field(wd.Lemma),
				field(wd.UPOS), field(wd.XPOS), head, field(wd.Deprel), misc)
		}
		bw.WriteString("\n")
	}
	return bw.Flush()
}

// oneLine makes text fit a comment line: line breaks and tabs become spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// field makes a CoNLL-U column value: no tabs or line breaks, never empty.
func field(s string) string {
	if s == "" {
		return "_"
	}
	if strings.ContainsAny(s, "\t\n\r") {
		s = strings.Map(func(r rune) rune {
			if r == '\t' || r == '\n' || r == '\r' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// TreebankDoc is the running text of one document of a treebank, rebuilt
// from its sentences' # text: sentences of a paragraph joined by a space
// (none after SpaceAfter=No), paragraphs by a blank line.
type TreebankDoc struct {
	Text      string
	Sentences []TreebankSentence
	Starts    []int // code point offset of each sentence in Text
}

// Documents groups sentences into documents (at # newdoc) and rebuilds
// their text.
func Documents(ss []TreebankSentence) []TreebankDoc {
	var out []TreebankDoc
	var b strings.Builder
	var cur TreebankDoc
	pos := 0
	flush := func() {
		if len(cur.Sentences) > 0 {
			cur.Text = b.String()
			out = append(out, cur)
		}
		cur = TreebankDoc{}
		b.Reset()
		pos = 0
	}
	for i, s := range ss {
		if s.NewDoc && i > 0 {
			flush()
		}
		if len(cur.Sentences) > 0 {
			prev := cur.Sentences[len(cur.Sentences)-1]
			switch {
			case s.NewPar:
				b.WriteString("\n\n")
				pos += 2
			case len(prev.Tokens) == 0 || prev.Tokens[len(prev.Tokens)-1].SpaceAfter:
				b.WriteString(" ")
				pos++
			}
		}
		t := s.Text
		if t == "" {
			var tb strings.Builder
			for _, tk := range s.Tokens {
				tb.WriteString(tk.Form)
				if tk.SpaceAfter {
					tb.WriteString(" ")
				}
			}
			t = strings.TrimSpace(tb.String())
		}
		cur.Sentences = append(cur.Sentences, s)
		cur.Starts = append(cur.Starts, pos)
		b.WriteString(t)
		pos += utf8.RuneCountInString(t)
	}
	flush()
	return out
}

// Join returns the sentences as one: the roots of the second and later
// become dependents (label rel) of the first one's root; with rel "root"
// they stay roots (a multi-rooted parse, see Sentence.Spans).
func Join(ss []TreebankSentence, rel string) TreebankSentence {
	out := ss[0]
	out.Words = append([]Word(nil), ss[0].Words...)
	out.Tokens = append([]Token(nil), ss[0].Tokens...)
	root := 0
	for i, w := range out.Words {
		if w.Head == 0 {
			root = i + 1
		}
	}
	for _, s := range ss[1:] {
		base := len(out.Words)
		for _, w := range s.Words {
			switch {
			case w.Head == 0 && rel != "root":
				w.Head, w.Deprel = root, rel
			case w.Head > 0:
				w.Head += base
			}
			out.Words = append(out.Words, w)
		}
		for _, t := range s.Tokens {
			t.First += base
			t.Last += base
			out.Tokens = append(out.Tokens, t)
		}
		out.Text += " " + s.Text
	}
	return out
}

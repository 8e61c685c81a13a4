package extract_test

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/syntax"
)

// TestWords checks the mapping from the extractor's tokens to Universal
// Dependencies words.
func TestWords(t *testing.T) {
	tests := []struct {
		text, want string // want: the words of the first sentence, space-separated
	}{
		{"I'm sure they'll come, but we've no idea.", "I 'm sure they 'll come , but we 've no idea ."},
		{"He cannot say he's gonna win.", "He can not say he 's gon na win ."},
		{"im sure thats what youre after", "i m sure that s what you re after"},
		{"Bashar al-Assad met U.S.-Soviet teams.", "Bashar al - Assad met U.S. - Soviet teams ."},
		{"A non-binding, pre-war e-mail came.", "A non-binding , pre-war e-mail came ."},
		{"It cost $1,000,000 at 7:30 on 11/29/2000.", "It cost $ 1,000,000 at 7:30 on 11/29/2000 ."},
		{"Call 713-853-3989 now.", "Call 713-853-3989 now ."},
		{"Write to jane.doe@example.com or see http://example.com/a?b=1.", "Write to jane.doe@example.com or see http://example.com/a?b=1 ."},
		{"What?! No way!!", "What ?!"},
		{"Apples, pears etc. were sold.", "Apples , pears etc. were sold ."},
		{"He said no. Then he left.", "He said no . Then he left ."}, // "no." does not end a sentence for the extractor
		{"It is No. 1 in sales.", "It is No. 1 in sales ."},
		{"Great :) see you", "Great :) see you"},
		{"The firm's 2-year deal", "The firm 's 2 - year deal"},
	}
	for _, tt := range tests {
		d := extract.Segment(tt.text)
		ws := d.Words(0)
		var got []string
		for _, w := range ws {
			got = append(got, w.Form)
			if string(d.Runes[w.Start:w.End]) != w.Form {
				t.Errorf("%q: word %q has offsets %d-%d", tt.text, w.Form, w.Start, w.End)
			}
			if tk := d.Tokens[w.Tok]; w.Start < tk.Start && w.End <= tk.Start || w.Start >= tk.End {
				t.Errorf("%q: word %q is outside its token %q", tt.text, w.Form, tk.Text)
			}
		}
		if g := strings.Join(got, " "); g != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.text, g, tt.want)
		}
	}
}

// checkParse fails unless s is a tree over words that lie inside the text,
// in order, matching it.
func checkParse(t *testing.T, rs []rune, valid bool, s *syntax.Sentence) {
	t.Helper()
	n := len(s.Words)
	roots, last := 0, -1
	for i, w := range s.Words {
		if w.Start < 0 || w.End > len(rs) || w.Start >= w.End || w.Start < last {
			t.Fatalf("word %d %q: offsets %d-%d (text %d code points, previous end %d)", i+1, w.Form, w.Start, w.End, len(rs), last)
		}
		last = w.End
		if valid && string(rs[w.Start:w.End]) != w.Form {
			t.Fatalf("word %d %q does not match the text %q", i+1, w.Form, string(rs[w.Start:w.End]))
		}
		if w.Head < 0 || w.Head > n || w.Head == i+1 {
			t.Fatalf("word %d: head %d of %d", i+1, w.Head, n)
		}
		if w.Head == 0 {
			roots++
		}
		h := i + 1
		for steps := 0; h != 0; steps++ {
			if steps > n {
				t.Fatalf("cycle through word %d", i+1)
			}
			h = s.Words[h-1].Head
		}
		if w.UPOS == "" || w.XPOS == "" || w.Deprel == "" || w.Lemma == "" {
			t.Fatalf("word %d: empty analysis %+v", i+1, w)
		}
	}
	if n > 0 && (roots < 1 || roots != len(s.Spans())) {
		t.Fatalf("%d roots, %d spans", roots, len(s.Spans()))
	}
}

// FuzzParse checks that any text segments and parses without panicking,
// into trees over words inside the text, the same way every time.
func FuzzParse(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("")
	f.Add("I'm gonna call 713-853-3989 :) at 7:30, http://x.org/a_b. jane@x.org!!")
	f.Add("al-Assad's U.S.-Soviet non-pre-e-- - -- ,,, 1,000,000,00 #tag a_b_ _")
	f.Add("\xff\xfe broken \xc3 UTF-8 no. No. etc. ?!?! '''")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := extract.Segment(text)
		valid := utf8.ValidString(text)
		for s := range d.Sentences {
			p := x.Parse(d, s)
			checkParse(t, d.Runes, valid, p)
			if q := x.Parse(d, s); fmt.Sprint(q.Words) != fmt.Sprint(p.Words) {
				t.Fatalf("sentence %d parses differently twice", s)
			}
		}
	})
}

var udDir = flag.String("ud", "", "folder with UD English-EWT's en_ewt-ud-dev.conllu and en_ewt-ud-test.conllu (for TestGoldenSyntax)")

// TestGoldenSyntax parses a few sentences of UD English-EWT's dev and test
// sets, one per construction the event layer reads (passive,
// coordination, relative clause, apposition, "between A and B"), and
// checks (1) the relations listed: every gold word bearing one must get
// its gold head and relation, and (2) the whole parse against
// testdata/syntax/<name>.golden (tags, heads, relations by word number;
// no treebank text is stored). The shipped model is trained on train and
// dev, so only the test sentences are unseen by it. The treebank is not
// in the repository: run with -ud DIR (see scripts/train-parser/ewt.sh);
// -update rewrites the golden files.
func TestGoldenSyntax(t *testing.T) {
	dir := *udDir
	if dir == "" {
		t.Skip("no -ud folder with UD English-EWT")
	}
	cases := []struct {
		name, file, id string
		rels           []string
	}{
		{"passive", "dev", "weblog-juancole.com_juancole_20041111060900_ENG_20041111_060900-0005", []string{"nsubj:pass", "aux:pass", "obl:agent", "conj", "cc"}},
		// known errors: "that" is tagged IN, and "one Iraqi dead" is read as
		// "one" with its modifiers (gold: "Iraqi" obj, "dead" xcomp)
		{"relcl", "dev", "weblog-juancole.com_juancole_20040324065800_ENG_20040324_065800-0004", []string{"nsubj", "obl", "acl:relcl"}},
		{"relcl-passive", "dev", "weblog-juancole.com_juancole_20041120060600_ENG_20041120_060600-0005", []string{"nsubj", "obj", "acl:relcl", "nsubj:pass"}},
		// known error: "arrested" of "Based on ... inputs, Army arrested
		// Ghulam ..." is tagged VBN and read as a passive ("Army" nsubj:pass,
		// "Ghulam" xcomp); only the apposition is checked
		{"appos", "dev", "newsgroup-groups.google.com_IndiaNewsWindow_434225fff269b2af_ENG_20051109_074500-0001", []string{"appos"}},
		// known error: "the war between Microsoft and Google is quickly
		// brewing" gives "Google" to "brewing" as its subject (gold: conj of
		// "Microsoft"); on the dev articles' real news the parser reads
		// "between X and Y" as the previous model did (140 against 139
		// with Y a conj of X, of about 200)
		{"between", "test", "newsgroup-groups.google.com_hiddennook_1fd8f731ae7ffaa0_ENG_20050214_192900-0005", []string{"case", "nmod"}},
		{"passive-appos", "test", "newsgroup-groups.google.com_hiddennook_88969236563fa748_ENG_20050215_173600-0009", []string{"nsubj:pass", "aux:pass", "obl:agent", "appos", "conj"}},
	}
	x := extractor(t)
	banks := map[string]map[string]syntax.TreebankSentence{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if banks[c.file] == nil {
				f, err := os.Open(filepath.Join(dir, "en_ewt-ud-"+c.file+".conllu"))
				if err != nil {
					t.Fatal(err)
				}
				ss, err := syntax.ReadCoNLLU(f)
				f.Close()
				if err != nil {
					t.Fatal(err)
				}
				banks[c.file] = map[string]syntax.TreebankSentence{}
				for _, s := range ss {
					banks[c.file][s.ID] = s
				}
			}
			g, ok := banks[c.file][c.id]
			if !ok {
				t.Fatalf("no sentence %s", c.id)
			}
			d := extract.Segment(g.Text)
			if len(d.Sentences) != 1 {
				t.Fatalf("%d sentences", len(d.Sentences))
			}
			p := x.Parse(d, 0)
			checkParse(t, d.Runes, true, p)
			if len(p.Words) != len(g.Words) {
				t.Fatalf("%d words, gold %d", len(p.Words), len(g.Words))
			}
			for i, w := range g.Words {
				for _, r := range c.rels {
					if w.Deprel == r && (p.Words[i].Head != w.Head || p.Words[i].Deprel != r) {
						t.Errorf("word %d %q: head %d %s, gold %d %s", i+1, w.Form, p.Words[i].Head, p.Words[i].Deprel, w.Head, r)
					}
				}
			}
			var b strings.Builder
			fmt.Fprintf(&b, "# %s %s\n", c.file, c.id)
			for i, w := range p.Words {
				fmt.Fprintf(&b, "%d\t%s\t%s\t%d\t%s\n", i+1, w.UPOS, w.XPOS, w.Head, w.Deprel)
			}
			golden := filepath.Join("testdata", "syntax", c.name+".golden")
			if *update {
				os.MkdirAll(filepath.Dir(golden), 0o755)
				if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if string(want) != b.String() {
				t.Errorf("parse differs from %s:\n%s", golden, b.String())
			}
		})
	}
}

package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// FuzzExtract checks that any input extracts without panicking, that
// every mention lies inside the text and matches it, and that the output
// is the same for the same input.
func FuzzExtract(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join("testdata", "golden", "*.txt"))
	for _, s := range seeds {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	events, _ := filepath.Glob(filepath.Join("testdata", "events", "*.txt"))
	for _, s := range events {
		b, err := os.ReadFile(s)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	f.Add("X met Y. He met Putin, then with Trump; talks between him and her. Russian missiles struck Kyiv, killing twenty-five.")
	f.Add("")
	f.Add("By \n\nPhoto by X/")
	f.Add("U.S.-Soviet Mr. O'Brien's al-Assad  KREMLIN SAID\n\n    Reuter")
	f.Add("\xff\xfe broken \xc3 UTF-8 Macron")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		a := newsgraph.Article{ID: "fuzz", Text: text}
		got := x.Extract(a)
		rs := []rune(text)
		valid := utf8.ValidString(text)
		for _, m := range got.Mentions {
			if m.Start < 0 || m.End > len(rs) || m.Start >= m.End {
				t.Fatalf("mention %+v outside text of %d code points", m, len(rs))
			}
			if valid && string(rs[m.Start:m.End]) != m.Text {
				t.Fatalf("mention %+v does not match text %q", m, string(rs[m.Start:m.End]))
			}
		}
		checkEvents(t, rs, valid, got)
		b1, _ := json.Marshal(got)
		b2, _ := json.Marshal(x.Extract(a))
		if string(b1) != string(b2) {
			t.Fatalf("output differs between two runs")
		}
	})
}

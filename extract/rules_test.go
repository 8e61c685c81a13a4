package extract

import (
	"sync"
	"testing"
)

// The named rules' tests share one extractor: loading the models once per
// test binary, not once per test (it is safe for concurrent use).
var (
	ruleXOnce sync.Once
	ruleX     *Extractor
	ruleXErr  error
)

func testExtractor(t testing.TB) *Extractor {
	t.Helper()
	ruleXOnce.Do(func() { ruleX, ruleXErr = New() })
	if ruleXErr != nil {
		t.Fatalf("New: %v", ruleXErr)
	}
	return ruleX
}

// apartCase is a sentence, a trigger word, an argument word and whether a
// rule must keep the argument apart from the trigger.
type apartCase struct {
	sentence, trigger, arg string
	apart                  bool
}

// checkApart runs rule on each case's parse: the words are found by their
// written form (the last of that form).
func checkApart(t *testing.T, rule func(ss *synSent, trig, arg int) bool, cases []apartCase) {
	t.Helper()
	x := testExtractor(t)
	for _, tc := range cases {
		d := x.Analyze(tc.sentence)
		ss := newSynSent(d, 0, x.Parse(d, 0))
		tw, aw := wordOf(ss, tc.trigger), wordOf(ss, tc.arg)
		if tw < 0 || aw < 0 {
			t.Fatalf("%q: no word %q or %q", tc.sentence, tc.trigger, tc.arg)
		}
		if got := rule(ss, tw, aw); got != tc.apart {
			t.Errorf("%q: %s apart from %s = %v, want %v (path %s)", tc.sentence, tc.arg, tc.trigger, got, tc.apart, ss.pathString(tw, aw, true))
		}
	}
}

// parsedWord analyses sentence and returns its document, the parse of its
// first sentence and the word written form (the last of that form),
// failing the test when there is none.
func parsedWord(t *testing.T, x *Extractor, sentence, form string) (*Doc, *synSent, int) {
	t.Helper()
	d := x.Analyze(sentence)
	ss := newSynSent(d, 0, x.Parse(d, 0))
	w := wordOf(ss, form)
	if w < 0 {
		t.Fatalf("%q: no word %q", sentence, form)
	}
	return d, ss, w
}

// wordOf returns the index of the last word of ss written form, or -1.
func wordOf(ss *synSent, form string) int {
	at := -1
	for i, w := range ss.s.Words {
		if w.Form == form {
			at = i
		}
	}
	return at
}

package synth_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/synth"
)

func TestDeterministicAndVaried(t *testing.T) {
	a, b := synth.New(7, 500), synth.New(7, 500)
	texts := map[string]bool{}
	for i := range 50 {
		x, y := a.Article(i), b.Article(i)
		if x != y {
			t.Fatalf("article %d differs between two generators with one seed", i)
		}
		if !strings.Contains(x.Text, " met ") || len(x.Text) < 500 {
			t.Errorf("article %d lacks a meeting or is too short:\n%s", i, x.Text)
		}
		texts[x.Text] = true
	}
	if len(texts) != 50 {
		t.Errorf("%d distinct texts of 50", len(texts))
	}
}

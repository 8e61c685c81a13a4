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

// TestRealLength checks that lengths spread around the 2.2 KB of real
// news articles, and that articles carry events beyond the lede.
func TestRealLength(t *testing.T) {
	g := synth.New(1, 2000)
	const n = 400
	total, short, long := 0, 0, 0
	var strikes, visits int
	for i := range n {
		x := g.Article(i).Text
		total += len(x)
		if len(x) < 1500 {
			short++
		}
		if len(x) > 3000 {
			long++
		}
		if strings.Contains(x, " struck ") {
			strikes++
		}
		if strings.Contains(x, " visited ") {
			visits++
		}
	}
	if mean := total / n; mean < 1900 || mean > 2600 {
		t.Errorf("mean length %d bytes, want about 2,200", mean)
	}
	if short < n/20 || long < n/20 {
		t.Errorf("%d articles under 1.5 KB and %d over 3 KB of %d: not a spread of lengths", short, long, n)
	}
	if strikes < n/4 || visits < n/4 {
		t.Errorf("%d articles with a strike and %d with a visit of %d", strikes, visits, n)
	}
}

// TestNews checks the news mix: deterministic, of Article's lengths, with
// events in few articles (about one in ten has a meeting, one in fifty a
// strike).
func TestNews(t *testing.T) {
	a, b := synth.New(3, 2000), synth.New(3, 2000)
	const n = 1000
	total, meetings, strikes := 0, 0, 0
	for i := range n {
		x, y := a.News(i), b.News(i)
		if x != y {
			t.Fatalf("article %d differs between two generators with one seed", i)
		}
		total += len(x.Text)
		if strings.Contains(x.Text, " met ") {
			meetings++
		}
		if strings.Contains(x.Text, " struck ") {
			strikes++
		}
	}
	if mean := total / n; mean < 1900 || mean > 2600 {
		t.Errorf("mean length %d bytes, want about 2,200", mean)
	}
	if meetings < n/20 || meetings > n/5 {
		t.Errorf("%d articles of %d with a meeting, want about one in ten", meetings, n)
	}
	if strikes < n/100 || strikes > n/20 {
		t.Errorf("%d articles of %d with a strike, want about one in fifty", strikes, n)
	}
}

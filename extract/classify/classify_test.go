package classify_test

import (
	"bytes"
	"fmt"
	"math"
	"testing"

	"github.com/newsgraph/newsgraph/extract/classify"
)

// examples: y is true exactly when "good" is present; "noise" features are
// shared by both classes.
func examples() []classify.Example {
	var ex []classify.Example
	for i := 0; i < 200; i++ {
		var f classify.Features
		f.Addf("noise", fmt.Sprint(i%7))
		y := i%3 == 0
		if y {
			f.Add("good")
		} else {
			f.Add("bad")
		}
		ex = append(ex, classify.Example{F: f, Y: y})
	}
	return ex
}

func feats(names ...string) *classify.Features {
	var f classify.Features
	for _, n := range names {
		f.Add(n)
	}
	return &f
}

func TestTrainSeparates(t *testing.T) {
	m := classify.Train(examples(), classify.Options{Seed: 1})
	if p := m.Prob(feats("good", "noise=3")); p < 0.9 {
		t.Errorf("P(good) = %.3f, want > 0.9", p)
	}
	if p := m.Prob(feats("bad", "noise=3")); p > 0.1 {
		t.Errorf("P(bad) = %.3f, want < 0.1", p)
	}
	ex := m.Explain(feats("noise=1", "good"), 1)
	if len(ex) != 1 || ex[0].Feature != "good" || ex[0].Weight <= 0 {
		t.Errorf("Explain = %+v, want the positive feature good first", ex)
	}
}

func TestTrainDeterministic(t *testing.T) {
	a := classify.Train(examples(), classify.Options{Seed: 7})
	b := classify.Train(examples(), classify.Options{Seed: 7})
	if a.Bias != b.Bias || len(a.W) != len(b.W) {
		t.Fatalf("two trainings differ: bias %v/%v, %d/%d weights", a.Bias, b.Bias, len(a.W), len(b.W))
	}
	for k, v := range a.W {
		if b.W[k] != v {
			t.Fatalf("weight %x differs: %v vs %v", k, v, b.W[k])
		}
	}
}

func TestBundleRoundTrip(t *testing.T) {
	m := classify.Train(examples(), classify.Options{Seed: 1})
	m.Threshold = 0.7
	var buf bytes.Buffer
	if err := (classify.Bundle{"meet": m}).Write(&buf, 0); err != nil {
		t.Fatal(err)
	}
	b, err := classify.ReadBundle(&buf)
	if err != nil {
		t.Fatal(err)
	}
	got := b["meet"]
	if got == nil {
		t.Fatal("model meet missing after the round trip")
	}
	if got.Threshold != 0.7 {
		t.Errorf("threshold %v after the round trip, want 0.7", got.Threshold)
	}
	for _, f := range []*classify.Features{feats("good"), feats("bad", "noise=2"), feats("unseen")} {
		if d := math.Abs(got.Score(f) - m.Score(f)); d > 1e-3 {
			t.Errorf("score of %v changed by %g after quantisation", f.Names, d)
		}
	}
	if _, err := classify.ReadBundle(bytes.NewReader([]byte("not a model"))); err == nil {
		t.Error("ReadBundle accepted garbage")
	}
}

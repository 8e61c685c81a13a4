package classify_test

import (
	"bytes"
	"fmt"
	"hash/fnv"
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

// Average takes the mean of each weight (0 where a model lacks it) and of
// the biases, and averaged seeds still separate the classes.
func TestAverage(t *testing.T) {
	a := &classify.Model{Bias: 1, W: map[uint64]float32{1: 2, 2: 4}}
	b := &classify.Model{Bias: 3, W: map[uint64]float32{1: 4}}
	m := classify.Average([]*classify.Model{a, b})
	if m.Bias != 2 || m.W[1] != 3 || m.W[2] != 2 || len(m.W) != 2 {
		t.Errorf("average: bias %v, weights %v; want 2, {1: 3, 2: 2}", m.Bias, m.W)
	}
	var ms []*classify.Model
	for seed := uint64(1); seed <= 3; seed++ {
		ms = append(ms, classify.Train(examples(), classify.Options{Seed: seed}))
	}
	avg := classify.Average(ms)
	if p, q := avg.Prob(feats("good", "noise=3")), avg.Prob(feats("bad", "noise=3")); p < 0.9 || q > 0.1 {
		t.Errorf("averaged model: P(good) %.2f, P(bad) %.2f", p, q)
	}
}

func TestHashIsFNV1a(t *testing.T) {
	for _, s := range []string{"", "p=the", "ps|ns=Xx|x", "n=ça"} {
		h := fnv.New64a()
		h.Write([]byte(s))
		if got := classify.Hash(s); got != h.Sum64() {
			t.Errorf("Hash(%q) = %x, want FNV-1a %x", s, got, h.Sum64())
		}
		if got := classify.HashMore(classify.Hash("ab="), s); got != classify.Hash("ab="+s) {
			t.Errorf("HashMore(Hash(ab=), %q) = %x, want Hash of the joined string %x", s, got, classify.Hash("ab="+s))
		}
	}
}

// TestAddPartsNoNames: a feature added in parts scores as the joined name
// does, and features kept by key only (NoNames) score as named ones while
// keeping no names.
func TestAddPartsNoNames(t *testing.T) {
	m := classify.Train(examples(), classify.Options{Epochs: 5, Seed: 1})
	named := feats("noise=3", "good")
	var parts, keyed classify.Features
	parts.AddParts("noise", "=", "3")
	parts.AddParts("go", "od")
	keyed.NoNames = true
	keyed.AddParts("noise", "=", "3")
	keyed.Add("good")
	if parts.Names[0] != "noise=3" || parts.Names[1] != "good" {
		t.Fatalf("names of parts: %q", parts.Names)
	}
	if keyed.Len() != 2 || len(keyed.Names) != 0 {
		t.Fatalf("NoNames: %d features, names %q", keyed.Len(), keyed.Names)
	}
	want := m.Score(named)
	if got := m.Score(&parts); got != want {
		t.Errorf("score of parts %v, of the joined names %v", got, want)
	}
	if got := m.Score(&keyed); got != want {
		t.Errorf("score by key only %v, named %v", got, want)
	}
}

package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/newsgraph/newsgraph"
)

// TestHeldOutEvents runs the extractor over the sets under testdata that
// the team wrote with gold in the styles of the evaluation (heldout/,
// heldout2-4/: 1987 wire copy, Wikinews, BBC, AP/CNN, China Daily, Japan
// Times, with distractors: phone calls, refused and conditional meetings,
// summit attendance lists, labour strikes, bylines, captions). Text we
// wrote measures our own phrasing, so these are regression tests, not
// evidence of quality (the README's quality table is): the scores are
// logged, and the test fails when one drops below its floor, set about 0.1
// under what the learned event models reached when they were last
// trained, so that a change that breaks many events shows up here.
func TestHeldOutEvents(t *testing.T) {
	for _, set := range []struct {
		dir    string
		min    int
		floors map[string]float64
	}{
		{"heldout", 20, map[string]float64{"met": 0.57, "traveled_with": 0.15, "struck": 0.37}},
		{"heldout2", 15, map[string]float64{"met": 0.48, "traveled_with": 0.52, "struck": 0.19}},
		{"heldout3", 15, map[string]float64{"met": 0.50, "traveled_with": 0.15, "struck": 0.29}},
		{"heldout4", 15, map[string]float64{"met": 0.59, "traveled_with": 0.57, "struck": 0.23}},
	} {
		t.Run(set.dir, func(t *testing.T) { heldOut(t, set.dir, set.min, set.floors) })
	}
}

func heldOut(t *testing.T, dir string, min int, floors map[string]float64) {
	x := extractor(t)
	golds, err := filepath.Glob(filepath.Join("testdata", dir, "gold", "*.json"))
	if err != nil || len(golds) < min {
		t.Fatalf("want at least %d gold files in %s, got %d (%v)", min, dir, len(golds), err)
	}
	var tot = map[string]*[3]int{"met": {}, "met+status": {}, "traveled_with": {}, "struck": {}}
	for _, gf := range golds {
		id := strings.TrimSuffix(filepath.Base(gf), ".json")
		var g heldGold
		b, err := os.ReadFile(gf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &g); err != nil {
			t.Fatalf("%s: %v", gf, err)
		}
		text, err := os.ReadFile(filepath.Join("testdata", dir, "articles", id+".txt"))
		if err != nil {
			t.Fatal(err)
		}
		f := x.Extract(newsgraph.Article{ID: id, Text: string(text)})
		res := newResolver(g.Persons)
		var gm, pm, gs, ps, gt, pt, gst, pst []string
		for _, m := range g.Met {
			gm = append(gm, pairOf(res(m.A), res(m.B)))
			gs = append(gs, pairOf(res(m.A), res(m.B))+" "+m.Status)
		}
		for _, m := range f.Met {
			pm = append(pm, pairOf(res(m.A), res(m.B)))
			ps = append(ps, pairOf(res(m.A), res(m.B))+" "+m.Status)
		}
		for _, m := range g.TraveledWith {
			gt = append(gt, pairOf(res(m.A), res(m.B)))
		}
		for _, m := range f.TraveledWith {
			pt = append(pt, pairOf(res(m.A), res(m.B)))
		}
		for _, s := range g.Struck {
			gst = append(gst, strings.ToUpper(orQ(s.Attacker))+" | "+normName(s.Target))
		}
		for _, s := range f.Struck {
			pst = append(pst, strings.ToUpper(orQ(s.Attacker))+" | "+normName(s.Target))
		}
		for rel, gp := range map[string][2][]string{"met": {gm, pm}, "met+status": {gs, ps}, "traveled_with": {gt, pt}, "struck": {gst, pst}} {
			tp, fp, fn, missed, spurious := compare(gp[0], gp[1])
			tot[rel][0] += tp
			tot[rel][1] += fp
			tot[rel][2] += fn
			if len(missed)+len(spurious) > 0 {
				t.Logf("%s %s: missed %v spurious %v", id, rel, missed, spurious)
			}
		}
	}
	rels := []string{"met", "met+status", "traveled_with", "struck"}
	for _, rel := range rels {
		c := tot[rel]
		p, r, f1 := prf(c[0], c[1], c[2])
		t.Logf("%-14s P %.3f R %.3f F1 %.3f  tp/fp/fn %d/%d/%d (%d articles)", rel, p, r, f1, c[0], c[1], c[2], len(golds))
		if floor, ok := floors[rel]; ok && f1 < floor {
			t.Errorf("%s F1 %.3f on %s is below its floor %.2f", rel, f1, dir, floor)
		}
	}
}

type heldGold struct {
	Persons []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"persons"`
	Met []struct {
		A, B   string
		Status string `json:"status"`
	} `json:"met"`
	TraveledWith []struct{ A, B string } `json:"traveled_with"`
	Struck       []struct {
		Attacker *string `json:"attacker"`
		Target   string  `json:"target"`
	} `json:"struck"`
}

// newResolver maps a name onto the canonical gold name that has it as its
// name or an alias, as score.py does; unknown names stay apart.
func newResolver(persons []struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
}) func(string) string {
	forms := map[string]string{}
	for _, p := range persons {
		for _, f := range append([]string{p.Name}, p.Aliases...) {
			if _, ok := forms[normName(f)]; !ok {
				forms[normName(f)] = p.Name
			}
		}
	}
	return func(name string) string {
		if c, ok := forms[normName(name)]; ok {
			return c
		}
		return "?" + normName(name)
	}
}

// normName folds accents, case, dots, hyphens and punctuation as score.py
// does.
func normName(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			return -1
		}
		return r
	}, norm.NFKD.String(s))
	s = strings.ToLower(strings.ReplaceAll(s, "\u2019", "'"))
	s = strings.ReplaceAll(s, ".", "")
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' {
			return r
		}
		return ' '
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

func orQ(p any) string {
	switch v := p.(type) {
	case *string:
		if v != nil && *v != "" {
			return *v
		}
	case string:
		if v != "" {
			return v
		}
	}
	return "?"
}

func pairOf(a, b string) string {
	if a > b {
		a, b = b, a
	}
	return a + " | " + b
}

// compare counts the set overlap of gold and predicted keys.
func compare(gold, pred []string) (tp, fp, fn int, missed, spurious []string) {
	g, p := map[string]bool{}, map[string]bool{}
	for _, k := range gold {
		g[k] = true
	}
	for _, k := range pred {
		p[k] = true
	}
	for k := range p {
		if g[k] {
			tp++
		} else {
			fp++
			spurious = append(spurious, k)
		}
	}
	for k := range g {
		if !p[k] {
			fn++
			missed = append(missed, k)
		}
	}
	sort.Strings(missed)
	sort.Strings(spurious)
	return
}

func prf(tp, fp, fn int) (p, r, f float64) {
	p, r = 1, 1
	if tp+fp > 0 {
		p = float64(tp) / float64(tp+fp)
	} else if fn > 0 {
		p = 0
	}
	if tp+fn > 0 {
		r = float64(tp) / float64(tp+fn)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

package main

import (
	"encoding/json"
	"io"
	"strconv"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/classify"
)

// A judged file labels only the pairs its judges saw: the pair judged
// right is a positive, the pair judged wrong a negative, and a third pair
// of the same sentence, which nobody judged, is no example at all.
// (Sentence of the project's dev set, BBC News.)
func TestJudgedLabelsOnlyJudgedPairs(t *testing.T) {
	x, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	text := "Tony Blair has met Italian Prime Minister Silvio Berlusconi and German Chancellor Gerhard Schroeder to talk about Turkey entering the EU."
	end := len([]rune(text))
	raw := `{"judged": true, "persons": [{"name": "Tony Blair"}, {"name": "Silvio Berlusconi"}, {"name": "Gerhard Schroeder"}],
		"met": [{"a": "Tony Blair", "b": "Silvio Berlusconi", "status": "occurred", "evidence_start": 0, "evidence_end": ` + strconv.Itoa(end) + `}],
		"wrong": {"met": [{"a": "Silvio Berlusconi", "b": "Gerhard Schroeder", "evidence_start": 0, "evidence_end": ` + strconv.Itoa(end) + `}]}}`
	var g gold
	if err := json.Unmarshal([]byte(raw), &g); err != nil {
		t.Fatal(err)
	}
	sets := map[string][]example{}
	if err := label(x, "t1", text, &g, x.Analyze(text), sets, false, io.Discard); err != nil {
		t.Fatal(err)
	}
	got := map[string][]bool{}
	for _, e := range sets["meet"] {
		if !e.judged {
			t.Errorf("%s: example of a judged file not marked judged", e.pair)
		}
		got[e.pair] = append(got[e.pair], e.ex.Y)
	}
	want := map[string]bool{"Silvio Berlusconi|Tony Blair": true, "Gerhard Schroeder|Silvio Berlusconi": false}
	for pair, y := range want {
		if len(got[pair]) == 0 {
			t.Errorf("%s: no example", pair)
		}
		for _, gy := range got[pair] {
			if gy != y {
				t.Errorf("%s labelled %v, want %v", pair, gy, y)
			}
		}
	}
	if ys := got["Gerhard Schroeder|Tony Blair"]; len(ys) > 0 {
		t.Errorf("the unjudged pair Blair-Schroeder got %d examples", len(ys))
	}
	if len(sets["meet.planned"]) == 0 {
		t.Error("the pair judged right gave no status example")
	}
}

// A judged wrong pair labels no trigger: alone on its trigger it makes no
// trigger example (it is lone: a negative of the arguments model only);
// beside an example that makes the trigger positive it stays among the
// candidates of that trigger.
func TestJudgedWrongPairLabelsNoTrigger(t *testing.T) {
	ex := []example{
		{trig: "a/1/3/meet", pair: "x|y", judged: true},                                // judged wrong, alone
		{trig: "b/1/5/meet", pair: "x|y", judged: true},                                // judged wrong
		{trig: "b/1/5/meet", pair: "x|z", judged: true, ex: classify.Example{Y: true}}, // judged right, same trigger
		{trig: "c/2/1/meet", pair: "u|v"},                                              // fully annotated negative
	}
	trigs, idx, kept, _ := triggerExamples(ex)
	if _, ok := idx["a/1/3/meet"]; ok || len(trigs) != 2 {
		t.Fatalf("triggers %v: want b (positive) and c (negative), not a", idx)
	}
	if !trigs[idx["b/1/5/meet"]].ex.Y || trigs[idx["c/2/1/meet"]].ex.Y {
		t.Errorf("trigger labels: b %v, c %v; want true, false", trigs[idx["b/1/5/meet"]].ex.Y, trigs[idx["c/2/1/meet"]].ex.Y)
	}
	if len(kept) != 3 || kept[0].trig != "b/1/5/meet" {
		t.Errorf("kept %d candidates starting with %q; want the three of triggers b and c", len(kept), kept[0].trig)
	}
}

package extract_test

import (
	"strings"
	"testing"
)

func TestPlaceCountry(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, want string
		ok         bool
	}{
		{"Dnipro", "UA", true},
		{"Kryvyi Rih", "UA", true},
		{"Paris", "FR", true},
		{"Washington", "US", true},
		{"BAGHDAD", "IQ", true},
		{"France", "FR", true},
		{"Nowhereville Upon Nothing", "", false},
		// a continent, not the Philippine town of its name (rule
		// "continents")
		{"Asia", "", false},
	}
	for _, tt := range tests {
		got, ok := x.PlaceCountry(tt.name)
		if got != tt.want || ok != tt.ok {
			t.Errorf("PlaceCountry(%q) = %q, %v; want %q, %v", tt.name, got, ok, tt.want, tt.ok)
		}
	}
}

// TestAnalyzeModel checks the document model the event layer builds on.
func TestAnalyzeModel(t *testing.T) {
	x := extractor(t)
	text := "Russian missiles struck Dnipro. Hamas fighters fired rockets.\n\nUS Secretary of State Marco Rubio met Emmanuel Macron in Paris. Rubio said it went well."
	d := x.Analyze(text)
	rs := []rune(text)
	if len(d.Sentences) != 4 {
		t.Fatalf("%d sentences, want 4", len(d.Sentences))
	}
	for i, s := range d.Sentences {
		if got := d.SentenceText(i); got != string(rs[s.Start:s.End]) || strings.TrimSpace(got) != got {
			t.Errorf("sentence %d = %q", i, got)
		}
	}
	// "Russian" at offset 0 is RU
	var ru bool
	for _, c := range d.Countries {
		if c.Start == 0 && c.End == 7 && c.Code == "RU" && c.Kind == "demonym" {
			ru = true
		}
	}
	if !ru {
		t.Errorf("no RU demonym at 0-7: %+v", d.Countries)
	}
	// Dnipro is a place in UA, in sentence 0
	var dnipro bool
	for _, mi := range d.SentenceMentions(0) {
		m := d.Mentions[mi]
		if m.Text == "Dnipro" && m.Type == "LOC" && m.Country == "UA" && m.Place >= 0 {
			dnipro = true
		}
	}
	if !dnipro {
		t.Errorf("Dnipro not a UA place in sentence 0")
	}
	// Hamas is an armed group
	var hamas bool
	for _, o := range d.Orgs {
		hamas = hamas || o.Name == "Hamas" && o.Armed
	}
	if !hamas {
		t.Errorf("Hamas not an armed group: %+v", d.Orgs)
	}
	// Rubio: one person, two mentions, both pointing back to him
	var rubio = -1
	for pi, p := range d.Persons {
		if p.Name == "Marco Rubio" {
			rubio = pi
		}
	}
	if rubio < 0 {
		t.Fatalf("no Marco Rubio in %+v", d.Persons)
	}
	p := d.Persons[rubio]
	if len(p.Mentions) != 2 || p.Country != "US" || p.Role != "Secretary of State" {
		t.Errorf("Rubio = %+v", p)
	}
	for _, mi := range p.Mentions {
		m := d.Mentions[mi]
		if m.Person != rubio || string(rs[m.Start:m.End]) != m.Text {
			t.Errorf("mention %+v", m)
		}
		if tok := d.TokenAt(m.Start); tok != m.Tok0 {
			t.Errorf("TokenAt(%d) = %d, want %d", m.Start, tok, m.Tok0)
		}
	}
}

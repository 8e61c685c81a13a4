package extract_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// trigger is one line of data/triggers.jsonl (built by
// scripts/lexicon/build.py; schema in extract/data/SOURCES.md and the
// script's docstring).
type trigger struct {
	Lemma    string            `json:"lemma"`
	Words    []string          `json:"words"`
	Head     int               `json:"head"`
	POS      string            `json:"pos"`
	Relation string            `json:"relation"`
	Kind     string            `json:"kind"`
	Sense    *string           `json:"sense"`
	Gloss    *string           `json:"gloss"`
	Roles    map[string]string `json:"roles"`
	Syntax   map[string]string `json:"syntax"`
	Support  []string          `json:"support"`
	Cameo    []string          `json:"cameo"`
	Weapon   *string           `json:"weapon"`
	Cues     []struct {
		Dep      string `json:"dep"`
		Word     string `json:"word"`
		Cameo    string `json:"cameo"`
		Relation string `json:"relation"`
	} `json:"cues"`
	Frames  []string `json:"frames"`
	Forms   []string `json:"forms"`
	Note    *string  `json:"note"`
	Sources []string `json:"sources"`
}

type modalityCue struct {
	Lemma   string   `json:"lemma"`
	POS     string   `json:"pos"`
	Class   string   `json:"class"`
	With    []string `json:"with"`
	Note    *string  `json:"note"`
	Sources []string `json:"sources"`
}

// readJSONL decodes every line of a data file strictly: an unknown field is
// a schema change the loader must hear about.
func readJSONL[T any](t *testing.T, path string) []T {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	var out []T
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for n := 1; sc.Scan(); n++ {
		dec := json.NewDecoder(bytes.NewReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		var v T
		if err := dec.Decode(&v); err != nil {
			t.Fatalf("%s:%d: %v", path, n, err)
		}
		out = append(out, v)
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("scan %s: %v", path, err)
	}
	if len(out) == 0 {
		t.Fatalf("%s is empty", path)
	}
	return out
}

var (
	relations = []string{"meet", "travel", "attack", "remote", "verbal", "labour", "sport", "other"}
	weapons   = []string{"missile", "drone", "airstrike", "artillery", "rocket", "bomb", "other"}
	ourRoles  = []string{"participant", "place", "topic", "traveller", "companion", "destination",
		"origin", "path", "vehicle", "attacker", "target", "weapon", "message", "speaker", "reason"}
)

func TestTriggerLexiconSchema(t *testing.T) {
	rows := readJSONL[trigger](t, "data/triggers.jsonl")
	prev := ""
	for i, r := range rows {
		sense := ""
		if r.Sense != nil {
			sense = *r.Sense
		}
		key := strings.Join([]string{r.Lemma, r.POS, r.Relation, sense}, "\x00")
		if key <= prev {
			t.Errorf("line %d (%s %s %s %s): not sorted by lemma, pos, relation, sense or duplicate", i+1, r.Lemma, r.POS, r.Relation, sense)
		}
		prev = key
		if r.Lemma == "" || r.Lemma != strings.ToLower(r.Lemma) || strings.Join(r.Words, " ") != r.Lemma {
			t.Errorf("line %d: lemma %q must be the lower-case words %q joined by spaces", i+1, r.Lemma, r.Words)
		}
		if r.Head < 0 || r.Head >= len(r.Words) {
			t.Errorf("line %d (%s): head %d outside words", i+1, r.Lemma, r.Head)
		}
		if !slices.Contains([]string{"VERB", "NOUN", "ADP"}, r.POS) {
			t.Errorf("line %d (%s): pos %q", i+1, r.Lemma, r.POS)
		}
		if !slices.Contains(relations, r.Relation) {
			t.Errorf("line %d (%s): relation %q", i+1, r.Lemma, r.Relation)
		}
		if !slices.Contains([]string{"event", "agent", "instrument"}, r.Kind) {
			t.Errorf("line %d (%s): kind %q", i+1, r.Lemma, r.Kind)
		}
		if r.Weapon != nil && (!slices.Contains(weapons, *r.Weapon) || r.Relation != "attack") {
			t.Errorf("line %d (%s): weapon %q on relation %s", i+1, r.Lemma, *r.Weapon, r.Relation)
		}
		if r.Kind == "instrument" && r.Weapon == nil {
			t.Errorf("line %d (%s): an instrument needs its weapon class", i+1, r.Lemma)
		}
		if len(r.Sources) == 0 || len(r.Forms) == 0 {
			t.Errorf("line %d (%s): sources and forms must not be empty", i+1, r.Lemma)
		}
		if r.Lemma != "talks" && !slices.Contains(r.Forms, r.Lemma) {
			t.Errorf("line %d (%s): forms %q lack the lemma", i+1, r.Lemma, r.Forms)
		}
		for arg, role := range r.Roles {
			if !strings.HasPrefix(arg, "ARG") || !slices.Contains(ourRoles, role) {
				t.Errorf("line %d (%s): role %s=%q", i+1, r.Lemma, arg, role)
			}
		}
		for dep, role := range r.Syntax {
			if dep == "" || !slices.Contains(ourRoles, role) {
				t.Errorf("line %d (%s): syntax %s=%q", i+1, r.Lemma, dep, role)
			}
		}
		if r.Sense != nil && !slices.Contains(r.Sources, "propbank:"+*r.Sense) {
			t.Errorf("line %d (%s): sense %s without its PropBank source", i+1, r.Lemma, *r.Sense)
		}
		positive := r.Relation == "meet" || r.Relation == "travel" || r.Relation == "attack"
		if positive && r.POS == "VERB" && len(r.Syntax) == 0 {
			t.Errorf("line %d (%s): a %s verb needs its dependents", i+1, r.Lemma, r.Relation)
		}
	}
}

func TestTriggerLexiconContents(t *testing.T) {
	rows := readJSONL[trigger](t, "data/triggers.jsonl")
	find := func(lemma, pos, relation string) []trigger {
		var out []trigger
		for _, r := range rows {
			if r.Lemma == lemma && r.POS == pos && r.Relation == relation {
				out = append(out, r)
			}
		}
		return out
	}
	must := []struct {
		lemma, pos, relation string
		weapon               string // "" = any
		syntax               map[string]string
	}{
		{"meet", "VERB", "meet", "", map[string]string{"nsubj": "participant", "obj": "participant", "obl:with": "participant"}},
		{"meet with", "VERB", "meet", "", nil},
		{"talks", "NOUN", "meet", "", map[string]string{"nmod:with": "participant"}},
		{"summit", "NOUN", "meet", "", nil},
		{"visit", "VERB", "meet", "", nil},
		{"visit", "NOUN", "meet", "", nil},
		{"host", "VERB", "meet", "", nil},
		{"accompany", "VERB", "travel", "", map[string]string{"nsubj": "traveller", "obj": "companion"}},
		{"travel", "VERB", "travel", "", nil},
		{"along with", "ADP", "travel", "", nil},
		{"airstrike", "NOUN", "attack", "airstrike", nil},
		{"air strike", "NOUN", "attack", "airstrike", nil},
		{"shell", "VERB", "attack", "artillery", map[string]string{"obj": "target"}},
		{"shelling", "NOUN", "attack", "artillery", nil},
		{"attack", "VERB", "attack", "", map[string]string{"nsubj": "attacker", "obj": "target"}},
		{"missile", "NOUN", "attack", "missile", nil},
		{"drone", "NOUN", "attack", "drone", nil},
		{"rocket", "NOUN", "attack", "rocket", nil},
		{"telephone", "VERB", "remote", "", nil},
		{"phone", "VERB", "remote", "", nil},
		{"letter", "NOUN", "remote", "", nil},
		{"attack", "VERB", "verbal", "", nil},
		{"criticize", "VERB", "verbal", "", nil},
		{"strike", "NOUN", "labour", "", nil},
		{"strike", "VERB", "labour", "", nil},
		{"meet", "VERB", "other", "", nil}, // meet.01 "meet a deadline"
	}
	for _, m := range must {
		got := find(m.lemma, m.pos, m.relation)
		if len(got) == 0 {
			t.Errorf("no %s %s entry for %q", m.pos, m.relation, m.lemma)
			continue
		}
		if m.weapon != "" && !slices.ContainsFunc(got, func(r trigger) bool { return r.Weapon != nil && *r.Weapon == m.weapon }) {
			t.Errorf("%s %s %q: no entry with weapon %s", m.pos, m.relation, m.lemma, m.weapon)
		}
		for dep, role := range m.syntax {
			if !slices.ContainsFunc(got, func(r trigger) bool { return r.Syntax[dep] == role }) {
				t.Errorf("%s %s %q: no entry maps %s to %s", m.pos, m.relation, m.lemma, dep, role)
			}
		}
	}

	// Senses that are not ours must be there as negatives, never folded
	// into a positive relation.
	mustNot := []struct{ lemma, pos, relation string }{
		{"telephone", "VERB", "meet"},
		{"phone", "VERB", "meet"},
		{"letter", "NOUN", "meet"},
		{"criticize", "VERB", "attack"},
		{"with", "ADP", "travel"},
	}
	for _, m := range mustNot {
		if got := find(m.lemma, m.pos, m.relation); len(got) > 0 {
			t.Errorf("%q must not be a %s %s trigger", m.lemma, m.pos, m.relation)
		}
	}
	// "strike" is not only an attack: its labour sense is a separate
	// entry with its own PropBank roleset.
	for _, r := range find("strike", "NOUN", "labour") {
		if r.Sense == nil || *r.Sense != "strike.02" {
			t.Errorf("labour strike has sense %v, want strike.02", r.Sense)
		}
	}
	for _, r := range find("meet", "VERB", "meet") {
		if r.Sense != nil && *r.Sense == "meet.01" {
			t.Errorf("meet.01 (achieve, 'meet a deadline') must not be a meeting sense")
		}
	}
	// irregular forms reach the pre-parse filter
	for lemma, form := range map[string]string{"meet": "met", "strike": "struck", "fly": "flew", "shell": "shelled",
		// rule "American spelling" (scripts/lexicon/build.py) beside WordNet's British forms
		"travel": "traveled", "pedal": "pedaling"} {
		found := false
		for _, r := range rows {
			if r.Lemma == lemma && r.POS == "VERB" && slices.Contains(r.Forms, form) {
				found = true
			}
		}
		if !found {
			t.Errorf("no VERB %q entry lists the form %q", lemma, form)
		}
	}
}

func TestModalityCues(t *testing.T) {
	rows := readJSONL[modalityCue](t, "data/modality.jsonl")
	classes := []string{"planned", "negated", "cancelled", "hypothetical", "possible"}
	prev := ""
	for i, r := range rows {
		key := r.Lemma + "\x00" + r.POS + "\x00" + r.Class
		if key <= prev {
			t.Errorf("line %d (%s): not sorted or duplicate", i+1, r.Lemma)
		}
		prev = key
		if !slices.Contains(classes, r.Class) || r.Lemma == "" || len(r.Sources) == 0 {
			t.Errorf("line %d: bad cue %+v", i+1, r)
		}
		if slices.Contains(r.Sources, "curated") && r.Note == nil {
			t.Errorf("line %d (%s): a curated cue must say why", i+1, r.Lemma)
		}
	}
	for _, want := range []struct{ lemma, class string }{
		{"plan", "planned"}, {"expect", "planned"}, {"will", "planned"},
		{"cancel", "cancelled"}, {"postpone", "cancelled"},
		{"refuse", "negated"}, {"reject", "negated"}, {"would", "hypothetical"},
		{"could", "possible"}, {"should", "possible"},
	} {
		if !slices.ContainsFunc(rows, func(r modalityCue) bool { return r.Lemma == want.lemma && r.Class == want.class }) {
			t.Errorf("no %s cue %q", want.class, want.lemma)
		}
	}
	curated := 0
	for _, r := range rows {
		if len(r.Sources) == 1 && r.Sources[0] == "curated" {
			curated++
		}
	}
	if curated*3 > len(rows) {
		t.Errorf("%d of %d cues are hand-curated only; keep them few", curated, len(rows))
	}
}

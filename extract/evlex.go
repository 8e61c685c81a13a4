package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
)

// The trigger and modality lexicons are data (extract/data/triggers.jsonl,
// modality.jsonl), built by scripts/lexicon/build.py from PETRARCH2's CAMEO
// dictionary, PropBank, VerbNet and FrameNet; see extract/data/SOURCES.md.

// Relations of trigger entries. The first three are events of the graph;
// the others name senses that are never one of them (a phone call, a
// verbal attack, a labour strike, a match), which the event models read as
// evidence against.
const (
	relMeet   = "meet"
	relTravel = "travel"
	relAttack = "attack"
	// relRemote names the media of a contact at a distance (telephone,
	// letter, video call): rule "a remote medium" reads it
	relRemote = "remote"
)

// trigger is one lexicon entry: a lemma (or a lemma sequence) of a part of
// speech in one relation and sense.
type trigger struct {
	Lemma    string            `json:"lemma"`
	Words    []string          `json:"words"`
	Head     int               `json:"head"`
	POS      string            `json:"pos"`
	Relation string            `json:"relation"`
	Kind     string            `json:"kind"`
	Sense    string            `json:"sense"`
	Syntax   map[string]string `json:"syntax"`
	Support  []string          `json:"support"`
	Weapon   string            `json:"weapon"`
	Cameo    []string          `json:"cameo"`
	Cues     []struct {
		Dep      string `json:"dep"`
		Word     string `json:"word"`
		Relation string `json:"relation"`
	} `json:"cues"`
	Forms  []string `json:"forms"`
	Frames []string `json:"frames"`
}

// supports says whether verb lemma lv is a light verb of the entry's noun
// ("hold" of "talks", "pay" of "visit").
func (e *trigger) supports(lv string) bool { return slices.Contains(e.Support, lv) }

// modalCue is one entry of the modality lexicon: a lemma that makes an
// event it governs planned, negated, cancelled, hypothetical or only
// possible.
type modalCue struct {
	Lemma string   `json:"lemma"`
	POS   string   `json:"pos"`
	Class string   `json:"class"`
	With  []string `json:"with"`
}

// Relations a trigger form may stand for, as bits.
const (
	formPair     uint8 = 1 << iota // meet or travel: needs two persons
	formAttack                     // attack: needs a place
	formMeet                       // meet (with formPair): a meeting told (rule "joined the meeting")
	formMeetNoun                   // a meet noun (rule "joined the meeting")
)

// lexicon indexes the trigger entries by head lemma and part of speech,
// and every inflected form of a trigger word for the sentence filter.
type lexicon struct {
	byHead map[string][]*trigger // head lemma + "/" + POS
	forms  map[string]uint8      // lower-case forms of event trigger words -> relations (formPair, formAttack, formMeet, formMeetNoun)
	modal  map[string][]string   // lemma -> classes
}

func loadLexicon() (*lexicon, error) {
	lx := &lexicon{byHead: map[string][]*trigger{}, forms: map[string]uint8{}, modal: map[string][]string{}}
	triggersJSONL, err := readData("triggers.jsonl")
	if err != nil {
		return nil, err
	}
	modalityJSONL, err := readData("modality.jsonl")
	if err != nil {
		return nil, err
	}
	sc := bufio.NewScanner(bytes.NewReader(triggersJSONL))
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for n := 1; sc.Scan(); n++ {
		var t trigger
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("triggers.jsonl line %d: %w", n, err)
		}
		if len(t.Words) == 0 || t.Head < 0 || t.Head >= len(t.Words) {
			return nil, fmt.Errorf("triggers.jsonl line %d: bad words/head", n)
		}
		k := t.Words[t.Head] + "/" + t.POS
		lx.byHead[k] = append(lx.byHead[k], &t)
		var bit uint8
		switch t.Relation {
		case relMeet:
			bit = formPair
			if t.Kind == "event" {
				bit |= formMeet
				if t.POS == "NOUN" {
					bit |= formMeetNoun
				}
			}
		case relTravel:
			bit = formPair
		case relAttack:
			// a weapon or an aircraft alone ("tested a missile") states no
			// attack: the sentence needs an attack word to be parsed
			if t.Kind == "event" {
				bit = formAttack
			}
		}
		if bit != 0 {
			for _, f := range t.Forms {
				// the form of the head word decides whether a sentence
				// may hold the trigger
				ws := strings.Fields(f)
				if t.Head < len(ws) {
					lx.forms[strings.ToLower(ws[t.Head])] |= bit
				}
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("triggers.jsonl: %w", err)
	}
	sc = bufio.NewScanner(bytes.NewReader(modalityJSONL))
	for n := 1; sc.Scan(); n++ {
		var m modalCue
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			return nil, fmt.Errorf("modality.jsonl line %d: %w", n, err)
		}
		lx.modal[m.Lemma] = append(lx.modal[m.Lemma], m.Class)
	}
	return lx, sc.Err()
}

// entries returns the lexicon entries whose head is lemma with part of
// speech pos.
func (lx *lexicon) entries(lemma, pos string) []*trigger {
	if pos == "PROPN" {
		pos = "NOUN"
	}
	return lx.byHead[lemma+"/"+pos]
}

// inRelation says whether lemma, as a pos, has an entry of relation rel.
func (lx *lexicon) inRelation(lemma, pos, rel string) bool {
	return lx.anyEntry(lemma, pos, func(e *trigger) bool { return e.Relation == rel })
}

// anyEntry says whether lemma, as a pos, has an entry that ok accepts.
func (lx *lexicon) anyEntry(lemma, pos string, ok func(*trigger) bool) bool {
	return slices.ContainsFunc(lx.entries(lemma, pos), ok)
}

// is says whether lemma is a modality cue of class.
func (lx *lexicon) is(lemma, class string) bool {
	for _, cl := range lx.modal[lemma] {
		if cl == class {
			return true
		}
	}
	return false
}

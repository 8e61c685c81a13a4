package main

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Mention replacement (Dai and Adel, "An Analysis of Simple Data
// Augmentation for Named Entity Recognition", COLING 2020). CoNLL-2003's
// Reuters stories of 1996 name few people the way later world news does:
// the tagger learned "Kim Jong Un" as an organisation ("Un" reads as the
// UN), "Aung San Suu Kyi" as one too, and "Choe Son Hui" without her
// surname. Each augmented copy of a training document keeps its text and
// replaces a share of its person names of two words or more with names
// drawn from the gold persons of the project's annotated real news
// (data/events), so that the tagger learns persons from their context,
// their shape and the name gazetteers rather than from the few names of
// 1996. Names are drawn from
// sets annotated from scratch (the *-sentences sets, m2e2, CoNLL-2003 and
// RAMS documents), never from judged sets, whose persons are the
// extractor's.

// readNames returns the distinct multi-word person names of the gold
// files that the comma-separated glob patterns match, sorted: names of
// two to five words, each a capitalised word of letters (with hyphens,
// apostrophes or a final period), none a word of another kind ("Kim &").
func readNames(patterns string) ([]string, error) {
	seen := map[string]bool{}
	for _, p := range strings.Split(patterns, ",") {
		files, err := filepath.Glob(strings.TrimSpace(p))
		if err != nil {
			return nil, fmt.Errorf("names %q: %w", p, err)
		}
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				return nil, err
			}
			var g struct {
				Persons []struct {
					Name string `json:"name"`
				} `json:"persons"`
			}
			if err := json.Unmarshal(b, &g); err != nil {
				return nil, fmt.Errorf("%s: %w", f, err)
			}
			for _, p := range g.Persons {
				if n := strings.Join(strings.Fields(p.Name), " "); nameShaped(n) {
					seen[n] = true
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	slices.Sort(out)
	if len(out) == 0 {
		return nil, fmt.Errorf("names %q: no person names", patterns)
	}
	return out, nil
}

// nameShaped says whether n looks like a person's full name as a tagger
// would see it: two to five words, each starting with a capital letter
// and made of letters, hyphens and apostrophes, with at most a final
// period ("Jr.", "H.").
func nameShaped(n string) bool {
	ws := strings.Fields(n)
	if len(ws) < 2 || len(ws) > 5 {
		return false
	}
	for i, w := range ws {
		r := []rune(w)
		if !unicode.IsUpper(r[0]) && (i == 0 || i == len(ws)-1 || !nameParticles[w]) && !particlePrefix(w) {
			return false
		}
		for k, c := range r {
			if !(unicode.IsLetter(c) || c == '-' || c == '\'' || c == '’' || c == '.' && k == len(r)-1) {
				return false
			}
		}
	}
	return true
}

// nameParticles are the lower-case words inside names ("Staffan de
// Mistura", "Mohammed bin Salman").
var nameParticles = map[string]bool{"de": true, "da": true, "do": true, "dos": true, "das": true, "del": true,
	"della": true, "di": true, "du": true, "la": true, "le": true, "van": true, "von": true, "der": true,
	"den": true, "ter": true, "bin": true, "ibn": true, "bint": true, "al": true, "el": true, "y": true}

// particlePrefix says whether w is a particle joined to a capitalised
// name by a hyphen ("al-Sisi", "el-Sissi").
func particlePrefix(w string) bool {
	p, rest, ok := strings.Cut(w, "-")
	return ok && nameParticles[p] && rest != "" && unicode.IsUpper([]rune(rest)[0])
}

// augment returns copies of the documents with a person span, copies
// times each, in which names are replaced (replaceNames); a copy in which
// no name was replaced is left out. Added copies cost the CoNLL-2003 dev
// set a point of PER F1 whatever the share, duplicates as much as
// replaced names (docs/architecture.md): inPlace does without them.
func augment(docs [][]sent, names []string, copies int, share float64, seed uint64) [][]sent {
	if len(names) == 0 {
		return nil
	}
	rng := nameRNG(seed)
	var out [][]sent
	for k := 0; k < copies; k++ {
		for _, d := range docs {
			if nd, replaced := replaceNames(d, names, share, rng); replaced {
				out = append(out, nd)
			}
		}
	}
	return out
}

// nameRNG is the random source of the names drawn with seed.
func nameRNG(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, seed^0x5bd1e995)) }

// inPlace returns the documents with names replaced in them
// (replaceNames), adding none: the training set keeps its size and its
// mix of documents.
func inPlace(docs [][]sent, names []string, share float64, seed uint64) [][]sent {
	if len(names) == 0 {
		return docs
	}
	rng := nameRNG(seed)
	out := make([][]sent, len(docs))
	for i, d := range docs {
		out[i], _ = replaceNames(d, names, share, rng)
	}
	return out
}

// replaceNames returns document d with a share of its person spans of two
// words or more (drawn per span) replaced by a name drawn from names, the
// same name for the same span throughout the document, and whether any
// was. A replaced span is written in IOB2 (B-PER, I-PER) inside the
// source's IOB1 tags, which bio reads alike.
func replaceNames(d []sent, names []string, share float64, rng *rand.Rand) ([]sent, bool) {
	drawn := map[string]string{} // a name of the source -> its replacement
	replaced := false
	nd := make([]sent, 0, len(d))
	for _, s := range d {
		var ns sent
		for i := 0; i < len(s.words); {
			if !isPER(s.tags[i]) {
				ns.words = append(ns.words, s.words[i])
				ns.tags = append(ns.tags, s.tags[i])
				i++
				continue
			}
			j := i + 1
			for j < len(s.words) && isPER(s.tags[j]) && !strings.HasPrefix(s.tags[j], "B-") {
				j++
			}
			src := strings.Join(s.words[i:j], " ")
			if j-i > 1 {
				if _, ok := drawn[src]; !ok {
					drawn[src] = ""
					if rng.Float64() < share {
						drawn[src] = names[rng.IntN(len(names))]
					}
				}
			}
			if j-i == 1 || drawn[src] == "" {
				// a surname alone keeps its form (which word of a drawn
				// name stands alone depends on its language), and so does
				// a name not drawn
				ns.words = append(ns.words, s.words[i:j]...)
				ns.tags = append(ns.tags, s.tags[i:j]...)
				i = j
				continue
			}
			replaced = true
			for w, word := range strings.Fields(drawn[src]) {
				tag := "I-PER"
				if w == 0 {
					tag = "B-PER"
				}
				ns.words = append(ns.words, word)
				ns.tags = append(ns.tags, tag)
			}
			i = j
		}
		nd = append(nd, ns)
	}
	return nd, replaced
}

func isPER(tag string) bool { return strings.HasSuffix(tag, "-PER") }

func hasPerson(d []sent) bool {
	for _, s := range d {
		for _, t := range s.tags {
			if isPER(t) {
				return true
			}
		}
	}
	return false
}

package extract

import (
	"bytes"
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract/classify"
)

// Ref is a referring expression that names no one itself: a person pronoun
// ("he", "her"), a description ("the French president", "his counterpart")
// or a plural ("the two leaders", "both men", "they"), with the person or
// persons of the article it refers to.
type Ref struct {
	Tok0, Tok1 int // tokens [Tok0, Tok1); a description starts at "the", not at "his"
	Sent       int
	Kind       string // RefPronoun, RefDescription or RefPlural
	// Office says that a description is headed by a noun of office-holders
	// that is no title ("the American diplomat", person-nouns.txt): the
	// resolver's model never saw such heads, so only rule "a person of a
	// country" resolves it.
	Office bool
	// Person is the index into Doc.Persons of the person a singular ref
	// refers to, -1 when unresolved (no person named earlier fits well
	// enough: often an unnamed official).
	Person int
	// Persons are the persons of a resolved plural ref, in order of first
	// mention (at least two), nil when unresolved.
	Persons []int
	// Score is the resolver's probability for the chosen person (for a
	// plural, the set model's for the chosen set, or with a bundle that
	// has no set model the lowest of its persons'); 0 when unresolved.
	Score float64
}

// Kinds of Ref.
const (
	RefPronoun     = "pronoun"
	RefDescription = "description"
	RefPlural      = "plural"
	// RefRelative is a relative pronoun ("who", "whom") right after a
	// person's name: it is that person (rule relative pronoun).
	RefRelative = "relative"
)

// RefModel names the model that resolves ref r of d: its Kind, except
// that plural pronouns ("they", "them"), which mostly refer to groups and
// teams, have a model and threshold of their own ("plural-pronoun").
func (d *Doc) RefModel(r int) string {
	ref := d.Refs[r]
	if ref.Kind == RefPlural && ref.Tok1-ref.Tok0 == 1 && pluralPronouns[d.Tokens[ref.Tok0].Lower] {
		return "plural-pronoun"
	}
	return ref.Kind
}

// RefAt returns the index into d.Refs of the ref covering token tok, or -1.
func (d *Doc) RefAt(tok int) int {
	i := sort.Search(len(d.Refs), func(i int) bool { return d.Refs[i].Tok1 > tok })
	if i < len(d.Refs) && d.Refs[i].Tok0 <= tok {
		return i
	}
	return -1
}

// corefModel is the mention-ranking resolver: one logistic regression per
// ref kind scoring (ref, earlier person) pairs, and the probability a
// person needs to be chosen. Loaded once from data/coref.model.gz, written
// by scripts/train-coref.
type corefModel struct {
	models    map[string]*classify.Model
	threshold map[string]float64
}

// SetModelSuffix names a plural kind's second model, which scores sets of
// candidates (PluralSets) as a whole: "plural" + SetModelSuffix. When a
// bundle has it, a plural ref takes the best-scoring set if its
// probability reaches the kind's threshold.
const SetModelSuffix = "-set"

// CorefThresholdPrefix names the bundle entries that carry a kind's
// decision threshold in their bias (they have no weights).
const CorefThresholdPrefix = "threshold:"

// CorefBundle returns the resolver's models, with each kind's threshold
// stored as a weightless model named "threshold:KIND" whose bias it is.
// scripts/train-coref writes it.
func CorefBundle(models map[string]*classify.Model, threshold map[string]float64) classify.Bundle {
	b := classify.Bundle{}
	for k, m := range models {
		b[k] = m
		b[CorefThresholdPrefix+k] = &classify.Model{Bias: threshold[k], W: map[uint64]float32{}}
	}
	return b
}

func loadCoref() (*corefModel, error) {
	raw, err := dataFS.ReadFile("data/coref.model.gz")
	if err != nil {
		return nil, nil // no resolver shipped: refs stay unresolved
	}
	b, err := classify.ReadBundle(bytes.NewReader(raw))
	if err != nil {
		return nil, fmt.Errorf("coref model: %w", err)
	}
	c := &corefModel{models: map[string]*classify.Model{}, threshold: map[string]float64{}}
	for name, m := range b {
		if k, ok := strings.CutPrefix(name, CorefThresholdPrefix); ok {
			c.threshold[k] = m.Bias
		} else {
			c.models[name] = m
		}
	}
	return c, nil
}

// Pronouns and the gender they carry.
var personPronouns = map[string]byte{"he": 'm', "him": 'm', "his": 'm', "himself": 'm',
	"she": 'f', "her": 'f', "hers": 'f', "herself": 'f'}

// pluralPronouns may refer to several named persons.
var pluralPronouns = set("they", "them")

// relationalNouns name a person by their part in an encounter ("his
// host", "his counterpart"); they head descriptions as titles do.
var relationalNouns = set("counterpart", "host", "guest", "visitor", "successor", "predecessor")

// groupNouns head plurals that are no titles: "both men", "the pair".
var groupNouns = set("men", "women", "pair", "duo")

// notHeads are title words too ambiguous to head a description ("the
// general election", "the major parties", "the head of").
var notHeads = set("general", "major", "private", "master", "head", "chief", "marshal", "state",
	"sir", "dame", "lord", "lady", "lieutenant", "brigadier", "rev.", "reverend")

// genderedTitles give the gender of whoever holds them.
var genderedTitles = map[string]byte{"king": 'm', "prince": 'm', "emperor": 'm', "duke": 'm',
	"baron": 'm', "sultan": 'm', "emir": 'm', "sheikh": 'm', "sheik": 'm', "pope": 'm',
	"chairman": 'm', "spokesman": 'm', "congressman": 'm', "mr": 'm', "mr.": 'm', "men": 'm',
	"queen": 'f', "princess": 'f', "empress": 'f', "duchess": 'f', "baroness": 'f',
	"chairwoman": 'f', "spokeswoman": 'f', "congresswoman": 'f', "mrs": 'f', "mrs.": 'f',
	"ms": 'f', "ms.": 'f', "lady": 'f', "dame": 'f', "women": 'f'}

// headNouns maps the words that can head a description to whether they
// are plural: the title words of the extractor's lexicons and the
// relational nouns ("minister", "counterpart"), their plurals
// ("leaders", "chairmen") and the group nouns ("men", "pair").
var headNouns = func() map[string]bool {
	m := map[string]bool{}
	for _, ws := range []map[string]bool{personTitles, extraRoleWords, relationalNouns} {
		for w := range ws {
			if notHeads[w] || courtesyTitles[w] || strings.Contains(w, ".") {
				continue
			}
			m[w] = false
			if pl, ok := strings.CutSuffix(w, "man"); ok {
				m[pl+"men"] = true
			} else {
				m[w+"s"] = true
			}
		}
	}
	for w := range groupNouns {
		m[w] = true
	}
	return m
}()

// singularHead reports whether w can head a description of one person.
func singularHead(w string) bool {
	pl, ok := headNouns[w]
	return ok && !pl
}

// pluralHead reports whether w can head a plural description.
func pluralHead(w string) bool { return headNouns[w] }

// findRefs lists the referring expressions of d in text order.
func findRefs(d *Doc, personNouns map[string]bool) []Ref {
	var refs []Ref
	n := len(d.Tokens)
	for i := 0; i < n; i++ {
		t := d.Tokens[i]
		if t.Skip {
			continue
		}
		if m := t.Ment; m >= 0 && d.Mentions[m].Person >= 0 {
			continue
		}
		if _, ok := personPronouns[t.Lower]; ok {
			refs = append(refs, Ref{Tok0: i, Tok1: i + 1, Sent: t.Sent, Kind: RefPronoun, Person: -1})
			continue
		}
		if p := relativeAntecedent(d, i); p >= 0 {
			refs = append(refs, Ref{Tok0: i, Tok1: i + 1, Sent: t.Sent, Kind: RefRelative, Person: p, Score: 1})
			continue
		}
		if pluralPronouns[t.Lower] {
			refs = append(refs, Ref{Tok0: i, Tok1: i + 1, Sent: t.Sent, Kind: RefPlural, Person: -1})
			continue
		}
		det := t.Lower == "the" || t.Lower == "both" || isPossessive(t.Lower) || (t.Lower == "'s" || t.Lower == "’s") && i > 0
		if !det {
			continue
		}
		start := i + 1
		if t.Lower == "the" || t.Lower == "both" {
			start = i // the determiner belongs to the ref; a possessive is a ref or a name of its own
		}
		head, plural, office := descHead(d, i+1, personNouns)
		if head < 0 {
			continue
		}
		kind := RefDescription
		if plural {
			kind = RefPlural
		}
		refs = append(refs, Ref{Tok0: start, Tok1: head + 1, Sent: d.Tokens[head].Sent, Kind: kind, Person: -1, Office: office})
		i = head
	}
	return refs
}

// relativeAntecedent is rule relative pronoun: "who" or "whom" right
// after a person's name, or after the name and a comma, is that person
// ("Sergei Millian, who met Trump", "McConnell, who met with Powell").
// The parser often attaches such a clause to the wrong verb, but "who"
// is still the subject of its own verb, so the person is found by the
// words alone. A name after "of" or a possessive is left alone: "a friend
// of Putin, who" may be the friend. Returns the person, or -1.
func relativeAntecedent(d *Doc, i int) int {
	if w := d.Tokens[i].Lower; w != "who" && w != "whom" {
		return -1
	}
	j := i - 1
	if j >= 0 && d.Tokens[j].Text == "," {
		j--
	}
	if j < 0 || d.Tokens[j].Sent != d.Tokens[i].Sent {
		return -1
	}
	m := d.Tokens[j].Ment
	if m < 0 || d.Mentions[m].Person < 0 || d.Mentions[m].Tok1 != j+1 {
		return -1
	}
	if k := d.Mentions[m].Tok0 - 1; k >= 0 {
		if w := d.Tokens[k].Lower; w == "of" || isPossessiveMark(w) {
			return -1
		}
	}
	return d.Mentions[m].Person
}

func isPossessiveMark(w string) bool { return w == "'s" || w == "’s" || w == "'" }

func isPossessive(w string) bool { return w == "his" || w == "her" || w == "their" || w == "its" }

// descHead finds the head of a description whose modifiers start at token
// a: up to four modifiers (role words, countries and demonyms, organisation
// names, numbers, lower-case adjectives) and a title noun not followed by a
// name or another title word. It returns -1 when there is none.
func descHead(d *Doc, a int, personNouns map[string]bool) (head int, plural, office bool) {
	if a >= len(d.Tokens) {
		return -1, false, false
	}
	s := d.Tokens[a].Sent
	any := false
	for k := a; k < len(d.Tokens) && k < a+5 && !any; k++ {
		_, any = headNouns[d.Tokens[k].Lower]
		any = any || personNouns[d.Tokens[k].Lower]
	}
	if !any {
		return -1, false, false
	}
	head = -1
	country := false // a country or demonym among the modifiers so far
	for k := a; k < len(d.Tokens) && k < a+5 && d.Tokens[k].Sent == s; k++ {
		t := d.Tokens[k]
		if t.Skip {
			break
		}
		if m := t.Ment; m >= 0 && d.Mentions[m].Person >= 0 {
			return -1, false, false // a title before a name: "the French president Emmanuel Macron"
		}
		w := t.Lower
		if singularHead(w) && d.Tokens[a-1].Lower != "both" {
			head, plural = k, false
		} else if country && officeNoun(d, k, personNouns) {
			// rule "a person of a country": "the American diplomat"
			return k, false, true
		} else if pluralHead(w) {
			head, plural = k, true
		}
		if head == k {
			// a longer title goes on ("the prime minister", "the foreign
			// ministers"); a name or another noun after it ends it
			if k+1 < len(d.Tokens) && d.Tokens[k+1].Sent == s && (singularHead(d.Tokens[k+1].Lower) || pluralHead(d.Tokens[k+1].Lower)) {
				continue
			}
			// a title before a name, also set off by a comma ("Erdogan's
			// Prime Minister, Ahmet Davutoglu"): the name follows, and
			// refs refer back
			for _, j := range []int{k + 1, k + 2} {
				if j < len(d.Tokens) && d.Tokens[j].Sent == s && (j == k+1 || d.Tokens[k+1].Text == ",") {
					if m := d.Tokens[j].Ment; m >= 0 && d.Mentions[m].Type == newsgraph.PER {
						return -1, false, false
					}
				}
			}
			return head, plural, false
		}
		if !modifier(d, k) {
			break
		}
		country = t.Country >= 0 && d.Countries[t.Country].Kind != "metonym"
	}
	return -1, false, false
}

// officeNoun says whether token k, right after a country's name or
// demonym, is a noun of office-holders (person-nouns.txt) that heads a
// description of its own: in lower case, not before a possessive ("the
// American diplomat's wife"), a capitalised word or a name set off by a
// comma ("the American diplomat Christopher Hill": a title before a name),
// nor before a title word ("the Turkish consul general") or a phrase of its
// own (officeQualifiers). Without the country
// such nouns are mostly unnamed people ("the diplomat").
func officeNoun(d *Doc, k int, personNouns map[string]bool) bool {
	t := d.Tokens[k]
	if !personNouns[t.Lower] || t.Text != t.Lower {
		return false
	}
	if k+1 < len(d.Tokens) && d.Tokens[k+1].Sent == t.Sent {
		if n := d.Tokens[k+1]; isPossessiveMark(n.Lower) || isCap(n.Text) || officeQualifiers[n.Lower] || titleWords[n.Lower] {
			return false
		}
		// a title set off before a name: "The US director of national
		// intelligence, Dan Coats," names him
		if k+2 < len(d.Tokens) && d.Tokens[k+1].Text == "," && d.Tokens[k+2].Ment >= 0 && d.Mentions[d.Tokens[k+2].Ment].Type == newsgraph.PER {
			return false
		}
	}
	return true
}

// officeQualifiers after a noun of office-holders make the description
// someone of their own: "the top U.S. diplomat in Ukraine", "the top U.S.
// diplomat for East Asia", "the US director of national intelligence".
var officeQualifiers = set("in", "at", "for", "of", "to", "on")

// modifier reports whether token k may stand between a determiner and the
// head of a description.
func modifier(d *Doc, k int) bool {
	t := d.Tokens[k]
	w := t.Lower
	if roleWord(d, k) || t.Country >= 0 || t.Ment >= 0 && d.Mentions[t.Ment].Person < 0 {
		return true
	}
	if _, err := strconv.Atoi(w); err == nil || w == "two" || w == "three" || strings.HasSuffix(w, "-year-old") {
		return true
	}
	if functionWords[w] || speechVerbs[w] || calendarWords[w] {
		return false
	}
	for _, r := range t.Text {
		if !(r >= 'a' && r <= 'z' || r == '-') {
			return false
		}
	}
	return w != ""
}

// corefInfo is what the resolver knows about the persons of one article.
type corefInfo struct {
	gender []byte     // per person: 'm', 'f' or 0
	roles  [][]string // per person: the lower-case words of the role and of the titles in mentions
	// per mention: is it the subject-like first person of its sentence,
	// followed or preceded by a speech verb
	subj, said []bool
}

func (x *Extractor) corefInfo(d *Doc) *corefInfo {
	ci := &corefInfo{gender: make([]byte, len(d.Persons)), roles: make([][]string, len(d.Persons)),
		subj: make([]bool, len(d.Mentions)), said: make([]bool, len(d.Mentions))}
	for pi, p := range d.Persons {
		ci.roles[pi] = strings.Fields(strings.ToLower(p.Role))
		for _, mi := range p.Mentions {
			m := d.Mentions[mi]
			for k := m.Tok0; k < m.Tok1; k++ {
				if titleWords[d.Tokens[k].Lower] {
					ci.roles[pi] = append(ci.roles[pi], d.Tokens[k].Lower)
				}
			}
			if g := x.mentionGender(d, m); g != 0 && ci.gender[pi] == 0 {
				ci.gender[pi] = g
			}
		}
	}
	for si := range d.Sentences {
		first := true
		for _, mi := range d.SentenceMentions(si) {
			m := d.Mentions[mi]
			if m.Type != newsgraph.PER || m.Person < 0 {
				continue
			}
			if first && !(m.Tok1 < len(d.Tokens) && isPossessiveMark(d.Tokens[m.Tok1].Lower)) {
				// the first person of the sentence, after titles, countries
				// and possessors ("Clinton's strategist Dick Morris")
				first = false
				ok := true
				// after an opening phrase set off by a comma ("In Chicago,
				// Van Dyke ...", "On Sunday, Putin said") that names no one
				start := d.Sentences[si].Tok0
				for k := m.Tok0 - 1; k > start; k-- {
					if d.Tokens[k].Text == "," {
						start = k + 1
						for j := d.Sentences[si].Tok0; j < k; j++ {
							if mj := d.Tokens[j].Ment; mj >= 0 && d.Mentions[mj].Type == newsgraph.PER {
								start = d.Sentences[si].Tok0
								break
							}
						}
						break
					}
				}
				for k := start; k < m.Tok0; k++ {
					t := d.Tokens[k]
					possessor := t.Ment >= 0 && d.Mentions[t.Ment].Type == newsgraph.PER
					if !(possessor || roleWord(d, k) || t.Country >= 0 || t.Lower == "the" || isPossessiveMark(t.Lower) || !isWordToken(t.Text)) {
						ok = false
						break
					}
				}
				ci.subj[mi] = ok
			}
			if m.Tok1 < len(d.Tokens) && speechVerbs[d.Tokens[m.Tok1].Lower] || m.Tok0 > 0 && speechVerbs[d.Tokens[m.Tok0-1].Lower] {
				ci.said[mi] = true
			}
		}
	}
	return ci
}

func isWordToken(s string) bool {
	for _, r := range s {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127 {
			return true
		}
	}
	return false
}

// mentionGender is the gender a person mention shows: a gendered title
// before or in it ("Mr", "Queen"), or its given name's.
func (x *Extractor) mentionGender(d *Doc, m Mention) byte {
	for k := max(m.Tok0-1, 0); k < m.Tok1; k++ {
		if g, ok := genderedTitles[d.Tokens[k].Lower]; ok && (k >= m.Tok0 || d.Tokens[k].Sent == d.Tokens[m.Tok0].Sent) {
			return g
		}
	}
	for k := m.Tok0; k < m.Tok1-1; k++ {
		w := d.Tokens[k].Text
		if titleWords[d.Tokens[k].Lower] {
			continue
		}
		if g, ok := x.gaz.gender[titleCase(w)]; ok {
			return g
		}
		break
	}
	return 0
}

// RefCandidate is one person a ref may refer to, with the features the
// resolver scores.
type RefCandidate struct {
	Person   int
	Features classify.Features
}

// RefCandidates returns the persons named before ref r of d (an index into
// d.Refs), nearest first, each with its features. scripts/train-coref uses
// it so that training sees exactly the features resolution computes.
func (x *Extractor) RefCandidates(d *Doc, r int) []RefCandidate {
	return x.refCandidates(d, x.corefInfo(d), r)
}

// RefSet is a set of two or more of a plural ref's candidates (indices
// into its RefCandidates) that the ref may refer to as a whole, with the
// features the set model scores.
type RefSet struct {
	Cands    []int
	Features classify.Features
}

// maxSetSize bounds the persons of a plural ref's set.
const maxSetSize = 4

// PluralSets returns the sets plural ref r of d may refer to, given its
// candidates and each candidate's probability under the kind's model: the
// k most probable candidates for k = 2 .. 4. A second model scores each
// set as a whole (how many persons the ref's words ask for, how the k-th
// probability compares with the next, whether the members were named
// together), so that "the two leaders" can take two persons of whom only
// one alone would pass the threshold, and "the leaders" can stop at the
// right number. scripts/train-coref uses it to train that model.
func (x *Extractor) PluralSets(d *Doc, r int, cands []RefCandidate, probs []float64) []RefSet {
	if len(cands) < 2 {
		return nil
	}
	ref := d.Refs[r]
	order := make([]int, len(cands))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return probs[order[a]] > probs[order[b]] })
	// the ref's words: "the two leaders", "both men", "they"
	var words []string
	for k := ref.Tok0; k < ref.Tok1; k++ {
		if w := d.Tokens[k].Lower; w != "the" {
			words = append(words, w)
		}
	}
	kind := d.RefModel(r)
	var out []RefSet
	for k := 2; k <= min(maxSetSize, len(cands)); k++ {
		set := RefSet{Cands: slices.Clone(order[:k])}
		f := &set.Features
		addf := func(name, v string) { f.Add(kind + "-set|" + name + "=" + v) }
		ks := strconv.Itoa(k)
		addf("k", ks)
		for _, w := range words {
			addf("word,k", w+","+ks)
		}
		low := probs[order[k-1]]
		addf("minp", tenths(low))
		next := "none"
		if k < len(order) {
			next = tenths(probs[order[k]])
			addf("gap", tenths(low-probs[order[k]]))
		}
		addf("nextp", next)
		// where the members were last named: one sentence, how far back,
		// and side by side ("A and B", "A, B and C")
		var ms []Mention
		for _, i := range set.Cands {
			ms = append(ms, d.Mentions[lastMentionBefore(d, cands[i].Person, ref.Tok0)])
		}
		sort.Slice(ms, func(a, b int) bool { return ms[a].Tok0 < ms[b].Tok0 })
		same, far, listed := true, 0, true
		for j, m := range ms {
			s := d.Tokens[m.Tok0].Sent
			if s != d.Tokens[ms[0].Tok0].Sent {
				same = false
			}
			far = max(far, ref.Sent-s)
			if j > 0 && !listedAfter(d, ms[j-1], m) {
				listed = false
			}
		}
		addf("samesent", strconv.FormatBool(same))
		addf("listed", strconv.FormatBool(listed))
		addf("far", bucket(far, 0, 1, 2, 4))
		out = append(out, set)
	}
	return out
}

// lastMentionBefore returns the index of person p's latest mention that
// ends at or before token tok (its first mention if none does).
func lastMentionBefore(d *Doc, p, tok int) int {
	ms := d.Persons[p].Mentions
	last := ms[0]
	for _, mi := range ms {
		if d.Mentions[mi].Tok1 <= tok {
			last = mi
		}
	}
	return last
}

// listedAfter reports whether mention b follows mention a in a list: only
// commas, "and" or "&" between them, in one sentence.
func listedAfter(d *Doc, a, b Mention) bool {
	if d.Tokens[a.Tok0].Sent != d.Tokens[b.Tok0].Sent || b.Tok0 < a.Tok1 || b.Tok0-a.Tok1 > 3 {
		return false
	}
	for k := a.Tok1; k < b.Tok0; k++ {
		if w := d.Tokens[k].Lower; w != "," && w != "and" && w != "&" {
			return false
		}
	}
	return b.Tok0 > a.Tok1
}

// tenths buckets a probability (or a difference of two) in tenths.
func tenths(p float64) string {
	return strconv.Itoa(int(math.Floor(p * 10)))
}

// maxCandidates bounds the persons scored for one ref.
const maxCandidates = 12

func (x *Extractor) refCandidates(d *Doc, ci *corefInfo, r int) []RefCandidate {
	ref := d.Refs[r]
	// the last mention of each person before the ref, and the number of
	// its mentions so far
	type cand struct{ person, last, count int }
	var cs []cand
	at := map[int]int{}
	for mi, m := range d.Mentions {
		if m.Tok1 > ref.Tok0 {
			break
		}
		if m.Person < 0 || d.Tokens[m.Tok0].Skip {
			continue
		}
		if j, ok := at[m.Person]; ok {
			cs[j].last = mi
			cs[j].count++
		} else {
			at[m.Person] = len(cs)
			cs = append(cs, cand{m.Person, mi, 1})
		}
	}
	if len(cs) == 0 {
		return nil
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].last > cs[j].last })
	if len(cs) > maxCandidates {
		cs = cs[:maxCandidates]
	}
	// salience rank: most mentions first
	sal := make([]int, len(cs))
	for i := range cs {
		for j := range cs {
			if cs[j].count > cs[i].count || cs[j].count == cs[i].count && j < i {
				sal[i]++
			}
		}
	}
	rf := x.refFacts(d, ref)
	// the persons of the latest sentence before the ref (or of its own,
	// before it) that names two or more: who "the two leaders" or "they"
	// most often are; and persons coordinated with another ("A and B")
	pairSent, pairN := -1, 0
	inPair := map[int]bool{}
	coord := map[int]bool{}
	if ref.Kind == RefPlural {
		for si := ref.Sent; si >= 0 && si >= ref.Sent-3 && pairSent < 0; si-- {
			ps := map[int]bool{}
			for _, mi := range d.SentenceMentions(si) {
				if m := d.Mentions[mi]; m.Person >= 0 && m.Tok1 <= ref.Tok0 {
					ps[m.Person] = true
				}
			}
			if len(ps) >= 2 {
				pairSent, pairN, inPair = si, len(ps), ps
			}
		}
		for _, c := range cs {
			m := d.Mentions[c.last]
			for _, k := range []int{m.Tok0 - 2, m.Tok1 + 1} {
				if k < 0 || k >= len(d.Tokens) || d.Tokens[k].Sent != d.Tokens[m.Tok0].Sent {
					continue
				}
				j := (k + m.Tok0 + m.Tok1 - 1) / 2 // the token between
				if k < m.Tok0 {
					j = m.Tok0 - 1
				} else {
					j = m.Tok1
				}
				if l := d.Tokens[j].Lower; (l == "and" || l == ",") && d.Tokens[k].Ment >= 0 && d.Mentions[d.Tokens[k].Ment].Person >= 0 {
					coord[c.person] = true
				}
			}
		}
	}
	// persons named in the ref's sentence and the one before
	near := map[int]bool{}
	for _, c := range cs {
		if s := d.Tokens[d.Mentions[c.last].Tok0].Sent; ref.Sent-s <= 1 {
			near[c.person] = true
		}
	}
	// ranks among the candidates that fit: gender-compatible ones for
	// pronouns, ones whose role shares the head for descriptions; the
	// nearest fitting subject
	fits := func(c cand) bool {
		g := ci.gender[c.person]
		if rf.gender != 0 && g != 0 && g != rf.gender {
			return false
		}
		if ref.Kind == RefDescription {
			return contains(ci.roles[c.person], rf.head)
		}
		return true
	}
	fitRank := make([]int, len(cs))
	n, lastSubj := 0, -1
	for i, c := range cs {
		fitRank[i] = -1
		if fits(c) {
			fitRank[i] = n
			n++
			if lastSubj < 0 && ci.subj[c.last] {
				lastSubj = i
			}
		}
	}
	sen := d.Sentences[ref.Sent]
	out := make([]RefCandidate, len(cs))
	for i, c := range cs {
		m := d.Mentions[c.last]
		f := &out[i].Features
		f.NoNames = true // scored and trained by key only
		f.Grow(24)       // a candidate gets 8 to 23 features
		out[i].Person = c.person
		k := ref.Kind
		add := func(name string) { f.AddParts(k, "|", name) }
		addf := func(name, v string) { f.AddParts(k, "|", name, "=", v) }
		addf3 := func(name, a, sep, b string) { f.AddParts(k, "|", name, "=", a, sep, b) } // "rank,sd=1,0"
		sd := ref.Sent - d.Tokens[m.Tok0].Sent
		addf("sd", bucket(sd, 0, 1, 2, 3, 5))
		addf("rank", bucket(i, 0, 1, 2, 3))
		addf("sal", bucket(c.count, 1, 2, 3, 5, 8))
		addf("salrank", bucket(sal[i], 0, 1, 2))
		addf3("rank,sd", bucket(i, 0, 1, 2), ",", bucket(sd, 0, 1, 2))
		if c.person == 0 {
			add("first")
		}
		between := 0
		for mj := c.last + 1; mj < len(d.Mentions) && d.Mentions[mj].Tok1 <= ref.Tok0; mj++ {
			if p := d.Mentions[mj].Person; p >= 0 && p != c.person {
				between++
			}
		}
		addf("between", bucket(between, 0, 1, 2, 3))
		if ci.subj[c.last] {
			add("csubj")
			addf("csubj,sd", bucket(sd, 0, 1, 2))
			if rf.subj {
				addf("parallel,sd", bucket(sd, 0, 1, 2))
			}
		}
		if ci.said[c.last] {
			add("csaid")
			if rf.said {
				add("csaid,rsaid")
			}
		}
		if m.Tok1 < len(d.Tokens) && (d.Tokens[m.Tok1].Lower == "'s" || d.Tokens[m.Tok1].Lower == "’s") {
			add("cposs")
		}
		prev := "^"
		if m.Tok0 > d.Sentences[d.Tokens[m.Tok0].Sent].Tok0 {
			prev = d.Tokens[m.Tok0-1].Lower
		}
		addf("cprev", prev)
		if inQuote(d, m.Tok0) {
			add("cquote")
		}
		if rf.quote {
			addf("rquote,sd", bucket(sd, 0, 1))
		}
		if fitRank[i] >= 0 {
			addf("fitrank", bucket(fitRank[i], 0, 1, 2))
			addf3("fitrank,sd", bucket(fitRank[i], 0, 1), ",", bucket(sd, 0, 1, 2))
		} else {
			add("nofit")
		}
		if i == lastSubj {
			add("lastfitsubj")
			addf("lastfitsubj,sd", bucket(sd, 0, 1, 2))
		}
		if sd == 0 && ci.subj[c.last] && m.Tok0 >= sen.Tok0 && !rf.subj {
			add("subjofsent")
			addf("subjofsent,word", d.Tokens[ref.Tok1-1].Lower)
		}
		// gender agreement
		g := ci.gender[c.person]
		switch {
		case rf.gender == 0 || g == 0:
			addf("gender", "unknown")
		case rf.gender == g:
			addf("gender", "match")
		default:
			addf("gender", "mismatch")
		}
		// role and country agreement for descriptions
		if ref.Kind != RefPronoun {
			roles := ci.roles[c.person]
			switch {
			case len(roles) == 0:
				addf("role", "none")
			case contains(roles, rf.head) || rf.plural && contains(roles, strings.TrimSuffix(rf.head, "s")):
				addf("role", "head")
				addf("role,head", rf.head)
			default:
				addf("role", "other")
			}
			nm := 0
			for _, w := range rf.mods {
				if contains(roles, w) {
					nm++
				}
			}
			addf("rolemods", bucket(nm, 0, 1, 2))
			pc := d.Persons[c.person].Country
			switch {
			case rf.country == "":
				addf("country", "noref")
			case pc == "":
				addf("country", "nocand")
			case pc == rf.country:
				addf("country", "match")
			default:
				addf("country", "mismatch")
			}
			if rf.possessor >= 0 && rf.possessor == c.last {
				add("possessor")
			}
			if rf.possPron && ci.subj[c.last] && sd == 0 {
				add("posspron,csubjsame")
			}
			if rf.appos == c.last {
				add("appos")
			}
			if rf.possd {
				addf("possd,rank", bucket(i, 0, 1))
			}
			if contains(roles, rf.head) {
				switch {
				case rf.country != "" && pc == rf.country:
					add("rolehead,countrymatch")
				case rf.country != "" && pc != "":
					add("rolehead,countrymismatch")
				}
			}
			addf3("head,rank", rf.head, ",", bucket(i, 0, 1, 2))
		}
		if ref.Kind == RefPlural {
			if near[c.person] {
				add("near")
			}
			addf("nnear", bucket(len(near), 0, 1, 2, 3, 4))
			addf3("word,rank", d.Tokens[ref.Tok1-1].Lower, ",", bucket(i, 0, 1, 2, 3))
			if rf.two {
				addf("two,rank", bucket(i, 0, 1, 2))
			}
			if inPair[c.person] {
				addf("inpair", bucket(pairN, 2, 3, 4))
				addf("inpair,sd", bucket(ref.Sent-pairSent, 0, 1, 2))
				addf("inpair,word", d.Tokens[ref.Tok1-1].Lower)
				if rf.two {
					addf("inpair,two", bucket(pairN, 2, 3))
				}
			} else {
				add("notinpair")
			}
			if coord[c.person] {
				add("coord")
				if inPair[c.person] {
					add("coord,inpair")
				}
			}
		}
		if ref.Kind == RefPronoun {
			w := d.Tokens[ref.Tok0].Lower
			addf("word", w)
			addf3("word,rank", w, ",", bucket(i, 0, 1, 2))
			if w == "himself" || w == "herself" {
				addf("reflexive,sd", bucket(sd, 0, 1))
			}
			if rf.subj {
				addf("rsubj,rank", bucket(i, 0, 1, 2))
			}
		}
	}
	return out
}

// refFacts are the features of a ref itself.
type refFacts struct {
	gender    byte
	head      string
	mods      []string
	country   string
	plural    bool
	two       bool
	subj      bool // first word of its sentence or clause
	said      bool // next to a speech verb
	quote     bool
	possessor int  // mention index of a named possessor ("Trump's envoy"), or -1
	possPron  bool // "his counterpart"
	appos     int  // mention right before ", the ..." (an apposition), or -1
	possd     bool // the ref is a possessor ("the president's envoy")
}

func (x *Extractor) refFacts(d *Doc, ref Ref) refFacts {
	rf := refFacts{possessor: -1, appos: -1, plural: ref.Kind == RefPlural}
	head := d.Tokens[ref.Tok1-1].Lower
	rf.head = head
	if g, ok := personPronouns[head]; ok {
		rf.gender = g
	} else if g, ok := genderedTitles[head]; ok {
		rf.gender = g
	}
	s := d.Sentences[ref.Sent]
	for k := ref.Tok0; k < ref.Tok1-1; k++ {
		w := d.Tokens[k].Lower
		if w == "two" || w == "both" {
			rf.two = true
		}
		if w != "the" && w != "both" {
			rf.mods = append(rf.mods, w)
		}
		if c := d.Tokens[k].Country; c >= 0 && rf.country == "" {
			rf.country = d.Countries[c].Code
		}
	}
	if ref.Tok0 > s.Tok0 {
		p := d.Tokens[ref.Tok0-1].Lower
		if isPossessive(p) && ref.Kind != RefPronoun {
			rf.possPron = true
		}
		if p == "'s" || p == "’s" {
			if ci := d.countryEndingAt(ref.Tok0 - 1); ci >= 0 && rf.country == "" {
				rf.country = d.Countries[ci].Code
			}
			if m := d.Tokens[ref.Tok0-2].Ment; ref.Tok0 >= 2 && m >= 0 && d.Mentions[m].Person >= 0 {
				rf.possessor = m
			}
		}
	}
	// an apposition or predicate: "X, the ...", "X (the ...)", "X is the
	// ...", "X, then the ...", "X will become the ..."; not when the ref
	// is itself a possessor ("X, the Russian president's envoy")
	rf.possd = ref.Tok1 < s.Tok1 && isPossessiveMark(d.Tokens[ref.Tok1].Lower)
	for k := ref.Tok0 - 1; k >= s.Tok0 && k >= ref.Tok0-4 && !rf.possd; k-- {
		t := d.Tokens[k]
		if m := t.Ment; m >= 0 && d.Mentions[m].Person >= 0 && d.Mentions[m].Tok1 == k+1 {
			rf.appos = m
			break
		}
		if !apposLinks[t.Lower] {
			break
		}
	}
	if rf.country == "" {
		// "the president of France"
		if k := ref.Tok1; k+1 < s.Tok1 && d.Tokens[k].Lower == "of" {
			if c := d.Tokens[k+1].Country; c >= 0 {
				rf.country = d.Countries[c].Code
			}
		}
	}
	rf.subj = ref.Tok0 == s.Tok0 || ref.Tok0 > s.Tok0 && (d.Tokens[ref.Tok0-1].Text == "," || d.Tokens[ref.Tok0-1].Lower == "and" || d.Tokens[ref.Tok0-1].Lower == "but" || !isWordToken(d.Tokens[ref.Tok0-1].Text))
	rf.said = ref.Tok1 < s.Tok1 && speechVerbs[d.Tokens[ref.Tok1].Lower] || ref.Tok0 > s.Tok0 && speechVerbs[d.Tokens[ref.Tok0-1].Lower]
	rf.quote = inQuote(d, ref.Tok0)
	return rf
}

// apposLinks may stand between a name and a description of the same
// person.
var apposLinks = set(",", "(", "is", "was", "will", "be", "become", "became", "as", "then", "now", "remains")

// inQuote reports whether token t stands inside quotation marks of its
// sentence.
func inQuote(d *Doc, t int) bool {
	s := d.Sentences[d.Tokens[t].Sent]
	n := 0
	for k := s.Tok0; k < t; k++ {
		switch d.Tokens[k].Text {
		case "\"", "“", "”", "``", "''":
			n++
		}
	}
	return n%2 == 1
}

func contains(ws []string, w string) bool {
	for _, v := range ws {
		if v == w {
			return true
		}
	}
	return false
}

// bucket names the first bound that v does not exceed ("<=2"), or ">" the
// last.
func bucket(v int, bounds ...int) string {
	for _, b := range bounds {
		if v <= b {
			return strconv.Itoa(b)
		}
	}
	return ">" + strconv.Itoa(bounds[len(bounds)-1])
}

// resolveRefs finds the refs of d and resolves each to the best-scoring
// person named before it, if that person's probability reaches the kind's
// threshold. A plural takes the best-scoring of its candidate sets
// (PluralSets) if the set model's probability reaches the threshold; with
// a bundle that has no set model, every person that reaches it, if two or
// more do.
func (x *Extractor) resolveRefs(d *Doc) {
	d.Refs = findRefs(d, x.gaz.personNouns)
	if x.coref == nil || len(d.Persons) == 0 {
		return
	}
	ci := x.corefInfo(d)
	for r := range d.Refs {
		ref := &d.Refs[r]
		if ref.Kind == RefRelative {
			continue // resolved when found
		}
		name := d.RefModel(r)
		m := x.coref.models[name]
		if m == nil {
			continue
		}
		thr := x.coref.threshold[name]
		if thr > 1 {
			continue // a kind shipped disabled: nothing can reach it
		}
		if ref.Office {
			if p := x.onlyOfCountry(d, ci, *ref); p >= 0 {
				ref.Person, ref.Score = p, thr
			}
			continue
		}
		cands := x.refCandidates(d, ci, r)
		if sm := x.coref.models[name+SetModelSuffix]; ref.Kind == RefPlural && sm != nil {
			probs := make([]float64, len(cands))
			for i := range cands {
				probs[i] = m.Prob(&cands[i].Features)
			}
			var best []int
			bestP := 0.0
			for _, s := range x.PluralSets(d, r, cands, probs) {
				if p := sm.Prob(&s.Features); p > bestP {
					best, bestP = s.Cands, p
				}
			}
			if best != nil && bestP >= thr {
				for _, i := range best {
					ref.Persons = append(ref.Persons, cands[i].Person)
				}
				sort.Ints(ref.Persons)
				ref.Score = bestP
			}
			continue
		}
		if ref.Kind == RefPlural {
			var ps []int
			low := 1.0
			for _, c := range cands {
				if p := m.Prob(&c.Features); p >= thr {
					ps = append(ps, c.Person)
					low = min(low, p)
				}
			}
			if len(ps) >= 2 {
				sort.Ints(ps)
				ref.Persons, ref.Score = ps, low
			}
			continue
		}
		best, bestP := -1, 0.0
		for _, c := range cands {
			if p := m.Prob(&c.Features); p > bestP {
				best, bestP = c.Person, p
			}
		}
		if best >= 0 && bestP >= thr {
			ref.Person, ref.Score = best, bestP
		} else if p := speakerOf(d, ci, *ref); p >= 0 {
			ref.Person, ref.Score = p, thr
		}
	}
}

// onlyOfCountry is rule "a person of a country": a description headed by
// a noun of office-holders right after a country's name or demonym ("the
// American diplomat", "the Iranian lawmaker"; Ref.Office) is the one
// person of that country named in the two sentences before it, when there
// is exactly one, the genders do not clash, and a mention of it there is
// not governed by a preposition: a person named in passing ("has ties to
// Putin") is no one the text goes on about, and the description after it
// is often someone new. In its own sentence a compatriot is someone else
// ("Rubio praised the American diplomat who"), but a name it is set off
// beside is the one it describes ("Bill Taylor, the top U.S. diplomat").
// Returns the person or -1.
func (x *Extractor) onlyOfCountry(d *Doc, ci *corefInfo, ref Ref) int {
	if !ref.Office || ref.Tok1 < 2 {
		return -1
	}
	c := d.Tokens[ref.Tok1-2].Country // the country word before the head
	if c < 0 {
		return -1
	}
	code := d.Countries[c].Code
	if rf := x.refFacts(d, ref); rf.appos >= 0 {
		return d.Mentions[rf.appos].Person // "Bill Taylor, the top U.S. diplomat": the name before it
	}
	found, free := -1, false
	for _, m := range d.Mentions {
		if d.Tokens[m.Tok0].Sent >= ref.Sent {
			break
		}
		if m.Person < 0 || d.Tokens[m.Tok0].Sent < ref.Sent-2 || d.Tokens[m.Tok0].Skip || d.Persons[m.Person].Country != code {
			continue
		}
		if found >= 0 && found != m.Person {
			return -1
		}
		found = m.Person
		free = free || !governed(d, m)
	}
	if found < 0 || !free {
		return -1
	}
	if g := nounGender(d.Tokens[ref.Tok1-1].Lower); g != 0 && ci.gender[found] != 0 && ci.gender[found] != g {
		return -1
	}
	return found
}

// nounGender is the gender a noun of persons carries: a gendered title's,
// or the one of its ending ("stateswoman", "priestess"; "statesman"), 0
// for none.
func nounGender(w string) byte {
	if g, ok := genderedTitles[w]; ok {
		return g
	}
	switch {
	case strings.HasSuffix(w, "woman"), strings.HasSuffix(w, "ess"):
		return 'f'
	case strings.HasSuffix(w, "man"):
		return 'm'
	}
	return 0
}

// nameGovernors are words before a name that make it no subject.
var nameGovernors = set("for", "of", "to", "with", "by", "from", "and", "or", "about", "against")

// governed says whether a preposition or conjunction stands right before
// mention m or its titles ("ties to Russian President Vladimir Putin", "a
// spokesman for Scholz").
func governed(d *Doc, m Mention) bool {
	title := func(k int) bool {
		w := d.Tokens[k].Lower
		if w == "of" { // "Secretary of State"
			return k > 0 && titleWords[d.Tokens[k-1].Lower] && titleWords[d.Tokens[k+1].Lower]
		}
		return titleWords[w] || d.Tokens[k].Country >= 0 || w == "the"
	}
	s := d.Tokens[m.Tok0].Sent
	k := m.Tok0 - 1
	for k >= 0 && d.Tokens[k].Sent == s && title(k) {
		k--
	}
	return k >= 0 && d.Tokens[k].Sent == s && nameGovernors[d.Tokens[k].Lower]
}

// speakerOf is rule "speaker's clause": a subject pronoun that opens the
// clause of a speech verb ("said he", "announced that he") is the person
// named right before that verb, also when an appositive's commas set the
// name off ("Zelensky's chief of staff, Andriy Yermak, announced that he
// was in the French capital"), if the genders do not clash. The model
// reads the plain "X said he" itself; across the comma it falls short.
// It applies to pronouns the model leaves unresolved. Returns the person
// or -1.
func speakerOf(d *Doc, ci *corefInfo, ref Ref) int {
	i := ref.Tok0
	switch d.Tokens[i].Lower {
	case "he", "she":
	default:
		return -1
	}
	j := i - 1
	if j >= 0 && d.Tokens[j].Lower == "that" {
		j--
	}
	if j < 1 || !speechVerbs[d.Tokens[j].Lower] || d.Tokens[j].Sent != ref.Sent {
		return -1
	}
	k := j - 1
	comma := d.Tokens[k].Text == ","
	if comma {
		k--
	}
	if k < 0 || d.Tokens[k].Sent != ref.Sent {
		return -1
	}
	mi := d.Tokens[k].Ment
	if mi < 0 || d.Mentions[mi].Tok1 != k+1 || d.Mentions[mi].Person < 0 {
		return -1
	}
	m := d.Mentions[mi]
	if comma && (m.Tok0 == 0 || d.Tokens[m.Tok0-1].Text != ",") {
		return -1 // only an appositive's closing comma
	}
	if governed(d, m) {
		return -1 // "a spokesman for Olaf Scholz said he": the name is no subject
	}
	g := ci.gender[m.Person]
	if rg := personPronouns[d.Tokens[i].Lower]; g != 0 && g != rg {
		return -1
	}
	return m.Person
}

package extract_test

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/extract"
)

// refTo returns the name of the person the ref with text ref (the first
// one) is resolved to, "" when unresolved, and whether the ref was found.
func refTo(d *extract.Doc, ref string) (string, bool) {
	for _, r := range d.Refs {
		if d.Span(d.Tokens[r.Tok0].Start, d.Tokens[r.Tok1-1].End) != ref {
			continue
		}
		if r.Person < 0 {
			return "", true
		}
		return d.Persons[r.Person].Name, true
	}
	return "", false
}

// TestResolveRefs resolves pronouns and descriptions in passages of Voice
// of America news (public domain; sources in testdata/SOURCES.md). An
// empty want means the ref names no one named earlier: it must stay
// unresolved.
func TestResolveRefs(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		name, text string
		want       map[string]string // ref text -> person name, "" for none
	}{
		{"pronoun after a titled name", `Egyptian President Abdel Fattah el-Sissi has dismissed Islamic State's claim as "propaganda" and an effort to damage Egyptian security and stability. He is in London to meet Thursday with British Prime Minister David Cameron.`,
			map[string]string{"He": "Abdel Fattah el-Sissi"}},
		{"pronoun in the next sentence", "Conservative Justice Antonin Scalia was among the four dissenters. He wrote the decision shows the court is “a threat to American democracy.",
			map[string]string{"He": "Antonin Scalia"}},
		{"pronoun after said", "Voter Charles Opakrwoth said he had been a long-time supporter of NRM, President Museveni’s party, until recently, when he switched to Besigye’s FDC party.",
			map[string]string{"he": "Charles Opakrwoth"}},
		{"reflexive and subject", "In Chicago, Van Dyke turned himself in to authorities Tuesday and has been charged with first degree murder. He also has been fired from the police department.",
			map[string]string{"himself": "Van Dyke", "He": "Van Dyke"}},
		{"the leader is not the minister named", "Erdoğan’s Prime Minister, Ahmet Davutoğlu, has been conducting negotiations with the two main opposition parties, but the talks appear to be stuck. Commentators and opposition politicians are accusing the Turkish leader of pursuing a strategy geared to obstruct the formation of a coalition government.",
			map[string]string{"the Turkish leader": ""}},
		{"a possessor is not the apposition", "Russian officials say IS fighters in Afghanistan plan to use the country a jumping-off point. “They have other aims,” said Kabulov, the Russian president's special envoy to Afghanistan.",
			map[string]string{"the Russian president": ""}},
		{"no one named", "From the United Nations, the Roman Catholic Church leader traveled to the National September 11 Memorial, the site where the World Trade Center once stood. He greeted relatives of some of the people killed in the terrorist attacks on New York City in 2001.",
			map[string]string{"He": "", "the Roman Catholic Church leader": ""}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := x.Analyze(tc.text)
			for ref, want := range tc.want {
				got, ok := refTo(d, ref)
				if !ok {
					t.Errorf("%q: no ref found", ref)
					continue
				}
				if got != want {
					t.Errorf("%q resolved to %q, want %q", ref, got, want)
				}
			}
		})
	}
}

// TestRefsNotTitles checks that a title before a name is no ref: the
// name says who it is.
func TestRefsNotTitles(t *testing.T) {
	x := extractor(t)
	d := x.Analyze("Erdoğan’s Prime Minister, Ahmet Davutoğlu, has been conducting negotiations with the two main opposition parties.")
	for _, r := range d.Refs {
		if s := d.Span(d.Tokens[r.Tok0].Start, d.Tokens[r.Tok1-1].End); strings.Contains(s, "Minister") {
			t.Errorf("title %q taken as a ref", s)
		}
	}
}

func TestRefsDeterministic(t *testing.T) {
	x := extractor(t)
	text := "Conservative Justice Antonin Scalia was among the four dissenters. He wrote the decision shows the court is “a threat to American democracy. The justice said his colleagues erred."
	a, b := x.Analyze(text), x.Analyze(text)
	if len(a.Refs) == 0 {
		t.Fatal("no refs found")
	}
	if !reflect.DeepEqual(a.Refs, b.Refs) {
		t.Fatalf("two analyses differ:\n%+v\n%+v", a.Refs, b.Refs)
	}
}

// FuzzRefs checks that refs of any text are in text order, do not
// overlap, lie inside the text, point to existing persons (earlier ones)
// and are found again by RefAt.
func FuzzRefs(f *testing.F) {
	f.Add("Conservative Justice Antonin Scalia was among the four dissenters. He wrote the decision shows the court is “a threat.")
	f.Add("X met Y. He met Putin; the two leaders and both men, the pair, his counterpart and the French president talked. They left.")
	f.Add("the the his 's 's president")
	f.Add("")
	x := extractor(f)
	f.Fuzz(func(t *testing.T, text string) {
		d := x.Analyze(text)
		last := -1
		for i, r := range d.Refs {
			if r.Tok0 < 0 || r.Tok1 > len(d.Tokens) || r.Tok0 >= r.Tok1 || r.Tok0 <= last {
				t.Fatalf("ref %d %+v out of order or outside %d tokens", i, r, len(d.Tokens))
			}
			last = r.Tok1 - 1
			for tok := r.Tok0; tok < r.Tok1; tok++ {
				if got := d.RefAt(tok); got != i {
					t.Fatalf("RefAt(%d) = %d, want %d", tok, got, i)
				}
			}
			ps := r.Persons
			if r.Person >= 0 {
				ps = append(ps, r.Person)
			}
			for _, p := range ps {
				if p < 0 || p >= len(d.Persons) {
					t.Fatalf("ref %+v: person %d of %d", r, p, len(d.Persons))
				}
				if first := d.Persons[p].Mentions[0]; d.Mentions[first].Tok0 >= r.Tok0 {
					t.Fatalf("ref %+v resolved to a person first named after it", r)
				}
			}
			if r.Score < 0 || r.Score > 1 {
				t.Fatalf("ref %+v: score out of [0, 1]", r)
			}
		}
		if utf8.ValidString(text) && len(d.Tokens) > 0 && d.RefAt(len(d.Tokens)) != -1 {
			t.Fatalf("RefAt past the last token found a ref")
		}
	})
}

// TestRelativePronounRule checks rule relative pronoun on minimal frames:
// "who" right after a name, with or without a comma, is that person; after
// a name that only completes another phrase ("a friend of X") or with no
// name before it, it is no one.
func TestRelativePronounRule(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		text, want string // want "" = no relative ref to a person
	}{
		{"Senator Mitch McConnell, who met with Jerome Powell on Tuesday, praised him.", "Mitch McConnell"},
		{"It was Olaf Scholz who met Marco Rubio in Berlin.", "Olaf Scholz"},
		{"Marco Rubio thanked Olaf Scholz, whom he met in Berlin.", "Olaf Scholz"},
		{"A friend of Vladimir Putin, who met Donald Trump last year, declined to comment.", ""},
		{"Donald Trump's lawyer, who met Olaf Scholz, declined to comment.", ""},
		{"The diplomat who met Olaf Scholz declined to comment.", ""},
	}
	for _, tc := range tests {
		d := x.Analyze(tc.text)
		got := ""
		for _, r := range d.Refs {
			if r.Kind == extract.RefRelative && r.Person >= 0 {
				got = d.Persons[r.Person].Name
			}
		}
		if got != tc.want {
			t.Errorf("%q: relative pronoun is %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestResolvePlurals resolves plural descriptions on minimal frames: "the
// two men" after a meeting of two named persons is both of them; a plural
// with only one person named before it, or one that names a group nobody
// named, stays unresolved.
func TestResolvePlurals(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		text, ref string
		want      []string // nil = unresolved
	}{
		{"German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Friday, but officials said the two men had failed to agree on the budget.",
			"the two men", []string{"Olaf Scholz", "Emmanuel Macron"}},
		{"German Chancellor Olaf Scholz held talks with French President Emmanuel Macron in Paris on Friday. The two leaders agreed to meet again in Berlin.",
			"The two leaders", []string{"Olaf Scholz", "Emmanuel Macron"}},
		{"Olaf Scholz and Emmanuel Macron met in Paris on Friday. Both men said the talks had gone well.",
			"Both men", []string{"Olaf Scholz", "Emmanuel Macron"}},
		{"Olaf Scholz visited Paris on Friday. The two men who attacked the embassy were arrested.", "The two men", nil},
		{"Olaf Scholz spoke in Paris on Friday. The women who had organized the protest left early.", "The women", nil},
	}
	for _, tc := range tests {
		d := x.Analyze(tc.text)
		found := false
		for _, r := range d.Refs {
			if d.Span(d.Tokens[r.Tok0].Start, d.Tokens[r.Tok1-1].End) != tc.ref {
				continue
			}
			found = true
			if r.Kind != extract.RefPlural {
				t.Errorf("%q: kind %s, want plural", tc.ref, r.Kind)
			}
			var got []string
			for _, p := range r.Persons {
				got = append(got, d.Persons[p].Name)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("%q in %q resolved to %v, want %v", tc.ref, tc.text, got, tc.want)
			}
		}
		if !found {
			t.Errorf("%q: no ref found in %q", tc.ref, tc.text)
		}
	}
}

// TestPluralSets checks the sets a plural ref may refer to: the k most
// probable candidates for k = 2 .. 4 (at most the candidates there are),
// each with features for the set model.
func TestPluralSets(t *testing.T) {
	x := extractor(t)
	d := x.Analyze("Olaf Scholz, Emmanuel Macron and Giorgia Meloni met in Rome on Friday. The three leaders agreed on a plan.")
	r := -1
	for i, ref := range d.Refs {
		if ref.Kind == extract.RefPlural {
			r = i
		}
	}
	if r < 0 {
		t.Fatal("no plural ref found")
	}
	cands := x.RefCandidates(d, r)
	if len(cands) != 3 {
		t.Fatalf("%d candidates, want 3", len(cands))
	}
	probs := []float64{0.2, 0.9, 0.5}
	sets := x.PluralSets(d, r, cands, probs)
	want := [][]int{{1, 2}, {1, 2, 0}}
	if len(sets) != len(want) {
		t.Fatalf("%d sets, want %d", len(sets), len(want))
	}
	for i, s := range sets {
		if !reflect.DeepEqual(s.Cands, want[i]) {
			t.Errorf("set %d = %v, want %v", i, s.Cands, want[i])
		}
		if s.Features.Len() == 0 {
			t.Errorf("set %d has no features", i)
		}
	}
	if got := x.PluralSets(d, r, cands[:1], probs[:1]); got != nil {
		t.Errorf("one candidate gave sets %v", got)
	}
}

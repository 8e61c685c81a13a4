package extract

import "testing"

// refByText returns the first ref of d whose text is ref, or -1.
func refByText(d *Doc, ref string) int {
	for i, r := range d.Refs {
		if d.Span(d.Tokens[r.Tok0].Start, d.Tokens[r.Tok1-1].End) == ref {
			return i
		}
	}
	return -1
}

// personName is the name of person p of d, "" for -1.
func personName(d *Doc, p int) string {
	if p < 0 {
		return ""
	}
	return d.Persons[p].Name
}

// TestSpeakerClauseRule: rule "speaker's clause" gives the subject pronoun
// of a speech verb's clause to the person named right before the verb,
// across an appositive's commas; not to a name governed by a preposition
// or a possessive, nor across a gender clash, nor to a pronoun that is
// no subject.
func TestSpeakerClauseRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, ref, want string // want "" = the rule gives it no one
	}{
		{"Ukrainian President Volodymyr Zelensky’s chief of staff, Andriy Yermak, announced that he was in the French capital along with Foreign Minister Andriy Sybiga.", "he", "Andriy Yermak"},
		{"Ukrainian President Volodymyr Zelensky’s chief of staff, Andriy Yermak, said he was in the French capital.", "he", "Andriy Yermak"},
		{"Defence Minister Rustem Umerov said that he would travel to Brussels.", "he", "Rustem Umerov"},
		// a gender clash
		{"Ukrainian President Volodymyr Zelensky’s chief of staff, Andriy Yermak, announced that she was in the French capital.", "she", ""},
		// the name is governed: someone else speaks
		{"An aide to Andriy Yermak announced that he was in the French capital.", "he", ""},
		{"Andriy Yermak’s spokesman said he was in the French capital.", "he", ""},
		// a comma that closes no appositive
		{"Volodymyr Zelensky thanked Andriy Yermak, said he was in the French capital.", "he", ""},
		// no subject pronoun
		{"Andriy Yermak said him and Sybiga were in the French capital.", "him", ""},
	} {
		checkRefRule(t, x, tc.text, tc.ref, tc.want, func(d *Doc, ref Ref) int { return speakerOf(d, x.corefInfo(d), ref) })
	}
}

// checkRefRule fails t unless text has ref and rule gives it the person
// want ("" for none).
func checkRefRule(t *testing.T, x *Extractor, text, ref, want string, rule func(d *Doc, ref Ref) int) {
	t.Helper()
	d := x.Analyze(text)
	r := refByText(d, ref)
	if r < 0 {
		t.Errorf("%q: no ref %q", text, ref)
		return
	}
	if got := personName(d, rule(d, d.Refs[r])); got != want {
		t.Errorf("%q: rule gives %q to %q, want %q", text, ref, got, want)
	}
}

// TestPersonOfCountryRule: rule "a person of a country" finds
// descriptions headed by a noun of office-holders right after a country
// ("the American diplomat") and gives them the one person of that country
// named in the two sentences before; not when two of that country are
// named, when the only one is named in passing, in its own sentence, too
// far back, or of the other gender.
func TestPersonOfCountryRule(t *testing.T) {
	x := testExtractor(t)
	const rubio = "US Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday. "
	for _, tc := range []struct {
		text, ref, want string // want "" = the rule gives it no one
	}{
		{rubio + "The meeting marked Rubio’s third visit to Europe. The American diplomat arrived in the French capital alongside Keith Kellogg.", "The American diplomat", "Marco Rubio"},
		{rubio + "The American diplomat arrived in the French capital alongside Keith Kellogg.", "The American diplomat", "Marco Rubio"},
		{rubio + "On Friday the top U.S. diplomat flew to Brussels.", "the top U.S. diplomat", "Marco Rubio"},
		// two Americans named: which one?
		{"US Secretary of State Marco Rubio met US envoy Steve Witkoff in Paris on Thursday. The American diplomat arrived in the French capital alongside Keith Kellogg.", "The American diplomat", ""},
		// named in passing, then someone new
		{"A Russian diplomat who met with Jared Kushner has ties to Russian President Vladimir Putin. The Russian diplomat was appointed in 2016.", "The Russian diplomat", ""},
		// a preposition that ends the sentence before governs no name
		{"Talks Rubio was invited to\n\nUS Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday. The American diplomat arrived in the French capital alongside Keith Kellogg.", "The American diplomat", "Marco Rubio"},
		// in its own sentence: someone else
		{"US Secretary of State Marco Rubio praised the American diplomat who had arranged the talks.", "the American diplomat", ""},
		// too far back
		{rubio + "The talks lasted two hours. They covered Ukraine. The American diplomat arrived in the French capital alongside Keith Kellogg.", "The American diplomat", ""},
		// the name it is set off beside
		{rubio + "It was the idea of Keith Kellogg, the American diplomat who arranged the talks.", "the American diplomat", "Keith Kellogg"},
		// the other gender
		{rubio + "The American stateswoman arrived in the French capital alongside Keith Kellogg.", "The American stateswoman", ""},
	} {
		checkRefRule(t, x, tc.text, tc.ref, tc.want, func(d *Doc, ref Ref) int { return x.onlyOfCountry(d, x.corefInfo(d), ref) })
	}
	// no ref: without a country, after a seat of government, before a
	// possessive or a name
	for _, tc := range []struct{ text, ref string }{
		{rubio + "The diplomat arrived in the French capital.", "The diplomat"},
		{"Russian President Vladimir Putin met Marco Rubio in Moscow. The Kremlin diplomat arrived in the French capital.", "The Kremlin diplomat"},
		{rubio + "The American diplomat's aide arrived in the French capital.", "The American diplomat"},
		{rubio + "The American diplomat Christopher Hill arrived in the French capital.", "The American diplomat"},
		{rubio + "The American career diplomat arrived in the French capital.", "The American career diplomat"},
		{rubio + "The American consul general arrived in the French capital.", "The American consul"},
		{rubio + "The American diplomat in Brussels arrived in the French capital.", "The American diplomat"},
		{"The US director of national intelligence, Dan Coats, has resigned.", "The US director"},
		{"The US diplomat, Marco Rubio, arrived in the French capital.", "The US diplomat"},
	} {
		if r := refByText(x.Analyze(tc.text), tc.ref); r >= 0 {
			t.Errorf("%q: %q is a ref", tc.text, tc.ref)
		}
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestPlaceContext checks the named rule "a name in a place's context is
// a place" (placeContext): a name before a place noun or after "the town
// of" is a place whatever the tagger called it, and an adjective of a
// people before a place noun is not.
func TestPlaceContext(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, name string
		place      bool
	}{
		{"Air raids hit the town of Musa Qala on Monday.", "Musa Qala", true},
		{"A rocket hit the al-Hamadaniyeh neighborhood in Aleppo.", "al-Hamadaniyeh", true},
		{"The strikes targeted the villages of Tokhar and Hoshariyeh.", "Tokhar", true},
		{"The strikes targeted the villages of Tokhar and Hoshariyeh.", "Hoshariyeh", true},
		{"Missiles struck the Shayrat air base overnight.", "Shayrat", true},
		{"Troops massed along the Zairean border on Friday.", "Zairean", false},
		{"He won the English county championship with Surrey.", "English", false},
		{"The Bank of England raised rates.", "Bank of England", false},
		{"Police said planes fired rockets at the Ain al-Hilweh refugee camp.", "Ain al-Hilweh", true},
		{"Air raids in the town of Maarat al-Numan killed six people.", "Maarat al-Numan", true},
		{"Iraqi warplanes bombed the Iranian oil terminal on Lavan island in the Gulf today.", "Lavan island", true},
	} {
		d := x.Analyze(tc.text)
		if got := hasMention(d, tc.name, newsgraph.LOC); got != tc.place {
			var seen []string
			for _, m := range d.Mentions {
				seen = append(seen, m.Type+":"+m.Text)
			}
			t.Errorf("%q: %q is a place: %v, want %v (mentions %v)", tc.text, tc.name, got, tc.place, seen)
		}
	}
}

// hasMention says whether d has a mention of text of type typ ("": of any
// type).
func hasMention(d *Doc, text, typ string) bool {
	for _, m := range d.Mentions {
		if m.Text == text && (typ == "" || m.Type == typ) {
			return true
		}
	}
	return false
}

// TestPersonNameRules checks the named rules of who is a person and by
// what name: "crown prince", "first lady" and "second lady" are offices, not part of the name
// (royal titles are); a named storm is no person, nor a name that opens
// with "The"; a "person" whose last word names an organisation is one.
// Rows of real sentences (AllSides) replace, where one was found, the
// rows an earlier round had written (the real "Second Lady Karen Pence"
// showed that only the first lady was read as an office).
func TestPersonNameRules(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text   string
		person string
		want   bool
	}{
		{"President Donald Trump said Saudi Arabia ’ s Crown Prince Mohammed bin Salman “ totally denied any knowledge ” of what happened when Saudi journalist Jamal Khashoggi went missing this month after visiting the consulate in Istanbul .", "Mohammed bin Salman", true},
		{"President Donald Trump said Saudi Arabia ’ s Crown Prince Mohammed bin Salman “ totally denied any knowledge ” of what happened when Saudi journalist Jamal Khashoggi went missing this month after visiting the consulate in Istanbul .", "Crown Prince Mohammed bin Salman", false},
		{"Britain 's Prince Harry chatted and joked with wounded service members from the United Kingdom on Saturday at the Warrior Games , the U.S. military 's Paralympic-style competition in Colorado .", "Prince Harry", true},
		{"WASHINGTON – Second Lady Karen Pence is returning to her passion : the classroom .", "Karen Pence", true},
		{"WASHINGTON – Second Lady Karen Pence is returning to her passion : the classroom .", "Lady Karen Pence", false},
		{"Lady Antonia Fraser met the Queen.", "Lady Antonia Fraser", true},
		{"In one incident , Sen. John McCain , Arizona Republican , was showing colleagues the border in March when they saw a woman climb over a border barrier right in front of them .", "Arizona Republican", false},
		{"In one incident , Sen. John McCain , Arizona Republican , was showing colleagues the border in March when they saw a woman climb over a border barrier right in front of them .", "John McCain", true},
		{"“ We ’ ve been successful on some things — tax reform in particular — [ but ] we ’ ve missed some opportunities , ” Rep. Morgan Griffith , Virginia Republican , told The Times as he looked back in December .", "Virginia Republican", false},
		{"Prince Harry met King Charles at Windsor.", "King Charles", true},
		{"The island has been without water or power since Hurricane Maria hit a week ago .", "Hurricane Maria", false},
		// a name that ends in a people's word (AFP 1997, 2005; AllSides), not a
		// surname that is one after a given name
		{"The Iraqi branch of Al-Qaeda on Saturday urged the country's Sunni Arabs not to be fooled by the apparent success of this week's landmark elections.", "Sunni Arabs", false},
		{"The World Council is comprised of strictly Orthodox Hasidic Jews.", "Hasidic Jews", false},
		{"He is deeply religious ( an Orthodox Jew , he leaves work each Friday before sundown ) and is so strait-laced that his colleagues feel compelled to apologize when they curse in front of him .", "Orthodox Jew", false},
		{"However , all schools in the district were placed on `` Code Red '' lockdown as a precaution , according to district spokesman Kevin Christian .", "Kevin Christian", true},
		{"Addressing a crowd at the Clinton Global Initiative University at Miami University in Coral Gables , Fla. on Saturday , former president Bill Clinton discussed the Clinton Foundation 's decision to accept donations from foreign governments .", "Clinton Foundation", false},
		{"Addressing a crowd at the Clinton Global Initiative University at Miami University in Coral Gables , Fla. on Saturday , former president Bill Clinton discussed the Clinton Foundation 's decision to accept donations from foreign governments .", "Bill Clinton", true},
		{"Hours later, Donald Trump named Mick Mulvaney as acting director.", "Trump named Mulvaney", false},
		{"Hours later, Donald Trump named Mick Mulvaney as acting director.", "Mick Mulvaney", true},
		{"Talks at the border. North Korean leader Kim Jong Un met South Korean President Moon Jae-in at Panmunjom on Friday.", "Kim Jong Un", true},
		// rule "an institution's name" (AllSides): a name that ends in an
		// institution's word, not a given name and such a surname
		{"Shulman and Anderson met as students at Harvard ’ s John F. Kennedy School of Government .", "John F. Kennedy School", false},
		{"In a stunning interview on The Alex Jones Show , famed FBI whistleblower Sibel Edmonds completely destroyed special counsel Robert Mueller , laying out a series of facts that paint Mueller as a deep state operative who in the past has actively covered up Islamic terror networks and is now conducting a sort of “ new McCarthyism ” in his sham investigation into supposed ties between President Trump and Russia .", "Alex Jones Show", false},
		{"MTA spokesman Salvatore Arena said the agency began work to install positive train control technology on the Long Island Rail Road and Metro-North Railroad in 2009 , budgeting nearly $ 600 million for its installation , including $ 428 million last month for a system integrator .", "Salvatore Arena", true},
		// rule "title before a name" (sentences from news reports)
		{"Trumka and other labor leaders met with President Obama and Vice President Biden at the White House in September , as part of a bid to win additional health care subsidies for their workers .", "Obama", true},
	} {
		d := x.Analyze(tc.text)
		got := false
		var names []string
		for _, p := range d.Persons {
			if !p.Dropped {
				names = append(names, p.Name)
				got = got || p.Name == tc.person
			}
		}
		if got != tc.want {
			t.Errorf("%q: person %q: %v, want %v (persons %q)", tc.text, tc.person, got, tc.want, names)
		}
	}
}

// TestKnownArmedGroups checks that a known armed group the tagger missed
// ("Hezbollah guerrillas fired", at the start of a sentence), read as a
// person ("a deal with Boko Haram") or as an adjective ("ISIS shelling")
// is an organisation mention, and so a possible attacker.
func TestKnownArmedGroups(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct{ text, name string }{
		{"Hezbollah guerrillas fired a barrage of rockets into northern Israel on Sunday.", "Hezbollah"},
		{"Taliban militants fired three rockets into Kabul late Wednesday, police said.", "Taliban"},
		// the tagger reads these as persons
		{"Local sources said their release was part of a prisoner swap with the Nigerian government, but the authorities denied doing a deal with Boko Haram.", "Boko Haram"},
		{"On April 11 the General Staff of the Armed Forces of the Russian Federation announced that the Turkish regime still supports Jabhat al-Nusra terrorist organization and provides it with weapons and terrorists.", "Jabhat al-Nusra"},
		// and this as an adjective (MISC)
		{"State TV said two people were wounded in ISIS shelling on the nearby town of Salamiyeh.", "ISIS"},
	} {
		if !hasMention(x.Analyze(tc.text), tc.name, newsgraph.ORG) {
			t.Errorf("%q: no ORG mention %q", tc.text, tc.name)
		}
	}
}

// TestArmedGroupNames checks rule "a known armed group's name": the
// tagger reads "Islamic" of "Islamic State" as an adjective and leaves
// "State" out; written as a name, the group is one organisation mention
// and no mention of another type or length covers part of it. Written as
// common words ("an Islamic state") it is none.
func TestArmedGroupNames(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, name string
		want       bool
	}{
		{"Islamic State claimed responsibility for the bombing in Baghdad.", "Islamic State", true},
		// the tagger's adjective span gives way; a longer name that holds
		// the group's stays whole
		{"Islamic State claimed responsibility for the bombing in Baghdad.", "Islamic", false},
		{"The Islamic Jihad Union claimed the attack.", "Islamic Jihad Union", true},
		{"The Islamic Jihad Union claimed the attack.", "Islamic Jihad", false},
		{"The hardline Sunni militant group Islamic State claimed responsibility for the bombing.", "Islamic State", true},
		{"He wants an Islamic state governed by religious law.", "Islamic state", false},
		// any run of spaces between the words; no indefinite article (a
		// headline's Title Case)
		{"Islamic  State claimed responsibility for the bombing in Baghdad.", "Islamic  State", true},
		{"Erdogan Will Never Allow An Islamic State In Iraq\n\nTurkey's president spoke on Monday.", "Islamic State", false},
		{"An Islamic State affiliate claimed responsibility for the bombing in Kabul.", "Islamic State", true},
	} {
		typ := newsgraph.ORG // a mention wanted is an organisation; one not wanted is none of any type
		if !tc.want {
			typ = ""
		}
		if found := hasMention(x.Analyze(tc.text), tc.name, typ); found != tc.want {
			t.Errorf("%q: mention %q found %v, want %v", tc.text, tc.name, found, tc.want)
		}
	}
}

// TestArticleNames checks rule "a name that opens with 'The' is no
// person's" on the spans a tagger may give: the article's span is no
// person, a name without it stays one.
func TestArticleNames(t *testing.T) {
	d := Segment("The North says it wants a missile, Donald Trump said.")
	spans := []span{{0, 2, newsgraph.PER}, {8, 10, newsgraph.PER}}
	if d.Tokens[0].Text != "The" || d.Tokens[8].Text != "Donald" {
		t.Fatalf("tokens: %q ... %q", d.Tokens[0].Text, d.Tokens[8].Text)
	}
	articleNames(d, spans)
	if spans[0].typ != newsgraph.MISC {
		t.Errorf("%q: %s, want MISC", "The North", spans[0].typ)
	}
	if spans[1].typ != newsgraph.PER {
		t.Errorf("%q: %s, want PER", "Donald Trump", spans[1].typ)
	}
}

// TestHeadlineVerbNames is rule "a headline's verb is no part of a name" on
// the spans a tagger may give in Title Case headlines.
func TestHeadlineVerbNames(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text   string
		b      int    // the tagger's person span is tokens [0, b)
		want   string // the span after the rule, "" if no person is left
		wantOK bool
	}{
		{"Will Brett Kavanaugh Be Confirmed?", 3, "Brett Kavanaugh", true},
		{"Does John Kerry Know What He Is Doing?", 3, "John Kerry", true},
		{"Will Smith Arrives At The Premiere", 2, "Will Smith", true},
		{"Will Tanner, a former adviser", 2, "Will Tanner", true},
		// not a headline: the name stays whole
		{"Will Jacob Smith arrived in Paris on Monday.", 3, "Will Jacob Smith", true},
		{"Do I Look Like A Fool?", 2, "", false},
		{"Donald Trump Speaks", 2, "Donald Trump", true},
	}
	for _, tt := range tests {
		d := Segment(tt.text)
		spans := []span{{0, tt.b, newsgraph.PER}}
		x.headlineVerbNames(d, spans)
		sp := spans[0]
		got, ok := d.Span(d.Tokens[sp.a].Start, d.Tokens[sp.b-1].End), sp.typ == newsgraph.PER
		if ok != tt.wantOK || ok && got != tt.want {
			t.Errorf("%q: %q person %v, want %q person %v", tt.text, got, ok, tt.want, tt.wantOK)
		}
	}
}

// TestOpeningWords is rule "a sentence's opening word is no first name" on
// the person spans a tagger may give.
func TestOpeningWords(t *testing.T) {
	x := testExtractor(t)
	tests := []struct {
		text string
		a, b int    // the tagger's person span
		want string // the span after the rule
	}{
		// a function word, also after an opening quote
		{"So Duncan offered the states a deal.", 0, 2, "Duncan"},
		{"“Although Duncan voted for it, he regrets it,” she said.", 1, 3, "Duncan"},
		// a common word the article also writes in lower case
		{"Maybe Duncan took the deal. Or maybe he did not.", 0, 2, "Duncan"},
		// a given name, a title, a word the article never writes in lower
		// case, a word inside the sentence: the span stays
		{"Barack Obama took the deal. Or maybe he did not.", 0, 2, "Barack Obama"},
		{"Bill Duncan signed the bill.", 0, 2, "Bill Duncan"},
		{"Senator Duncan took the deal. The senator maybe did not.", 0, 2, "Senator Duncan"},
		{"Maybe Duncan took the deal.", 0, 2, "Maybe Duncan"},
		{"He said Maybe Duncan took the deal, or maybe not.", 2, 4, "Maybe Duncan"},
		// nothing known is left after the word
		{"So Xyzzy offered the states a deal, so to speak.", 0, 2, "So Xyzzy"},
	}
	for _, tt := range tests {
		d := Segment(tt.text)
		spans := []span{{tt.a, tt.b, newsgraph.PER}}
		x.openingWords(d, spans)
		sp := spans[0]
		if got := d.Span(d.Tokens[sp.a].Start, d.Tokens[sp.b-1].End); got != tt.want {
			t.Errorf("%q: %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestKeyOfPlainWords checks that the gazetteer's shortcut for plain
// forms (plainWords: words of letters and digits, single spaces) gives
// the key and token count that tokenizing gives, and that forms the
// tokenizer would split otherwise take the long way.
func TestKeyOfPlainWords(t *testing.T) {
	for _, tc := range []struct {
		form  string
		plain bool
	}{
		{"Paris", true}, {"Ho Chi Minh City", true}, {"São Paulo", true}, {"Zürich 2", true},
		{"St. Louis", false}, {"Guinea-Bissau", false}, {"Côte d'Ivoire", false}, {"U.S.", false},
		{" Lagos", false}, {"Lagos ", false}, {"New  York", false}, {"", false}, {"Bosnia and Herzegovina", true},
	} {
		rs := []rune(tc.form)
		toks := tokenize(rs)
		parts := make([]string, len(toks))
		for i, tk := range toks {
			parts[i] = string(rs[tk.Start:tk.End])
		}
		want := strings.Join(parts, " ")
		k, n := keyOf(tc.form)
		if k != want || n != len(parts) {
			t.Errorf("keyOf(%q) = %q, %d; tokenizing gives %q, %d", tc.form, k, n, want, len(parts))
		}
		if _, ok := plainWords(tc.form); ok != tc.plain {
			t.Errorf("plainWords(%q) = %v, want %v", tc.form, ok, tc.plain)
		}
	}
}

// TestGazFlagsCapsNames checks the shortcut of gazFlags: with every given
// name and surname capitalised, a word that is not gets the flags it would
// get from looking it up.
func TestGazFlagsCapsNames(t *testing.T) {
	x := testExtractor(t)
	if !x.gaz.capsNames {
		t.Skip("a given name or surname is not capitalised: no shortcut")
	}
	ws := strings.Fields("john Smith JOHN smith mary-jane o'brien ÉMILE émile said the van der Berg de Gaulle 1990 ( )")
	fast := x.gazFlags(ws)
	x2 := *x
	g := *x.gaz
	g.capsNames = false
	x2.gaz = &g
	slow := x2.gazFlags(ws)
	for i := range ws {
		if fast[i] != slow[i] {
			t.Errorf("%q: flags %x, looked up %x", ws[i], fast[i], slow[i])
		}
	}
}

// TestGivenSurname checks the test of rule "given name + surname": two
// one-word person spans one space apart join when the first is a given
// name and the second a surname ("Theresa" + "May").
func TestGivenSurname(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"Theresa May", true},
		{"Trump Putin", false},  // no given name first
		{"Theresa  May", false}, // not one space apart
	} {
		d := x.Analyze(tc.text)
		n := len(d.Tokens)
		if got := x.givenSurname(d, span{0, 1, newsgraph.PER}, span{n - 1, n, newsgraph.PER}); got != tc.want {
			t.Errorf("%q: givenSurname %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestGenerations checks rule "generations": a name with a generational
// suffix is another person than the same name without it, and a lone
// surname goes to the one without, or to the son when he alone has it
// (the first sentences from a Reuters report).
func TestGenerations(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("The special counsel investigating possible collusion between President Donald Trump’s 2016 campaign and Russia has asked White House officials to preserve any records. " +
		"Special counsel Robert Mueller said the June 2016 meeting that Donald Trump Jr. had at Trump Tower in New York is relevant to his investigation. " +
		"Trump has long expressed frustration with a probe that he has called a political witch hunt.")
	byName := map[string]int{}
	for i, p := range d.Persons {
		byName[p.Name] = i
	}
	father, ok1 := byName["Donald Trump"]
	_, ok2 := byName["Donald Trump Jr."]
	if !ok1 || !ok2 {
		t.Fatalf("persons %v, want Donald Trump and Donald Trump Jr. apart", byName)
	}
	last := -1
	for _, m := range d.Mentions {
		if m.Text == "Trump" && m.Person >= 0 {
			last = m.Person
		}
	}
	if last != father {
		t.Errorf("the lone Trump is person %d, want Donald Trump (%d)", last, father)
	}
	// with only the son named in full, the lone surname is his
	d = x.Analyze("Dale Earnhardt Jr. won the race at Talladega on Sunday. " +
		"Earnhardt said the car had been fast all day.")
	son, lone := -1, -2
	for _, m := range d.Mentions {
		switch m.Text {
		case "Dale Earnhardt Jr.":
			son = m.Person
		case "Earnhardt":
			lone = m.Person
		}
	}
	if son < 0 || lone != son {
		t.Errorf("Dale Earnhardt Jr. is person %d and the lone Earnhardt %d, want one person (%v)", son, lone, d.Persons)
	}
}

// TestTitleGender checks rule "title gender": a lone surname with a
// gendered title is none of the full names of the other gender, and still
// the full name of its own (sentences from a news report).
func TestTitleGender(t *testing.T) {
	x := testExtractor(t)
	personOf := func(d *Doc, text string) string {
		for _, m := range d.Mentions {
			if m.Text == text && m.Person >= 0 {
				return d.Persons[m.Person].Name
			}
		}
		return ""
	}
	for _, tc := range []struct{ text, lone, want string }{
		{"Holder’s wife, obstetrician Sharon Malone, is reportedly very close with first lady Michelle Obama. " +
			"Daniel Klaidman notes that Mr. Obama and Holder have become good friends since they met at a dinner party in 2004.", "Obama", "Obama"},
		{"Holder’s wife, obstetrician Sharon Malone, is reportedly very close with first lady Michelle Obama. " +
			"Daniel Klaidman notes that Mrs. Obama and Holder have become good friends since they met at a dinner party in 2004.", "Obama", "Michelle Obama"},
		{"Holder’s wife, obstetrician Sharon Malone, is reportedly very close with first lady Michelle Obama. " +
			"Daniel Klaidman notes that Obama and Holder have become good friends since they met at a dinner party in 2004.", "Obama", "Michelle Obama"},
		// a given name alone splits no one: Lindsey is mostly a woman's
		{"Republican Sens . John McCain of Arizona , Lindsey Graham of South Carolina and others had criticized Mrs. Rice ’ s appearances on a series of Sunday talk shows after the Sept. 11 Benghazi attack .\n" +
			"“ I respect Ambassador Rice ’ s decision , ” Mr. Graham said in a statement .", "Graham", "Lindsey Graham"},
	} {
		d := x.Analyze(tc.text)
		if got := personOf(d, tc.lone); got != tc.want {
			t.Errorf("%q: the lone %s is %q, want %q (%v)", tc.text, tc.lone, got, tc.want, d.Persons)
		}
	}
}

// TestGenerationsTitle checks that rule "generations" reads titles: a
// lone surname with an office title is not the son's when no mention of
// his has one (the first sentences of a news report; TestGenerations has
// the untitled lone surname that is the son's).
func TestGenerationsTitle(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("President Trump 's eldest son , Donald Trump Jr. , admitted Sunday to meeting last summer with a Russian attorney because she `` might have information helpful to '' his father 's campaign . " +
		"The meeting was first reported by the New York Times and occurred just weeks after Trump secured the GOP nomination .")
	son, titled := -1, -1
	for _, m := range d.Mentions {
		switch {
		case m.Text == "Donald Trump Jr.":
			son = m.Person
		case m.Text == "Trump" && titled < 0:
			titled = m.Person
		}
	}
	if son < 0 || titled < 0 || titled == son {
		t.Errorf("the son is person %d and \"President Trump\" %d, want two persons (%v)", son, titled, d.Persons)
	}
	// the untitled lone "Trump" ("after Trump secured the GOP nomination")
	// is the father's too
	for _, m := range d.Mentions {
		if m.Text == "Trump" && m.Person >= 0 && m.Person != titled {
			t.Errorf("a lone Trump is %q, want the titled one's person", d.Persons[m.Person].Name)
		}
	}
}

// TestTitledName checks rule "title before a name" on the spans it is
// given: one word read as a place or an organisation after a person title
// is a person, not after a title that begins other names, nor a country
// (sentences from news reports).
func TestTitledName(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, word, typ string
		want            bool
	}{
		{"Trumka and other labor leaders met with President Obama and Vice President Biden at the White House in September .", "Obama", newsgraph.LOC, true},
		{"They hope that President Trump will have their backs , but they ’ re not counting on it .", "Trump", newsgraph.ORG, true},
		{"In 2016 , as in recent years , Millennials and Gen Xers were the most Democratic generations .", "Xers", newsgraph.LOC, false},
	} {
		d := x.Analyze(tc.text)
		k := slices.IndexFunc(d.Tokens, func(tk Token) bool { return tk.Text == tc.word })
		if k < 0 {
			t.Fatalf("%q: no token %q", tc.text, tc.word)
		}
		if got := titledName(d, span{k, k + 1, tc.typ}); got != tc.want {
			t.Errorf("%q: %s read as a place is a person: %v, want %v", tc.text, tc.word, got, tc.want)
		}
	}
}

// TestTitledNameElsewhere checks that a name a title introduced is that
// person where it stands alone too, and that a given name after a title
// is no such name (sentences from news reports).
func TestTitledNameElsewhere(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("They hope that President Trump will have their backs , but they ’ re not counting on it .\n" +
		"GOP leaders are urging their colleagues to put laser-like focus on their home states and constituents so even if Trump abandons or criticizes them ahead of the midterm elections , they ’ ll still be in a position to win .")
	// as the tagger reads it in most AllSides articles: an organisation
	var base []span
	for k, tk := range d.Tokens {
		if tk.Text == "Trump" {
			base = append(base, span{k, k + 1, newsgraph.ORG})
		}
	}
	n := 0
	spans, _ := x.ruleSpans(d, base)
	for _, sp := range spans {
		if d.Tokens[sp.a].Text == "Trump" && sp.typ == newsgraph.PER {
			n++
		}
	}
	if len(base) != 2 || n != 2 {
		t.Errorf("%d of %d mentions of Trump read as an organisation are persons, want 2", n, len(base))
	}
	d = x.Analyze("In an uproarious trip to Europe , Trump harangued members of the NATO military alliance , scolded Germany for its dependence on Russian energy and shocked Britain by publicly criticizing Prime Minister Theresa May ’ s Brexit strategy .\n" +
		"Trump apologized to May for the furor over his withering public critique , blaming “ fake news ” and promising instead a bilateral trade agreement with Britain after it leaves the European Union in March .")
	for _, p := range d.Persons {
		if p.Name == "Theresa" {
			t.Errorf("a person named Theresa (%v), want Theresa May", d.Persons)
		}
	}
}

// TestRegnalNameElsewhere: the name before a regnal number stands for
// the king wherever it stands alone ("King Abdullah II ... Abdullah hosted",
// where the tagger reads a lone "Abdullah" as an organisation; sentences
// of an AFP report).
func TestRegnalNameElsewhere(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("Abbas had been due to hold talks with King Abdullah II after deadly clashes in the Gaza Strip .\n" +
		"Abdullah hosted Israeli Prime Minister Ehud Olmert during the latter 's surprise visit to Jordan last week .")
	var base []span
	lone := -1
	for k, tk := range d.Tokens {
		switch {
		case tk.Text == "King":
			base = append(base, span{k, k + 3, newsgraph.PER})
		case tk.Text == "Abdullah" && d.Tokens[k-1].Text != "King":
			lone = k
			base = append(base, span{k, k + 1, newsgraph.ORG})
		}
	}
	got := map[int]string{}
	spans, _ := x.ruleSpans(d, base)
	for _, sp := range spans {
		if sp.b-sp.a == 1 {
			got[sp.a] = sp.typ
		}
	}
	if lone < 0 || got[lone] != newsgraph.PER {
		t.Errorf("a lone Abdullah after King Abdullah II is %v, want a person", got[lone])
	}
}

// TestNamedAfter: a place's or an institution's name that begins with a
// surname of the article stays whole ("Trump Tower", "Sadr City", "the
// Clinton Foundation"); a headline's run of names is split at the surname
// (sentences of news reports).
func TestNamedAfter(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text, full, place string // the text, the full name and the place's name as the tagger read them
		person            bool   // whether the place's first word is then a person
	}{
		{"President Donald Trump 's son-in-law met with Russian Ambassador Sergey Kislyak at Trump Tower in December .", "Donald Trump", "Trump Tower", false},
		{"Moqtada al-Sadr spoke on Friday .\nA car bomb exploded in Sadr City on Thursday .", "Moqtada al-Sadr", "Sadr City", false},
		{"Bush has four people on his taxpayer-funded staff , while Bill Clinton has 10 , which has been roughly his staffing level for most of his post-presidency . That means that each earned about $ 9,600 a year , far from a living wage in Manhattan , where both the Clinton Foundation and Clinton 's personal office are located .", "Bill Clinton", "Clinton Foundation", false},
		{"Marco Rubio said on Friday that talks would go on .\nRubio Ukraine ceasefire talks stall", "Marco Rubio", "Rubio Ukraine", true},
	} {
		d := x.Analyze(tc.text)
		find := func(words string) int {
			ws := strings.Fields(words)
			for k := 0; k+len(ws) <= len(d.Tokens); k++ {
				match := true
				for i, w := range ws {
					match = match && d.Tokens[k+i].Text == w
				}
				if match {
					return k
				}
			}
			return -1
		}
		full, at := find(tc.full), find(tc.place)
		if full < 0 || at < 0 {
			t.Fatalf("%q: no %q or %q to read", tc.text, tc.full, tc.place)
		}
		n := len(strings.Fields(tc.place))
		base := []span{{full, full + len(strings.Fields(tc.full)), newsgraph.PER}, {at, at + n, newsgraph.LOC}}
		got := false
		spans, _ := x.ruleSpans(d, base)
		for _, sp := range spans {
			got = got || sp.a == at && sp.b == at+1 && sp.typ == newsgraph.PER
		}
		if got != tc.person {
			t.Errorf("%q: %q of %q read as a person: %v, want %v", tc.text, d.Tokens[at].Text, tc.place, got, tc.person)
		}
	}
}

// TestPronounNoSurname: a pronoun is no lone surname, though a full name
// ends in it ("Liu He ... He and British Prime Minister Boris Johnson";
// sentences from news reports).
func TestPronounNoSurname(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("Treasury Secretary Steve Mnuchin told reporters that Chinese Vice Premier Liu He had called for talks to resume when Trump pressed him for details during a bilateral meeting .\n" +
		"He and British Prime Minister Boris Johnson also discussed the broad contours of a bilateral trade deal once the United Kingdom leaves the European Union .")
	for _, m := range d.Mentions {
		if m.Text == "He" && m.Type == newsgraph.PER {
			t.Errorf("the pronoun He is a person mention (%v)", d.Persons)
		}
	}
	found := false
	for _, p := range d.Persons {
		found = found || p.Name == "Liu He"
	}
	if !found {
		t.Errorf("Liu He not found: %v", d.Persons)
	}
}

// TestHeadlineRole checks that a role read from a headline in capitals
// ("KING FAHD") does not become the person's role when the body spells it
// ("King"), and that a headline alone gives none.
func TestHeadlineRole(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct{ text, name, role string }{
		{"KING FAHD ARRIVES IN LONDON FOR TALKS\n\nKing Fahd of Saudi Arabia arrived in London on Monday.", "King Fahd", "King"},
		{"Talks in London\n\nPrime Minister Margaret Thatcher met King Fahd on Monday.", "Margaret Thatcher", "Prime Minister"},
	} {
		d := x.Analyze(tc.text)
		found := false
		for _, p := range d.Persons {
			if p.Name == tc.name {
				found = true
				if p.Role != tc.role {
					t.Errorf("%q: %s's role %q, want %q", tc.text, p.Name, p.Role, tc.role)
				}
			}
		}
		if !found {
			t.Errorf("%q: no person %s in %v", tc.text, tc.name, d.Persons)
		}
	}
}

// TestGenerationSuffix checks rule "a generation suffix" on sentences of a
// Reuters report (dev pool 45): the tagger read "Trump Jr." as a company
// and the rules above made a person of "Trump" alone, which rule
// "generations" then gave the father; the person's span runs over the
// suffix, whatever it was tagged. A suffix alone is no name ("Trump, Jr.
// said": the tagger's "Jr.").
func TestGenerationSuffix(t *testing.T) {
	x := testExtractor(t)
	d := x.Analyze("Emails made public earlier this year by Trump Jr. showed that a publicist for the son of one of his father’s Russian business contacts helped introduce Veselnitskaya and advised him that she and her associates had “sensitive” information that could damage Clinton.")
	var base []span
	at := -1
	for k, tk := range d.Tokens {
		switch tk.Text {
		case "Trump":
			at = k
			base = append(base, span{k, k + 1, newsgraph.PER})
		case "Jr.":
			base = append(base, span{k, k + 1, newsgraph.ORG})
		}
	}
	spans, _ := x.ruleSpans(d, base)
	found := false
	for _, sp := range spans {
		if sp.a == at {
			found = true
			if sp.b != at+2 || sp.typ != newsgraph.PER {
				t.Errorf("Trump Jr. is span %+v, want a person of two tokens from %d", sp, at)
			}
		}
	}
	if !found {
		t.Errorf("no span at Trump among %+v", spans)
	}
	d = x.Analyze("In a statement issued after meeting with the Senate Judiciary Committee on Sept. 7, Trump, Jr. said Goldstone and Veselnitskaya were in a conference room with him as well as Kaveladze and a translator.")
	for _, p := range d.Persons {
		if p.Name == "Jr." {
			t.Errorf("a person named %q", p.Name)
		}
	}
}

package extract

import (
	"strings"
	"testing"
)

// TestArticleCountry: rule "a place of the article's country" and the
// gazetteer's regions. Real sentences of dev pools 40-47 and of the AllSides
// articles.
func TestArticleCountry(t *testing.T) {
	x := testExtractor(t)
	cases := []struct {
		text, place, want string
	}{
		// a region of its sentence, or a larger place that owns it
		{"In addition to the blast that injured 29 people in Manhattan's Chelsea neighborhood on Saturday, an unexploded pressure cooker bomb was found blocks away, and a pipe bomb exploded in a New Jersey shore town before a charity race.", "Chelsea", "US"},
		{"He was discovered and captured in Linden, New Jersey, not far from his last known address in Elizabeth.", "Linden", "US"},
		{"Among those prosecuted by Jones when he was a U.S. attorney in Alabama were two former Ku Klux Klan members for their involvement in a 1963 church bombing in Birmingham that killed four girls.", "Birmingham", "US"},
		{"The event was was the final tribute for Brown, who was honored on Thursday at the famed Apollo Theater in New York's Harlem neighborhood, and at a private ceremony relatives held in Augusta on Friday.", "Harlem", "US"},
		{"Trump recalled his visit earlier this year to a plant in Lima , Ohio , where M1A1 Abrams tanks are refurbished .", "Lima", "US"},
		{"On a sun-speckled , tree-lined street on a sunny Sunday afternoon , Ahmaud Arbery ran through his neighborhood in the coastal town of Brunswick , Georgia .", "Brunswick", "US"},
		{"Michael Pan , a policy analyst in Alexandria , Va. , said he doesn ’ t have much money but donates to Mr. Sanders whenever something the Vermont senator says resonates with him—which has happened nearly 300 times , FEC records show .", "Alexandria", "US"},
		{"Investigators said the brothers , ethnic Chechens who lived in Cambridge , Mass. , were Muslims and recently gravitated to a radical strain of Islam , even posting anti-American and jihadist videos on social media sites .", "Cambridge", "US"},
		// the most populous place stays: a hamlet beside it, a city of
		// its sentence
		{"Birmingham academies Park View and\n\nNansen Primary - rated inadequate by Ofsted - will have their funding agreements terminated.", "Birmingham", "GB"},
		{`Annan, in a statement issued in Geneva before he returned to New York after a 24-hour visit, called on an "all parties to stop fighting and allow the unimpeded delivery of humanitarian assistance to the civilian population caught in the conflict.`, "Geneva", "CH"},
		{"Led by U.S . Ambassador to the U.N. Nikki Haley – and strongly supported by U.S. diplomats in Geneva , New York , Washington and around the world – America has engaged bilaterally and multilaterally to promote reforms to address anti-Israel bias , membership quality , and other reforms to streamline the work and improve the efficiency of the Human Rights Council .", "Geneva", "CH"},
		{"South of the Arizona border in the Mexican town of Nogales , many of the deportees who were eating breakfast Monday at a dining room run by a nonprofit group had been picked up in the U.S. far from the border .", "Nogales", "MX"},
		{"`` They struck in Paris and Copenhagen recently , and now in Texas .", "Paris", "FR"},
		{"Corey Wright , a 25-year-old American from Ohio , in London as a tourist , sees the visit in a similar light .", "London", "GB"},
		{"The assets listed in the 20-page document include more than $ 56 million in cash ; properties in New York , Florida , Paris , New Mexico and the Virgin Islands ; $ 18.", "Paris", "FR"},
		// rule "continents": no Philippine town
		{"In his first trip to Asia as secretary of state , Kerry visited South Korean and Chinese leaders amid growing tension over North Korea .", "Asia", ""},
		// a US state outranks a foreign town of its name
		{"Young, college-educated and minority voters formed the backbone of Obama's majority in 2008, helping to put once reliably Republican states like Virginia and North Carolina in the Democratic column and shore up the battered incumbent in swing states like Ohio and Florida in 2012.", "Florida", "US"},
		{"Mark Whitaker remembers walking by the 30-foot-tall Confederate monument in Portsmouth, Virginia, when he was a kid.", "Virginia", "US"},
		{"Mark Whitaker remembers walking by the 30-foot-tall Confederate monument in Portsmouth, Virginia, when he was a kid.", "Portsmouth", "US"},
	}
	// a state is no small town that a person's name may run into (rule
	// "Aung San"): "in Florida George W. Bush won" names Bush
	d := x.Analyze("Suffice to say that in Florida George W. Bush won by 537 votes and with it won in the Electoral College .")
	bush := false
	for _, p := range d.Persons {
		bush = bush || p.Name == "George W. Bush"
	}
	if !bush {
		t.Errorf("no person George W. Bush among %+v", d.Persons)
	}
	for _, tc := range cases {
		d := x.Analyze(tc.text)
		got, found := "", false
		for _, p := range d.Places {
			if p.Name == tc.place {
				got, found = p.Country, true
			}
		}
		if !found {
			t.Errorf("%q: no place %s among %+v", tc.text, tc.place, d.Places)
			continue
		}
		if got != tc.want {
			t.Errorf("%q: %s in %s, want %s", tc.text, tc.place, got, tc.want)
		}
	}
}

// TestCommaForm: rule "a place's comma form". The tagger reads
// "Washington, D.C." as one place, which the gazetteer knows without the
// comma (sentences of pool 43's AllSides articles, and one in the spaced
// form of the AllSides corpus).
func TestCommaForm(t *testing.T) {
	x := testExtractor(t)
	for _, text := range []string{
		"They characterized him as a vulgar, power-smitten opportunist aiming to ride Christie's coattails to Washington, D.C., at a time when Christie, about to easily win re-election in his heavily Democratic state, was seen as a top presidential hopeful.",
		`"What Donald Trump said was a hoax is that bureaucrats in Washington, D.C., can control the climate of the earth and the reality is that this climate change agenda that Barack Obama and Hillary Clinton want to continue to expand is killing jobs in this country," he said.`,
		"For the second consecutive year , President Donald Trump vilified the American press at a campaign-style rally orchestrated to effectively counterprogram an annual dinner in Washington , D.C. , celebrating the work of White House journalists .",
	} {
		d := x.Analyze(text)
		found := false
		for _, p := range d.Places {
			if strings.Contains(p.Name, ",") {
				t.Errorf("%q: place %q keeps its comma", text, p.Name)
			}
			if p.Name == "Washington D.C." {
				found = true
				if p.Country != "US" {
					t.Errorf("%q: Washington D.C. in %q, want US", text, p.Country)
				}
			}
		}
		if !found {
			t.Errorf("%q: no place Washington D.C. among %+v", text, d.Places)
		}
	}
}

// TestStateLabel: rule "a state's abbreviation". A state's AP abbreviation,
// after a town and a comma or in a lawmaker's party label, is no place of
// its own; the town keeps its place (sentences of AllSides stories in the
// corpus's spacing).
func TestStateLabel(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct{ text, label, place string }{
		{"Michael Pan , a policy analyst in Alexandria , Va. , said he doesn ’ t have much money but donates to Mr. Sanders whenever something the Vermont senator says resonates with him—which has happened nearly 300 times , FEC records show .", "Va", "Alexandria"},
		{"Barr and key Republicans in the Senate , including the chairman of the Senate Judiciary Committee , Sen. Lindsey Graham , R-S.C. , say they want answers to questions about how and why decisions were made in 2016 .", "S.C.", ""},
	} {
		d := x.Analyze(tc.text)
		found := tc.place == ""
		for _, p := range d.Places {
			if strings.Contains(strings.ToLower(p.Name), strings.ToLower(strings.TrimSuffix(tc.label, "."))) {
				t.Errorf("%q: %q is a place", tc.text, p.Name)
			}
			if p.Name == tc.place {
				found = true
				if p.Country != "US" {
					t.Errorf("%q: %s in %q, want US", tc.text, p.Name, p.Country)
				}
			}
		}
		if !found {
			t.Errorf("%q: no place %s among %+v", tc.text, tc.place, d.Places)
		}
	}
}

// TestHyphenRegion: a region of no country inside a hyphenated word
// ("Asia-Pacific") is no country mention (rule "continents" made "Asia"
// such a region; a Xinhua sentence of pool 42).
func TestHyphenRegion(t *testing.T) {
	x := testExtractor(t)
	text := "Abe congratulated Vietnam for successfully organizing the 14th APEC (Asia-Pacific Economic Cooperation) Economic Leaders' Meeting on Saturday and Sunday and attaining World Trade Organization membership."
	d := x.Analyze(text)
	vn := false
	for _, c := range d.Countries {
		if c.Code == "" {
			t.Errorf("%q: a country mention with no code at %d-%d (%s)", text, c.Start, c.End, c.Kind)
		}
		vn = vn || c.Code == "VN"
	}
	if !vn {
		t.Errorf("%q: Vietnam not among %+v", text, d.Countries)
	}
}

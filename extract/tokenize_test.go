package extract

import (
	"strings"
	"testing"
)

// TestReadReplaced is rule "replacement character": a U+FFFD left by a
// wrong decoding is read as the quote mark or apostrophe it stood for,
// while the text (and so the evidence) keeps it.
func TestReadReplaced(t *testing.T) {
	tests := []struct {
		text string
		want []string // the tokens as read
	}{
		{"President Donald Trump\uFFFDs son-in-law", []string{"President", "Donald", "Trump", "’s", "son-in-law"}},
		{"Mr Kim didn\uFFFDt go", []string{"Mr", "Kim", "did", "n’t", "go"}},
		{"to certify Jones\uFFFD win", []string{"to", "certify", "Jones", "’", "win"}},
		{"he said: \uFFFDWe will.\uFFFD", []string{"he", "said", ":", "“", "We", "will", ".", "”"}},
		{"(\uFFFDThe Apprentice\uFFFD)", []string{"(", "“", "The", "Apprentice", "”", ")"}},
		// not an apostrophe: a closing quote after a plural before a capital,
		// or before a lower-case word while a quote is open
		{"the \uFFFDsons\uFFFD Trump", []string{"the", "“", "sons", "”", "Trump"}},
		{"called them \uFFFDlosers\uFFFD and left", []string{"called", "them", "“", "losers", "”", "and", "left"}},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q read as %q, want %q", tt.text, got, tt.want)
		}
		if d.Text != tt.text || string(d.Runes) != tt.text {
			t.Errorf("%q: the text changed to %q", tt.text, string(d.Runes))
		}
	}
	// a closing quote read from U+FFFD ends the sentence as "”" does
	d := newDoc("They have now done so.\uFFFD Cummings said the informant met Copson.")
	if len(d.Sentences) != 2 || d.SentenceText(1) != "Cummings said the informant met Copson." {
		t.Errorf("sentences %d, second %q", len(d.Sentences), d.SentenceText(len(d.Sentences)-1))
	}
	// text without U+FFFD is read as it is, without a copy
	rs := []rune("Trump’s “son-in-law”")
	if got := readReplaced(rs); &got[0] != &rs[0] {
		t.Error("readReplaced copied text that holds no U+FFFD")
	}
}

// TestPhotoCredit is rule "photo credit": a photographer's name joined to a
// news agency by a slash names no one in the story; a poll's "Reuters/Ipsos"
// and a name that is not a credit stay.
func TestPhotoCredit(t *testing.T) {
	tests := []skipCase{
		{"shows the meeting of Kim Jong-un and Xi Jinping, March 28, 2018. ( Kim Hong-Ji/Reuters )", "Kim Hong-Ji"},
		{"President Donald Trump speaks in the Oval Office. REUTERS/Kevin Lamarque", "Kevin Lamarque"},
		{"Senator Ron Johnson arrives at the Capitol. Aaron P. Bernstein/Reuters", "Aaron P. Bernstein"},
		{"according to a Reuters/Ipsos poll released on Tuesday", ""},
		{"Jonathan Ernst of Reuters took the picture", ""},
		{"President Donald Trump meets Kim Jong Un at Panmunjom in June. | Susan Walsh/AP Photo", "Susan Walsh"},
		{"President Donald Trump meets with Qatar 's Emir Sheikh Tamim Bin Hamad Al-Thani in the Oval Office of the White House , Tuesday , July 9 , 2019 , in Washington . ( AP Photo/Evan Vucci )", "Evan Vucci"},
		{"( AP Photo/Jae C. Hong )", "Jae C. Hong"},
		// not credits: a headline and a caption running into the text
		{"Reuters/Ipsos Poll Shows Joe Biden Leading", ""},
		{"A view of Kabul. REUTERS/Mohammad Ismail Afghan President Ashraf Ghani said", ""},
	}
	checkSkipped(t, tests)
}

// TestHeadlineByline is rule "headline byline": a wire story's first line
// that ends with "by" and a name the story never names again ends with
// its writer's byline (AFP, April 1997); a name the story goes on about,
// a "by" in the body and a "by" before lower-case words stay.
func TestHeadlineByline(t *testing.T) {
	checkSkipped(t, []skipCase{
		{"Lee wins assurance of Clinton support in Hong Kong handover by Gretchen Cook\n\nHong Kong democrat Martin Lee won an assurance of support from President Bill Clinton.", "by Gretchen Cook"},
		{"US holds tete-a-tete with North Korea by Carole Landry\n\nUS and North Korean officials met in New York.", "by Carole Landry"},
		{"Cook criticised by Tony Blair\n\nPrime Minister Tony Blair said Cook had gone too far, and Blair will meet him.", ""},
		{"Talks end\n\nThe statement was read out by Gretchen Cook\n\nShe took no questions.", ""},
		{"Talks to end by late evening\n\nThe minister said the talks would end soon.", ""},
		{"Ceasefire signed by Lebanon\n\nThe ceasefire holds.", ""},
		// a Title Case headline, a past participle, the surname again in
		// another case or inside a hyphenated word, blank lines first
		{"Obama Stands By Benghazi Response\n\nThe president defended his record.", ""},
		{"Reform bill passed by Tony Blair\n\nThe prime minister said the bill would pass.", ""},
		{"Plans for reform by Tony Blair\n\nThe BLAIR government said the plans would pass.", ""},
		{"Plans for reform by Tony Blair\n\nThe Blair-era plans would pass.", ""},
		{"\n\nLee wins assurance of Clinton support in Hong Kong handover by Gretchen Cook\n\nHong Kong democrat Martin Lee won an assurance.", "by Gretchen Cook"},
	})
}

// TestSplitGlued is rule "glued link text": a name run into the link text
// after it is cut where its own word ends; names written with an inner
// capital keep their shape. The texts are from AllSides articles (The
// Hill's link cards) and wire copy.
func TestSplitGlued(t *testing.T) {
	tests := []struct {
		text string
		want string // the tokens, joined by |
	}{
		{"Deputy Attorney General Rod Rosenstein Rod RosensteinDemocrats ask judge to force McGahn",
			"Deputy|Attorney|General|Rod|Rosenstein|Rod|Rosenstein|Democrats|ask|judge|to|force|McGahn"},
		{"Charles Schumer Charles ( Chuck ) Ellis SchumerOvernight Health Care :",
			"Charles|Schumer|Charles|(|Chuck|)|Ellis|Schumer|Overnight|Health|Care|:"},
		{"Donald Trump said. Donald John TrumpTrumpDem wins", "Donald|Trump|said|.|Donald|John|Trump|Trump|Dem|wins"},
		// the first part is short, or no word of the text
		{"LeBron James met Ron DeSantis at McDonald's", "LeBron|James|met|Ron|DeSantis|at|McDonald|'s"},
		{"WikiLeaks founder Julian Assange and BioNTech", "WikiLeaks|founder|Julian|Assange|and|BioNTech"},
		{"Black said BlackRock would", "Black|said|BlackRock|would"},
		{"Chris Cillizza (@CillizzaCNN) January 11", "Chris|Cillizza|(|@|CillizzaCNN|)|January|11"},
		{"Sen. Jon Tester Jonathan ( Jon ) TesterPelosi says", "Sen.|Jon|Tester|Jonathan|(|Jon|)|Tester|Pelosi|says"},
		// no name before the word
		{"Author Stephen Harper signed with HarperCollins", "Author|Stephen|Harper|signed|with|HarperCollins"},
		{"the Kennedy Space Center. Engineers from SpaceX", "the|Kennedy|Space|Center|.|Engineers|from|SpaceX"},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		var got []string
		for _, tk := range d.Tokens {
			got = append(got, tk.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("%q read as %s, want %s", tt.text, g, tt.want)
		}
	}
}

// TestLinkCard is rule "link card": from the name repeated in full to the
// "MORE" link, a web page's card on a person is boilerplate; with no
// "MORE" on the line, only the cut is made.
func TestLinkCard(t *testing.T) {
	tests := []skipCase{
		{"Gowdy met with FBI Director Christopher Wray , Deputy Attorney General Rod Rosenstein Rod RosensteinDemocrats ask judge to force McGahn to comply with subpoena MORE and other officials .",
			"Rod Rosenstein Democrats ask judge to force McGahn to comply with subpoena MORE"},
		{"Senate Minority Leader Charles Schumer Charles ( Chuck ) Ellis SchumerOvernight Health Care : Trump officials making changes MORE said on Tuesday .",
			"Charles ( Chuck ) Ellis Schumer Overnight Health Care : Trump officials making changes MORE"},
		{"Deputy Attorney General Rod Rosenstein Rod RosensteinDemocrats ask judge to force McGahn .", ""},
		// the card starts after the surname in the cut word's own sentence:
		// none there, no card (and "said" is kept)
		{"Donald Trump said. Donald John TrumpTrumpDem wins MORE today", ""},
	}
	checkSkipped(t, tests)
}

// TestFollowPrompt checks that a social-media prompt closing a line is
// boilerplate (from an Al Jazeera article), and that "Follow" in prose is
// not.
func TestFollowPrompt(t *testing.T) {
	tests := []skipCase{
		{"“We could see an escalating war,” he told Al Jazeera.          Follow Al Jazeera English:\n", "Follow Al Jazeera English :"},
		{"Follow Al Jazeera English:", "Follow Al Jazeera English :"},
		{"Follow Reuters on Twitter:\nThe talks went on.", "Follow Reuters on Twitter :"},
		{"Follow John Smith: he said the talks went on.", ""},
	}
	checkSkipped(t, tests)
}

// skipCase is a text and its tokens marked as boilerplate, joined by
// spaces.
type skipCase struct{ text, skipped string }

// checkSkipped checks the boilerplate tokens of each case.
func checkSkipped(t *testing.T, cases []skipCase) {
	t.Helper()
	for _, tt := range cases {
		if got := skippedText(tt.text); got != tt.skipped {
			t.Errorf("%q: skipped %q, want %q", tt.text, got, tt.skipped)
		}
	}
}

// skippedText returns the tokens of text marked as boilerplate, joined by
// spaces.
func skippedText(text string) string {
	var got []string
	for _, tk := range newDoc(text).Tokens {
		if tk.Skip {
			got = append(got, tk.Text)
		}
	}
	return strings.Join(got, " ")
}

// TestRuneCursor: token texts are cut from one string by code point
// offsets, read forward, with a restart for an offset behind the cursor.
func TestRuneCursor(t *testing.T) {
	s := "Zelenskyy’s aide — “Yermak” met Łukaszenka"
	rs := []rune(s)
	var c runeCursor
	for _, sp := range [][2]int{{0, 9}, {9, 11}, {12, 15}, {13, 14}, {19, 20}, {20, 26}, {22, 24}, {12, 15}, {32, len(rs)}, {0, 0}, {len(rs), len(rs)}} {
		if got, want := c.slice(s, sp[0], sp[1]), string(rs[sp[0]:sp[1]]); got != want {
			t.Errorf("slice(%d, %d) = %q, want %q", sp[0], sp[1], got, want)
		}
	}
}

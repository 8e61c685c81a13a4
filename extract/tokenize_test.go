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
	tests := []struct {
		text    string
		skipped string // the tokens skipped, joined by spaces
	}{
		{"shows the meeting of Kim Jong-un and Xi Jinping, March 28, 2018. ( Kim Hong-Ji/Reuters )", "Kim Hong-Ji"},
		{"President Donald Trump speaks in the Oval Office. REUTERS/Kevin Lamarque", "Kevin Lamarque"},
		{"Senator Ron Johnson arrives at the Capitol. Aaron P. Bernstein/Reuters", "Aaron P. Bernstein"},
		{"according to a Reuters/Ipsos poll released on Tuesday", ""},
		{"Jonathan Ernst of Reuters took the picture", ""},
		{"President Donald Trump meets Kim Jong Un at Panmunjom in June. | Susan Walsh/AP Photo", "Susan Walsh"},
		// not credits: a headline and a caption running into the text
		{"Reuters/Ipsos Poll Shows Joe Biden Leading", ""},
		{"A view of Kabul. REUTERS/Mohammad Ismail Afghan President Ashraf Ghani said", ""},
	}
	for _, tt := range tests {
		d := newDoc(tt.text)
		var got []string
		for _, tk := range d.Tokens {
			if tk.Skip {
				got = append(got, tk.Text)
			}
		}
		if strings.Join(got, " ") != tt.skipped {
			t.Errorf("%q: skipped %q, want %q", tt.text, got, tt.skipped)
		}
	}
}

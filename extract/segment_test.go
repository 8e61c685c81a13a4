package extract_test

import (
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

// TestSentenceEnds checks where the splitter ends sentences: "||" marks
// each end inside the text.
func TestSentenceEnds(t *testing.T) {
	tests := []string{
		// a stop before a capitalised word, an opening quote or a digit
		`The talks ended. || They resume on Monday.`,
		`The talks ended. || "We will meet again," he said.`,
		`The talks ended. || 2024 was a hard year.`,
		// a straight quote right after the stop closes the quotation: the
		// sentence ends after it, not before
		`He said: "The talks ended." || They resume on Monday.`,
		`"Don't be profitable." || It's not quite as free.`,
		// abbreviations, initials, and a list item's number
		`Mr. Smith met Gen. Lee in the U.S. capital.`,
		`The meeting is on Wed. Oct. 4 in Paris.`,
		"Steps:\n|| 1. Open the box.\n|| 2. Take the parts out.",
		`See http://www.example.com/story.asp?StoryID=16473 for more.`,
		`The court ruled in Hamdan v. Rumsfeld on Thursday.`,
		// a person title after a hyphenated prefix (from news reports)
		`Accompanying MacArthur were two other future World War II heroes , then-Maj. Eisenhower and then-Maj. George S. Patton .`,
		`He was already well into his presidential campaign , running alongside then-Sen. Hillary Clinton at the front of the polls . || He lost .`,
		// but a hyphenated word that ends a sentence still ends it
		`It was a last-minute deal. || They signed it on Monday.`,
		`Did they meet? || Nobody knows.`,
		// a number at the end of a sentence still ends it
		`The score was 3. || The home side lost.`,
		// rule "a bullet opens a sentence" (a Reuters timeline as the ISOT
		// corpus holds it, an AllSides story in its corpus's spacing); a
		// star between lower-case words marks emphasis, not an item
		`22: A “very senior member” of the Trump transition team directs Flynn to contact officials from foreign governments, including Russia, to learn where each country stands on the resolution and to influence them to delay the vote or defeat the resolution. || * On the same day, Flynn contacts Russia’s ambassador to the United States about the pending vote.`,
		"Officials won ’ t release her from the Texas state prison until she completes a six-month program focused on decision-making . || * But she hasn ’ t been able to finish the program because , after waitlists and other delays , classes normally taught in person were suspended due to coronavirus , says Lewis ’ s sister , Temeka Hildreth .",
		"The June 2016 massacre at the Orlando Pulse nightclub inspired the creation of Gays Against Guns , or GAG , which colors its activism with sexual irreverence , and the Pride Fund , a PAC that describes itself as “ America ’ s only LGBTQ organization solely focused on gun policy reform. ” || * After the shooting at Sandy Hook Elementary School in Newtown , Connecticut , mothers founded Moms Demand Action for Gun Sense in America , informed by the successes of Mothers Against Drunk Driving .",
		"Broward just said they were actually 2 minutes late so their first total will count , * not * the recount .",
		"“ This along with record low interest rates means it ’ s the right time for a worker-led , mass investment in green infrastructure to save our planet . * cough * , ” Ocasio-Cortez tweeted .",
	}
	for _, want := range tests {
		text := strings.ReplaceAll(want, "|| ", "")
		rs := []rune(text)
		var got strings.Builder
		prev := 0
		for i, s := range extract.Segment(text).Sentences {
			if i > 0 {
				got.WriteString(string(rs[prev:s.Start]) + "|| ")
			}
			got.WriteString(string(rs[s.Start:s.End]))
			prev = s.End
		}
		if got.String() != want {
			t.Errorf("Segment(%q)\n got %s\nwant %s", text, got.String(), want)
		}
	}
}

package extract

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestDelegationRule checks rule "delegation" on the texts it must and
// must not match: which pairs of persons it makes trips of. It tests the
// mechanism, not quality.
func TestDelegationRule(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text string
		want [][2]string // trips of the rule, in any order
		to   string      // the destination of every trip
	}{
		// leaders and members told over two sentences
		{"Treasury Secretary Henry Paulson will lead a delegation to Beijing next month. Commerce Secretary Carlos Gutierrez and Labor Secretary Elaine Chao will also join the delegation.",
			[][2]string{{"Henry Paulson", "Carlos Gutierrez"}, {"Henry Paulson", "Elaine Chao"}, {"Carlos Gutierrez", "Elaine Chao"}}, "Beijing"},
		// a headline's team, the story's team of the same leaders, the
		// story's delegation: one delegation, with the headline's
		// destination
		{"Paulson, Bernanke to lead U.S. team to Beijing\n\nTreasury Secretary Henry Paulson and Federal Reserve Chairman Ben Bernanke will lead a high-level U.S. team next month. Commerce Secretary Carlos Gutierrez will also join the delegation.",
			[][2]string{{"Henry Paulson", "Ben Bernanke"}, {"Henry Paulson", "Carlos Gutierrez"}, {"Ben Bernanke", "Carlos Gutierrez"}}, "Beijing"},
		// a team that a later sentence calls the delegation
		{"Treasury Secretary Henry Paulson will lead a high-level U.S. team next month. Commerce Secretary Carlos Gutierrez will also join the delegation, the department said.",
			[][2]string{{"Henry Paulson", "Carlos Gutierrez"}}, ""},
		// a list of titled names ending in "and", however parsed
		{"Commerce Secretary Carlos Gutierrez, Trade Representative Susan Schwab and Health and Human Services Secretary Mike Leavitt will join the delegation led by Henry Paulson.",
			[][2]string{{"Carlos Gutierrez", "Susan Schwab"}, {"Carlos Gutierrez", "Mike Leavitt"}, {"Carlos Gutierrez", "Henry Paulson"}, {"Susan Schwab", "Mike Leavitt"}, {"Susan Schwab", "Henry Paulson"}, {"Mike Leavitt", "Henry Paulson"}}, ""},
		// co-leaders: a list of titled names, passive, a participle, a subject
		{"Treasury Secretary Henry Paulson and Federal Reserve Chairman Ben Bernanke will lead a delegation to Beijing.",
			[][2]string{{"Ben Bernanke", "Henry Paulson"}}, "Beijing"},
		{"The delegation is headed by Fusae Ota and Keiji Yamada.", [][2]string{{"Fusae Ota", "Keiji Yamada"}}, ""},
		{"Zaire's government delegation, led by Foreign Minister Kamanda wa Kamanda and special envoy Honore Ngbanda Nzambo, made opening speeches.",
			[][2]string{{"Kamanda wa Kamanda", "Honore Ngbanda Nzambo"}}, ""},
		{"Education Secretary Margaret Spellings and Assistant Secretary of State Dina Powell headed a delegation of university presidents on a visit to China.",
			[][2]string{{"Margaret Spellings", "Dina Powell"}}, "China"},
		// members of a delegation that travels; an apposition
		{"Joe Biden will lead the delegation. Christopher Hill, a member of the delegation, arrived on Sunday.", [][2]string{{"Joe Biden", "Christopher Hill"}}, ""},
		{"A delegation including Fei Junlong and Nie Haisheng arrived in Hong Kong on Sunday.", [][2]string{{"Fei Junlong", "Nie Haisheng"}}, "Hong Kong"},
		// a state's members of Congress who travel
		{"A congressional delegation led by Senator Jeff Merkley and Senator Ed Markey arrived in Yangon on Monday.", [][2]string{{"Jeff Merkley", "Ed Markey"}}, "Yangon"},
		// must not match: several delegations; members of Congress who go
		// nowhere; the heads of two sides; a team in a game; a negated
		// join; a possessive pronoun
		{"Delegations led by Maria Silveira and Fernando Dias dos Santos began discussions.", nil, ""},
		{"The state's congressional delegation, including Senator Ron Wyden and Senator Jeff Merkley, backed the bill.", nil, ""},
		{"The Alaska delegation, led by Senator Lisa Murkowski and Representative Don Young, opposed the plan.", nil, ""},
		{"Kim Gye-gwan, head of the North Korean delegation, met Christopher Hill, head of the U.S. delegation.", nil, ""},
		{"Kim Gye-gwan will lead the North Korean delegation. Christopher Hill, a member of the U.S. delegation, arrived on Sunday.", nil, ""},
		{"Sasae Kenichiro, head of the delegation, said Japan was ready. Song Il-ho, head of the delegation, said the talks would go on.", nil, ""},
		{"Captain Angelina Grun and Birgit Thumm led the Germany team.", nil, ""},
		{"Joe Biden will lead the delegation. John Kerry will not join the delegation.", nil, ""},
		{"The delegation was led by Christopher Hill, and Kim Gye-gwan said the talks were useful.", nil, ""},
		{"At the invitation of Chinese Premier Wen Jiabao, Russian Prime Minister Mikhail Fradkov led a delegation to Beijing.", nil, ""},
		{"The delegation was led by Mikhail Fradkov, Premier Wen Jiabao said.", nil, ""},
		{"President Vladimir Putin was away, so William Burns and his delegation met aides.", nil, ""},
	} {
		f := x.Extract(newsgraph.Article{ID: "t", Text: tc.text, Published: "2024-03-04"})
		var got [][2]string
		for _, tr := range f.TraveledWith {
			if tr.Rule != "travel/delegation" {
				continue
			}
			got = append(got, pairOf(tr.A, tr.B))
			if tr.To != tc.to {
				t.Errorf("%q: trip %s-%s to %q, want %q", tc.text, tr.A, tr.B, tr.To, tc.to)
			}
		}
		var want [][2]string
		for _, p := range tc.want {
			want = append(want, pairOf(p[0], p[1]))
		}
		slices.SortFunc(got, cmpPair)
		slices.SortFunc(want, cmpPair)
		if !slices.Equal(got, want) {
			t.Errorf("%q: delegation trips %q, want %q", tc.text, got, tc.want)
		}
	}
}

func cmpPair(a, b [2]string) int { return strings.Compare(a[0]+"\x00"+a[1], b[0]+"\x00"+b[1]) }

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
		{"Joe Biden will lead the delegation. Assistant Secretary of State Christopher Hill, a member of the delegation, arrived on Sunday.", [][2]string{{"Joe Biden", "Christopher Hill"}}, ""},
		{"A delegation including Fei Junlong and Nie Haisheng arrived in Hong Kong on Sunday.", [][2]string{{"Fei Junlong", "Nie Haisheng"}}, "Hong Kong"},
		// a state's members of Congress who travel
		{"A congressional delegation led by Senator Jeff Merkley and Senator Ed Markey arrived in Yangon on Monday.", [][2]string{{"Jeff Merkley", "Ed Markey"}}, "Yangon"},
		// a possessor leads when no one else does; one delegation's
		// destination, from a verb of travel, the place left aside; a
		// group told before, then its journey in a sentence of no one
		{"U.S. envoy Christopher Hill led a delegation to Beijing on Monday. Deputy envoy Joseph DeTrani, a member of the U.S. delegation, said the talks were useful.",
			[][2]string{{"Christopher Hill", "Joseph DeTrani"}}, "Beijing"},
		{"The delegation, led by Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai, arrived on a visit to China on Monday.",
			[][2]string{{"Li Zhaoxing", "Bo Xilai"}}, "China"},
		{"Assistant Secretary of State Christopher Hill led a delegation to Seoul in March. In June, Christopher Hill and Ambassador Sung Kim led another delegation.",
			[][2]string{{"Christopher Hill", "Sung Kim"}}, ""},
		// whose delegation it is is not said to go with it
		{"Russian President Vladimir Putin's delegation to Istanbul includes aide Vladimir Medinsky and Deputy Foreign Minister Mikhail Galuzin.",
			[][2]string{{"Vladimir Medinsky", "Mikhail Galuzin"}}, "Istanbul"},
		{"The delegation, led by Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai, left Beijing for Washington on Monday.",
			[][2]string{{"Li Zhaoxing", "Bo Xilai"}}, "Washington"},
		{"Members of the delegation include Foreign Minister Li Zhaoxing and Commerce Minister Bo Xilai. The delegation visited Washington on Monday.",
			[][2]string{{"Li Zhaoxing", "Bo Xilai"}}, "Washington"},
		{"Assistant Secretary of State Christopher Hill led a delegation to Seoul in March. In June, Christopher Hill and Sung Kim led a delegation to Pyongyang.",
			[][2]string{{"Christopher Hill", "Sung Kim"}}, "Pyongyang"},
		// a name compounded with a title is whose the title is
		{"Russian President Vladimir Putin will not attend the talks. A Russian delegation led by Putin aide Yuri Ushakov and envoy Kirill Dmitriev arrived in Riyadh on Monday.",
			[][2]string{{"Yuri Ushakov", "Kirill Dmitriev"}}, "Riyadh"},
		// a team's owner is none of it
		{"Donald Trump's legal team, including Rudy Giuliani and Jenna Ellis, arrived in Atlanta.",
			[][2]string{{"Rudy Giuliani", "Jenna Ellis"}}, "Atlanta"},
		// must not match: a possessor beside the leader, a team's owner;
		// another country's delegation; an apposition's head and who is
		// joined to it; the other side of talks; a meeting of a delegation;
		// negated membership or travel
		{"Volodymyr Zelensky's delegation, led by Rustem Umerov, arrived in Miami on Sunday.", nil, ""},
		{"Donald Trump's legal team, led by Rudy Giuliani, arrived in Atlanta.", nil, ""},
		{"Assistant Secretary of State Christopher Hill led a delegation to Beijing on Monday. Ri Gun, a member of the North Korean delegation, told reporters the talks were useful.", nil, ""},
		{"Assistant Secretary of State Christopher Hill and Vice Foreign Minister Kim Gye-gwan, head of the delegation, met for two hours on Tuesday.", nil, ""},
		{"U.S. envoy Christopher Hill led a delegation to Beijing on Monday. North Korean Vice Foreign Minister Ri Gun, a member of the delegation, said the talks were useful.", nil, ""},
		{"Critics say Russian President Vladimir Putin's entourage, including Defense Minister Sergei Shoigu and businessman Gennady Timchenko, has grown rich.", nil, ""},
		{"The delegation was led by Assistant Secretary of State Christopher Hill and spokesman Sean McCormack said the talks were useful.", nil, ""},
		{"The talks between a U.S. delegation led by Assistant Secretary of State Christopher Hill and North Korean Vice Foreign Minister Kim Gye-gwan lasted six hours.", nil, ""},
		{"The talks between a delegation led by Assistant Secretary of State Christopher Hill and Vice Foreign Minister Kim Gye-gwan lasted six hours.", nil, ""},
		{"Assistant Secretary of State Christopher Hill led the U.S. delegation to Beijing. North Korean Vice Foreign Minister Ri Gun, a member of the delegation, said the talks were useful.", nil, ""},
		{"The U.S. delegation led by Treasury Secretary Henry Paulson and Vice Premier Wu Yi's team held two days of talks in Beijing.", nil, ""},
		{"Kim Gye-gwan will lead the North Korean delegation. U.S. envoy Christopher Hill and the North Korean delegation met for six hours on Tuesday.", nil, ""},
		{"Vice Foreign Minister Kim Gye-gwan will lead the delegation. Assistant Secretary of State Christopher Hill and the delegation met for six hours on Tuesday.", nil, ""},
		{"Joe Biden will lead the delegation to Brasilia. John Kerry was not part of the delegation.", nil, ""},
		{"A delegation including Fei Junlong and Nie Haisheng did not travel to Hong Kong because of the storm.", nil, ""},
		// must not match: several delegations; members of Congress who go
		// nowhere; the heads of two sides; a team in a game; a negated
		// join; a possessive pronoun
		{"Delegations led by Maria Silveira and Fernando Dias dos Santos began discussions.", nil, ""},
		{"The state's congressional delegation, led by Senator Ron Wyden, includes Senator Jeff Merkley.", nil, ""},
		{"The Alaska delegation, led by Senator Lisa Murkowski and Representative Don Young, opposed the plan.", nil, ""},
		{"Kim Gye-gwan, head of the North Korean delegation, met Christopher Hill, head of the U.S. delegation.", nil, ""},
		{"Kim Gye-gwan will lead the North Korean delegation. U.S. envoy Christopher Hill, a member of the U.S. delegation, arrived on Sunday.", nil, ""},
		{"Sasae Kenichiro, head of the delegation, said Japan was ready. Song Il-ho, head of the delegation, said the talks would go on.", nil, ""},
		{"Captain Angelina Grun and Birgit Thumm led the Germany team.", nil, ""},
		{"Joe Biden will lead the delegation. John Kerry will not join the delegation.", nil, ""},
		{"The delegation was led by Assistant Secretary of State Christopher Hill, and Kim Gye-gwan said the talks were useful.", nil, ""},
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

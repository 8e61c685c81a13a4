package extract

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph"
)

// TestSquadList checks rule "a squad list" on real news (a Daily Mail match
// preview and an AFP match report, a New York Times film review, an
// AllSides byline and a Politico newsletter with lists of names in
// brackets): a line-up whose items one name of the article anchors makes
// each item a person, a substitute's bracket too ("Motta (Xavi 61)"); a
// bracket of characters or parties ("Bernie Mac (Dollar Bill)",
// "(R-Calif.)") names no one, nor does a short list's last item.
func TestSquadList(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		text      string
		want, not []string
	}{
		{"Craig Dawson brings down Manchester City's Wilfried Bony which earned him a retrospective red card for West Brom after Gareth McAuley (left) was mistakenly dismissed for the challenge\n\nProvisional squad:\n\nMyhill, Rose, Gamboa, Pocognoli, Wisdom, Lescott, Dawson, Olsson, McAuley, Baird, Brunt, Morrison, Fletcher, Yacob, Gardner, Sessegnon, Berahino, Anichebe, Ideye.",
			[]string{"Myhill", "Rose", "Gamboa", "Wisdom", "Fletcher", "Ideye"}, nil},
		{"Barcelona: Victor Valdes, Motta (Xavi 61), Rafael Marquez, Carlos Puyol (capt), Eidur Gudjohnsen (Ezquerro 66), Ludovic Giuly (Belletti 74), Ronaldinho, Gianluca Zambrotta, Giovanni van Bronckhorst, Deco, Andres Iniesta",
			[]string{"Motta", "Xavi", "Ezquerro", "Belletti", "Ronaldinho", "Deco"}, []string{"capt"}},
		{"With: Bernie Mac (Dollar Bill), Monica Calhoun (Ebony), Jamie Foxx (Blue), A.J. Johnson (L'il Man), Ice Cube (Reggie), Alex Thomas (Clyde), Faizon Love (Peters), Charles Murphy (Brooklyn), Chrystale Wilson (Ronnie), Tracy Jones (Tina), Terence Howard (K.C.), Larry McCoy (St. Louis), Ronn Riser (Professor Mills), Dick Anthony Williams (Mr. Armstrong), Badja Djola (the Doctor), Tiny Lister (XL) and LisaRaye (Diamond).",
			[]string{"Bernie Mac", "LisaRaye"}, []string{"Dollar Bill", "Ebony", "Reggie", "Diamond"}},
		// a short list is a byline, not a line-up
		{"Sarah Bowen , Sinikka Elliott , and Joslyn Brenton , Politico",
			[]string{"Joslyn Brenton"}, []string{"Politico"}},
		{"Roster for the Members of Congress team: Reps. Duncan Hunter Jr. (R-Calif.), Darin LaHood (R-Ill.), Robert Dold (R-Ill.), David Rouzer (R-N.C.), Ryan Costello (R-Pa.), John Moolenaar (R-Mich.)",
			[]string{"Darin LaHood", "Robert Dold"}, []string{"R-Calif", "R-Ill", "R-Mich"}},
	} {
		f := x.Extract(newsgraph.Article{ID: "squad", Text: tc.text})
		var names []string
		for _, p := range f.Persons {
			names = append(names, p.Name)
			names = append(names, p.Aliases...)
		}
		for _, w := range tc.want {
			if !slices.Contains(names, w) {
				t.Errorf("%q: no person %q in %q", tc.text[:40], w, names)
			}
		}
		for _, w := range tc.not {
			if slices.Contains(names, w) {
				t.Errorf("%q: %q taken for a person", tc.text[:40], w)
			}
		}
	}
}

// TestSquadItems checks the reading of a line-up's items by itself on
// lines of real news (match reports, a newsletter, AllSides' political
// news and an RFC's acknowledgements): a label and a colon open it, a
// bracket with a minute is a substitute, initials alone are no item, and
// a line with any other word (a verb, a lower-case word, a country, a
// state) is no list.
func TestSquadItems(t *testing.T) {
	x := testExtractor(t)
	for _, tc := range []struct {
		line string
		want []string
	}{
		{"Myhill, Rose, Gamboa, Pocognoli, Wisdom.", []string{"Myhill", "Rose", "Gamboa", "Pocognoli", "Wisdom"}},
		{"Hanbury, Owens, Phelps, Marsh, Flynn, Brown, Mellor, Cahill, Clarke, Gerrard, Galea, Tickle, Leuluai.",
			[]string{"Hanbury", "Owens", "Phelps", "Marsh", "Flynn", "Brown", "Mellor", "Cahill", "Clarke", "Gerrard", "Galea", "Tickle", "Leuluai"}},
		{"Barcelona: Victor Valdes, Motta (Xavi 61), Carlos Puyol (capt), Deco", []string{"Victor Valdes", "Motta", "Xavi", "Carlos Puyol", "Deco"}},
		{"South Africa: Graeme Smith (c), AB de Villiers, Jacques Rudolph, Herschelle Gibbs", []string{"Graeme Smith", "AB de Villiers", "Jacques Rudolph", "Herschelle Gibbs"}},
		// a surname that is also a title inside ("King"); a title that a
		// sentence split left at the end ("Rev." of the next name) is none
		{"Schmeichel, Schwarzer, Hamer, Simpson, Moore, Upson, Wasilewski, Morgan, Huth, De Laet, Konchesky, King, Hammond.",
			[]string{"Schmeichel", "Schwarzer", "Hamer", "Simpson", "Moore", "Upson", "Wasilewski", "Morgan", "Huth", "De Laet", "Konchesky", "King", "Hammond"}},
		{"Clementa Pinckney , Sharonda Coleman-Singleton , Cynthia Hurd , Tywanza Sanders , Myra Thompson , Ethel Lee Lance , Rev",
			[]string{"Clementa Pinckney", "Sharonda Coleman-Singleton", "Cynthia Hurd", "Tywanza Sanders", "Myra Thompson", "Ethel Lee Lance"}},
		// no list: a verb ("Dawson is set to return"), a country, initials
		// alone, a word in lower case
		{"West Brom Craig Dawson is set to return for West Brom after serving a one-match ban.", nil},
		{"Kenny Bentley, Javier Diaz, Daniel Groeber, Bjarni Runar, J., Charles Schultz", nil},
		{"Colorado , Florida , Iowa , Minnesota , Nevada , New Mexico , North Carolina , Ohio , Pennsylvania , Virginia , and Wisconsin .", nil},
		{"Algeria , Cuba , Russia , and Saudi Arabia .", nil},
		{"Arkansas , Maryland , Mississippi , North Carolina , Pennsylvania , South Carolina , Tennessee , and Texas .", nil},
		{"Tom Rooney , Florida Republican , Trey Gowdy , South Carolina Republican ; Jim Himes , Connecticut Democrat ; and Terri Sewell , Alabama Democrat", nil},
		{"Will Hurd , R-Texas , and Pete Aguilar , D-Calif", nil},
		{"Contributing : Ryan Mills , Naples ( Fla. ) Daily News ; Melissa Montoya , Fort Myers ( Fla. ) News Press ; Doug Stanglin ; Associated Press", nil},
		{"the development of this protocol, including Kenny Bentley, Javier Diaz, Daniel Groeber, Bjarni Runar", nil},
	} {
		d := x.Analyze(tc.line)
		var got []string
		for _, it := range x.squadItems(d, d.Sentences[0]) {
			got = append(got, d.Span(d.Tokens[it.a].Start, d.Tokens[it.b-1].End))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: items %q, want %q", tc.line, got, tc.want)
		}
	}
}

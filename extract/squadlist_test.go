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
			[]string{"Bernie Mac", "LisaRaye"}, []string{"Dollar Bill", "Dollar", "Ebony", "Reggie", "Diamond"}},
		// a short list is a byline, not a line-up
		{"Sarah Bowen , Sinikka Elliott , and Joslyn Brenton , Politico",
			[]string{"Joslyn Brenton"}, []string{"Politico"}},
		{"Roster for the Members of Congress team: Reps. Duncan Hunter Jr. (R-Calif.), Darin LaHood (R-Ill.), Robert Dold (R-Ill.), David Rouzer (R-N.C.), Ryan Costello (R-Pa.), John Moolenaar (R-Mich.), Steve Scalise (R-La.), Tim Huelskamp (R-Kan.), Kevin McCarthy (R-Calif.), Cedric Richmond (D-La.), Jeff Denham (R-Calif.), Brad Wenstrup (R-Ohio), Mike Bishop (R-Mich.), David Valedao (R-Calif.), Carlos Curbelo (R-Fla.) and Sen. Jeff Flake (R-Ariz.).",
			[]string{"Darin LaHood", "Robert Dold"}, []string{"R-Calif", "R-Ill", "R-Mich"}},
		// a list of candidates: a region is no name, a full name the
		// tagger's (AllSides)
		{"To date , 17 other Democrats have declared their candidacy for president or launched presidential exploratory committees , including Sens . Bernie Sanders , Kirsten Gillibrand , Kamala Harris , Cory Booker and Elizabeth Warren ; Ohio Rep. Tim Ryan ; Hawaii Rep. Tulsi Gabbard ; Texas Rep. Beto O'Rourke ; and South Bend , Indiana , Mayor Pete Buttigieg .",
			[]string{"Kamala Harris", "Cory Booker"}, []string{"Indiana", "South Bend"}},
		// members of parliament and their constituencies: a place that is
		// no surname is no name (AllSides)
		{"Guto Bebb , Aberconwy Richard Benyon , Newbury Steve Brine , Winchester Alistair Burt , North East Bedfordshire Greg Clark , Tunbridge Wells Kenneth Clarke , Rushcliffe David Gauke , South West Hertfordshire Justine Greening , Putney Dominic Grieve , Beaconsfield Sam Gyimah , East Surrey Philip Hammond , Runnymede and Weybridge Stephen Hammond , Wimbledon Richard Harrington , Watford Margot James , Stourbridge Sir Oliver Letwin , West Dorset Anne Milton , Guildford Caroline Nokes , Romsey and Southampton North Antoinette Sandbach , Eddisbury Sir Nicholas Soames , Mid Sussex Rory Stewart , Penrith and The Border Edward Vaizey , Wantage",
			nil, []string{"Romsey", "Penrith"}},
		// a list of departments, one of them the tagger's "person"
		// (AllSides)
		{"Those departments are : Agriculture , Commerce , Homeland Security , Housing and Urban Development , Interior , Justice , State , Transportation and Treasury .",
			nil, []string{"Agriculture", "Commerce", "Interior", "Justice", "Treasury"}},
		// a list of values: no item is a person of the article
		{"They are : Respect , Belonging , Truth , Teamwork , Boldness , Responsibility , Substance , Discipline , Excellence , and Joy .",
			nil, []string{"Respect", "Belonging", "Truth", "Teamwork", "Joy"}},
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
// bracket with a minute is a substitute, "and" ends an item with or
// without a comma, a given name that is also a country's is a name,
// initials alone are no item, and a line with any other word (a verb, a
// lower-case word, a country, a state) is no list.
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
		// a last "and" without a comma; a given name that is also a
		// country's
		{"Justin Amash , Charlie Dent , Brian Fitzpatrick , Walter Jones , John Katko , Raul Labrador , Tom MacArthur , Thomas Massie and Tom McClintock .",
			[]string{"Justin Amash", "Charlie Dent", "Brian Fitzpatrick", "Walter Jones", "John Katko", "Raul Labrador", "Tom MacArthur", "Thomas Massie", "Tom McClintock"}},
		{"Liz Mathis , Jan Michelson , Chad Olsen , David Oman , Matt Paul", []string{"Liz Mathis", "Jan Michelson", "Chad Olsen", "David Oman", "Matt Paul"}},
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
		// the tokens as ruleSpans reads them: countries marked, names
		// not yet resolved ("Chad" of "Chad Olsen" still a country)
		d := newDoc(tc.line)
		x.markCountries(d)
		var got []string
		for _, it := range x.squadItems(d, d.Sentences[0]) {
			got = append(got, d.Span(d.Tokens[it.a].Start, d.Tokens[it.b-1].End))
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: items %q, want %q", tc.line, got, tc.want)
		}
	}
}

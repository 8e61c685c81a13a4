package extract

import (
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// CountryName gives the English name of an ISO 3166-1 alpha-2 code as
// the graph stores it: the CLDR display name, except for the former
// states that ISO 3166-3 retired (SU, DD, YU, CS), which CLDR names as
// their successors or not at all: for those, the first name the
// gazetteer (data/countries.tsv) lists. "" for a code neither knows.
func CountryName(code string) string {
	r, err := language.ParseRegion(code)
	if err != nil {
		return gazetteerNames()[code]
	}
	name := display.English.Regions().Name(r)
	if name == "" || r.Canonicalize() != r {
		if n := gazetteerNames()[code]; n != "" {
			return n
		}
	}
	return name
}

// gazetteerNames is the first name form of each code in countries.tsv.
var gazetteerNames = sync.OnceValue(func() map[string]string {
	names := map[string]string{}
	b, err := readData("countries.tsv")
	if err != nil {
		return names // the embedded file is there; New reports it otherwise
	}
	lines(b, func(f []string) {
		if len(f) == 3 && f[1] == "name" && names[f[0]] == "" {
			names[f[0]] = f[2]
		}
	})
	return names
})

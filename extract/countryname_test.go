package extract_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func TestCountryName(t *testing.T) {
	for code, want := range map[string]string{
		"US": "United States", "UA": "Ukraine", "GB": "United Kingdom", "XK": "Kosovo",
		// retired states: CLDR has none (SU, YU, CS) or their successor (DD)
		"SU": "Soviet Union", "DD": "East Germany", "YU": "Yugoslavia", "CS": "Czechoslovakia",
		"1X": "",
	} {
		if got := extract.CountryName(code); got != want {
			t.Errorf("CountryName(%q) = %q, want %q", code, got, want)
		}
	}
}

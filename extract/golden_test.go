package extract_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden extracts each testdata/golden/*.txt and compares the facts
// with the .json next to it. Run with -update to rewrite them, then review
// the diff.
func TestGolden(t *testing.T) {
	x := extractor(t)
	forEachInput(t, filepath.Join("testdata", "golden"), func(t *testing.T, name, text, golden string) {
		checkGolden(t, golden, x.Extract(newsgraph.Article{ID: name, Text: text}))
	})
}

// forEachInput runs f as a subtest for every dir/*.txt (articles written
// for the tests), with its name, its text and the path of its golden file.
func forEachInput(t *testing.T, dir string, f func(t *testing.T, name, text, golden string)) {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no inputs in %s: %v", dir, err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			f(t, name, string(b), strings.TrimSuffix(file, ".txt")+".json")
		})
	}
}

// TestExpectations checks the facts the golden files must keep, so that a
// careless -update cannot bless a regression.
func TestExpectations(t *testing.T) {
	x := extractor(t)
	tests := []struct {
		file      string
		persons   map[string]string // name -> country ("" to skip)
		roles     map[string]string
		aliases   map[string][]string
		countries []string
		notCC     []string
		absent    []string // names that must not be persons
	}{
		{file: "titles", persons: map[string]string{"Olaf Scholz": "DE", "Narendra Modi": "IN", "Antony Blinken": "US"},
			roles:     map[string]string{"Olaf Scholz": "Chancellor", "Narendra Modi": "Prime Minister", "Antony Blinken": "Secretary of State"},
			aliases:   map[string][]string{"Olaf Scholz": {"Scholz"}, "Antony Blinken": {"Blinken"}},
			countries: []string{"DE", "IN", "US"}},
		{file: "metonymy", countries: []string{"RU", "US", "CN"}, notCC: []string{"FR", "IT"}},
		{file: "demonyms", countries: []string{"RU", "UA", "TR", "IR", "SU"}},
		{file: "surnames", persons: map[string]string{"George Bush": "", "Laura Bush": "", "Jean Chrétien": ""},
			aliases: map[string][]string{"George Bush": {"Bush"}, "Jean Chrétien": {"Chrétien"}}},
		{file: "nonascii", persons: map[string]string{"Emmanuel Macron": "FR", "Andrzej Duda": "PL", "Petr Fiala": "CZ", "François Bayrou": "", "Søren Møller": ""},
			countries: []string{"FR", "PL", "CZ", "DK"}},
		{file: "namesplit", persons: map[string]string{"Aung San Suu Kyi": "", "Nicolás Maduro": "", "Pete Hegseth": "US"},
			aliases:   map[string][]string{"Aung San Suu Kyi": {"Suu Kyi"}, "Nicolás Maduro": {"Maduro"}},
			countries: []string{"MM", "US"}, absent: []string{"Ain Issa", "Time Person", "Al Jazeera", "US Defense"}},
		{file: "capitalquote", countries: []string{"CN", "JP"}},
		{file: "wirename", persons: map[string]string{"Moshe Arad": "IL"}, aliases: map[string][]string{"Moshe Arad": {"Arad"}}},
		{file: "nationality", persons: map[string]string{"King Salman": "SA", "Sheikh Nawaf al-Ahmad": "KW", "Grant Shapps": "GB",
			"Leo Varadkar": "IE", "Kostas Skrekas": "GR", "Nikos Christodoulides": "CY", "Luis Almagro": "UY", "Michael Kurilla": "US",
			"Musalia Mudavadi": "KE"},
			roles: map[string]string{"Leo Varadkar": "Taoiseach", "Luis Almagro": "former foreign and defence minister"}},
		{file: "byline", persons: map[string]string{"Alexander De Croo": "BE"}, absent: []string{"John Smith", "Mary Jones", "Peter Brown"}},
		{file: "wire", persons: map[string]string{"Tayyip Erdogan": "TR", "Mohammed Shia al-Sudani": "IQ", "Alparslan Bayraktar": "TR"},
			aliases:   map[string][]string{"Mohammed Shia al-Sudani": {"Sudani"}},
			countries: []string{"TR", "IQ", "IR", "DE", "FR"}, absent: []string{"Huseyin Hayatsever", "Mark Heinrich"}},
		{file: "lebanon", persons: map[string]string{"Antonio Guterres": "", "Nabih Berri": "LB", "Amos Hochstein": "US"},
			countries: []string{"IL", "LB", "US"}},
		{file: "soviet", persons: map[string]string{"Mikhail Gorbachev": "SU", "Helmut Kohl": "DE", "George Shultz": ""},
			countries: []string{"SU", "US", "DE"}, notCC: []string{"RU", "CH"}},
		{file: "headline", persons: map[string]string{"Pope Francis": "", "Ayatollah Ali al-Sistani": "", "Mustafa al-Kadhimi": "IQ"},
			aliases:   map[string][]string{"Ayatollah Ali al-Sistani": {"Sistani"}, "Pope Francis": {"Francis"}},
			countries: []string{"IQ", "VA"}, absent: []string{"Visits", "Cleric"}},
		{file: "seed", persons: map[string]string{"Marco Rubio": "US", "Emmanuel Macron": "FR", "Vladimir Putin": "RU"},
			countries: []string{"US", "FR", "UA", "RU", "DE", "GB", "IR", "OM", "IT", "BE"}, absent: []string{"Omar Havana", "Anna Fadiah", "Hayu Andini"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			b, err := os.ReadFile(filepath.Join("testdata", "golden", tt.file+".txt"))
			if err != nil {
				t.Fatal(err)
			}
			f := x.Extract(newsgraph.Article{ID: tt.file, Text: string(b)})
			byName := map[string]newsgraph.Person{}
			for _, p := range f.Persons {
				byName[p.Name] = p
			}
			for name, cc := range tt.persons {
				p, ok := byName[name]
				if !ok {
					t.Errorf("person %q missing; got %v", name, f.Persons)
					continue
				}
				if cc != "" && p.Country != cc {
					t.Errorf("%s: country %q, want %q", name, p.Country, cc)
				}
			}
			for name, role := range tt.roles {
				if p := byName[name]; p.Role != role {
					t.Errorf("%s: role %q, want %q", name, p.Role, role)
				}
			}
			for name, als := range tt.aliases {
				for _, a := range als {
					found := false
					for _, g := range byName[name].Aliases {
						found = found || g == a
					}
					if !found {
						t.Errorf("%s: alias %q missing from %v", name, a, byName[name].Aliases)
					}
				}
			}
			cs := map[string]bool{}
			for _, c := range f.Countries {
				cs[c] = true
			}
			for _, c := range tt.countries {
				if !cs[c] {
					t.Errorf("country %s missing; got %v", c, f.Countries)
				}
			}
			for _, c := range tt.notCC {
				if cs[c] {
					t.Errorf("country %s should not be there (a city named as a place)", c)
				}
			}
			for _, n := range tt.absent {
				for _, p := range f.Persons {
					if strings.Contains(p.Name, n) {
						t.Errorf("%q is boilerplate, not a person", n)
					}
				}
			}
		})
	}
}

// checkGolden compares v, as indented JSON, with the golden file, or
// rewrites the file under -update (review the diff before committing).
func checkGolden(t *testing.T, golden string, v any) {
	t.Helper()
	got, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (run go test -run %s -update and review the diff):\n%s", golden, t.Name(), got)
	}
}

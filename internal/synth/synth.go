// Package synth writes realistic synthetic news articles for benchmarks
// and load tests: varied people, countries, cities, meetings, travel and
// strikes in the sentence patterns real wire copy uses. Output is a pure
// function of the seed.
package synth

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

type country struct {
	code, name, adj, capital string
	cities                   []string
}

var countries = []country{
	{"US", "the United States", "US", "Washington", []string{"New York", "Chicago", "Houston"}},
	{"FR", "France", "French", "Paris", []string{"Lyon", "Marseille", "Toulouse"}},
	{"DE", "Germany", "German", "Berlin", []string{"Hamburg", "Munich", "Frankfurt"}},
	{"GB", "Britain", "British", "London", []string{"Manchester", "Birmingham", "Glasgow"}},
	{"RU", "Russia", "Russian", "Moscow", []string{"Saint Petersburg", "Kazan", "Novosibirsk"}},
	{"UA", "Ukraine", "Ukrainian", "Kyiv", []string{"Kharkiv", "Odesa", "Dnipro", "Lviv", "Sumy"}},
	{"CN", "China", "Chinese", "Beijing", []string{"Shanghai", "Guangzhou", "Wuhan"}},
	{"JP", "Japan", "Japanese", "Tokyo", []string{"Osaka", "Nagoya", "Sapporo"}},
	{"IN", "India", "Indian", "New Delhi", []string{"Mumbai", "Bangalore", "Chennai"}},
	{"BR", "Brazil", "Brazilian", "Brasilia", []string{"Sao Paulo", "Rio de Janeiro", "Salvador"}},
	{"TR", "Turkey", "Turkish", "Ankara", []string{"Istanbul", "Izmir", "Bursa"}},
	{"IL", "Israel", "Israeli", "Jerusalem", []string{"Tel Aviv", "Haifa", "Eilat"}},
	{"IR", "Iran", "Iranian", "Tehran", []string{"Isfahan", "Shiraz", "Tabriz"}},
	{"SY", "Syria", "Syrian", "Damascus", []string{"Aleppo", "Homs", "Idlib"}},
	{"IQ", "Iraq", "Iraqi", "Baghdad", []string{"Mosul", "Basra", "Erbil"}},
	{"EG", "Egypt", "Egyptian", "Cairo", []string{"Alexandria", "Giza", "Luxor"}},
	{"IT", "Italy", "Italian", "Rome", []string{"Milan", "Naples", "Turin"}},
	{"PL", "Poland", "Polish", "Warsaw", []string{"Krakow", "Gdansk", "Wroclaw"}},
	{"SA", "Saudi Arabia", "Saudi", "Riyadh", []string{"Jeddah", "Mecca", "Dammam"}},
	{"KE", "Kenya", "Kenyan", "Nairobi", []string{"Mombasa", "Kisumu", "Nakuru"}},
}

var given = strings.Fields(`James Maria Ahmed Olga Pierre Yuki Carlos Fatima Ivan Anna Li Mehmet
Sarah David Elena Hans Amira Kenji Lucia Omar Ingrid Pedro Natalia Ali Sophie Raj Chen Mikhail
Grace Luis Ayesha Tomas Leila Marco Hiroshi Irina Jean Daniel Noura Viktor Emma Samuel Priya`)

var surnames = strings.Fields(`Smith Dubois Muller Ivanov Tanaka Silva Kaya Cohen Rahimi Haddad
Rossi Kowalski Otieno Chen Sharma Petrov Bernard Schmidt Nakamura Santos Yilmaz Levi Karimi
Mansour Bianchi Nowak Wanjiru Wang Patel Sokolov Laurent Weber Sato Costa Demir Mizrahi Tehrani
Farouk Romano Zielinski Kamau Zhang Gupta Volkov Moreau Fischer Kobayashi Oliveira Arslan Peretz`)

var roles = []string{"Foreign Minister", "Defence Minister", "President", "Prime Minister",
	"Finance Minister", "envoy", "Interior Minister", "Trade Minister"}

var weapons = []struct{ phrase, kind string }{
	{"missiles", "missile"}, {"drones", "drone"}, {"air strikes", "airstrike"},
	{"artillery shells", "artillery"}, {"rockets", "rocket"},
}

var numbers = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "12", "15", "21"}

var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var filler = []string{
	"Officials said the talks covered trade, energy and regional security.",
	"Analysts said the visit signalled a shift in the region's diplomacy.",
	"The ministry did not give further details.",
	"Markets in the region were little changed on the news.",
	"Diplomats described the atmosphere as constructive but cautious.",
	"Critics at home said the government had offered too much too soon.",
	"The two sides agreed to keep in close contact in the coming weeks.",
	"Humanitarian groups called for safe corridors for civilians.",
}

type person struct {
	name string
	c    country
	role string
}

// Article is one generated article.
type Article struct {
	ID   string
	Text string
}

// Generator produces articles from a population of people, deterministically.
type Generator struct {
	rng    *rand.Rand
	people []person
}

// New returns a generator whose output is a function of seed. The
// population has `people` persons spread over the countries (so that
// names recur across articles, as in real news).
func New(seed uint64, people int) *Generator {
	g := &Generator{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
	seen := map[string]bool{}
	for len(g.people) < people {
		n := given[g.rng.IntN(len(given))] + " " + surnames[g.rng.IntN(len(surnames))]
		if seen[n] {
			if len(seen) >= len(given)*len(surnames) {
				break
			}
			continue
		}
		seen[n] = true
		g.people = append(g.people, person{n, countries[g.rng.IntN(len(countries))], roles[g.rng.IntN(len(roles))]})
	}
	return g
}

func (g *Generator) pick() person { return g.people[g.rng.IntN(len(g.people))] }

func (g *Generator) other(p person) person {
	for {
		q := g.pick()
		if q.name != p.name {
			return q
		}
	}
}

func surname(p person) string { return p.name[strings.LastIndexByte(p.name, ' ')+1:] }

// Article returns the i-th article: a title, a blank line, and paragraphs
// with a meeting, often a second planned one, sometimes travel together
// and a strike, among filler sentences.
func (g *Generator) Article(i int) Article {
	a, b := g.pick(), g.pick()
	b = g.other(a)
	place := b.c.capital
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s meets %s in %s\n\n", surname(a), surname(b), place)
	fmt.Fprintf(&sb, "%s %s %s met %s %s %s in %s on %s, as the two governments sought to ease tensions over %s.\n\n",
		a.c.adj, a.role, a.name, b.c.adj, b.role, b.name, place, days[g.rng.IntN(len(days))], countries[g.rng.IntN(len(countries))].name)
	if g.rng.IntN(3) == 0 {
		c := g.other(a)
		fmt.Fprintf(&sb, "%s arrived in %s alongside %s, the %s %s.\n\n", surname(a), place, c.name, c.c.adj, c.role)
	}
	sb.WriteString(filler[g.rng.IntN(len(filler))] + " " + filler[g.rng.IntN(len(filler))] + "\n\n")
	if g.rng.IntN(2) == 0 {
		c, d := g.pick(), g.pick()
		d = g.other(c)
		fmt.Fprintf(&sb, "Separately, %s %s %s is due to meet %s %s in %s next week.\n\n",
			c.c.adj, c.role, c.name, d.c.adj, d.name, d.c.capital)
	}
	if g.rng.IntN(2) == 0 {
		att := countries[g.rng.IntN(len(countries))]
		tgt := countries[g.rng.IntN(len(countries))]
		city := tgt.cities[g.rng.IntN(len(tgt.cities))]
		w := weapons[g.rng.IntN(len(weapons))]
		fmt.Fprintf(&sb, "On %s night, %s %s struck %s, killing %s civilians, officials said.\n\n",
			days[g.rng.IntN(len(days))], att.adj, w.phrase, city, numbers[g.rng.IntN(len(numbers))])
	}
	fmt.Fprintf(&sb, "%s told reporters after the meeting that %s remained committed to dialogue. ", surname(a), a.c.name)
	sb.WriteString(filler[g.rng.IntN(len(filler))] + " " + filler[g.rng.IntN(len(filler))] + "\n\n")
	for range 2 + g.rng.IntN(3) {
		sb.WriteString(filler[g.rng.IntN(len(filler))] + " " + filler[g.rng.IntN(len(filler))] + " " + filler[g.rng.IntN(len(filler))] + "\n\n")
	}
	return Article{ID: fmt.Sprintf("synth-%07d", i), Text: sb.String()}
}

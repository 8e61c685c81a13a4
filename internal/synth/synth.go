// Package synth writes realistic synthetic news articles for benchmarks
// and load tests: varied people, countries, cities, meetings, travel and
// strikes in the sentence patterns real wire copy uses. Output is a pure
// function of the seed.
package synth

import (
	"fmt"
	"math"
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
	"The talks lasted more than three hours, longer than scheduled.",
	"Neither side took questions from reporters after the session.",
	"A joint statement is expected to be published later in the week.",
	"Opposition lawmakers demanded that the details of any agreement be made public.",
	"The central bank said it was watching the situation closely.",
	"Aid agencies warned that supplies of fuel and medicine were running low.",
	"The negotiations have stalled several times over the past year.",
	"Security was tight around the venue, with roads closed to traffic.",
	"Shares of energy companies rose slightly in early trading.",
	"The United Nations urged all parties to show restraint.",
	"Officials declined to say whether a date had been set for the next round.",
	"Local media reported that the meeting had been arranged at short notice.",
}

// Real articles run from a few hundred bytes to several kilobytes; the
// length of each is drawn from a log-normal around this median (the mean
// is about 2.2 KB), within the bounds.
const (
	medianBytes = 2100
	minBytes    = 700
	maxBytes    = 6000
)

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

// Article returns the i-th article: a title, a blank line, a lede with a
// meeting, then paragraphs until the article reaches its drawn length:
// further meetings (some planned), visits, travel together, strikes,
// quotes naming people and countries, and filler, as wire copy mixes them.
func (g *Generator) Article(i int) Article {
	a := g.pick()
	b := g.other(a)
	place := b.c.capital
	target := int(math.Exp(math.Log(medianBytes) + 0.35*g.rng.NormFloat64()))
	target = min(max(target, minBytes), maxBytes)
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s meets %s in %s\n\n", surname(a), surname(b), place)
	fmt.Fprintf(&sb, "%s %s %s met %s %s %s in %s on %s, as the two governments sought to ease tensions over %s.\n\n",
		a.c.adj, a.role, a.name, b.c.adj, b.role, b.name, place, g.day(), g.country().name)
	if g.rng.IntN(3) == 0 {
		c := g.other(a)
		fmt.Fprintf(&sb, "%s arrived in %s alongside %s, the %s %s.\n\n", surname(a), place, c.name, c.c.adj, c.role)
	}
	fmt.Fprintf(&sb, "%s told reporters after the meeting that %s remained committed to dialogue. %s\n\n",
		surname(a), a.c.name, g.fillers(1+g.rng.IntN(2)))
	for sb.Len() < target {
		switch g.rng.IntN(11) {
		case 0:
			c := g.pick()
			d := g.other(c)
			fmt.Fprintf(&sb, "Separately, %s %s %s is due to meet %s %s in %s next week. %s\n\n",
				c.c.adj, c.role, c.name, d.c.adj, d.name, d.c.capital, g.fillers(1))
		case 1:
			c := g.pick()
			to := g.country()
			fmt.Fprintf(&sb, "%s %s %s visited %s on %s, where %s held talks with officials on trade and security. %s\n\n",
				c.c.adj, c.role, c.name, to.capital, g.day(), surname(c), g.fillers(1))
		case 2:
			att, tgt := g.country(), g.country()
			w := weapons[g.rng.IntN(len(weapons))]
			fmt.Fprintf(&sb, "On %s night, %s %s struck %s, killing %s civilians, officials said. %s\n\n",
				g.day(), att.adj, w.phrase, tgt.cities[g.rng.IntN(len(tgt.cities))], numbers[g.rng.IntN(len(numbers))], g.fillers(1))
		case 3:
			c := g.pick()
			fmt.Fprintf(&sb, "\"We have made real progress, but much remains to be done,\" said %s, the %s %s, adding that talks with %s would continue. %s\n\n",
				c.name, c.c.adj, c.role, g.country().name, g.fillers(1))
		case 4:
			x, y := g.country(), g.country()
			fmt.Fprintf(&sb, "Trade between %s and %s has grown in recent years, and officials in %s have pressed for closer ties with %s. %s\n\n",
				x.name, y.name, x.capital, y.name, g.fillers(1))
		case 5:
			c := g.pick()
			d := g.other(c)
			fmt.Fprintf(&sb, "%s travelled to %s with %s, the %s %s, for the second round of talks. %s\n\n",
				c.name, d.c.capital, d.name, d.c.adj, d.role, g.fillers(1))
		default:
			sb.WriteString(g.fillers(2+g.rng.IntN(2)) + "\n\n")
		}
	}
	return Article{ID: fmt.Sprintf("synth-%07d", i), Text: sb.String()}
}

func (g *Generator) day() string      { return days[g.rng.IntN(len(days))] }
func (g *Generator) country() country { return countries[g.rng.IntN(len(countries))] }

// fillers returns n filler sentences joined by spaces.
func (g *Generator) fillers(n int) string {
	s := make([]string, n)
	for i := range s {
		s[i] = filler[g.rng.IntN(len(filler))]
	}
	return strings.Join(s, " ")
}

// organisations are named as news names them: companies, banks,
// international bodies, agencies, parties and universities.
var organisations = []string{
	"the International Monetary Fund", "the World Bank", "the Federal Reserve", "Goldman Sachs",
	"Siemens", "Toyota", "the European Commission", "NATO", "the United Nations", "Amnesty International",
	"Deutsche Bank", "Gazprom", "HSBC", "Airbus", "Boeing", "JPMorgan Chase", "the World Health Organization",
	"Human Rights Watch", "the Red Cross", "Reuters", "the Associated Press", "Microsoft", "Volkswagen",
	"the Labour Party", "the Democratic Party", "Harvard University", "the Bank of England",
	"the European Central Bank", "Exxon Mobil", "Samsung", "the African Union", "OPEC", "Interpol",
	"Alibaba", "Nestle", "Unilever", "Shell", "Oxford University", "the Conservative Party",
}

var topics = []string{"inflation", "the budget", "the elections", "energy prices", "the trade dispute",
	"the new regulations", "the merger", "interest rates", "the investigation", "the reform plan"}

var quotes = []string{
	"We expect the situation to improve over the coming months",
	"This is a difficult decision, but it is the right one",
	"We will not comment on speculation",
	"The numbers speak for themselves",
	"There is still a lot of work to do",
	"We are confident that an agreement can be reached",
}

// News returns the i-th article of the news mix: the length of Article's,
// with entities and events as dense as news as it comes. The extractor
// finds per KB of text about 1.5 persons, 0.6 countries, 1.2 places, 1.9
// organisations, 0.04 meeting pairs, 0.01 strikes and a trip in several
// hundred KB on 4,000 real articles (1,000 Reuters wire stories of
// 2016-17 and 3,000 AllSides stories of 2012-20, none chosen for their
// events); Article, written to exercise every kind of write, has two to
// ten times as many persons, countries and events and a seventh of the
// organisations. Most articles hold no event; one in ten holds a meeting.
func (g *Generator) News(i int) Article {
	target := int(math.Exp(math.Log(medianBytes) + 0.35*g.rng.NormFloat64()))
	target = min(max(target, minBytes), maxBytes)
	org := func() string { return organisations[g.rng.IntN(len(organisations))] }
	a := g.pick()
	var sb strings.Builder
	fmt.Fprintf(&sb, "%s says %s weighs on %s\n\n", capitalise(org()), topics[g.rng.IntN(len(topics))], a.c.name)
	fmt.Fprintf(&sb, "%s said on %s that the government would review %s, according to a statement. %s\n\n",
		capitalise(org()), g.day(), topics[g.rng.IntN(len(topics))], g.fillers(1))
	event := g.rng.IntN(100)
	for para := 0; sb.Len() < target; para++ {
		switch {
		case para == 1 && event < 10:
			b := g.other(a)
			fmt.Fprintf(&sb, "%s %s %s met %s %s in %s on %s to discuss %s. %s\n\n",
				a.c.adj, a.role, a.name, b.c.adj, b.name, b.c.capital, g.day(), topics[g.rng.IntN(len(topics))], g.fillers(1))
			continue
		case para == 2 && event >= 10 && event < 12:
			att, tgt := g.country(), g.country()
			w := weapons[g.rng.IntN(len(weapons))]
			fmt.Fprintf(&sb, "On %s night, %s %s struck %s, killing %s civilians, officials said. %s\n\n",
				g.day(), att.adj, w.phrase, tgt.cities[g.rng.IntN(len(tgt.cities))], numbers[g.rng.IntN(len(numbers))], g.fillers(1))
			continue
		case para == 2 && event == 12:
			c := g.pick()
			d := g.other(c)
			fmt.Fprintf(&sb, "%s travelled to %s with %s, the %s %s, for the second round of talks. %s\n\n",
				c.name, d.c.capital, d.name, d.c.adj, d.role, g.fillers(1))
			continue
		}
		switch g.rng.IntN(12) {
		case 0:
			p := g.pick()
			fmt.Fprintf(&sb, "\"%s,\" said %s, a spokesperson for %s. %s\n\n", quotes[g.rng.IntN(len(quotes))], p.name, org(), g.fillers(1))
		case 1:
			fmt.Fprintf(&sb, "\"%s,\" %s told reporters. %s\n\n", quotes[g.rng.IntN(len(quotes))], g.pick().name, g.fillers(1))
		case 2:
			c := g.country()
			fmt.Fprintf(&sb, "%s, which has offices in %s, said demand had fallen. %s\n\n",
				capitalise(org()), c.cities[g.rng.IntN(len(c.cities))], g.fillers(1))
		case 3:
			p := g.pick()
			fmt.Fprintf(&sb, "%s, an analyst at %s, said the outlook for %s was uncertain. %s\n\n",
				p.name, org(), topics[g.rng.IntN(len(topics))], g.fillers(1))
		case 4:
			c := g.country()
			fmt.Fprintf(&sb, "In %s, %s reported that %s had weighed on sales for a third month. %s\n\n",
				c.cities[g.rng.IntN(len(c.cities))], org(), topics[g.rng.IntN(len(topics))], g.fillers(1))
		case 5:
			fmt.Fprintf(&sb, "Exports to %s fell in the last quarter, figures showed. %s\n\n", g.country().name, g.fillers(1))
		default:
			sb.WriteString(g.fillers(2+g.rng.IntN(2)) + "\n\n")
		}
	}
	return Article{ID: fmt.Sprintf("news-%07d", i), Text: sb.String()}
}

// capitalise upper-cases the first letter of s ("the World Bank" at the
// start of a sentence).
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

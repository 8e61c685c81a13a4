package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Item is one article and its extracted facts, ready to load.
type Item struct {
	Article newsgraph.Article
	Facts   newsgraph.Facts
}

// ContentHash identifies what an article said and how it was read: a
// reload with the same hash writes nothing. extractorVersion is part of it
// so that a better extractor re-derives the facts of unchanged articles.
func ContentHash(a newsgraph.Article, extractorVersion string) string {
	h := sha256.New()
	for _, s := range []string{extractorVersion, a.Title, a.URL, a.Published, a.Source, a.Text} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

// batch holds the parameter rows of one write transaction; every field is
// a list passed to an UNWIND query.
type batch struct {
	articles  []map[string]any
	persons   []map[string]any
	countries []map[string]any
	places    []map[string]any
	orgs      []map[string]any
	meetings  []map[string]any
	trips     []map[string]any
	strikes   []map[string]any
	// metPairs, tripPairs and struck list the derived edges to recompute.
	metPairs  map[[2]string]bool
	tripPairs map[[2]string]bool
	struck    map[[2]string]bool
}

func newBatch() *batch {
	return &batch{metPairs: map[[2]string]bool{}, tripPairs: map[[2]string]bool{}, struck: map[[2]string]bool{}}
}

func orderedPair(a, b string) [2]string {
	if b < a {
		a, b = b, a
	}
	return [2]string{a, b}
}

// personResolver maps a person's name in an article to a Person key.
type personResolver struct {
	// bySurname holds the keys of known multi-word persons by surname,
	// with the countries they represent.
	bySurname map[string][]candidate
}

type candidate struct {
	key       string
	countries []string
}

// personKey returns the key for a person. A full name is its own key. A
// lone surname ("Rubio") joins the one known person with that surname
// whose country agrees (or is unknown); when there is none, or several,
// it stays a person of its own, keyed by surname and country, so that two
// different people who share a surname never merge.
func (r *personResolver) personKey(p newsgraph.Person) string {
	k := normName(p.Name)
	if strings.Contains(k, " ") || k == "" {
		return k
	}
	var match []string
	for _, c := range r.bySurname[k] {
		if p.Country == "" || len(c.countries) == 0 || contains(c.countries, p.Country) {
			match = append(match, c.key)
		}
	}
	if len(match) == 1 {
		return match[0]
	}
	return k + "|" + strings.ToUpper(p.Country)
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// surnames lists the lone surnames of persons in items, for the resolver's
// look-up of known persons.
func surnames(items []Item) []string {
	seen := map[string]bool{}
	var out []string
	for _, it := range items {
		for _, p := range it.Facts.Persons {
			k := normName(p.Name)
			if k != "" && !strings.Contains(k, " ") && !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}

// addBatchPersons lets lone surnames resolve against full names loaded in
// the same batch.
func (r *personResolver) addBatchPersons(items []Item) {
	for _, it := range items {
		for _, p := range it.Facts.Persons {
			k := normName(p.Name)
			if !strings.Contains(k, " ") {
				continue
			}
			s := surname(k)
			found := false
			for i, c := range r.bySurname[s] {
				if c.key == k {
					found = true
					if p.Country != "" && !contains(c.countries, p.Country) {
						r.bySurname[s][i].countries = append(c.countries, p.Country)
					}
				}
			}
			if !found {
				var cs []string
				if p.Country != "" {
					cs = []string{p.Country}
				}
				r.bySurname[s] = append(r.bySurname[s], candidate{key: k, countries: cs})
			}
		}
	}
}

// CountryNamer gives a country's English name from its ISO code.
type CountryNamer func(code string) string

// build turns items into parameter rows.
func build(items []Item, hashes map[string]string, r *personResolver, countryName CountryNamer) *batch {
	b := newBatch()
	for _, it := range items {
		a, f := it.Article, it.Facts
		id := a.ID
		b.articles = append(b.articles, map[string]any{
			"id": id,
			"props": map[string]any{
				"title": a.Title, "url": a.URL, "published": nullIfEmpty(a.Published),
				"source": a.Source, "path": a.Path, "contentHash": hashes[id],
			},
		})
		keys := map[string]string{} // person name or alias -> key
		for _, p := range f.Persons {
			k := r.personKey(p)
			if k == "" {
				continue
			}
			keys[p.Name] = k
			for _, al := range p.Aliases {
				if _, ok := keys[al]; !ok {
					keys[al] = k
				}
			}
			aliases := append([]string{}, p.Aliases...)
			b.persons = append(b.persons, map[string]any{
				"article": id, "key": k, "name": p.Name, "surname": surname(normName(p.Name)),
				"aliases": aliases, "role": nullIfEmpty(p.Role), "country": nullIfEmpty(strings.ToUpper(p.Country)),
			})
		}
		for _, c := range f.Countries {
			c = strings.ToUpper(c)
			name := c
			if countryName != nil {
				if n := countryName(c); n != "" {
					name = n
				}
			}
			b.countries = append(b.countries, map[string]any{"article": id, "code": c, "name": name})
		}
		placeSeen := map[string]bool{}
		addPlace := func(name, country string) string {
			if name == "" {
				return ""
			}
			k := placeKey(name, country)
			if !placeSeen[k] {
				placeSeen[k] = true
				b.places = append(b.places, map[string]any{"article": id, "key": k, "name": name, "country": nullIfEmpty(strings.ToUpper(country))})
			}
			return k
		}
		placeCountry := map[string]string{}
		for _, p := range f.Places {
			addPlace(p.Name, p.Country)
			placeCountry[normName(p.Name)] = p.Country
		}
		for _, o := range f.Organizations {
			b.orgs = append(b.orgs, map[string]any{"article": id, "key": normName(o.Name), "name": o.Name, "country": nullIfEmpty(strings.ToUpper(o.Country))})
		}
		buildMeetings(b, id, f.Met, keys, func(name string) string { return addPlace(name, placeCountry[normName(name)]) })
		buildTrips(b, id, f.TraveledWith, keys, func(name string) string { return addPlace(name, placeCountry[normName(name)]) })
		for _, s := range f.Struck {
			tk := addPlace(s.Target, s.TargetCountry)
			if tk == "" {
				continue
			}
			attacker, kind := "", ""
			switch {
			case isISOCode(s.Attacker):
				attacker, kind = strings.ToUpper(s.Attacker), "country"
			case s.Attacker != "":
				attacker, kind = normName(s.Attacker), "org"
				b.orgs = append(b.orgs, map[string]any{"article": id, "key": attacker, "name": s.Attacker, "country": nil})
			}
			when := s.Date
			if when == "" {
				when = "article:" + id
			}
			key := hashKey("strike", kind, attacker, tk, when)
			b.strikes = append(b.strikes, map[string]any{
				"article": id, "key": key, "date": nullIfEmpty(s.Date), "weapon": s.Weapon,
				"killed": intOrNil(s.Killed), "injured": intOrNil(s.Injured), "cameo": s.CAMEO,
				"target": tk, "attacker": nullIfEmpty(attacker), "attackerKind": kind,
				"evidence": s.Sentence, "start": s.Start, "end": s.End, "rule": s.Rule, "confidence": s.Confidence,
			})
			if attacker != "" {
				b.struck[[2]string{kind + ":" + attacker, tk}] = true
			}
		}
	}
	return b
}

// buildMeetings groups pairwise meetings stated by one sentence with the
// same place, date and status into one Meeting of all their participants.
func buildMeetings(b *batch, article string, met []newsgraph.Meeting, keys map[string]string, place func(string) string) {
	type group struct {
		m      newsgraph.Meeting
		people map[string]bool
	}
	var order []string
	groups := map[string]*group{}
	for _, m := range met {
		ka, kb := keys[m.A], keys[m.B]
		if ka == "" || kb == "" || ka == kb {
			continue
		}
		g := strings.Join([]string{strconv.Itoa(m.Start), m.Status, normName(m.Place), m.Date}, "|")
		if groups[g] == nil {
			groups[g] = &group{m: m, people: map[string]bool{}}
			order = append(order, g)
		}
		groups[g].people[ka] = true
		groups[g].people[kb] = true
	}
	for _, g := range order {
		gr := groups[g]
		people := sortedKeys(gr.people)
		m := gr.m
		pk := place(m.Place)
		when := m.Date
		if when == "" {
			when = "article:" + article
		}
		key := hashKey("meeting", strings.Join(people, ","), when, pk, m.Status)
		b.meetings = append(b.meetings, map[string]any{
			"article": article, "key": key, "date": nullIfEmpty(m.Date), "status": m.Status,
			"place": nullIfEmpty(pk), "people": people, "cameo": m.CAMEO,
			"evidence": m.Sentence, "start": m.Start, "end": m.End, "rule": m.Rule, "confidence": m.Confidence,
		})
		for i := range people {
			for j := i + 1; j < len(people); j++ {
				b.metPairs[orderedPair(people[i], people[j])] = true
			}
		}
	}
}

// buildTrips groups travel-together pairs stated by one sentence into one Trip.
func buildTrips(b *batch, article string, trips []newsgraph.Travel, keys map[string]string, place func(string) string) {
	var order []string
	groups := map[string]map[string]bool{}
	first := map[string]newsgraph.Travel{}
	for _, t := range trips {
		ka, kb := keys[t.A], keys[t.B]
		if ka == "" || kb == "" || ka == kb {
			continue
		}
		g := strconv.Itoa(t.Start) + "|" + normName(t.To)
		if groups[g] == nil {
			groups[g] = map[string]bool{}
			first[g] = t
			order = append(order, g)
		}
		groups[g][ka] = true
		groups[g][kb] = true
	}
	for _, g := range order {
		people := sortedKeys(groups[g])
		t := first[g]
		pk := place(t.To)
		key := hashKey("trip", strings.Join(people, ","), "article:"+article, pk)
		b.trips = append(b.trips, map[string]any{
			"article": article, "key": key, "to": nullIfEmpty(pk), "people": people,
			"evidence": t.Sentence, "start": t.Start, "end": t.End, "rule": t.Rule, "confidence": t.Confidence,
		})
		for i := range people {
			for j := i + 1; j < len(people); j++ {
				b.tripPairs[orderedPair(people[i], people[j])] = true
			}
		}
	}
}

func isISOCode(s string) bool {
	return len(s) == 2 && s[0] >= 'A' && s[0] <= 'Z' && s[1] >= 'A' && s[1] <= 'Z'
}

func nullIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

func intOrNil(p *int) any {
	if p == nil {
		return nil
	}
	return int64(*p)
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// sortedPairs returns the keys of m in order.
func sortedPairs(m map[[2]string]bool) [][2]string {
	keys := make([][2]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i][0] != keys[j][0] {
			return keys[i][0] < keys[j][0]
		}
		return keys[i][1] < keys[j][1]
	})
	return keys
}

func pairRows(m map[[2]string]bool) []map[string]any {
	keys := sortedPairs(m)
	out := make([]map[string]any, len(keys))
	for i, k := range keys {
		out[i] = map[string]any{"a": k[0], "b": k[1]}
	}
	return out
}

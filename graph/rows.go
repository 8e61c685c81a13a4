package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
)

// Item is one article as read and its extracted facts, ready to load,
// with the hash that says whether the graph already holds them.
type Item struct {
	Article newsgraph.Article
	Facts   newsgraph.Facts
	// Hash is the ContentHash of the article with its Published date:
	// a reload with the same hash writes nothing.
	Hash string
}

// NewItem makes the item of an article and its facts, hashed with the
// version of the extractor that found them.
func NewItem(a newsgraph.Article, f newsgraph.Facts, extractorVersion string) Item {
	it := Item{Article: a, Facts: f}
	h := a
	h.Published = it.Published()
	it.Hash = ContentHash(h, extractorVersion)
	return it
}

// Published is the article's date: the one the input gives, else the
// one its text states ("KYIV, June 12, 2025 -"), which extraction found.
func (it Item) Published() string {
	if it.Article.Published != "" {
		return it.Article.Published
	}
	return it.Facts.Published
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

// batch holds the rows of one write transaction: the one mapping from
// facts to nodes and edges, with every key already made. The Cypher
// loader sends them as UNWIND parameters (see params); the neo4j-admin
// CSV writer replays them with the same MERGE semantics.
type batch struct {
	articles  []articleRow
	persons   []personRow
	countries []countryRow
	places    []placeRow
	orgs      []orgRow
	meetings  []meetingRow
	trips     []tripRow
	strikes   []strikeRow
	// metPairs, tripPairs and struck list the derived edges to recompute.
	metPairs  map[[2]string]bool
	tripPairs map[[2]string]bool
	struck    map[[2]string]bool
}

// articleRow is an (:Article) node.
type articleRow struct {
	ID, Title, URL, Published, Source, Path, ContentHash string
}

// personRow is one person mentioned by one article: (:Article)-[:MENTIONS]->(:Person),
// and (:Person)-[:REPRESENTS {role}]->(:Country) when Country is set.
type personRow struct {
	Article, Key, Name, Surname string
	Aliases                     []string
	Role, Country               string
}

// countryRow is a country mentioned by an article.
type countryRow struct{ Article, Code, Name string }

// placeRow is a place mentioned by an article, (:Place)-[:IN]->(:Country)
// when Country is set.
type placeRow struct{ Article, Key, Name, Country string }

// orgRow is an organisation mentioned by an article.
type orgRow struct{ Article, Key, Name, Country string }

// evidenceRow are the properties of an (:Article)-[:REPORTS]->(event) edge.
type evidenceRow struct {
	Evidence   string
	Start, End int
	Rule       string
	Confidence float64
}

func evidenceOf(e newsgraph.Evidence) evidenceRow {
	return evidenceRow{Evidence: e.Sentence, Start: e.Start, End: e.End, Rule: e.Rule, Confidence: e.Confidence}
}

// meetingRow is one (:Meeting) as one article reports it: the persons
// keyed by People ATTENDED it, HELD_IN the place keyed by Place.
type meetingRow struct {
	Article, Key, Date, Status, Place string
	People                            []string
	CAMEO                             string
	evidenceRow
}

// tripRow is one (:Trip): People ON_TRIP, TO the place keyed by To.
type tripRow struct {
	Article, Key, To string
	People           []string
	evidenceRow
}

// strikeRow is one (:Strike): it HIT the place keyed by Target; the
// attacker (a Country code or an Organization key, by AttackerKind
// "country" or "org") LAUNCHED it.
type strikeRow struct {
	Article, Key, Date, Weapon string
	Killed, Injured            *int
	CAMEO, Target              string
	Attacker, AttackerKind     string
	evidenceRow
}

// params turn rows into the UNWIND parameters of the write statements.
func (r articleRow) params() map[string]any {
	return map[string]any{
		"id": r.ID,
		"props": map[string]any{
			"title": r.Title, "url": r.URL, "published": nullIfEmpty(r.Published),
			"source": r.Source, "path": r.Path, "contentHash": r.ContentHash,
		},
	}
}

func (e evidenceRow) add(m map[string]any) map[string]any {
	m["evidence"], m["start"], m["end"], m["rule"], m["confidence"] = e.Evidence, e.Start, e.End, e.Rule, e.Confidence
	return m
}

func (r meetingRow) params() map[string]any {
	return r.evidenceRow.add(map[string]any{
		"article": r.Article, "key": r.Key, "date": nullIfEmpty(r.Date), "status": r.Status,
		"place": nullIfEmpty(r.Place), "people": r.People, "cameo": r.CAMEO,
	})
}

func (r tripRow) params() map[string]any {
	return r.evidenceRow.add(map[string]any{
		"article": r.Article, "key": r.Key, "to": nullIfEmpty(r.To), "people": r.People,
	})
}

func (r strikeRow) params() map[string]any {
	return r.evidenceRow.add(map[string]any{
		"article": r.Article, "key": r.Key, "date": nullIfEmpty(r.Date), "weapon": r.Weapon,
		"killed": intOrNil(r.Killed), "injured": intOrNil(r.Injured), "cameo": r.CAMEO,
		"target": r.Target, "attacker": nullIfEmpty(r.Attacker), "attackerKind": r.AttackerKind,
	})
}

// longerName is true when a wins over b as a person's name: longer, or
// as long and smaller.
func longerName(a, b string) bool {
	na, nb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	return na > nb || na == nb && a < b
}

// personMention is what one article says about one person, kept on its
// MENTIONS edge as cypherUpsertPersons keeps it.
type personMention struct {
	article, key       string
	name               string
	names, roles, reps []string
}

func (m *personMention) add(r personRow) {
	if m.name == "" || longerName(r.Name, m.name) {
		m.name = r.Name
	}
	m.names = appendNew(m.names, r.Aliases...)
	m.names = appendNew(m.names, r.Name)
	if r.Role != "" {
		m.roles = appendNew(m.roles, r.Role)
	}
	if r.Country != "" {
		m.reps = appendNew(m.reps, r.Country+"|"+r.Role)
	}
}

// personMentions groups person rows by article and person, in the order
// first seen: one personMention each.
type personMentions struct {
	list []*personMention
	at   map[[2]string]*personMention
}

func (ms *personMentions) add(r personRow) {
	k := [2]string{r.Article, r.Key}
	m := ms.at[k]
	if m == nil {
		if ms.at == nil {
			ms.at = map[[2]string]*personMention{}
		}
		m = &personMention{article: r.Article, key: r.Key}
		ms.at[k] = m
		ms.list = append(ms.list, m)
	}
	m.add(r)
}

// appendNew appends the items that are not in list yet.
func appendNew(list []string, items ...string) []string {
	for _, it := range items {
		if !slices.Contains(list, it) {
			list = append(list, it)
		}
	}
	return list
}

// smallerRole says whether role replaces cur, a person's role for a
// country so far (seen says there is one): the smallest non-empty role
// is kept, as cypherUpsertPersons keeps it.
func smallerRole(cur string, seen bool, role string) bool {
	return !seen || role != "" && (cur == "" || role < cur)
}

// The entity statements get one row per entity of the batch, with the
// articles that mention it, rather than one row per mention: a fifth of
// the rows, each node merged and set once per batch.

// personParams groups person rows by key: the name that wins, every
// name, the roles, the countries represented with their smallest role,
// and one mention per article (what the article says about the person).
func personParams(rows []personRow) []map[string]any {
	type agg struct {
		key, name, surname string
		names, roles       []string
		reps               map[string]string
		repOrder           []string
		mentions           personMentions
	}
	var order []*agg
	at := map[string]*agg{}
	for _, r := range rows {
		a := at[r.Key]
		if a == nil {
			a = &agg{key: r.Key, name: r.Name, surname: r.Surname, reps: map[string]string{}}
			at[r.Key] = a
			order = append(order, a)
		}
		if longerName(r.Name, a.name) {
			a.name = r.Name
		}
		a.names = appendNew(a.names, r.Aliases...)
		a.names = appendNew(a.names, r.Name)
		if r.Role != "" {
			a.roles = appendNew(a.roles, r.Role)
		}
		if r.Country != "" {
			cur, ok := a.reps[r.Country]
			if !ok {
				a.repOrder = append(a.repOrder, r.Country)
			}
			if smallerRole(cur, ok, r.Role) {
				a.reps[r.Country] = r.Role
			}
		}
		a.mentions.add(r)
	}
	out := make([]map[string]any, len(order))
	for i, a := range order {
		reps := make([]map[string]any, len(a.repOrder))
		for j, c := range a.repOrder {
			reps[j] = map[string]any{"code": c, "role": nullIfEmpty(a.reps[c])}
		}
		mentions := make([]map[string]any, len(a.mentions.list))
		for j, m := range a.mentions.list {
			mentions[j] = map[string]any{"article": m.article, "name": m.name,
				"names": nonNil(m.names), "roles": nonNil(m.roles), "reps": nonNil(m.reps)}
		}
		out[i] = map[string]any{"key": a.key, "name": a.name, "surname": a.surname,
			"names": nonNil(a.names), "roles": nonNil(a.roles), "reps": reps, "mentions": mentions}
	}
	return out
}

// entityParams groups the mentions of countries, places or organisations
// by key: the first row's name (the last one's for countries, which
// overwrite it), the countries it lies in, the articles that mention it.
func entityParams(n int, row func(i int) (key, name, country, article string), lastName bool) []map[string]any {
	type agg struct {
		key, name           string
		countries, articles []string
	}
	var order []*agg
	at := map[string]*agg{}
	for i := range n {
		key, name, country, article := row(i)
		a := at[key]
		if a == nil {
			a = &agg{key: key, name: name}
			at[key] = a
			order = append(order, a)
		}
		if lastName {
			a.name = name
		}
		if country != "" {
			a.countries = appendNew(a.countries, country)
		}
		a.articles = appendNew(a.articles, article)
	}
	out := make([]map[string]any, len(order))
	for i, a := range order {
		out[i] = map[string]any{"key": a.key, "name": a.name, "countries": nonNil(a.countries), "articles": a.articles}
	}
	return out
}

func countryParams(rows []countryRow) []map[string]any {
	return entityParams(len(rows), func(i int) (string, string, string, string) {
		return rows[i].Code, rows[i].Name, "", rows[i].Article
	}, true)
}

func placeParams(rows []placeRow) []map[string]any {
	return entityParams(len(rows), func(i int) (string, string, string, string) {
		return rows[i].Key, rows[i].Name, rows[i].Country, rows[i].Article
	}, false)
}

func orgParams(rows []orgRow) []map[string]any {
	return entityParams(len(rows), func(i int) (string, string, string, string) {
		return rows[i].Key, rows[i].Name, "", rows[i].Article
	}, false)
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

// paramRows turns a list of rows into an UNWIND parameter.
func paramRows[R interface{ params() map[string]any }](rows []R) []map[string]any {
	out := make([]map[string]any, len(rows))
	for i, r := range rows {
		out[i] = r.params()
	}
	return out
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
// Who a lone surname refers to is decided twice, at two scopes, each in
// one place: within an article by extract (a surname joins the full name
// the article introduced, so Facts hold "Marco Rubio" with the alias
// "Rubio"), and across articles here, by personKey, for the persons an
// article names by surname alone. Write resolves against the database
// (cypherKnownSurnames) and AdminExport against the persons it wrote;
// both then learn the persons of the batch with knownPersons.learn.
type personResolver struct {
	bySurname knownPersons
}

// knownPersons holds the multi-word persons a lone surname may refer to,
// by surname, each with the countries it represents.
type knownPersons map[string][]candidate

type candidate struct {
	key       string
	countries []string
}

// learn records the multi-word person key under its surname s, with a
// country it represents ("" for none).
func (k knownPersons) learn(key, s, country string) {
	for i, c := range k[s] {
		if c.key == key {
			if country != "" && !slices.Contains(c.countries, country) {
				k[s][i].countries = append(c.countries, country)
			}
			return
		}
	}
	var cs []string
	if country != "" {
		cs = []string{country}
	}
	k[s] = append(k[s], candidate{key: key, countries: cs})
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
		if p.Country == "" || len(c.countries) == 0 || slices.Contains(c.countries, p.Country) {
			match = append(match, c.key)
		}
	}
	if len(match) == 1 {
		return match[0]
	}
	return k + "|" + strings.ToUpper(p.Country)
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
			if k := normName(p.Name); strings.Contains(k, " ") {
				r.bySurname.learn(k, surname(k), p.Country)
			}
		}
	}
}

// CountryNamer gives a country's English name from its ISO code.
type CountryNamer func(code string) string

// build turns items into parameter rows.
func build(items []Item, r *personResolver, countryName CountryNamer) *batch {
	b := newBatch()
	for _, it := range items {
		a, f := it.Article, it.Facts
		id := a.ID
		b.articles = append(b.articles, articleRow{
			ID: id, Title: a.Title, URL: a.URL, Published: it.Published(),
			Source: a.Source, Path: a.Path, ContentHash: it.Hash,
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
			b.persons = append(b.persons, personRow{
				Article: id, Key: k, Name: p.Name, Surname: surname(normName(p.Name)),
				Aliases: append([]string{}, p.Aliases...), Role: p.Role, Country: strings.ToUpper(p.Country),
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
			b.countries = append(b.countries, countryRow{Article: id, Code: c, Name: name})
		}
		placeSeen := map[string]bool{}
		addPlace := func(name, country string) string {
			if name == "" {
				return ""
			}
			k := placeKey(name, country)
			if !placeSeen[k] {
				placeSeen[k] = true
				b.places = append(b.places, placeRow{Article: id, Key: k, Name: name, Country: strings.ToUpper(country)})
			}
			return k
		}
		placeCountry := map[string]string{}
		for _, p := range f.Places {
			addPlace(p.Name, p.Country)
			placeCountry[normName(p.Name)] = p.Country
		}
		for _, o := range f.Organizations {
			b.orgs = append(b.orgs, orgRow{Article: id, Key: normName(o.Name), Name: o.Name, Country: strings.ToUpper(o.Country)})
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
				b.orgs = append(b.orgs, orgRow{Article: id, Key: attacker, Name: s.Attacker})
			}
			when := s.Date
			if when == "" {
				when = "article:" + id
			}
			key := hashKey("strike", kind, attacker, tk, when)
			b.strikes = append(b.strikes, strikeRow{
				Article: id, Key: key, Date: s.Date, Weapon: s.Weapon,
				Killed: s.Killed, Injured: s.Injured, CAMEO: s.CAMEO,
				Target: tk, Attacker: attacker, AttackerKind: kind,
				evidenceRow: evidenceOf(s.Evidence),
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
		b.meetings = append(b.meetings, meetingRow{
			Article: article, Key: key, Date: m.Date, Status: m.Status,
			Place: pk, People: people, CAMEO: m.CAMEO,
			evidenceRow: evidenceOf(m.Evidence),
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
		b.trips = append(b.trips, tripRow{
			Article: article, Key: key, To: pk, People: people,
			evidenceRow: evidenceOf(t.Evidence),
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

func pairRows(m map[[2]string]bool) []map[string]any {
	keys := sortedPairs(m)
	out := make([]map[string]any, len(keys))
	for i, k := range keys {
		out[i] = map[string]any{"a": k[0], "b": k[1]}
	}
	return out
}

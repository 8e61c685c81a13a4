package graph

import (
	"context"
	"errors"
	"fmt"
)

// Hop is one step of a path: two people and the MET or TRAVELED_WITH
// edge between them, with the events behind it.
type Hop struct {
	Type     string     `json:"type"`
	From     PersonRef  `json:"from"`
	To       PersonRef  `json:"to"`
	Count    int        `json:"count"`
	Evidence []HopEvent `json:"evidence"`
}

// HopEvent is one meeting or trip behind a hop, as reported by one article.
type HopEvent struct {
	Kind   string  `json:"kind"` // Meeting or Trip
	Date   *string `json:"date"`
	Status *string `json:"status"`
	Place  *string `json:"place"`
	Source
}

// ErrNoPath is returned by Path when no chain joins the two people.
var ErrNoPath = errors.New("no chain of meetings or travel within 6 steps")

// MaxPathHops bounds the search of Path.
const MaxPathHops = 6

const cypherPath = `MATCH (a:Person {key: $from}), (b:Person {key: $to})
MATCH p = shortestPath((a)-[:MET|TRAVELED_WITH*..6]-(b))
WITH nodes(p) AS ns, relationships(p) AS rs
UNWIND range(0, size(rs) - 1) AS i
WITH i, rs[i] AS r, ns[i] AS x, ns[i + 1] AS y
CALL (x, y, r) {
  MATCH (x)-[:ATTENDED|ON_TRIP]->(e)<-[:ATTENDED|ON_TRIP]-(y)
  WHERE (type(r) = 'MET' AND e:Meeting) OR (type(r) = 'TRAVELED_WITH' AND e:Trip)
  OPTIONAL MATCH (e)-[:HELD_IN|TO]->(pl:Place)
  MATCH (art:Article)-[rep:REPORTS]->(e)
  WITH e, pl, art, rep ORDER BY e.date, art.published, art.id
  RETURN collect({kind: labels(e)[0], date: e.date, status: e.status, place: pl.name,
    article: art.id, title: art.title, url: art.url, published: art.published, sentence: rep.evidence}) AS evidence
}
RETURN i, type(r) AS type,
  {key: x.key, name: x.name, countries: [(x)-[:REPRESENTS]->(c:Country) | c.code]} AS from,
  {key: y.key, name: y.name, countries: [(y)-[:REPRESENTS]->(c:Country) | c.code]} AS to,
  r.count AS count, evidence
ORDER BY i`

// Path finds a shortest chain of MET and TRAVELED_WITH edges (at most
// MaxPathHops) between two people, with the evidence for every hop.
func (s *Store) Path(ctx context.Context, from, to string) ([]Hop, error) {
	if from == to {
		return nil, errors.New("path: both names are the same person")
	}
	var hops []Hop
	if err := s.decodeAll(ctx, cypherPath, map[string]any{"from": from, "to": to}, &hops); err != nil {
		return nil, fmt.Errorf("path: %w", err)
	}
	if len(hops) == 0 {
		return nil, ErrNoPath
	}
	return hops, nil
}

// MeetingFilter selects meetings; zero fields do not filter. Dates are
// YYYY-MM-DD and inclusive; a date filter drops meetings without a date.
type MeetingFilter struct {
	Person    string   // person key
	PlaceKeys []string // any of these places
	Country   string   // ISO code of the place's country
	Since     string
	Until     string
	Status    string // occurred or planned
	Limit     int
}

// MeetingRow is one meeting with everyone in it.
type MeetingRow struct {
	Key      string      `json:"key"`
	Date     *string     `json:"date"`
	Status   string      `json:"status"`
	Place    *string     `json:"place"`
	Country  *string     `json:"country"`
	People   []PersonRef `json:"people"`
	Evidence []Source    `json:"evidence"`
}

const cypherMeetings = `MATCH (m:Meeting)
WHERE ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
  AND ($status IS NULL OR m.status = $status)
  AND ($person IS NULL OR EXISTS { (:Person {key: $person})-[:ATTENDED]->(m) })
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (pl)-[:IN]->(c:Country)
WITH m, pl, c
WHERE ($places IS NULL OR pl.key IN $places) AND ($country IS NULL OR c.code = $country)
WITH m, pl, c ORDER BY m.date IS NULL, m.date DESC, m.key LIMIT $limit
RETURN m.key AS key, m.date AS date, m.status AS status, pl.name AS place, c.code AS country,
  COLLECT { MATCH (p:Person)-[:ATTENDED]->(m)
    RETURN {key: p.key, name: p.name, countries: [(p)-[:REPRESENTS]->(x:Country) | x.code]} AS person ORDER BY person.name } AS people,
  COLLECT { MATCH (a:Article)-[rep:REPORTS]->(m)
    RETURN {article: a.id, title: a.title, url: a.url, published: a.published, sentence: rep.evidence} AS e
    ORDER BY e.published, e.article } AS evidence
ORDER BY date IS NULL, date DESC, key`

// Meetings lists meetings, latest first (undated ones last).
func (s *Store) Meetings(ctx context.Context, f MeetingFilter) ([]MeetingRow, error) {
	params := map[string]any{
		"person": nullIfEmpty(f.Person), "country": nullIfEmpty(f.Country),
		"since": nullIfEmpty(f.Since), "until": nullIfEmpty(f.Until), "status": nullIfEmpty(f.Status),
		"places": nil, "limit": limitParam(f.Limit),
	}
	if f.PlaceKeys != nil {
		params["places"] = toAny(f.PlaceKeys)
	}
	var out []MeetingRow
	if err := s.decodeAll(ctx, cypherMeetings, params, &out); err != nil {
		return nil, fmt.Errorf("list meetings: %w", err)
	}
	return out, nil
}

// StrikeFilter selects strikes; zero fields do not filter.
type StrikeFilter struct {
	By        Party    // the attacker: a country code or an organisation key
	PlaceKeys []string // the place hit is one of these
	Country   string   // ISO code of the country of the place hit
	Since     string
	Limit     int
}

// StrikeRow is one strike.
type StrikeRow struct {
	Key      string   `json:"key"`
	Date     *string  `json:"date"`
	Attacker *Party   `json:"attacker"`
	Place    string   `json:"place"`
	Country  *string  `json:"country"`
	Weapon   *string  `json:"weapon"`
	Killed   *int     `json:"killed"`
	Injured  *int     `json:"injured"`
	Evidence []Source `json:"evidence"`
}

const cypherStrikes = `MATCH (s:Strike)-[:HIT]->(pl:Place)
WHERE ($since IS NULL OR s.date >= $since) AND ($places IS NULL OR pl.key IN $places)
OPTIONAL MATCH (pl)-[:IN]->(c:Country)
OPTIONAL MATCH (att)-[:LAUNCHED]->(s)
WITH s, pl, c, att
WHERE ($country IS NULL OR c.code = $country)
  AND ($byCode IS NULL OR (att:Country AND att.code = $byCode))
  AND ($byKey IS NULL OR (att:Organization AND att.key = $byKey))
WITH s, pl, c, att ORDER BY s.date IS NULL, s.date DESC, pl.name LIMIT $limit
RETURN s.key AS key, s.date AS date,
  CASE WHEN att IS NULL THEN NULL
       WHEN att:Country THEN {code: att.code, name: att.name}
       ELSE {key: att.key, name: att.name} END AS attacker,
  pl.name AS place, c.code AS country, s.weapon AS weapon, s.killed AS killed, s.injured AS injured,
  COLLECT { MATCH (a:Article)-[rep:REPORTS]->(s)
    RETURN {article: a.id, title: a.title, url: a.url, published: a.published, sentence: rep.evidence} AS e
    ORDER BY e.published, e.article } AS evidence
ORDER BY date IS NULL, date DESC, place`

// Strikes lists strikes, latest first (undated ones last).
func (s *Store) Strikes(ctx context.Context, f StrikeFilter) ([]StrikeRow, error) {
	params := map[string]any{
		"byCode": nullIfEmpty(f.By.Code), "byKey": nullIfEmpty(f.By.Key), "country": nullIfEmpty(f.Country),
		"since": nullIfEmpty(f.Since), "places": nil, "limit": limitParam(f.Limit),
	}
	if f.PlaceKeys != nil {
		params["places"] = toAny(f.PlaceKeys)
	}
	var out []StrikeRow
	if err := s.decodeAll(ctx, cypherStrikes, params, &out); err != nil {
		return nil, fmt.Errorf("list strikes: %w", err)
	}
	return out, nil
}

// PersonHit is one result of SearchPeople.
type PersonHit struct {
	PersonRef
	Meetings int     `json:"meetings"`
	Articles int     `json:"articles"`
	Score    float64 `json:"score"`
}

const (
	cypherSearchPeople = `CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit * 4}) YIELD node, score
WITH node AS p, score WHERE p:Person
RETURN p.key AS key, p.name AS name, coalesce(p.aliases, []) AS aliases, coalesce(p.roles, []) AS roles,
  [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries,
  COUNT { (p)-[:ATTENDED]->(:Meeting) } AS meetings, COUNT { (:Article)-[:MENTIONS]->(p) } AS articles, score
ORDER BY score DESC, meetings DESC, name
LIMIT $limit`

	cypherListPeople = `MATCH (p:Person)
WITH p, COUNT { (p)-[:ATTENDED]->(:Meeting) } AS meetings, COUNT { (:Article)-[:MENTIONS]->(p) } AS articles
ORDER BY meetings DESC, articles DESC, p.name LIMIT $limit
RETURN p.key AS key, p.name AS name, coalesce(p.aliases, []) AS aliases, coalesce(p.roles, []) AS roles,
  [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries, meetings, articles, 0.0 AS score`
)

// SearchPeople finds people by name, tolerant of case, accents and small
// misspellings (see fuzzyQuery), best match first. An empty query lists
// everyone, most meetings first.
func (s *Store) SearchPeople(ctx context.Context, query string, limit int) ([]PersonHit, error) {
	var out []PersonHit
	var err error
	if normName(query) == "" {
		err = s.decodeAll(ctx, cypherListPeople, map[string]any{"limit": limitParam(limit)}, &out)
	} else {
		if limit <= 0 {
			limit = 1000
		}
		err = s.decodeAll(ctx, cypherSearchPeople, map[string]any{"lucene": fuzzyQuery(query), "limit": int64(limit)}, &out)
	}
	if err != nil {
		return nil, fmt.Errorf("search people: %w", err)
	}
	return out, nil
}

package graph

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// The read side: queries behind `who-met`, `path`, `meetings`, `strikes`
// and `people`. Every result type has JSON tags: the CLI prints these
// structs as they are with --json (docs/cli-json.md documents the shapes),
// and the Cypher columns carry the same names, so records decode straight
// into them.

// PersonRef names a person.
type PersonRef struct {
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases,omitempty"`
	Countries []string `json:"countries,omitempty"`
	Roles     []string `json:"roles,omitempty"`
}

// String gives "Name (US, FR)" for messages.
func (p PersonRef) String() string {
	if len(p.Countries) == 0 {
		return p.Name
	}
	return p.Name + " (" + strings.Join(p.Countries, ", ") + ")"
}

// Source is one sentence of one article that states a fact.
type Source struct {
	Article   string  `json:"article"`
	Title     string  `json:"title,omitempty"`
	URL       string  `json:"url,omitempty"`
	Published *string `json:"published"`
	Sentence  string  `json:"sentence"`
}

// MeetingRef is one meeting with where, when and why we know.
type MeetingRef struct {
	Key      string   `json:"key"`
	Date     *string  `json:"date"`
	Status   string   `json:"status"`
	Place    *string  `json:"place"`
	Evidence []Source `json:"evidence"`
}

// Contact is one person someone met, with every meeting of the two.
type Contact struct {
	Person    PersonRef    `json:"person"`
	Count     int          `json:"count"`
	Occurred  int          `json:"occurred"`
	Planned   int          `json:"planned"`
	FirstDate *string      `json:"firstDate"`
	LastDate  *string      `json:"lastDate"`
	Meetings  []MeetingRef `json:"meetings"`
}

// MetPair is one MET edge: two people and how often they met.
type MetPair struct {
	A         PersonRef `json:"a"`
	B         PersonRef `json:"b"`
	Count     int       `json:"count"`
	Occurred  int       `json:"occurred"`
	Planned   int       `json:"planned"`
	FirstDate *string   `json:"firstDate"`
	LastDate  *string   `json:"lastDate"`
	Places    []string  `json:"places"`
	// Evidence is the sentence of the earliest report of their meetings.
	Evidence *Source `json:"evidence"`
}

const (
	// personFields projects a person p into a PersonRef map.
	personFields = `{key: p.key, name: p.name, aliases: coalesce(p.aliases, []), roles: coalesce(p.roles, []),
  countries: [(p)-[:REPRESENTS]->(c:Country) | c.code]}`

	cypherWhoMet = `MATCH (me:Person {key: $key})-[r:MET]-(p:Person)
CALL (me, p) {
  MATCH (me)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(p)
  OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
  WITH m, pl ORDER BY m.date
  RETURN collect({key: m.key, date: m.date, status: m.status, place: pl.name,
    evidence: COLLECT { MATCH (a:Article)-[rep:REPORTS]->(m)
      RETURN {article: a.id, title: a.title, url: a.url, published: a.published, sentence: rep.evidence} AS e
      ORDER BY e.published, e.article }}) AS meetings
}
RETURN ` + personFields + ` AS person, r.count AS count, r.occurred AS occurred, r.planned AS planned,
  r.firstDate AS firstDate, r.lastDate AS lastDate, meetings
ORDER BY count DESC, person.name
LIMIT $limit`

	cypherMetPairs = `MATCH (a:Person)-[r:MET]->(b:Person)
WITH a, b, r ORDER BY r.count DESC, a.name, b.name LIMIT $limit
CALL (a, b) {
  MATCH (a)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(b)
  OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
  OPTIONAL MATCH (art:Article)-[rep:REPORTS]->(m)
  WITH m, pl, art, rep ORDER BY m.date, art.published, art.id
  RETURN [x IN collect(DISTINCT pl.name) WHERE x IS NOT NULL] AS places,
    head(collect({article: art.id, title: art.title, url: art.url, published: art.published, sentence: rep.evidence})) AS evidence
}
RETURN {key: a.key, name: a.name, countries: [(a)-[:REPRESENTS]->(c:Country) | c.code]} AS a,
  {key: b.key, name: b.name, countries: [(b)-[:REPRESENTS]->(c:Country) | c.code]} AS b,
  r.count AS count, r.occurred AS occurred, r.planned AS planned, r.firstDate AS firstDate, r.lastDate AS lastDate,
  places, evidence
ORDER BY count DESC, a.name, b.name`
)

// WhoMet lists the people the person with key met, most meetings first,
// each with every meeting and the sentences that report it.
func (s *Store) WhoMet(ctx context.Context, key string, limit int) ([]Contact, error) {
	var out []Contact
	err := s.decodeAll(ctx, cypherWhoMet, map[string]any{"key": key, "limit": limitParam(limit)}, &out)
	if err != nil {
		return nil, fmt.Errorf("who met %s: %w", key, err)
	}
	return out, nil
}

// MetPairs lists the MET edges of the whole graph, most meetings first.
func (s *Store) MetPairs(ctx context.Context, limit int) ([]MetPair, error) {
	var out []MetPair
	if err := s.decodeAll(ctx, cypherMetPairs, map[string]any{"limit": limitParam(limit)}, &out); err != nil {
		return nil, fmt.Errorf("list who met whom: %w", err)
	}
	return out, nil
}

// limitParam turns "0 or less" into "no limit".
func limitParam(n int) int64 {
	if n <= 0 {
		return 1 << 62
	}
	return int64(n)
}

// decodeAll runs a read query and decodes its records into *out, a
// pointer to a slice of structs whose JSON names are the column names.
func (s *Store) decodeAll(ctx context.Context, cypher string, params map[string]any, out any) error {
	res, err := s.query(ctx, cypher, params, false)
	if err != nil {
		return err
	}
	return decodeRecords(res.Records, out)
}

func decodeRecords(recs []*neo4j.Record, out any) error {
	rows := make([]map[string]any, len(recs))
	for i, r := range recs {
		rows[i] = r.AsMap()
	}
	b, err := json.Marshal(rows)
	if err != nil {
		return fmt.Errorf("decode records: %w", err)
	}
	if err := json.Unmarshal(b, out); err != nil {
		return fmt.Errorf("decode records: %w", err)
	}
	return nil
}

// sortedUnique sorts ss and removes repeats.
func sortedUnique(ss []string) []string {
	sort.Strings(ss)
	out := ss[:0]
	for i, s := range ss {
		if i == 0 || s != ss[i-1] {
			out = append(out, s)
		}
	}
	return out
}

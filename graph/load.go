package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// LoadStats counts what one Write did.
type LoadStats struct {
	Articles  int `json:"articles"`
	New       int `json:"new"`
	Changed   int `json:"changed"`
	Unchanged int `json:"unchanged"`
	// OtherPath counts the changed articles whose stored version was read
	// from another path: the same ID (001 of inbox/ and of archive/, say)
	// now stands for another file, whose facts replaced the earlier ones.
	OtherPath     int `json:"replacedFromOtherPath"`
	NodesCreated  int `json:"nodesCreated"`
	NodesDeleted  int `json:"nodesDeleted"`
	RelsCreated   int `json:"relationshipsCreated"`
	RelsDeleted   int `json:"relationshipsDeleted"`
	PropertiesSet int `json:"propertiesSet"`
}

// Add accumulates o into s.
func (s *LoadStats) Add(o LoadStats) {
	s.Articles += o.Articles
	s.New += o.New
	s.Changed += o.Changed
	s.Unchanged += o.Unchanged
	s.OtherPath += o.OtherPath
	s.NodesCreated += o.NodesCreated
	s.NodesDeleted += o.NodesDeleted
	s.RelsCreated += o.RelsCreated
	s.RelsDeleted += o.RelsDeleted
	s.PropertiesSet += o.PropertiesSet
}

// The write path. Each statement UNWINDs a list parameter; all of them
// run in one managed transaction per batch, which the driver retries on
// transient errors (deadlocks between concurrent loads), so the
// transaction function recomputes everything from its inputs.
const (
	cypherArticleHashes = `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.contentHash AS hash, a.path AS path`

	cypherKnownSurnames = `UNWIND $surnames AS s
MATCH (p:Person {surname: s}) WHERE p.key CONTAINS ' '
RETURN s AS surname, p.key AS key, [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries
ORDER BY key`

	// Before an article's facts are replaced: the events it reported and
	// the derived edges they fed, so both can be cleaned up.
	cypherOldMeetings = `UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(m:Meeting|Trip)
MATCH (p:Person)-[:ATTENDED|ON_TRIP]->(m)
RETURN elementId(m) AS event, labels(m)[0] AS kind, collect(p.key) AS people`

	cypherOldStrikes = `UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(s:Strike)
OPTIONAL MATCH (att)-[:LAUNCHED]->(s)
OPTIONAL MATCH (s)-[:HIT]->(t:Place)
RETURN elementId(s) AS event,
       CASE WHEN att:Country THEN 'country:' + att.code WHEN att:Organization THEN 'org:' + att.key END AS attacker,
       t.key AS target`

	cypherOldMentions = `UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(e)
RETURN DISTINCT elementId(e) AS entity`

	cypherDetachArticles = `UNWIND $ids AS id
MATCH (a:Article {id: id})-[r:REPORTS|MENTIONS]->()
DELETE r`

	cypherDeleteOrphanEvents = `UNWIND $events AS eid
MATCH (e) WHERE elementId(e) = eid AND NOT (e)<-[:REPORTS]-()
DETACH DELETE e`

	cypherDeleteOrphanEntities = `UNWIND $entities AS eid
MATCH (e:Person|Place|Organization) WHERE elementId(e) = eid AND NOT (e)<-[:MENTIONS]-()
  AND NOT (e)<-[:HELD_IN|HIT|TO]-() AND NOT (e)-[:LAUNCHED]->()
DETACH DELETE e`

	cypherUpsertArticles = `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props`

	// aliases and roles may be missing (rather than empty) on persons
	// that neo4j-admin imported: it cannot store empty arrays.
	cypherUpsertPersons = `UNWIND $rows AS row
MERGE (p:Person {key: row.key})
ON CREATE SET p.name = row.name, p.surname = row.surname, p.aliases = [], p.roles = []
WITH p, row
SET p.name = CASE WHEN size(row.name) > size(p.name) THEN row.name ELSE p.name END,
    p.aliases = coalesce(p.aliases, []) + [x IN row.aliases + [row.name] WHERE NOT x IN coalesce(p.aliases, []) AND x <> p.name],
    p.roles = coalesce(p.roles, []) + [x IN [row.role] WHERE x IS NOT NULL AND NOT x IN coalesce(p.roles, [])]
WITH p, row
MATCH (a:Article {id: row.article})
MERGE (a)-[:MENTIONS]->(p)
WITH p, row WHERE row.country IS NOT NULL
MERGE (c:Country {code: row.country})
ON CREATE SET c.name = row.country
MERGE (p)-[r:REPRESENTS]->(c)
SET r.role = coalesce(row.role, r.role)`

	cypherUpsertCountries = `UNWIND $rows AS row
MERGE (c:Country {code: row.code})
SET c.name = row.name
WITH c, row
MATCH (a:Article {id: row.article})
MERGE (a)-[:MENTIONS]->(c)`

	cypherUpsertPlaces = `UNWIND $rows AS row
MERGE (p:Place {key: row.key})
ON CREATE SET p.name = row.name
WITH p, row
MATCH (a:Article {id: row.article})
MERGE (a)-[:MENTIONS]->(p)
WITH p, row WHERE row.country IS NOT NULL
MERGE (c:Country {code: row.country})
ON CREATE SET c.name = row.country
MERGE (p)-[:IN]->(c)`

	cypherUpsertOrgs = `UNWIND $rows AS row
MERGE (o:Organization {key: row.key})
ON CREATE SET o.name = row.name
WITH o, row
MATCH (a:Article {id: row.article})
MERGE (a)-[:MENTIONS]->(o)`

	cypherUpsertMeetings = `UNWIND $rows AS row
MERGE (m:Meeting {key: row.key})
SET m.date = row.date, m.status = row.status, m.cameo = row.cameo
WITH m, row
MATCH (a:Article {id: row.article})
MERGE (a)-[r:REPORTS]->(m)
SET r.evidence = row.evidence, r.start = row.start, r.end = row.end, r.rule = row.rule, r.confidence = row.confidence
WITH m, row
CALL (m, row) {
  MATCH (pl:Place {key: row.place})
  MERGE (m)-[:HELD_IN]->(pl)
}
WITH m, row
UNWIND row.people AS pk
MATCH (p:Person {key: pk})
MERGE (p)-[:ATTENDED]->(m)`

	cypherUpsertTrips = `UNWIND $rows AS row
MERGE (t:Trip {key: row.key})
WITH t, row
MATCH (a:Article {id: row.article})
MERGE (a)-[r:REPORTS]->(t)
SET r.evidence = row.evidence, r.start = row.start, r.end = row.end, r.rule = row.rule, r.confidence = row.confidence
WITH t, row
CALL (t, row) {
  MATCH (pl:Place {key: row.to})
  MERGE (t)-[:TO]->(pl)
}
WITH t, row
UNWIND row.people AS pk
MATCH (p:Person {key: pk})
MERGE (p)-[:ON_TRIP]->(t)`

	cypherUpsertStrikes = `UNWIND $rows AS row
MERGE (s:Strike {key: row.key})
SET s.date = row.date, s.weapon = row.weapon, s.killed = row.killed, s.injured = row.injured, s.cameo = row.cameo
WITH s, row
MATCH (a:Article {id: row.article})
MERGE (a)-[r:REPORTS]->(s)
SET r.evidence = row.evidence, r.start = row.start, r.end = row.end, r.rule = row.rule, r.confidence = row.confidence
WITH s, row
MATCH (t:Place {key: row.target})
MERGE (s)-[:HIT]->(t)
WITH s, row
CALL (s, row) {
  WITH s, row WHERE row.attackerKind = 'country'
  MERGE (c:Country {code: row.attacker})
  ON CREATE SET c.name = row.attacker
  MERGE (c)-[:LAUNCHED]->(s)
}
CALL (s, row) {
  WITH s, row WHERE row.attackerKind = 'org'
  MATCH (o:Organization {key: row.attacker})
  MERGE (o)-[:LAUNCHED]->(s)
}`

	// Derived edges: recomputed from the events behind them for every
	// pair a batch touched, so counts and dates never drift.
	cypherRecomputeMet = `UNWIND $pairs AS pr
MATCH (p1:Person {key: pr.a}), (p2:Person {key: pr.b})
OPTIONAL MATCH (p1)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(p2)
WITH p1, p2, count(m) AS n, min(m.date) AS first, max(m.date) AS last,
     sum(CASE m.status WHEN 'planned' THEN 1 ELSE 0 END) AS planned
CALL (p1, p2, n) {
  WITH * WHERE n = 0
  MATCH (p1)-[r:MET]-(p2)
  DELETE r
}
CALL (p1, p2, n, first, last, planned) {
  WITH * WHERE n > 0
  MERGE (p1)-[r:MET]->(p2)
  SET r.count = n, r.occurred = n - planned, r.planned = planned, r.firstDate = first, r.lastDate = last
}`

	cypherRecomputeTraveled = `UNWIND $pairs AS pr
MATCH (p1:Person {key: pr.a}), (p2:Person {key: pr.b})
OPTIONAL MATCH (p1)-[:ON_TRIP]->(t:Trip)<-[:ON_TRIP]-(p2)
WITH p1, p2, count(t) AS n
CALL (p1, p2, n) {
  WITH * WHERE n = 0
  MATCH (p1)-[r:TRAVELED_WITH]-(p2)
  DELETE r
}
CALL (p1, p2, n) {
  WITH * WHERE n > 0
  MERGE (p1)-[r:TRAVELED_WITH]->(p2)
  SET r.count = n
}`

	// The strikes between an attacker and a place are found from the
	// place's side: a place is hit a few times, a country launches
	// thousands of strikes.
	cypherRecomputeStruckByCountry = `UNWIND $pairs AS pr
MATCH (t:Place {key: pr.target}), (att:Country {code: pr.code})
` + recomputeStruckTail
	cypherRecomputeStruckByOrg = `UNWIND $pairs AS pr
MATCH (t:Place {key: pr.target}), (att:Organization {key: pr.org})
` + recomputeStruckTail
	recomputeStruckTail = `OPTIONAL MATCH (t)<-[:HIT]-(s:Strike)
WHERE EXISTS { (att)-[:LAUNCHED]->(s) }
WITH att, t, count(s) AS n, min(s.date) AS first, max(s.date) AS last, sum(s.killed) AS killed
CALL (att, t, n) {
  WITH * WHERE n = 0
  MATCH (att)-[r:STRUCK]->(t)
  DELETE r
}
CALL (att, t, n, first, last, killed) {
  WITH * WHERE n > 0
  MERGE (att)-[r:STRUCK]->(t)
  SET r.count = n, r.firstDate = first, r.lastDate = last, r.killed = killed
}`
)

// Write loads items in one transaction: articles whose content hash is
// unchanged are skipped; for changed ones, the facts of the earlier
// version are removed first (with the events and entities no other
// article supports), then everything is merged and the derived MET,
// TRAVELED_WITH and STRUCK edges of every touched pair are recomputed.
// Countries are named by the store's Options.CountryName.
func (s *Store) Write(ctx context.Context, items []Item) (LoadStats, error) {
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(context.WithoutCancel(ctx))
	v, err := sess.ExecuteWrite(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		return writeTx(ctx, tx, items, s.countryName)
	})
	if err != nil {
		return LoadStats{}, s.wrap(err)
	}
	return v.(LoadStats), nil
}

func writeTx(ctx context.Context, tx neo4j.ManagedTransaction, items []Item, countryName CountryNamer) (LoadStats, error) {
	st := LoadStats{Articles: len(items)}
	ids := make([]any, 0, len(items))
	for _, it := range items {
		ids = append(ids, it.Article.ID)
	}
	recs, err := collect(ctx, tx, cypherArticleHashes, map[string]any{"ids": ids}, &st)
	if err != nil {
		return st, err
	}
	existing := map[string]string{}
	paths := map[string]string{}
	for _, r := range recs {
		id, _ := r.Get("id")
		h, _ := r.Get("hash")
		p, _ := r.Get("path")
		hs, _ := h.(string)
		existing[id.(string)] = hs
		paths[id.(string)], _ = p.(string)
	}
	var todo []Item
	var changed []any
	seen := map[string]bool{}
	for _, it := range items {
		id := it.Article.ID
		if seen[id] {
			// The same id twice in one batch: the later one wins.
			continue
		}
		seen[id] = true
		h, ok := existing[id]
		switch {
		case ok && h == it.Hash:
			st.Unchanged++
			continue
		case ok:
			st.Changed++
			if p := paths[id]; p != "" && p != it.Article.Path {
				st.OtherPath++
			}
			changed = append(changed, id)
		default:
			st.New++
		}
		todo = append(todo, it)
	}
	if len(todo) == 0 {
		return st, nil
	}

	res := &personResolver{bySurname: knownPersons{}}
	sn := surnames(todo)
	if len(sn) > 0 {
		recs, err := collect(ctx, tx, cypherKnownSurnames, map[string]any{"surnames": toAny(sn)}, &st)
		if err != nil {
			return st, err
		}
		for _, r := range recs {
			s, _ := r.Get("surname")
			k, _ := r.Get("key")
			cs, _ := r.Get("countries")
			c := candidate{key: k.(string)}
			for _, x := range cs.([]any) {
				c.countries = append(c.countries, x.(string))
			}
			res.bySurname[s.(string)] = append(res.bySurname[s.(string)], c)
		}
	}
	res.addBatchPersons(todo)
	b := build(todo, res, countryName)

	var oldEvents, oldEntities []any
	if len(changed) > 0 {
		p := map[string]any{"ids": changed}
		recs, err := collect(ctx, tx, cypherOldMeetings, p, &st)
		if err != nil {
			return st, err
		}
		for _, r := range recs {
			ev, _ := r.Get("event")
			kind, _ := r.Get("kind")
			ppl, _ := r.Get("people")
			oldEvents = append(oldEvents, ev)
			people := anyStrings(ppl)
			pairs := b.metPairs
			if kind == "Trip" {
				pairs = b.tripPairs
			}
			for i := range people {
				for j := i + 1; j < len(people); j++ {
					pairs[orderedPair(people[i], people[j])] = true
				}
			}
		}
		recs, err = collect(ctx, tx, cypherOldStrikes, p, &st)
		if err != nil {
			return st, err
		}
		for _, r := range recs {
			ev, _ := r.Get("event")
			att, _ := r.Get("attacker")
			tgt, _ := r.Get("target")
			oldEvents = append(oldEvents, ev)
			if a, ok := att.(string); ok {
				if t, ok := tgt.(string); ok {
					b.struck[[2]string{a, t}] = true
				}
			}
		}
		recs, err = collect(ctx, tx, cypherOldMentions, p, &st)
		if err != nil {
			return st, err
		}
		for _, r := range recs {
			e, _ := r.Get("entity")
			oldEntities = append(oldEntities, e)
		}
		if _, err := collect(ctx, tx, cypherDetachArticles, p, &st); err != nil {
			return st, err
		}
	}

	steps := []struct {
		cypher string
		rows   []map[string]any
	}{
		{cypherUpsertArticles, paramRows(b.articles)},
		{cypherUpsertCountries, paramRows(b.countries)},
		{cypherUpsertPersons, paramRows(b.persons)},
		{cypherUpsertPlaces, paramRows(b.places)},
		{cypherUpsertOrgs, paramRows(b.orgs)},
		{cypherUpsertMeetings, paramRows(b.meetings)},
		{cypherUpsertTrips, paramRows(b.trips)},
		{cypherUpsertStrikes, paramRows(b.strikes)},
	}
	for _, step := range steps {
		if len(step.rows) == 0 {
			continue
		}
		if _, err := collect(ctx, tx, step.cypher, map[string]any{"rows": step.rows}, &st); err != nil {
			return st, err
		}
	}
	if len(oldEvents) > 0 {
		if _, err := collect(ctx, tx, cypherDeleteOrphanEvents, map[string]any{"events": oldEvents}, &st); err != nil {
			return st, err
		}
	}
	for _, d := range []struct {
		cypher string
		pairs  []map[string]any
	}{
		{cypherRecomputeMet, pairRows(b.metPairs)},
		{cypherRecomputeTraveled, pairRows(b.tripPairs)},
		{cypherRecomputeStruckByCountry, struckRows(b.struck, "country:")},
		{cypherRecomputeStruckByOrg, struckRows(b.struck, "org:")},
	} {
		if len(d.pairs) == 0 {
			continue
		}
		if _, err := collect(ctx, tx, d.cypher, map[string]any{"pairs": d.pairs}, &st); err != nil {
			return st, err
		}
	}
	if len(oldEntities) > 0 {
		if _, err := collect(ctx, tx, cypherDeleteOrphanEntities, map[string]any{"entities": oldEntities}, &st); err != nil {
			return st, err
		}
	}
	return st, nil
}

// collect runs one statement in tx, consumes it (errors may only show up
// then) and adds its counters to st.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, cypher string, params map[string]any, st *LoadStats) ([]*neo4j.Record, error) {
	res, err := tx.Run(ctx, cypher, params)
	if err != nil {
		return nil, err
	}
	recs, err := res.Collect(ctx)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	c := sum.Counters()
	st.NodesCreated += c.NodesCreated()
	st.NodesDeleted += c.NodesDeleted()
	st.RelsCreated += c.RelationshipsCreated()
	st.RelsDeleted += c.RelationshipsDeleted()
	st.PropertiesSet += c.PropertiesSet()
	return recs, nil
}

// struckRows lists the (attacker, place) pairs whose attacker key has
// the given kind prefix ("country:" or "org:").
func struckRows(m map[[2]string]bool, prefix string) []map[string]any {
	var out []map[string]any
	for _, k := range sortedPairs(m) {
		att, ok := strings.CutPrefix(k[0], prefix)
		if !ok {
			continue
		}
		row := map[string]any{"target": k[1], "code": nil, "org": nil}
		if prefix == "country:" {
			row["code"] = att
		} else {
			row["org"] = att
		}
		out = append(out, row)
	}
	return out
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

func anyStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, 0, len(l))
	for _, x := range l {
		if s, ok := x.(string); ok {
			out = append(out, s)
		}
	}
	sort.Strings(out)
	return out
}

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

// planOnce keeps the first plan of a write statement for as long as the
// server caches it. Every lookup in them is by a unique key or an element
// id (an index or id seek whatever the statistics say), but a load into a
// young database changes the statistics so fast that Neo4j would otherwise
// plan each statement again every few seconds: a fifth of the server's CPU
// in a load. (cypherKnownSurnames is left out: it seeks a non-unique
// index, and a plan made on an empty database could scan the label.)
const planOnce = "CYPHER replan=skip\n"

// The write path. Each statement UNWINDs a list parameter; all of them
// run in one managed transaction per batch, which the driver retries on
// transient errors (deadlocks between concurrent loads), so the
// transaction function recomputes everything from its inputs.
const (
	cypherArticleHashes = planOnce + `UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN a.id AS id, a.contentHash AS hash, a.path AS path`

	cypherKnownSurnames = `UNWIND $surnames AS s
MATCH (p:Person {surname: s}) WHERE p.key CONTAINS ' '
RETURN s AS surname, p.key AS key, [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries
ORDER BY key`

	// Before an article's facts are replaced: the events it reported and
	// the derived edges they fed, so both can be cleaned up.
	cypherOldMeetings = planOnce + `UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(m:Meeting|Trip)
MATCH (p:Person)-[:ATTENDED|ON_TRIP]->(m)
RETURN elementId(m) AS event, labels(m)[0] AS kind, collect(p.key) AS people`

	cypherOldStrikes = planOnce + `UNWIND $ids AS id
MATCH (:Article {id: id})-[:REPORTS]->(s:Strike)
OPTIONAL MATCH (att)-[:LAUNCHED]->(s)
OPTIONAL MATCH (s)-[:HIT]->(t:Place)
RETURN elementId(s) AS event,
       CASE WHEN att:Country THEN 'country:' + att.code WHEN att:Organization THEN 'org:' + att.key END AS attacker,
       t.key AS target`

	cypherOldMentions = planOnce + `UNWIND $ids AS id
MATCH (:Article {id: id})-[:MENTIONS]->(e)
RETURN DISTINCT elementId(e) AS entity, CASE WHEN e:Person THEN e.key END AS person`

	// The articles of a batch that already report or mention something
	// once cypherUpsertArticles has locked them: the changed ones, and any
	// that a concurrent load wrote since cypherArticleHashes looked. Their
	// facts are removed before the batch's are written, so that every
	// MENTIONS edge of the batch can be created rather than merged.
	cypherArticlesWithFacts = planOnce + `UNWIND $ids AS id
MATCH (a:Article {id: id}) WHERE EXISTS { (a)-[:REPORTS|MENTIONS]->() }
RETURN a.id AS id`

	cypherDetachArticles = planOnce + `UNWIND $ids AS id
MATCH (a:Article {id: id})-[r:REPORTS|MENTIONS]->()
DELETE r`

	cypherDeleteOrphanEvents = planOnce + `UNWIND $events AS eid
MATCH (e) WHERE elementId(e) = eid AND NOT (e)<-[:REPORTS]-()
DETACH DELETE e`

	cypherDeleteOrphanEntities = planOnce + `UNWIND $entities AS eid
MATCH (e:Person|Place|Organization) WHERE elementId(e) = eid AND NOT (e)<-[:MENTIONS]-()
  AND NOT (e)<-[:HELD_IN|HIT|TO]-() AND NOT (e)-[:LAUNCHED]->()
DETACH DELETE e`

	// Setting a property locks the node, changed or not: from here to the
	// end of the transaction no other load writes these articles' edges.
	// It returns each article's element id: the statements after it find
	// the articles by that (row.article, row.articles, mt.article), an id
	// seek that neither descends the id index nor takes its lock, once
	// for every entity and event an article names.
	cypherUpsertArticles = planOnce + `UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a += row.props
RETURN row.id AS id, elementId(a) AS node`

	// One row per person of the batch (personParams). aliases and roles
	// may be missing (rather than empty) on persons that neo4j-admin
	// imported: it cannot store empty arrays.
	// Every property is a function of the set of mentions, not of their
	// order (concurrent loads, a batch size, a changed article must not
	// change the graph): the longest name wins, the smallest on a tie;
	// aliases are every name seen but the name; REPRESENTS keeps the
	// smallest role. The MENTIONS edge keeps what its article says about
	// the person (name, names, roles, reps: "CODE|role"), from which
	// cypherRecomputePersons rebuilds the person when an article changes.
	cypherUpsertPersons = planOnce + `UNWIND $rows AS row
MERGE (p:Person {key: row.key})
ON CREATE SET p.name = row.name, p.surname = row.surname, p.aliases = [], p.roles = []
WITH p, row, p.name AS old
SET p.name = CASE WHEN size(row.name) > size(p.name) OR (size(row.name) = size(p.name) AND row.name < p.name) THEN row.name ELSE p.name END
WITH p, row, old
SET p.aliases = reduce(acc = [], x IN coalesce(p.aliases, []) + row.names + [old] |
      CASE WHEN x IS NULL OR x = p.name OR x IN acc THEN acc ELSE acc + x END),
    p.roles = reduce(acc = coalesce(p.roles, []), x IN row.roles | CASE WHEN x IN acc THEN acc ELSE acc + x END)
WITH p, row
CALL (p, row) {
  UNWIND row.mentions AS mt
  MATCH (a:Article) WHERE elementId(a) = mt.article
  CREATE (a)-[:MENTIONS {name: mt.name, names: mt.names, roles: mt.roles, reps: mt.reps}]->(p)
}
CALL (p, row) {
  UNWIND row.reps AS rp
  MERGE (c:Country {code: rp.code})
  ON CREATE SET c.name = rp.code
  MERGE (p)-[r:REPRESENTS]->(c)
  SET r.role = CASE WHEN rp.role IS NOT NULL AND (r.role IS NULL OR rp.role < r.role) THEN rp.role ELSE r.role END
}`

	// After articles changed: the persons their earlier versions mentioned
	// are rebuilt from the MENTIONS edges that remain, so a name, alias,
	// role or country only the earlier version gave goes away. (A person
	// no article mentions any more is deleted with the orphans.)
	cypherRecomputePersons = planOnce + `UNWIND $keys AS k
MATCH (p:Person {key: k})<-[m:MENTIONS]-(:Article)
WITH p, collect(m) AS ms
WITH p, reduce(best = null, m IN ms | CASE WHEN best IS NULL OR size(m.name) > size(best) OR (size(m.name) = size(best) AND m.name < best) THEN m.name ELSE best END) AS name,
     reduce(acc = [], m IN ms | acc + coalesce(m.names, [])) AS names,
     reduce(acc = [], m IN ms | acc + coalesce(m.roles, [])) AS roles,
     reduce(acc = [], m IN ms | acc + coalesce(m.reps, [])) AS reps
SET p.name = name,
    p.aliases = reduce(acc = [], x IN names | CASE WHEN x = name OR x IN acc THEN acc ELSE acc + x END),
    p.roles = reduce(acc = [], x IN roles | CASE WHEN x IN acc THEN acc ELSE acc + x END)
WITH p, [x IN reps | split(x, '|')] AS reps
CALL (p, reps) {
  MATCH (p)-[r:REPRESENTS]->(c:Country)
  WHERE none(x IN reps WHERE x[0] = c.code)
  DELETE r
}
CALL (p, reps) {
  UNWIND reps AS x
  WITH p, x[0] AS code, CASE WHEN x[1] = '' THEN null ELSE x[1] END AS role
  WITH p, code, min(role) AS role
  MATCH (c:Country {code: code})
  MERGE (p)-[r:REPRESENTS]->(c)
  SET r.role = role
}`

	// One row per country, place or organisation of the batch, with the
	// articles that mention it (entityParams).
	cypherUpsertCountries = planOnce + `UNWIND $rows AS row
MERGE (c:Country {code: row.key})
SET c.name = row.name
WITH c, row
UNWIND row.articles AS node
MATCH (a:Article) WHERE elementId(a) = node
CREATE (a)-[:MENTIONS]->(c)`

	cypherUpsertPlaces = planOnce + `UNWIND $rows AS row
MERGE (p:Place {key: row.key})
ON CREATE SET p.name = row.name
WITH p, row
CALL (p, row) {
  UNWIND row.articles AS node
  MATCH (a:Article) WHERE elementId(a) = node
  CREATE (a)-[:MENTIONS]->(p)
}
CALL (p, row) {
  UNWIND row.countries AS code
  MERGE (c:Country {code: code})
  ON CREATE SET c.name = code
  MERGE (p)-[:IN]->(c)
}`

	cypherUpsertOrgs = planOnce + `UNWIND $rows AS row
MERGE (o:Organization {key: row.key})
ON CREATE SET o.name = row.name
WITH o, row
UNWIND row.articles AS node
MATCH (a:Article) WHERE elementId(a) = node
CREATE (a)-[:MENTIONS]->(o)`

	cypherUpsertMeetings = planOnce + `UNWIND $rows AS row
MERGE (m:Meeting {key: row.key})
SET m.date = row.date, m.status = row.status, m.cameo = row.cameo
WITH m, row
MATCH (a:Article) WHERE elementId(a) = row.article
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

	cypherUpsertTrips = planOnce + `UNWIND $rows AS row
MERGE (t:Trip {key: row.key})
WITH t, row
MATCH (a:Article) WHERE elementId(a) = row.article
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

	cypherUpsertStrikes = planOnce + `UNWIND $rows AS row
MERGE (s:Strike {key: row.key})
SET s.date = row.date, s.weapon = row.weapon, s.killed = row.killed, s.injured = row.injured, s.cameo = row.cameo
WITH s, row
MATCH (a:Article) WHERE elementId(a) = row.article
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
	// pair a batch touched, so counts and dates never drift. The meetings
	// two persons share are the intersection of the two lists of meetings
	// each attended (only meetings are ATTENDED): each list is read once,
	// instead of reading every attendee of every meeting of one of them.
	cypherRecomputeMet = planOnce + `UNWIND $pairs AS pr
MATCH (p1:Person {key: pr.a}), (p2:Person {key: pr.b})
CALL (p1, p2) {
  OPTIONAL MATCH (p1)-[:ATTENDED]->(m1)
  WITH p2, collect(m1) AS ms1
  OPTIONAL MATCH (p2)-[:ATTENDED]->(m)
  WHERE m IN ms1
  RETURN count(m) AS n, min(m.date) AS first, max(m.date) AS last,
         sum(CASE m.status WHEN 'planned' THEN 1 ELSE 0 END) AS planned
}
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

	cypherRecomputeTraveled = planOnce + `UNWIND $pairs AS pr
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

	// The strikes between attackers and a place are found from the
	// place's side (a place is hit a few times, a country launches
	// thousands of strikes), once per place for all the attackers the
	// batch touched there: one pass over the place's strikes, not one per
	// (attacker, place) pair. The attackers are looked up by key first and
	// compared as nodes, which reads no property of the strikes' other
	// attackers (only strikes HIT places).
	cypherRecomputeStruck = planOnce + `UNWIND $targets AS tg
MATCH (t:Place {key: tg.target})
CALL (tg) {
  OPTIONAL MATCH (c:Country) WHERE c.code IN tg.codes
  RETURN collect(c) AS countries
}
CALL (tg) {
  OPTIONAL MATCH (o:Organization) WHERE o.key IN tg.orgs
  RETURN collect(o) AS orgs
}
WITH t, countries + orgs AS atts
OPTIONAL MATCH (t)<-[:HIT]-(s)<-[:LAUNCHED]-(att)
WHERE att IN atts
WITH t, atts, att, count(s) AS n, min(s.date) AS first, max(s.date) AS last, sum(s.killed) AS killed
WITH t, atts, [x IN collect({att: att, n: n, first: first, last: last, killed: killed}) WHERE x.att IS NOT NULL] AS found
CALL (t, found) {
  UNWIND found AS f
  WITH t, f, f.att AS att
  MERGE (att)-[r:STRUCK]->(t)
  SET r.count = f.n, r.firstDate = f.first, r.lastDate = f.last, r.killed = f.killed
}
CALL (t, atts, found) {
  MATCH (att)-[r:STRUCK]->(t)
  WHERE att IN atts AND none(f IN found WHERE f.att = att)
  DELETE r
}`
)

// Write loads items in one transaction: articles whose content hash is
// unchanged are skipped; the others are written and locked first, and
// those that still have facts (changed ones, or ones a concurrent load
// wrote meanwhile) lose them (with the events and entities no other
// article supports). Then the articles' MENTIONS edges are created,
// everything else is merged, and the derived MET, TRAVELED_WITH and
// STRUCK edges of every touched pair are recomputed.
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
	var todoIDs []any
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
		default:
			st.New++
		}
		todo = append(todo, it)
		todoIDs = append(todoIDs, id)
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

	// The articles first: this locks them (see cypherArticlesWithFacts).
	recs, err = collect(ctx, tx, cypherUpsertArticles, map[string]any{"rows": paramRows(b.articles)}, &st)
	if err != nil {
		return st, err
	}
	nodes := make(map[string]any, len(recs))
	for _, r := range recs {
		id, _ := r.Get("id")
		n, _ := r.Get("node")
		nodes[id.(string)] = n
	}
	// The changed articles, and new ones that a concurrent load wrote
	// meanwhile, lose their earlier facts.
	recs, err = collect(ctx, tx, cypherArticlesWithFacts, map[string]any{"ids": todoIDs}, &st)
	if err != nil {
		return st, err
	}
	var stale []any
	for _, r := range recs {
		id, _ := r.Get("id")
		stale = append(stale, id)
	}

	var oldEvents, oldEntities, oldPersons []any
	if len(stale) > 0 {
		p := map[string]any{"ids": stale}
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
			if k, _ := r.Get("person"); k != nil {
				oldPersons = append(oldPersons, k)
			}
		}
		if _, err := collect(ctx, tx, cypherDetachArticles, p, &st); err != nil {
			return st, err
		}
	}

	steps := []struct {
		cypher string
		rows   []map[string]any
	}{
		{cypherUpsertCountries, articleNodes(countryParams(b.countries), nodes)},
		{cypherUpsertPersons, articleNodes(personParams(b.persons), nodes)},
		{cypherUpsertPlaces, articleNodes(placeParams(b.places), nodes)},
		{cypherUpsertOrgs, articleNodes(orgParams(b.orgs), nodes)},
		{cypherUpsertMeetings, articleNodes(paramRows(b.meetings), nodes)},
		{cypherUpsertTrips, articleNodes(paramRows(b.trips), nodes)},
		{cypherUpsertStrikes, articleNodes(paramRows(b.strikes), nodes)},
	}
	for _, step := range steps {
		if len(step.rows) == 0 {
			continue
		}
		if _, err := collect(ctx, tx, step.cypher, map[string]any{"rows": step.rows}, &st); err != nil {
			return st, err
		}
	}
	if len(oldPersons) > 0 {
		if _, err := collect(ctx, tx, cypherRecomputePersons, map[string]any{"keys": oldPersons}, &st); err != nil {
			return st, err
		}
	}
	if len(oldEvents) > 0 {
		if _, err := collect(ctx, tx, cypherDeleteOrphanEvents, map[string]any{"events": oldEvents}, &st); err != nil {
			return st, err
		}
	}
	for _, d := range []struct {
		cypher, param string
		rows          []map[string]any
	}{
		{cypherRecomputeMet, "pairs", pairRows(b.metPairs)},
		{cypherRecomputeTraveled, "pairs", pairRows(b.tripPairs)},
		{cypherRecomputeStruck, "targets", struckTargets(b.struck)},
	} {
		if len(d.rows) == 0 {
			continue
		}
		if _, err := collect(ctx, tx, d.cypher, map[string]any{d.param: d.rows}, &st); err != nil {
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

// articleNodes replaces the article ids in rows (a row's "article" and
// "articles", a person's mentions' "article") with the element ids of the
// articles' nodes that cypherUpsertArticles returned.
func articleNodes(rows []map[string]any, nodes map[string]any) []map[string]any {
	for _, row := range rows {
		if id, ok := row["article"].(string); ok {
			row["article"] = nodes[id]
		}
		if ids, ok := row["articles"].([]string); ok {
			ns := make([]any, len(ids))
			for i, id := range ids {
				ns[i] = nodes[id]
			}
			row["articles"] = ns
		}
		if ms, ok := row["mentions"].([]map[string]any); ok {
			articleNodes(ms, nodes)
		}
	}
	return rows
}

// struckTargets groups the (attacker, place) pairs by place: the country
// codes and organisation keys of the attackers the batch touched there.
func struckTargets(m map[[2]string]bool) []map[string]any {
	var out []map[string]any
	at := map[string]map[string]any{}
	for _, k := range sortedPairs(m) {
		row := at[k[1]]
		if row == nil {
			row = map[string]any{"target": k[1], "codes": []string{}, "orgs": []string{}}
			at[k[1]] = row
			out = append(out, row)
		}
		if code, ok := strings.CutPrefix(k[0], "country:"); ok {
			row["codes"] = append(row["codes"].([]string), code)
		} else if org, ok := strings.CutPrefix(k[0], "org:"); ok {
			row["orgs"] = append(row["orgs"].([]string), org)
		}
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

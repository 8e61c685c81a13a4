package graph

import (
	"context"
	"fmt"
)

// schemaStatements create the constraints and indexes the graph model
// needs. Every statement is idempotent (IF NOT EXISTS, IF EXISTS), and the
// uniqueness constraints come first: MERGE on a key is only fast (and only
// safe under concurrent loads) when the key is backed by a constraint.
var schemaStatements = []string{
	`CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE`,
	`CREATE CONSTRAINT person_key IF NOT EXISTS FOR (p:Person) REQUIRE p.key IS UNIQUE`,
	`CREATE CONSTRAINT country_code IF NOT EXISTS FOR (c:Country) REQUIRE c.code IS UNIQUE`,
	`CREATE CONSTRAINT place_key IF NOT EXISTS FOR (p:Place) REQUIRE p.key IS UNIQUE`,
	`CREATE CONSTRAINT organization_key IF NOT EXISTS FOR (o:Organization) REQUIRE o.key IS UNIQUE`,
	`CREATE CONSTRAINT meeting_key IF NOT EXISTS FOR (m:Meeting) REQUIRE m.key IS UNIQUE`,
	`CREATE CONSTRAINT strike_key IF NOT EXISTS FOR (s:Strike) REQUIRE s.key IS UNIQUE`,
	`CREATE CONSTRAINT trip_key IF NOT EXISTS FOR (t:Trip) REQUIRE t.key IS UNIQUE`,
	`CREATE CONSTRAINT feed_url IF NOT EXISTS FOR (f:Feed) REQUIRE f.url IS UNIQUE`,
	`CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)`,
	`CREATE INDEX person_surname IF NOT EXISTS FOR (p:Person) ON (p.surname)`,
	`CREATE INDEX meeting_date IF NOT EXISTS FOR (m:Meeting) ON (m.date)`,
	`CREATE INDEX strike_date IF NOT EXISTS FOR (s:Strike) ON (s.date)`,
	`CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Person|Place|Organization|Country) ON EACH [n.name, n.aliases]
OPTIONS {indexConfig: {` + "`fulltext.analyzer`" + `: 'standard-folding'}}`,
	// Earlier versions indexed Article.contentHash, which no query seeks
	// (an article's hash is read by its id): one index entry per article
	// written for nothing, a random 64-character key at that.
	`DROP INDEX article_content_hash IF EXISTS`,
}

const cypherAwaitIndexes = `CALL db.awaitIndexes(300)`

// SchemaResult counts what ApplySchema created; zero on a second run.
type SchemaResult struct {
	ConstraintsAdded int `json:"constraintsAdded"`
	IndexesAdded     int `json:"indexesAdded"`
}

// ApplySchema creates the constraints and indexes that do not exist yet
// and waits until every index is online.
func (s *Store) ApplySchema(ctx context.Context) (SchemaResult, error) {
	var r SchemaResult
	for _, stmt := range schemaStatements {
		res, err := s.query(ctx, stmt, nil, true)
		if err != nil {
			return r, fmt.Errorf("apply schema: %w", err)
		}
		c := res.Summary.Counters()
		r.ConstraintsAdded += c.ConstraintsAdded()
		r.IndexesAdded += c.IndexesAdded()
	}
	if _, err := s.query(ctx, cypherAwaitIndexes, nil, false); err != nil {
		return r, fmt.Errorf("wait for indexes: %w", err)
	}
	return r, nil
}

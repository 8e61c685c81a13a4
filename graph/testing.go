package graph

import (
	"context"
	"errors"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

const (
	cypherTestMarker = `MATCH (m:NewsgraphTestDatabase) RETURN count(m) AS n`
	cypherAnyNode    = `MATCH (n) RETURN count(n) > 0 AS any`
	// In an auto-commit transaction, so that a large test database (after
	// a benchmark, say) is emptied in small transactions.
	// Relationships go first: a dense node (a country every article
	// mentions) deleted with all its edges would not fit one transaction.
	cypherWipeRels  = `MATCH ()-[r]->() CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`
	cypherWipeNodes = `MATCH (n) CALL (n) { DELETE n } IN TRANSACTIONS OF 10000 ROWS`
	cypherMark      = `MERGE (:NewsgraphTestDatabase)`
)

// ResetForTests empties the database for an integration test. To protect
// real data it only wipes a database that is empty or that an earlier
// test run marked as a test database.
func ResetForTests(ctx context.Context, s *Store) error {
	res, err := s.query(ctx, cypherTestMarker, nil, false)
	if err != nil {
		return err
	}
	marked, _ := res.Records[0].Get("n")
	if marked.(int64) == 0 {
		res, err := s.query(ctx, cypherAnyNode, nil, false)
		if err != nil {
			return err
		}
		if any, _ := res.Records[0].Get("any"); any.(bool) {
			return errors.New("refusing to wipe a database that tests did not create: point NEO4J_URI at a throwaway Neo4j (`make test` starts one)")
		}
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeWrite})
	defer sess.Close(ctx)
	for _, q := range []string{cypherWipeRels, cypherWipeNodes} {
		res, err := sess.Run(ctx, q, nil)
		if err == nil {
			_, err = res.Consume(ctx)
		}
		if err != nil {
			return fmt.Errorf("wipe test database: %w", s.wrap(err))
		}
	}
	_, err = s.query(ctx, cypherMark, nil, true)
	return err
}

// Count runs a counting query (one row, one integer column) and returns
// its number. For tests and checks.
func (s *Store) Count(ctx context.Context, cypher string, params map[string]any) (int64, error) {
	res, err := s.query(ctx, cypher, params, false)
	if err != nil {
		return 0, err
	}
	if len(res.Records) != 1 || len(res.Records[0].Values) != 1 {
		return 0, fmt.Errorf("count query returned %d rows", len(res.Records))
	}
	n, ok := res.Records[0].Values[0].(int64)
	if !ok {
		return 0, fmt.Errorf("count query returned %T", res.Records[0].Values[0])
	}
	return n, nil
}

package graph

import (
	"context"
	"fmt"
	"strings"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// PlannedOnce are the write statements that keep their first plan
// (planOnce), by name.
var PlannedOnce = map[string]string{
	"upsert articles": cypherUpsertArticles, "upsert persons": cypherUpsertPersons,
	"upsert countries": cypherUpsertCountries, "upsert places": cypherUpsertPlaces,
	"upsert organisations": cypherUpsertOrgs, "upsert meetings": cypherUpsertMeetings,
	"upsert trips": cypherUpsertTrips, "upsert strikes": cypherUpsertStrikes,
	"recompute MET": cypherRecomputeMet, "recompute TRAVELED_WITH": cypherRecomputeTraveled,
	"recompute STRUCK": cypherRecomputeStruck,
}

// PlanOperators plans cypher afresh (EXPLAIN, replan=force) on the
// database as it is and returns the operators of the plan.
func (s *Store) PlanOperators(ctx context.Context, cypher string) ([]string, error) {
	q := "EXPLAIN " + strings.Replace(cypher, planOnce, "CYPHER replan=force\n", 1)
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db})
	defer sess.Close(ctx)
	res, err := sess.Run(ctx, q, nil)
	if err != nil {
		return nil, err
	}
	sum, err := res.Consume(ctx)
	if err != nil {
		return nil, err
	}
	// The driver's Plan.Children repeats the last child (a loop variable's
	// address), so the operators come from the plan's text.
	p := sum.Plan()
	if p == nil {
		return nil, fmt.Errorf("no plan for %q", q)
	}
	text, _ := p.Arguments()["string-representation"].(string)
	var ops []string
	for _, line := range strings.Split(text, "\n") {
		f := strings.FieldsFunc(line, func(r rune) bool { return r == '|' || r == ' ' || r == '+' })
		if len(f) > 0 && strings.HasPrefix(strings.TrimLeft(line, "| "), "+") && !strings.HasPrefix(f[0], "-") {
			ops = append(ops, f[0])
		}
	}
	if len(ops) == 0 {
		return nil, fmt.Errorf("no operators in the plan of %q:\n%s", q, text)
	}
	return ops, nil
}

package graph_test

import (
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// testOptions and openStore: see package neo4jtest.
func testOptions(t testing.TB) graph.Options { return neo4jtest.Options(t) }

func openStore(t testing.TB) *graph.Store { return neo4jtest.Open(t) }

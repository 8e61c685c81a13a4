package graph_test

import (
	"context"
	"os"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// testOptions returns how to reach the test Neo4j, from NEO4J_URI,
// NEO4J_USERNAME (or NEO4J_USER) and NEO4J_PASSWORD. Without NEO4J_URI the
// test skips, except under CI=true, where a skip would hide a broken
// setup and is a failure instead.
func testOptions(t testing.TB) graph.Options {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set and CI=true: integration tests must run against a real Neo4j (use `make test`)")
		}
		t.Skip("NEO4J_URI not set: start Neo4j and use `make test` to run the integration tests")
	}
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = os.Getenv("NEO4J_USER")
	}
	if user == "" {
		user = "neo4j"
	}
	return graph.Options{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE"), ConnectTimeout: 10 * time.Second}
}

// openStore connects to the test Neo4j and empties it. It refuses to wipe
// a database that holds data it did not create: point NEO4J_URI at a
// throwaway server (`make test` starts one).
func openStore(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	s, err := graph.Open(ctx, testOptions(t))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := graph.ResetForTests(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

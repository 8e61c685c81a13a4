// Package neo4jtest connects tests to the real Neo4j that `make test`
// starts (or that NEO4J_URI names). Without NEO4J_URI a test skips, except
// under CI=true, where a skip would hide a broken setup and fails instead.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// Options returns how to reach the test Neo4j, from NEO4J_URI,
// NEO4J_USERNAME (or NEO4J_USER), NEO4J_PASSWORD and NEO4J_DATABASE.
func Options(t testing.TB) graph.Options {
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
	return graph.Options{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"), ConnectTimeout: 10 * time.Second}
}

// Open connects to the test Neo4j and empties it (graph.ResetForTests
// refuses to wipe a database that tests did not create). The test holds
// the database until it ends: `go test ./...` runs packages in parallel
// processes, and they share the one database, so Open takes a file lock
// (per URI) that other test processes wait for.
func Open(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	o := Options(t)
	lock(t, o.URI)
	s, err := graph.Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := graph.ResetForTests(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// lock holds an exclusive flock on a file named after uri until the test ends.
func lock(t testing.TB, uri string) {
	t.Helper()
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), "newsgraph-neo4jtest-"+hex.EncodeToString(sum[:6])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock the test database: %v", err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}

// LoadFacts writes the articles and facts of a JSON fixture file (a list
// of {"article": ..., "facts": ...}) into the test Neo4j (which the test
// holds: Open), as one batch, naming countries with countryName.
func LoadFacts(t testing.TB, path string, countryName graph.CountryNamer) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw []struct {
		Article newsgraph.Article `json:"article"`
		Facts   newsgraph.Facts   `json:"facts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	items := make([]graph.Item, len(raw))
	for i, r := range raw {
		items[i] = graph.NewItem(r.Article, r.Facts, "fixture")
	}
	o := Options(t)
	o.CountryName = countryName
	s, err := graph.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if _, err := s.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(context.Background(), items); err != nil {
		t.Fatal(err)
	}
}

// Reset empties the test database again, within a test that already
// holds it (Open).
func Reset(t testing.TB) {
	t.Helper()
	s, err := graph.Open(context.Background(), Options(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if err := graph.ResetForTests(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

package graph_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

func TestStatusReportsServer(t *testing.T) {
	s := openStore(t)
	st, err := s.Status(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("connected to Neo4j %s %s at %s", st.Version, st.Edition, st.URI)
	if !strings.HasPrefix(st.Version, "5.") || st.Edition == "" {
		t.Errorf("version %q edition %q: want a 5.x server with an edition", st.Version, st.Edition)
	}
	if st.Nodes < 1 { // the test marker at least
		t.Errorf("nodes = %d, want >= 1", st.Nodes)
	}
}

func TestOpenWrongPassword(t *testing.T) {
	o := testOptions(t)
	o.Password = "definitely-not-the-password"
	start := time.Now()
	_, err := graph.Open(t.Context(), o)
	var ce *graph.ConnError
	if !errors.As(err, &ce) || !ce.Auth || !errors.Is(err, graph.ErrUnavailable) {
		t.Fatalf("err = %v, want an auth ConnError", err)
	}
	if !strings.Contains(err.Error(), o.URI) {
		t.Errorf("error %q does not name the URI", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %s to report a wrong password", d)
	}
}

func TestOpenNothingListening(t *testing.T) {
	_, err := graph.Open(t.Context(), graph.Options{URI: "bolt://127.0.0.1:1", Username: "neo4j", Password: "x", ConnectTimeout: 3 * time.Second})
	var ce *graph.ConnError
	if !errors.As(err, &ce) || ce.Auth {
		t.Fatalf("err = %v, want a non-auth ConnError", err)
	}
	if !strings.Contains(err.Error(), "make neo4j-up") {
		t.Errorf("error %q has no hint to start Neo4j", err)
	}
}

func TestApplySchemaIdempotent(t *testing.T) {
	s := openStore(t)
	ctx := t.Context()
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	r, err := s.ApplySchema(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if r.ConstraintsAdded != 0 || r.IndexesAdded != 0 {
		t.Errorf("second run created %+v, want nothing", r)
	}
	for _, name := range []string{"article_id", "person_key", "country_code", "place_key", "meeting_key", "strike_key"} {
		n, err := s.Count(ctx, `SHOW CONSTRAINTS YIELD name WHERE name = $name RETURN count(*)`, map[string]any{"name": name})
		if err != nil {
			t.Fatal(err)
		}
		if n != 1 {
			t.Errorf("constraint %s: %d, want 1", name, n)
		}
	}
	n, err := s.Count(ctx, `SHOW INDEXES YIELD name, type, state WHERE name = 'entity_names' AND type = 'FULLTEXT' AND state = 'ONLINE' RETURN count(*)`, nil)
	if err != nil || n != 1 {
		t.Errorf("full-text index entity_names online: %d, %v", n, err)
	}
	_ = context.Background
}

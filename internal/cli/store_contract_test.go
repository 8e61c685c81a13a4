package cli

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
)

// queryStoreContract is what the query commands rely on of a
// queryStore: the kinds of error they turn into messages and exit codes,
// and the shape of what they print. It runs against the real store (the
// fixture graph) and against the fake, so that the fake cannot drift.
// Both know Marco Rubio, who met Emmanuel Macron, two Johnsons, no chain
// from Rubio to Mike Johnson, Paris, Russia, Ukraine and Hezbollah.
func queryStoreContract(t *testing.T, s queryStore) {
	ctx := t.Context()
	var nf *graph.NotFoundError
	var amb *graph.AmbiguousError

	rubio, err := s.ResolvePerson(ctx, "Rubio")
	if err != nil || rubio.Key != "marco rubio" || rubio.Name != "Marco Rubio" || !slices.Contains(rubio.Countries, "US") {
		t.Errorf("ResolvePerson(Rubio) = %+v, %v", rubio, err)
	}
	if _, err := s.ResolvePerson(ctx, "Rubbio"); !errors.As(err, &nf) || nf.Kind != "person" || nf.Name != "Rubbio" {
		t.Errorf("ResolvePerson(Rubbio): %v, want a *graph.NotFoundError of a person", err)
	}
	if _, err := s.ResolvePerson(ctx, "Johnson"); !errors.As(err, &amb) || amb.Kind != "person" || len(amb.Candidates) != 2 {
		t.Errorf("ResolvePerson(Johnson): %v, want a *graph.AmbiguousError of two", err)
	}
	if _, err := s.Path(ctx, "marco rubio", "mike johnson"); !errors.Is(err, graph.ErrNoPath) {
		t.Errorf("Path(rubio, mike johnson): %v, want graph.ErrNoPath", err)
	}
	if keys, err := s.ResolvePlaces(ctx, "Paris"); err != nil || len(keys) == 0 || !strings.HasPrefix(keys[0], "paris|") {
		t.Errorf("ResolvePlaces(Paris) = %v, %v", keys, err)
	}
	if _, err := s.ResolvePlaces(ctx, "Pariss"); !errors.As(err, &nf) || nf.Kind != "place" {
		t.Errorf("ResolvePlaces(Pariss): %v, want a *graph.NotFoundError of a place", err)
	}
	if p, err := s.ResolveParty(ctx, "RU"); err != nil || p.Code != "RU" || p.Key != "" {
		t.Errorf("ResolveParty(RU) = %+v, %v", p, err)
	}
	if p, err := s.ResolveParty(ctx, "Hezbollah"); err != nil || p.Code != "" || p.Key == "" || p.Name != "Hezbollah" {
		t.Errorf("ResolveParty(Hezbollah) = %+v, %v", p, err)
	}
	if _, err := s.ResolveParty(ctx, "Hezbolah"); !errors.As(err, &nf) {
		t.Errorf("ResolveParty(Hezbolah): %v, want a *graph.NotFoundError", err)
	}
	if c, err := s.ResolveCountry(ctx, "Ukraine"); err != nil || c != "UA" {
		t.Errorf("ResolveCountry(Ukraine) = %q, %v", c, err)
	}
	contacts, err := s.WhoMet(ctx, "marco rubio", 0)
	if err != nil || len(contacts) != 1 || contacts[0].Person.Name != "Emmanuel Macron" || contacts[0].Count < 1 ||
		len(contacts[0].Meetings) == 0 || len(contacts[0].Meetings[0].Evidence) == 0 {
		t.Errorf("WhoMet(marco rubio) = %+v, %v", contacts, err)
	}
	pairs, err := s.MetPairs(ctx, 0)
	if err != nil || len(pairs) == 0 {
		t.Errorf("MetPairs = %v, %v", pairs, err)
	}
	for _, p := range pairs {
		if p.Count < 1 || p.A.Name == "" || p.B.Name == "" {
			t.Errorf("pair %+v", p)
		}
	}
	meetings, err := s.Meetings(ctx, graph.MeetingFilter{})
	if err != nil || len(meetings) == 0 {
		t.Errorf("Meetings = %v, %v", meetings, err)
	}
	for _, m := range meetings {
		if (m.Status != "occurred" && m.Status != "planned") || len(m.People) < 2 {
			t.Errorf("meeting %+v", m)
		}
	}
	if hits, err := s.SearchPeople(ctx, "zzzzqx", 5); err != nil || len(hits) != 0 {
		t.Errorf("SearchPeople(zzzzqx) = %v, %v, want nothing", hits, err)
	}
}

func TestQueryStoreContractFake(t *testing.T) { queryStoreContract(t, newFakeStore()) }

func TestQueryStoreContractNeo4j(t *testing.T) {
	fixtureGraph(t)
	s, err := graph.Open(t.Context(), neo4jtest.Options(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(t.Context())
	queryStoreContract(t, s)
}

package cli

import (
	"context"

	"github.com/newsgraph/newsgraph/graph"
)

// The two seams between the commands and Neo4j. *graph.Store implements
// both; the tests use a fake.

// batchWriter writes batches of extracted articles: `load` and `watch`
// write to Neo4j, `export --format neo4j-admin` to CSV files.
type batchWriter interface {
	Write(ctx context.Context, items []graph.Item) (graph.LoadStats, error)
}

// queryStore answers the query commands: who-met, path, meetings,
// strikes and people, and the name look-ups behind their arguments.
type queryStore interface {
	ResolvePerson(ctx context.Context, name string) (graph.PersonRef, error)
	ResolvePlaces(ctx context.Context, name string) ([]string, error)
	ResolveCountry(ctx context.Context, name string) (string, error)
	ResolveParty(ctx context.Context, name string) (graph.Party, error)
	WhoMet(ctx context.Context, key string, limit int) ([]graph.Contact, error)
	MetPairs(ctx context.Context, limit int) ([]graph.MetPair, error)
	Path(ctx context.Context, from, to string) ([]graph.Hop, error)
	Meetings(ctx context.Context, f graph.MeetingFilter) ([]graph.MeetingRow, error)
	Strikes(ctx context.Context, f graph.StrikeFilter) ([]graph.StrikeRow, error)
	SearchPeople(ctx context.Context, query string, limit int) ([]graph.PersonHit, error)
}

var _ queryStore = (*graph.Store)(nil)

// lazyStore connects to Neo4j the first time a command asks for the
// store (a usage error is reported before any connection is tried) and
// closes the connection when the command ends.
type lazyStore struct {
	a *app
	s *graph.Store
}

func (l *lazyStore) open(ctx context.Context) (*graph.Store, error) {
	if l.s == nil {
		s, err := l.a.openStore(ctx)
		if err != nil {
			return nil, err
		}
		l.s = s
	}
	return l.s, nil
}

// query is open as a queryStore.
func (l *lazyStore) query(ctx context.Context) (queryStore, error) {
	return opened[queryStore](l.open(ctx))
}

// opened gives an opened store as the interface a command declares, and
// a nil interface (not one holding a nil *graph.Store) on error.
func opened[I any](s *graph.Store, err error) (I, error) {
	var zero I
	if err != nil {
		return zero, err
	}
	return any(s).(I), nil
}

func (l *lazyStore) close(ctx context.Context) {
	if l.s != nil {
		_ = l.s.Close(context.WithoutCancel(ctx))
		l.s = nil
	}
}

// withLazyStore gives run a store that opens on first use and is closed
// when run returns.
func withLazyStore(ctx context.Context, a *app, run func(*lazyStore) error) error {
	l := &lazyStore{a: a}
	defer l.close(ctx)
	return run(l)
}

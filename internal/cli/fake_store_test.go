package cli

import (
	"context"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// fakeStore answers the query commands from data held in memory, with
// the errors of *graph.Store: names it does not know give a
// *graph.NotFoundError, names listed in ambiguous a *graph.AmbiguousError,
// and a pair without hops graph.ErrNoPath. It records the filters it was
// given.
type fakeStore struct {
	persons   map[string]graph.PersonRef // lower-case name, alias or surname -> person
	ambiguous map[string][]string        // lower-case name -> candidates
	places    map[string][]string        // lower-case name -> place keys
	parties   map[string]graph.Party     // lower-case code or name -> country or group
	contacts  map[string][]graph.Contact // person key -> contacts
	pairs     []graph.MetPair
	hops      map[[2]string][]graph.Hop // from, to keys -> hops
	meetings  []graph.MeetingRow
	strikes   []graph.StrikeRow
	people    []graph.PersonHit
	// fail, when set, is the error of every query (the server went away).
	fail error

	gotMeetings graph.MeetingFilter
	gotStrikes  graph.StrikeFilter
	gotLimit    int
}

var _ queryStore = (*fakeStore)(nil)

func (f *fakeStore) ResolvePerson(_ context.Context, name string) (graph.PersonRef, error) {
	if f.fail != nil {
		return graph.PersonRef{}, f.fail
	}
	k := strings.ToLower(name)
	if c, ok := f.ambiguous[k]; ok {
		return graph.PersonRef{}, &graph.AmbiguousError{Kind: "person", Name: name, Candidates: c}
	}
	if p, ok := f.persons[k]; ok {
		return p, nil
	}
	return graph.PersonRef{}, &graph.NotFoundError{Kind: "person", Name: name}
}

func (f *fakeStore) ResolvePlaces(_ context.Context, name string) ([]string, error) {
	if keys, ok := f.places[strings.ToLower(name)]; ok {
		return keys, nil
	}
	return nil, &graph.NotFoundError{Kind: "place", Name: name}
}

func (f *fakeStore) ResolveCountry(ctx context.Context, name string) (string, error) {
	p, err := f.ResolveParty(ctx, name)
	if err == nil && p.Code == "" {
		return "", &graph.NotFoundError{Kind: "country", Name: name}
	}
	return p.Code, err
}

func (f *fakeStore) ResolveParty(_ context.Context, name string) (graph.Party, error) {
	if p, ok := f.parties[strings.ToLower(name)]; ok {
		return p, nil
	}
	return graph.Party{}, &graph.NotFoundError{Kind: "country or group", Name: name}
}

func (f *fakeStore) WhoMet(_ context.Context, key string, limit int) ([]graph.Contact, error) {
	f.gotLimit = limit
	return f.contacts[key], f.fail
}

func (f *fakeStore) MetPairs(_ context.Context, limit int) ([]graph.MetPair, error) {
	f.gotLimit = limit
	return f.pairs, f.fail
}

func (f *fakeStore) Path(_ context.Context, from, to string) ([]graph.Hop, error) {
	if hops, ok := f.hops[[2]string{from, to}]; ok {
		return hops, nil
	}
	return nil, graph.ErrNoPath
}

func (f *fakeStore) Meetings(_ context.Context, filter graph.MeetingFilter) ([]graph.MeetingRow, error) {
	f.gotMeetings = filter
	if f.fail != nil {
		return nil, f.fail
	}
	return f.meetings, nil
}

func (f *fakeStore) Strikes(_ context.Context, filter graph.StrikeFilter) ([]graph.StrikeRow, error) {
	f.gotStrikes = filter
	return f.strikes, f.fail
}

func (f *fakeStore) SearchPeople(_ context.Context, query string, limit int) ([]graph.PersonHit, error) {
	f.gotLimit = limit
	var out []graph.PersonHit
	for _, h := range f.people {
		if query == "" || strings.Contains(strings.ToLower(h.Name), strings.ToLower(query)) {
			out = append(out, h)
		}
	}
	return out, f.fail
}

// opener gives the store to a command, as the lazy store does; opened
// says whether the command asked for it.
func (f *fakeStore) opener(opened *bool) func(context.Context) (queryStore, error) {
	return func(context.Context) (queryStore, error) {
		*opened = true
		return f, nil
	}
}

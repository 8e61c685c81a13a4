package graph_test

import (
	"reflect"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
)

func TestFeedStatesRoundTrip(t *testing.T) {
	s := openStore(t)
	ctx := t.Context()
	if _, err := s.ApplySchema(ctx); err != nil {
		t.Fatal(err)
	}
	checked := time.Date(2026, 3, 1, 10, 15, 0, 123e6, time.UTC)
	states := []newsgraph.FeedState{
		{
			URL: "https://example.org/feed.xml", Title: "Example", ETag: `"abc"`, LastModified: "Sun, 01 Mar 2026 10:00:00 GMT",
			Items: map[string]newsgraph.FeedItem{
				"guid-b": {Fingerprint: "fb", Article: "https://example.org/b"},
				"guid-a": {Fingerprint: "fa", Article: "https://example.org/a"},
				"guid-c": {Fingerprint: "fc", Article: "https://example.org/c"},
			},
			CheckedAt: checked,
		},
		{
			URL: "https://example.org/broken.xml", Items: map[string]newsgraph.FeedItem{},
			CheckedAt: checked, Failures: 3, RetryAt: checked.Add(3 * time.Hour), LastError: "HTTP 500 Internal Server Error",
		},
	}
	if err := s.SaveFeedStates(ctx, states); err != nil {
		t.Fatal(err)
	}
	got, err := s.FeedStates(ctx, []string{states[0].URL, states[1].URL, "https://example.org/never.xml"})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("%d states, want 2: %+v", len(got), got)
	}
	for _, want := range states {
		g := got[want.URL]
		if !g.CheckedAt.Equal(want.CheckedAt) || !g.RetryAt.Equal(want.RetryAt) {
			t.Errorf("%s: times %v %v, want %v %v", want.URL, g.CheckedAt, g.RetryAt, want.CheckedAt, want.RetryAt)
		}
		g.CheckedAt, g.RetryAt, want.CheckedAt, want.RetryAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
		if !reflect.DeepEqual(g, want) {
			t.Errorf("stored\n%+v\nread back\n%+v", want, g)
		}
	}

	// Saving again replaces the state: items no longer listed are gone.
	states[0].Items = map[string]newsgraph.FeedItem{"guid-d": {Fingerprint: "fd", Article: "https://example.org/d"}}
	states[0].ETag = ""
	if err := s.SaveFeedStates(ctx, states[:1]); err != nil {
		t.Fatal(err)
	}
	got, err = s.FeedStates(ctx, []string{states[0].URL})
	if err != nil {
		t.Fatal(err)
	}
	if g := got[states[0].URL]; !reflect.DeepEqual(g.Items, states[0].Items) || g.ETag != "" {
		t.Errorf("after a second save: %+v", g)
	}
	n, err := s.Count(ctx, `MATCH (f:Feed) RETURN count(f)`, nil)
	if err != nil || n != 2 {
		t.Errorf("%d Feed nodes (%v), want 2", n, err)
	}
}

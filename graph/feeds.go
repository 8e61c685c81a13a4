package graph

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j/dbtype"

	"github.com/newsgraph/newsgraph"
)

// The state of followed feeds lives in the graph it describes, one
// (:Feed {url}) node per URL: wiping or restoring the database resets it
// with the articles, so the two never disagree. Items are three parallel
// lists (keys sorted) rather than nodes: a feed lists tens of items, and
// only those of its last successful poll are kept.
const (
	cypherFeedStates = `UNWIND $urls AS url
MATCH (f:Feed {url: url})
RETURN f.url AS url, f.title AS title, f.etag AS etag, f.lastModified AS lastModified,
       f.itemKeys AS keys, f.itemFingerprints AS fingerprints, f.itemArticles AS articles,
       f.checkedAt AS checkedAt, f.failures AS failures, f.retryAt AS retryAt, f.lastError AS lastError`

	cypherSaveFeeds = `UNWIND $feeds AS feed
MERGE (f:Feed {url: feed.url})
SET f += feed.props`
)

// FeedStates returns the stored state of each of urls that has one.
func (s *Store) FeedStates(ctx context.Context, urls []string) (map[string]newsgraph.FeedState, error) {
	out := map[string]newsgraph.FeedState{}
	if len(urls) == 0 {
		return out, nil
	}
	res, err := s.query(ctx, cypherFeedStates, map[string]any{"urls": toAny(urls)}, false)
	if err != nil {
		return nil, fmt.Errorf("read feed states: %w", err)
	}
	for _, r := range res.Records {
		m := r.AsMap()
		st := newsgraph.FeedState{
			URL:          asString(m["url"]),
			Title:        asString(m["title"]),
			ETag:         asString(m["etag"]),
			LastModified: asString(m["lastModified"]),
			LastError:    asString(m["lastError"]),
			CheckedAt:    when(m["checkedAt"]),
			RetryAt:      when(m["retryAt"]),
		}
		if n, ok := m["failures"].(int64); ok {
			st.Failures = int(n)
		}
		keys, fps, arts := listOfStrings(m["keys"]), listOfStrings(m["fingerprints"]), listOfStrings(m["articles"])
		st.Items = make(map[string]newsgraph.FeedItem, len(keys))
		for i, k := range keys {
			if i < len(fps) && i < len(arts) {
				st.Items[k] = newsgraph.FeedItem{Fingerprint: fps[i], Article: arts[i]}
			}
		}
		out[st.URL] = st
	}
	return out, nil
}

// SaveFeedStates stores states, replacing what was stored for their URLs.
func (s *Store) SaveFeedStates(ctx context.Context, states []newsgraph.FeedState) error {
	if len(states) == 0 {
		return nil
	}
	rows := make([]any, 0, len(states))
	for _, st := range states {
		keys := make([]string, 0, len(st.Items))
		for k := range st.Items {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		fps := make([]string, len(keys))
		arts := make([]string, len(keys))
		for i, k := range keys {
			fps[i], arts[i] = st.Items[k].Fingerprint, st.Items[k].Article
		}
		rows = append(rows, map[string]any{"url": st.URL, "props": map[string]any{
			"title":            st.Title,
			"etag":             st.ETag,
			"lastModified":     st.LastModified,
			"itemKeys":         toAny(keys),
			"itemFingerprints": toAny(fps),
			"itemArticles":     toAny(arts),
			"checkedAt":        timeOrNil(st.CheckedAt),
			"failures":         int64(st.Failures),
			"retryAt":          timeOrNil(st.RetryAt),
			"lastError":        st.LastError,
		}})
	}
	if _, err := s.query(ctx, cypherSaveFeeds, map[string]any{"feeds": rows}, true); err != nil {
		return fmt.Errorf("save feed states: %w", err)
	}
	return nil
}

func asString(v any) string {
	s, _ := v.(string)
	return s
}

// listOfStrings is a list property in its stored order.
func listOfStrings(v any) []string {
	l, _ := v.([]any)
	out := make([]string, len(l))
	for i, x := range l {
		out[i], _ = x.(string)
	}
	return out
}

func timeOrNil(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Round(time.Millisecond)
}

func when(v any) time.Time {
	switch t := v.(type) {
	case time.Time:
		return t
	case dbtype.LocalDateTime:
		return time.Time(t)
	}
	return time.Time{}
}

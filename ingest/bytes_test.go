package ingest_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

func TestReadBytes(t *testing.T) {
	const (
		rss  = `<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title><item><title>One</title><link>https://example.org/1</link><description>First item.</description></item><item><title>Two</title><description>Second item.</description></item></channel></rss>`
		page = `<!DOCTYPE html><html><head><title>A page</title></head><body><p>Some text of a page.</p></body></html>`
	)
	cases := []struct {
		name     string
		format   ingest.Format
		data     string
		max      int64
		wantIDs  []string
		wantKind error
	}{
		{"feed", ingest.FormatFeed, rss, 0, []string{"https://example.org/1", "https://example.org/feed-2"}, nil},
		{"sniffed feed", ingest.FormatSniff, rss, 0, []string{"https://example.org/1", "https://example.org/feed-2"}, nil},
		{"page", ingest.FormatHTML, page, 0, []string{"https://example.org/feed"}, nil},
		{"too large", ingest.FormatHTML, page, 10, nil, ingest.ErrTooLarge},
		{"malformed feed", ingest.FormatFeed, rss[:60], 0, nil, ingest.ErrMalformed},
		{"page without text", ingest.FormatHTML, "<html><body></body></html>", 0, nil, ingest.ErrNoText},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := &ingest.Reader{MaxBytes: tc.max}
			var ids []string
			var errs []*ingest.InputError
			err := r.ReadBytes(t.Context(), "https://example.org/feed", "https://example.org/feed", tc.format, []byte(tc.data),
				func(a newsgraph.Article) error {
					if a.Path != "https://example.org/feed" {
						t.Errorf("article %s: path %q", a.ID, a.Path)
					}
					ids = append(ids, a.ID)
					return nil
				},
				func(e *ingest.InputError) { errs = append(errs, e) })
			if err != nil {
				t.Fatal(err)
			}
			if strings.Join(ids, " ") != strings.Join(tc.wantIDs, " ") {
				t.Errorf("ids %q, want %q", ids, tc.wantIDs)
			}
			if tc.wantKind == nil && len(errs) > 0 || tc.wantKind != nil && (len(errs) != 1 || !errors.Is(errs[0], tc.wantKind)) {
				t.Errorf("rejections %v, want %v", errs, tc.wantKind)
			}
		})
	}
}

func TestIsFeed(t *testing.T) {
	for in, want := range map[string]bool{
		`<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>`: true,
		`<feed xmlns="http://www.w3.org/2005/Atom"><title>x</title></feed>`: true,
		`{"version": "https://jsonfeed.org/version/1.1", "items": []}`:      true,
		`<!DOCTYPE html><html><body>news</body></html>`:                     false,
		`{"title": "an article"}`:                                           false,
		"plain text":                                                        false,
	} {
		if got := ingest.IsFeed([]byte(in)); got != want {
			t.Errorf("IsFeed(%.40q) = %v, want %v", in, got, want)
		}
	}
}

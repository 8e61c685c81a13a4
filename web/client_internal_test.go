package web

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestPauseBetweenRequestsToAHost records the pauses the client takes
// instead of sleeping them: each request to a host after the first waits
// for (almost all of) the host delay, or for robots.txt's Crawl-delay when
// that is longer (up to 30 s); another host does not wait.
func TestPauseBetweenRequestsToAHost(t *testing.T) {
	cases := []struct {
		name   string
		delay  time.Duration
		robots string
		min    time.Duration // of each pause
		max    time.Duration
	}{
		{"host delay", time.Hour, "", 59 * time.Minute, time.Hour},
		{"crawl-delay wins when longer", time.Millisecond, "User-agent: *\nCrawl-delay: 20\n", 19 * time.Second, 20 * time.Second},
		{"crawl-delay is capped", time.Millisecond, "User-agent: *\nCrawl-delay: 3600\n", 29 * time.Second, 30 * time.Second},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if r.URL.Path == "/robots.txt" {
					w.Write([]byte(tc.robots))
					return
				}
				w.Header().Set("Content-Type", "text/html")
				w.Write([]byte("<html><body><p>text</p></body></html>"))
			}))
			defer srv.Close()
			other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
			defer other.Close()

			c := NewClient(Options{UserAgent: "newsgraph/test", HostDelay: tc.delay})
			var mu sync.Mutex
			var pauses []time.Duration
			c.pause = func(_ context.Context, d time.Duration) error {
				mu.Lock()
				pauses = append(pauses, d)
				mu.Unlock()
				return nil
			}
			for i := range 3 {
				if _, err := c.Get(t.Context(), Request{URL: srv.URL + "/page" + strings.Repeat("x", i), Robots: true}); err != nil {
					t.Fatal(err)
				}
			}
			if _, err := c.Get(t.Context(), Request{URL: other.URL + "/feed"}); err != nil {
				t.Fatal(err)
			}
			// robots.txt, then three pages: three pauses; the other host none.
			if len(pauses) != 3 {
				t.Fatalf("pauses %v, want 3", pauses)
			}
			for _, p := range pauses {
				if p < tc.min || p > tc.max {
					t.Errorf("pause %s, want between %s and %s", p, tc.min, tc.max)
				}
			}
		})
	}
}

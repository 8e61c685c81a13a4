// Package webtest serves recorded web pages and a feed that lists them
// from an httptest server on the loopback interface, with the faults a
// news reader meets on the web (missing pages, server errors, slow
// answers, huge bodies, redirect loops, malformed feeds, non-HTML pages),
// and logs every request so that tests can assert what was fetched.
//
// The recordings (testdata/, sources and licences in testdata/SOURCES.md)
// are four Wikipedia pages, served as recorded at the paths of their
// addresses (/wiki/...). The feed, our own document, lists them as a
// summary-only RSS feed would (title, address, last edit, the opening
// words of the page) with a fifth item whose page was not recorded and
// answers 404. The feed's links, written as https://en.wikipedia.org/...,
// point at the test server.
package webtest

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

//go:embed testdata/feed.xml testdata/wiki/*.html
var recorded embed.FS

// origin is the address the feed's links are written with; the site
// serves them at the same paths.
const origin = "https://en.wikipedia.org"

// IDs of the feed's items (the pages' names), newest first. MissingPage's
// page was not recorded: it answers 404.
const (
	TimeLoops   = "List_of_films_featuring_time_loops"
	Hermitian   = "Hermitian_matrix"
	NewZealand  = "New_Zealand"
	MissingPage = "Firefox"
	Mozilla     = "Mozilla"
)

// AllItems are the feed's items in their order.
var AllItems = []string{TimeLoops, Hermitian, NewZealand, MissingPage, Mozilla}

// ChangedDate is the date Change gives an item (changedPubDate in the
// feed).
const (
	ChangedDate    = "2019-09-27"
	changedPubDate = "Fri, 27 Sep 2019 12:00:00 GMT"
)

// Paths of the faults the site serves.
const (
	FeedPath      = "/news/feed.xml"
	MovedFeedPath = "/moved/feed.xml"  // 301 to FeedPath
	ServerError   = "/fault/500.xml"   // 500 Internal Server Error
	Slow          = "/fault/slow.xml"  // answers after SlowFor (or when the client gives up)
	Huge          = "/fault/huge.xml"  // a feed of HugeBytes, chunked (no Content-Length)
	HugeDeclared  = "/fault/huge2.xml" // the same with its Content-Length
	Loop          = "/fault/loop"      // redirects to LoopBack, which redirects here
	LoopBack      = "/fault/loop-back"
	Malformed     = "/fault/malformed.xml" // the feed cut in the middle
	Image         = "/fault/photo.jpg"     // a JPEG, not a page
	NoText        = "/fault/notext.html"   // an HTML page without text
	Private       = "/private/"            // disallowed by robots.txt
)

// Site is the test web site.
type Site struct {
	*httptest.Server
	// SlowFor is how long Slow waits before answering (default 10 s);
	// HugeBytes the size of Huge (default 3 MiB).
	SlowFor   time.Duration
	HugeBytes int

	header string            // the feed up to its first item
	items  map[string]string // item ID -> <item>...</item>
	pages  map[string]string // item ID -> page

	mu           sync.Mutex
	listed       []string          // items in the feed, in order
	pubDates     map[string]string // item -> changed <pubDate>
	changed      map[string]bool   // item -> page lost its last paragraph
	relinked     map[string]string // item -> path its link points to instead
	modified     time.Time         // Last-Modified of the feed
	log          []Request
	robots       string
	robotsStatus int
	itemPath     map[string]string // link path -> item ID
}

// Request is one request the site answered.
type Request struct {
	Method, Path string
	Status       int
	// Conditional is true when the request had If-None-Match or
	// If-Modified-Since; Gzip when the answer was gzip-encoded.
	Conditional, Gzip bool
	UserAgent         string
}

func (r Request) String() string { return fmt.Sprintf("%s %s %d", r.Method, r.Path, r.Status) }

var (
	itemLink = regexp.MustCompile(`<link>` + regexp.QuoteMeta(origin) + `(/wiki/([^<]+))</link>`)
	pubDate  = regexp.MustCompile(`<pubDate>[^<]*</pubDate>`)
	summary  = regexp.MustCompile(`(?s)<description>(.*?)</description>`)
)

// New starts the site; it stops when the test ends. The feed lists all
// its items.
func New(t testing.TB) *Site {
	t.Helper()
	s := &Site{SlowFor: 10 * time.Second, HugeBytes: 3 << 20, items: map[string]string{}, pages: map[string]string{},
		pubDates: map[string]string{}, changed: map[string]bool{}, itemPath: map[string]string{}, relinked: map[string]string{},
		modified: time.Date(2024, 4, 2, 13, 18, 40, 0, time.UTC),
		robots:   "User-agent: *\nDisallow: /private/\n", robotsStatus: http.StatusOK}
	feed, err := recorded.ReadFile("testdata/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	text := string(feed)
	first := strings.Index(text, "<item>")
	s.header = text[:first]
	for rest := text[first:]; ; {
		i := strings.Index(rest, "<item>")
		j := strings.Index(rest, "</item>")
		if i < 0 || j < 0 {
			break
		}
		item := rest[i : j+len("</item>")]
		m := itemLink.FindStringSubmatch(item)
		if m == nil {
			t.Fatalf("feed: an item without a link to a page")
		}
		s.items[m[2]] = item
		s.itemPath[m[1]] = m[2]
		rest = rest[j+len("</item>"):]
	}
	for _, id := range AllItems {
		if _, ok := s.items[id]; !ok {
			t.Fatalf("feed has no item %s", id)
		}
		page, err := recorded.ReadFile("testdata/wiki/" + id + ".html")
		if err == nil {
			s.pages[id] = string(page)
		}
	}
	s.listed = slices.Clone(AllItems)
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// FeedURL is the URL of the feed.
func (s *Site) FeedURL() string { return s.URL + FeedPath }

// PageURL is the URL of an item's page, as its feed links to it.
func (s *Site) PageURL(id string) string {
	for p, i := range s.itemPath {
		if i == id {
			return s.URL + p
		}
	}
	return ""
}

// SetItems makes the feed list these items (AllItems' IDs), in this order.
func (s *Site) SetItems(ids ...string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.listed = slices.Clone(ids)
	s.modified = s.modified.Add(time.Minute)
}

// Summary is the text of an item's description in the feed ("" if it has
// none).
func (s *Site) Summary(id string) string {
	if m := summary.FindStringSubmatch(s.items[id]); m != nil {
		return html.UnescapeString(m[1])
	}
	return ""
}

// Change changes an item as a news site does when it updates a story: its
// date in the feed becomes ChangedDate and its page loses its last
// paragraph.
func (s *Site) Change(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pubDates[id] = changedPubDate
	s.changed[id] = true
	s.modified = s.modified.Add(time.Minute)
}

// Relink points an item's link (and GUID) at another path of the site,
// such as one of the faults.
func (s *Site) Relink(id, path string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.relinked[id] = path
	s.modified = s.modified.Add(time.Minute)
}

// SetRobots replaces the robots.txt and its status (default: 200, and
// everything but /private/ allowed).
func (s *Site) SetRobots(status int, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.robotsStatus, s.robots = status, body
}

// Requests returns the requests answered so far, in order.
func (s *Site) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.log)
}

// Paths returns "METHOD path status" of the requests answered so far.
func (s *Site) Paths() []string {
	var out []string
	for _, r := range s.Requests() {
		out = append(out, r.String())
	}
	return out
}

// ResetLog forgets the requests answered so far.
func (s *Site) ResetLog() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.log = nil
}

// Feed returns the feed document as currently served.
func (s *Site) Feed() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.feedLocked()
}

func (s *Site) feedLocked() []byte {
	var b strings.Builder
	b.WriteString(s.header)
	for _, id := range s.listed {
		item := s.items[id]
		if p, ok := s.relinked[id]; ok {
			for orig, i := range s.itemPath {
				if i == id {
					item = strings.ReplaceAll(item, origin+orig, origin+p)
				}
			}
		}
		if d, ok := s.pubDates[id]; ok {
			item = pubDate.ReplaceAllString(item, "<pubDate>"+d+"</pubDate>")
		}
		b.WriteString(item)
		b.WriteString("\n")
	}
	b.WriteString("</channel>\n</rss>\n")
	return []byte(strings.ReplaceAll(b.String(), origin, s.URL))
}

// page returns an item's page as served, and whether there is one.
func (s *Site) page(id string) (string, bool) {
	page, ok := s.pages[id]
	if !ok {
		return "", false
	}
	if s.changed[id] {
		page = dropLastParagraph(page)
	}
	return page, true
}

var (
	paragraph = regexp.MustCompile(`(?s)<p>(.*?)</p>`)
	tag       = regexp.MustCompile(`<[^>]*>`)
)

// dropLastParagraph removes the last paragraph of prose (a <p> with at
// least 200 characters of text) from a page.
func dropLastParagraph(page string) string {
	all := paragraph.FindAllStringSubmatchIndex(page, -1)
	for i := len(all) - 1; i >= 0; i-- {
		m := all[i]
		text := tag.ReplaceAllString(page[m[2]:m[3]], "")
		if len(strings.TrimSpace(text)) >= 200 {
			return page[:m[0]] + page[m[1]:]
		}
	}
	return page
}

func (s *Site) serve(w http.ResponseWriter, r *http.Request) {
	rec := &recorder{ResponseWriter: w, status: http.StatusOK}
	req := Request{Method: r.Method, Path: r.URL.RequestURI(), UserAgent: r.UserAgent(),
		Conditional: r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != ""}
	s.route(rec, r)
	req.Status, req.Gzip = rec.status, rec.gzip
	s.mu.Lock()
	s.log = append(s.log, req)
	s.mu.Unlock()
}

func (s *Site) route(w *recorder, r *http.Request) {
	s.mu.Lock()
	path := r.URL.Path
	switch {
	case path == "/robots.txt":
		status, body := s.robotsStatus, s.robots
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/plain")
		w.WriteHeader(status)
		fmt.Fprint(w, body)
	case path == FeedPath:
		feed, modified := s.feedLocked(), s.modified
		s.mu.Unlock()
		sum := sha256.Sum256(feed)
		etag := `"` + hex.EncodeToString(sum[:8]) + `"`
		w.Header().Set("ETag", etag)
		w.Header().Set("Last-Modified", modified.Format(http.TimeFormat))
		if inm := r.Header.Get("If-None-Match"); inm != "" {
			if inm == etag {
				w.WriteHeader(http.StatusNotModified)
				return
			}
		} else if t, err := http.ParseTime(r.Header.Get("If-Modified-Since")); err == nil && !modified.After(t) {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		w.writeMaybeGzip(r, feed)
	case path == MovedFeedPath:
		s.mu.Unlock()
		http.Redirect(w, r, FeedPath, http.StatusMovedPermanently)
	case s.itemPath[path] != "":
		page, ok := s.page(s.itemPath[path])
		s.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.writeMaybeGzip(r, []byte(page))
	case path == ServerError:
		s.mu.Unlock()
		http.Error(w, "internal server error", http.StatusInternalServerError)
	case path == Slow:
		wait := s.SlowFor
		s.mu.Unlock()
		select {
		case <-r.Context().Done():
			return
		case <-time.After(wait):
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(s.Feed())
	case path == Huge || path == HugeDeclared:
		n := s.HugeBytes
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		if path == HugeDeclared {
			w.Header().Set("Content-Length", fmt.Sprint(n))
		}
		chunk := bytes.Repeat([]byte("<!-- padding -->\n"), 4096)
		for sent := 0; sent < n; sent += len(chunk) {
			if _, err := w.Write(chunk[:min(len(chunk), n-sent)]); err != nil {
				return
			}
		}
	case path == Loop:
		s.mu.Unlock()
		http.Redirect(w, r, LoopBack, http.StatusFound)
	case path == LoopBack:
		s.mu.Unlock()
		http.Redirect(w, r, Loop, http.StatusFound)
	case path == Malformed:
		feed := s.feedLocked()
		s.mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(feed[:len(feed)/2])
	case path == Image:
		s.mu.Unlock()
		w.Header().Set("Content-Type", "image/jpeg")
		w.Write([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xd9"))
	case path == NoText:
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!DOCTYPE html><html><head><title></title></head><body><div></div></body></html>")
	case strings.HasPrefix(path, Private):
		page, _ := s.page(Hermitian)
		s.mu.Unlock()
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, page)
	default:
		s.mu.Unlock()
		http.NotFound(w, r)
	}
}

// recorder notes the status and encoding of an answer.
type recorder struct {
	http.ResponseWriter
	status int
	gzip   bool
}

func (w *recorder) WriteHeader(code int) {
	w.status = code
	w.ResponseWriter.WriteHeader(code)
}

func (w *recorder) writeMaybeGzip(r *http.Request, body []byte) {
	if !strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
		w.Write(body)
		return
	}
	w.gzip = true
	w.Header().Set("Content-Encoding", "gzip")
	zw := gzip.NewWriter(w)
	zw.Write(body)
	zw.Close()
}

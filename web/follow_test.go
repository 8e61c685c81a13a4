package web_test

import (
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/internal/webtest"
	"github.com/newsgraph/newsgraph/web"
)

const agent = "newsgraph/test (+https://github.com/newsgraph/newsgraph)"

// follower returns a Follower with short timeouts and no pause between
// requests, as tests want.
func follower(o web.Options) *web.Follower {
	if o.UserAgent == "" {
		o.UserAgent = agent
	}
	if o.Timeout == 0 {
		o.Timeout = 2 * time.Second
	}
	if o.HostDelay == 0 {
		o.HostDelay = -1
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = 1 << 20
	}
	return &web.Follower{Client: web.NewClient(o), Reader: &ingest.Reader{MaxBytes: o.MaxBytes}, Backoff: time.Minute}
}

// read runs f.Read and collects what it emitted and rejected.
type outcome struct {
	res      web.Result
	articles []newsgraph.Article
	rejected []*ingest.InputError
}

func read(t *testing.T, f *web.Follower, url string, prev *newsgraph.FeedState) outcome {
	t.Helper()
	var o outcome
	res, err := f.Read(t.Context(), url, prev,
		func(a newsgraph.Article) error { o.articles = append(o.articles, a); return nil },
		func(e *ingest.InputError) { o.rejected = append(o.rejected, e) })
	if err != nil {
		t.Fatalf("Read %s: %v", url, err)
	}
	o.res = res
	return o
}

func pagePaths(site *webtest.Site) []string {
	var out []string
	for _, r := range site.Requests() {
		if strings.HasPrefix(r.Path, "/wiki/") {
			out = append(out, r.String())
		}
	}
	return out
}

func TestSummaryOnlyFeedIsCompletedFromPages(t *testing.T) {
	site := webtest.New(t)
	f := follower(web.Options{})
	o := read(t, f, site.FeedURL(), nil)

	if o.res.Err != nil || o.res.Status != 200 || o.res.New != 4 || o.res.Failed != 1 {
		t.Fatalf("result %+v, want status 200, 4 new, 1 failed", o.res)
	}
	if len(o.articles) != 4 {
		t.Fatalf("%d articles, want 4", len(o.articles))
	}
	feed := string(site.Feed())
	published := map[string]string{webtest.TimeLoops: "2024-04-02", webtest.Hermitian: "2020-02-24", webtest.NewZealand: "2019-09-26", webtest.Mozilla: "2016-10-28"}
	for _, a := range o.articles {
		id := strings.TrimPrefix(a.ID, site.URL+"/wiki/")
		if a.ID != site.PageURL(id) || a.URL != a.ID {
			t.Errorf("article %q: URL %q; want the page URL as ID and URL", a.ID, a.URL)
		}
		if a.Path != site.FeedURL() || a.Source != "Wikipedia" || a.Published != published[id] {
			t.Errorf("article %s: path %q source %q published %q", a.ID, a.Path, a.Source, a.Published)
		}
		// The page's text, far longer than the feed's summary, whose
		// first words it holds.
		summary := strings.Fields(site.Summary(id))
		first := strings.Join(summary[:min(6, len(summary))], " ")
		if len(a.Text) < 2500 || len(a.Text) < 3*len(site.Summary(id)) || first == "" || !strings.Contains(a.Text, first) || !strings.Contains(feed, "<title>"+a.Title+"</title>") {
			t.Errorf("article %s: %d bytes of text, title %q: not the page's text", a.ID, len(a.Text), a.Title)
		}
	}
	if len(o.rejected) != 1 {
		t.Fatalf("rejected %v, want the missing page", o.rejected)
	}
	e := o.rejected[0]
	if e.Path != site.FeedURL() || e.Item != site.PageURL(webtest.MissingPage) || !errors.Is(e, web.ErrStatus) || !strings.Contains(e.Error(), "404") {
		t.Errorf("rejection %q (path %q, item %q), want the feed, the page and HTTP 404", e, e.Path, e.Item)
	}
	// The state remembers the four loaded items, and no validators: the
	// missing page is tried again at the next poll.
	if len(o.res.State.Items) != 4 || o.res.State.ETag != "" || o.res.State.Title != "Wikipedia" {
		t.Errorf("state %+v", o.res.State)
	}
	for _, r := range site.Requests() {
		if r.UserAgent != agent {
			t.Errorf("%s sent User-Agent %q, want %q", r, r.UserAgent, agent)
		}
		if r.Status == 200 && r.Path != "/robots.txt" && !r.Gzip {
			t.Errorf("%s was not gzip-encoded", r)
		}
	}
	want := []string{"GET " + webtest.FeedPath + " 200", "GET /robots.txt 200"}
	if got := site.Paths()[:2]; !slices.Equal(got, want) {
		t.Errorf("first requests %v, want %v", got, want)
	}
	if n := len(pagePaths(site)); n != 5 {
		t.Errorf("%d page requests, want 5 (one per item): %v", n, site.Paths())
	}
}

func TestFullTextFeedNeedsNoPages(t *testing.T) {
	site := webtest.New(t)
	site.SetItems(webtest.TimeLoops, webtest.Hermitian, webtest.NewZealand, webtest.Mozilla) // the items with a summary
	f := follower(web.Options{})
	f.SummaryChars = 100 // the summaries count as whole articles
	o := read(t, f, site.FeedURL(), nil)
	if o.res.New != 4 || len(o.articles) != 4 || len(o.rejected) != 0 {
		t.Fatalf("result %+v, %d articles, rejected %v; want all 4 items from the feed", o.res, len(o.articles), o.rejected)
	}
	if p := pagePaths(site); len(p) != 0 {
		t.Errorf("pages fetched: %v", p)
	}
	if a := o.articles[0]; a.ID != site.PageURL(webtest.TimeLoops) || !strings.HasPrefix(a.Text, a.Title+"\n\nThis list of films featuring time loops in which") {
		t.Errorf("first article %q: %.80q", a.ID, a.Text)
	}
}

func TestPollsAfterTheFirst(t *testing.T) {
	site := webtest.New(t)
	f := follower(web.Options{})
	site.SetItems(webtest.Hermitian, webtest.NewZealand, webtest.Mozilla)
	first := read(t, f, site.FeedURL(), nil)
	if first.res.New != 3 || first.res.State.ETag == "" || first.res.State.LastModified == "" {
		t.Fatalf("first poll %+v", first.res)
	}

	t.Run("unchanged feed costs one 304", func(t *testing.T) {
		site.ResetLog()
		o := read(t, f, site.FeedURL(), &first.res.State)
		if !o.res.NotModified || o.res.Status != 304 || o.res.Unchanged != 3 || len(o.articles) != 0 {
			t.Errorf("result %+v, %d articles; want 304 and 3 unchanged", o.res, len(o.articles))
		}
		reqs := site.Requests()
		if len(reqs) != 1 || reqs[0].Status != 304 || !reqs[0].Conditional {
			t.Errorf("requests %v, want one conditional GET answered 304", reqs)
		}
	})

	site.SetItems(webtest.TimeLoops, webtest.Hermitian, webtest.NewZealand, webtest.Mozilla)
	var second outcome
	t.Run("a new item fetches only its page", func(t *testing.T) {
		site.ResetLog()
		second = read(t, f, site.FeedURL(), &first.res.State)
		if second.res.New != 1 || second.res.Unchanged != 3 || len(second.articles) != 1 || second.articles[0].ID != site.PageURL(webtest.TimeLoops) {
			t.Fatalf("result %+v, articles %v", second.res, second.articles)
		}
		want := []string{"GET " + site.PageURL(webtest.TimeLoops)[len(site.URL):] + " 200"}
		if got := pagePaths(site); !slices.Equal(got, want) {
			t.Errorf("pages fetched %v, want only %v", got, want)
		}
	})

	t.Run("a changed item is fetched again", func(t *testing.T) {
		site.Change(webtest.NewZealand)
		site.ResetLog()
		o := read(t, f, site.FeedURL(), &second.res.State)
		if o.res.Changed != 1 || o.res.Unchanged != 3 || len(o.articles) != 1 {
			t.Fatalf("result %+v", o.res)
		}
		a := o.articles[0]
		if a.ID != site.PageURL(webtest.NewZealand) || a.Published != webtest.ChangedDate {
			t.Errorf("changed article %s published %s", a.ID, a.Published)
		}
		before := second.res.State.Items[a.ID]
		if after := o.res.State.Items[a.ID]; after.Fingerprint == before.Fingerprint || after.Article != a.ID {
			t.Errorf("state of the item: %+v, before %+v", after, before)
		}
		if len(pagePaths(site)) != 1 {
			t.Errorf("pages fetched %v, want the changed one", pagePaths(site))
		}
	})
}

func TestFaultsOfTheFeedItself(t *testing.T) {
	site := webtest.New(t)
	site.SlowFor = 5 * time.Second
	cases := []struct {
		name   string
		path   string
		opts   web.Options
		kind   error
		msg    string
		status int
	}{
		{"500", webtest.ServerError, web.Options{}, web.ErrStatus, "HTTP 500", 500},
		{"not found", "/no/such/feed.xml", web.Options{}, web.ErrStatus, "HTTP 404", 404},
		{"slow server", webtest.Slow, web.Options{Timeout: 150 * time.Millisecond}, web.ErrTimeout, "timeout", 0},
		{"huge body", webtest.Huge, web.Options{MaxBytes: 64 << 10}, web.ErrTooLarge, "too large", 200},
		{"huge body, declared", webtest.HugeDeclared, web.Options{MaxBytes: 64 << 10}, web.ErrTooLarge, "too large", 200},
		{"redirect loop", webtest.Loop, web.Options{}, web.ErrRedirects, "redirect loop", 0},
		{"malformed feed", webtest.Malformed, web.Options{}, ingest.ErrMalformed, "malformed feed", 200},
		{"not a feed or page", webtest.Image, web.Options{}, ingest.ErrUnsupported, "neither a feed nor an HTML page (Content-Type \"image/jpeg\")", 200},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			url := site.URL + tc.path
			o := read(t, follower(tc.opts), url, nil)
			if o.res.Err == nil || !errors.Is(o.res.Err, tc.kind) || !strings.Contains(o.res.Err.Error(), tc.msg) {
				t.Fatalf("error %v, want %v with %q", o.res.Err, tc.kind, tc.msg)
			}
			if o.res.Status != tc.status {
				t.Errorf("status %d, want %d", o.res.Status, tc.status)
			}
			if len(o.articles) != 0 || len(o.rejected) != 1 || o.rejected[0].Path != url || o.rejected[0].Item != "" {
				t.Errorf("articles %d, rejected %v; want one rejection of the URL", len(o.articles), o.rejected)
			}
			if o.res.State.Failures != 1 || o.res.State.LastError == "" {
				t.Errorf("state %+v, want one failure recorded", o.res.State)
			}
		})
	}
}

func TestFaultsOfPagesAreReportedPerItem(t *testing.T) {
	site := webtest.New(t)
	site.Relink(webtest.Hermitian, webtest.Image)
	site.Relink(webtest.NewZealand, webtest.NoText)
	site.Relink(webtest.Mozilla, webtest.Private+"story.html")
	site.Relink(webtest.MissingPage, webtest.Loop)
	o := read(t, follower(web.Options{}), site.FeedURL(), nil)
	if o.res.Err != nil || o.res.New != 1 || o.res.Failed != 4 || len(o.articles) != 1 {
		t.Fatalf("result %+v: want 1 new and 4 failed", o.res)
	}
	want := map[string]error{
		webtest.Image:                  web.ErrNotHTML,
		webtest.NoText:                 ingest.ErrNoText,
		webtest.Private + "story.html": web.ErrDisallowed,
		webtest.Loop:                   web.ErrRedirects,
	}
	for _, e := range o.rejected {
		path := strings.TrimPrefix(e.Item, site.URL)
		if kind, ok := want[path]; !ok || !errors.Is(e, kind) || e.Path != site.FeedURL() {
			t.Errorf("rejected %q (item %q), want one of %v", e, e.Item, want)
		}
		delete(want, path)
	}
	if len(want) != 0 {
		t.Errorf("not rejected: %v", want)
	}
	for _, r := range site.Requests() {
		if strings.HasPrefix(r.Path, webtest.Private) {
			t.Errorf("fetched %s against robots.txt", r)
		}
	}
}

func TestRobotsTxt(t *testing.T) {
	cases := []struct {
		name     string
		status   int
		body     string
		new      int
		disallow int
	}{
		{"missing robots.txt allows all", 404, "", 4, 0},
		{"empty robots.txt allows all", 200, "", 4, 0},
		{"rules for newsgraph win over *", 200, "User-agent: *\nDisallow: /\n\nUser-agent: newsgraph\nDisallow: /wiki/List_of_films\n", 3, 1},
		{"unreadable robots.txt disallows all", 503, "", 0, 5},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			site := webtest.New(t)
			site.SetRobots(tc.status, tc.body)
			o := read(t, follower(web.Options{}), site.FeedURL(), nil)
			disallowed := 0
			for _, e := range o.rejected {
				if errors.Is(e, web.ErrDisallowed) {
					disallowed++
				}
			}
			if o.res.New != tc.new || disallowed != tc.disallow {
				t.Errorf("%d new, %d disallowed (rejected %v); want %d and %d", o.res.New, disallowed, o.rejected, tc.new, tc.disallow)
			}
			robots := 0
			for _, r := range site.Requests() {
				if r.Path == "/robots.txt" {
					robots++
				}
			}
			if robots != 1 {
				t.Errorf("robots.txt fetched %d times, want once: %v", robots, site.Paths())
			}
		})
	}
}

func TestBackoffAfterFailures(t *testing.T) {
	site := webtest.New(t)
	f := follower(web.Options{})
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	f.Now = func() time.Time { return now }
	url := site.URL + webtest.ServerError

	first := read(t, f, url, nil)
	if first.res.State.Failures != 1 || !first.res.State.RetryAt.Equal(now) {
		t.Fatalf("after one failure: %+v (the next poll retries)", first.res.State)
	}
	second := read(t, f, url, &first.res.State)
	if second.res.State.Failures != 2 || !second.res.State.RetryAt.Equal(now.Add(time.Minute)) {
		t.Fatalf("after two failures: %+v, want a retry after one interval", second.res.State)
	}
	site.ResetLog()
	skipped := read(t, f, url, &second.res.State)
	if !skipped.res.Skipped || len(site.Requests()) != 0 || skipped.res.State.Failures != 2 {
		t.Errorf("third poll %+v, requests %v: want it skipped", skipped.res, site.Paths())
	}
	now = now.Add(time.Minute)
	third := read(t, f, url, &second.res.State)
	if third.res.Skipped || third.res.State.Failures != 3 || !third.res.State.RetryAt.Equal(now.Add(3*time.Minute)) {
		t.Errorf("after three failures: %+v", third.res.State)
	}
	// A feed that answers again starts afresh.
	site.ResetLog()
	now = now.Add(time.Hour)
	ok := read(t, f, site.FeedURL(), &newsgraph.FeedState{URL: site.FeedURL(), Failures: 3, RetryAt: now.Add(-time.Second)})
	if ok.res.Err != nil || ok.res.State.Failures != 0 || !ok.res.State.RetryAt.IsZero() {
		t.Errorf("recovered feed: %+v", ok.res.State)
	}
}

func TestRedirectedFeed(t *testing.T) {
	site := webtest.New(t)
	url := site.URL + webtest.MovedFeedPath
	o := read(t, follower(web.Options{}), url, nil)
	if o.res.Err != nil || o.res.New != 4 {
		t.Fatalf("result %+v", o.res)
	}
	for _, a := range o.articles {
		if a.Path != url {
			t.Errorf("article %s: path %q, want the feed as given", a.ID, a.Path)
		}
	}
}

// countingTransport counts the requests in flight, from sending one to
// closing its body.
type countingTransport struct {
	mu       sync.Mutex
	n, most  int
	requests int
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.mu.Lock()
	c.n++
	c.requests++
	c.most = max(c.most, c.n)
	c.mu.Unlock()
	res, err := http.DefaultTransport.RoundTrip(r)
	if err != nil {
		c.done()
		return nil, err
	}
	res.Body = &countedBody{ReadCloser: res.Body, done: c.done}
	return res, nil
}

func (c *countingTransport) done() {
	c.mu.Lock()
	c.n--
	c.mu.Unlock()
}

type countedBody struct {
	io.ReadCloser
	once sync.Once
	done func()
}

func (b *countedBody) Close() error {
	err := b.ReadCloser.Close()
	b.once.Do(b.done)
	return err
}

func TestOneRequestAtATimePerHost(t *testing.T) {
	site := webtest.New(t)
	tr := &countingTransport{}
	f := follower(web.Options{Transport: tr})
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			read(t, f, site.FeedURL(), nil)
		}()
	}
	wg.Wait()
	if tr.requests < 20 {
		t.Fatalf("only %d requests", tr.requests)
	}
	if tr.most != 1 {
		t.Errorf("%d requests to one host at once, want 1", tr.most)
	}
}

func TestPageURL(t *testing.T) {
	site := webtest.New(t)
	url := site.PageURL(webtest.Hermitian) + "#comments"
	o := read(t, follower(web.Options{}), url, nil)
	if o.res.Err != nil || o.res.New != 1 || len(o.articles) != 1 {
		t.Fatalf("result %+v", o.res)
	}
	a := o.articles[0]
	if a.ID != site.PageURL(webtest.Hermitian) || a.URL != a.ID || a.Path != url || !strings.Contains(a.Text, "Charles Hermite") {
		t.Errorf("article %+v", a)
	}
	again := read(t, follower(web.Options{}), url, &o.res.State)
	if again.res.Unchanged != 1 || len(again.articles) != 0 {
		t.Errorf("second read %+v", again.res)
	}
}

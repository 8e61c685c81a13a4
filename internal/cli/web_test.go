package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/webtest"
)

// webTest holds the test Neo4j (emptied) and the test web site, with
// settings that keep the tests fast: no pause between requests to the
// site and short timeouts.
type webTest struct {
	store *graph.Store
	args  []string // --neo4j-uri ...
	site  *webtest.Site
}

func newWebTest(t *testing.T) *webTest {
	t.Helper()
	store := neo4jtest.Open(t)
	t.Setenv("NEWSGRAPH_WEB_HOST_DELAY", "0s")
	t.Setenv("NEWSGRAPH_WEB_TIMEOUT", "2s")
	t.Setenv("NEWSGRAPH_WATCH_FEEDS", "")
	return &webTest{store: store, args: []string{"--neo4j-uri", neo4jtest.Options(t).URI}, site: webtest.New(t)}
}

func (w *webTest) run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	return run(t, append(slices.Clone(w.args), args...)...)
}

func (w *webTest) count(t *testing.T, cypher string, params map[string]any) int64 {
	t.Helper()
	n, err := w.store.Count(t.Context(), cypher, params)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// pages are the article pages the site was asked for, "GET path status".
func (w *webTest) pages() []string {
	var out []string
	for _, r := range w.site.Requests() {
		if strings.HasPrefix(r.Path, "/wiki/") {
			out = append(out, r.String())
		}
	}
	return out
}

func (w *webTest) pageReq(id string, status int) string {
	return "GET " + strings.TrimPrefix(w.site.PageURL(id), w.site.URL) + " " + map[int]string{200: "200", 404: "404"}[status]
}

// logLines parses the JSON log lines of stderr.
func logLines(t *testing.T, stderr string) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		var m map[string]any
		if err := json.Unmarshal(sc.Bytes(), &m); err != nil {
			t.Fatalf("log line is not JSON: %q (%v)", sc.Text(), err)
		}
		out = append(out, m)
	}
	return out
}

// TestLoadFeedThenWatchOnlyFetchesWhatIsNew is the issue's first "done
// when": a feed loads from its pages with the page URLs on the Article
// nodes; after a new item appears, watch --once adds just it without
// fetching the old pages; an unchanged feed then costs one 304.
func TestLoadFeedThenWatchOnlyFetchesWhatIsNew(t *testing.T) {
	w := newWebTest(t)
	feed := w.site.FeedURL()
	w.site.SetItems(webtest.Hermitian, webtest.NewZealand, webtest.Mozilla)

	code, out, errs := w.run(t, "load", "--json", feed)
	if code != ExitOK {
		t.Fatalf("load: exit %d\n%s", code, errs)
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Read != 3 || sum.Written.New != 3 {
		t.Fatalf("load summary %s (%v), want 3 new", out, err)
	}
	pageArticles := `MATCH (a:Article) WHERE a.id = a.url AND a.id STARTS WITH $site + '/wiki/'
AND a.path = $feed AND a.source = 'Wikipedia' RETURN count(a)`
	params := map[string]any{"site": w.site.URL, "feed": feed}
	if n := w.count(t, pageArticles, params); n != 3 {
		t.Errorf("%d Article nodes with their page URL, want 3", n)
	}
	if n := w.count(t, `MATCH (a:Article)-[:MENTIONS]->() RETURN count(DISTINCT a)`, nil); n != 3 {
		t.Errorf("%d articles mention something, want 3 (the pages' text was extracted)", n)
	}
	if n := w.count(t, `MATCH (a:Article {id: $id}) WHERE size(a.title) > 0 AND a.published = '2020-02-24' RETURN count(a)`,
		map[string]any{"id": w.site.PageURL(webtest.Hermitian)}); n != 1 {
		t.Errorf("article %s lacks its title or date", w.site.PageURL(webtest.Hermitian))
	}

	// A new item appears at the top of the feed.
	w.site.SetItems(webtest.TimeLoops, webtest.Hermitian, webtest.NewZealand, webtest.Mozilla)
	w.site.ResetLog()
	code, _, errs = w.run(t, "watch", "--once", "--log-format", "json", feed)
	if code != ExitOK {
		t.Fatalf("watch --once: exit %d\n%s", code, errs)
	}
	if got, want := w.pages(), []string{w.pageReq(webtest.TimeLoops, 200)}; !slices.Equal(got, want) {
		t.Errorf("watch fetched pages %v, want only the new one %v", got, want)
	}
	if n := w.count(t, pageArticles, params); n != 4 {
		t.Errorf("%d articles after watch, want 4", n)
	}
	var poll map[string]any
	for _, l := range logLines(t, errs) {
		if l["msg"] == "poll" {
			poll = l
		}
	}
	if poll == nil || poll["feed"] != feed || poll["new"] != 1.0 || poll["changed"] != 0.0 || poll["unchanged"] != 3.0 ||
		poll["failed"] != 0.0 || poll["elapsed"] == nil || poll["status"] != 200.0 {
		t.Errorf("poll log line %v, want feed, status 200, new 1, changed 0, unchanged 3, failed 0, elapsed", poll)
	}

	// Nothing changed: one conditional request, answered 304.
	w.site.ResetLog()
	code, _, errs = w.run(t, "watch", "--once", feed)
	if code != ExitOK {
		t.Fatalf("second watch --once: exit %d\n%s", code, errs)
	}
	reqs := w.site.Requests()
	if len(reqs) != 1 || reqs[0].Status != 304 || !reqs[0].Conditional {
		t.Errorf("requests %v, want one conditional request answered 304", w.site.Paths())
	}
	if !strings.Contains(errs, "msg=poll feed="+feed+" status=304 new=0 changed=0 unchanged=4 failed=0 elapsed=") {
		t.Errorf("text log has no poll line for the unchanged feed:\n%s", errs)
	}
}

// TestLoadFeedWithAMissingPage: an item whose page is missing is reported
// on one line naming the feed and the page, the others load, exit 3; the
// next poll tries that page again but none of the loaded ones.
func TestLoadFeedWithAMissingPage(t *testing.T) {
	w := newWebTest(t)
	feed := w.site.FeedURL()
	code, out, errs := w.run(t, "load", "--json", feed)
	if code != ExitPartial {
		t.Fatalf("load: exit %d, want %d\n%s", code, ExitPartial, errs)
	}
	missing := w.site.PageURL(webtest.MissingPage)
	var rejected []string
	for _, l := range strings.Split(strings.TrimSpace(errs), "\n") {
		if strings.Contains(l, "rejected") && !strings.Contains(l, "inputs rejected") {
			rejected = append(rejected, l)
		}
	}
	want := "newsgraph: rejected " + feed + ": " + missing + ": HTTP 404 Not Found"
	if len(rejected) != 1 || rejected[0] != want {
		t.Errorf("rejections %q, want %q", rejected, want)
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Read != 4 || sum.Rejected != 1 || sum.Written.New != 4 {
		t.Errorf("summary %s (%v), want 4 loaded and 1 rejected", out, err)
	}
	if n := w.count(t, `MATCH (a:Article) WHERE a.path = $feed RETURN count(a)`, map[string]any{"feed": feed}); n != 4 {
		t.Errorf("%d articles, want 4", n)
	}

	w.site.ResetLog()
	code, _, errs = w.run(t, "watch", "--once", feed)
	if code != ExitPartial {
		t.Fatalf("watch --once: exit %d, want %d\n%s", code, ExitPartial, errs)
	}
	if got, want := w.pages(), []string{w.pageReq(webtest.MissingPage, 404)}; !slices.Equal(got, want) {
		t.Errorf("watch fetched %v, want only the missing page again %v", got, want)
	}
	if !strings.Contains(errs, "level=WARN msg=rejected feed="+feed+" item="+missing+` error="HTTP 404 Not Found"`) {
		t.Errorf("watch did not log the missing page:\n%s", errs)
	}
}

func TestWatchLoadsAChangedItem(t *testing.T) {
	w := newWebTest(t)
	feed := w.site.FeedURL()
	w.site.SetItems(webtest.Hermitian, webtest.NewZealand, webtest.Mozilla)
	if code, _, errs := w.run(t, "watch", "--once", feed); code != ExitOK {
		t.Fatalf("first watch: exit %d\n%s", code, errs)
	}
	id := w.site.PageURL(webtest.NewZealand)
	hash := func() string {
		code, out, errs := w.run(t, "query", "--json", "--cypher", "MATCH (a:Article {id: $id}) RETURN a.contentHash AS h, a.published AS p", "--param", "id="+id)
		if code != ExitOK {
			t.Fatalf("query: exit %d %s", code, errs)
		}
		return out
	}
	before := hash()
	w.site.Change(webtest.NewZealand)
	w.site.ResetLog()
	code, _, errs := w.run(t, "watch", "--once", feed)
	if code != ExitOK {
		t.Fatalf("watch after a change: exit %d\n%s", code, errs)
	}
	if got, want := w.pages(), []string{w.pageReq(webtest.NewZealand, 200)}; !slices.Equal(got, want) {
		t.Errorf("fetched %v, want only the changed page %v", got, want)
	}
	after := hash()
	if after == before || !strings.Contains(after, webtest.ChangedDate) {
		t.Errorf("article before the change %s, after %s: want a new hash and date", before, after)
	}
	if !strings.Contains(errs, "new=0 changed=1 unchanged=2 failed=0") || !strings.Contains(errs, "msg=written articles=1 new=0 changed=1") {
		t.Errorf("log does not report one changed item and article:\n%s", errs)
	}
}

// TestLoadURLFaults: each broken URL gets one line on stderr; the page
// among them still loads; exit 3.
func TestLoadURLFaults(t *testing.T) {
	w := newWebTest(t)
	w.site.SlowFor = 5 * time.Second
	t.Setenv("NEWSGRAPH_WEB_TIMEOUT", "300ms")
	t.Setenv("NEWSGRAPH_INPUT_MAX_BYTES", "1000000")
	u := w.site.URL
	faults := map[string]string{
		u + webtest.ServerError: "HTTP 500 Internal Server Error",
		u + webtest.Slow:        "timeout: no complete answer within 300ms",
		u + webtest.Huge:        "response too large: more than 1000000 bytes",
		u + webtest.Loop:        "redirect loop",
		u + webtest.Malformed:   "malformed feed",
		u + webtest.Image:       "neither a feed nor an HTML page",
	}
	args := []string{"load", "--json"}
	for url := range faults {
		args = append(args, url)
	}
	page := w.site.PageURL(webtest.Hermitian)
	args = append(args, page)
	code, out, errs := w.run(t, args...)
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, ExitPartial, errs)
	}
	for url, msg := range faults {
		if !strings.Contains(errs, "newsgraph: rejected "+url+": "+msg) {
			t.Errorf("stderr lacks %q for %s:\n%s", msg, url, errs)
		}
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Read != 1 || sum.Rejected != len(faults) {
		t.Errorf("summary %s (%v), want the page read and %d rejected", out, err, len(faults))
	}
	if n := w.count(t, `MATCH (a:Article {id: $id, url: $id, path: $id}) RETURN count(a)`, map[string]any{"id": page}); n != 1 {
		t.Errorf("the page was not loaded as an article with its URL")
	}
	// Failures are remembered for the backoff of watch.
	if n := w.count(t, `MATCH (f:Feed) WHERE f.failures = 1 AND f.lastError <> '' RETURN count(f)`, nil); n != int64(len(faults)) {
		t.Errorf("%d feeds with a failure recorded, want %d", n, len(faults))
	}
}

// TestWatchBacksOffAFailingFeed: a failing feed is retried at the next
// poll, then skipped for a while; the good feed beside it loads.
func TestWatchBacksOffAFailingFeed(t *testing.T) {
	w := newWebTest(t)
	bad := w.site.URL + webtest.ServerError
	w.site.SetItems(webtest.Hermitian)
	t.Setenv("NEWSGRAPH_WATCH_FEEDS", w.site.FeedURL()+","+bad)
	badRequests := func() int {
		n := 0
		for _, r := range w.site.Requests() {
			if r.Path == webtest.ServerError {
				n++
			}
		}
		return n
	}
	for poll, want := range []int{1, 2, 2} {
		code, _, errs := w.run(t, "watch", "--once", "--interval", "1h")
		if code != ExitPartial && poll < 2 || code != ExitOK && poll == 2 {
			t.Fatalf("poll %d: exit %d\n%s", poll+1, code, errs)
		}
		if got := badRequests(); got != want {
			t.Errorf("after poll %d the failing feed was asked %d times, want %d\n%s", poll+1, got, want, errs)
		}
		if poll == 2 && !strings.Contains(errs, "msg=poll feed="+bad+` skipped="backing off after failures" failures=2`) {
			t.Errorf("poll 3 does not log the skipped feed:\n%s", errs)
		}
	}
	if n := w.count(t, `MATCH (a:Article) RETURN count(a)`, nil); n != 1 {
		t.Errorf("%d articles, want the good feed's one", n)
	}
}

func TestWebNeo4jDown(t *testing.T) {
	site := webtest.New(t)
	t.Setenv("NEWSGRAPH_NEO4J_CONNECT_TIMEOUT", "2s")
	down := []string{"--neo4j-uri", "bolt://127.0.0.1:1"}
	for _, cmd := range [][]string{{"load", site.FeedURL()}, {"watch", "--once", site.FeedURL()}} {
		code, _, errs := run(t, append(slices.Clone(down), cmd...)...)
		if code != ExitUnavailable {
			t.Errorf("%s: exit %d, want %d\n%s", cmd[0], code, ExitUnavailable, errs)
		}
	}
	if r := site.Requests(); len(r) != 0 {
		t.Errorf("fetched %v although nothing could be stored", site.Paths())
	}

	// watch without --once waits and tries again until stopped.
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stderr := &watcher{cancel: cancel, after: "neo4j unavailable", times: 1}
	code := Main(ctx, append(slices.Clone(down), "watch", site.FeedURL()), strings.NewReader(""), &bytes.Buffer{}, stderr)
	if code != ExitInterrupted || !strings.Contains(stderr.String(), "retry_in=5s") {
		t.Errorf("watch with Neo4j down: exit %d\n%s", code, stderr.String())
	}
}

// TestWatchStopsOnSignal: an interrupt (SIGTERM, Ctrl-C) between polls
// stops watch with the articles of the last poll kept.
func TestWatchStopsOnSignal(t *testing.T) {
	w := newWebTest(t)
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	stderr := &watcher{cancel: cancel, after: "msg=written", times: 1}
	code := Main(ctx, append(slices.Clone(w.args), "watch", "--interval", "1h", w.site.FeedURL()), strings.NewReader(""), &bytes.Buffer{}, stderr)
	if code != ExitInterrupted {
		t.Fatalf("exit %d, want %d\n%s", code, ExitInterrupted, stderr.String())
	}
	if n := w.count(t, `MATCH (a:Article) RETURN count(a)`, nil); n != 4 {
		t.Errorf("%d articles after the stop, want 4", n)
	}
	if n := w.count(t, `MATCH (f:Feed {url: $url}) WHERE size(f.itemKeys) = 4 RETURN count(f)`, map[string]any{"url": w.site.FeedURL()}); n != 1 {
		t.Errorf("the feed's state was not saved before the stop")
	}
}

func TestExtractURLNeedsNoNeo4j(t *testing.T) {
	site := webtest.New(t)
	t.Setenv("NEWSGRAPH_WEB_HOST_DELAY", "0s")
	code, out, errs := run(t, "extract", "--format", "jsonl", site.FeedURL())
	if code != ExitPartial {
		t.Fatalf("exit %d, want %d\n%s", code, ExitPartial, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.Contains(lines[0], `"id":"`+site.PageURL(webtest.TimeLoops)+`"`) {
		t.Errorf("%d lines, first %.200s", len(lines), lines[0])
	}
}

func TestWatchUsage(t *testing.T) {
	clearEnv(t)
	for _, args := range [][]string{{"watch", "--once"}, {"watch", "--once", "feeds/world.xml"}, {"watch", "--interval", "0s", "http://127.0.0.1:1/feed"}} {
		if code, _, errs := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d, want %d\n%s", args, code, ExitUsage, errs)
		}
	}
}

// watcher is a stderr that cancels a context once a line containing
// `after` has been written `times` times.
type watcher struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	cancel context.CancelFunc
	after  string
	times  int
}

func (w *watcher) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if strings.Count(w.buf.String(), w.after) >= w.times {
		w.cancel()
	}
	return len(p), nil
}

func (w *watcher) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// TestTwoFeedsListingOneStory: the page URL is the identity, so a story
// listed by two feeds is one article, read once per run.
func TestTwoFeedsListingOneStory(t *testing.T) {
	w := newWebTest(t)
	w.site.SetItems(webtest.Hermitian, webtest.Mozilla)
	code, out, errs := w.run(t, "load", "--json", w.site.FeedURL(), w.site.URL+webtest.MovedFeedPath)
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, errs)
	}
	var sum loadSummary
	if err := json.Unmarshal([]byte(out), &sum); err != nil || sum.Read != 2 || sum.Written.New != 2 {
		t.Errorf("summary %s (%v), want 2 articles", out, err)
	}
	if n := w.count(t, `MATCH (a:Article) RETURN count(a)`, nil); n != 2 {
		t.Errorf("%d articles, want 2", n)
	}
}

func TestWatchFeedsFromTheConfigFile(t *testing.T) {
	clearEnv(t)
	p := filepath.Join(t.TempDir(), "newsgraph.yaml")
	yaml := "watch:\n  feeds:\n    - https://example.org/rss.xml\n    - https://example.gov/atom.xml\n  interval: 5m\n"
	if err := os.WriteFile(p, []byte(yaml), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errs := run(t, "config", "show", "--json", "--config", p)
	if code != ExitOK {
		t.Fatalf("exit %d %s", code, errs)
	}
	var rows []struct{ Key, Value, Source string }
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, r := range rows {
		got[r.Key] = r.Value + " | " + r.Source
	}
	if want := "https://example.org/rss.xml https://example.gov/atom.xml | file " + p; got["watch.feeds"] != want {
		t.Errorf("watch.feeds = %q, want %q", got["watch.feeds"], want)
	}
	if want := "5m | file " + p; got["watch.interval"] != want {
		t.Errorf("watch.interval = %q, want %q", got["watch.interval"], want)
	}
}

package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// DefaultSummaryChars is Follower.SummaryChars when it is 0.
const DefaultSummaryChars = 1000

// MaxBackoff caps the pause after failed polls.
const MaxBackoff = 6 * time.Hour

// ErrNotHTML is the reason a linked page that is not HTML is rejected.
var ErrNotHTML = errors.New("not an HTML page")

// Follower reads the URLs given to newsgraph. A feed gives one article per
// item; an item whose feed text is only a summary is completed from its
// linked page (robots.txt permitting). A page gives one article. With the
// state of the last poll, an unchanged feed costs one conditional request
// and the pages of items already loaded are not fetched again.
type Follower struct {
	Client *Client
	// Reader parses feeds and pages (its MaxBytes should match the
	// Client's).
	Reader *ingest.Reader
	// SummaryChars: an item whose text in the feed, title aside, has
	// fewer characters is completed from its page (0: DefaultSummaryChars).
	SummaryChars int
	// Backoff is the poll interval: a URL that failed n polls in a row is
	// next tried after Backoff·(2^(n-1) - 1) more, at most MaxBackoff (the
	// first failure is retried at the next poll, the second skips one).
	Backoff time.Duration
	// Now is the clock; nil means time.Now.
	Now func() time.Time
}

// Result says what reading one URL did.
type Result struct {
	URL string
	// Status is the HTTP status of the URL (304 when unchanged), 0 when
	// there was no answer.
	Status      int
	NotModified bool
	// Skipped is true when the URL was not polled because it is backing
	// off after failures (until State.RetryAt).
	Skipped bool
	// Items of a feed: new, changed, unchanged since the last poll, and
	// failed (rejected, or their page could not be read).
	New, Changed, Unchanged, Failed int
	// Err is why the URL itself failed, or nil.
	Err error
	// State is the URL's state to keep once the emitted articles are
	// stored.
	State   newsgraph.FeedState
	Elapsed time.Duration
}

func (f *Follower) now() time.Time {
	if f.Now != nil {
		return f.Now()
	}
	return time.Now()
}

// Read fetches rawURL and hands its articles to emit and its rejected
// items (one *ingest.InputError per item: Path is the URL, Item the page)
// to reject. prev is the URL's state from the last poll, or nil: then the
// request is not conditional and no item is skipped. Read returns only the
// context's error or emit's; every other failure is in the Result and
// reported to reject.
func (f *Follower) Read(ctx context.Context, rawURL string, prev *newsgraph.FeedState, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) (Result, error) {
	start := f.now()
	res := Result{URL: rawURL}
	st := newsgraph.FeedState{URL: rawURL}
	if prev != nil {
		st = *prev
		st.URL = rawURL
		if prev.RetryAt.After(start) {
			res.Skipped, res.State = true, st
			return res, nil
		}
	}
	st.CheckedAt = start
	req := Request{URL: rawURL}
	if prev != nil {
		req.ETag, req.LastModified = prev.ETag, prev.LastModified
	}
	resp, err := f.Client.Get(ctx, req)
	if err != nil {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		return f.failed(res, st, start, err, reject), nil
	}
	res.Status = resp.Status
	if resp.NotModified {
		res.NotModified = true
		res.Unchanged = len(st.Items)
		st.Failures, st.RetryAt, st.LastError = 0, time.Time{}, ""
		res.State = st
		res.Elapsed = f.now().Sub(start)
		return res, nil
	}
	switch {
	case ingest.IsFeed(resp.Body):
		res, err = f.feed(ctx, res, st, resp, emit, reject)
	case isHTML(resp):
		res, err = f.page(ctx, res, st, resp, emit, reject)
	default:
		return f.failed(res, st, start, &kind{is: ingest.ErrUnsupported, msg: fmt.Sprintf("neither a feed nor an HTML page (Content-Type %q)", resp.ContentType)}, reject), nil
	}
	if err != nil {
		return res, err
	}
	if res.Err != nil {
		return f.failed(res, st, start, res.Err, reject), nil
	}
	res.Elapsed = f.now().Sub(start)
	return res, nil
}

// failed records a failed poll of the URL and reports it.
func (f *Follower) failed(res Result, st newsgraph.FeedState, start time.Time, err error, reject func(*ingest.InputError)) Result {
	st.Failures++
	st.LastError = err.Error()
	wait := f.backoff(st.Failures)
	var e *Error
	if errors.As(err, &e) {
		if e.Status != 0 {
			res.Status = e.Status
		}
		if e.RetryAfter > wait {
			wait = min(e.RetryAfter, MaxBackoff)
		}
	}
	st.RetryAt = start.Add(wait)
	res.Err, res.State = err, st
	res.Elapsed = f.now().Sub(start)
	reject(&ingest.InputError{Path: res.URL, Err: err})
	return res
}

func (f *Follower) backoff(failures int) time.Duration {
	if f.Backoff <= 0 || failures < 2 {
		return 0
	}
	if failures > 20 {
		return MaxBackoff
	}
	return min(f.Backoff*time.Duration(1<<(failures-1)-1), MaxBackoff)
}

// feed reads the items of a feed document.
func (f *Follower) feed(ctx context.Context, res Result, st newsgraph.FeedState, resp *Response, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) (Result, error) {
	var items []newsgraph.Article
	err := f.Reader.ReadBytes(ctx, res.URL, res.URL, ingest.FormatFeed, resp.Body,
		func(a newsgraph.Article) error { items = append(items, a); return nil },
		func(e *ingest.InputError) {
			if e.Item == "" { // the feed as a whole
				res.Err = e.Err
				return
			}
			res.Failed++
			reject(e)
		})
	if err != nil || res.Err != nil {
		return res, err
	}
	base, _ := url.Parse(resp.URL)
	prevItems := st.Items
	next := make(map[string]newsgraph.FeedItem, len(items))
	retry := false // an item to try again at the next poll
	for _, it := range items {
		key := it.ID
		fp := fingerprint(it)
		old, known := prevItems[key]
		if known && old.Fingerprint == fp {
			next[key] = old
			res.Unchanged++
			continue
		}
		if _, dup := next[key]; dup {
			continue // the same item twice in one feed
		}
		art := it
		art.URL = resolve(base, it.URL)
		art.Path = res.URL
		if art.Source == "" {
			art.Source = base.Host
		}
		if art.URL != "" && f.summaryOnly(it) {
			page, err := f.fetchPage(ctx, art.URL)
			if err != nil {
				if ctx.Err() != nil {
					return res, ctx.Err()
				}
				reject(&ingest.InputError{Path: res.URL, Item: art.URL, Err: err})
				res.Failed++
				retry = true
				if known {
					next[key] = old // still changed at the next poll: tried again
				}
				continue
			}
			art = completed(art, page)
		}
		art.ID = art.URL
		if art.ID == "" {
			art.ID = key
		}
		if err := emit(art); err != nil {
			return res, err
		}
		next[key] = newsgraph.FeedItem{Fingerprint: fp, Article: art.ID}
		if known {
			res.Changed++
		} else {
			res.New++
		}
	}
	if len(items) > 0 {
		st.Title = items[0].Source
	}
	st.Items = next
	st.ETag, st.LastModified = resp.ETag, resp.LastModified
	if retry {
		st.ETag, st.LastModified = "", ""
	}
	st.Failures, st.RetryAt, st.LastError = 0, time.Time{}, ""
	res.State = st
	return res, nil
}

// page reads a URL that is an article page.
func (f *Follower) page(ctx context.Context, res Result, st newsgraph.FeedState, resp *Response, emit func(newsgraph.Article) error, _ func(*ingest.InputError)) (Result, error) {
	a, err := f.parsePage(ctx, resp)
	if err != nil {
		if ctx.Err() != nil {
			return res, ctx.Err()
		}
		res.Err = err
		return res, nil
	}
	a.Path = res.URL
	key := resp.URL
	fp := fingerprint(a)
	if old, ok := st.Items[key]; ok && old.Fingerprint == fp {
		res.Unchanged++
	} else {
		if err := emit(a); err != nil {
			return res, err
		}
		if ok {
			res.Changed++
		} else {
			res.New++
		}
	}
	st.Items = map[string]newsgraph.FeedItem{key: {Fingerprint: fp, Article: a.ID}}
	st.Title = ""
	st.ETag, st.LastModified = resp.ETag, resp.LastModified
	st.Failures, st.RetryAt, st.LastError = 0, time.Time{}, ""
	res.State = st
	return res, nil
}

// fetchPage fetches the page an item links to, robots.txt permitting.
func (f *Follower) fetchPage(ctx context.Context, link string) (newsgraph.Article, error) {
	resp, err := f.Client.Get(ctx, Request{URL: link, Robots: true})
	if err != nil {
		return newsgraph.Article{}, err
	}
	if !isHTML(resp) {
		return newsgraph.Article{}, fmt.Errorf("%w (Content-Type %q)", ErrNotHTML, resp.ContentType)
	}
	return f.parsePage(ctx, resp)
}

// parsePage reads an HTML page with the project's HTML reader. The
// article's identity is the page's URL (after redirects, no fragment).
func (f *Follower) parsePage(ctx context.Context, resp *Response) (newsgraph.Article, error) {
	var page newsgraph.Article
	var found bool
	var rejected error
	err := f.Reader.ReadBytes(ctx, resp.URL, resp.URL, ingest.FormatHTML, resp.Body,
		func(a newsgraph.Article) error { page, found = a, true; return nil },
		func(e *ingest.InputError) { rejected = e.Err })
	switch {
	case err != nil:
		return page, err
	case rejected != nil:
		return page, rejected
	case !found:
		return page, ingest.ErrNoText
	}
	page.ID, page.URL = resp.URL, resp.URL
	if page.Source == "" {
		if u, err := url.Parse(resp.URL); err == nil {
			page.Source = u.Host
		}
	}
	return page, nil
}

// completed is a feed item with the text of its page: the page's URL is
// the article's identity; the feed's title, date and source win over the
// page's when the feed has them.
func completed(item, page newsgraph.Article) newsgraph.Article {
	a := page
	a.Path = item.Path
	if item.Title != "" {
		a.Title = item.Title
	}
	if item.Published != "" {
		a.Published = item.Published
	}
	if item.Source != "" {
		a.Source = item.Source
	}
	return a
}

// summaryOnly tells whether the item's text in the feed (without its
// title) is too short to be the whole article.
func (f *Follower) summaryOnly(a newsgraph.Article) bool {
	n := f.SummaryChars
	if n <= 0 {
		n = DefaultSummaryChars
	}
	body := strings.TrimSpace(strings.TrimPrefix(a.Text, a.Title))
	return utf8.RuneCountInString(body) < n
}

// fingerprint identifies an item's content as the feed gives it.
func fingerprint(a newsgraph.Article) string {
	h := sha256.New()
	for _, s := range []string{a.Title, a.Text, a.URL, a.Published, a.Source} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil)[:16])
}

// resolve makes a link absolute against the feed's URL and drops its
// fragment; "" stays "".
func resolve(base *url.URL, link string) string {
	link = strings.TrimSpace(link)
	if link == "" {
		return ""
	}
	u, err := url.Parse(link)
	if err != nil {
		return link
	}
	if base != nil {
		u = base.ResolveReference(u)
	}
	u.Fragment, u.RawFragment = "", ""
	return u.String()
}

// isHTML tells an HTML page by its Content-Type, or by its content when
// the server does not say.
func isHTML(resp *Response) bool {
	mt, _, _ := mime.ParseMediaType(resp.ContentType)
	if mt == "" || mt == "application/octet-stream" {
		mt, _, _ = mime.ParseMediaType(http.DetectContentType(resp.Body))
	}
	return mt == "text/html" || mt == "application/xhtml+xml"
}

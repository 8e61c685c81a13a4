package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// Defaults of Options.
const (
	DefaultConnectTimeout = 10 * time.Second
	DefaultTimeout        = 30 * time.Second
	DefaultMaxBytes       = 20 << 20
	DefaultMaxRedirects   = 10
	DefaultHostDelay      = time.Second
	// maxCrawlDelay caps the Crawl-delay a robots.txt may ask for.
	maxCrawlDelay = 30 * time.Second
	// robotsTTL is how long a host's robots.txt is trusted; robotsRetry
	// how soon one that could not be read is asked for again.
	robotsTTL   = 12 * time.Hour
	robotsRetry = 5 * time.Minute
)

// Options configure a Client. Zero values take the defaults.
type Options struct {
	// UserAgent is sent with every request; its first word (before "/")
	// is the agent robots.txt rules are looked up for.
	UserAgent string
	// ConnectTimeout bounds connecting (TCP and TLS).
	ConnectTimeout time.Duration
	// Timeout bounds one request from sending it to the last byte read.
	Timeout time.Duration
	// MaxBytes is the largest body accepted (after gzip decoding).
	MaxBytes int64
	// MaxRedirects is how many redirects one request may follow.
	MaxRedirects int
	// HostDelay is the pause between two requests to one host (a
	// robots.txt Crawl-delay, up to 30 s, makes it longer). Negative
	// means none.
	HostDelay time.Duration
	// Transport replaces the HTTP transport (tests); nil builds one from
	// the timeouts.
	Transport http.RoundTripper
}

// Client fetches documents politely: one request at a time per host with
// a pause between them, a User-Agent that names newsgraph, robots.txt
// checked for article pages, timeouts, a size limit and a redirect limit.
// It is safe for concurrent use.
type Client struct {
	o     Options
	agent string
	http  *http.Client

	mu    sync.Mutex
	hosts map[string]*host
	// pause waits d unless ctx ends first (a seam for tests).
	pause func(ctx context.Context, d time.Duration) error
}

// host is the politeness state of one host (scheme://host:port).
type host struct {
	slot chan struct{} // one request at a time
	last time.Time     // end of the last request; guarded by slot

	mu sync.Mutex // guards the robots fields
	// robots.txt's group for our agent, or why it cannot be read, until
	// robotsUntil
	robots      *robotstxt.Group
	robotsErr   error
	robotsUntil time.Time
}

// NewClient makes a Client.
func NewClient(o Options) *Client {
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = DefaultMaxRedirects
	}
	if o.HostDelay == 0 {
		o.HostDelay = DefaultHostDelay
	}
	if o.UserAgent == "" {
		o.UserAgent = "newsgraph"
	}
	agent, _, _ := strings.Cut(o.UserAgent, "/")
	tr := o.Transport
	if tr == nil {
		d := &net.Dialer{Timeout: o.ConnectTimeout, KeepAlive: 30 * time.Second}
		tr = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           d.DialContext,
			TLSHandshakeTimeout:   o.ConnectTimeout,
			ResponseHeaderTimeout: o.Timeout,
			MaxIdleConnsPerHost:   2,
			IdleConnTimeout:       90 * time.Second,
			ForceAttemptHTTP2:     true,
			// Compression stays on: the transport asks for gzip and
			// decodes it; MaxBytes applies to the decoded body.
		}
	}
	c := &Client{o: o, agent: strings.ToLower(strings.TrimSpace(agent)), hosts: map[string]*host{}, pause: pause}
	c.http = &http.Client{Transport: tr, CheckRedirect: c.checkRedirect}
	return c
}

// Request is one GET.
type Request struct {
	URL string
	// ETag and LastModified make the request conditional: an unchanged
	// document is answered 304 Not Modified without a body.
	ETag         string
	LastModified string
	// Robots makes the request obey the host's robots.txt (article pages).
	Robots bool
}

// Response is a successful answer (2xx, or 304 to a conditional request).
type Response struct {
	// URL is where the document was found, after redirects, without fragment.
	URL          string
	Status       int
	NotModified  bool
	ContentType  string
	ETag         string
	LastModified string
	Body         []byte
}

// Error is a request that failed: a status that is not 2xx (or 304), a
// timeout, a connection error, a body over the size limit, too many
// redirects, or robots.txt disallowing the URL.
type Error struct {
	URL string
	// Status is the HTTP status (0 when there was no answer).
	Status int
	// RetryAfter is the delay a 429 or 503 answer asked for, or 0.
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Kinds of failure, for errors.Is.
var (
	ErrStatus     = errors.New("HTTP error status")
	ErrTimeout    = errors.New("timeout")
	ErrTooLarge   = errors.New("response too large")
	ErrRedirects  = errors.New("too many redirects")
	ErrDisallowed = errors.New("disallowed by robots.txt")
)

// kind is an error message that matches one of the kinds above.
type kind struct {
	is  error
	msg string
	err error
}

func (k *kind) Error() string        { return k.msg }
func (k *kind) Is(target error) bool { return target == k.is }
func (k *kind) Unwrap() error        { return k.err }

// Get fetches one document. ctx ends the wait and the request; an error
// of the request itself is an *Error.
func (c *Client) Get(ctx context.Context, r Request) (*Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, &Error{URL: r.URL, Err: fmt.Errorf("not an http(s) URL: %q", r.URL)}
	}
	h := c.host(u)
	if r.Robots {
		if err := c.checkRobots(ctx, h, u); err != nil {
			return nil, err
		}
	}
	if err := c.acquire(ctx, h); err != nil {
		return nil, err
	}
	defer c.release(h)
	return c.do(ctx, u, r)
}

func (c *Client) do(ctx context.Context, u *url.URL, r Request) (*Response, error) {
	rctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, &Error{URL: r.URL, Err: err}
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return nil, c.fail(ctx, r.URL, 0, err)
	}
	defer res.Body.Close()
	final := *res.Request.URL
	final.Fragment, final.RawFragment = "", ""
	out := &Response{
		URL:          final.String(),
		Status:       res.StatusCode,
		ContentType:  res.Header.Get("Content-Type"),
		ETag:         res.Header.Get("ETag"),
		LastModified: res.Header.Get("Last-Modified"),
	}
	switch {
	case res.StatusCode == http.StatusNotModified && (r.ETag != "" || r.LastModified != ""):
		out.NotModified = true
		return out, nil
	case res.StatusCode < 200 || res.StatusCode > 299:
		io.Copy(io.Discard, io.LimitReader(res.Body, 64<<10)) // lets the connection be reused
		e := &Error{URL: r.URL, Status: res.StatusCode,
			Err: &kind{is: ErrStatus, msg: "HTTP " + res.Status}}
		if res.StatusCode == http.StatusTooManyRequests || res.StatusCode == http.StatusServiceUnavailable {
			e.RetryAfter = retryAfter(res.Header.Get("Retry-After"), time.Now())
		}
		return nil, e
	}
	if res.ContentLength > c.o.MaxBytes {
		return nil, &Error{URL: r.URL, Status: res.StatusCode, Err: c.tooLarge(res.ContentLength)}
	}
	body, err := io.ReadAll(io.LimitReader(res.Body, c.o.MaxBytes+1))
	if err != nil {
		return nil, c.fail(ctx, r.URL, res.StatusCode, err)
	}
	if int64(len(body)) > c.o.MaxBytes {
		return nil, &Error{URL: r.URL, Status: res.StatusCode, Err: c.tooLarge(-1)}
	}
	out.Body = body
	return out, nil
}

func (c *Client) tooLarge(n int64) error {
	if n >= 0 {
		return &kind{is: ErrTooLarge, msg: fmt.Sprintf("response too large: %d bytes, the limit is %d (input.max_bytes)", n, c.o.MaxBytes)}
	}
	return &kind{is: ErrTooLarge, msg: fmt.Sprintf("response too large: more than %d bytes (input.max_bytes)", c.o.MaxBytes)}
}

// fail turns a transport error into an *Error with a short reason; when
// ctx itself ended, ctx's error is returned instead (an interruption is
// not the server's fault).
func (c *Client) fail(ctx context.Context, rawURL string, status int, err error) error {
	if ctx.Err() != nil {
		return ctx.Err()
	}
	var k *kind
	if errors.As(err, &k) { // from checkRedirect, wrapped by url.Error
		return &Error{URL: rawURL, Status: status, Err: k}
	}
	var ne net.Error
	if errors.Is(err, context.DeadlineExceeded) || (errors.As(err, &ne) && ne.Timeout()) {
		return &Error{URL: rawURL, Status: status, Err: &kind{is: ErrTimeout,
			msg: fmt.Sprintf("timeout: no complete answer within %s", c.o.Timeout), err: err}}
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	return &Error{URL: rawURL, Status: status, Err: err}
}

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return &kind{is: ErrRedirects, msg: fmt.Sprintf("redirect loop: %s redirects back to %s after %d redirects", via[len(via)-1].URL, req.URL, len(via))}
		}
	}
	if len(via) > c.o.MaxRedirects {
		return &kind{is: ErrRedirects, msg: fmt.Sprintf("stopped after %d redirects (the limit)", c.o.MaxRedirects)}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to a URL that is not http(s): %s", req.URL)
	}
	return nil
}

// retryAfter reads a Retry-After header: seconds or an HTTP date.
func retryAfter(v string, now time.Time) time.Duration {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil && t.After(now) {
		return t.Sub(now)
	}
	return 0
}

func (c *Client) host(u *url.URL) *host {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	c.mu.Lock()
	defer c.mu.Unlock()
	h := c.hosts[key]
	if h == nil {
		h = &host{slot: make(chan struct{}, 1)}
		c.hosts[key] = h
	}
	return h
}

// acquire waits for the host's one request slot, then for the pause
// since the host's last request.
func (c *Client) acquire(ctx context.Context, h *host) error {
	select {
	case h.slot <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	delay := c.o.HostDelay
	h.mu.Lock()
	if h.robots != nil && h.robots.CrawlDelay > delay {
		delay = min(h.robots.CrawlDelay, maxCrawlDelay)
	}
	h.mu.Unlock()
	if wait := time.Until(h.last.Add(delay)); delay > 0 && !h.last.IsZero() && wait > 0 {
		if err := c.pause(ctx, wait); err != nil {
			<-h.slot
			return err
		}
	}
	return nil
}

// pause waits d, or until ctx ends.
func pause(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (c *Client) release(h *host) {
	h.last = time.Now()
	<-h.slot
}

// checkRobots fetches the host's robots.txt when it has none younger than
// robotsTTL and tells whether u may be fetched. As RFC 9309 says, a
// robots.txt that is missing (4xx) allows everything, and one that cannot
// be read (5xx, no answer) disallows everything until it can (it is asked
// again after robotsRetry).
func (c *Client) checkRobots(ctx context.Context, h *host, u *url.URL) error {
	h.mu.Lock()
	fresh := time.Now().Before(h.robotsUntil)
	h.mu.Unlock()
	if !fresh {
		if err := c.acquire(ctx, h); err != nil {
			return err
		}
		g, rerr := c.fetchRobots(ctx, u)
		c.release(h)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		ttl := robotsTTL
		if rerr != nil {
			ttl = robotsRetry
		}
		h.mu.Lock()
		h.robots, h.robotsErr, h.robotsUntil = g, rerr, time.Now().Add(ttl)
		h.mu.Unlock()
	}
	h.mu.Lock()
	g, rerr := h.robots, h.robotsErr
	h.mu.Unlock()
	if rerr != nil {
		return &Error{URL: u.String(), Err: &kind{is: ErrDisallowed, msg: "robots.txt cannot be read, so no page of the site is fetched: " + rerr.Error(), err: rerr}}
	}
	if !g.Test(u.RequestURI()) {
		return &Error{URL: u.String(), Err: &kind{is: ErrDisallowed, msg: "disallowed by " + u.Scheme + "://" + u.Host + "/robots.txt"}}
	}
	return nil
}

func (c *Client) fetchRobots(ctx context.Context, u *url.URL) (*robotstxt.Group, error) {
	ru := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}
	res, err := c.do(ctx, &ru, Request{URL: ru.String()})
	status := 0
	var body []byte
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Status == 0 || errors.Is(err, ErrTooLarge) {
			return nil, err // no answer: disallow until we know
		}
		status = e.Status
	} else {
		status, body = res.Status, res.Body
	}
	data, perr := robotstxt.FromStatusAndBytes(status, body)
	if perr != nil || data == nil {
		// An unparsable robots.txt is treated as none at all.
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	if status >= 500 {
		return nil, fmt.Errorf("it answered HTTP %d", status)
	}
	return data.FindGroup(c.agent), nil
}

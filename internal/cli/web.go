package cli

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/ingest"
	"github.com/newsgraph/newsgraph/web"
)

// webRun is what one run (a load, or one poll of watch) does with URLs.
type webRun struct {
	f *web.Follower
	// watch: read the stored state of each URL first (conditional
	// requests, items already loaded skipped, backoff), and log each
	// URL's poll instead of printing a summary.
	watch bool
	prev  map[string]newsgraph.FeedState
	// results of the URLs read, in order.
	results []web.Result
	// emitted holds the IDs of the articles read from the web in this
	// run: two feeds that list one story give one article (its URL is its
	// identity), not two inputs that collide.
	emitted map[string]bool
}

// userAgent names newsgraph and its version, and where to learn about it.
func userAgent() string {
	return "newsgraph/" + Version + " (+https://github.com/newsgraph/newsgraph)"
}

// newFollower makes the web reader from the configuration. backoff is the
// poll interval (the base of the backoff after failures).
func (a *app) newFollower(backoff time.Duration) *web.Follower {
	delay := a.cfg.Web.HostDelay
	if delay == 0 {
		delay = -1 // none
	}
	c := web.NewClient(web.Options{
		UserAgent:      userAgent(),
		ConnectTimeout: a.cfg.Web.ConnectTimeout,
		Timeout:        a.cfg.Web.Timeout,
		MaxBytes:       a.cfg.Input.MaxBytes,
		MaxRedirects:   a.cfg.Web.MaxRedirects,
		HostDelay:      delay,
	})
	return &web.Follower{Client: c, Reader: &ingest.Reader{MaxBytes: a.cfg.Input.MaxBytes}, Backoff: backoff}
}

// newPipeline is the pipeline of one run over paths: files with the
// configured limits, URLs with web (made here when paths have a URL and
// web is nil; the result's web is then set).
func (a *app) newPipeline(paths []string, web *webRun, explain bool) (*pipeline, *webRun) {
	if web == nil && hasURL(paths) {
		web = &webRun{f: a.newFollower(a.cfg.Watch.Interval)}
	}
	r := &ingest.Reader{MaxBytes: a.cfg.Input.MaxBytes, Stdin: a.stdin}
	return &pipeline{
		Read: func(ctx context.Context, paths []string, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) error {
			return readInputs(ctx, r, web, paths, emit, reject)
		},
		Reject:  a.rejecter(web),
		Workers: a.cfg.Load.Workers,
		Explain: explain,
		Log:     a.log,
	}, web
}

// readInputs reads args in order: runs of paths with the file reader, URLs
// with the web reader.
func readInputs(ctx context.Context, r *ingest.Reader, w *webRun, args []string, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) error {
	for i := 0; i < len(args); {
		if !config.IsURL(args[i]) {
			j := i + 1
			for j < len(args) && !config.IsURL(args[j]) {
				j++
			}
			if err := r.Read(ctx, args[i:j], emit, reject); err != nil {
				return err
			}
			i = j
			continue
		}
		var prev *newsgraph.FeedState
		if st, ok := w.prev[args[i]]; ok {
			prev = &st
		}
		if w.emitted == nil {
			w.emitted = map[string]bool{}
		}
		once := func(art newsgraph.Article) error {
			if w.emitted[art.ID] {
				return nil
			}
			w.emitted[art.ID] = true
			return emit(art)
		}
		res, err := w.f.Read(ctx, args[i], prev, once, reject)
		if err != nil {
			return err
		}
		w.results = append(w.results, res)
		i++
	}
	return nil
}

// hasURL tells whether any of args is a URL.
func hasURL(args []string) bool {
	for _, s := range args {
		if config.IsURL(s) {
			return true
		}
	}
	return false
}

// feedStates keeps the state of each URL in Neo4j, for watch.
type feedStates interface {
	FeedStates(ctx context.Context, urls []string) (map[string]newsgraph.FeedState, error)
	SaveFeedStates(ctx context.Context, states []newsgraph.FeedState) error
}

// loadWebStates reads the stored state of the URLs among args, for a poll
// of watch (a load fetches everything afresh).
func loadWebStates(ctx context.Context, store feedStates, w *webRun, args []string) error {
	if w == nil || !w.watch {
		return nil
	}
	var urls []string
	for _, s := range args {
		if config.IsURL(s) {
			urls = append(urls, s)
		}
	}
	prev, err := store.FeedStates(ctx, urls)
	if err != nil {
		return err
	}
	w.prev = prev
	return nil
}

// saveWebStates stores the state of the URLs read, once their articles
// are written: a restart then resumes from there.
func saveWebStates(ctx context.Context, store feedStates, w *webRun) error {
	if w == nil || store == nil {
		return nil
	}
	var states []newsgraph.FeedState
	for _, r := range w.results {
		if !r.Skipped {
			states = append(states, r.State)
		}
	}
	return store.SaveFeedStates(ctx, states)
}

// logPolls writes one log line per URL of the last poll.
func logPolls(log *slog.Logger, w *webRun) {
	if w == nil {
		return
	}
	for _, r := range w.results {
		st := r.State
		switch {
		case r.Skipped:
			log.Info("poll", "feed", r.URL, "skipped", "backing off after failures",
				"failures", st.Failures, "retry_at", st.RetryAt.UTC().Format(time.RFC3339))
		case r.Err != nil:
			attrs := []any{"feed", r.URL, "status", r.Status, "new", 0, "changed", 0, "unchanged", 0, "failed", r.Failed,
				"elapsed", r.Elapsed.Round(time.Millisecond).String(), "error", r.Err.Error(), "failures", st.Failures}
			if !st.RetryAt.IsZero() && st.RetryAt.After(st.CheckedAt) {
				attrs = append(attrs, "retry_at", st.RetryAt.UTC().Format(time.RFC3339))
			}
			log.Warn("poll", attrs...)
		default:
			level := slog.LevelInfo
			if r.Failed > 0 {
				level = slog.LevelWarn
			}
			log.Log(context.Background(), level, "poll", "feed", r.URL, "status", r.Status,
				"new", r.New, "changed", r.Changed, "unchanged", r.Unchanged, "failed", r.Failed,
				"elapsed", r.Elapsed.Round(time.Millisecond).String())
		}
	}
}

// rejectedAttrs are the log attributes of a rejected input.
func rejectedAttrs(e *ingest.InputError) []any {
	attrs := []any{"feed", e.Path}
	if e.Item != "" {
		attrs = append(attrs, "item", e.Item)
	}
	return append(attrs, "error", fmt.Sprint(e.Err))
}

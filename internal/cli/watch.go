package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/web"
)

// neo4jRetry is the first wait before polling again when Neo4j is
// unreachable; it doubles up to the poll interval.
const neo4jRetry = 5 * time.Second

// watchOptions are the inputs of `watch`.
type watchOptions struct {
	Log      *slog.Logger
	URLs     []string
	Interval time.Duration
	Once     bool
	// Poll loads the URLs once, reading them with web (which keeps the
	// follower's state across polls).
	Poll     func(ctx context.Context, web *webRun) (loadSummary, error)
	Follower *web.Follower
}

func (a *app) newWatchCmd(runF func(context.Context, *watchOptions) error) *cobra.Command {
	o := &watchOptions{}
	c := &cobra.Command{
		Use:   "watch [--interval 15m] [--once] [URL...]",
		Short: "Follow feeds: poll them, load new and changed items into Neo4j, sleep, repeat",
		Long: `Watch polls each feed (the URLs given and the config's watch.feeds), loads its
new and changed items as ` + "`load`" + ` does, logs one line per feed, then sleeps
until the next poll; --once polls once and exits (cron, systemd timers, CI).

An unchanged feed costs one conditional request (ETag, Last-Modified), and an
item already loaded is not fetched again: the state of each feed is kept in
Neo4j, beside the articles, so it survives a restart. Requests name newsgraph
and its version, go one at a time to a host with a pause between them
(web.host_delay), and article pages obey robots.txt. A feed that fails is
retried at the next poll, then with a doubling pause (backoff). When Neo4j is
unreachable, watch waits and tries again (--once exits 4). SIGTERM or Ctrl-C
finishes the batch in flight and stops (exit 130). With --once, exit 3 says
that some feed or item failed (see the log).`,
		RunE: func(cmd *cobra.Command, args []string) error {
			var urls []string
			for _, f := range append(slices.Clone(args), a.cfg.Watch.Feeds...) {
				if !slices.Contains(urls, f) {
					urls = append(urls, f)
				}
			}
			if len(urls) == 0 {
				return usagef("watch needs at least one feed URL: give it as an argument, or list it under watch.feeds in the config (or NEWSGRAPH_WATCH_FEEDS)")
			}
			for _, u := range urls {
				if !config.IsURL(u) {
					return usagef("watch follows http(s) URLs only, not %q (use `newsgraph load` for files)", u)
				}
			}
			o.Log, o.URLs, o.Interval = a.log, urls, a.cfg.Watch.Interval
			o.Follower = a.newFollower(o.Interval)
			var x *extract.Extractor // loaded by the first poll, kept for the next ones
			o.Poll = func(ctx context.Context, web *webRun) (loadSummary, error) {
				lo := &loadOptions{Out: a.stdout, Err: a.stderr, Log: a.log, Web: web, Paths: urls,
					BatchSize: a.cfg.Load.BatchSize, NoProgress: true, Quiet: true}
				lo.Pipeline, _ = a.newPipeline(urls, web, false)
				lo.Pipeline.Extractor = x
				defer func() { x = lo.Pipeline.Extractor }()
				var sum loadSummary
				err := withLazyStore(ctx, a, func(l *lazyStore) error {
					lo.Store = func(ctx context.Context) (loadStore, error) { return opened[loadStore](l.open(ctx)) }
					var err error
					sum, err = runLoad(ctx, lo)
					return err
				})
				return sum, err
			}
			return runF(cmd.Context(), o)
		},
	}
	f := c.Flags()
	f.BoolVar(&o.Once, "once", false, "poll once and exit")
	a.stringFlag(f, config.KeyWatchInterval, "interval", "time from the start of one poll to the next, e.g. 15m")
	a.intFlag(f, config.KeyLoadBatchSize, "batch-size", "articles per write transaction")
	a.intFlag(f, config.KeyLoadWorkers, "workers", "extraction goroutines (default: number of CPUs)")
	return c
}

// runWatch polls until ctx ends (or once).
func runWatch(ctx context.Context, o *watchOptions) error {
	interval := o.Interval
	retry := neo4jRetry
	o.Log.Info("watch", "feeds", len(o.URLs), "interval", interval.String(), "once", o.Once, "user_agent", userAgent())
	for {
		start := time.Now()
		w := &webRun{f: o.Follower, watch: true}
		sum, err := o.Poll(ctx, w)
		logPolls(o.Log, w)
		var pe *PartialError
		switch {
		case err == nil || errors.As(err, &pe):
			retry = neo4jRetry
			wr := sum.Written
			o.Log.Info("written", "articles", sum.Read, "new", wr.New, "changed", wr.Changed, "unchanged", wr.Unchanged,
				"rejected", sum.Rejected, "nodes_created", wr.NodesCreated, "relationships_created", wr.RelsCreated,
				"elapsed", time.Since(start).Round(time.Millisecond).String())
			if o.Once {
				return err
			}
		case ctx.Err() != nil || errors.Is(err, context.Canceled):
			return fmt.Errorf("%w: stopped watching; the batches written so far are kept", context.Canceled)
		case errors.Is(err, graph.ErrUnavailable):
			if o.Once {
				return err
			}
			o.Log.Warn("neo4j unavailable: polling again when it answers", "error", err.Error(), "retry_in", retry.String())
			if !sleep(ctx, retry) {
				return fmt.Errorf("%w: stopped watching", context.Canceled)
			}
			retry = min(retry*2, max(interval, neo4jRetry))
			continue
		default:
			if o.Once {
				return err
			}
			o.Log.Error("poll failed", "error", err.Error())
		}
		if !sleep(ctx, time.Until(start.Add(interval))) {
			return fmt.Errorf("%w: stopped watching", context.Canceled)
		}
	}
}

// sleep waits for d or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	if d <= 0 {
		return ctx.Err() == nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// loadSummary is what `load` reports at the end (and prints with --json).
type loadSummary struct {
	Read     int             `json:"read"`
	Rejected int             `json:"rejected"`
	Written  graph.LoadStats `json:"written"`
	Seconds  float64         `json:"seconds"`
	DryRun   bool            `json:"dryRun"`
}

// loadStore is what load needs of Neo4j: a writer of batches that also
// creates the schema and keeps the state of the URLs it read.
type loadStore interface {
	batchWriter
	schemaApplier
	feedStates
}

// loadOptions are the inputs of `load` (and of one poll of `watch`).
type loadOptions struct {
	Out, Err io.Writer
	Log      *slog.Logger
	Pipeline *pipeline
	// Web is the reader of URLs (nil when paths has none); in a poll of
	// watch it reads the stored state of each URL first.
	Web *webRun
	// Store is asked for unless DryRun.
	Store     func(context.Context) (loadStore, error)
	Paths     []string
	BatchSize int
	DryRun    bool
	JSON      bool
	// NoProgress: no progress bar, even on a terminal.
	NoProgress bool
	// Quiet: no summary on Out (watch logs its own line).
	Quiet bool
}

func (a *app) newLoadCmd(runF func(context.Context, *loadOptions) (loadSummary, error)) *cobra.Command {
	o := &loadOptions{Out: a.stdout, Err: a.stderr}
	c := &cobra.Command{
		Use:   "load PATH|URL...",
		Short: "Extract articles and load their facts into Neo4j (idempotent, incremental)",
		Long: `Load reads articles (files, folders, feeds, - for stdin, and http(s) URLs of
feeds and pages), extracts their facts on all cores and writes them to Neo4j in
batches, one transaction per batch.

A feed URL gives its items; an item whose feed text is only a summary is
completed from its linked page (robots.txt permitting), and the page's URL is
the article's identity. A page URL gives one article. The state of each URL is
kept for ` + "`newsgraph watch`" + `, which then fetches only what is new.

Loading is idempotent: an article whose content (and the extractor version)
is unchanged is skipped; a changed article replaces its earlier facts. An
interrupted load (Ctrl-C, Neo4j lost) resumes by running the same command
again. Rejected inputs are reported and counted, the rest load (exit 3).`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("load needs at least one PATH (a file, a folder, - for stdin, or an http(s) URL)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, paths []string) error {
			o.Paths, o.Log, o.BatchSize = paths, a.log, a.cfg.Load.BatchSize
			o.Pipeline, o.Web = a.newPipeline(paths, nil, false)
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = func(ctx context.Context) (loadStore, error) { return opened[loadStore](l.open(ctx)) }
				_, err := runF(cmd.Context(), o)
				return err
			})
		},
	}
	f := c.Flags()
	f.BoolVar(&o.DryRun, "dry-run", false, "extract and count, but write nothing (needs no Neo4j)")
	f.BoolVar(&o.JSON, "json", false, "print the summary as JSON on stdout")
	f.BoolVar(&o.NoProgress, "no-progress", false, "no progress bar, even on a terminal")
	a.intFlag(f, config.KeyLoadBatchSize, "batch-size", "articles per write transaction")
	a.intFlag(f, config.KeyLoadWorkers, "workers", "extraction goroutines (default: number of CPUs)")
	a.intFlag(f, config.KeyInputMaxBytes, "max-bytes", "largest input file accepted, in bytes")
	return c
}

// dryRun is the batch writer of load --dry-run: it writes nothing.
type dryRun struct{}

func (dryRun) Write(context.Context, []graph.Item) (graph.LoadStats, error) {
	return graph.LoadStats{}, nil
}

// runLoad extracts the articles at o.Paths and writes them in batches.
func runLoad(ctx context.Context, o *loadOptions) (loadSummary, error) {
	start := time.Now()
	sum := loadSummary{DryRun: o.DryRun}
	var w batchWriter = dryRun{}
	var store loadStore
	if !o.DryRun {
		s, err := o.Store(ctx)
		if err != nil {
			return sum, err
		}
		t0 := time.Now()
		sr, err := s.ApplySchema(ctx)
		if err != nil {
			return sum, err
		}
		o.Log.Debug("schema ready", "constraints_created", sr.ConstraintsAdded, "indexes_created", sr.IndexesAdded, "elapsed", since(t0))
		if err := loadWebStates(ctx, s, o.Web, o.Paths); err != nil {
			return sum, err
		}
		w, store = s, s
	}

	bar := progressBar(o.Err, o.NoProgress)
	p := *o.Pipeline
	// sum.Rejected is only set when the run ends: the bar keeps its own
	// count (the reader goroutine calls Reject, one call at a time).
	nRejected := 0
	p.Reject = func(e *ingest.InputError) {
		o.Pipeline.Reject(e)
		nRejected++
		if bar != nil {
			bar.Describe(fmt.Sprintf("loading (%d rejected)", nRejected))
		}
	}
	var progress func()
	if bar != nil {
		progress = func() { _ = bar.Add(1) }
	}
	st, err := p.batches(ctx, o.Paths, o.BatchSize, w, progress, &sum.Written)
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(o.Err)
	}
	sum.Read, sum.Rejected = st.articles, st.rejected
	sum.Seconds = time.Since(start).Seconds()
	o.Log.Debug("load stages", "read", sum.Read, "rejected", sum.Rejected, "extracting", st.extracting.Round(time.Millisecond).String(),
		"workers", p.Workers, "batches", st.batches, "writing", st.writing.Round(time.Millisecond).String(), "total", since(start), "dry_run", o.DryRun)

	var we *writeError
	switch {
	case errors.As(err, &we) && errors.Is(err, graph.ErrUnavailable):
		return sum, fmt.Errorf("%w\nthe load stopped; articles written so far are kept: run the same command again to resume", we.err)
	case errors.As(err, &we):
		return sum, fmt.Errorf("write to neo4j: %w", we.err)
	case err != nil:
		if errors.Is(err, context.Canceled) {
			printLoadSummary(o.Out, sum, o.JSON)
			return sum, fmt.Errorf("interrupted (%w): the batches written so far are kept; run the same command again to resume", err)
		}
		return sum, err
	}
	if store != nil {
		if err := saveWebStates(ctx, store, o.Web); err != nil {
			return sum, err
		}
	}
	if !o.Quiet {
		printLoadSummary(o.Out, sum, o.JSON)
	}
	if sum.Rejected > 0 {
		return sum, &PartialError{Rejected: sum.Rejected, Total: sum.Rejected + sum.Read}
	}
	return sum, nil
}

func printLoadSummary(out io.Writer, s loadSummary, asJSON bool) {
	if asJSON {
		_ = writeJSON(out, s)
		return
	}
	rate := perSecond(s.Read, s.Seconds)
	w := s.Written
	if s.DryRun {
		fmt.Fprintf(out, "extracted %d articles in %.1fs (%s), %d rejected (dry run: nothing written)\n",
			s.Read, s.Seconds, rate, s.Rejected)
		return
	}
	fmt.Fprintf(out, "read %d articles in %.1fs (%s): %d new, %d changed, %d unchanged, %d rejected\n",
		s.Read, s.Seconds, rate, w.New, w.Changed, w.Unchanged, s.Rejected)
	if w.OtherPath > 0 {
		fmt.Fprintf(out, "%d changed articles replaced an article of the same id read from another path (ids are paths inside the folder named: see the README)\n", w.OtherPath)
	}
	fmt.Fprintf(out, "nodes +%d -%d, relationships +%d -%d\n", w.NodesCreated, w.NodesDeleted, w.RelsCreated, w.RelsDeleted)
}

// progressBar returns a bar on stderr when it is a terminal, else nil.
func progressBar(stderr io.Writer, disabled bool) *progressbar.ProgressBar {
	f, ok := stderr.(*os.File)
	if disabled || !ok || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(f),
		progressbar.OptionSetDescription("loading"),
		progressbar.OptionShowCount(),
		progressbar.OptionShowIts(),
		progressbar.OptionSetItsString("articles"),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionSpinnerType(14),
	)
}

// perSecond is a rate for the summaries: "540/s", or with a decimal below
// ten ("0.3/s" for a few articles and a cold server, not "0/s").
func perSecond(n int, seconds float64) string {
	if seconds <= 0 {
		return "-/s"
	}
	r := float64(n) / seconds
	if r < 10 {
		return fmt.Sprintf("%.1f/s", r)
	}
	return fmt.Sprintf("%.0f/s", r)
}

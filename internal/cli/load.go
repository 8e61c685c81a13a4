package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
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

func (a *app) newLoadCmd() *cobra.Command {
	var dryRun, asJSON, noProgress bool
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
			return a.runLoad(cmd.Context(), paths, dryRun, asJSON, noProgress)
		},
	}
	f := c.Flags()
	f.BoolVar(&dryRun, "dry-run", false, "extract and count, but write nothing (needs no Neo4j)")
	f.BoolVar(&asJSON, "json", false, "print the summary as JSON on stdout")
	f.BoolVar(&noProgress, "no-progress", false, "no progress bar, even on a terminal")
	a.intFlag(f, config.KeyLoadBatchSize, "batch-size", "articles per write transaction")
	a.intFlag(f, config.KeyLoadWorkers, "workers", "extraction goroutines (default: number of CPUs)")
	a.intFlag(f, config.KeyInputMaxBytes, "max-bytes", "largest input file accepted, in bytes")
	return c
}

func (a *app) runLoad(ctx context.Context, paths []string, dryRun, asJSON, noProgress bool) error {
	start := time.Now()
	var store batchWriter // nil: dry run
	var gs *graph.Store
	if !dryRun {
		s, err := a.openStore(ctx)
		if err != nil {
			return err
		}
		defer s.Close(context.WithoutCancel(ctx))
		t0 := time.Now()
		sr, err := s.ApplySchema(ctx)
		if err != nil {
			return err
		}
		a.log.Debug("schema ready", "constraints_created", sr.ConstraintsAdded, "indexes_created", sr.IndexesAdded, "elapsed", since(t0))
		if err := a.loadWebStates(ctx, s, paths); err != nil {
			return err
		}
		store, gs = s, s
	}

	bar := a.progressBar(noProgress)
	sum := loadSummary{DryRun: dryRun}
	var writing time.Duration // guarded by the writer until writeErr
	batches := make(chan []graph.Item, 1)
	writeErr := make(chan error, 1)
	go func() {
		// The writer: one batch at a time, overlapping with extraction of
		// the next. A batch in flight is finished even after Ctrl-C.
		var err error
		n := 0
		for b := range batches {
			if err != nil || store == nil {
				continue
			}
			n++
			t0 := time.Now()
			var st graph.LoadStats
			st, err = store.Write(context.WithoutCancel(ctx), b)
			writing += time.Since(t0)
			if err != nil {
				a.log.Debug("batch failed", "batch", n, "articles", len(b), "first", b[0].Article.ID, "error", err.Error())
				continue
			}
			sum.Written.Add(st)
			a.log.Debug("batch written", "batch", n, "articles", len(b), "first", b[0].Article.ID, "new", st.New, "changed", st.Changed,
				"unchanged", st.Unchanged, "nodes_created", st.NodesCreated, "relationships_created", st.RelsCreated, "elapsed", since(t0))
		}
		writeErr <- err
	}()

	var batch []graph.Item
	rejected := func(e *ingest.InputError) {
		a.reportRejected(e)
		if bar != nil {
			bar.Describe(fmt.Sprintf("loading (%d rejected)", sum.Rejected+1))
		}
	}
	st, err := a.extractAll(ctx, paths, a.cfg.Load.Workers, rejected, func(e extracted) error {
		batch = append(batch, graph.NewItem(e.article, e.facts, extract.Version))
		if bar != nil {
			_ = bar.Add(1)
		}
		if len(batch) >= a.cfg.Load.BatchSize {
			select {
			case batches <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = nil
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		batches <- batch
	}
	close(batches)
	wErr := <-writeErr
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(a.stderr)
	}
	sum.Read, sum.Rejected = st.articles, st.rejected
	sum.Seconds = time.Since(start).Seconds()
	a.log.Debug("load stages", "read", sum.Read, "rejected", sum.Rejected, "extracting", st.extracting.Round(time.Millisecond).String(),
		"workers", a.cfg.Load.Workers, "writing", writing.Round(time.Millisecond).String(), "total", since(start), "dry_run", dryRun)

	switch {
	case wErr != nil && errors.Is(wErr, graph.ErrUnavailable):
		return fmt.Errorf("%w\nthe load stopped; articles written so far are kept: run the same command again to resume", wErr)
	case wErr != nil:
		return fmt.Errorf("write to neo4j: %w", wErr)
	case err != nil:
		if errors.Is(err, context.Canceled) {
			a.printLoadSummary(sum, asJSON)
			return fmt.Errorf("interrupted (%w): the batches written so far are kept; run the same command again to resume", err)
		}
		return err
	}
	if err := a.saveWebStates(ctx, gs); err != nil {
		return err
	}
	a.lastLoad = sum
	if a.web == nil || !a.web.watch {
		a.printLoadSummary(sum, asJSON)
	}
	if sum.Rejected > 0 {
		return &PartialError{Rejected: sum.Rejected, Total: sum.Rejected + sum.Read}
	}
	return nil
}

func (a *app) printLoadSummary(s loadSummary, asJSON bool) {
	if asJSON {
		_ = writeJSON(a.stdout, s)
		return
	}
	rate := 0.0
	if s.Seconds > 0 {
		rate = float64(s.Read) / s.Seconds
	}
	w := s.Written
	if s.DryRun {
		fmt.Fprintf(a.stdout, "extracted %d articles in %.1fs (%.0f/s), %d rejected (dry run: nothing written)\n",
			s.Read, s.Seconds, rate, s.Rejected)
		return
	}
	fmt.Fprintf(a.stdout, "read %d articles in %.1fs (%.0f/s): %d new, %d changed, %d unchanged, %d rejected\n",
		s.Read, s.Seconds, rate, w.New, w.Changed, w.Unchanged, s.Rejected)
	if w.OtherPath > 0 {
		fmt.Fprintf(a.stdout, "%d changed articles replaced an article of the same id read from another path (ids are paths inside the folder named: see the README)\n", w.OtherPath)
	}
	fmt.Fprintf(a.stdout, "nodes +%d -%d, relationships +%d -%d\n", w.NodesCreated, w.NodesDeleted, w.RelsCreated, w.RelsDeleted)
}

// progressBar returns a bar on stderr when it is a terminal, else nil.
func (a *app) progressBar(disabled bool) *progressbar.ProgressBar {
	f, ok := a.stderr.(*os.File)
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

// historic names the former states that ISO 3166-3 retired; the CLDR
// display names do not have them.
var historic = map[string]string{"SU": "Soviet Union", "DD": "East Germany", "YU": "Yugoslavia", "CS": "Czechoslovakia"}

// countryName gives the English name of an ISO 3166-1 alpha-2 code.
func countryName(code string) string {
	if n, ok := historic[code]; ok {
		return n
	}
	r, err := language.ParseRegion(code)
	if err != nil {
		return ""
	}
	return display.English.Regions().Name(r)
}

package cli

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// readFunc reads paths (files, folders, - for stdin, URLs) and gives
// each article to emit and each rejected input to reject, in order.
type readFunc func(ctx context.Context, paths []string, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) error

// pipeline is the reader -> extractor -> batch chain that extract,
// load, watch and export --format neo4j-admin share.
type pipeline struct {
	Read readFunc
	// Reject reports a rejected input (it is counted as well).
	Reject  func(*ingest.InputError)
	Workers int
	// Explain asks the extractor why it found each event.
	Explain bool
	Log     *slog.Logger
	// Extractor is loaded on first use when nil, and kept.
	Extractor *extract.Extractor
}

// extracted is one article as read and its facts, in input order.
type extracted struct {
	seq     int
	article newsgraph.Article
	facts   newsgraph.Facts
}

// runStats counts the inputs of one run.
type runStats struct {
	articles int
	rejected int
	// extracting is the time spent extracting, summed over the workers.
	extracting time.Duration
	// writing is the time spent writing batches.
	writing time.Duration
	batches int
}

// extract reads paths, extracts every article on p.Workers goroutines
// and hands the results to sink one at a time, in input order, so output
// is the same whatever the core count. Rejected inputs are reported and
// counted; they never stop the run. The article goes to sink as it was
// read: what extraction found is in the facts only.
func (p *pipeline) extract(ctx context.Context, paths []string, sink func(extracted) error) (runStats, error) {
	if p.Extractor == nil {
		// loaded once and kept: a watcher hands it to its next poll
		t0 := time.Now()
		x, err := extract.New()
		if err != nil {
			return runStats{}, fmt.Errorf("load extractor resources: %w", err)
		}
		p.Extractor = x
		if p.Log != nil {
			p.Log.Debug("extractor loaded", "version", extract.Version, "elapsed", since(t0))
		}
	}
	x := p.Extractor
	workers := max(p.Workers, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var st runStats
	jobs := make(chan extracted, workers*4)
	results := make(chan extracted, workers*4)

	readErr := make(chan error, 1)
	var mu sync.Mutex // guards st.rejected while the reader runs
	go func() {
		defer close(jobs)
		seq := 0
		readErr <- p.Read(ctx, paths, func(art newsgraph.Article) error {
			select {
			case jobs <- extracted{seq: seq, article: art}:
				seq++
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}, func(e *ingest.InputError) {
			mu.Lock()
			st.rejected++
			mu.Unlock()
			p.Reject(e)
		})
	}()

	var extracting atomic.Int64 // nanoseconds
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				t0 := time.Now()
				if p.Explain {
					j.facts = x.ExtractExplain(j.article)
				} else {
					j.facts = x.Extract(j.article)
				}
				extracting.Add(int64(time.Since(t0)))
				select {
				case results <- j:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	// Re-order: hold results that arrive early until their turn.
	pending := map[int]extracted{}
	next := 0
	var sinkErr error
	for res := range results {
		if sinkErr != nil {
			continue
		}
		pending[res.seq] = res
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			st.articles++
			if err := sink(r); err != nil {
				sinkErr = err
				cancel()
				break
			}
		}
	}
	err := <-readErr
	st.extracting = time.Duration(extracting.Load())
	mu.Lock()
	defer mu.Unlock()
	switch {
	case sinkErr != nil:
		return st, sinkErr
	case err != nil && !errors.Is(err, context.Canceled):
		return st, err
	case ctx.Err() != nil || err != nil:
		return st, context.Canceled
	}
	return st, nil
}

// batches runs the pipeline into w: the extracted articles become items
// (with their content hash) in batches of size, in input order, which w
// writes one at a time while the next batch is extracted. A batch in
// flight is finished even after ctx ends. progress, when set, is called
// for each article extracted. The written counts add up in written.
func (p *pipeline) batches(ctx context.Context, paths []string, size int, w batchWriter, progress func(), written *graph.LoadStats) (runStats, error) {
	var writing time.Duration // the writer's, read after writeErr
	var n int
	queue := make(chan []graph.Item, 1)
	writeErr := make(chan error, 1)
	go func() {
		var err error
		for b := range queue {
			if err != nil {
				continue
			}
			n++
			t0 := time.Now()
			var st graph.LoadStats
			st, err = w.Write(context.WithoutCancel(ctx), b)
			writing += time.Since(t0)
			if err != nil {
				p.Log.Debug("batch failed", "batch", n, "articles", len(b), "first", b[0].Article.ID, "error", err.Error())
				continue
			}
			written.Add(st)
			p.Log.Debug("batch written", "batch", n, "articles", len(b), "first", b[0].Article.ID, "new", st.New, "changed", st.Changed,
				"unchanged", st.Unchanged, "nodes_created", st.NodesCreated, "relationships_created", st.RelsCreated, "elapsed", since(t0))
		}
		writeErr <- err
	}()

	var batch []graph.Item
	st, err := p.extract(ctx, paths, func(e extracted) error {
		batch = append(batch, graph.NewItem(e.article, e.facts, extract.Version))
		if progress != nil {
			progress()
		}
		if len(batch) >= size {
			select {
			case queue <- batch:
			case <-ctx.Done():
				return ctx.Err()
			}
			batch = nil
		}
		return nil
	})
	if err == nil && len(batch) > 0 {
		queue <- batch
	}
	close(queue)
	wErr := <-writeErr
	st.writing, st.batches = writing, n
	if wErr != nil {
		return st, &writeError{wErr}
	}
	return st, err
}

// writeError marks an error of the batch writer, as opposed to one of
// reading or extracting.
type writeError struct{ err error }

func (e *writeError) Error() string { return e.err.Error() }
func (e *writeError) Unwrap() error { return e.err }

package cli

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/ingest"
)

// extracted is one article and its facts, in input order.
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
}

// extractAll reads paths (and URLs), extracts every article on `workers` goroutines
// and hands the results to sink one at a time, in input order, so output
// is the same whatever the core count. Rejected inputs are reported to
// reject and counted; they never stop the run.
func (a *app) extractAll(ctx context.Context, paths []string, workers int, reject func(*ingest.InputError), sink func(extracted) error) (runStats, error) {
	x, err := extract.New()
	if err != nil {
		return runStats{}, fmt.Errorf("load extractor resources: %w", err)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var st runStats
	jobs := make(chan extracted, workers*4)
	results := make(chan extracted, workers*4)

	r := &ingest.Reader{MaxBytes: a.cfg.Input.MaxBytes, Stdin: a.stdin}
	readErr := make(chan error, 1)
	var mu sync.Mutex // guards st.rejected while the reader runs
	go func() {
		defer close(jobs)
		seq := 0
		readErr <- a.readInputs(ctx, r, paths, func(art newsgraph.Article) error {
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
			reject(e)
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
				if a.explain {
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
	err = <-readErr
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

package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/ingest"
)

// adminSummary is what `export --format neo4j-admin` reports (and prints
// with --json).
type adminSummary struct {
	Read          int            `json:"read"`
	Rejected      int            `json:"rejected"`
	Exported      int            `json:"exported"`
	Duplicates    int            `json:"duplicates"`
	Nodes         map[string]int `json:"nodes"`
	Relationships map[string]int `json:"relationships"`
	Seconds       float64        `json:"seconds"`
	Dir           string         `json:"dir"`
	Script        string         `json:"script"`
	Command       []string       `json:"command"`
}

// runAdminExport extracts the articles at o.Paths and writes them as CSV
// files for neo4j-admin, through the pipeline of load in the batches load
// would write them in.
func runAdminExport(ctx context.Context, o *exportOptions) error {
	start := time.Now()
	x, err := graph.NewAdminExport(o.Dir, o.CountryName)
	if err != nil {
		return err
	}
	bar := progressBar(o.Err, o.NoProgress)
	if bar != nil {
		bar.Describe("exporting")
	}
	p := *o.Pipeline
	rejected := 0
	p.Reject = func(e *ingest.InputError) {
		o.Pipeline.Reject(e)
		rejected++
		if bar != nil {
			bar.Describe(fmt.Sprintf("exporting (%d rejected)", rejected))
		}
	}
	var progress func()
	if bar != nil {
		progress = func() { _ = bar.Add(1) }
	}
	var written graph.LoadStats
	st, err := p.batches(ctx, o.Paths, o.BatchSize, x, progress, &written)
	if bar != nil {
		_ = bar.Finish()
		fmt.Fprintln(o.Err)
	}
	stats, cerr := x.Close()
	if err != nil {
		if errors.Is(err, context.Canceled) {
			return fmt.Errorf("%w: the files in %s are incomplete; run the export again", err, x.Dir())
		}
		return err
	}
	if cerr != nil {
		return cerr
	}
	db := o.Database
	if db == "" {
		db = "neo4j"
	}
	sum := adminSummary{
		Read: st.articles, Rejected: st.rejected, Exported: stats.Articles, Duplicates: stats.Duplicates,
		Nodes: stats.Nodes, Relationships: stats.Relationships, Seconds: time.Since(start).Seconds(),
		Dir: x.Dir(), Script: x.Dir() + "/import.sh", Command: append([]string{"neo4j-admin"}, x.ImportArgs(db)...),
	}
	printAdminSummary(o.Out, sum, o.JSON)
	if sum.Rejected > 0 {
		return &PartialError{Rejected: sum.Rejected, Total: sum.Rejected + sum.Read}
	}
	return nil
}

func printAdminSummary(w io.Writer, s adminSummary, asJSON bool) {
	if asJSON {
		_ = writeJSON(w, s)
		return
	}
	rate := perSecond(s.Read, s.Seconds)
	fmt.Fprintf(w, "exported %d articles in %.1fs (%s) to %s: %d duplicate ids skipped, %d rejected\n",
		s.Exported, s.Seconds, rate, s.Dir, s.Duplicates, s.Rejected)
	fmt.Fprintf(w, "nodes %s\n", countList(s.Nodes))
	fmt.Fprintf(w, "relationships %s\n", countList(s.Relationships))
	fmt.Fprintf(w, "\nto import: stop Neo4j, then run (it REPLACES the database)\n  sh %s\nwhich runs\n  %s\n", s.Script, shellJoin(s.Command))
	fmt.Fprintln(w, "then start Neo4j and run `newsgraph schema` for the constraints and indexes.")
}

// countList prints counts as "12345 (Person 100, Place 20)", biggest first.
func countList(m map[string]int) string {
	keys := make([]string, 0, len(m))
	total := 0
	for k, n := range m {
		total += n
		if n > 0 {
			keys = append(keys, k)
		}
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s %d", k, m[k])
	}
	return fmt.Sprintf("%d (%s)", total, strings.Join(parts, ", "))
}

// shellJoin quotes args for a POSIX shell where needed.
func shellJoin(args []string) string {
	out := make([]string, len(args))
	for i, s := range args {
		if s != "" && strings.Trim(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=./,:+@") == "" {
			out[i] = s
			continue
		}
		out[i] = "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
	}
	return strings.Join(out, " ")
}

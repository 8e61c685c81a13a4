package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/ingest"
)

// extractOptions are the inputs of `extract`.
type extractOptions struct {
	Out      io.Writer
	Pipeline *pipeline
	Paths    []string
	Format   string // jsonl, json or table
}

func (a *app) newExtractCmd(runF func(context.Context, *extractOptions) error) *cobra.Command {
	o := &extractOptions{Out: a.stdout}
	var explain bool
	c := &cobra.Command{
		Use:   "extract [--format jsonl|json|table] [--explain] PATH|URL...",
		Short: "Extract the facts of articles and print them (no Neo4j needed)",
		Long: `Extract reads articles (files, folders, feeds, - for stdin, http(s) URLs
of feeds and pages), extracts people, countries, places, organisations,
meetings, travel together and strikes, and prints them. It needs no server:
use it to try newsgraph and to measure extraction quality.

  jsonl  one JSON object per article per line (the evaluation format)
  json   one JSON array of all articles
  table  a summary for people to read

--explain says why each meeting, trip and strike was found: the trigger
word, the syntactic path from it to the people or places, the model's score
against its threshold and the features that weighed most (an "explain"
object on each event in JSON; indented lines in the table); for a strike,
also how its attacker was read (agent, model, told before or claim).

Rejected inputs are reported on stderr, one line each; the rest still
extract, and the exit code is 3.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("extract needs at least one PATH (a file, a folder, or - for stdin)")
			}
			switch o.Format {
			case "jsonl", "json", "table":
				return nil
			}
			return usagef("--format must be jsonl, json or table, got %q", o.Format)
		},
		RunE: func(cmd *cobra.Command, paths []string) error {
			o.Paths = paths
			o.Pipeline, _ = a.newPipeline(paths, nil, explain)
			return runF(cmd.Context(), o)
		},
	}
	c.Flags().StringVar(&o.Format, "format", "table", "output format: jsonl, json or table")
	c.Flags().BoolVar(&explain, "explain", false, "say why each event was found (trigger, path, score, features)")
	a.intFlag(c.Flags(), config.KeyLoadWorkers, "workers", "extraction goroutines (default: number of CPUs)")
	a.intFlag(c.Flags(), config.KeyInputMaxBytes, "max-bytes", "largest input file accepted, in bytes")
	return c
}

// runExtract prints the facts of the articles at o.Paths.
func runExtract(ctx context.Context, o *extractOptions) error {
	w := bufio.NewWriterSize(o.Out, 64<<10)
	defer w.Flush()
	first := true
	if o.Format == "json" {
		w.WriteString("[")
	}
	st, err := o.Pipeline.extract(ctx, o.Paths, func(e extracted) error {
		switch o.Format {
		case "table":
			return writeFactsTable(w, e.article, e.facts)
		case "json":
			if !first {
				w.WriteString(",")
			}
			first = false
			w.WriteString("\n")
		}
		b, err := json.Marshal(e.facts)
		if err != nil {
			return err
		}
		w.Write(b)
		if o.Format == "jsonl" {
			w.WriteString("\n")
		}
		return nil
	})
	if o.Format == "json" {
		w.WriteString("\n]\n")
	}
	if err != nil {
		return err
	}
	if st.rejected > 0 {
		return &PartialError{Rejected: st.rejected, Total: st.rejected + st.articles}
	}
	return nil
}

// rejecter reports each rejected input: a line on stderr, and a debug
// log line; in a poll of watch (web.watch) a warning in the log instead.
func (a *app) rejecter(web *webRun) func(*ingest.InputError) {
	return func(e *ingest.InputError) {
		if web != nil && web.watch {
			a.log.Warn("rejected", rejectedAttrs(e)...)
			return
		}
		fmt.Fprintf(a.stderr, "newsgraph: rejected %v\n", e)
		a.log.Debug("rejected", "input", e.Path, "item", e.Item, "error", fmt.Sprint(e.Err))
	}
}

func writeFactsTable(w *bufio.Writer, art newsgraph.Article, f newsgraph.Facts) error {
	fmt.Fprintf(w, "== %s", f.ID)
	if art.Title != "" {
		fmt.Fprintf(w, "  %s", oneLine(art.Title, 80))
	}
	w.WriteString("\n")
	var buf bytes.Buffer
	tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
	for _, p := range f.Persons {
		fmt.Fprintf(tw, "person\t%s\t%s\t%s\t%s\n", p.Name, p.Country, p.Role, strings.Join(p.Aliases, ", "))
	}
	if len(f.Countries) > 0 {
		fmt.Fprintf(tw, "countries\t%s\n", strings.Join(f.Countries, " "))
	}
	for _, m := range f.Met {
		fmt.Fprintf(tw, "met\t%s — %s\t%s\t%s %s\t%s\n", m.A, m.B, m.Status, m.Place, m.Date, oneLine(m.Sentence, tableWidth))
		writeWhy(tw, m.Explain)
	}
	for _, t := range f.TraveledWith {
		fmt.Fprintf(tw, "traveled\t%s — %s\tto %s\t%s\n", t.A, t.B, t.To, oneLine(t.Sentence, tableWidth))
		writeWhy(tw, t.Explain)
	}
	for _, s := range f.Struck {
		killed := ""
		if s.Killed != nil {
			killed = fmt.Sprintf("%d killed", *s.Killed)
		}
		fmt.Fprintf(tw, "struck\t%s → %s (%s)\t%s %s\t%s\n", s.Attacker, s.Target, s.TargetCountry, s.Weapon, killed, oneLine(s.Sentence, tableWidth))
		writeWhy(tw, s.Explain)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	// Lines end with the evidence: cut them to fit 100 columns.
	for _, line := range strings.SplitAfter(buf.String(), "\n") {
		if line == "" {
			continue
		}
		w.WriteString(cut(strings.TrimRight(line, " \n"), tableWidth) + "\n")
	}
	_, err := w.WriteString("\n")
	return err
}

// writeWhy adds the explanation of an event under its line: the path, the
// score and the strongest features.
func writeWhy(tw io.Writer, x *newsgraph.Explanation) {
	if x == nil {
		return
	}
	fmt.Fprintf(tw, "  why\t%s\tscore %.3f %s %.2f\n", x.Path, x.Score, against(x.Score, x.Threshold), x.Threshold)
	fs := weights(x.Features)
	for len(fs) > 0 {
		n := min(len(fs), 3)
		fmt.Fprintf(tw, "  \t%s\n", strings.Join(fs[:n], ", "))
		fs = fs[n:]
	}
	if x.Place != "" {
		fmt.Fprintf(tw, "  place\tfrom the %s\t\n", x.Place)
	}
	if a := x.Attacker; a != nil {
		if a.Explanation == nil {
			fmt.Fprintf(tw, "  attacker\t%s\t\n", a.Reading)
			return
		}
		// an agent of the attack word is taken below the threshold too
		fmt.Fprintf(tw, "  attacker\t%s: %s\tscore %.3f %s %.2f\n", a.Reading, a.Path, a.Score, against(a.Score, a.Threshold), a.Threshold)
		if fs := weights(a.Features[:min(len(a.Features), 3)]); len(fs) > 0 {
			fmt.Fprintf(tw, "  \t%s\n", strings.Join(fs, ", "))
		}
	}
}

// weights writes features with their weights ("last=>nsubj +0.80").
func weights(fs []newsgraph.FeatureWeight) []string {
	out := make([]string, 0, len(fs))
	for _, f := range fs {
		out = append(out, fmt.Sprintf("%s %+.2f", f.Feature, f.Weight))
	}
	return out
}

// against compares a score with its threshold for the table.
func against(score, threshold float64) string {
	if score >= threshold {
		return "≥"
	}
	return "<"
}

// oneLine shortens s to at most n runes on one line.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// cut shortens s to at most n runes, marking the cut with "…".
func cut(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

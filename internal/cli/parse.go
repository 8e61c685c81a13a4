package cli

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"io"
	"strconv"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/extract/syntax"
	"github.com/newsgraph/newsgraph/ingest"
)

// parseOptions are the inputs of `parse`.
type parseOptions struct {
	Out    io.Writer
	Read   readFunc
	Reject func(*ingest.InputError)
	Paths  []string
	Format string // conllu or table
}

func (a *app) newParseCmd(runF func(context.Context, *parseOptions) error) *cobra.Command {
	o := &parseOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "parse [--format conllu|table] PATH...",
		Short: "Print the syntax of each sentence of articles: tags, lemmas, dependencies (no Neo4j needed)",
		Long: `Parse reads articles (files, folders, feeds, - for stdin) as extract does,
splits them into sentences and words as the extractor does, and prints each
word's lemma, part of speech (universal UPOS and Penn Treebank XPOS), head
and dependency relation (Universal Dependencies v2), as the event layer
sees them.

  conllu  CoNLL-U (10 columns, # sent_id and # text per sentence), which
          standard Universal Dependencies tools read
  table   the same columns aligned for people to read

Rejected inputs are reported on stderr, one line each; the rest still
parse, and the exit code is 3.`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("parse needs at least one PATH (a file, a folder, or - for stdin)")
			}
			switch o.Format {
			case "conllu", "table":
				return nil
			}
			return usagef("--format must be conllu or table, got %q", o.Format)
		},
		RunE: func(cmd *cobra.Command, paths []string) error {
			o.Paths = paths
			r := &ingest.Reader{MaxBytes: a.cfg.Input.MaxBytes, Stdin: a.stdin}
			o.Read = func(ctx context.Context, paths []string, emit func(newsgraph.Article) error, reject func(*ingest.InputError)) error {
				return r.Read(ctx, paths, emit, reject)
			}
			o.Reject = a.rejecter(nil)
			return runF(cmd.Context(), o)
		},
	}
	c.Flags().StringVar(&o.Format, "format", "table", "output format: conllu or table")
	a.intFlag(c.Flags(), config.KeyInputMaxBytes, "max-bytes", "largest input file accepted, in bytes")
	return c
}

// runParse prints the syntax of every sentence of the articles at o.Paths.
func runParse(ctx context.Context, o *parseOptions) error {
	x, err := extract.New()
	if err != nil {
		return fmt.Errorf("load extractor resources: %w", err)
	}
	w := bufio.NewWriterSize(o.Out, 64<<10)
	defer w.Flush()
	rejected, articles := 0, 0
	err = o.Read(ctx, o.Paths, func(art newsgraph.Article) error {
		articles++
		return writeParse(w, x, art, o.Format)
	}, func(e *ingest.InputError) {
		rejected++
		o.Reject(e)
	})
	if err != nil {
		return err
	}
	if rejected > 0 {
		return &PartialError{Rejected: rejected, Total: rejected + articles}
	}
	return nil
}

// writeParse prints the parse of every sentence of one article.
func writeParse(w *bufio.Writer, x *extract.Extractor, art newsgraph.Article, format string) error {
	d := extract.Segment(art.Text)
	if format == "conllu" {
		fmt.Fprintf(w, "# newdoc id = %s\n", art.ID)
	} else {
		fmt.Fprintf(w, "== %s\n", art.ID)
	}
	for si := range d.Sentences {
		s := x.Parse(d, si)
		if len(s.Words) == 0 {
			continue
		}
		id := art.ID + "-" + strconv.Itoa(si+1)
		if format == "conllu" {
			if err := syntax.WriteCoNLLU(w, id, d.SentenceText(si), s); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(w, "# %s  %s\n", id, oneLine(d.SentenceText(si), tableWidth))
		var buf bytes.Buffer
		tw := tabwriter.NewWriter(&buf, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "ID\tFORM\tLEMMA\tUPOS\tXPOS\tHEAD\tDEPREL")
		for i, wd := range s.Words {
			head := "root"
			if wd.Head > 0 {
				head = fmt.Sprintf("%d %s", wd.Head, s.Words[wd.Head-1].Form)
			}
			fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", i+1, wd.Form, wd.Lemma, wd.UPOS, wd.XPOS, head, wd.Deprel)
		}
		if err := tw.Flush(); err != nil {
			return err
		}
		w.Write(buf.Bytes())
		w.WriteString("\n")
	}
	return nil
}

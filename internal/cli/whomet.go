package cli

import (
	"context"
	"fmt"
	"io"
	"strconv"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// whoMetJSON is the --json shape of `who-met NAME`.
type whoMetJSON struct {
	Person   graph.PersonRef `json:"person"`
	Contacts []graph.Contact `json:"contacts"`
}

// metPairsJSON is the --json shape of `who-met` without a name.
type metPairsJSON struct {
	Pairs []graph.MetPair `json:"pairs"`
}

// whoMetOptions are the inputs of `who-met`.
type whoMetOptions struct {
	Out   io.Writer
	Store func(context.Context) (queryStore, error)
	Name  string // "": every pair who met
	Limit int
	JSON  bool
}

func (a *app) newWhoMetCmd(runF func(context.Context, *whoMetOptions) error) *cobra.Command {
	o := &whoMetOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "who-met [NAME]",
		Short: "List the people NAME met (or every pair who met), with dates, places and evidence",
		Long: `who-met NAME lists the people NAME met, most meetings first: how often, when,
where, whether the meeting took place or was planned, and the sentence and
article that say so. NAME resolves loosely (case, accents, a surname or an
alias); an unknown name suggests close matches, an ambiguous one lists them.

Without NAME it lists every pair of people who met, most meetings first.

--json prints {"person": PERSON, "contacts": [CONTACT]} for NAME and
{"pairs": [PAIR]} without; see docs/cli-json.md.`,
		Example: `  newsgraph who-met Rubio
  newsgraph who-met "emmanuel macron" --json
  newsgraph who-met --limit 20`,
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Name = args[0]
			}
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = l.query
				return runF(cmd.Context(), o)
			})
		},
	}
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	c.Flags().IntVar(&o.Limit, "limit", 50, "at most this many people or pairs (0: all)")
	return c
}

// runWhoMet lists the people o.Name met, or every pair who met.
func runWhoMet(ctx context.Context, o *whoMetOptions) error {
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	if o.Name == "" {
		pairs, err := s.MetPairs(ctx, o.Limit)
		if err != nil {
			return err
		}
		if o.JSON {
			return writeJSON(o.Out, metPairsJSON{Pairs: nonNil(pairs)})
		}
		return printMetPairs(o.Out, pairs)
	}
	p, err := s.ResolvePerson(ctx, o.Name)
	if err != nil {
		return err
	}
	contacts, err := s.WhoMet(ctx, p.Key, o.Limit)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, whoMetJSON{Person: p, Contacts: nonNil(contacts)})
	}
	return printContacts(o.Out, p, contacts)
}

func printMetPairs(w io.Writer, pairs []graph.MetPair) error {
	if len(pairs) == 0 {
		_, err := fmt.Fprintln(w, "no meetings in the graph yet (load articles with `newsgraph load PATH`)")
		return err
	}
	t := newTable("PEOPLE", "TIMES", "LAST", "PLACES", "EVIDENCE [ARTICLE]")
	t.wrap = 4
	for _, p := range pairs {
		ev := "-"
		if p.Evidence != nil && p.Evidence.Sentence != "" {
			ev = fmt.Sprintf("%s [%s]", p.Evidence.Sentence, p.Evidence.Article)
		}
		times := strconv.Itoa(p.Count)
		if p.Planned > 0 {
			times += fmt.Sprintf(" (%dp)", p.Planned)
		}
		t.add(p.A.Name+" – "+p.B.Name, times, deref(p.LastDate), orDash(joinComma(p.Places)), ev)
	}
	return t.render(w)
}

func printContacts(w io.Writer, p graph.PersonRef, contacts []graph.Contact) error {
	if len(contacts) == 0 {
		_, err := fmt.Fprintf(w, "%s met no one, as far as the articles say\n", p)
		return err
	}
	fmt.Fprintf(w, "%s met %d %s:\n", p, len(contacts), plural(len(contacts), "person", "people"))
	t := newTable("PERSON", "TIMES", "DATE", "STATUS", "PLACE", "EVIDENCE [ARTICLE]")
	t.wrap = 5
	for _, c := range contacts {
		first := true
		for _, m := range c.Meetings {
			name, times := "", ""
			if first {
				name, times = c.Person.String(), timesCell(c.Count, c.Planned)
			}
			first = false
			ev := "-"
			if len(m.Evidence) > 0 {
				ev = fmt.Sprintf("%s [%s]", m.Evidence[0].Sentence, m.Evidence[0].Article)
				if len(m.Evidence) > 1 {
					ev += fmt.Sprintf(" (+%d more)", len(m.Evidence)-1)
				}
			}
			t.add(name, times, deref(m.Date), m.Status, deref(m.Place), ev)
		}
	}
	return t.render(w)
}

// timesCell is "3" or "3 (1 planned)".
func timesCell(count, planned int) string {
	if planned == 0 {
		return strconv.Itoa(count)
	}
	return fmt.Sprintf("%d (%d planned)", count, planned)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

func joinComma(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}

// nonNil makes an empty result print as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func maxArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) > n {
			return usagef("%s takes at most %d argument(s), got %q", cmd.CommandPath(), n, args)
		}
		return nil
	}
}

func exactArgs(n int, what string) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usagef("%s needs %s, got %q", cmd.CommandPath(), what, args)
		}
		return nil
	}
}

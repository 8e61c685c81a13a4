package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

// pathJSON is the --json shape of `path A B`.
type pathJSON struct {
	From graph.PersonRef `json:"from"`
	To   graph.PersonRef `json:"to"`
	Hops []graph.Hop     `json:"hops"`
}

// pathOptions are the inputs of `path`.
type pathOptions struct {
	Out      io.Writer
	Store    func(context.Context) (queryStore, error)
	From, To string
	JSON     bool
}

func (a *app) newPathCmd(runF func(context.Context, *pathOptions) error) *cobra.Command {
	o := &pathOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "path A B",
		Short: "Show the shortest chain of meetings and travel between two people, with evidence",
		Long: `path finds a shortest chain of MET and TRAVELED_WITH edges (at most 6 steps)
from person A to person B and shows, for every step, the meetings or trips
behind it and the sentences that report them. No chain: exit 1.

--json prints {"from": PERSON, "to": PERSON, "hops": [HOP]}; see docs/cli-json.md.`,
		Example: `  newsgraph path "Andriy Yermak" "Rustem Umerov"
  newsgraph path Rubio Umerov --json`,
		Args: exactArgs(2, "two names (A and B)"),
		RunE: func(cmd *cobra.Command, args []string) error {
			o.From, o.To = args[0], args[1]
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = l.query
				return runF(cmd.Context(), o)
			})
		},
	}
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// runPath prints the shortest chain between two people.
func runPath(ctx context.Context, o *pathOptions) error {
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	from, err := s.ResolvePerson(ctx, o.From)
	if err != nil {
		return err
	}
	to, err := s.ResolvePerson(ctx, o.To)
	if err != nil {
		return err
	}
	hops, err := s.Path(ctx, from.Key, to.Key)
	if errors.Is(err, graph.ErrNoPath) {
		return fmt.Errorf("%s and %s: %w", from, to, err)
	}
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, pathJSON{From: from, To: to, Hops: hops})
	}
	fmt.Fprintf(o.Out, "%s to %s in %d %s:\n", from, to, len(hops), plural(len(hops), "step", "steps"))
	t := newTable("#", "FROM", "EDGE", "TO", "DATE", "PLACE", "EVIDENCE [ARTICLE]")
	t.wrap = 6
	for i, h := range hops {
		step, fromName, edge, toName := strconv.Itoa(i+1), h.From.Name, h.Type, h.To.Name
		if len(h.Evidence) == 0 {
			t.add(step, fromName, edge, toName, "-", "-", "-")
		}
		for _, e := range h.Evidence {
			t.add(step, fromName, edge, toName, deref(e.Date), deref(e.Place), fmt.Sprintf("%s [%s]", e.Sentence, e.Article))
			step, fromName, edge, toName = "", "", "", ""
		}
	}
	return t.render(o.Out)
}

// meetingsJSON is the --json shape of `meetings`.
type meetingsJSON struct {
	Meetings []graph.MeetingRow `json:"meetings"`
}

// meetingsOptions are the inputs of `meetings`.
type meetingsOptions struct {
	Out                                          io.Writer
	Store                                        func(context.Context) (queryStore, error)
	Person, Place, Country, Since, Until, Status string
	Limit                                        int
	JSON                                         bool
}

func (a *app) newMeetingsCmd(runF func(context.Context, *meetingsOptions) error) *cobra.Command {
	o := &meetingsOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "meetings",
		Short: "List meetings, latest first, filtered by person, place, country, dates or status",
		Long: `meetings lists meetings with their date, status (occurred or planned), place,
the people in them and the sentences that report them, latest first;
meetings without a date come last. Dates are YYYY-MM-DD (or YYYY-MM, YYYY)
and inclusive; a date filter leaves out undated meetings.

--json prints {"meetings": [MEETING]}; see docs/cli-json.md.`,
		Example: `  newsgraph meetings --status planned
  newsgraph meetings --person Macron --since 2025-04 --place Paris`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = l.query
				return runF(cmd.Context(), o)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.Person, "person", "", "only meetings this person attended")
	f.StringVar(&o.Place, "place", "", "only meetings held in this place")
	f.StringVar(&o.Country, "country", "", "only meetings held in this country (ISO code or name)")
	f.StringVar(&o.Since, "since", "", "only meetings on or after this date")
	f.StringVar(&o.Until, "until", "", "only meetings on or before this date")
	f.StringVar(&o.Status, "status", "", "planned or occurred")
	f.IntVar(&o.Limit, "limit", 100, "at most this many meetings (0: all)")
	f.BoolVar(&o.JSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// runMeetings lists the meetings that match the filters, latest first.
func runMeetings(ctx context.Context, o *meetingsOptions) error {
	since, until, err := dateRange(o.Since, o.Until)
	if err != nil {
		return err
	}
	if o.Status != "" && o.Status != "planned" && o.Status != "occurred" {
		return usagef("--status is planned or occurred, not %q", o.Status)
	}
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	f := graph.MeetingFilter{Since: since, Until: until, Status: o.Status, Limit: o.Limit}
	if o.Person != "" {
		p, err := s.ResolvePerson(ctx, o.Person)
		if err != nil {
			return err
		}
		f.Person = p.Key
	}
	if f.PlaceKeys, f.Country, err = resolveWhere(ctx, s, o.Place, o.Country); err != nil {
		return err
	}
	rows, err := s.Meetings(ctx, f)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, meetingsJSON{Meetings: nonNil(rows)})
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(o.Out, "no meetings match")
		return err
	}
	t := newTable("DATE", "STATUS", "PLACE", "PEOPLE", "EVIDENCE [ARTICLE]")
	t.wrap = 4
	for _, m := range rows {
		names := make([]string, len(m.People))
		for i, p := range m.People {
			names[i] = p.Name
		}
		t.add(deref(m.Date), m.Status, placeCell(m.Place, m.Country), strings.Join(names, ", "), firstEvidence(m.Evidence))
	}
	return t.render(o.Out)
}

// strikesJSON is the --json shape of `strikes`.
type strikesJSON struct {
	Strikes []graph.StrikeRow `json:"strikes"`
}

// strikesOptions are the inputs of `strikes`.
type strikesOptions struct {
	Out                    io.Writer
	Store                  func(context.Context) (queryStore, error)
	By, On, Country, Since string
	Limit                  int
	JSON                   bool
}

func (a *app) newStrikesCmd(runF func(context.Context, *strikesOptions) error) *cobra.Command {
	o := &strikesOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "strikes",
		Short: "List strikes, latest first, filtered by attacker, place hit, country or date",
		Long: `strikes lists military strikes with their date, attacker (a country or an
armed group), the place hit, weapon, killed and injured (- when the articles
give no number) and the sentences that report them, latest first.

--by takes an ISO country code (RU), a country name or a group's name.

--json prints {"strikes": [STRIKE]}; see docs/cli-json.md.`,
		Example: `  newsgraph strikes --by RU
  newsgraph strikes --country UA --since 2025-04-01 --json`,
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = l.query
				return runF(cmd.Context(), o)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.By, "by", "", "only strikes by this country (ISO code or name) or group")
	f.StringVar(&o.On, "on", "", "only strikes on this place")
	f.StringVar(&o.Country, "country", "", "only strikes on places in this country (ISO code or name)")
	f.StringVar(&o.Since, "since", "", "only strikes on or after this date")
	f.IntVar(&o.Limit, "limit", 100, "at most this many strikes (0: all)")
	f.BoolVar(&o.JSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// runStrikes lists the strikes that match the filters, latest first.
func runStrikes(ctx context.Context, o *strikesOptions) error {
	since, _, err := dateRange(o.Since, "")
	if err != nil {
		return err
	}
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	f := graph.StrikeFilter{Since: since, Limit: o.Limit}
	if o.By != "" {
		if f.By, err = s.ResolveParty(ctx, o.By); err != nil {
			return err
		}
	}
	if f.PlaceKeys, f.Country, err = resolveWhere(ctx, s, o.On, o.Country); err != nil {
		return err
	}
	rows, err := s.Strikes(ctx, f)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, strikesJSON{Strikes: nonNil(rows)})
	}
	if len(rows) == 0 {
		_, err := fmt.Fprintln(o.Out, "no strikes match")
		return err
	}
	t := newTable("DATE", "BY", "PLACE", "WEAPON", "KILLED", "INJURED", "EVIDENCE [ARTICLE]")
	t.wrap = 6
	for _, r := range rows {
		by := "-"
		if r.Attacker != nil {
			by = r.Attacker.Name
			if r.Attacker.Code != "" {
				by = r.Attacker.Code
			}
		}
		t.add(deref(r.Date), by, placeCell(&r.Place, r.Country), deref(r.Weapon), intCell(r.Killed), intCell(r.Injured), firstEvidence(r.Evidence))
	}
	return t.render(o.Out)
}

// peopleJSON is the --json shape of `people`.
type peopleJSON struct {
	People []graph.PersonHit `json:"people"`
}

// peopleOptions are the inputs of `people`.
type peopleOptions struct {
	Out   io.Writer
	Store func(context.Context) (queryStore, error)
	Query string // "": everyone
	Limit int
	JSON  bool
}

func (a *app) newPeopleCmd(runF func(context.Context, *peopleOptions) error) *cobra.Command {
	o := &peopleOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "people [QUERY]",
		Short: "Search people by name (tolerant of case, accents and typos), with meeting and article counts",
		Long: `people searches the names and aliases of people with the full-text index:
case and accents do not matter, every word may be a prefix or carry a typo
or two ("zelenskyy", "macrn"). Best matches first. Without QUERY it lists
everyone, most meetings first.

--json prints {"people": [PERSON_HIT]}; see docs/cli-json.md.`,
		Example: `  newsgraph people macrn
  newsgraph people --limit 10`,
		Args: maxArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				o.Query = args[0]
			}
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = l.query
				return runF(cmd.Context(), o)
			})
		},
	}
	c.Flags().IntVar(&o.Limit, "limit", 25, "at most this many people (0: all)")
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// runPeople searches people by name.
func runPeople(ctx context.Context, o *peopleOptions) error {
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	hits, err := s.SearchPeople(ctx, o.Query, o.Limit)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, peopleJSON{People: nonNil(hits)})
	}
	if len(hits) == 0 {
		_, err := fmt.Fprintln(o.Out, "no one found")
		return err
	}
	t := newTable("NAME", "COUNTRY", "ROLES", "MEETINGS", "ARTICLES", "ALIASES")
	for _, h := range hits {
		t.add(h.Name, orDash(strings.Join(h.Countries, ", ")), orDash(strings.Join(h.Roles, "; ")),
			strconv.Itoa(h.Meetings), strconv.Itoa(h.Articles), orDash(strings.Join(h.Aliases, ", ")))
	}
	return t.render(o.Out)
}

// resolveWhere resolves the --place (or --on) and --country filters;
// "" gives no filter.
func resolveWhere(ctx context.Context, s queryStore, place, country string) (keys []string, code string, err error) {
	if place != "" {
		if keys, err = s.ResolvePlaces(ctx, place); err != nil {
			return nil, "", err
		}
	}
	if country != "" {
		if code, err = s.ResolveCountry(ctx, country); err != nil {
			return nil, "", err
		}
	}
	return keys, code, nil
}

var dateRE = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// dateRange checks --since and --until and widens partial dates: since
// 2025-04 means from 2025-04-01, until 2025-04 up to 2025-04-31 (dates
// compare as text, so the range is right for every month).
func dateRange(since, until string) (string, string, error) {
	for _, d := range []struct{ flag, v string }{{"--since", since}, {"--until", until}} {
		if d.v != "" && !dateRE.MatchString(d.v) {
			return "", "", usagef("%s wants a date as YYYY-MM-DD, YYYY-MM or YYYY, not %q", d.flag, d.v)
		}
	}
	switch len(since) {
	case 4:
		since += "-01-01"
	case 7:
		since += "-01"
	}
	switch len(until) {
	case 4:
		until += "-12-31"
	case 7:
		until += "-31"
	}
	return since, until, nil
}

func placeCell(place, country *string) string {
	p := deref(place)
	if country != nil && *country != "" && p != "-" {
		return p + ", " + *country
	}
	return p
}

func intCell(n *int) string {
	if n == nil {
		return "-"
	}
	return strconv.Itoa(*n)
}

func firstEvidence(ev []graph.Source) string {
	if len(ev) == 0 {
		return "-"
	}
	s := fmt.Sprintf("%s [%s]", ev[0].Sentence, ev[0].Article)
	if len(ev) > 1 {
		s += fmt.Sprintf(" (+%d more)", len(ev)-1)
	}
	return s
}

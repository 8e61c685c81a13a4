package cli

import (
	"context"
	"errors"
	"fmt"
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

func (a *app) newPathCmd() *cobra.Command {
	var asJSON bool
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
			ctx := cmd.Context()
			return a.withStore(ctx, func(s *graph.Store) error {
				from, err := s.ResolvePerson(ctx, args[0])
				if err != nil {
					return err
				}
				to, err := s.ResolvePerson(ctx, args[1])
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
				if asJSON {
					return writeJSON(a.stdout, pathJSON{From: from, To: to, Hops: hops})
				}
				fmt.Fprintf(a.stdout, "%s to %s in %d %s:\n", from, to, len(hops), plural(len(hops), "step", "steps"))
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
				return t.render(a.stdout)
			})
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// meetingsJSON is the --json shape of `meetings`.
type meetingsJSON struct {
	Meetings []graph.MeetingRow `json:"meetings"`
}

func (a *app) newMeetingsCmd() *cobra.Command {
	var o struct {
		person, place, country, since, until, status string
		limit                                        int
		asJSON                                       bool
	}
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
			ctx := cmd.Context()
			since, until, err := dateRange(o.since, o.until)
			if err != nil {
				return err
			}
			if o.status != "" && o.status != "planned" && o.status != "occurred" {
				return usagef("--status is planned or occurred, not %q", o.status)
			}
			return a.withStore(ctx, func(s *graph.Store) error {
				f := graph.MeetingFilter{Since: since, Until: until, Status: o.status, Limit: o.limit}
				if o.person != "" {
					p, err := s.ResolvePerson(ctx, o.person)
					if err != nil {
						return err
					}
					f.Person = p.Key
				}
				if f.PlaceKeys, err = resolvePlaces(ctx, s, o.place); err != nil {
					return err
				}
				if o.country != "" {
					if f.Country, err = s.ResolveCountry(ctx, o.country); err != nil {
						return err
					}
				}
				rows, err := s.Meetings(ctx, f)
				if err != nil {
					return err
				}
				if o.asJSON {
					return writeJSON(a.stdout, meetingsJSON{Meetings: nonNil(rows)})
				}
				if len(rows) == 0 {
					_, err := fmt.Fprintln(a.stdout, "no meetings match")
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
				return t.render(a.stdout)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.person, "person", "", "only meetings this person attended")
	f.StringVar(&o.place, "place", "", "only meetings held in this place")
	f.StringVar(&o.country, "country", "", "only meetings held in this country (ISO code or name)")
	f.StringVar(&o.since, "since", "", "only meetings on or after this date")
	f.StringVar(&o.until, "until", "", "only meetings on or before this date")
	f.StringVar(&o.status, "status", "", "planned or occurred")
	f.IntVar(&o.limit, "limit", 100, "at most this many meetings (0: all)")
	f.BoolVar(&o.asJSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// strikesJSON is the --json shape of `strikes`.
type strikesJSON struct {
	Strikes []graph.StrikeRow `json:"strikes"`
}

func (a *app) newStrikesCmd() *cobra.Command {
	var o struct {
		by, on, country, since string
		limit                  int
		asJSON                 bool
	}
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
			ctx := cmd.Context()
			since, _, err := dateRange(o.since, "")
			if err != nil {
				return err
			}
			return a.withStore(ctx, func(s *graph.Store) error {
				f := graph.StrikeFilter{Since: since, Limit: o.limit}
				if o.by != "" {
					if f.By, err = s.ResolveParty(ctx, o.by); err != nil {
						return err
					}
				}
				if f.PlaceKeys, err = resolvePlaces(ctx, s, o.on); err != nil {
					return err
				}
				if o.country != "" {
					if f.Country, err = s.ResolveCountry(ctx, o.country); err != nil {
						return err
					}
				}
				rows, err := s.Strikes(ctx, f)
				if err != nil {
					return err
				}
				if o.asJSON {
					return writeJSON(a.stdout, strikesJSON{Strikes: nonNil(rows)})
				}
				if len(rows) == 0 {
					_, err := fmt.Fprintln(a.stdout, "no strikes match")
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
				return t.render(a.stdout)
			})
		},
	}
	f := c.Flags()
	f.StringVar(&o.by, "by", "", "only strikes by this country (ISO code or name) or group")
	f.StringVar(&o.on, "on", "", "only strikes on this place")
	f.StringVar(&o.country, "country", "", "only strikes on places in this country (ISO code or name)")
	f.StringVar(&o.since, "since", "", "only strikes on or after this date")
	f.IntVar(&o.limit, "limit", 100, "at most this many strikes (0: all)")
	f.BoolVar(&o.asJSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// peopleJSON is the --json shape of `people`.
type peopleJSON struct {
	People []graph.PersonHit `json:"people"`
}

func (a *app) newPeopleCmd() *cobra.Command {
	var limit int
	var asJSON bool
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
			ctx := cmd.Context()
			q := ""
			if len(args) == 1 {
				q = args[0]
			}
			return a.withStore(ctx, func(s *graph.Store) error {
				hits, err := s.SearchPeople(ctx, q, limit)
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.stdout, peopleJSON{People: nonNil(hits)})
				}
				if len(hits) == 0 {
					_, err := fmt.Fprintln(a.stdout, "no one found")
					return err
				}
				t := newTable("NAME", "COUNTRY", "ROLES", "MEETINGS", "ARTICLES", "ALIASES")
				for _, h := range hits {
					t.add(h.Name, orDash(strings.Join(h.Countries, ", ")), orDash(strings.Join(h.Roles, "; ")),
						strconv.Itoa(h.Meetings), strconv.Itoa(h.Articles), orDash(strings.Join(h.Aliases, ", ")))
				}
				return t.render(a.stdout)
			})
		},
	}
	c.Flags().IntVar(&limit, "limit", 25, "at most this many people (0: all)")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON (shape in docs/cli-json.md)")
	return c
}

// resolvePlaces resolves a --place or --on value; "" gives nil (no filter).
func resolvePlaces(ctx context.Context, s *graph.Store, name string) ([]string, error) {
	if name == "" {
		return nil, nil
	}
	return s.ResolvePlaces(ctx, name)
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

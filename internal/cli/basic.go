package cli

import (
	"encoding/json"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

func (a *app) newVersionCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print the newsgraph version",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			_, err := fmt.Fprintf(a.stdout, "newsgraph %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
			return err
		},
	}
}

func (a *app) newConfigCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{Use: "config", Short: "Inspect the configuration"}
	show := &cobra.Command{
		Use:   "show",
		Short: "Print every setting, its value and where it came from (flag, env, file, default)",
		Args:  noArgs,
		RunE: func(*cobra.Command, []string) error {
			keys := make([]string, 0)
			for k := range config.Defaults() {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			type row struct {
				Key    string `json:"key"`
				Value  string `json:"value"`
				Source string `json:"source"`
			}
			rows := make([]row, 0, len(keys))
			for _, k := range keys {
				val := a.v.GetString(k)
				if k == config.KeyWatchFeeds {
					val = strings.Join(a.cfg.Watch.Feeds, " ")
				}
				if config.Secret(k) && val != "" {
					val = "********"
				}
				rows = append(rows, row{k, val, a.source(k)})
			}
			if asJSON {
				return writeJSON(a.stdout, rows)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
			for _, r := range rows {
				fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Key, r.Value, r.Source)
			}
			return tw.Flush()
		},
	}
	show.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.AddCommand(show)
	return c
}

func (a *app) newStatusCmd() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "status",
		Short: "Show the Neo4j server's address, version and edition, and the graph's node and relationship counts",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(s *graph.Store) error {
				st, err := s.Status(cmd.Context())
				if err != nil {
					return err
				}
				if asJSON {
					return writeJSON(a.stdout, st)
				}
				tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
				fmt.Fprintf(tw, "server\t%s\n", st.URI)
				fmt.Fprintf(tw, "neo4j\t%s %s\n", st.Version, st.Edition)
				fmt.Fprintf(tw, "nodes\t%d\n", st.Nodes)
				fmt.Fprintf(tw, "relationships\t%d\n", st.Relationships)
				return tw.Flush()
			})
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) newSchemaCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "schema",
		Short: "Create the constraints and indexes the graph needs (idempotent)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return a.withStore(cmd.Context(), func(s *graph.Store) error {
				r, err := s.ApplySchema(cmd.Context())
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(a.stdout, "schema ready: %d constraints and %d indexes created\n", r.ConstraintsAdded, r.IndexesAdded)
				return err
			})
		},
	}
}

func noArgs(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("%s takes no arguments, got %q", cmd.CommandPath(), args)
	}
	return nil
}

func writeJSON(w interface{ Write([]byte) (int, error) }, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

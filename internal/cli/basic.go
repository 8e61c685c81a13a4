package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

// versionOptions are the inputs of `version`.
type versionOptions struct {
	Out io.Writer
}

func (a *app) newVersionCmd(runF func(*versionOptions) error) *cobra.Command {
	o := &versionOptions{Out: a.stdout}
	return &cobra.Command{
		Use:   "version",
		Short: "Print the newsgraph version",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(o) },
	}
}

func runVersion(o *versionOptions) error {
	_, err := fmt.Fprintf(o.Out, "newsgraph %s (%s, %s/%s)\n", Version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	return err
}

// setting is one row of `config show`.
type setting struct {
	Key    string `json:"key"`
	Value  string `json:"value"`
	Source string `json:"source"`
}

// configShowOptions are the inputs of `config show`.
type configShowOptions struct {
	Out io.Writer
	// Settings lists every setting with its value (secrets masked) and
	// where it came from, by key.
	Settings func() []setting
	JSON     bool
}

func (a *app) newConfigCmd(runF func(*configShowOptions) error) *cobra.Command {
	o := &configShowOptions{Out: a.stdout, Settings: a.settings}
	c := &cobra.Command{Use: "config", Short: "Inspect the configuration"}
	show := &cobra.Command{
		Use:   "show",
		Short: "Print every setting, its value and where it came from (flag, env, file, default)",
		Args:  noArgs,
		RunE:  func(*cobra.Command, []string) error { return runF(o) },
	}
	show.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	c.AddCommand(show)
	return c
}

func runConfigShow(o *configShowOptions) error {
	rows := o.Settings()
	if o.JSON {
		return writeJSON(o.Out, rows)
	}
	tw := tabwriter.NewWriter(o.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	for _, r := range rows {
		fmt.Fprintf(tw, "%s\t%s\t%s\n", r.Key, r.Value, r.Source)
	}
	return tw.Flush()
}

// settings lists the configuration by key, secrets masked.
func (a *app) settings() []setting {
	keys := make([]string, 0)
	for k := range config.Defaults() {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	rows := make([]setting, 0, len(keys))
	for _, k := range keys {
		val := a.v.GetString(k)
		if k == config.KeyWatchFeeds {
			val = strings.Join(a.cfg.Watch.Feeds, " ")
		}
		if config.Secret(k) && val != "" {
			val = "********"
		}
		rows = append(rows, setting{k, val, a.source(k)})
	}
	return rows
}

// statusReader answers `status`.
type statusReader interface {
	Status(ctx context.Context) (graph.Status, error)
}

// statusOptions are the inputs of `status`.
type statusOptions struct {
	Out   io.Writer
	Store func(context.Context) (statusReader, error)
	JSON  bool
}

func (a *app) newStatusCmd(runF func(context.Context, *statusOptions) error) *cobra.Command {
	o := &statusOptions{Out: a.stdout}
	c := &cobra.Command{
		Use:   "status",
		Short: "Show the Neo4j server's address, version and edition, and the graph's node and relationship counts",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = func(ctx context.Context) (statusReader, error) { return opened[statusReader](l.open(ctx)) }
				return runF(cmd.Context(), o)
			})
		},
	}
	c.Flags().BoolVar(&o.JSON, "json", false, "print JSON")
	return c
}

func runStatus(ctx context.Context, o *statusOptions) error {
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	st, err := s.Status(ctx)
	if err != nil {
		return err
	}
	if o.JSON {
		return writeJSON(o.Out, st)
	}
	tw := tabwriter.NewWriter(o.Out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "server\t%s\n", st.URI)
	fmt.Fprintf(tw, "neo4j\t%s %s\n", st.Version, st.Edition)
	fmt.Fprintf(tw, "nodes\t%d\n", st.Nodes)
	fmt.Fprintf(tw, "relationships\t%d\n", st.Relationships)
	return tw.Flush()
}

// schemaApplier answers `schema`.
type schemaApplier interface {
	ApplySchema(ctx context.Context) (graph.SchemaResult, error)
}

// schemaOptions are the inputs of `schema`.
type schemaOptions struct {
	Out   io.Writer
	Store func(context.Context) (schemaApplier, error)
}

func (a *app) newSchemaCmd(runF func(context.Context, *schemaOptions) error) *cobra.Command {
	o := &schemaOptions{Out: a.stdout}
	return &cobra.Command{
		Use:   "schema",
		Short: "Create the constraints and indexes the graph needs (idempotent)",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return withLazyStore(cmd.Context(), a, func(l *lazyStore) error {
				o.Store = func(ctx context.Context) (schemaApplier, error) { return opened[schemaApplier](l.open(ctx)) }
				return runF(cmd.Context(), o)
			})
		},
	}
}

func runSchema(ctx context.Context, o *schemaOptions) error {
	s, err := o.Store(ctx)
	if err != nil {
		return err
	}
	r, err := s.ApplySchema(ctx)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintf(o.Out, "schema ready: %d constraints and %d indexes created\n", r.ConstraintsAdded, r.IndexesAdded)
	return err
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

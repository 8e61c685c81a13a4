package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
	"github.com/spf13/viper"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Version is set at build time with -ldflags "-X .../internal/cli.Version=v1.2.3".
var Version = "dev"

// app is the state of one invocation: its streams and its configuration.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	v              *viper.Viper
	cfgFile        string
	cfg            config.Config
	log            *slog.Logger
	root           *cobra.Command
	// flagKeys maps a config key to the flags bound to it (several
	// commands may declare the same flag, e.g. --workers).
	flagKeys map[string][]*pflag.Flag
}

// Main runs newsgraph with args (without the program name) and returns the
// process exit code.
func Main(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := &app{stdin: stdin, stdout: stdout, stderr: stderr, v: viper.New(), flagKeys: map[string][]*pflag.Flag{}}
	root := a.newRootCmd()
	root.SetArgs(args)
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.ExecuteContext(ctx)
	if err != nil && strings.HasPrefix(err.Error(), "unknown command") {
		err = &usageError{err}
	}
	if err != nil {
		if ctx.Err() != nil && !errors.Is(err, context.Canceled) {
			err = fmt.Errorf("%w: %v", context.Canceled, err)
		}
		var pe *PartialError
		if !errors.As(err, &pe) || pe.Total > 0 {
			fmt.Fprintf(stderr, "newsgraph: %v\n", err)
		}
	}
	return exitCode(err)
}

func (a *app) newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Turn news articles into a knowledge graph of who met whom, travelled with whom and struck where",
		Long: `newsgraph reads news articles (text, Markdown, HTML, JSON, JSON Lines, RSS/Atom),
extracts people, countries, places, meetings, travel together and strikes, each
with the sentence that says so, and stores them in Neo4j for relationship queries.

Configuration: flag > environment (NEWSGRAPH_*, NEO4J_URI, NEO4J_USERNAME,
NEO4J_PASSWORD, NEO4J_DATABASE) > file (newsgraph.yaml, --config) > default.
See ` + "`newsgraph config show`" + `.`,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(cmd *cobra.Command, _ []string) error {
			return a.loadConfig(cmd)
		},
	}
	root.SetUsageTemplate(root.UsageTemplate() + "\n" + exitCodesHelp + "\n")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &usageError{err} })

	pf := root.PersistentFlags()
	pf.StringVar(&a.cfgFile, "config", "", "config file (default ./newsgraph.yaml if present)")
	a.stringFlag(pf, config.KeyNeo4jURI, "neo4j-uri", "Neo4j URI: bolt://host:7687, neo4j://host (cluster, Aura), +s for TLS")
	a.stringFlag(pf, config.KeyNeo4jUsername, "neo4j-username", "Neo4j user")
	a.stringFlag(pf, config.KeyNeo4jDatabase, "neo4j-database", "Neo4j database (default: the server's default)")
	a.stringFlag(pf, config.KeyLogLevel, "log-level", "log level: debug, info, warn, error")
	a.stringFlag(pf, config.KeyLogFormat, "log-format", "log format: text or json")

	root.AddCommand(
		a.newVersionCmd(runVersion),
		a.newConfigCmd(runConfigShow),
		a.newStatusCmd(runStatus),
		a.newSchemaCmd(runSchema),
		a.newExtractCmd(runExtract),
		a.newParseCmd(runParse),
		a.newLoadCmd(runLoad),
		a.newWatchCmd(runWatch),
		a.newWhoMetCmd(runWhoMet), a.newPathCmd(runPath), a.newMeetingsCmd(runMeetings), a.newStrikesCmd(runStrikes),
		a.newPeopleCmd(runPeople), a.newQueryCmd(runQuery), a.newExportCmd(runExport),
	)
	for _, c := range root.Commands() {
		c.SetFlagErrorFunc(root.FlagErrorFunc())
	}
	a.root = root
	return root
}

// stringFlag declares a flag bound to a config key. Its default is shown
// as the config default; the password has no flag at all.
func (a *app) stringFlag(fs *pflag.FlagSet, key, name, usage string) {
	fs.String(name, "", usage+fmt.Sprintf(" (config %s)", key))
	a.flagKeys[key] = append(a.flagKeys[key], fs.Lookup(name))
}

func (a *app) intFlag(fs *pflag.FlagSet, key, name, usage string) {
	fs.Int(name, 0, usage+fmt.Sprintf(" (config %s)", key))
	a.flagKeys[key] = append(a.flagKeys[key], fs.Lookup(name))
}

// envNames lists the environment variables read for a key, first wins.
func envNames(key string) []string {
	names := []string{"NEWSGRAPH_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))}
	switch key {
	case config.KeyNeo4jURI:
		names = append(names, "NEO4J_URI")
	case config.KeyNeo4jUsername:
		names = append(names, "NEO4J_USERNAME", "NEO4J_USER")
	case config.KeyNeo4jPassword:
		names = append(names, "NEO4J_PASSWORD")
	case config.KeyNeo4jDatabase:
		names = append(names, "NEO4J_DATABASE")
	}
	return names
}

// loadConfig fills a.cfg from flags, environment, file and defaults.
func (a *app) loadConfig(cmd *cobra.Command) error {
	v := a.v
	for k, d := range config.Defaults() {
		v.SetDefault(k, d)
		if err := v.BindEnv(append([]string{k}, envNames(k)...)...); err != nil {
			return err
		}
	}
	for k, fs := range a.flagKeys {
		if f := changed(fs); f != nil {
			v.Set(k, f.Value.String())
		}
	}
	switch {
	case a.cfgFile != "":
		v.SetConfigFile(a.cfgFile)
		if err := v.ReadInConfig(); err != nil {
			return usagef("read config %s: %v", a.cfgFile, err)
		}
	default:
		v.SetConfigName("newsgraph")
		v.SetConfigType("yaml")
		v.AddConfigPath(".")
		if dir, err := os.UserConfigDir(); err == nil {
			v.AddConfigPath(dir + "/newsgraph")
		}
		if err := v.ReadInConfig(); err != nil {
			var nf viper.ConfigFileNotFoundError
			if !errors.As(err, &nf) {
				return usagef("read config: %v", err)
			}
		}
	}
	c := config.Config{
		Neo4j: config.Neo4j{
			URI:            v.GetString(config.KeyNeo4jURI),
			Username:       v.GetString(config.KeyNeo4jUsername),
			Password:       v.GetString(config.KeyNeo4jPassword),
			Database:       v.GetString(config.KeyNeo4jDatabase),
			ConnectTimeout: v.GetDuration(config.KeyNeo4jConnectTimeout),
		},
		Load:  config.Load{BatchSize: v.GetInt(config.KeyLoadBatchSize), Workers: v.GetInt(config.KeyLoadWorkers)},
		Input: config.Input{MaxBytes: v.GetInt64(config.KeyInputMaxBytes)},
		Log:   config.Log{Level: v.GetString(config.KeyLogLevel), Format: strings.ToLower(v.GetString(config.KeyLogFormat))},
		Web: config.Web{
			ConnectTimeout: v.GetDuration(config.KeyWebConnectTimeout),
			Timeout:        v.GetDuration(config.KeyWebTimeout),
			HostDelay:      v.GetDuration(config.KeyWebHostDelay),
			MaxRedirects:   v.GetInt(config.KeyWebMaxRedirects),
		},
		Watch: config.Watch{Feeds: feedList(v.GetStringSlice(config.KeyWatchFeeds)), Interval: v.GetDuration(config.KeyWatchInterval)},
	}
	if err := c.Validate(); err != nil {
		return &usageError{fmt.Errorf("invalid configuration:\n%w", err)}
	}
	a.cfg = c
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Log.Level))
	opts := &slog.HandlerOptions{Level: level}
	if c.Log.Format == "json" {
		a.log = slog.New(slog.NewJSONHandler(a.stderr, opts))
	} else {
		a.log = slog.New(slog.NewTextHandler(a.stderr, opts))
	}
	return nil
}

// feedList splits the watch.feeds values on commas and white space, so
// that NEWSGRAPH_WATCH_FEEDS may hold "url1 url2" or "url1,url2".
func feedList(values []string) []string {
	out := []string{}
	for _, v := range values {
		out = append(out, strings.FieldsFunc(v, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })...)
	}
	return out
}

// changed returns the flag of fs that the command line set, if any.
func changed(fs []*pflag.Flag) *pflag.Flag {
	for _, f := range fs {
		if f.Changed {
			return f
		}
	}
	return nil
}

// source says where the value of key came from.
func (a *app) source(key string) string {
	if f := changed(a.flagKeys[key]); f != nil {
		return "flag --" + f.Name
	}
	for _, name := range envNames(key) {
		if _, ok := os.LookupEnv(name); ok {
			return "env " + name
		}
	}
	if a.v.InConfig(key) {
		return "file " + a.v.ConfigFileUsed()
	}
	return "default"
}

// openStore connects to Neo4j with the configuration.
func (a *app) openStore(ctx context.Context) (*graph.Store, error) {
	start := time.Now()
	s, err := graph.Open(ctx, graph.Options{
		URI:            a.cfg.Neo4j.URI,
		Username:       a.cfg.Neo4j.Username,
		Password:       a.cfg.Neo4j.Password,
		Database:       a.cfg.Neo4j.Database,
		ConnectTimeout: a.cfg.Neo4j.ConnectTimeout,
		CountryName:    extract.CountryName,
		Log:            a.log,
	})
	if err != nil {
		a.log.Debug("neo4j connection failed", "uri", a.cfg.Neo4j.URI, "error", err.Error())
		return nil, err
	}
	a.log.Debug("connected to neo4j", "uri", a.cfg.Neo4j.URI, "database", orDash(a.cfg.Neo4j.Database),
		"user", a.cfg.Neo4j.Username, "elapsed", since(start))
	return s, nil
}

// since is the time since start, rounded for a log line.
func since(start time.Time) string {
	return time.Since(start).Round(time.Millisecond).String()
}

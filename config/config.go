// Package config holds newsgraph's configuration: the Config struct, its
// defaults and its validation. Only cmd/ reads viper; this package knows
// nothing of where values come from.
package config

import (
	"errors"
	"fmt"
	"net/url"
	"runtime"
	"strings"
	"time"
)

// DefaultPassword is the documented password of the development Neo4j that
// docker-compose.yml and scripts/neo4j start. Use NEO4J_PASSWORD for any
// other server.
const DefaultPassword = "newsgraph-dev"

// Config is everything newsgraph can be configured with.
type Config struct {
	Neo4j Neo4j
	Load  Load
	Input Input
	Log   Log
	Web   Web
	Watch Watch
}

// Neo4j says how to reach the server.
type Neo4j struct {
	// URI is bolt://host:port (one server) or neo4j://host:port (routing:
	// clusters, Aura); +s or +ssc for TLS.
	URI      string
	Username string
	Password string
	// Database is the database name; "" means the server's default.
	Database string
	// ConnectTimeout bounds how long connecting and authenticating may take.
	ConnectTimeout time.Duration
}

// Load tunes `newsgraph load`.
type Load struct {
	// BatchSize is the number of articles written per transaction.
	BatchSize int
	// Workers is the number of extraction goroutines.
	Workers int
}

// Input limits what readers accept.
type Input struct {
	// MaxBytes is the largest input file accepted.
	MaxBytes int64
}

// Log sets logging.
type Log struct {
	// Level is debug, info, warn or error.
	Level string
	// Format is text or json.
	Format string
}

// Web tunes fetching feeds and pages.
type Web struct {
	// ConnectTimeout bounds connecting to a web server (TCP and TLS).
	ConnectTimeout time.Duration
	// Timeout bounds one request, from sending it to its last byte.
	Timeout time.Duration
	// HostDelay is the pause between two requests to one host (0: none).
	HostDelay time.Duration
	// MaxRedirects is how many redirects one request may follow.
	MaxRedirects int
}

// Watch tunes `newsgraph watch`.
type Watch struct {
	// Feeds are the URLs followed besides those on the command line.
	Feeds []string
	// Interval is the time from the start of one poll to the next.
	Interval time.Duration
}

// Key names, as used in the config file and by `config show`. Environment
// variables are NEWSGRAPH_ followed by the key upper-cased with dots as
// underscores (NEWSGRAPH_NEO4J_URI); the Neo4j keys also read the usual
// NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD and NEO4J_DATABASE.
const (
	KeyNeo4jURI            = "neo4j.uri"
	KeyNeo4jUsername       = "neo4j.username"
	KeyNeo4jPassword       = "neo4j.password"
	KeyNeo4jDatabase       = "neo4j.database"
	KeyNeo4jConnectTimeout = "neo4j.connect_timeout"
	KeyLoadBatchSize       = "load.batch_size"
	KeyLoadWorkers         = "load.workers"
	KeyInputMaxBytes       = "input.max_bytes"
	KeyLogLevel            = "log.level"
	KeyLogFormat           = "log.format"
	KeyWebConnectTimeout   = "web.connect_timeout"
	KeyWebTimeout          = "web.timeout"
	KeyWebHostDelay        = "web.host_delay"
	KeyWebMaxRedirects     = "web.max_redirects"
	KeyWatchFeeds          = "watch.feeds"
	KeyWatchInterval       = "watch.interval"
)

// Default returns the configuration used when nothing is set.
func Default() Config {
	return Config{
		Neo4j: Neo4j{
			URI:            "bolt://127.0.0.1:7687",
			Username:       "neo4j",
			Password:       DefaultPassword,
			Database:       "",
			ConnectTimeout: 8 * time.Second,
		},
		Load:  Load{BatchSize: 500, Workers: runtime.NumCPU()},
		Input: Input{MaxBytes: 20 << 20},
		Log:   Log{Level: "info", Format: "text"},
		Web:   Web{ConnectTimeout: 10 * time.Second, Timeout: 30 * time.Second, HostDelay: time.Second, MaxRedirects: 10},
		Watch: Watch{Feeds: []string{}, Interval: 15 * time.Minute},
	}
}

// Defaults returns every key with its default value, for the config
// loader (viper ignores keys it has no default for when they come from the
// environment only).
func Defaults() map[string]any {
	d := Default()
	return map[string]any{
		KeyNeo4jURI:            d.Neo4j.URI,
		KeyNeo4jUsername:       d.Neo4j.Username,
		KeyNeo4jPassword:       d.Neo4j.Password,
		KeyNeo4jDatabase:       d.Neo4j.Database,
		KeyNeo4jConnectTimeout: d.Neo4j.ConnectTimeout,
		KeyLoadBatchSize:       d.Load.BatchSize,
		KeyLoadWorkers:         d.Load.Workers,
		KeyInputMaxBytes:       d.Input.MaxBytes,
		KeyLogLevel:            d.Log.Level,
		KeyLogFormat:           d.Log.Format,
		KeyWebConnectTimeout:   d.Web.ConnectTimeout,
		KeyWebTimeout:          d.Web.Timeout,
		KeyWebHostDelay:        d.Web.HostDelay,
		KeyWebMaxRedirects:     d.Web.MaxRedirects,
		KeyWatchFeeds:          d.Watch.Feeds,
		KeyWatchInterval:       d.Watch.Interval,
	}
}

// Secret reports whether a key holds a secret that must be masked when shown.
func Secret(key string) bool { return key == KeyNeo4jPassword }

// Validate checks the configuration and says what to fix.
func (c Config) Validate() error {
	var errs []error
	u, err := url.Parse(c.Neo4j.URI)
	switch {
	case err != nil || u.Host == "":
		errs = append(errs, fmt.Errorf("%s %q is not a URI like bolt://127.0.0.1:7687", KeyNeo4jURI, c.Neo4j.URI))
	case !validScheme(u.Scheme):
		errs = append(errs, fmt.Errorf("%s %q: scheme must be bolt, neo4j, bolt+s, bolt+ssc, neo4j+s or neo4j+ssc", KeyNeo4jURI, c.Neo4j.URI))
	}
	if c.Neo4j.Username == "" {
		errs = append(errs, fmt.Errorf("%s is empty", KeyNeo4jUsername))
	}
	if c.Neo4j.ConnectTimeout <= 0 {
		errs = append(errs, fmt.Errorf("%s must be positive, got %s", KeyNeo4jConnectTimeout, c.Neo4j.ConnectTimeout))
	}
	if c.Load.BatchSize < 1 || c.Load.BatchSize > 100000 {
		errs = append(errs, fmt.Errorf("%s must be between 1 and 100000, got %d", KeyLoadBatchSize, c.Load.BatchSize))
	}
	if c.Load.Workers < 1 {
		errs = append(errs, fmt.Errorf("%s must be at least 1, got %d", KeyLoadWorkers, c.Load.Workers))
	}
	if c.Input.MaxBytes < 1 {
		errs = append(errs, fmt.Errorf("%s must be positive, got %d", KeyInputMaxBytes, c.Input.MaxBytes))
	}
	switch strings.ToLower(c.Log.Level) {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("%s must be debug, info, warn or error, got %q", KeyLogLevel, c.Log.Level))
	}
	switch strings.ToLower(c.Log.Format) {
	case "text", "json":
	default:
		errs = append(errs, fmt.Errorf("%s must be text or json, got %q", KeyLogFormat, c.Log.Format))
	}
	if c.Web.ConnectTimeout <= 0 {
		errs = append(errs, fmt.Errorf("%s must be positive, got %s", KeyWebConnectTimeout, c.Web.ConnectTimeout))
	}
	if c.Web.Timeout <= 0 {
		errs = append(errs, fmt.Errorf("%s must be positive, got %s", KeyWebTimeout, c.Web.Timeout))
	}
	if c.Web.HostDelay < 0 {
		errs = append(errs, fmt.Errorf("%s must not be negative, got %s", KeyWebHostDelay, c.Web.HostDelay))
	}
	if c.Web.MaxRedirects < 1 || c.Web.MaxRedirects > 50 {
		errs = append(errs, fmt.Errorf("%s must be between 1 and 50, got %d", KeyWebMaxRedirects, c.Web.MaxRedirects))
	}
	if c.Watch.Interval < time.Second {
		errs = append(errs, fmt.Errorf("%s must be at least 1s, got %s", KeyWatchInterval, c.Watch.Interval))
	}
	for _, f := range c.Watch.Feeds {
		if !IsURL(f) {
			errs = append(errs, fmt.Errorf("%s: %q is not an http:// or https:// URL", KeyWatchFeeds, f))
		}
	}
	return errors.Join(errs...)
}

// IsURL tells a web address (http or https, with a host) from a path.
func IsURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

func validScheme(s string) bool {
	switch s {
	case "bolt", "neo4j", "bolt+s", "bolt+ssc", "neo4j+s", "neo4j+ssc":
		return true
	}
	return false
}

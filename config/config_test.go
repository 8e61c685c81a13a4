package config_test

import (
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/config"
)

func TestDefaultIsValid(t *testing.T) {
	if err := config.Default().Validate(); err != nil {
		t.Fatalf("default config invalid: %v", err)
	}
	for k := range config.Defaults() {
		if k == "" || !strings.Contains(k, ".") {
			t.Errorf("key %q is not section.name", k)
		}
	}
}

func TestValidate(t *testing.T) {
	cases := []struct {
		name    string
		change  func(*config.Config)
		wantErr string // "" means valid
	}{
		{"neo4j routing URI", func(c *config.Config) { c.Neo4j.URI = "neo4j+s://abc.databases.neo4j.io" }, ""},
		{"no scheme", func(c *config.Config) { c.Neo4j.URI = "127.0.0.1:7687" }, config.KeyNeo4jURI},
		{"http scheme", func(c *config.Config) { c.Neo4j.URI = "http://127.0.0.1:7474" }, "scheme"},
		{"empty user", func(c *config.Config) { c.Neo4j.Username = "" }, config.KeyNeo4jUsername},
		{"zero timeout", func(c *config.Config) { c.Neo4j.ConnectTimeout = 0 }, config.KeyNeo4jConnectTimeout},
		{"batch too big", func(c *config.Config) { c.Load.BatchSize = 1_000_000 }, config.KeyLoadBatchSize},
		{"no workers", func(c *config.Config) { c.Load.Workers = 0 }, config.KeyLoadWorkers},
		{"negative max bytes", func(c *config.Config) { c.Input.MaxBytes = -1 }, config.KeyInputMaxBytes},
		{"bad log level", func(c *config.Config) { c.Log.Level = "loud" }, config.KeyLogLevel},
		{"short timeout ok", func(c *config.Config) { c.Neo4j.ConnectTimeout = time.Second }, ""},
		{"bad log format", func(c *config.Config) { c.Log.Format = "xml" }, config.KeyLogFormat},
		{"zero web timeout", func(c *config.Config) { c.Web.Timeout = 0 }, config.KeyWebTimeout},
		{"zero web connect timeout", func(c *config.Config) { c.Web.ConnectTimeout = 0 }, config.KeyWebConnectTimeout},
		{"no host delay ok", func(c *config.Config) { c.Web.HostDelay = 0 }, ""},
		{"negative host delay", func(c *config.Config) { c.Web.HostDelay = -time.Second }, config.KeyWebHostDelay},
		{"no redirects", func(c *config.Config) { c.Web.MaxRedirects = 0 }, config.KeyWebMaxRedirects},
		{"feeds ok", func(c *config.Config) {
			c.Watch.Feeds = []string{"https://example.org/rss", "http://127.0.0.1:8080/feed.xml"}
		}, ""},
		{"a feed that is a path", func(c *config.Config) { c.Watch.Feeds = []string{"feeds/world.xml"} }, config.KeyWatchFeeds},
		{"interval too short", func(c *config.Config) { c.Watch.Interval = time.Millisecond }, config.KeyWatchInterval},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := config.Default()
			tc.change(&c)
			err := c.Validate()
			switch {
			case tc.wantErr == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tc.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tc.wantErr)):
				t.Errorf("error %v, want one mentioning %q", err, tc.wantErr)
			}
		})
	}
}

func TestOnlyThePasswordIsSecret(t *testing.T) {
	for k := range config.Defaults() {
		if got := config.Secret(k); got != (k == config.KeyNeo4jPassword) {
			t.Errorf("Secret(%q) = %v", k, got)
		}
	}
}

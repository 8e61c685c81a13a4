package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// run runs the CLI in-process and returns exit code, stdout and stderr.
func run(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(t.Context(), args, strings.NewReader(""), &out, &errb)
	return code, out.String(), errb.String()
}

// clearEnv unsets every variable newsgraph reads, so the developer's
// environment cannot leak into a test.
func clearEnv(t *testing.T) {
	for _, k := range []string{"neo4j.uri", "neo4j.username", "neo4j.password", "neo4j.database",
		"neo4j.connect_timeout", "load.batch_size", "load.workers", "input.max_bytes", "log.level", "log.format",
		"web.connect_timeout", "web.timeout", "web.host_delay", "web.max_redirects", "watch.feeds", "watch.interval"} {
		for _, name := range envNames(k) {
			if v, ok := os.LookupEnv(name); ok {
				t.Setenv(name, v) // restored after the test
				os.Unsetenv(name)
			}
		}
	}
	t.Chdir(t.TempDir()) // no ./newsgraph.yaml
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	t.Setenv("HOME", t.TempDir())
}

func TestConfigPrecedence(t *testing.T) {
	const key = "neo4j.uri"
	cases := []struct {
		name       string
		file, env  string
		flag       string
		wantValue  string
		wantSource string
	}{
		{"default", "", "", "", "bolt://127.0.0.1:7687", "default"},
		{"file", "bolt://file:1", "", "", "bolt://file:1", "file "},
		{"env beats file", "bolt://file:1", "bolt://env:2", "", "bolt://env:2", "env NEO4J_URI"},
		{"flag beats env", "bolt://file:1", "bolt://env:2", "bolt://flag:3", "bolt://flag:3", "flag --neo4j-uri"},
		{"flag beats default", "", "", "neo4j://flag:4", "neo4j://flag:4", "flag --neo4j-uri"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			args := []string{"config", "show", "--json"}
			if tc.file != "" {
				p := filepath.Join(t.TempDir(), "newsgraph.yaml")
				if err := os.WriteFile(p, []byte("neo4j:\n  uri: "+tc.file+"\n"), 0o600); err != nil {
					t.Fatal(err)
				}
				args = append(args, "--config", p)
			}
			if tc.env != "" {
				t.Setenv("NEO4J_URI", tc.env)
			}
			if tc.flag != "" {
				args = append(args, "--neo4j-uri", tc.flag)
			}
			code, out, errs := run(t, args...)
			if code != ExitOK {
				t.Fatalf("exit %d, stderr %s", code, errs)
			}
			want := fmt.Sprintf(`"key": %q,
    "value": %q,
    "source": %q`, key, tc.wantValue, tc.wantSource)
			if tc.wantSource == "file " {
				want = fmt.Sprintf(`"key": %q,
    "value": %q,
    "source": "file `, key, tc.wantValue)
			}
			if !strings.Contains(out, want) {
				t.Errorf("config show lacks\n%s\ngot\n%s", want, out)
			}
		})
	}
}

func TestNewsgraphEnvBeatsNeo4jEnv(t *testing.T) {
	clearEnv(t)
	t.Setenv("NEO4J_URI", "bolt://plain:1")
	t.Setenv("NEWSGRAPH_NEO4J_URI", "bolt://prefixed:2")
	_, out, _ := run(t, "config", "show")
	if !strings.Contains(out, "bolt://prefixed:2") || !strings.Contains(out, "env NEWSGRAPH_NEO4J_URI") {
		t.Errorf("want the NEWSGRAPH_ variable to win, got\n%s", out)
	}
}

func TestConfigShowMasksPassword(t *testing.T) {
	clearEnv(t)
	t.Setenv("NEO4J_PASSWORD", "s3cret-value")
	code, out, _ := run(t, "config", "show")
	if code != ExitOK || strings.Contains(out, "s3cret-value") || !strings.Contains(out, "********") {
		t.Errorf("password not masked (exit %d):\n%s", code, out)
	}
	if !strings.Contains(out, "env NEO4J_PASSWORD") {
		t.Errorf("password source not shown:\n%s", out)
	}
}

func TestInvalidConfigIsUsageError(t *testing.T) {
	clearEnv(t)
	t.Setenv("NEWSGRAPH_LOAD_BATCH_SIZE", "0")
	code, _, errs := run(t, "config", "show")
	if code != ExitUsage || !strings.Contains(errs, "load.batch_size") {
		t.Errorf("exit %d, stderr %q; want %d naming load.batch_size", code, errs, ExitUsage)
	}
}

func TestUsageErrors(t *testing.T) {
	clearEnv(t)
	for _, args := range [][]string{{"bogus"}, {"status", "--no-such-flag"}, {"version", "extra"}} {
		if code, _, errs := run(t, args...); code != ExitUsage {
			t.Errorf("%v: exit %d (stderr %q), want %d", args, code, errs, ExitUsage)
		}
	}
}

func TestHelpListsExitCodes(t *testing.T) {
	clearEnv(t)
	code, out, _ := run(t, "--help")
	if code != ExitOK || !strings.Contains(out, "130  interrupted") || !strings.Contains(out, "4    Neo4j unreachable") {
		t.Errorf("exit %d, help lacks exit codes:\n%s", code, out)
	}
}

func TestExitCodeMapping(t *testing.T) {
	cases := []struct {
		err  error
		want int
	}{
		{nil, ExitOK},
		{errors.New("boom"), ExitError},
		{usagef("bad"), ExitUsage},
		{fmt.Errorf("load: %w", &PartialError{Rejected: 1, Total: 3}), ExitPartial},
		{fmt.Errorf("status: %w", &graph.ConnError{URI: "bolt://x", Err: errors.New("refused")}), ExitUnavailable},
		{fmt.Errorf("load: %w", context.Canceled), ExitInterrupted},
	}
	for _, tc := range cases {
		if got := exitCode(tc.err); got != tc.want {
			t.Errorf("exitCode(%v) = %d, want %d", tc.err, got, tc.want)
		}
	}
}

func TestUnreachableNeo4jExits4(t *testing.T) {
	clearEnv(t)
	// Port 1 on loopback: nothing listens there.
	code, _, errs := run(t, "status", "--neo4j-uri", "bolt://127.0.0.1:1")
	if code != ExitUnavailable {
		t.Fatalf("exit %d, want %d; stderr %q", code, ExitUnavailable, errs)
	}
	if lines := strings.Count(strings.TrimSpace(errs), "\n"); lines != 0 || !strings.Contains(errs, "bolt://127.0.0.1:1") || !strings.Contains(errs, "neo4j-up") {
		t.Errorf("want one line naming the URI with a hint, got %q", errs)
	}
}

func TestPerSecond(t *testing.T) {
	for _, tc := range []struct {
		n       int
		seconds float64
		want    string
	}{
		{4, 11.7, "0.3/s"}, // a few articles into a cold server: not "0/s"
		{540, 1, "540/s"},
		{95, 10, "9.5/s"},
		{10, 0, "-/s"},
	} {
		if got := perSecond(tc.n, tc.seconds); got != tc.want {
			t.Errorf("perSecond(%d, %g) = %q, want %q", tc.n, tc.seconds, got, tc.want)
		}
	}
}

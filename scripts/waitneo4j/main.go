// Command waitneo4j waits until a Neo4j server accepts Bolt connections with
// the configured credentials (and, with -http, until its HTTP port answers),
// then prints the server version, for example
//
//	neo4j ready at bolt://127.0.0.1:7687 after 5.1s: Neo4j Kernel 5.26.31 community
//
// scripts/neo4j and scripts/test use it as their readiness check, so they need
// nothing beyond Go and a JDK. The address and user come from flags or from
// NEO4J_URI and NEO4J_USERNAME; the password only from NEO4J_PASSWORD, so it
// never shows in a process list.
//
// Exit codes: 0 ready · 1 timed out or other error · 2 usage · 3 the watched
// process (-pid) exited first · 4 the server refused the credentials.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j/config"
)

const componentsQuery = "CALL dbms.components() YIELD name, versions, edition RETURN name, versions[0] AS version, edition"

// Exit codes.
const (
	exitReady    = 0
	exitError    = 1
	exitUsage    = 2
	exitDied     = 3
	exitAuthFail = 4
)

var errProcessExited = errors.New("process exited")

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("waitneo4j", flag.ContinueOnError)
	fs.SetOutput(stderr)
	uri := fs.String("uri", envOr("NEO4J_URI", "bolt://127.0.0.1:7687"), "Bolt URI (env NEO4J_URI)")
	user := fs.String("user", envOr("NEO4J_USERNAME", "neo4j"), "user name (env NEO4J_USERNAME)")
	timeout := fs.Duration("timeout", 120*time.Second, "give up after this long")
	interval := fs.Duration("interval", 500*time.Millisecond, "time between attempts")
	pid := fs.Int("pid", 0, "stop waiting when this process exits (0: no process to watch)")
	httpURL := fs.String("http", "", "also wait until this URL answers 200 OK, e.g. http://127.0.0.1:7474/")
	if err := fs.Parse(args); err != nil {
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "waitneo4j: unexpected arguments %q\n", fs.Args())
		return exitUsage
	}

	ctx, cancel := context.WithTimeout(context.Background(), *timeout)
	defer cancel()
	start := time.Now()
	version, err := wait(ctx, *uri, *user, os.Getenv("NEO4J_PASSWORD"), *interval, *pid)
	if err == nil && *httpURL != "" {
		err = waitHTTP(ctx, *httpURL, *interval, *pid)
	}
	switch {
	case err == nil:
		fmt.Fprintf(stdout, "neo4j ready at %s after %.1fs: %s\n", *uri, time.Since(start).Seconds(), version)
		return exitReady
	case errors.Is(err, errProcessExited):
		fmt.Fprintf(stderr, "waitneo4j: neo4j process %d exited before it was ready\n", *pid)
		return exitDied
	case isAuthError(err):
		fmt.Fprintf(stderr, "waitneo4j: %s refused user %q: %v\n", *uri, *user, err)
		return exitAuthFail
	default:
		fmt.Fprintf(stderr, "waitneo4j: %s not ready after %s: %v\n", *uri, timeout.String(), err)
		return exitError
	}
}

// wait polls uri until a session authenticates and answers dbms.components,
// and returns the version line. Authentication failures end the wait at once:
// retrying would not fix them and Neo4j rate-limits repeated failures.
func wait(ctx context.Context, uri, user, password string, interval time.Duration, pid int) (string, error) {
	driver, err := neo4j.NewDriverWithContext(uri, neo4j.BasicAuth(user, password, ""), func(c *config.Config) {
		c.SocketConnectTimeout = 2 * time.Second
		c.ConnectionAcquisitionTimeout = 5 * time.Second
	})
	if err != nil {
		return "", fmt.Errorf("create driver: %w", err)
	}
	defer driver.Close(context.Background())

	var last error
	for {
		if pid > 0 && !alive(pid) {
			return "", errProcessExited
		}
		version, err := probe(ctx, driver)
		if err == nil {
			return version, nil
		}
		if isAuthError(err) {
			return "", err
		}
		last = err
		select {
		case <-ctx.Done():
			return "", last
		case <-time.After(interval):
		}
	}
}

// waitHTTP polls url until it answers 200 OK.
func waitHTTP(ctx context.Context, url string, interval time.Duration, pid int) error {
	client := &http.Client{Timeout: 5 * time.Second}
	var last error
	for {
		if pid > 0 && !alive(pid) {
			return errProcessExited
		}
		last = getOK(ctx, client, url)
		if last == nil {
			return nil
		}
		select {
		case <-ctx.Done():
			return last
		case <-time.After(interval):
		}
	}
}

func getOK(ctx context.Context, client *http.Client, url string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return fmt.Errorf("http request: %w", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %s", url, resp.Status)
	}
	return nil
}

func probe(ctx context.Context, driver neo4j.DriverWithContext) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := driver.VerifyConnectivity(ctx); err != nil {
		return "", err
	}
	if err := driver.VerifyAuthentication(ctx, nil); err != nil {
		return "", err
	}
	res, err := neo4j.ExecuteQuery(ctx, driver, componentsQuery, nil, neo4j.EagerResultTransformer)
	if err != nil {
		return "", fmt.Errorf("query components: %w", err)
	}
	var parts []string
	for _, rec := range res.Records {
		name, _ := rec.Get("name")
		version, _ := rec.Get("version")
		edition, _ := rec.Get("edition")
		parts = append(parts, fmt.Sprintf("%v %v %v", name, version, edition))
	}
	if len(parts) == 0 {
		return "", errors.New("dbms.components returned nothing")
	}
	return strings.Join(parts, "; "), nil
}

func isAuthError(err error) bool {
	var invalid *neo4j.InvalidAuthenticationError
	if errors.As(err, &invalid) {
		return true
	}
	var ne *neo4j.Neo4jError
	return errors.As(err, &ne) && strings.HasPrefix(ne.Code, "Neo.ClientError.Security.")
}

// alive reports whether process pid exists (signal 0 checks without
// sending) and, where /proc tells, is not a zombie waiting for its parent.
func alive(pid int) bool {
	if err := syscall.Kill(pid, 0); err != nil && !errors.Is(err, syscall.EPERM) {
		return false
	}
	stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return true
	}
	// The state follows the parenthesised command name: "pid (comm) S ...".
	if i := strings.LastIndexByte(string(stat), ')'); i >= 0 && i+2 < len(stat) {
		return stat[i+2] != 'Z'
	}
	return true
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

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

	"github.com/newsgraph/newsgraph/graph"
)

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

// wait polls uri until the store opens (the server answers and accepts
// the credentials) and reports its version, and returns the version line.
// Authentication failures end the wait at once: retrying would not fix
// them and Neo4j rate-limits repeated failures. It connects through
// package graph, the one package that talks to Neo4j.
func wait(ctx context.Context, uri, user, password string, interval time.Duration, pid int) (string, error) {
	var last error
	for {
		if pid > 0 && !alive(pid) {
			return "", errProcessExited
		}
		version, err := probe(ctx, graph.Options{URI: uri, Username: user, Password: password, ConnectTimeout: 2 * time.Second})
		if err == nil {
			return version, nil
		}
		if isAuthError(err) {
			return "", err
		}
		var ce *graph.ConnError
		if errors.As(err, &ce) && isBadURI(ce.Err) {
			return "", fmt.Errorf("create driver: %w", ce.Err)
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

// probe opens the store once and reads the server's version.
func probe(ctx context.Context, o graph.Options) (string, error) {
	ctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	s, err := graph.Open(ctx, o)
	if err != nil {
		return "", err
	}
	defer s.Close(context.WithoutCancel(ctx))
	st, err := s.Status(ctx)
	if err != nil {
		return "", err
	}
	if st.Version == "" {
		return "", errors.New("dbms.components did not name the Neo4j Kernel")
	}
	return fmt.Sprintf("Neo4j Kernel %s %s", st.Version, st.Edition), nil
}

// isAuthError tells a refusal of the credentials, which no retry fixes.
func isAuthError(err error) bool {
	var ce *graph.ConnError
	return errors.As(err, &ce) && ce.Auth
}

// isBadURI tells an address the driver cannot use at all (a scheme it
// does not know), which no retry fixes either.
func isBadURI(err error) bool {
	return strings.Contains(err.Error(), "scheme")
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

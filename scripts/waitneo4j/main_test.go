package main

import (
	"bytes"
	"net"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
)

// freeAddr returns a loopback port that nothing listens on.
func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	return addr
}

// exitedPid returns the pid of a process that has exited and been reaped.
func exitedPid(t *testing.T) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	return cmd.Process.Pid
}

func TestRunWithoutServer(t *testing.T) {
	t.Setenv("NEO4J_PASSWORD", "irrelevant")
	down := "bolt://" + freeAddr(t)
	tests := []struct {
		name       string
		args       []string
		wantCode   int
		wantStderr string
	}{
		{"unknown flag", []string{"-nope"}, exitUsage, "flag provided but not defined"},
		{"extra argument", []string{"extra"}, exitUsage, "unexpected arguments"},
		{"nothing listening", []string{"-uri", down, "-timeout", "1s", "-interval", "100ms"}, exitError, "not ready after 1s"},
		{"bad uri", []string{"-uri", "http://127.0.0.1:1", "-timeout", "1s"}, exitError, "create driver"},
		{"process gone", []string{"-uri", down, "-timeout", "5s", "-pid", strconv.Itoa(exitedPid(t))}, exitDied, "exited before it was ready"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tt.args, &stdout, &stderr)
			if code != tt.wantCode {
				t.Errorf("exit code = %d, want %d (stderr: %s)", code, tt.wantCode, stderr.String())
			}
			if !strings.Contains(stderr.String(), tt.wantStderr) {
				t.Errorf("stderr = %q, want it to contain %q", stderr.String(), tt.wantStderr)
			}
			if stdout.Len() != 0 {
				t.Errorf("stdout = %q, want nothing", stdout.String())
			}
		})
	}
}

// TestRunAgainstNeo4j needs the server that `make test` starts (NEO4J_URI,
// NEO4J_USERNAME, NEO4J_PASSWORD). It skips without one, except in CI.
func TestRunAgainstNeo4j(t *testing.T) {
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set: with CI=true the integration tests must run (use make test)")
		}
		t.Skip("NEO4J_URI is not set: run make test for the integration tests")
	}

	t.Run("right password", func(t *testing.T) {
		var stdout, stderr bytes.Buffer
		code := run([]string{"-timeout", "30s"}, &stdout, &stderr)
		if code != exitReady {
			t.Fatalf("exit code = %d, want %d (stderr: %s)", code, exitReady, stderr.String())
		}
		if got := stdout.String(); !strings.Contains(got, "Neo4j Kernel 5.") || !strings.Contains(got, uri) {
			t.Errorf("stdout = %q, want the URI and the Neo4j Kernel 5.x version", got)
		}
	})

	t.Run("wrong password", func(t *testing.T) {
		t.Setenv("NEO4J_PASSWORD", os.Getenv("NEO4J_PASSWORD")+"-wrong")
		var stdout, stderr bytes.Buffer
		code := run([]string{"-timeout", "30s"}, &stdout, &stderr)
		if code != exitAuthFail {
			t.Fatalf("exit code = %d, want %d (stderr: %s)", code, exitAuthFail, stderr.String())
		}
		if !strings.Contains(stderr.String(), "Unauthorized") {
			t.Errorf("stderr = %q, want the server's Unauthorized error", stderr.String())
		}
	})
}

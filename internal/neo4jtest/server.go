package neo4jtest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
)

// FaultPassword is the password of the Server's user neo4j. It is set when
// the instance's data is created (.neo4j/fault), so it stays the same
// from run to run; tests look for it in every output.
const FaultPassword = "fault-suite-Pw-7c41e9"

// Server is a Neo4j of the test's own, for tests that kill and restart the
// server: the "fault" instance of scripts/neo4j on the JVM, with its data
// in .neo4j/fault and on free ports. It runs while the test does.
type Server struct {
	URI      string
	Username string
	Password string
	root     string
	env      []string
}

// StartServer starts the fault instance (stopping a leftover of an
// interrupted run first) and stops it when the test ends. Like the other
// integration tests it runs under `make test` (NEO4J_URI set) and skips
// otherwise, except with CI=true, where it fails; without a JDK 17 it
// skips, or fails with CI=true.
func StartServer(t testing.TB) *Server {
	t.Helper()
	Options(t)
	root := repoRoot(t)
	if err := os.MkdirAll(filepath.Join(root, ".neo4j"), 0o755); err != nil {
		t.Fatal(err)
	}
	// One test process at a time uses this checkout's fault instance.
	lock(t, filepath.Join(root, ".neo4j", "fault"))
	s := &Server{Username: "neo4j", Password: FaultPassword, root: root}
	bolt, http := freePort(t), freePort(t)
	s.URI = fmt.Sprintf("bolt://127.0.0.1:%d", bolt)
	s.env = append(cleanEnv(),
		"NEWSGRAPH_NEO4J_INSTANCE=fault",
		"NEWSGRAPH_NEO4J_RUNTIME=jvm",
		"NEWSGRAPH_NEO4J_BOLT_PORT="+strconv.Itoa(bolt),
		"NEWSGRAPH_NEO4J_HTTP_PORT="+strconv.Itoa(http),
		"NEWSGRAPH_NEO4J_HEAP=512m",
		"NEWSGRAPH_NEO4J_TIMEOUT=180",
		"NEO4J_PASSWORD="+s.Password,
	)
	if out, err := s.script("down"); err != nil {
		t.Fatalf("scripts/neo4j --instance fault down: %v\n%s", err, out)
	}
	out, err := s.script("up")
	if err != nil && strings.Contains(out, "set up with another password") {
		// The instance is the tests' own: start it afresh.
		if err := os.RemoveAll(filepath.Join(root, ".neo4j", "fault", "data")); err != nil {
			t.Fatal(err)
		}
		out, err = s.script("up")
	}
	if err != nil {
		if strings.Contains(out, "no JDK 17") && os.Getenv("CI") != "true" {
			t.Skipf("the fault tests start a Neo4j of their own on a JDK 17: %s", out)
		}
		t.Fatalf("scripts/neo4j --instance fault up: %v\n%s", err, out)
	}
	t.Cleanup(func() {
		if out, err := s.script("down"); err != nil {
			t.Errorf("scripts/neo4j --instance fault down: %v\n%s", err, out)
		}
	})
	return s
}

// Start starts the server again (after Kill) and waits until it answers.
func (s *Server) Start(t testing.TB) {
	t.Helper()
	if out, err := s.script("up"); err != nil {
		t.Fatalf("scripts/neo4j --instance fault up: %v\n%s", err, out)
	}
}

// Kill sends SIGKILL to the server's JVM and waits until it is gone.
func (s *Server) Kill(t testing.TB) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(s.root, ".neo4j", "fault", "neo4j.pid"))
	if err != nil {
		t.Fatal(err)
	}
	pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
	if err != nil {
		t.Fatalf("pid file: %v", err)
	}
	if err := syscall.Kill(pid, syscall.SIGKILL); err != nil {
		t.Fatalf("kill neo4j (pid %d): %v", pid, err)
	}
	for range 200 {
		if gone(pid) {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("neo4j (pid %d) still runs 10 s after SIGKILL", pid)
}

// Open connects to the server, empties it when empty is true (as Open
// does the test database) and closes the connection when the test ends.
func (s *Server) Open(t testing.TB, empty bool) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{URI: s.URI, Username: s.Username, Password: s.Password, ConnectTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close(context.Background()) })
	if empty {
		if err := graph.ResetForTests(context.Background(), st); err != nil {
			t.Fatal(err)
		}
	}
	return st
}

func (s *Server) script(command string) (string, error) {
	cmd := exec.Command(filepath.Join(s.root, "scripts", "neo4j"), command)
	cmd.Dir = s.root
	cmd.Env = s.env
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	return out.String(), err
}

// gone is true when pid no longer runs (or is a zombie nobody reaps).
func gone(pid int) bool {
	if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
		return true
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	_, after, _ := strings.Cut(string(b), ") ")
	return strings.HasPrefix(after, "Z")
}

// cleanEnv is the environment without the settings of newsgraph, Neo4j
// and scripts/neo4j, which the Server sets itself.
func cleanEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NEO4J_") || strings.HasPrefix(kv, "NEWSGRAPH_") {
			continue
		}
		env = append(env, kv)
	}
	return env
}

func freePort(t testing.TB) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// repoRoot is the folder of go.mod above the working directory.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}

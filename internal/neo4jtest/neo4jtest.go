// Package neo4jtest connects tests to the real Neo4j that `make test`
// starts (or that NEO4J_URI names). Without NEO4J_URI a test skips, except
// under CI=true, where a skip would hide a broken setup and fails instead.
package neo4jtest

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/graph"
)

// Options returns how to reach the test Neo4j, from NEO4J_URI,
// NEO4J_USERNAME (or NEO4J_USER), NEO4J_PASSWORD and NEO4J_DATABASE.
func Options(t testing.TB) graph.Options {
	t.Helper()
	uri := os.Getenv("NEO4J_URI")
	if uri == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("NEO4J_URI is not set and CI=true: integration tests must run against a real Neo4j (use `make test`)")
		}
		t.Skip("NEO4J_URI not set: start Neo4j and use `make test` to run the integration tests")
	}
	user := os.Getenv("NEO4J_USERNAME")
	if user == "" {
		user = os.Getenv("NEO4J_USER")
	}
	if user == "" {
		user = "neo4j"
	}
	return graph.Options{URI: uri, Username: user, Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"), ConnectTimeout: 10 * time.Second}
}

// Open connects to the test Neo4j and empties it (graph.ResetForTests
// refuses to wipe a database that tests did not create). The test holds
// the database until it ends: `go test ./...` runs packages in parallel
// processes, and they share the one database, so Open takes a file lock
// (per URI) that other test processes wait for.
func Open(t testing.TB) *graph.Store {
	t.Helper()
	ctx := context.Background()
	o := Options(t)
	lock(t, o.URI)
	s, err := graph.Open(ctx, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close(context.Background()) })
	if err := graph.ResetForTests(ctx, s); err != nil {
		t.Fatal(err)
	}
	return s
}

// lock holds an exclusive flock on a file named after uri until the test ends.
func lock(t testing.TB, uri string) {
	t.Helper()
	sum := sha256.Sum256([]byte(uri))
	path := filepath.Join(os.TempDir(), "newsgraph-neo4jtest-"+hex.EncodeToString(sum[:6])+".lock")
	f, err := os.OpenFile(path, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		t.Fatalf("lock the test database: %v", err)
	}
	t.Cleanup(func() {
		syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	})
}

// LoadFacts writes the articles and facts of a JSON fixture file (a list
// of {"article": ..., "facts": ...}) into the test Neo4j (which the test
// holds: Open), as one batch, naming countries with countryName.
func LoadFacts(t testing.TB, path string, countryName graph.CountryNamer) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var raw []struct {
		Article newsgraph.Article `json:"article"`
		Facts   newsgraph.Facts   `json:"facts"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	items := make([]graph.Item, len(raw))
	for i, r := range raw {
		items[i] = graph.NewItem(r.Article, r.Facts, "fixture")
	}
	o := Options(t)
	o.CountryName = countryName
	s, err := graph.Open(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if _, err := s.ApplySchema(context.Background()); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Write(context.Background(), items); err != nil {
		t.Fatal(err)
	}
}

// Reset empties the test database again, within a test that already
// holds it (Open).
func Reset(t testing.TB) {
	t.Helper()
	s, err := graph.Open(context.Background(), Options(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close(context.Background())
	if err := graph.ResetForTests(context.Background(), s); err != nil {
		t.Fatal(err)
	}
}

// Imported runs `sh DIR/import.sh` (written by `newsgraph export --format
// neo4j-admin`) into a new Neo4j home of its own, starts a server on it
// on free ports and returns how to reach it; the server stops and its
// files go when the test ends. It uses the jars and the JDK 17 of the
// JVM runtime of scripts/neo4j (.neo4j/lib); without them the test skips
// (fails under CI=true).
func Imported(t testing.TB, dir string) graph.Options {
	t.Helper()
	java, lib := jvm(t)
	home := t.TempDir()
	bolt, http := strconv.Itoa(freePort(t)), strconv.Itoa(freePort(t))
	for _, d := range []string{"conf", "data", "logs", "run", "plugins", "import"} {
		if err := os.MkdirAll(filepath.Join(home, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	conf := strings.Join([]string{
		"server.default_listen_address=127.0.0.1",
		"server.bolt.listen_address=127.0.0.1:" + bolt,
		"server.bolt.advertised_address=127.0.0.1:" + bolt,
		"server.http.listen_address=127.0.0.1:" + http,
		"server.https.enabled=false",
		"server.directories.lib=" + lib,
		"server.memory.pagecache.size=64m",
		"dbms.usage_report.enabled=false",
		"dbms.security.auth_enabled=true",
	}, "\n") + "\n"
	if err := os.WriteFile(filepath.Join(home, "conf", "neo4j.conf"), []byte(conf), 0o644); err != nil {
		t.Fatal(err)
	}
	const password = "newsgraph-import-test"
	env := append(os.Environ(), "NEO4J_HOME="+home, "NEO4J_CONF="+filepath.Join(home, "conf"))
	admin := java + " -cp " + lib + "/* org.neo4j.server.startup.Neo4jAdminCommand"
	steps := [][]string{
		{java, "-cp", lib + "/*", "org.neo4j.server.startup.Neo4jAdminCommand", "dbms", "set-initial-password", password},
		{"sh", filepath.Join(dir, "import.sh"), "neo4j"},
	}
	for _, args := range steps {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Env = append(env, "NEO4J_ADMIN="+admin)
		cmd.Dir = home
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	logf, err := os.Create(filepath.Join(home, "logs", "console.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(java, "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
		"--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
		"--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--enable-native-access=ALL-UNNAMED",
		"-Dfile.encoding=UTF-8", "-Dlog4j2.disable.jmx=true",
		"-cp", lib+"/*", "org.neo4j.server.CommunityEntryPoint",
		"--home-dir="+home, "--config-dir="+filepath.Join(home, "conf"), "--console-mode")
	cmd.Env, cmd.Dir, cmd.Stdout, cmd.Stderr = env, home, logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	t.Cleanup(func() {
		_ = cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-exited:
		case <-time.After(60 * time.Second):
			// the whole process group (Setpgid), and a bounded wait: a
			// cleanup that blocks would hold the test database's lock
			// until the package's timeout
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
			select {
			case <-exited:
			case <-time.After(10 * time.Second):
				t.Logf("the Neo4j of the import (pid %d) did not exit after SIGKILL", cmd.Process.Pid)
			}
		}
		logf.Close()
	})

	o := graph.Options{URI: "bolt://127.0.0.1:" + bolt, Username: "neo4j", Password: password, ConnectTimeout: 5 * time.Second}
	deadline := time.Now().Add(180 * time.Second)
	for {
		s, err := graph.Open(context.Background(), o)
		if err == nil {
			s.Close(context.Background())
			return o
		}
		select {
		case werr := <-exited:
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("the Neo4j of the import exited (%v):\n%s", werr, b)
		case <-time.After(time.Second):
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(logf.Name())
			t.Fatalf("the Neo4j of the import did not answer: %v\n%s", err, b)
		}
	}
}

// jvm finds a JDK 17 and the Neo4j jars of scripts/neo4j's JVM runtime.
func jvm(t testing.TB) (java, lib string) {
	t.Helper()
	skip := func(why string) {
		if os.Getenv("CI") == "true" {
			t.Fatal(why)
		}
		t.Skip(why)
	}
	root := repoRoot(t)
	lib = filepath.Join(root, ".neo4j", "lib")
	if jars, _ := filepath.Glob(filepath.Join(lib, "neo4j-import-tool-*.jar")); len(jars) == 0 {
		skip("no Neo4j jars in .neo4j/lib: run `scripts/neo4j up` once with the JVM runtime")
	}
	candidates := []string{}
	if h := os.Getenv("JAVA_HOME"); h != "" {
		candidates = append(candidates, filepath.Join(h, "bin", "java"))
	}
	more, _ := filepath.Glob("/usr/lib/jvm/java-17-openjdk*/bin/java")
	for _, c := range append(candidates, more...) {
		out, err := exec.Command(c, "-version").CombinedOutput()
		if err == nil && strings.Contains(string(out), `version "17`) {
			return c, lib
		}
	}
	skip("no JDK 17 (JAVA_HOME or /usr/lib/jvm/java-17-openjdk*)")
	return "", ""
}

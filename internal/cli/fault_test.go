package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/internal/neo4jtest"
	"github.com/newsgraph/newsgraph/internal/synth"
)

// The fault suite: the newsgraph binary, run as a subprocess (real exit
// codes and signals), against a Neo4j of the test's own that it kills and
// restarts. Every case ends with the whole graph compared with that of one
// clean load of the same inputs.
const (
	faultArticles = 300 // real-length articles: a load takes seconds, so a kill lands mid-load
	faultBatch    = "25"
)

// quotesArticle names people whose names hold apostrophes.
const quotesArticle = `O'Brien meets D'Arcy in Paris

Irish Foreign Minister Sean O'Brien met French President Anne D'Arcy in Paris on Monday, as the two governments sought to ease tensions over Turkey.

O'Brien told reporters after the meeting that Ireland remained committed to dialogue. The ministry did not give further details.
`

// target is a Neo4j the runs write to.
type target struct {
	uri, user, password string
}

func (tg target) open(t testing.TB) *graph.Store {
	t.Helper()
	st, err := graph.Open(context.Background(), graph.Options{URI: tg.uri, Username: tg.user, Password: tg.password, ConnectTimeout: 10 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	return st
}

// reset empties the database, as neo4jtest.Open does.
func (tg target) reset(t testing.TB) {
	t.Helper()
	st := tg.open(t)
	defer st.Close(context.Background())
	if err := graph.ResetForTests(context.Background(), st); err != nil {
		t.Fatal(err)
	}
}

type faultSuite struct {
	t     *testing.T
	bin   string
	home  string // HOME, XDG_CONFIG_HOME and working directory of the runs
	dir   string // the input folder
	files []string
	mu    sync.Mutex
	// transcript holds everything every run printed, for the password check.
	transcript bytes.Buffer
	secrets    []string
}

func (f *faultSuite) addSecret(s string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.secrets = append(f.secrets, s)
}

// TestFaults runs the cases that need a server of their own (killed and
// restarted) on neo4jtest.Server, in parallel with the others on the test
// Neo4j; the graph of the clean load comes from the test Neo4j.
func TestFaults(t *testing.T) {
	start := time.Now()
	neo4jtest.Open(t) // holds the test database until the test ends
	o := neo4jtest.Options(t)
	shared := target{o.URI, o.Username, o.Password}
	f := &faultSuite{t: t, home: t.TempDir()}
	f.bin = filepath.Join(t.TempDir(), "newsgraph")
	if out, err := exec.Command("go", "build", "-o", f.bin, "../../cmd/newsgraph").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	f.dir = filepath.Join(t.TempDir(), "articles")
	if err := os.Mkdir(f.dir, 0o755); err != nil {
		t.Fatal(err)
	}
	g := synth.New(11, 300)
	for i := range faultArticles {
		a := g.Article(i)
		f.write(a.ID+".txt", a.Text)
	}
	f.write("quotes.txt", quotesArticle)
	f.files, _ = filepath.Glob(filepath.Join(f.dir, "*.txt"))
	slices.Sort(f.files)

	// The graph of one clean load.
	code, sum, errs := f.load(t, shared, f.dir)
	if code != ExitOK || sum.Written.New != len(f.files) {
		t.Fatalf("clean load: exit %d, %+v\n%s", code, sum, errs)
	}
	want := f.snapshot(t, shared)
	if !slices.ContainsFunc(want, func(l string) bool { return strings.Contains(l, "-[MET ") }) {
		t.Fatalf("the clean load has no MET edge: the inputs test too little")
	}
	t.Logf("clean load: %d articles in %.1fs, %d lines of graph", sum.Read, sum.Seconds, len(want))

	t.Run("cases", func(t *testing.T) {
		t.Run("neo4j killed mid-load", func(t *testing.T) {
			t.Parallel()
			srv := neo4jtest.StartServer(t)
			f.addSecret(srv.Password)
			f.neo4jKilled(t, srv, want)
		})
		t.Run("on the test neo4j", func(t *testing.T) {
			t.Parallel()
			t.Run("SIGINT mid-load", func(t *testing.T) { f.interrupted(t, shared, want) })
			t.Run("three loads at once", func(t *testing.T) { f.concurrent(t, shared, want) })
			t.Run("changed and changed back", func(t *testing.T) { f.changedBack(t, shared, want) })
			t.Run("hostile names", func(t *testing.T) { f.hostileNames(t, shared, want) })
		})
	})
	t.Run("password never shown", func(t *testing.T) { f.passwordHidden(t, shared) })
	t.Logf("fault suite: %.0fs", time.Since(start).Seconds())
}

func (f *faultSuite) write(name, text string) {
	f.t.Helper()
	if err := os.WriteFile(filepath.Join(f.dir, name), []byte(text), 0o644); err != nil {
		f.t.Fatal(err)
	}
}

// command prepares a run of the binary against tg, with a clean
// environment (no config file, no developer settings).
func (f *faultSuite) command(tg target, env []string, args ...string) *exec.Cmd {
	f.addSecret(tg.password)
	cmd := exec.Command(f.bin, args...)
	cmd.Dir = f.home
	cmd.Env = append([]string{"PATH=" + os.Getenv("PATH"), "HOME=" + f.home, "XDG_CONFIG_HOME=" + f.home,
		"NEO4J_URI=" + tg.uri, "NEO4J_USERNAME=" + tg.user, "NEO4J_PASSWORD=" + tg.password}, env...)
	return cmd
}

// finish waits for cmd and returns its exit code, stdout and stderr, which
// go to the transcript too.
func (f *faultSuite) finish(t *testing.T, cmd *exec.Cmd, out, errb *bytes.Buffer) (int, string, string) {
	t.Helper()
	err := cmd.Wait()
	f.mu.Lock()
	fmt.Fprintf(&f.transcript, "$ %s\n%s%s", strings.Join(cmd.Args, " "), out, errb)
	f.mu.Unlock()
	if err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatalf("%v: %v", cmd.Args, err)
		}
	}
	return cmd.ProcessState.ExitCode(), out.String(), errb.String()
}

// run runs newsgraph to the end.
func (f *faultSuite) run(t *testing.T, tg target, env []string, args ...string) (int, string, string) {
	t.Helper()
	cmd := f.command(tg, env, args...)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return f.finish(t, cmd, &out, &errb)
}

// load runs `load --json` on inputs and parses its summary.
func (f *faultSuite) load(t *testing.T, tg target, inputs ...string) (int, loadSummary, string) {
	t.Helper()
	code, out, errs := f.run(t, tg, nil, append([]string{"load", "--json", "--batch-size", faultBatch}, inputs...)...)
	var s loadSummary
	if code == ExitOK || code == ExitPartial {
		if err := json.Unmarshal([]byte(out), &s); err != nil {
			t.Fatalf("load --json: %v\n%s", err, out)
		}
	}
	return code, s, errs
}

func (f *faultSuite) snapshot(t *testing.T, tg target) []string {
	t.Helper()
	st := tg.open(t)
	defer st.Close(context.Background())
	return neo4jtest.Snapshot(t, st)
}

func (f *faultSuite) sameGraph(t *testing.T, tg target, want []string) {
	t.Helper()
	if d := neo4jtest.SnapshotDiff(want, f.snapshot(t, tg)); d != "" {
		t.Error(d)
	}
}

// loadUntilWritten starts a load of the input folder into an empty
// database and returns once Neo4j holds at least one batch of its
// articles (but not all of them).
func (f *faultSuite) loadUntilWritten(t *testing.T, tg target) (*exec.Cmd, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	tg.reset(t)
	st := tg.open(t)
	defer st.Close(context.Background())
	cmd := f.command(tg, nil, "load", "--batch-size", faultBatch, "--no-progress", f.dir)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	for {
		n, err := st.Count(context.Background(), `MATCH (a:Article) RETURN count(a)`, nil)
		if err != nil {
			t.Fatal(err)
		}
		if n > 0 {
			if n >= int64(len(f.files)) {
				t.Fatalf("the load wrote all %d articles before the fault: use more articles", n)
			}
			return cmd, &out, &errb
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// articles counts the Article nodes.
func (f *faultSuite) articles(t *testing.T, tg target) int64 {
	t.Helper()
	st := tg.open(t)
	defer st.Close(context.Background())
	n, err := st.Count(context.Background(), `MATCH (a:Article) RETURN count(a)`, nil)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func (f *faultSuite) neo4jKilled(t *testing.T, srv *neo4jtest.Server, want []string) {
	tg := target{srv.URI, srv.Username, srv.Password}
	cmd, out, errb := f.loadUntilWritten(t, tg)
	srv.Kill(t)
	code, _, errs := f.finish(t, cmd, out, errb)
	if code != ExitUnavailable || !strings.Contains(errs, "run the same command again to resume") {
		t.Fatalf("load with Neo4j killed: exit %d, want %d with the hint to run it again; stderr:\n%s", code, ExitUnavailable, errs)
	}
	srv.Start(t)
	if n := f.articles(t, tg); n == 0 || n >= int64(len(f.files)) {
		t.Errorf("%d articles survived the kill, want some but not all %d", n, len(f.files))
	}
	if code, sum, errs := f.load(t, tg, f.dir); code != ExitOK || sum.Written.New == 0 || sum.Written.Unchanged == 0 {
		t.Fatalf("load again: exit %d, %+v (want new and unchanged articles)\n%s", code, sum.Written, errs)
	}
	f.sameGraph(t, tg, want)
}

func (f *faultSuite) interrupted(t *testing.T, tg target, want []string) {
	cmd, out, errb := f.loadUntilWritten(t, tg)
	if err := cmd.Process.Signal(syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	code, _, errs := f.finish(t, cmd, out, errb)
	if code != ExitInterrupted || !strings.Contains(errs, "run the same command again to resume") {
		t.Fatalf("load interrupted: exit %d, want %d with the hint to run it again; stderr:\n%s", code, ExitInterrupted, errs)
	}
	if n := f.articles(t, tg); n == 0 || n >= int64(len(f.files)) {
		t.Errorf("%d articles written before the interrupt, want some but not all %d", n, len(f.files))
	}
	if code, sum, errs := f.load(t, tg, f.dir); code != ExitOK || sum.Written.New == 0 {
		t.Fatalf("load again: exit %d, %+v\n%s", code, sum.Written, errs)
	}
	f.sameGraph(t, tg, want)
}

// concurrent runs three loads of overlapping thirds of the files (each
// file in two of them) at once.
func (f *faultSuite) concurrent(t *testing.T, tg target, want []string) {
	tg.reset(t)
	n := len(f.files)
	parts := [][]string{
		slices.Concat(f.files[:n/3], f.files[n/3:2*n/3]),
		slices.Concat(f.files[n/3:2*n/3], f.files[2*n/3:]),
		slices.Concat(f.files[2*n/3:], f.files[:n/3]),
	}
	var wg sync.WaitGroup
	for i, files := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			code, out, errs := f.run(t, tg, nil, append([]string{"load", "--batch-size", faultBatch, "--workers", "1", "--no-progress"}, files...)...)
			if code != ExitOK {
				t.Errorf("load %d of 3: exit %d\n%s%s", i+1, code, out, errs)
			}
		}()
	}
	wg.Wait()
	f.sameGraph(t, tg, want)
}

// changedBack loads the folder, changes one article (other people, other
// events), loads, changes it back and loads again.
func (f *faultSuite) changedBack(t *testing.T, tg target, want []string) {
	tg.reset(t)
	if code, _, errs := f.load(t, tg, f.dir); code != ExitOK {
		t.Fatalf("load: exit %d\n%s", code, errs)
	}
	path := f.files[3]
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	other := synth.New(99, 50).Article(0).Text
	for _, step := range []struct {
		name, text string
		differs    bool
	}{{"changed", other, true}, {"changed back", string(orig), false}} {
		if err := os.WriteFile(path, []byte(step.text), 0o644); err != nil {
			t.Fatal(err)
		}
		code, sum, errs := f.load(t, tg, f.dir)
		if code != ExitOK || sum.Written.Changed != 1 || sum.Written.Unchanged != len(f.files)-1 {
			t.Fatalf("%s: exit %d, %+v, want 1 changed\n%s", step.name, code, sum.Written, errs)
		}
		d := neo4jtest.SnapshotDiff(want, f.snapshot(t, tg))
		if step.differs && d == "" {
			t.Fatalf("%s: the graph equals the clean load's: the change tests nothing", step.name)
		}
		if !step.differs && d != "" {
			t.Errorf("%s: %s", step.name, d)
		}
	}
}

// hostileNames passes names that hold quotes, backticks and Cypher to
// every command that takes a name: each answers (found or not found)
// without a Cypher error and changes nothing.
func (f *faultSuite) hostileNames(t *testing.T, tg target, want []string) {
	names := []string{
		`O'Brien`,
		`O'Brien' OR 1=1 //`,
		`D"Arcy"}) DETACH DELETE n //`,
		"`Person`) MATCH (n) DETACH DELETE n //",
		`\'; MATCH (n) DETACH DELETE n; //`,
		`$password`,
		`{name: 'x'}`,
	}
	for _, name := range names {
		for _, args := range [][]string{
			{"who-met", name},
			{"who-met", "--json", name},
			{"path", name, "Sean O'Brien"},
			{"path", "--json", "Anne D'Arcy", name},
			{"meetings", "--person", name},
			{"meetings", "--place", name},
			{"meetings", "--country", name},
			{"strikes", "--by", name},
			{"strikes", "--on", name},
			{"strikes", "--country", name},
			{"people", name},
			{"people", "--json", name},
			{"export", "--format", "json", "--person", name},
			{"query", "--cypher", "MATCH (p:Person) WHERE p.name = $n OR $n IN p.aliases RETURN p.name", "--param", "n=" + name},
		} {
			code, out, errs := f.run(t, tg, nil, args...)
			if code != ExitOK && code != ExitError {
				t.Errorf("%q: exit %d\n%s%s", args, code, out, errs)
			}
			if strings.Contains(errs, "Neo.ClientError") || strings.Contains(errs, "SyntaxError") || strings.Contains(errs, "Neo4jError") {
				t.Errorf("%q: a Cypher error:\n%s", args, errs)
			}
		}
	}
	// Found by the name with its apostrophe.
	for _, args := range [][]string{
		{"people", "O'Brien"},
		{"query", "--cypher", "MATCH (p:Person) WHERE $n IN p.aliases RETURN p.name", "--param", "n=D'Arcy"},
		{"export", "--format", "json", "--person", "Sean O'Brien"},
	} {
		code, out, errs := f.run(t, tg, nil, args...)
		if code != ExitOK || !strings.Contains(out, "O'Brien") && !strings.Contains(out, "D'Arcy") {
			t.Errorf("%q: exit %d, want the person\n%s%s", args, code, out, errs)
		}
	}
	f.sameGraph(t, tg, want)
}

// passwordHidden looks for the password in everything the suite printed,
// and in what `config show`, a debug log, refused credentials and an
// unreachable server print.
func (f *faultSuite) passwordHidden(t *testing.T, tg target) {
	cfg := filepath.Join(t.TempDir(), "newsgraph.yaml")
	if err := os.WriteFile(cfg, []byte("neo4j:\n  password: "+tg.password+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	wrong := "wrong-" + tg.password
	for _, c := range []struct {
		env  []string
		args []string
		code int
	}{
		{nil, []string{"config", "show"}, ExitOK},
		{nil, []string{"config", "show", "--json"}, ExitOK},
		{[]string{"NEO4J_PASSWORD="}, []string{"--config", cfg, "config", "show", "--json"}, ExitOK},
		{nil, []string{"--log-level", "debug", "status"}, ExitOK},
		{nil, []string{"--log-level", "debug", "--log-format", "json", "load", "--json", f.files[0]}, ExitOK},
		{[]string{"NEO4J_PASSWORD=" + wrong}, []string{"--log-level", "debug", "status"}, ExitUnavailable},
		{[]string{"NEO4J_PASSWORD=" + wrong}, []string{"load", f.files[0]}, ExitUnavailable},
		{nil, []string{"--neo4j-uri", "bolt://127.0.0.1:1", "--log-level", "debug", "who-met"}, ExitUnavailable},
	} {
		code, out, errs := f.run(t, tg, c.env, c.args...)
		if code != c.code {
			t.Errorf("%q: exit %d, want %d\n%s%s", c.args, code, c.code, out, errs)
		}
		if strings.Contains(out+errs, wrong) {
			t.Errorf("%q prints the wrong password it was given:\n%s%s", c.args, out, errs)
		}
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	for _, secret := range f.secrets {
		if i := bytes.Index(f.transcript.Bytes(), []byte(secret)); i >= 0 {
			s := f.transcript.String()
			t.Errorf("a password is printed:\n%s", s[max(0, i-300):min(len(s), i+100)])
		}
	}
	if f.transcript.Len() < 1000 {
		t.Errorf("the transcript holds %d bytes: the runs were not recorded", f.transcript.Len())
	}
}

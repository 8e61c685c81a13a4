package ingest_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// goldenArticle shows every field of an article, Text included.
type goldenArticle struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Source    string `json:"source,omitempty"`
	Path      string `json:"path"`
}

// TestGolden reads testdata/golden/in (one file of each kind, good and
// bad) and compares what comes out, in order, with
// testdata/golden/read.golden. Review the diff after -update.
func TestGolden(t *testing.T) {
	in := filepath.Join("testdata", "golden", "in")
	var out bytes.Buffer
	err := (&ingest.Reader{}).Read(context.Background(), []string{in},
		func(a newsgraph.Article) error {
			out.WriteString("article ")
			enc := json.NewEncoder(&out)
			enc.SetEscapeHTML(false)
			return enc.Encode(goldenArticle(a))
		},
		func(e *ingest.InputError) { fmt.Fprintf(&out, "reject  %s\n", filepath.ToSlash(e.Error())) })
	if err != nil {
		t.Fatal(err)
	}
	golden := filepath.Join("testdata", "golden", "read.golden")
	if *update {
		if err := os.WriteFile(golden, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got := out.String(); got != string(want) {
		t.Errorf("output differs from %s (run go test -update and review the diff):\ngot:\n%s", golden, got)
	}
}

// FuzzRead writes the input as a file of each kind (and passes it as
// stdin) and checks that reading never panics, that each input gives at
// least one article or one error, that every article has an ID and valid
// UTF-8 text, and that a second read gives the same result.
func FuzzRead(f *testing.F) {
	for _, s := range []string{
		"Title\nBody\n",
		"\uFEFF# Md\r\n\r\nText",
		`{"id": 1, "title": "t", "text": "x", "date": "2025-01-02"}`,
		"{\"text\": \"a\"}\n{\"text\": \"b\"}\n",
		`[{"text": "a"}, 1, {"title": "x"}]`,
		page,
		rss,
		atomFeed,
		"<html><meta charset=\"latin1\"><p>caf\xe9</p>",
		"\x00\x01\x02",
		"caf\xe9",
		"",
	} {
		f.Add([]byte(s))
	}
	exts := []string{".txt", ".md", ".json", ".jsonl", ".html", ".xml", ".dat"}
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		for _, ext := range exts {
			p := filepath.Join(dir, "f"+ext)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		paths := []string{"-"}
		for _, ext := range exts {
			paths = append(paths, filepath.Join(dir, "f"+ext))
		}
		for _, p := range paths {
			first := fuzzRead(t, p, data)
			if second := fuzzRead(t, p, data); first != second {
				t.Fatalf("%s: two reads differ:\n%s\n---\n%s", p, first, second)
			}
		}
	})
}

// fuzzRead reads one path and checks the invariants; it returns a summary.
func fuzzRead(t *testing.T, p string, data []byte) string {
	r := &ingest.Reader{Stdin: bytes.NewReader(data)}
	var sum strings.Builder
	n := 0
	err := r.Read(context.Background(), []string{p},
		func(a newsgraph.Article) error {
			n++
			if a.ID == "" {
				t.Errorf("%s: article without an ID", p)
			}
			if !utf8.ValidString(a.Text) || !utf8.ValidString(a.Title) {
				t.Errorf("%s: article %q text or title is not valid UTF-8", p, a.ID)
			}
			if strings.TrimSpace(a.Text) == "" {
				t.Errorf("%s: article %q has no text", p, a.ID)
			}
			fmt.Fprintf(&sum, "%q %q %q %q\n", a.ID, a.Title, a.Text, a.Published)
			return nil
		},
		func(e *ingest.InputError) {
			n++
			want := p
			if p == "-" {
				want = "stdin"
			}
			if e.Path != want || e.Err == nil || e.Err.Error() == "" {
				t.Errorf("%s: bad InputError %#v", p, e)
			}
			fmt.Fprintf(&sum, "error %s\n", e)
		})
	if err != nil {
		t.Fatalf("%s: fatal error %v", p, err)
	}
	if n == 0 {
		t.Errorf("%s: neither an article nor an error", p)
	}
	return sum.String()
}

// BenchmarkReadFolder reads a folder tree of 2,000 small text articles.
func BenchmarkReadFolder(b *testing.B) {
	dir := b.TempDir()
	body := strings.Repeat("US Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday. ", 30)
	var total int64
	for i := range 2000 {
		name := fmt.Sprintf("%02d/%04d.txt", i%20, i)
		content := fmt.Sprintf("Article %d\n\n%s", i, body)
		write(b, dir, name, content)
		total += int64(len(content))
	}
	b.SetBytes(total)
	r := &ingest.Reader{}
	for b.Loop() {
		n := 0
		err := r.Read(context.Background(), []string{dir}, func(newsgraph.Article) error { n++; return nil }, nil)
		if err != nil || n != 2000 {
			b.Fatalf("read %d articles, error %v", n, err)
		}
	}
}

// BenchmarkReadJSONL reads one JSON Lines file of 2,000 articles.
func BenchmarkReadJSONL(b *testing.B) {
	dir := b.TempDir()
	body := strings.Repeat("US Secretary of State Marco Rubio met French President Emmanuel Macron in Paris on Thursday. ", 30)
	var buf bytes.Buffer
	for i := range 2000 {
		line, _ := json.Marshal(map[string]string{"id": fmt.Sprint(i), "title": "Title", "text": body, "published": "2025-03-01T10:00:00Z"})
		buf.Write(line)
		buf.WriteByte('\n')
	}
	p := write(b, dir, "a.jsonl", buf.String())
	b.SetBytes(int64(buf.Len()))
	r := &ingest.Reader{}
	for b.Loop() {
		n := 0
		err := r.Read(context.Background(), []string{p}, func(newsgraph.Article) error { n++; return nil }, nil)
		if err != nil || n != 2000 {
			b.Fatalf("read %d articles, error %v", n, err)
		}
	}
}

// BenchmarkReadHTML reads one news page through readability.
func BenchmarkReadHTML(b *testing.B) {
	p := filepath.Join("testdata", "golden", "in", "page.html")
	fi, err := os.Stat(p)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(fi.Size())
	r := &ingest.Reader{}
	for b.Loop() {
		if err := r.Read(context.Background(), []string{p}, func(newsgraph.Article) error { return nil }, nil); err != nil {
			b.Fatal(err)
		}
	}
}

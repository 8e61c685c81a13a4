package ingest_test

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

// write creates dir/name (and its folders) with content.
func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// read runs r.Read and collects what it gives.
func read(t testing.TB, r *ingest.Reader, paths ...string) ([]newsgraph.Article, []*ingest.InputError) {
	t.Helper()
	var arts []newsgraph.Article
	var errs []*ingest.InputError
	err := r.Read(context.Background(), paths,
		func(a newsgraph.Article) error { arts = append(arts, a); return nil },
		func(e *ingest.InputError) { errs = append(errs, e) })
	if err != nil {
		t.Fatalf("Read: fatal error %v", err)
	}
	return arts, errs
}

func ids(arts []newsgraph.Article) string {
	var s []string
	for _, a := range arts {
		s = append(s, a.ID)
	}
	return strings.Join(s, " ")
}

func messages(errs []*ingest.InputError) string {
	var s []string
	for _, e := range errs {
		s = append(s, e.Error())
	}
	return strings.Join(s, "\n")
}

func TestTextFiles(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                newsgraph.Article
	}{
		{"plain", "017.txt", "Rubio meets Macron\n\nPARIS — Marco Rubio met...\n",
			newsgraph.Article{ID: "017", Title: "Rubio meets Macron", Text: "Rubio meets Macron\n\nPARIS — Marco Rubio met...\n"}},
		{"leading blank lines", "a.txt", "\n  \n  Title here  \nbody",
			newsgraph.Article{ID: "a", Title: "Title here", Text: "\n  \n  Title here  \nbody"}},
		{"CRLF kept", "crlf.txt", "Title\r\n\r\nBody line\r\n",
			newsgraph.Article{ID: "crlf", Title: "Title", Text: "Title\r\n\r\nBody line\r\n"}},
		{"BOM removed", "bom.txt", "\uFEFFTitle\nBody",
			newsgraph.Article{ID: "bom", Title: "Title", Text: "Title\nBody"}},
		{"no extension", "README", "Just text\nmore",
			newsgraph.Article{ID: "README", Title: "Just text", Text: "Just text\nmore"}},
		{"text extension", "b.text", "Zelensky in Kyiv",
			newsgraph.Article{ID: "b", Title: "Zelensky in Kyiv", Text: "Zelensky in Kyiv"}},
		{"dots in name", "2025.03.01.txt", "T\nx",
			newsgraph.Article{ID: "2025.03.01", Title: "T", Text: "T\nx"}},
		{"markdown heading", "m.md", "## Talks in Paris ##\n\nText.",
			newsgraph.Article{ID: "m", Title: "Talks in Paris", Text: "## Talks in Paris ##\n\nText."}},
		{"markdown front matter", "f.markdown", "---\nlayout: post\n---\n# Real title\nText",
			newsgraph.Article{ID: "f", Title: "Real title", Text: "---\nlayout: post\n---\n# Real title\nText"}},
		{"hash in txt is kept", "h.txt", "# not markdown\n",
			newsgraph.Article{ID: "h", Title: "# not markdown", Text: "# not markdown\n"}},
		{"non-ASCII", "ü.txt", "Žižek und Müller\n",
			newsgraph.Article{ID: "ü", Title: "Žižek und Müller", Text: "Žižek und Müller\n"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, tt.content)
			arts, errs := read(t, &ingest.Reader{}, p)
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors:\n%s", len(arts), messages(errs))
			}
			tt.want.Path = p
			if arts[0] != tt.want {
				t.Errorf("got  %+q\nwant %+q", arts[0], tt.want)
			}
		})
	}
}

func TestJSON(t *testing.T) {
	tests := []struct {
		name, file, content string
		want                []newsgraph.Article // Path is filled in
		wantErrs            []string            // substrings of the error messages, in order
	}{
		{name: "object", file: "a.json",
			content: `{"id": "x1", "title": "Talks", "text": "Rubio met Macron.", "url": "https://e.com/1", "published": "2025-03-01T10:00:00Z", "source": "Wire"}`,
			want:    []newsgraph.Article{{ID: "x1", Title: "Talks", Text: "Talks\n\nRubio met Macron.", URL: "https://e.com/1", Published: "2025-03-01", Source: "Wire"}}},
		{name: "object without id uses the file stem", file: "b.json",
			content: `{"body": "Just a body."}`,
			want:    []newsgraph.Article{{ID: "b", Title: "Just a body.", Text: "Just a body."}}},
		{name: "field names in any case, NewsAPI source", file: "c.json",
			content: `{"Title": "T", "Content": "C", "Link": "https://e.com/c", "pubDate": "Sat, 01 Mar 2025 10:00:00 GMT", "source": {"id": null, "name": "BBC"}}`,
			want:    []newsgraph.Article{{ID: "https://e.com/c", Title: "T", Text: "T\n\nC", URL: "https://e.com/c", Published: "2025-03-01", Source: "BBC"}}},
		{name: "numeric id, body starting with the title", file: "d.json",
			content: `{"id": 42, "title": "Headline", "text": "Headline\nand more", "date": "March 1, 2025"}`,
			want:    []newsgraph.Article{{ID: "42", Title: "Headline", Text: "Headline\nand more", Published: "2025-03-01"}}},
		{name: "unknown date is empty", file: "e.json",
			content: `{"text": "x", "date": "yesterday"}`,
			want:    []newsgraph.Article{{ID: "e", Title: "x", Text: "x"}}},
		{name: "array: bad items rejected alone", file: "arr.json",
			content: `[{"text": "one"}, {"title": "no text"}, "str", {"id": "four", "text": "four"}, {"url": "u5", "text": "five"}]`,
			want: []newsgraph.Article{
				{ID: "arr-1", Title: "one", Text: "one"},
				{ID: "four", Title: "four", Text: "four"},
				{ID: "u5", Title: "five", Text: "five", URL: "u5"}},
			wantErrs: []string{"arr.json: item 2: no article text", "arr.json: item 3: not a JSON object (found a string)"}},
		{name: "empty array", file: "empty.json", content: "[]",
			wantErrs: []string{"empty.json: empty JSON array"}},
		{name: "malformed", file: "bad.json", content: "{\n  \"text\": \"a\",\n  \"title\": }\n",
			wantErrs: []string{"bad.json: not valid JSON at line 3, column 12: invalid character '}' looking for beginning of value"}},
		{name: "truncated", file: "cut.json", content: "[{\"text\": \"a\"},\n {\"text\": ",
			wantErrs: []string{"cut.json: not valid JSON at line 2, column 10: unexpected end of input"}},
		{name: "scalar", file: "num.json", content: "42",
			wantErrs: []string{"num.json: JSON is neither an object nor an array"}},
		{name: "jsonl", file: "f.jsonl",
			content: "{\"id\": \"a\", \"text\": \"A\"}\r\n\n{\"text\": \"B\"}\n{\"text\": \"C\"\n[1]\n{\"title\": \"T\", \"text\": \"\"}\n{\"text\": \"D\"}",
			want: []newsgraph.Article{
				{ID: "a", Title: "A", Text: "A"},
				{ID: "f-3", Title: "B", Text: "B"},
				{ID: "f-7", Title: "D", Text: "D"}},
			wantErrs: []string{"f.jsonl: line 4: not valid JSON at column 13: unexpected end of input",
				"f.jsonl: line 5: not a JSON object (found an array)",
				"f.jsonl: line 6: no article text"}},
		{name: "ndjson with broken UTF-8 on one line", file: "g.ndjson",
			content:  "{\"text\": \"ok\"}\n{\"text\": \"caf\xe9\"}\n",
			want:     []newsgraph.Article{{ID: "g-1", Title: "ok", Text: "ok"}},
			wantErrs: []string{"g.ndjson: line 2: not valid UTF-8 at byte offset 28 (byte 0xE9)"}},
		{name: "jsonl named .json", file: "h.json",
			content: "{\"text\": \"A\"}\n{\"text\": \"B\"}\n",
			want:    []newsgraph.Article{{ID: "h-1", Title: "A", Text: "A"}, {ID: "h-2", Title: "B", Text: "B"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), tt.file, tt.content)
			arts, errs := read(t, &ingest.Reader{}, p)
			if len(arts) != len(tt.want) {
				t.Fatalf("got %d articles (%s), want %d; errors:\n%s", len(arts), ids(arts), len(tt.want), messages(errs))
			}
			for i := range arts {
				tt.want[i].Path = p
				if arts[i] != tt.want[i] {
					t.Errorf("article %d:\ngot  %+q\nwant %+q", i, arts[i], tt.want[i])
				}
			}
			checkErrs(t, errs, tt.wantErrs, filepath.Dir(p))
		})
	}
}

// checkErrs compares error messages (with dir+"/" removed) with the wanted
// prefixes.
func checkErrs(t *testing.T, errs []*ingest.InputError, want []string, dir string) {
	t.Helper()
	if len(errs) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(errs), len(want), messages(errs))
	}
	for i, e := range errs {
		msg := strings.TrimPrefix(e.Error(), dir+string(filepath.Separator))
		if !strings.HasPrefix(msg, want[i]) {
			t.Errorf("error %d:\ngot  %s\nwant %s…", i, msg, want[i])
		}
	}
}

const page = `<!DOCTYPE html>
<html><head>
<title>Rubio meets Macron | Example News</title>
<meta property="og:title" content="Rubio meets Macron in Paris">
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2025-04-17T09:30:00+02:00">
<link rel="canonical" href="https://news.example.com/2025/04/rubio-macron">
<style>p { color: red }</style>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Rubio meets Macron in Paris</h1>
<p>PARIS — US Secretary of State Marco Rubio met French President Emmanuel Macron at the Elysee Palace on Thursday, the two governments said, in talks on the war in Ukraine that also included envoy Steve Witkoff.</p>
<p>Rubio travelled to Paris with Witkoff and Keith Kellogg. The French president later spoke with Ukrainian President Volodymyr Zelensky by phone, his office said in a statement.</p>
<p>The talks were the first high-level meeting between the two sides on Ukraine since the new administration took office, officials said.</p>
</article>
<footer>© Example News. <script>track()</script></footer>
</body></html>`

func TestHTML(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "page.html", page)
	arts, errs := read(t, &ingest.Reader{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors:\n%s", len(arts), messages(errs))
	}
	a := arts[0]
	want := newsgraph.Article{ID: "page", Title: "Rubio meets Macron in Paris", URL: "https://news.example.com/2025/04/rubio-macron",
		Published: "2025-04-17", Source: "Example News", Path: p}
	got := a
	got.Text = ""
	if got != want {
		t.Errorf("got  %+q\nwant %+q", got, want)
	}
	if !strings.HasPrefix(a.Text, "Rubio meets Macron in Paris\n\n") {
		t.Errorf("text does not start with the title: %q", a.Text)
	}
	for _, s := range []string{"Marco Rubio met French President Emmanuel Macron", "Keith Kellogg.", "since the new administration"} {
		if !strings.Contains(a.Text, s) {
			t.Errorf("text lacks %q: %q", s, a.Text)
		}
	}
	for _, s := range []string{"<p>", "color: red", "track()", "Home"} {
		if strings.Contains(a.Text, s) {
			t.Errorf("text contains %q: %q", s, a.Text)
		}
	}
}

func TestHTMLSmall(t *testing.T) {
	tests := []struct {
		name, content string
		title, text   string
		published     string
		err           string
	}{
		{name: "short page falls back to the body text",
			content: `<html><head><title>Short</title><meta name="date" content="2 Jan 2024"></head><body><p>Only one line.</p></body></html>`,
			title:   "Short", text: "Short\n\nOnly one line.", published: "2024-01-02"},
		{name: "declared Latin-1 is decoded",
			content: "<html><head><meta charset=\"iso-8859-1\"><title>Caf\xe9</title></head><body><p>Caf\xe9 cr\xe8me in K\xf6ln.</p></body></html>",
			title:   "Café", text: "Café\n\nCafé crème in Köln."},
		{name: "undeclared Latin-1 is rejected",
			content: "<html><body><p>Caf\xe9</p></body></html>",
			err:     "not valid UTF-8 at byte offset 18 (byte 0xE9)"},
		{name: "no text", content: "<html><head><title></title></head><body><img src=x><script>x()</script></body></html>",
			err: "no article text found in the HTML page"},
		{name: "markup soup without text", content: "<div><span></div></span></p><br>",
			err: "no article text found in the HTML page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := write(t, t.TempDir(), "p.htm", tt.content)
			arts, errs := read(t, &ingest.Reader{}, p)
			if tt.err != "" {
				if len(arts) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), tt.err) {
					t.Fatalf("got %d articles, errors %q; want the error %q", len(arts), messages(errs), tt.err)
				}
				if errs[0].Path != p {
					t.Errorf("error path %q, want %q", errs[0].Path, p)
				}
				return
			}
			if len(errs) > 0 || len(arts) != 1 {
				t.Fatalf("got %d articles, errors:\n%s", len(arts), messages(errs))
			}
			if a := arts[0]; a.Title != tt.title || a.Text != tt.text || a.Published != tt.published {
				t.Errorf("got title %q text %q published %q, want %q %q %q", a.Title, a.Text, a.Published, tt.title, tt.text, tt.published)
			}
		})
	}
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>World News</title><link>https://e.com</link><description>d</description>
<item>
  <title>Strike on Dnipro</title>
  <link>https://e.com/1</link>
  <guid isPermaLink="false">tag:e.com,2025:1</guid>
  <pubDate>Tue, 15 Apr 2025 08:00:00 +0300</pubDate>
  <description><![CDATA[<p>A Russian <b>drone</b> strike on Dnipro killed 3 people.</p><p>Officials said&nbsp;more.</p>]]></description>
</item>
<item>
  <title>Talks in Paris</title>
  <link>https://e.com/2</link>
  <pubDate>Wed, 16 Apr 2025 23:30:00 -0500</pubDate>
  <description>Rubio met Macron &amp; Witkoff.</description>
</item>
<item>
  <description>Body only</description>
</item>
<item><link>https://e.com/empty</link></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Atom News</title>
  <id>urn:feed</id><updated>2025-04-01T00:00:00Z</updated>
  <entry>
    <title>Entry one</title>
    <id>urn:uuid:1</id>
    <link href="https://e.com/a1"/>
    <published>2025-04-01T12:00:00Z</published>
    <content type="html">&lt;p&gt;Zelensky met Starmer in London.&lt;/p&gt;</content>
  </entry>
</feed>`

func TestFeeds(t *testing.T) {
	dir := t.TempDir()
	p := write(t, dir, "world.rss", rss)
	arts, errs := read(t, &ingest.Reader{}, p)
	want := []newsgraph.Article{
		{ID: "tag:e.com,2025:1", Title: "Strike on Dnipro", URL: "https://e.com/1", Published: "2025-04-15", Source: "World News",
			Text: "Strike on Dnipro\n\nA Russian drone strike on Dnipro killed 3 people.\n\nOfficials said\u00a0more."},
		{ID: "https://e.com/2", Title: "Talks in Paris", URL: "https://e.com/2", Published: "2025-04-16", Source: "World News",
			Text: "Talks in Paris\n\nRubio met Macron & Witkoff."},
		{ID: "world-3", Text: "Body only", Source: "World News"},
	}
	if len(arts) != len(want) {
		t.Fatalf("got %d articles (%s), want %d", len(arts), ids(arts), len(want))
	}
	for i := range want {
		want[i].Path = p
		if arts[i] != want[i] {
			t.Errorf("item %d:\ngot  %+q\nwant %+q", i+1, arts[i], want[i])
		}
	}
	checkErrs(t, errs, []string{"world.rss: item 4: no article text"}, dir)

	p = write(t, dir, "a.atom", atomFeed)
	arts, errs = read(t, &ingest.Reader{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("atom: got %d articles, errors:\n%s", len(arts), messages(errs))
	}
	wantAtom := newsgraph.Article{ID: "urn:uuid:1", Title: "Entry one", Text: "Entry one\n\nZelensky met Starmer in London.",
		URL: "https://e.com/a1", Published: "2025-04-01", Source: "Atom News", Path: p}
	if arts[0] != wantAtom {
		t.Errorf("atom:\ngot  %+q\nwant %+q", arts[0], wantAtom)
	}
}

func TestFeedCharset(t *testing.T) {
	feed := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<rss version=\"2.0\"><channel><title>Le Monde</title>" +
		"<item><guid>g1</guid><title>Caf\xe9 \xe0 K\xf6ln</title><description>Macron \xe0 Berlin.</description></item></channel></rss>"
	dir := t.TempDir()
	p := write(t, dir, "lm.xml", feed)
	arts, errs := read(t, &ingest.Reader{}, p)
	if len(errs) > 0 || len(arts) != 1 {
		t.Fatalf("got %d articles, errors:\n%s", len(arts), messages(errs))
	}
	if a := arts[0]; a.Title != "Café à Köln" || a.Text != "Café à Köln\n\nMacron à Berlin." {
		t.Errorf("got %q %q", a.Title, a.Text)
	}
	// Without the declaration the same bytes are broken UTF-8.
	p = write(t, dir, "nodecl.xml", strings.Replace(feed, ` encoding="ISO-8859-1"`, "", 1))
	_, errs = read(t, &ingest.Reader{}, p)
	checkErrs(t, errs, []string{"nodecl.xml: not valid UTF-8 at byte offset"}, dir)
}

func TestFeedErrors(t *testing.T) {
	tests := []struct{ name, file, content, err string }{
		{"truncated", "a.xml", `<?xml version="1.0"?><rss version="2.0"><channel><title>x</title><item><title>y`, "a.xml: malformed feed: "},
		{"not a feed", "b.xml", `<?xml version="1.0"?><config><a>1</a></config>`, "b.xml: not an RSS, Atom or JSON feed"},
		{"no items", "c.rss", `<rss version="2.0"><channel><title>x</title></channel></rss>`, "c.rss: feed has no items"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tt.file, tt.content)
			arts, errs := read(t, &ingest.Reader{}, p)
			if len(arts) != 0 {
				t.Errorf("got %d articles", len(arts))
			}
			checkErrs(t, errs, []string{tt.err}, dir)
			if !errors.Is(errs[0], ingest.ErrMalformed) && !errors.Is(errs[0], ingest.ErrNoText) {
				t.Errorf("%v is neither ErrMalformed nor ErrNoText", errs[0])
			}
		})
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name, in string
		ids      string
		title    string
	}{
		{"text", "Title line\nbody\n", "stdin", "Title line"},
		{"json object", `{"title": "J", "text": "x"}`, "stdin", "J"},
		{"json lines", "{\"text\": \"a\"}\n{\"id\": \"q\", \"text\": \"b\"}\n", "stdin-1 q", "a"},
		{"json array", `[{"text": "a"}]`, "stdin-1", "a"},
		{"rss", rss, "tag:e.com,2025:1 https://e.com/2 stdin-3", "Strike on Dnipro"},
		{"atom", atomFeed, "urn:uuid:1", "Entry one"},
		{"html", page, "stdin", "Rubio meets Macron in Paris"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := &ingest.Reader{Stdin: strings.NewReader(tt.in)}
			arts, _ := read(t, r, "-")
			if got := ids(arts); got != tt.ids {
				t.Fatalf("ids %q, want %q", got, tt.ids)
			}
			if arts[0].Title != tt.title || arts[0].Path != "stdin" {
				t.Errorf("title %q path %q, want %q stdin", arts[0].Title, arts[0].Path, tt.title)
			}
		})
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "b.txt", "B\n")
	write(t, dir, "a.txt", "A\n")
	write(t, dir, "sub/z.md", "# Z\n")
	write(t, dir, "sub/deeper/y.txt", "Y\n")
	write(t, dir, "c.json", `[{"id": "c1", "text": "C1"}, {"id": "c2", "text": "C2"}]`)
	write(t, dir, ".hidden.txt", "H\n")
	write(t, dir, ".git/HEAD", "ref\n")
	write(t, dir, "photo.jpg", "\xff\xd8\xff\xe0 not text")
	write(t, dir, "page_files/app.js", "var x = 1;")
	write(t, dir, "notes.log", "Log file title\nsniffed as text")
	write(t, dir, "x.data", `{"id": "sniffed-json", "text": "j"}`)
	write(t, dir, "empty.txt", "")
	if err := os.Symlink(filepath.Join(dir, "sub"), filepath.Join(dir, "link-to-sub")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "a.txt"), filepath.Join(dir, "link-to-a.txt")); err != nil {
		t.Fatal(err)
	}

	arts, errs := read(t, &ingest.Reader{}, dir)
	if got, want := ids(arts), "a b c1 c2 link-to-a notes sub/deeper/y sub/z sniffed-json"; got != want {
		t.Errorf("ids %q\nwant %q", got, want)
	}
	checkErrs(t, errs, []string{"empty.txt: empty file"}, dir)

	// Twice the same order; explicit paths keep their order and an
	// explicitly named image is read (and rejected).
	again, _ := read(t, &ingest.Reader{}, dir)
	if ids(again) != ids(arts) {
		t.Errorf("second walk differs: %q", ids(again))
	}
	arts, errs = read(t, &ingest.Reader{}, filepath.Join(dir, "b.txt"), filepath.Join(dir, "sub"), filepath.Join(dir, "photo.jpg"))
	if got, want := ids(arts), "b deeper/y z"; got != want {
		t.Errorf("ids %q, want %q", got, want)
	}
	checkErrs(t, errs, []string{"photo.jpg: not an article: .jpg files are not read"}, dir)
}

// TestIdentity: a file's ID is its path inside the folder named on the
// command line, so files of the same name in different folders stay
// apart; two inputs of one run with the same ID are an error naming both.
func TestIdentity(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "archive/business/001.txt", "Business\n")
	write(t, dir, "archive/politics/001.txt", "Politics\n")
	write(t, dir, "archive/politics/002.txt", "Politics two\n")
	write(t, dir, "inbox/001.txt", "Inbox\n")
	write(t, dir, "inbox/copy/001.txt", "Business\n")
	write(t, dir, "dup.jsonl", "{\"id\": \"k\", \"text\": \"one\"}\n{\"id\": \"k\", \"text\": \"two\"}\n{\"id\": \"k\", \"text\": \"one\"}\n")

	arts, errs := read(t, &ingest.Reader{}, filepath.Join(dir, "archive"))
	if got, want := ids(arts), "business/001 politics/001 politics/002"; got != want {
		t.Errorf("folder: ids %q, want %q", got, want)
	}
	checkErrs(t, errs, nil, dir)
	for _, a := range arts {
		if want := filepath.Join(dir, "archive", filepath.FromSlash(a.ID)+".txt"); a.Path != want {
			t.Errorf("%s: path %q, want %q", a.ID, a.Path, want)
		}
	}

	// A file named directly keeps its bare name.
	arts, _ = read(t, &ingest.Reader{}, filepath.Join(dir, "archive", "politics", "002.txt"))
	if got := ids(arts); got != "002" {
		t.Errorf("file: ids %q, want 002", got)
	}

	// Two folders in one run, each with 001.txt: the second is rejected,
	// and its error names both files.
	arts, errs = read(t, &ingest.Reader{}, filepath.Join(dir, "archive", "politics"), filepath.Join(dir, "inbox"))
	if got, want := ids(arts), "001 002 copy/001"; got != want {
		t.Errorf("collision: ids %q, want %q", got, want)
	}
	if len(errs) != 1 || !errors.Is(errs[0], ingest.ErrDuplicateID) ||
		!strings.Contains(errs[0].Error(), filepath.Join("inbox", "001.txt")) ||
		!strings.Contains(errs[0].Error(), filepath.Join("politics", "001.txt")) {
		t.Errorf("collision: errors %v, want one ErrDuplicateID naming both files", errs)
	}
	if len(arts) > 0 && arts[0].Text != "Politics\n" {
		t.Errorf("collision: the first article read was replaced: %q", arts[0].Text)
	}

	// The same IDs in a JSON Lines file: a different text is rejected
	// (with its line), the very same article again is skipped.
	arts, errs = read(t, &ingest.Reader{}, filepath.Join(dir, "dup.jsonl"))
	if got := ids(arts); got != "k" {
		t.Errorf("jsonl: ids %q, want k", got)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "dup.jsonl: line 2: article id \"k\" was already read in this run from "+filepath.Join(dir, "dup.jsonl")+" (line 1)") {
		t.Errorf("jsonl: errors %v", errs)
	}

	// One Reader is one run: a second Read call still sees the first's IDs.
	r := &ingest.Reader{}
	read(t, r, filepath.Join(dir, "inbox", "001.txt"))
	arts, errs = read(t, r, filepath.Join(dir, "archive", "politics", "001.txt"))
	if len(arts) != 0 || len(errs) != 1 {
		t.Errorf("second call: %d articles, errors %v; want 0 and one", len(arts), errs)
	}
}

func TestBadInput(t *testing.T) {
	tests := []struct {
		name, file, content string
		kind                error
		msg                 string // the whole message after "<dir>/"
	}{
		{"empty", "empty.txt", "", ingest.ErrEmpty, "empty.txt: empty file"},
		{"white space", "space.md", " \n\t\r\n ", ingest.ErrEmpty, "space.md: empty file (only white space)"},
		{"empty json", "e.json", "\n", ingest.ErrEmpty, "e.json: empty file (only white space)"},
		{"NUL bytes", "nul.txt", "text\x00more", ingest.ErrBinary, "nul.txt: binary file (NUL byte at offset 4)"},
		{"control characters", "ctl.txt", strings.Repeat("\x01\x02\x03abcdefg", 50), ingest.ErrBinary, "ctl.txt: binary file (30% of the first 500 bytes are not text)"},
		{"PDF", "doc.txt", "%PDF-1.7\n...", ingest.ErrUnsupported, "doc.txt: binary file (PDF): convert it to text first (e.g. pdftotext)"},
		{"UTF-16", "u16.txt", "\xff\xfeT\x00i\x00", ingest.ErrUnsupported, "u16.txt: UTF-16 text is not supported: convert it to UTF-8 (e.g. iconv -f utf-16 -t utf-8)"},
		{"Latin-1", "latin1.txt", "Caf\xe9 in K\xf6ln\n", ingest.ErrEncoding,
			"latin1.txt: not valid UTF-8 at byte offset 3 (byte 0xE9): input must be UTF-8; Latin-1/Windows-1252 text is not supported, convert it (e.g. iconv -f windows-1252 -t utf-8)"},
		{"cut UTF-8 sequence", "cut.md", "Zelensk\xd1", ingest.ErrEncoding, "cut.md: not valid UTF-8 at byte offset 7 (byte 0xD1)"},
		{"malformed JSON", "m.json", `{"text": "a"`, ingest.ErrMalformed, "m.json: not valid JSON at column 13: unexpected end of input"},
		{"JSON without text", "t.json", `{"title": "only a title"}`, ingest.ErrNoText, `t.json: no article text: expected a non-empty "text", "body" or "content" field`},
		{"malformed feed", "f.rss", `<rss><channel><item><title>x</title></chan`, ingest.ErrMalformed, "f.rss: malformed feed: "},
		{"HTML without text", "h.html", `<html><body><div></div></body></html>`, ingest.ErrNoText, "h.html: no article text found in the HTML page"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			p := write(t, dir, tt.file, tt.content)
			good := write(t, dir, "zz-good.txt", "Good\n")
			// The bad file alone, then in a folder with a good file: one
			// error each time, and the good file is still read.
			for _, paths := range [][]string{{p, good}, {dir}} {
				arts, errs := read(t, &ingest.Reader{}, paths...)
				if ids(arts) != "zz-good" {
					t.Errorf("articles %q, want only zz-good", ids(arts))
				}
				if len(errs) != 1 {
					t.Fatalf("got %d errors, want 1:\n%s", len(errs), messages(errs))
				}
				e := errs[0]
				if e.Path != p {
					t.Errorf("error path %q, want %q", e.Path, p)
				}
				msg := strings.TrimPrefix(e.Error(), dir+string(filepath.Separator))
				if !strings.HasPrefix(msg, tt.msg) {
					t.Errorf("message\ngot  %s\nwant %s", msg, tt.msg)
				}
				if !errors.Is(e, tt.kind) {
					t.Errorf("%v is not %v", e, tt.kind)
				}
			}
		})
	}
}

func TestTooLarge(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.txt")
	f, err := os.Create(big)
	if err != nil {
		t.Fatal(err)
	}
	// 50 MB of text, written in chunks.
	chunk := []byte(strings.Repeat("All work and no play makes a dull article.\n", 1000))
	for n := 0; n < 50<<20; n += len(chunk) {
		if _, err := f.Write(chunk); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	fi, _ := os.Stat(big)
	good := write(t, dir, "good.txt", "Good\n")

	arts, errs := read(t, &ingest.Reader{}, big, good)
	if ids(arts) != "good" || len(errs) != 1 {
		t.Fatalf("got %q and errors:\n%s", ids(arts), messages(errs))
	}
	want := "big.txt: file too large: " + strconv.FormatInt(fi.Size(), 10) + " bytes (50.0 MiB), the limit is 20971520 bytes (20.0 MiB): split it or raise the size limit"
	if msg := strings.TrimPrefix(errs[0].Error(), dir+"/"); msg != want || !errors.Is(errs[0], ingest.ErrTooLarge) {
		t.Errorf("got  %s\nwant %s", msg, want)
	}

	// A smaller limit applies too; stdin has no size to stat and is cut
	// while read.
	r := &ingest.Reader{MaxBytes: 4, Stdin: strings.NewReader("12345")}
	small := write(t, dir, "small.txt", "ok")
	arts, errs = read(t, r, small, "-")
	if len(arts) != 1 || len(errs) != 1 || errs[0].Error() != "stdin: input too large: more than 4 bytes, the limit is 4 B: split it or raise the size limit" {
		t.Errorf("got %q and errors:\n%s", ids(arts), messages(errs))
	}
	r = &ingest.Reader{MaxBytes: 5, Stdin: strings.NewReader("12345")}
	if arts, errs = read(t, r, "-"); len(arts) != 1 || len(errs) != 0 {
		t.Errorf("exactly the limit: got %q and errors:\n%s", ids(arts), messages(errs))
	}
}

func TestFileSystemErrors(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.txt", "Good\n")
	missing := filepath.Join(dir, "missing.txt")
	arts, errs := read(t, &ingest.Reader{}, missing, good)
	if ids(arts) != "good" || len(errs) != 1 {
		t.Fatalf("got %q and errors:\n%s", ids(arts), messages(errs))
	}
	if got, want := errs[0].Error(), missing+": no such file or folder"; got != want || !errors.Is(errs[0], fs.ErrNotExist) {
		t.Errorf("got %q, want %q (and fs.ErrNotExist)", got, want)
	}

	locked := write(t, dir, "locked.txt", "secret\n")
	lockedDir := filepath.Join(dir, "locked")
	write(t, lockedDir, "in.txt", "In\n")
	for _, p := range []string{locked, lockedDir} {
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() { os.Chmod(lockedDir, 0o755) })
	if f, err := os.Open(locked); err == nil {
		f.Close()
		t.Skip("running with privileges that ignore file permissions")
	}
	arts, errs = read(t, &ingest.Reader{}, locked, lockedDir, good)
	if ids(arts) != "good" || len(errs) != 2 {
		t.Fatalf("got %q and errors:\n%s", ids(arts), messages(errs))
	}
	for i, p := range []string{locked, lockedDir} {
		if got, want := errs[i].Error(), p+": cannot read: permission denied"; got != want || !errors.Is(errs[i], fs.ErrPermission) {
			t.Errorf("got %q, want %q (and fs.ErrPermission)", got, want)
		}
	}
}

func TestFatalErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "a.txt", "A")
	write(t, dir, "b.txt", "B")

	stop := errors.New("stop")
	n := 0
	err := (&ingest.Reader{}).Read(context.Background(), []string{dir}, func(newsgraph.Article) error {
		n++
		return stop
	}, nil)
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("emit error: got %v after %d articles, want stop after 1", err, n)
	}

	ctx, cancel := context.WithCancel(context.Background())
	n = 0
	err = (&ingest.Reader{}).Read(ctx, []string{dir}, func(newsgraph.Article) error {
		n++
		cancel()
		return nil
	}, nil)
	if !errors.Is(err, context.Canceled) || n != 1 {
		t.Errorf("cancelled: got %v after %d articles, want context.Canceled after 1", err, n)
	}
}

func TestJSONLinesStreamed(t *testing.T) {
	dir := t.TempDir()
	var first, second strings.Builder
	for i := range 100 {
		b := &first
		if i >= 50 {
			b = &second
		}
		b.WriteString(`{"id": "a` + strconv.Itoa(i) + `", "text": "some text for the article"}` + "\n")
	}
	lines := first.String() + second.String()
	long := `{"id": "long", "text": "` + strings.Repeat("x", 200) + `"}` + "\n"

	// A JSON Lines file far larger than MaxBytes is read line by line;
	// only a line longer than MaxBytes is rejected.
	p := write(t, dir, "big.jsonl", first.String()+long+second.String())
	r := &ingest.Reader{MaxBytes: 100}
	arts, errs := read(t, r, p)
	if len(arts) != 100 || arts[0].ID != "a0" || arts[99].ID != "a99" {
		t.Errorf("got %d articles (%s), want a0…a99", len(arts), ids(arts))
	}
	checkErrs(t, errs, []string{"big.jsonl: line 51: line too long: more than 100 bytes (100 B)"}, dir)

	// The same through stdin, and a BOM is dropped.
	r = &ingest.Reader{MaxBytes: 100, Stdin: strings.NewReader("\uFEFF" + lines + long)}
	arts, errs = read(t, r, "-")
	if len(arts) != 100 || arts[0].ID != "a0" || len(errs) != 1 || errs[0].Error() != "stdin: line 101: line too long: more than 100 bytes (100 B)" {
		t.Errorf("stdin: got %d articles, errors:\n%s", len(arts), messages(errs))
	}

	// A .json file over the limit says how to get it read.
	p = write(t, dir, "big.json", "["+strings.Repeat(`{"text": "x"},`, 20)+`{"text": "x"}]`)
	_, errs = read(t, r, p)
	checkErrs(t, errs, []string{"big.json: file too large: 295 bytes (295 B), the limit is 100 bytes (100 B): split it or raise the size limit, or write it as JSON Lines (.jsonl)"}, dir)
}

func TestJSONLinesGiveUp(t *testing.T) {
	dir := t.TempDir()
	// A text file named .jsonl: one error, not one per line.
	p := write(t, dir, "prose.jsonl", strings.Repeat("This is not JSON at all.\n", 500))
	arts, errs := read(t, &ingest.Reader{}, p)
	if len(arts) != 0 || len(errs) != 21 {
		t.Fatalf("got %d articles and %d errors, want 0 and 20 lines + 1", len(arts), len(errs))
	}
	if got, want := errs[20].Error(), p+": not JSON Lines: the first 20 lines are all rejected, stopped reading"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	// Lines without text do not count: they are valid JSON Lines.
	p = write(t, dir, "notext.jsonl", strings.Repeat(`{"title": "t"}`+"\n", 30)+`{"text": "x"}`+"\n")
	arts, errs = read(t, &ingest.Reader{}, p)
	if len(arts) != 1 || len(errs) != 30 {
		t.Errorf("got %d articles and %d errors, want 1 and 30", len(arts), len(errs))
	}
	// Binary data named .jsonl is rejected once.
	p = write(t, dir, "bin.jsonl", "{\"text\": \"a\"}\n\x00\x01\x02\x03")
	arts, errs = read(t, &ingest.Reader{}, p)
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], ingest.ErrBinary) {
		t.Errorf("got %d articles, errors:\n%s", len(arts), messages(errs))
	}
}

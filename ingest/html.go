package ingest

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"github.com/newsgraph/newsgraph"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// html reads an HTML page: the main text through readability, the title,
// date, URL and site from the page's metadata.
func (s source) html(data []byte) error {
	data, err := decodeHTML(data)
	if err != nil {
		s.reject("", err)
		return nil
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		s.reject("", &reason{kind: ErrMalformed, msg: "malformed HTML: " + err.Error(), err: err})
		return nil
	}
	meta := pageMeta(doc)
	var pageURL *url.URL
	if u, err := url.Parse(meta.url); err == nil && u.IsAbs() {
		pageURL = u
	}
	var body, title, site, published string
	art, err := guard(func() (readability.Article, error) { return readability.FromDocument(doc, pageURL) })
	if errors.Is(err, ErrMalformed) {
		s.reject("", err)
		return nil
	}
	if err == nil {
		if art.Node != nil {
			body = strings.TrimSpace(render.InnerText(art.Node))
		}
		title = strings.TrimSpace(art.Title())
		site = strings.TrimSpace(art.SiteName())
		if t, err := art.PublishedTime(); err == nil {
			published = t.Format("2006-01-02")
		}
	}
	if body == "" {
		// Readability found no main content (a short page): fall back to
		// the text of the whole body.
		if b := findElement(doc, atom.Body); b != nil {
			body = strings.TrimSpace(render.InnerText(b))
		}
	}
	if body == "" {
		s.reject("", because(ErrNoText, "no article text found in the HTML page"))
		return nil
	}
	if title == "" {
		title = meta.title
	}
	if site == "" {
		site = meta.site
	}
	if p := NormalizeDate(meta.published); p != "" {
		published = p
	}
	return s.w.emitArticle(newsgraph.Article{
		ID:        s.id,
		Title:     title,
		Text:      joinTitle(title, body),
		URL:       meta.url,
		Published: published,
		Source:    site,
		Path:      s.path,
	}, "")
}

// decodeHTML returns data as UTF-8: valid UTF-8 as is, otherwise decoded
// from the charset the page declares; a page that declares none is
// rejected.
func decodeHTML(data []byte) ([]byte, error) {
	if utf8.Valid(data) {
		return data, nil
	}
	label := declaredCharset(data)
	if label == "" {
		return nil, checkUTF8(data)
	}
	enc, name := charset.Lookup(label)
	if enc == nil {
		return nil, because(ErrEncoding, "not valid UTF-8 at byte offset %d, and the declared charset %q is unknown", invalidOffset(data), label)
	}
	if name == "utf-8" {
		return nil, checkUTF8(data)
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(data)))
	if err != nil {
		return nil, &reason{kind: ErrEncoding, msg: "cannot decode from " + name + ": " + err.Error(), err: err}
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
}

// declaredCharset finds <meta charset> or <meta http-equiv=Content-Type>
// in the first 4 KiB of the page.
func declaredCharset(data []byte) string {
	if len(data) > 4096 {
		data = data[:4096]
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			if string(name) != "meta" || !hasAttr {
				continue
			}
			var cs, equiv, content string
			for {
				k, v, more := z.TagAttr()
				switch strings.ToLower(string(k)) {
				case "charset":
					cs = string(v)
				case "http-equiv":
					equiv = strings.ToLower(string(v))
				case "content":
					content = string(v)
				}
				if !more {
					break
				}
			}
			if cs != "" {
				return strings.TrimSpace(cs)
			}
			if equiv == "content-type" {
				if _, after, ok := strings.Cut(strings.ToLower(content), "charset="); ok {
					return strings.Trim(strings.TrimSpace(after), `"';`)
				}
			}
		}
	}
}

type metadata struct {
	title, url, published, site string
}

// pageMeta reads the <title>, the canonical link and the meta tags that
// readability does not expose.
func pageMeta(doc *html.Node) metadata {
	var m metadata
	var ogURL string
	dates := map[string]string{}
	for n := range doc.Descendants() {
		if n.Type != html.ElementNode {
			continue
		}
		switch n.DataAtom {
		case atom.Title:
			if m.title == "" {
				m.title = strings.TrimSpace(render.InnerText(n))
			}
		case atom.Link:
			if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
				m.url = strings.TrimSpace(attr(n, "href"))
			}
		case atom.Meta:
			key := strings.ToLower(attr(n, "property"))
			if key == "" {
				key = strings.ToLower(attr(n, "name"))
			}
			if key == "" {
				key = strings.ToLower(attr(n, "itemprop"))
			}
			content := strings.TrimSpace(attr(n, "content"))
			switch key {
			case "og:url":
				ogURL = content
			case "og:site_name":
				m.site = content
			case "article:published_time", "date", "dc.date", "dc.date.issued", "dcterms.date",
				"dcterms.issued", "dcterms.created", "pubdate", "publishdate", "publish-date",
				"datepublished", "sailthru.date", "parsely-pub-date":
				if _, ok := dates[key]; !ok {
					dates[key] = content
				}
			}
		case atom.Time:
			if attr(n, "pubdate") != "" || strings.EqualFold(attr(n, "itemprop"), "datePublished") {
				if _, ok := dates["time"]; !ok {
					dates["time"] = attr(n, "datetime")
				}
			}
		}
	}
	if m.url == "" {
		m.url = ogURL
	}
	for _, k := range []string{"article:published_time", "datepublished", "date", "dc.date", "dc.date.issued",
		"dcterms.date", "dcterms.issued", "dcterms.created", "pubdate", "publishdate", "publish-date",
		"sailthru.date", "parsely-pub-date", "time"} {
		if NormalizeDate(dates[k]) != "" {
			m.published = dates[k]
			break
		}
	}
	return m
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	for d := range n.Descendants() {
		if d.Type == html.ElementNode && d.DataAtom == a {
			return d
		}
	}
	return nil
}

// fragmentText is the text of an HTML fragment (a feed item's content),
// or s itself when it has no markup.
func fragmentText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(s)
	}
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return strings.TrimSpace(s)
	}
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	for _, n := range nodes {
		if n.Type == html.ElementNode && (n.DataAtom == atom.Script || n.DataAtom == atom.Style) {
			continue
		}
		root.AppendChild(n)
	}
	return strings.TrimSpace(render.InnerText(root))
}

package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"github.com/newsgraph/newsgraph"
)

// feed reads an RSS, Atom, RDF or JSON feed: one article per item.
func (s source) feed(data []byte) error {
	f, err := guard(func() (*gofeed.Feed, error) { return gofeed.NewParser().Parse(bytes.NewReader(data)) })
	if err != nil {
		if errors.Is(err, ErrMalformed) {
			s.reject("", err)
		} else if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			s.reject("", &reason{kind: ErrMalformed, msg: "not an RSS, Atom or JSON feed: no <rss>, <feed> or <rdf:RDF> root element", err: err})
		} else {
			s.reject("", &reason{kind: ErrMalformed, msg: "malformed feed: " + err.Error(), err: err})
		}
		return nil
	}
	if len(f.Items) == 0 {
		s.reject("", because(ErrNoText, "feed has no items"))
		return nil
	}
	for i, it := range f.Items {
		if it == nil {
			continue
		}
		item := fmt.Sprintf("item %d", i+1)
		title := validText(it.Title)
		body := validText(it.Content)
		if body == "" {
			body = validText(it.Description)
		}
		if body == "" && title == "" {
			s.reject(item, because(ErrNoText, "no article text: the item has no title, content or description"))
			continue
		}
		a := newsgraph.Article{
			ID:        strings.TrimSpace(it.GUID),
			Title:     title,
			Text:      joinTitle(title, body),
			URL:       strings.TrimSpace(it.Link),
			Published: itemDate(it),
			Source:    strings.ToValidUTF8(strings.TrimSpace(f.Title), "\uFFFD"),
			Path:      s.path,
		}
		if a.ID == "" {
			a.ID = a.URL
		}
		if a.ID == "" {
			a.ID = fmt.Sprintf("%s-%d", s.id, i+1)
		}
		if err := s.w.emitArticle(a, fmt.Sprintf("item %d", i+1)); err != nil {
			return err
		}
	}
	return nil
}

// itemDate is the item's date as written (gofeed's parsed times are in
// UTC, which can move the day).
// validText is the plain text of a feed field (HTML converted), valid
// UTF-8 whatever the feed's charset decoding did.
func validText(s string) string {
	return strings.ToValidUTF8(fragmentText(s), "\uFFFD")
}

func itemDate(it *gofeed.Item) string {
	if d := NormalizeDate(it.Published); d != "" {
		return d
	}
	for _, t := range []*time.Time{it.PublishedParsed, it.UpdatedParsed} {
		if t != nil && !t.IsZero() {
			return t.Format("2006-01-02")
		}
	}
	if d := NormalizeDate(it.Updated); d != "" {
		return d
	}
	if it.DublinCoreExt != nil && len(it.DublinCoreExt.Date) > 0 {
		return NormalizeDate(it.DublinCoreExt.Date[0])
	}
	return ""
}

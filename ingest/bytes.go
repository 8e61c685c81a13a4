package ingest

import (
	"bytes"
	"context"

	"github.com/newsgraph/newsgraph"
)

// Format says how ReadBytes parses its input.
type Format int

const (
	// FormatSniff guesses the format from the content, as for a file
	// with an unknown extension.
	FormatSniff Format = iota
	// FormatFeed reads an RSS, Atom, RDF or JSON feed: one article per item.
	FormatFeed
	// FormatHTML reads an HTML page: one article.
	FormatHTML
)

// ReadBytes reads one input that is already in memory, such as a document
// fetched from the web, with the readers Read uses for files. name stands
// for the file name in articles (Path) and errors; id is the ID of a
// single article (an HTML page) and the prefix of numbered feed items that
// have no GUID or link. Input over MaxBytes is rejected. Like Read, it
// reports rejections to reject and returns only the context's error or
// the error emit returned.
func (r *Reader) ReadBytes(ctx context.Context, name, id string, f Format, data []byte, emit func(newsgraph.Article) error, reject func(*InputError)) error {
	w := walker{r: r, ctx: ctx, emit: emit, reject: reject}
	if w.reject == nil {
		w.reject = func(*InputError) {}
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	if n := int64(len(data)); n > r.maxBytes() {
		w.reject(&InputError{Path: name, Err: tooLarge(n, r.maxBytes(), kindSniff)})
		return nil
	}
	k := kindSniff
	switch f {
	case FormatFeed:
		k = kindFeed
	case FormatHTML:
		k = kindHTML
	}
	return w.parse(name, id, k, data)
}

// IsFeed reports whether data looks like an RSS, Atom or RDF feed (an XML
// document with such a root element) or a JSON Feed.
func IsFeed(data []byte) bool {
	return sniff(bytes.TrimPrefix(data, utf8BOM)) == kindFeed
}

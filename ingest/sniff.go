package ingest

import (
	"bytes"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

type kind int

const (
	kindSniff kind = iota
	kindText
	kindMarkdown
	kindJSON
	kindJSONL
	kindHTML
	kindFeed
)

func kindOf(p string) kind {
	switch strings.ToLower(filepath.Ext(p)) {
	case "", ".txt", ".text":
		return kindText
	case ".md", ".markdown", ".mdown", ".mkd":
		return kindMarkdown
	case ".json":
		return kindJSON
	case ".jsonl", ".ndjson", ".jsonlines":
		return kindJSONL
	case ".html", ".htm", ".xhtml", ".shtml":
		return kindHTML
	case ".xml", ".rss", ".atom", ".rdf":
		return kindFeed
	}
	return kindSniff
}

// notArticles are extensions of files that are obviously not articles;
// a folder walk skips them silently (a file named explicitly is still read,
// and rejected with a reason).
var notArticles = extSet(`
		.jpg .jpeg .png .gif .webp .bmp .tif .tiff .ico .svg .heic .avif .psd
		.zip .gz .tgz .bz2 .xz .zst .7z .rar .tar .lz .lz4 .br .jar .whl .deb .rpm .dmg .iso
		.mp3 .mp4 .m4a .m4v .wav .flac .ogg .oga .opus .avi .mov .mkv .webm .wmv .mpg .mpeg
		.woff .woff2 .ttf .otf .eot
		.exe .dll .so .dylib .o .a .bin .class .pyc .wasm
		.db .sqlite .sqlite3 .parquet .pkl .npy .npz .pt .onnx
		.css .js .mjs .map`)

func extSet(list string) map[string]bool {
	m := make(map[string]bool)
	for _, ext := range strings.Fields(list) {
		m[ext] = true
	}
	return m
}

func skipInFolder(p string) bool {
	return notArticles[strings.ToLower(filepath.Ext(p))]
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// checkBytes rejects input that is not text: empty, binary, UTF-16. It
// does not check UTF-8 validity (HTML may declare another charset, and
// JSON Lines are checked line by line).
func checkBytes(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		if len(data) == 0 {
			return because(ErrEmpty, "empty file")
		}
		return because(ErrEmpty, "empty file (only white space)")
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return because(ErrUnsupported, "UTF-16 text is not supported: convert it to UTF-8 (e.g. iconv -f utf-16 -t utf-8)")
	case bytes.HasPrefix(data, []byte("%PDF-")):
		return because(ErrUnsupported, "binary file (PDF): convert it to text first (e.g. pdftotext)")
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return because(ErrUnsupported, "binary file (zip archive, or a .docx/.odt document): extract or convert it to text first")
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return because(ErrBinary, "binary file (NUL byte at offset %d)", i)
	}
	// Look at the start: many control characters, or many bytes that are
	// neither ASCII nor UTF-8 along with some control characters, mean
	// binary. Latin-1 text has few invalid bytes and no controls, and is
	// reported as broken UTF-8 instead.
	head := data
	if len(head) > 8192 {
		head = head[:8192]
	}
	var ctrl, bad int
	for i := 0; i < len(head); {
		c := head[i]
		if c < utf8.RuneSelf {
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b) || c == 0x7f {
				ctrl++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(head[i:])
		if r == utf8.RuneError && n <= 1 {
			if len(head)-i < utf8.UTFMax && len(head) < len(data) {
				break // a rune cut at the end of the window
			}
			bad++
		}
		i += n
	}
	if ctrl*10 > len(head) || (ctrl*100 > len(head) && bad*10 > len(head)*3) {
		return because(ErrBinary, "binary file (%d%% of the first %d bytes are not text)", (ctrl+bad)*100/len(head), len(head))
	}
	return nil
}

// checkUTF8 reports the first byte that is not UTF-8.
func checkUTF8(data []byte) error { return checkUTF8At(data, 0) }

// checkUTF8At is checkUTF8 for a part of a file that starts at offset base.
func checkUTF8At(data []byte, base int) error {
	if utf8.Valid(data) {
		return nil
	}
	off := invalidOffset(data)
	return because(ErrEncoding, "not valid UTF-8 at byte offset %d (byte 0x%02X): input must be UTF-8; Latin-1/Windows-1252 text is not supported, convert it (e.g. iconv -f windows-1252 -t utf-8)", base+off, data[off])
}

func invalidOffset(data []byte) int {
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// sniff guesses the kind of data (BOM already removed).
func sniff(data []byte) kind {
	t := bytes.TrimLeft(data, " \t\r\n\f")
	if len(t) == 0 {
		return kindText
	}
	head := t
	if len(head) > 4096 {
		head = head[:4096]
	}
	switch t[0] {
	case '[':
		return kindJSON
	case '{':
		if bytes.Contains(head, []byte("jsonfeed.org/version")) {
			return kindFeed
		}
		return kindJSON // readJSON falls back to JSON Lines
	case '<':
		switch gofeed.DetectFeedType(bytes.NewReader(head)) {
		case gofeed.FeedTypeRSS, gofeed.FeedTypeAtom:
			return kindFeed
		}
		return kindHTML
	}
	return kindText
}

// parse turns the bytes of one input into articles.
func (w *walker) parse(path, id string, k kind, data []byte) error {
	if err := checkBytes(data); err != nil {
		w.reject(&InputError{Path: path, Err: err})
		return nil
	}
	data = bytes.TrimPrefix(data, utf8BOM)
	if k == kindSniff {
		k = sniff(data)
	}
	src := source{path: path, id: id, w: w}
	switch k {
	case kindJSONL:
		return src.jsonLines(data)
	case kindHTML:
		return src.html(data)
	case kindFeed:
		if xmlEncoding(data) != "" {
			return src.feed(data) // the feed parser decodes the declared charset
		}
	}
	if err := checkUTF8(data); err != nil {
		w.reject(&InputError{Path: path, Err: err})
		return nil
	}
	switch k {
	case kindJSON:
		return src.json(data)
	case kindFeed:
		return src.feed(data)
	case kindMarkdown:
		return src.text(data, true)
	default:
		return src.text(data, false)
	}
}

// source is one input being parsed.
type source struct {
	path string
	id   string // ID of a single article; prefix of numbered ones
	w    *walker
}

func (s source) reject(item string, err error) {
	s.w.reject(&InputError{Path: s.path, Item: item, Err: err})
}

// guard runs a third-party parser: should it panic on some input, the
// panic becomes an error that rejects that input, and the walk goes on.
func guard[T any](parse func() (T, error)) (v T, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = because(ErrMalformed, "cannot parse: the parser failed (%v); please report this file", p)
		}
	}()
	return parse()
}

// xmlEncoding is the encoding an XML declaration names when data is not
// UTF-8 and the encoding is one that can be decoded; otherwise "".
func xmlEncoding(data []byte) string {
	if utf8.Valid(data) || !bytes.HasPrefix(data, []byte("<?xml")) {
		return ""
	}
	decl, _, ok := bytes.Cut(data, []byte("?>"))
	if !ok {
		return ""
	}
	_, after, ok := bytes.Cut(decl, []byte("encoding="))
	if !ok || len(after) < 2 || (after[0] != '"' && after[0] != '\'') {
		return ""
	}
	label, _, ok := bytes.Cut(after[1:], after[:1])
	if !ok {
		return ""
	}
	enc, name := charset.Lookup(string(label))
	if enc == nil || name == "utf-8" {
		return ""
	}
	return name
}

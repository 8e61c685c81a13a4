package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// Field names looked up in a JSON article, case-insensitively, in order.
var (
	idKeys        = []string{"id", "guid", "uuid"}
	titleKeys     = []string{"title", "headline"}
	bodyKeys      = []string{"text", "body", "content", "articlebody", "description", "summary"}
	urlKeys       = []string{"url", "link", "canonical_url"}
	publishedKeys = []string{"published", "date", "pubdate", "published_at", "publishedat", "datepublished", "published_date"}
	sourceKeys    = []string{"source", "site", "publisher", "feed"}
)

// json reads one JSON object or an array of objects. A file that is not
// one JSON value but whose first line is a JSON object is read as JSON
// Lines (many .json files are).
func (s source) json(data []byte) error {
	t := bytes.TrimSpace(data)
	if !json.Valid(t) {
		if t[0] == '{' && looksLikeJSONLines(t) {
			return s.jsonLines(data)
		}
		var v any
		err := json.Unmarshal(t, &v)
		s.reject("", jsonError(data, len(data)-len(bytes.TrimLeft(data, " \t\r\n")), err))
		return nil
	}
	switch t[0] {
	case '{':
		obj, err := decodeObject(t)
		if err != nil {
			s.reject("", err)
			return nil
		}
		if isJSONFeed(obj) {
			return s.feed(data)
		}
		a, err := s.article(obj, s.id)
		if err != nil {
			s.reject("", err)
			return nil
		}
		return s.w.emitArticle(a, "")
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(t, &items); err != nil {
			s.reject("", jsonError(t, 0, err))
			return nil
		}
		if len(items) == 0 {
			s.reject("", because(ErrEmpty, "empty JSON array: no articles"))
			return nil
		}
		for i, raw := range items {
			item := fmt.Sprintf("item %d", i+1)
			obj, err := decodeObject(raw)
			if err != nil {
				s.reject(item, err)
				continue
			}
			a, err := s.article(obj, fmt.Sprintf("%s-%d", s.id, i+1))
			if err != nil {
				s.reject(item, err)
				continue
			}
			if err := s.w.emitArticle(a, item); err != nil {
				return err
			}
		}
		return nil
	}
	s.reject("", because(ErrMalformed, "JSON is neither an object nor an array of objects"))
	return nil
}

// trimLine drops leading white space of line, which starts at offset
// start, and returns the new offset.
func trimLine(start int, line []byte) (int, []byte) {
	t := bytes.TrimLeft(line, " \t\r\f")
	return start + len(line) - len(t), t
}

// isJSONFeed tells a JSON Feed (jsonfeed.org) from a JSON article.
func isJSONFeed(obj map[string]json.RawMessage) bool {
	_, items := obj["items"]
	return items && strings.Contains(field(obj, []string{"version"}), "jsonfeed.org")
}

func looksLikeJSONLines(t []byte) bool {
	first, rest, ok := bytes.Cut(t, []byte("\n"))
	return ok && len(bytes.TrimSpace(rest)) > 0 && json.Valid(bytes.TrimSpace(first))
}

// maxBadLines is how many lines that are not JSON objects, with no article
// before them, make a JSON Lines input rejected as a whole: it is likely
// not JSON Lines at all, and one error a line would drown the user.
const maxBadLines = 20

// jsonLines reads one JSON object per line of data; blank lines are
// skipped. Each line is checked alone, so one bad line does not reject the
// others.
func (s source) jsonLines(data []byte) error {
	return s.jsonLinesFrom(bufio.NewReader(bytes.NewReader(data)), int64(len(data)))
}

// jsonLinesFrom reads JSON Lines from in, one line at a time, so a file of
// any size is read in bounded memory; a line longer than maxLine is
// rejected (and skipped).
func (s source) jsonLinesFrom(in *bufio.Reader, maxLine int64) error {
	var (
		n, bad, good int
		off          int64 // offset of the current line in the input
		buf          []byte
	)
	for {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var chunk []byte
			chunk, err = in.ReadSlice('\n')
			if !tooLong {
				if int64(len(buf)+len(chunk)) > maxLine {
					tooLong = true
				} else {
					buf = append(buf, chunk...)
				}
			}
			off += int64(len(chunk))
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if err != nil && err != io.EOF {
			s.reject("", fsReason(err))
			return nil
		}
		lineStart := off - int64(len(buf))
		if err == io.EOF && len(buf) == 0 && !tooLong {
			break
		}
		n++
		item := fmt.Sprintf("line %d", n)
		line := bytes.TrimSpace(buf)
		switch {
		case tooLong:
			bad++
			s.reject(item, because(ErrTooLarge, "line too long: more than %d bytes (%s)", maxLine, size(maxLine)))
		case len(line) == 0:
		default:
			start, _ := trimLine(int(lineStart), buf)
			a, rerr := s.jsonLine(line, start, fmt.Sprintf("%s-%d", s.id, n))
			if rerr != nil {
				if !errors.Is(rerr, ErrNoText) {
					bad++
				}
				s.reject(item, rerr)
				break
			}
			good++
			if err := s.w.emitArticle(a, item); err != nil {
				return err
			}
		}
		if good == 0 && bad >= maxBadLines {
			s.reject("", because(ErrMalformed, "not JSON Lines: the first %d lines are all rejected, stopped reading", bad))
			return nil
		}
		if err == io.EOF {
			break
		}
	}
	if good == 0 && bad == 0 {
		s.reject("", because(ErrEmpty, "empty file"))
	}
	return nil
}

// jsonLine is the article of one JSON line that starts at offset start.
func (s source) jsonLine(line []byte, start int, fallbackID string) (newsgraph.Article, error) {
	if i := bytes.IndexByte(line, 0); i >= 0 {
		return newsgraph.Article{}, because(ErrBinary, "binary data (NUL byte at offset %d)", start+i)
	}
	if err := checkUTF8At(line, start); err != nil {
		return newsgraph.Article{}, err
	}
	obj, err := decodeObject(line)
	if err != nil {
		return newsgraph.Article{}, err
	}
	return s.article(obj, fallbackID)
}

// decodeObject decodes one JSON object, keys lower-cased.
func decodeObject(raw []byte) (map[string]json.RawMessage, error) {
	raw = bytes.TrimSpace(raw)
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(raw, &obj); err != nil {
		var ute *json.UnmarshalTypeError
		if errors.As(err, &ute) || (len(raw) > 0 && raw[0] != '{' && json.Valid(raw)) {
			return nil, because(ErrMalformed, "not a JSON object (found %s)", jsonKind(raw))
		}
		return nil, jsonError(raw, 0, err)
	}
	if obj == nil {
		return nil, because(ErrMalformed, "not a JSON object (found null)")
	}
	lower := make(map[string]json.RawMessage, len(obj))
	for k, v := range obj {
		k = strings.ToLower(k)
		if _, dup := lower[k]; !dup {
			lower[k] = v
		}
	}
	return lower, nil
}

func jsonKind(raw []byte) string {
	switch raw[0] {
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

// jsonError describes a JSON syntax error with its line and column in
// data (base is the offset of the decoded part in data); the line is left
// out when data is one line (a line of a JSON Lines file).
func jsonError(data []byte, base int, err error) error {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return &reason{kind: ErrMalformed, msg: "not valid JSON: " + err.Error(), err: err}
	}
	// Offset is just past the offending byte; at the end of the input
	// point just past the last non-space byte.
	off := base + int(se.Offset) - 1
	if strings.HasPrefix(se.Error(), "unexpected end") {
		off = len(bytes.TrimRight(data, " \t\r\n"))
	}
	off = min(max(off, 0), len(data))
	line := 1 + bytes.Count(data[:off], []byte("\n"))
	col := off - (bytes.LastIndexByte(data[:off], '\n') + 1) + 1
	msg := strings.TrimPrefix(se.Error(), "json: ")
	if msg == "unexpected end of JSON input" {
		msg = "unexpected end of input"
	}
	if line == 1 && bytes.IndexByte(data, '\n') < 0 {
		return &reason{kind: ErrMalformed, msg: fmt.Sprintf("not valid JSON at column %d: %s", col, msg), err: err}
	}
	return &reason{kind: ErrMalformed, msg: fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, msg), err: err}
}

// article builds an article from a JSON object. The text is title + "\n\n"
// + body when both are present (body alone when it already starts with the
// title). The ID is the object's id, else its URL, else fallbackID.
func (s source) article(obj map[string]json.RawMessage, fallbackID string) (newsgraph.Article, error) {
	title := strings.TrimSpace(field(obj, titleKeys))
	body := field(obj, bodyKeys)
	if strings.TrimSpace(body) == "" {
		return newsgraph.Article{}, because(ErrNoText, "no article text: expected a non-empty \"text\", \"body\" or \"content\" field")
	}
	a := newsgraph.Article{
		ID:        strings.TrimSpace(field(obj, idKeys)),
		Title:     title,
		Text:      joinTitle(title, body),
		URL:       strings.TrimSpace(field(obj, urlKeys)),
		Published: NormalizeDate(field(obj, publishedKeys)),
		Source:    strings.TrimSpace(field(obj, sourceKeys)),
		Path:      s.path,
	}
	if a.ID == "" {
		a.ID = a.URL
	}
	if a.ID == "" {
		a.ID = fallbackID
	}
	if a.Title == "" {
		a.Title = firstLine(body, false)
	}
	return a, nil
}

func joinTitle(title, body string) string {
	if title == "" || firstLine(body, false) == title {
		return body
	}
	return title + "\n\n" + body
}

// field is the first of keys whose value is a non-empty string or a number
// (or an object with a "name" or "title", as NewsAPI's "source").
func field(obj map[string]json.RawMessage, keys []string) string {
	for _, k := range keys {
		raw, ok := obj[k]
		if !ok || len(raw) == 0 {
			continue
		}
		switch raw[0] {
		case '"':
			var s string
			if json.Unmarshal(raw, &s) == nil && strings.TrimSpace(s) != "" {
				return s
			}
		case '{':
			var o map[string]json.RawMessage
			if json.Unmarshal(raw, &o) == nil {
				for _, sub := range []string{"name", "title"} {
					var s string
					if json.Unmarshal(o[sub], &s) == nil && s != "" {
						return s
					}
				}
			}
		case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
			var n json.Number
			if json.Unmarshal(raw, &n) == nil {
				if i, err := strconv.ParseInt(n.String(), 10, 64); err == nil {
					return strconv.FormatInt(i, 10)
				}
				return n.String()
			}
		}
	}
	return ""
}

package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsgraph/newsgraph"
)

// DefaultMaxBytes is the per-file size limit when Reader.MaxBytes is 0.
const DefaultMaxBytes = 20 << 20

// StdinPath is the path that means standard input; articles and errors
// read from it carry the path "stdin".
const StdinPath = "-"

const stdinName = "stdin"

// Reader reads articles from paths. The zero value is usable: it applies
// DefaultMaxBytes and reads "-" from os.Stdin.
type Reader struct {
	// MaxBytes is the size limit of one input file (or of stdin); 0 means
	// DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means os.Stdin.
	Stdin io.Reader

	// ids remembers, across the Read calls of one run, where each article
	// ID was first read, so that no input silently stands in for another.
	ids  map[string]origin
	seed maphash.Seed
}

// origin is where an article ID was first read in a run (its file and
// the item in it), and a digest of the text read there.
type origin struct {
	path, item string
	text       uint64
}

// where names the origin in an error: "a.jsonl (line 3)".
func (o origin) where() string {
	if o.item == "" {
		return o.path
	}
	return o.path + " (" + o.item + ")"
}

// Kinds of rejection. An *InputError wraps one of them (errors.Is), or an
// error of the file system (fs.ErrNotExist, fs.ErrPermission).
var (
	ErrEmpty       = errors.New("empty input")
	ErrBinary      = errors.New("binary input")
	ErrEncoding    = errors.New("not valid UTF-8")
	ErrTooLarge    = errors.New("input too large")
	ErrMalformed   = errors.New("malformed input")
	ErrNoText      = errors.New("no article text")
	ErrUnsupported = errors.New("unsupported input")
	// ErrDuplicateID: another input of the same run already gave an
	// article this ID (two folders each holding 001.txt, given as two
	// arguments; a JSON file repeating an id).
	ErrDuplicateID = errors.New("duplicate article id")
)

// InputError says why one input (a file, or one item of a JSON array, a
// JSON Lines file or a feed) was rejected.
type InputError struct {
	// Path is the file as named or found ("stdin" for "-").
	Path string
	// Item locates the rejected part of the file, e.g. "line 3" or
	// "item 2"; it is "" when the whole file was rejected.
	Item string
	// Err is the reason.
	Err error
}

// Error reads "data/x.jsonl: line 3: not valid JSON: unexpected end of input".
func (e *InputError) Error() string {
	if e.Item == "" {
		return e.Path + ": " + e.Err.Error()
	}
	return e.Path + ": " + e.Item + ": " + e.Err.Error()
}

// Unwrap returns the reason.
func (e *InputError) Unwrap() error { return e.Err }

// reason is a rejection with its own message that still matches its kind
// (one of the Err* values) and, through Unwrap, an underlying error.
type reason struct {
	kind error
	msg  string
	err  error
}

func (r *reason) Error() string        { return r.msg }
func (r *reason) Is(target error) bool { return r.kind != nil && target == r.kind }
func (r *reason) Unwrap() error        { return r.err }
func because(kind error, format string, args ...any) error {
	return &reason{kind: kind, msg: fmt.Sprintf(format, args...)}
}

// Read walks paths in order. A folder is walked recursively with its
// entries sorted by name; hidden files and folders (".name") are skipped,
// as are files that are obviously not articles (images, archives, media,
// scripts and style sheets). Read calls emit for every article and reject
// for every rejected input (reject may be nil), and keeps going after a
// rejection. It returns only fatal errors: the context's error when ctx is
// done, or the error emit returned (wrapped).
//
// An article's ID is its own (a JSON id or url, a feed item's GUID or link)
// when it has one; else, for a file found in a folder named in paths, the
// file's path inside that folder without extension, with forward slashes
// ("politics/001" for archive/politics/001.txt when "archive" is named);
// for a file named in paths, its name without extension. The Reader
// remembers the IDs it has read (across calls, so use one Reader per run):
// an input whose ID an earlier input of the run already had is rejected
// with ErrDuplicateID, naming both, unless it is the very same article
// (the same text), which is skipped.
func (r *Reader) Read(ctx context.Context, paths []string, emit func(newsgraph.Article) error, reject func(*InputError)) error {
	if r.ids == nil {
		r.ids = map[string]origin{}
		r.seed = maphash.MakeSeed()
	}
	w := walker{r: r, ctx: ctx, emit: emit, reject: reject, ids: r.ids}
	if w.reject == nil {
		w.reject = func(*InputError) {}
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		var err error
		if p == StdinPath {
			err = w.stdin()
		} else {
			err = w.path(p, true)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

type walker struct {
	r      *Reader
	ctx    context.Context
	emit   func(newsgraph.Article) error
	reject func(*InputError)
	// ids is the Reader's memory of IDs, nil when IDs are not checked
	// (ReadBytes: a web page and the feed item it completes share one).
	ids map[string]origin
}

func (r *Reader) maxBytes() int64 {
	if r.MaxBytes > 0 {
		return r.MaxBytes
	}
	return DefaultMaxBytes
}

func (w *walker) stdin() error {
	in := w.r.Stdin
	if in == nil {
		in = os.Stdin
	}
	br := bufio.NewReaderSize(in, peekSize)
	if head, ok := w.peekJSONLines(br); ok {
		return w.streamJSONLines(stdinName, stdinName, br, head)
	}
	data, err := readLimited(br, w.r.maxBytes())
	if err != nil {
		w.reject(&InputError{Path: stdinName, Err: err})
		return nil
	}
	return w.parse(stdinName, stdinName, kindSniff, data)
}

// peekSize is how much of a stream is looked at before deciding how to read
// it; a JSON Lines stream is recognised when its first line fits.
const peekSize = 1 << 20

// peekJSONLines tells whether br holds JSON Lines: a first line that is a
// JSON object, followed by more. It returns what it peeked.
func (w *walker) peekJSONLines(br *bufio.Reader) ([]byte, bool) {
	head, _ := br.Peek(peekSize)
	t := bytes.TrimLeft(bytes.TrimPrefix(head, utf8BOM), " \t\r\n")
	if len(t) == 0 || t[0] != '{' {
		return head, false
	}
	first, rest, ok := bytes.Cut(t, []byte("\n"))
	return head, ok && len(bytes.TrimSpace(rest)) > 0 && json.Valid(first)
}

// streamJSONLines reads a JSON Lines stream of any size line by line;
// MaxBytes limits each line. head is the peeked start of the stream, used
// to reject binary input as a whole.
func (w *walker) streamJSONLines(path, id string, br *bufio.Reader, head []byte) error {
	if err := checkBytes(head); err != nil {
		w.reject(&InputError{Path: path, Err: err})
		return nil
	}
	if bytes.HasPrefix(head, utf8BOM) {
		br.Discard(len(utf8BOM))
	}
	return source{path: path, id: id, w: w}.jsonLinesFrom(br, w.r.maxBytes())
}

// path reads one named path; explicit is false for entries found in a folder.
func (w *walker) path(p string, explicit bool) error {
	fi, err := os.Stat(p)
	if err != nil {
		w.reject(&InputError{Path: p, Err: fsReason(err)})
		return nil
	}
	if fi.IsDir() {
		return w.dir(p, p)
	}
	return w.file(p, stem(p), fi, explicit)
}

// dir walks dir, a folder inside root (the folder named on the command
// line), or root itself.
func (w *walker) dir(root, dir string) error {
	entries, err := os.ReadDir(dir) // sorted by name
	if err != nil {
		w.reject(&InputError{Path: dir, Err: fsReason(err)})
		// ReadDir returns the entries it could read before the error.
	}
	for _, e := range entries {
		if err := w.ctx.Err(); err != nil {
			return err
		}
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		switch {
		case e.IsDir():
			if err := w.dir(root, p); err != nil {
				return err
			}
			continue
		case e.Type()&fs.ModeSymlink != 0:
			// Follow links to files; links to folders are not followed,
			// so that a link cycle cannot make the walk endless.
			fi, err := os.Stat(p)
			if err != nil {
				w.reject(&InputError{Path: p, Err: fsReason(err)})
				continue
			}
			if !fi.Mode().IsRegular() {
				continue
			}
			if err := w.file(p, relID(root, p), fi, false); err != nil {
				return err
			}
			continue
		case !e.Type().IsRegular():
			continue // sockets, pipes, devices: never block on them in a walk
		}
		if skipInFolder(p) {
			continue
		}
		fi, err := e.Info()
		if err != nil {
			w.reject(&InputError{Path: p, Err: fsReason(err)})
			continue
		}
		if err := w.file(p, relID(root, p), fi, false); err != nil {
			return err
		}
	}
	return nil
}

// file reads the file p; id is the ID of its article when the content
// gives none (and the prefix of numbered items).
func (w *walker) file(p, id string, fi fs.FileInfo, explicit bool) error {
	if skipInFolder(p) {
		if explicit {
			w.reject(&InputError{Path: p, Err: because(ErrUnsupported, "not an article: %s files are not read", strings.ToLower(filepath.Ext(p)))})
		}
		return nil
	}
	limit := w.r.maxBytes()
	k := kindOf(p)
	if k == kindJSONL {
		// JSON Lines are read line by line: no limit on the file, only on
		// each line.
		f, err := os.Open(p)
		if err != nil {
			w.reject(&InputError{Path: p, Err: fsReason(err)})
			return nil
		}
		defer f.Close()
		bufSize := peekSize
		if fi.Mode().IsRegular() && fi.Size() < peekSize {
			bufSize = max(int(fi.Size())+1, 4096) // a small file needs no 1 MiB buffer
		}
		br := bufio.NewReaderSize(f, bufSize)
		head, err := br.Peek(bufSize)
		if err != nil && err != io.EOF && err != bufio.ErrBufferFull {
			w.reject(&InputError{Path: p, Err: fsReason(err)})
			return nil
		}
		return w.streamJSONLines(p, id, br, head)
	}
	if fi.Mode().IsRegular() && fi.Size() > limit {
		w.reject(&InputError{Path: p, Err: tooLarge(fi.Size(), limit, k)})
		return nil
	}
	f, err := os.Open(p)
	if err != nil {
		w.reject(&InputError{Path: p, Err: fsReason(err)})
		return nil
	}
	data, err := readLimited(f, limit)
	f.Close()
	if err != nil {
		w.reject(&InputError{Path: p, Err: err})
		return nil
	}
	return w.parse(p, id, k, data)
}

// readLimited reads at most limit bytes, and fails when there are more.
func readLimited(in io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(in, limit+1))
	if err != nil {
		return nil, fsReason(err)
	}
	if int64(len(data)) > limit {
		return nil, because(ErrTooLarge, "input too large: more than %d bytes, the limit is %s: split it or raise the size limit", limit, size(limit))
	}
	return data, nil
}

func tooLarge(n, limit int64, k kind) error {
	hint := "split it or raise the size limit"
	if k == kindJSON {
		hint += ", or write it as JSON Lines (.jsonl), which is read line by line with no limit on the file"
	}
	return because(ErrTooLarge, "file too large: %d bytes (%s), the limit is %d bytes (%s): %s", n, size(n), limit, size(limit), hint)
}

func size(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d B", n)
}

// fsReason turns a file system error into a short reason without the path
// (InputError carries it), still matching fs.ErrNotExist and friends.
func fsReason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return &reason{msg: "no such file or folder", err: err}
	case errors.Is(err, fs.ErrPermission):
		return &reason{msg: "cannot read: permission denied", err: err}
	}
	return &reason{msg: "cannot read: " + err.Error(), err: err}
}

// stem is the file name without folder and extension: "articles/017.txt"
// gives "017".
func stem(p string) string {
	base := filepath.Base(p)
	if ext := filepath.Ext(base); ext != base {
		base = strings.TrimSuffix(base, ext)
	}
	return base
}

// relID is the ID of the file p found in the folder root: its path
// inside root without extension, with forward slashes.
func relID(root, p string) string {
	rel, err := filepath.Rel(root, p)
	if err != nil { // p was found inside root: cannot happen
		return stem(p)
	}
	return filepath.ToSlash(filepath.Join(filepath.Dir(rel), stem(rel)))
}

// emitArticle hands one article to emit, checking the context first.
// item locates the article inside its file ("line 3"), "" for a whole
// file. An ID already read in this run from another input is rejected.
func (w *walker) emitArticle(a newsgraph.Article, item string) error {
	if err := w.ctx.Err(); err != nil {
		return err
	}
	if w.ids != nil {
		sum := maphash.String(w.r.seed, a.Text)
		if first, ok := w.ids[a.ID]; ok {
			if first.text == sum {
				return nil // the very same article read twice: nothing to add
			}
			w.reject(&InputError{Path: a.Path, Item: item, Err: because(ErrDuplicateID,
				"article id %q was already read in this run from %s: not loaded, so that neither replaces the other; give one of them another name or id", a.ID, first.where())})
			return nil
		}
		w.ids[a.ID] = origin{path: a.Path, item: item, text: sum}
	}
	if w.emit == nil {
		return nil
	}
	if err := w.emit(a); err != nil {
		return fmt.Errorf("article %s from %s: %w", a.ID, a.Path, err)
	}
	return nil
}

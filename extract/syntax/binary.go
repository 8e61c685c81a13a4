package syntax

import (
	"encoding/binary"
	"errors"
	"io"
	"math"
)

// writer and reader are the model file's encoding: varints, float32s and
// length-prefixed strings.
type writer struct{ b []byte }

func (w *writer) uvarint(v uint64) { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) varint(v int64)   { w.b = binary.AppendVarint(w.b, v) }
func (w *writer) float32(f float32) {
	w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(f))
}
func (w *writer) str(s string) {
	w.uvarint(uint64(len(s)))
	w.b = append(w.b, s...)
}
func (w *writer) strs(ss []string) {
	w.uvarint(uint64(len(ss)))
	for _, s := range ss {
		w.str(s)
	}
}

var errTruncated = errors.New("truncated")

// reader decodes a model from a stream, through a buffer of its own (the
// varints of a model are read by the million); the first error sticks.
type reader struct {
	src      io.Reader
	buf      []byte
	pos, end int // buf[pos:end] is read and not yet decoded
	eof      bool
	err      error
}

func newReader(src io.Reader) *reader {
	return &reader{src: src, buf: make([]byte, 64<<10)}
}

// fill reads until at least k bytes (at most the buffer's size) are
// buffered or the stream ends; it reports whether k bytes are.
func (r *reader) fill(k int) bool {
	if r.end-r.pos >= k {
		return true
	}
	r.end = copy(r.buf, r.buf[r.pos:r.end])
	r.pos = 0
	for empty := 0; !r.eof && r.end < min(k, len(r.buf)); {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		if n == 0 && err == nil {
			if empty++; empty == 100 {
				err = io.ErrNoProgress
			}
		}
		if err != nil {
			r.eof = true
			if err != io.EOF {
				r.fail(err)
			}
		}
	}
	return r.end >= k
}

// more reports whether anything is left to read.
func (r *reader) more() bool { return r.err == nil && r.fill(1) }

// limit bounds counts read from a model file: no section of a sound model
// comes near it, and a corrupt count fails before a huge allocation.
const limit = 1 << 26

func (r *reader) fail(err error) {
	if r.err == nil {
		if err == io.EOF {
			err = errTruncated
		}
		r.err = err
		r.pos, r.end, r.eof = 0, 0, true
	}
}

var errOverflow = errors.New("varint overflows 64 bits")

func (r *reader) uvarint() uint64 {
	// most values of a model are one or two bytes: those cases are inlined
	// (after an error nothing is buffered)
	if r.pos+1 < r.end {
		b0, b1 := r.buf[r.pos], r.buf[r.pos+1]
		if b0 < 0x80 {
			r.pos++
			return uint64(b0)
		}
		if b1 < 0x80 {
			r.pos += 2
			return uint64(b0&0x7f) | uint64(b1)<<7
		}
	}
	return r.uvarintSlow()
}

func (r *reader) uvarintSlow() uint64 {
	if r.err != nil {
		return 0
	}
	r.fill(binary.MaxVarintLen64)
	v, n := binary.Uvarint(r.buf[r.pos:r.end])
	if n <= 0 {
		if n == 0 {
			r.fail(errTruncated)
		} else {
			r.fail(errOverflow)
		}
		return 0
	}
	r.pos += n
	return v
}

// count reads a count and checks it against limit.
func (r *reader) count() int {
	n := r.uvarint()
	if n > limit {
		r.fail(errors.New("count out of range"))
		return 0
	}
	return int(n)
}

// varint reads a zig-zag varint as encoding/binary writes it: the
// unsigned varint with the sign in its lowest bit.
func (r *reader) varint() int64 {
	u := r.uvarint()
	v := int64(u >> 1)
	if u&1 != 0 {
		v = ^v
	}
	return v
}

// bytes fills b from the stream.
func (r *reader) bytes(b []byte) {
	for len(b) > 0 && r.err == nil {
		if !r.fill(1) {
			r.fail(errTruncated)
			return
		}
		n := copy(b, r.buf[r.pos:r.end])
		r.pos += n
		b = b[n:]
	}
}

func (r *reader) float32() float32 {
	var b [4]byte
	if r.err != nil {
		return 0
	}
	r.bytes(b[:])
	if r.err != nil {
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

func (r *reader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	if r.fill(n) {
		s := string(r.buf[r.pos : r.pos+n])
		r.pos += n
		return s
	}
	b := make([]byte, n)
	r.bytes(b)
	if r.err != nil {
		return ""
	}
	return string(b)
}

func (r *reader) strs() []string {
	n := r.count()
	if r.err != nil || n > 1<<20 {
		r.fail(errors.New("count out of range"))
		return nil
	}
	out := make([]string, n)
	for i := range out {
		out[i] = r.str()
	}
	return out
}

package syntax

import (
	"bufio"
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

// reader decodes a model from a stream; the first error sticks.
type reader struct {
	r   *bufio.Reader
	err error
}

// limit bounds counts read from a model file: no section of a sound model
// comes near it, and a corrupt count fails before a huge allocation.
const limit = 1 << 26

func (r *reader) fail(err error) {
	if r.err == nil {
		if err == io.EOF {
			err = errTruncated
		}
		r.err = err
	}
}

func (r *reader) uvarint() uint64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(r.r)
	if err != nil {
		r.fail(err)
		return 0
	}
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

func (r *reader) varint() int64 {
	if r.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(r.r)
	if err != nil {
		r.fail(err)
		return 0
	}
	return v
}

func (r *reader) float32() float32 {
	var b [4]byte
	if r.err != nil {
		return 0
	}
	if _, err := io.ReadFull(r.r, b[:]); err != nil {
		r.fail(err)
		return 0
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

func (r *reader) str() string {
	n := r.count()
	if r.err != nil {
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.r, b); err != nil {
		r.fail(err)
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

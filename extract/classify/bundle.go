package classify

import (
	"bufio"
	"bytes"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
)

// Bundle is a set of named models stored together.
type Bundle map[string]*Model

// Bundle formats: magic1 ("NGCL") has no thresholds; magic2 ("NGC2")
// stores each model's threshold after its bias. Write writes magic2;
// ReadBundle reads both.
const (
	magic1 = 0x4e47434c
	magic2 = 0x4e474332
)

// Write stores the bundle: models in name order, weights whose magnitude is
// below minWeight dropped, the rest quantised to 16 bits per model.
func (b Bundle) Write(w io.Writer, minWeight float32) error {
	var buf bytes.Buffer
	names := make([]string, 0, len(b))
	for n := range b {
		names = append(names, n)
	}
	slices.Sort(names)
	put := func(v any) { binary.Write(&buf, binary.LittleEndian, v) }
	put(uint32(magic2))
	put(uint32(len(names)))
	for _, n := range names {
		m := b[n]
		type kv struct {
			k uint64
			v float32
		}
		var keep []kv
		var maxAbs float32
		for k, v := range m.W {
			if v >= minWeight || v <= -minWeight {
				keep = append(keep, kv{k, v})
				maxAbs = max(maxAbs, float32(math.Abs(float64(v))))
			}
		}
		slices.SortFunc(keep, func(a, b kv) int { return cmp.Compare(a.k, b.k) })
		scale := maxAbs / 32767
		if scale == 0 {
			scale = 1
		}
		put(uint16(len(n)))
		buf.WriteString(n)
		put(m.Bias)
		put(m.Threshold)
		put(scale)
		put(uint32(len(keep)))
		var prev uint64
		for _, e := range keep {
			put(e.k - prev) // delta-coded keys compress well
			prev = e.k
		}
		for _, e := range keep {
			put(int16(math.Round(float64(e.v / scale))))
		}
	}
	zw, _ := gzip.NewWriterLevel(w, gzip.BestCompression)
	if _, err := zw.Write(buf.Bytes()); err != nil {
		return fmt.Errorf("write models: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write models: %w", err)
	}
	return nil
}

// ReadBundle loads a bundle written by Write.
func ReadBundle(r io.Reader) (Bundle, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read models: %w", err)
	}
	br := bufio.NewReader(zr)
	get := func(v any) error { return binary.Read(br, binary.LittleEndian, v) }
	var mg, n uint32
	if err := get(&mg); err != nil || mg != magic1 && mg != magic2 {
		return nil, fmt.Errorf("read models: not a model bundle")
	}
	if err := get(&n); err != nil {
		return nil, fmt.Errorf("read models: %w", err)
	}
	b := Bundle{}
	for i := uint32(0); i < n; i++ {
		var ln uint16
		if err := get(&ln); err != nil {
			return nil, fmt.Errorf("read models: %w", err)
		}
		name := make([]byte, ln)
		if _, err := io.ReadFull(br, name); err != nil {
			return nil, fmt.Errorf("read models: %w", err)
		}
		m := &Model{}
		var scale float32
		var cnt uint32
		var err error
		if mg == magic2 {
			err = cmpErr(get(&m.Bias), get(&m.Threshold), get(&scale), get(&cnt))
		} else {
			err = cmpErr(get(&m.Bias), get(&scale), get(&cnt))
		}
		if err != nil {
			return nil, fmt.Errorf("read models: %s: %w", name, err)
		}
		if cnt > 1<<26 {
			return nil, fmt.Errorf("read models: %s: %d weights is too many", name, cnt)
		}
		keys := make([]uint64, cnt)
		q := make([]int16, cnt)
		if err := cmpErr(get(keys), get(q)); err != nil {
			return nil, fmt.Errorf("read models: %s: %w", name, err)
		}
		m.W = make(map[uint64]float32, cnt)
		var prev uint64
		for j := range keys {
			prev += keys[j]
			m.W[prev] = float32(q[j]) * scale
		}
		b[string(name)] = m
	}
	return b, nil
}

func cmpErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

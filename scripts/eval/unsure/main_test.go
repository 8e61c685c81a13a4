package main

import "testing"

func TestBand(t *testing.T) {
	for _, tc := range []struct {
		in     string
		ok     bool
		lo, hi float64
	}{
		{"0.25-0.75", true, 0.25, 0.75},
		{"0-1", true, 0, 1},
		{"0.8-0.2", false, 0, 0},
		{"0.5-0.5", false, 0, 0},
		{"0.5", false, 0, 0},
		{"a-b", false, 0, 0},
	} {
		var b band
		err := b.Set(tc.in)
		if (err == nil) != tc.ok {
			t.Errorf("Set(%q): err %v, want ok %v", tc.in, err, tc.ok)
			continue
		}
		if tc.ok && (b.lo != tc.lo || b.hi != tc.hi) {
			t.Errorf("Set(%q) = %v-%v, want %v-%v", tc.in, b.lo, b.hi, tc.lo, tc.hi)
		}
	}
}

func TestRunNeedsOneFolder(t *testing.T) {
	if err := run(nil, nil); err == nil {
		t.Error("run without a folder: no error")
	}
}

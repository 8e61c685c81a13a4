package hugepages_test

import (
	"slices"
	"testing"

	"github.com/newsgraph/newsgraph/internal/hugepages"
)

// Advice changes no value: Make gives zero values, Clone a copy, at any
// size (none, less than a huge page, several).
func TestMakeClone(t *testing.T) {
	for _, n := range []int{0, 1, 1000, 3 * hugepages.Size / 8} {
		s := hugepages.Make[uint64](n)
		if len(s) != n || slices.ContainsFunc(s, func(v uint64) bool { return v != 0 }) {
			t.Fatalf("Make(%d): %d values, not all zero", n, len(s))
		}
		for i := range s {
			s[i] = uint64(i) * 7
		}
		if c := hugepages.Clone(s); !slices.Equal(c, s) {
			t.Fatalf("Clone of %d values differs", n)
		}
	}
}

// Package hugepages asks the operating system to back large tables that
// are read at random (the models' feature tables) with huge pages.
//
// With 4 KB pages nearly every read of a table of several megabytes
// misses the TLB as well as the cache; a 2 MB page covers 512 times as
// much. Linux gives an anonymous mapping transparent huge pages in its
// default "madvise" mode only when asked, and the Go runtime does not
// ask. Advice is a hint: it changes no value, and where it is not
// supported it is not given.
package hugepages

// Size is the size of a huge page (x86-64 Linux; arm64 with 4 KB pages).
const Size = 2 << 20

// Make returns a slice of n zero values whose whole huge pages are
// advised, before anything is written to them (memory already written to
// keeps its small pages).
func Make[T any](n int) []T {
	s := make([]T, n)
	advise(s)
	return s
}

// Clone returns a copy of s in memory advised as Make's.
func Clone[T any](s []T) []T {
	c := Make[T](len(s))
	copy(c, s)
	return c
}

package syntax

import "math/bits"

// Features are 32-bit hashes of a template number and up to three 32-bit
// values (word hashes, tag and label numbers, distances), combined with
// the MurmurHash3 mixing steps. Words are hashed once per sentence with
// FNV-1a.

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// strHash is the FNV-1a hash of s; never 0, 1 or 2 (kept for "no word",
// "root" and "none").
func strHash(s string) uint32 { return fnvEnd(fnvAdd(fnvOffset, s)) }

// fnvAdd continues FNV-1a hash h over the bytes of s.
func fnvAdd(h uint32, s string) uint32 {
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * fnvPrime
	}
	return h
}

// fnvEnd moves a finished hash off the values 0, 1 and 2.
func fnvEnd(h uint32) uint32 {
	if h < 3 {
		h += 3
	}
	return h
}

// Values standing for a missing word or tag, and for the root.
const (
	vNone = 1
	vRoot = 2
)

func mix(h, v uint32) uint32 {
	v *= 0xcc9e2d51
	v = bits.RotateLeft32(v, 15)
	v *= 0x1b873593
	h ^= v
	h = bits.RotateLeft32(h, 13)
	return h*5 + 0xe6546b64
}

func fmix(h uint32) uint32 {
	h ^= h >> 16
	h *= 0x85ebca6b
	h ^= h >> 13
	h *= 0xc2b2ae35
	h ^= h >> 16
	return h
}

func f1(t, a uint32) uint32       { return fmix(mix(mix(0x5bd1e995, t), a)) }
func f2(t, a, b uint32) uint32    { return fmix(mix(mix(mix(0x5bd1e995, t), a), b)) }
func f3(t, a, b, c uint32) uint32 { return fmix(mix(mix(mix(mix(0x5bd1e995, t), a), b), c)) }

//go:build !linux

package hugepages

func advise[T any](s []T) {}

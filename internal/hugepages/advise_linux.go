package hugepages

import (
	"syscall"
	"unsafe"
)

// advise gives MADV_HUGEPAGE for the whole huge pages inside s; an error
// (a kernel without transparent huge pages) is ignored.
func advise[T any](s []T) {
	if len(s) == 0 {
		return
	}
	b := unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(s))), uintptr(len(s))*unsafe.Sizeof(s[0]))
	addr := uintptr(unsafe.Pointer(unsafe.SliceData(b)))
	lo := int((Size - addr%Size) % Size)
	hi := len(b) - int((addr+uintptr(len(b)))%Size)
	if hi <= lo {
		return
	}
	_ = syscall.Madvise(b[lo:hi], syscall.MADV_HUGEPAGE)
}

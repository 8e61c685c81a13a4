package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"
)

// openPTY opens a pseudo-terminal pair: what a program writes to tty, the
// test reads from pty. The bar of `load` only shows on a terminal.
func openPTY(t *testing.T) (pty, tty *os.File) {
	t.Helper()
	pty, err := os.OpenFile("/dev/ptmx", os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { pty.Close() })
	var unlock int32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, pty.Fd(), syscall.TIOCSPTLCK, uintptr(unsafe.Pointer(&unlock))); e != 0 {
		t.Fatalf("unlock pty: %v", e)
	}
	var n uint32
	if _, _, e := syscall.Syscall(syscall.SYS_IOCTL, pty.Fd(), syscall.TIOCGPTN, uintptr(unsafe.Pointer(&n))); e != 0 {
		t.Fatalf("pty number: %v", e)
	}
	tty, err = os.OpenFile(fmt.Sprintf("/dev/pts/%d", n), os.O_RDWR|syscall.O_NOCTTY, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { tty.Close() })
	return pty, tty
}

// TestProgressBarCountsRejected runs `load --dry-run` with stderr on a
// terminal and reads what the bar said about rejected inputs.
func TestProgressBarCountsRejected(t *testing.T) {
	dir, _ := exampleArticles(t)
	for _, tc := range []struct {
		name     string
		rejected int
	}{
		{"none rejected", 0},
		{"three rejected", 3},
	} {
		t.Run(tc.name, func(t *testing.T) {
			clearEnv(t)
			in := t.TempDir()
			files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
			for _, f := range files {
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(in, filepath.Base(f)), b, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			for i := range tc.rejected {
				if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("empty-%d.txt", i)), nil, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			pty, tty := openPTY(t)
			var screen bytes.Buffer
			done := make(chan struct{})
			go func() { io.Copy(&screen, pty); close(done) }()
			var out bytes.Buffer
			code := Main(t.Context(), []string{"load", "--dry-run", in}, strings.NewReader(""), &out, tty)
			tty.Close() // the reader sees EOF (EIO) once the terminal side is closed
			<-done
			want := ExitOK
			if tc.rejected > 0 {
				want = ExitPartial
			}
			if code != want {
				t.Fatalf("exit %d, want %d; terminal:\n%s", code, want, screen.String())
			}
			s := screen.String()
			if got := strings.Count(s, "newsgraph: rejected"); got != tc.rejected {
				t.Errorf("%d rejection messages, want %d:\n%s", got, tc.rejected, s)
			}
			for n := 1; n <= 5; n++ {
				said := strings.Contains(s, fmt.Sprintf("loading (%d rejected)", n))
				if n == tc.rejected && !said {
					t.Errorf("the bar never says %d rejected:\n%s", n, s)
				}
				if n > tc.rejected && said {
					t.Errorf("the bar says %d rejected, but %d were:\n%s", n, tc.rejected, s)
				}
			}
		})
	}
}

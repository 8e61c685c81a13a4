package cli

import (
	"context"
	"errors"
	"fmt"

	"github.com/newsgraph/newsgraph/graph"
)

// Exit codes, listed in `newsgraph --help`.
const (
	ExitOK          = 0
	ExitError       = 1
	ExitUsage       = 2
	ExitPartial     = 3
	ExitUnavailable = 4
	ExitInterrupted = 130
)

const exitCodesHelp = `Exit codes:
  0    ok
  1    error
  2    usage (unknown command or flag, bad arguments, bad configuration)
  3    partial: some inputs were rejected, the rest were processed
  4    Neo4j unreachable or authentication failed
  130  interrupted`

// usageError marks errors in how the command was called.
type usageError struct{ err error }

func (e *usageError) Error() string { return e.err.Error() }
func (e *usageError) Unwrap() error { return e.err }

func usagef(format string, a ...any) error { return &usageError{fmt.Errorf(format, a...)} }

// PartialError says that some inputs were rejected while the rest went through.
type PartialError struct {
	Rejected int
	Total    int
}

func (e *PartialError) Error() string {
	return fmt.Sprintf("%d of %d inputs rejected (see the messages above)", e.Rejected, e.Total)
}

// exitCode maps an error to the process exit code. It is the only place
// that does so.
func exitCode(err error) int {
	var ue *usageError
	var pe *PartialError
	switch {
	case err == nil:
		return ExitOK
	case errors.Is(err, context.Canceled):
		return ExitInterrupted
	case errors.Is(err, graph.ErrUnavailable):
		return ExitUnavailable
	case errors.As(err, &ue):
		return ExitUsage
	case errors.As(err, &pe):
		return ExitPartial
	default:
		return ExitError
	}
}

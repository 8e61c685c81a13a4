// Command newsgraph turns news articles into a knowledge graph in Neo4j.
// Run `newsgraph --help` for the commands and exit codes.
package main

import (
	"context"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/newsgraph/newsgraph/internal/cli"
)

// memoryLimit is the Go heap's soft limit unless GOMEMLIMIT says
// otherwise: the models take about 70 MB, and the collector keeps the rest
// of the process near this instead of doubling the heap between cycles.
const memoryLimit = 120 << 20

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	// The first Ctrl-C asks for a clean stop (the batch in flight is
	// committed); a second one kills the process as usual.
	go func() { <-ctx.Done(); stop() }()
	code := cli.Main(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

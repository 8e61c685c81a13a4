// Command gen writes N synthetic articles into a folder, for load tests
// and benchmarks: go run ./scripts/gen -n 10000 -out /tmp/articles
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/newsgraph/newsgraph/internal/synth"
)

func main() {
	n := flag.Int("n", 1000, "number of articles")
	out := flag.String("out", "", "folder to write NNN.txt files into (created)")
	seed := flag.Uint64("seed", 1, "random seed")
	people := flag.Int("people", 2000, "size of the population of people")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gen: -out is required")
		os.Exit(2)
	}
	if err := write(*out, *n, *seed, *people); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func write(dir string, n int, seed uint64, people int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	g := synth.New(seed, people)
	for i := range n {
		a := g.Article(i)
		if err := os.WriteFile(filepath.Join(dir, a.ID+".txt"), []byte(a.Text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// Command unsure samples the meeting and trip candidates the event models
// are unsure of, for helpers to judge: the judged candidates become
// training data (corpora.py judged), where a model learns most from them.
//
//	go run ./scripts/eval/unsure -seed S [-meet LO-HI] [-travel LO-HI] DIR > events.jsonl
//
// DIR holds articles as ID.txt (draw.py writes them). For each article
// and relation, one candidate pair whose score (the product of the trigger
// and arguments models, as the extractor computes it) lies in the band is
// picked at random (seeded), so no article weighs more than another. Each
// line is {"i", "id", "relation", "event": {"a", "b", "evidence",
// "confidence"}} in the format of pool.py chunks, for a judge's verdict
// and corpora.py judged.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

type band struct{ lo, hi float64 }

func (b *band) String() string { return fmt.Sprintf("%.2f-%.2f", b.lo, b.hi) }

func (b *band) Set(s string) error {
	lo, hi, ok := strings.Cut(s, "-")
	var err1, err2 error
	b.lo, err1 = strconv.ParseFloat(lo, 64)
	b.hi, err2 = strconv.ParseFloat(hi, 64)
	if !ok || err1 != nil || err2 != nil || b.lo >= b.hi {
		return fmt.Errorf("want LO-HI with LO < HI, as 0.25-0.75")
	}
	return nil
}

type event struct {
	A          string  `json:"a"`
	B          string  `json:"b"`
	Evidence   string  `json:"evidence"`
	Confidence float64 `json:"confidence"`
}

type line struct {
	I        int    `json:"i"`
	ID       string `json:"id"`
	Relation string `json:"relation"`
	Event    event  `json:"event"`
}

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "unsure:", err)
		os.Exit(1)
	}
}

func run(args []string, out io.Writer) error {
	fs := flag.NewFlagSet("unsure", flag.ContinueOnError)
	meet, travel := band{0.25, 0.75}, band{0.2, 0.8}
	fs.Var(&meet, "meet", "score band of the meeting candidates")
	fs.Var(&travel, "travel", "score band of the trip candidates")
	seed := fs.Uint64("seed", 1, "random seed of the picks")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return fmt.Errorf("give one folder of articles")
	}
	files, err := filepath.Glob(filepath.Join(fs.Arg(0), "*.txt"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	x, err := extract.New()
	if err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(*seed, 29))
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	n := 0
	for _, f := range files {
		text, err := os.ReadFile(f)
		if err != nil {
			return err
		}
		id := strings.TrimSuffix(filepath.Base(f), ".txt")
		d := x.Analyze(string(text))
		cands := x.ScoredCandidates(d, "")
		for _, rel := range []struct {
			kind, name string
			b          band
		}{{"meet", "met", meet}, {"travel", "traveled_with", travel}} {
			// the best score of each pair in each sentence, in the band
			type key struct{ a, b, sent int }
			best := map[key]float64{}
			var keys []key
			for _, c := range cands {
				if c.Kind != rel.kind {
					continue
				}
				a, b := min(c.A, c.B), max(c.A, c.B)
				k := key{a, b, c.Sent}
				if s, ok := best[k]; !ok {
					keys = append(keys, k)
					best[k] = c.Score
				} else if c.Score > s {
					best[k] = c.Score
				}
			}
			var in []key
			for _, k := range keys {
				if s := best[k]; s >= rel.b.lo && s <= rel.b.hi {
					in = append(in, k)
				}
			}
			if len(in) == 0 {
				continue
			}
			k := in[rng.IntN(len(in))]
			n++
			ev := event{A: d.Persons[k.a].Name, B: d.Persons[k.b].Name,
				Evidence: strings.Join(strings.Fields(d.SentenceText(k.sent)), " "), Confidence: float64(int(best[k]*1000)) / 1000}
			if err := enc.Encode(line{I: n, ID: id, Relation: rel.name, Event: ev}); err != nil {
				return err
			}
		}
	}
	return nil
}

package cli

import (
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract/syntax"
)

// TestParseCoNLLU: `parse --format conllu` prints valid CoNLL-U: ten
// columns, words numbered from 1, heads inside the sentence, one root,
// # sent_id and # text before each sentence.
func TestParseCoNLLU(t *testing.T) {
	examples, _ := exampleArticles(t)
	clearEnv(t)
	code, out, errs := run(t, "parse", "--format", "conllu", examples)
	if code != ExitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	sents := strings.Split(strings.TrimSpace(out), "\n\n")
	if len(sents) < 10 {
		t.Fatalf("%d sentences", len(sents))
	}
	for _, s := range sents {
		var words [][]string
		hasID, hasText := false, false
		for _, line := range strings.Split(s, "\n") {
			switch {
			case strings.HasPrefix(line, "# sent_id = "):
				hasID = true
			case strings.HasPrefix(line, "# text = "):
				hasText = true
			case strings.HasPrefix(line, "#"):
			default:
				c := strings.Split(line, "\t")
				if len(c) != 10 {
					t.Fatalf("%d columns: %q", len(c), line)
				}
				words = append(words, c)
			}
		}
		if !hasID || !hasText || len(words) == 0 {
			t.Fatalf("sentence without # sent_id, # text or words:\n%s", s)
		}
		roots := 0
		for i, c := range words {
			if c[0] != strconv.Itoa(i+1) {
				t.Fatalf("word %d has ID %q", i+1, c[0])
			}
			h, err := strconv.Atoi(c[6])
			if err != nil || h < 0 || h > len(words) || h == i+1 {
				t.Fatalf("word %d: head %q", i+1, c[6])
			}
			if h == 0 {
				roots++
			}
			if c[5] != "_" || c[8] != "_" || c[1] == "" || c[3] == "_" || c[7] == "_" {
				t.Fatalf("word %d: columns %q", i+1, c)
			}
		}
		if roots != 1 {
			t.Fatalf("%d roots:\n%s", roots, s)
		}
	}
	ss, err := syntax.ReadCoNLLU(strings.NewReader(out))
	if err != nil || len(ss) != len(sents) {
		t.Fatalf("read back %d sentences of %d: %v", len(ss), len(sents), err)
	}
}

func TestParseTableAndUsage(t *testing.T) {
	examples, _ := exampleArticles(t)
	clearEnv(t)
	code, out, errs := run(t, "parse", examples)
	if code != ExitOK || !strings.Contains(out, "DEPREL") || !strings.Contains(out, "nsubj") {
		t.Fatalf("exit %d, stderr %s, out:\n%.500s", code, errs, out)
	}
	if code, _, _ := run(t, "parse", "--format", "xml", examples); code != ExitUsage {
		t.Fatalf("--format xml: exit %d, want %d", code, ExitUsage)
	}
	if code, _, _ := run(t, "parse"); code != ExitUsage {
		t.Fatalf("no path: exit %d, want %d", code, ExitUsage)
	}
}

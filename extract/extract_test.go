package extract_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract"
)

var (
	xOnce sync.Once
	xInst *extract.Extractor
	xErr  error
)

func extractor(t testing.TB) *extract.Extractor {
	t.Helper()
	xOnce.Do(func() { xInst, xErr = extract.New() })
	if xErr != nil {
		t.Fatalf("New: %v", xErr)
	}
	return xInst
}

func TestDeterministic(t *testing.T) {
	x := extractor(t)
	b, err := os.ReadFile(filepath.Join("testdata", "golden", "seed.txt"))
	if err != nil {
		t.Fatal(err)
	}
	a := newsgraph.Article{ID: "seed", Text: string(b)}
	first, _ := json.Marshal(x.Extract(a))
	var wg sync.WaitGroup
	outs := make([][]byte, 8)
	for i := range outs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outs[i], _ = json.Marshal(x.Extract(a))
		}()
	}
	wg.Wait()
	for i, o := range outs {
		if string(o) != string(first) {
			t.Fatalf("run %d differs from the first", i)
		}
	}
}

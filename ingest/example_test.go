package ingest_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/ingest"
)

func ExampleReader_Read() {
	r := &ingest.Reader{Stdin: strings.NewReader(`{"id": "a1", "title": "Talks", "text": "Rubio met Macron.", "date": "March 1, 2025"}` + "\n" +
		`{"title": "no text"}` + "\n")}
	err := r.Read(context.Background(), []string{"testdata/golden/in/sub", "-", "testdata/golden/in/empty.txt", "missing.txt"},
		func(a newsgraph.Article) error {
			fmt.Printf("%s %q %s %q\n", a.ID, a.Title, a.Published, a.Text)
			return nil
		},
		func(e *ingest.InputError) { fmt.Println("rejected:", e) })
	if err != nil {
		fmt.Println("fatal:", err)
	}
	// Output:
	// nested "Nested article"  "Nested article\n\nIn the sub folder.\n"
	// a1 "Talks" 2025-03-01 "Talks\n\nRubio met Macron."
	// rejected: stdin: line 2: no article text: expected a non-empty "text", "body" or "content" field
	// rejected: testdata/golden/in/empty.txt: empty file
	// rejected: missing.txt: no such file or folder
}

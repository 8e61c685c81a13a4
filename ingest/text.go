package ingest

import (
	"strings"

	"github.com/newsgraph/newsgraph"
)

// text reads a plain text or Markdown article: the title is the first
// non-empty line, the text is the content exactly as read.
func (s source) text(data []byte, markdown bool) error {
	text := string(data)
	return s.w.emitArticle(newsgraph.Article{
		ID:    s.id,
		Title: firstLine(text, markdown),
		Text:  text,
		Path:  s.path,
	}, "")
}

// firstLine is the first non-empty line, trimmed; for Markdown without the
// heading marks ("# Title #" gives "Title") and after any front matter.
func firstLine(text string, markdown bool) string {
	if markdown {
		text = skipFrontMatter(text)
	}
	for line := range strings.Lines(text) {
		line = strings.TrimSpace(line)
		if markdown {
			if t, ok := strings.CutPrefix(line, "#"); ok {
				line = strings.TrimSpace(strings.TrimRight(strings.TrimLeft(t, "#"), "#"))
			}
		}
		if line != "" {
			return line
		}
	}
	return ""
}

// skipFrontMatter drops a leading YAML front matter block ("---" lines).
func skipFrontMatter(text string) string {
	rest, ok := strings.CutPrefix(text, "---\n")
	if !ok {
		rest, ok = strings.CutPrefix(text, "---\r\n")
	}
	if !ok {
		return text
	}
	for i := 0; i < len(rest); {
		j := strings.IndexByte(rest[i:], '\n')
		line := rest[i:]
		if j >= 0 {
			line = rest[i : i+j]
		}
		if strings.TrimRight(line, "\r") == "---" {
			if j < 0 {
				return ""
			}
			return rest[i+j+1:]
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return text
}

package cli

import (
	"io"
	"strings"
	"unicode/utf8"
)

// tableWidth is the widest line a table prints.
const tableWidth = 100

// table prints aligned columns that fit tableWidth: the wrap column (the
// evidence sentence, usually the last) takes the room the others leave
// and wraps onto continuation lines; other columns that are still too
// wide are cut with "…".
type table struct {
	header []string
	rows   [][]string
	// wrap is the index of the column that wraps, or -1.
	wrap int
}

func newTable(header ...string) *table { return &table{header: header, wrap: -1} }

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

const gap = 2

// widest is the index of the column with the longest cell: the one to
// wrap when nothing better is known.
func (t *table) widest() int {
	best, bestW := -1, 0
	for i := range t.header {
		w := runeLen(t.header[i])
		for _, r := range t.rows {
			if i < len(r) && runeLen(r[i]) > w {
				w = runeLen(r[i])
			}
		}
		if w > bestW {
			best, bestW = i, w
		}
	}
	return best
}

func (t *table) widths() []int {
	w := make([]int, len(t.header))
	for i, h := range t.header {
		w[i] = runeLen(h)
	}
	for _, r := range t.rows {
		for i, c := range r {
			if i < len(w) && runeLen(c) > w[i] {
				w[i] = runeLen(c)
			}
		}
	}
	total := func() int {
		s := gap * (len(w) - 1)
		for _, x := range w {
			s += x
		}
		return s
	}
	if t.wrap >= 0 {
		// The wrap column keeps at least 30 columns (or its natural width).
		min := 30
		if w[t.wrap] < min {
			min = w[t.wrap]
		}
		for total() > tableWidth && w[t.wrap] > min {
			w[t.wrap]--
		}
	}
	for total() > tableWidth {
		widest := -1
		for i, x := range w {
			if i != t.wrap && x > 6 && (widest < 0 || x > w[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			break
		}
		w[widest]--
	}
	return w
}

func (t *table) render(out io.Writer) error {
	w := t.widths()
	var b strings.Builder
	line := func(cells []string) {
		parts := make([][]string, len(w))
		height := 1
		for i := range w {
			c := ""
			if i < len(cells) {
				c = cells[i]
			}
			if i == t.wrap {
				parts[i] = wrapText(c, w[i])
			} else {
				parts[i] = []string{truncate(c, w[i])}
			}
			if len(parts[i]) > height {
				height = len(parts[i])
			}
		}
		for l := 0; l < height; l++ {
			var sb strings.Builder
			for i := range w {
				c := ""
				if l < len(parts[i]) {
					c = parts[i][l]
				}
				sb.WriteString(c)
				if i < len(w)-1 {
					sb.WriteString(strings.Repeat(" ", w[i]-runeLen(c)+gap))
				}
			}
			b.WriteString(strings.TrimRight(sb.String(), " "))
			b.WriteByte('\n')
		}
	}
	line(t.header)
	for _, r := range t.rows {
		line(r)
	}
	_, err := io.WriteString(out, b.String())
	return err
}

func runeLen(s string) int { return utf8.RuneCountInString(s) }

// truncate cuts s to n runes, marking the cut with "…".
func truncate(s string, n int) string {
	if runeLen(s) <= n {
		return s
	}
	if n <= 1 {
		return string([]rune(s)[:n])
	}
	return string([]rune(s)[:n-1]) + "…"
}

// wrapText breaks s into lines of at most n runes at spaces; a word
// longer than n is cut.
func wrapText(s string, n int) []string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return []string{""}
	}
	var lines []string
	cur := ""
	for _, word := range words {
		for runeLen(word) > n {
			if cur != "" {
				lines = append(lines, cur)
				cur = ""
			}
			r := []rune(word)
			lines = append(lines, string(r[:n]))
			word = string(r[n:])
		}
		switch {
		case cur == "":
			cur = word
		case runeLen(cur)+1+runeLen(word) <= n:
			cur += " " + word
		default:
			lines = append(lines, cur)
			cur = word
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// deref gives the string behind p, or "-" for nil or empty.
func deref(p *string) string {
	if p == nil || *p == "" {
		return "-"
	}
	return *p
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

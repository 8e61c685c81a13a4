package neo4jtest

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
)

// The whole graph, read back: every node with its labels and properties,
// every relationship with its type, its properties and the keys of its
// ends. Nodes are named by their key property (Article.id, Person.key,
// Country.code, Feed.url …), which is what makes two graphs comparable.
const (
	cypherSnapshotNodes = `MATCH (n) WHERE NOT n:NewsgraphTestDatabase
RETURN labels(n) AS labels, properties(n) AS props`
	cypherSnapshotRels = `MATCH (a)-[r]->(b)
RETURN labels(a) AS fromLabels, coalesce(a.id, a.key, a.code, a.url) AS fromKey,
       type(r) AS type, properties(r) AS props,
       labels(b) AS toLabels, coalesce(b.id, b.key, b.code, b.url) AS toKey`
)

// Snapshot returns the whole graph in s as sorted lines, one per node and
// one per relationship (a duplicated relationship gives two equal lines).
// List properties are compared as sets: the order in which concurrent
// loads append aliases or roles is not part of the graph's meaning.
func Snapshot(t testing.TB, s *graph.Store) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	nodes, err := s.Run(ctx, cypherSnapshotNodes, nil, false, 0)
	if err != nil {
		t.Fatalf("snapshot nodes: %v", err)
	}
	for _, r := range nodes.Rows {
		lines = append(lines, "node "+labelText(r[0])+" "+propText(t, r[1]))
	}
	rels, err := s.Run(ctx, cypherSnapshotRels, nil, false, 0)
	if err != nil {
		t.Fatalf("snapshot relationships: %v", err)
	}
	for _, r := range rels.Rows {
		lines = append(lines, fmt.Sprintf("rel (%s %v)-[%v %s]->(%s %v)",
			labelText(r[0]), r[1], r[2], propText(t, r[3]), labelText(r[4]), r[5]))
	}
	sort.Strings(lines)
	return lines
}

// SnapshotDiff says how got differs from want ("" when equal): counts of
// nodes by label and relationships by type on both sides, then the first
// lines that only one side has.
func SnapshotDiff(want, got []string) string {
	onlyWant, onlyGot := multisetMinus(want, got), multisetMinus(got, want)
	if len(onlyWant) == 0 && len(onlyGot) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "graphs differ: %d lines only in the clean load, %d only in this one\n", len(onlyWant), len(onlyGot))
	fmt.Fprintf(&b, "  clean load: %s\n  this one:   %s\n", kindCounts(want), kindCounts(got))
	for _, side := range []struct {
		name  string
		lines []string
	}{{"only in the clean load", onlyWant}, {"only in this one", onlyGot}} {
		for i, l := range side.lines {
			if i == 12 {
				fmt.Fprintf(&b, "  … %d more %s\n", len(side.lines)-i, side.name)
				break
			}
			fmt.Fprintf(&b, "  %s: %s\n", side.name, l)
		}
	}
	return b.String()
}

func labelText(v any) string {
	var ls []string
	for _, l := range v.([]any) {
		ls = append(ls, fmt.Sprint(l))
	}
	sort.Strings(ls)
	return strings.Join(ls, ":")
}

// propText renders properties as JSON with sorted keys and list values
// sorted. An empty list is no property: neo4j-admin's import stores none
// where load stores [], and readers coalesce a missing list to [].
func propText(t testing.TB, v any) string {
	t.Helper()
	m, _ := v.(map[string]any)
	for k, x := range m {
		if l, ok := x.([]any); ok && len(l) == 0 {
			delete(m, k)
		} else if ok {
			l = append([]any(nil), l...)
			sort.Slice(l, func(i, j int) bool { return fmt.Sprint(l[i]) < fmt.Sprint(l[j]) })
			m[k] = l
		}
	}
	b, err := json.Marshal(m) // encoding/json sorts map keys
	if err != nil {
		t.Fatalf("snapshot properties %v: %v", m, err)
	}
	return string(b)
}

// multisetMinus returns the lines of a not matched by a line of b, both sorted.
func multisetMinus(a, b []string) []string {
	var out []string
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j < len(b) && b[j] == x {
			j++
			continue
		}
		out = append(out, x)
	}
	return out
}

// kindCounts counts lines by node labels and relationship type.
func kindCounts(lines []string) string {
	n := map[string]int{}
	for _, l := range lines {
		f := strings.Fields(l)
		switch {
		case len(f) > 1 && f[0] == "node":
			n[f[1]]++
		case len(f) > 1 && f[0] == "rel":
			_, after, _ := strings.Cut(l, ")-[")
			typ, _, _ := strings.Cut(after, " ")
			n[typ]++
		}
	}
	keys := make([]string, 0, len(n))
	for k := range n {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s %d", k, n[k]))
	}
	return strings.Join(parts, ", ")
}

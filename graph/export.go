package graph

import (
	"context"
	"fmt"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// ExportNode is a node of an export. ID is stable across runs: the label
// and the node's key ("Person:marco rubio", "Country:US").
type ExportNode struct {
	ID    string
	Label string
	Props map[string]any
}

// ExportEdge is a relationship of an export, between two ExportNode IDs.
type ExportEdge struct {
	Type   string
	Source string
	Target string
	Props  map[string]any
}

// ExportSink receives an export as it streams: every node first, then
// every edge.
type ExportSink interface {
	Node(ExportNode) error
	Edge(ExportEdge) error
}

// ExportOptions says what to export: the whole graph, or the
// neighbourhood of one person.
type ExportOptions struct {
	// PersonKey, when set, limits the export to the nodes within Depth
	// steps of this person. Countries are reached but not crossed: they
	// join everyone of a nation and would pull in the whole graph.
	PersonKey string
	Depth     int
}

// exportLabels are the node labels an export holds (articles are not:
// they are the provenance, not the picture).
var exportLabels = []any{"Person", "Country", "Place", "Organization", "Meeting", "Trip", "Strike"}

const (
	cypherExportNodes = `MATCH (n)
WHERE any(l IN labels(n) WHERE l IN $labels) AND ($ids IS NULL OR elementId(n) IN $ids)
WITH n, [l IN labels(n) WHERE l IN $labels][0] AS label
RETURN label + ':' + coalesce(n.key, n.code) AS id, label, properties(n) AS props
ORDER BY id`

	cypherExportEdges = `MATCH (a)-[r:MET|TRAVELED_WITH|STRUCK|REPRESENTS|IN|ATTENDED|ON_TRIP|HELD_IN|TO|LAUNCHED|HIT]->(b)
WHERE ($ids IS NULL OR (elementId(a) IN $ids AND elementId(b) IN $ids))
  AND any(l IN labels(a) WHERE l IN $labels) AND any(l IN labels(b) WHERE l IN $labels)
RETURN [l IN labels(a) WHERE l IN $labels][0] + ':' + coalesce(a.key, a.code) AS source,
       [l IN labels(b) WHERE l IN $labels][0] + ':' + coalesce(b.key, b.code) AS target,
       type(r) AS type, properties(r) AS props
ORDER BY type, source, target`

	cypherExportStart = `MATCH (p:Person {key: $key}) RETURN elementId(p) AS id`

	cypherExportExpand = `UNWIND $frontier AS id
MATCH (n) WHERE elementId(n) = id AND NOT n:Country
MATCH (n)-[:MET|TRAVELED_WITH|STRUCK|REPRESENTS|IN|ATTENDED|ON_TRIP|HELD_IN|TO|LAUNCHED|HIT]-(m)
WHERE any(l IN labels(m) WHERE l IN $labels)
RETURN DISTINCT elementId(m) AS id`
)

// Export streams the graph, or a person's neighbourhood, to sink. The
// whole graph is read with one streaming query for nodes and one for
// edges, so memory does not grow with the graph.
func (s *Store) Export(ctx context.Context, o ExportOptions, sink ExportSink) error {
	var ids any // nil: everything
	if o.PersonKey != "" {
		set, err := s.neighbourhood(ctx, o.PersonKey, o.Depth)
		if err != nil {
			return err
		}
		ids = set
	}
	sess := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.db, AccessMode: neo4j.AccessModeRead})
	defer sess.Close(context.WithoutCancel(ctx))
	params := map[string]any{"ids": ids, "labels": exportLabels}
	err := stream(ctx, sess, cypherExportNodes, params, func(r *neo4j.Record) error {
		id, _ := r.Get("id")
		label, _ := r.Get("label")
		props, _ := r.Get("props")
		idS, _ := id.(string)
		labelS, _ := label.(string)
		pm, _ := props.(map[string]any)
		delete(pm, "contentHash")
		return sink.Node(ExportNode{ID: idS, Label: labelS, Props: plainMap(pm)})
	})
	if err != nil {
		return fmt.Errorf("export nodes: %w", s.wrap(err))
	}
	err = stream(ctx, sess, cypherExportEdges, params, func(r *neo4j.Record) error {
		src, _ := r.Get("source")
		tgt, _ := r.Get("target")
		typ, _ := r.Get("type")
		props, _ := r.Get("props")
		e := ExportEdge{}
		e.Source, _ = src.(string)
		e.Target, _ = tgt.(string)
		e.Type, _ = typ.(string)
		pm, _ := props.(map[string]any)
		e.Props = plainMap(pm)
		return sink.Edge(e)
	})
	if err != nil {
		return fmt.Errorf("export edges: %w", s.wrap(err))
	}
	return nil
}

// stream runs one auto-commit query and hands each record to f as it
// arrives. Not retried: a sink may already have written part of it.
func stream(ctx context.Context, sess neo4j.SessionWithContext, cypher string, params map[string]any, f func(*neo4j.Record) error) error {
	res, err := sess.Run(ctx, cypher, params)
	if err != nil {
		return err
	}
	for res.Next(ctx) {
		if err := f(res.Record()); err != nil {
			return err
		}
	}
	if err := res.Err(); err != nil {
		return err
	}
	_, err = res.Consume(ctx)
	return err
}

// neighbourhood returns the element ids of the nodes within depth steps
// of the person with key.
func (s *Store) neighbourhood(ctx context.Context, key string, depth int) ([]any, error) {
	res, err := s.query(ctx, cypherExportStart, map[string]any{"key": key}, false)
	if err != nil {
		return nil, fmt.Errorf("export: %w", err)
	}
	if len(res.Records) == 0 {
		return nil, fmt.Errorf("export: no person with key %q", key)
	}
	start, _ := res.Records[0].Get("id")
	seen := map[string]bool{start.(string): true}
	frontier := []any{start}
	for d := 0; d < depth && len(frontier) > 0; d++ {
		res, err := s.query(ctx, cypherExportExpand, map[string]any{"frontier": frontier, "labels": exportLabels}, false)
		if err != nil {
			return nil, fmt.Errorf("export: expand neighbourhood: %w", err)
		}
		frontier = frontier[:0:0]
		for _, r := range res.Records {
			id, _ := r.Get("id")
			if s, ok := id.(string); ok && !seen[s] {
				seen[s] = true
				frontier = append(frontier, s)
			}
		}
	}
	out := make([]any, 0, len(seen))
	for id := range seen {
		out = append(out, id)
	}
	return out, nil
}

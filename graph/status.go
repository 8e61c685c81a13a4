package graph

import (
	"context"
	"fmt"
)

// Status describes the server and the size of the graph.
type Status struct {
	URI           string `json:"uri"`
	Version       string `json:"version"`
	Edition       string `json:"edition"`
	Nodes         int64  `json:"nodes"`
	Relationships int64  `json:"relationships"`
}

const (
	cypherComponents = `CALL dbms.components() YIELD name, versions, edition
RETURN name, versions[0] AS version, edition`
	cypherCounts = `CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS rels }
RETURN nodes, rels`
)

// Status reports the server version and edition and the node and
// relationship counts (both read from the count store: constant time).
func (s *Store) Status(ctx context.Context) (Status, error) {
	st := Status{URI: s.uri}
	res, err := s.query(ctx, cypherComponents, nil, false)
	if err != nil {
		return st, fmt.Errorf("read server version: %w", err)
	}
	for _, r := range res.Records {
		if name, _ := r.Get("name"); name == "Neo4j Kernel" {
			v, _ := r.Get("version")
			e, _ := r.Get("edition")
			st.Version, _ = v.(string)
			st.Edition, _ = e.(string)
		}
	}
	res, err = s.query(ctx, cypherCounts, nil, false)
	if err != nil {
		return st, fmt.Errorf("count nodes and relationships: %w", err)
	}
	if len(res.Records) == 1 {
		n, _ := res.Records[0].Get("nodes")
		r, _ := res.Records[0].Get("rels")
		st.Nodes, _ = n.(int64)
		st.Relationships, _ = r.(int64)
	}
	return st, nil
}

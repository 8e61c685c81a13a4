// How two people are connected: a shortest chain of meetings (MET) and
// travel together (TRAVELED_WITH), at most 6 steps. A graph; click an
// edge for its count, or run edge-evidence.cypher on a pair for the
// sentences (`newsgraph path A B` shows both at once).
// Parameters: a and b (names, matched loosely with the full-text index).
:param a => 'Marco Rubio';
:param b => 'Rustem Umerov';

CALL db.index.fulltext.queryNodes('entity_names', $a) YIELD node, score
WHERE node:Person
WITH node AS pa ORDER BY score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', $b) YIELD node, score
WHERE node:Person AND node <> pa
WITH pa, node AS pb ORDER BY score DESC LIMIT 1
MATCH p = shortestPath((pa)-[:MET|TRAVELED_WITH*..6]-(pb))
RETURN p;

// A person's neighbourhood: the people they met or travelled with, and
// the people those met, with the countries they represent. A graph.
// Parameters: name (matched loosely with the full-text index), limit.
// For a wider circle change *1..2 to *1..3 (hop counts cannot be
// parameters in Cypher).
:param name => 'Emmanuel Macron';
:param limit => 200;

CALL db.index.fulltext.queryNodes('entity_names', $name) YIELD node, score
WHERE node:Person
WITH node AS me ORDER BY score DESC LIMIT 1
MATCH p = (me)-[:MET|TRAVELED_WITH*1..2]-(:Person)
WITH p LIMIT $limit
UNWIND nodes(p) AS x
OPTIONAL MATCH r = (x)-[:REPRESENTS]->(:Country)
RETURN p, collect(r) AS countries;

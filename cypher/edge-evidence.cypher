// The evidence behind an edge: every meeting or trip of two people, and
// each article and sentence that reports it. A table.
// Parameters: a and b (names, matched loosely with the full-text index).
:param a => 'Marco Rubio';
:param b => 'Emmanuel Macron';

CALL db.index.fulltext.queryNodes('entity_names', $a) YIELD node, score
WHERE node:Person
WITH node AS pa ORDER BY score DESC LIMIT 1
CALL db.index.fulltext.queryNodes('entity_names', $b) YIELD node, score
WHERE node:Person AND node <> pa
WITH pa, node AS pb ORDER BY score DESC LIMIT 1
MATCH (pa)-[:ATTENDED|ON_TRIP]->(e)<-[:ATTENDED|ON_TRIP]-(pb)
OPTIONAL MATCH (e)-[:HELD_IN|TO]->(pl:Place)
MATCH (art:Article)-[rep:REPORTS]->(e)
RETURN pa.name AS a, pb.name AS b, labels(e)[0] AS kind, e.date AS date, e.status AS status,
       pl.name AS place, rep.evidence AS evidence, art.id AS article, art.title AS title, art.url AS url
ORDER BY date, article;

// Whom one person met, with when, where and the sentence that says so
// (a table; the same answer as `newsgraph who-met NAME`).
// Parameters: name (matched loosely with the full-text index: case,
// accents and a surname or alias are fine; the best match is used).
:param name => 'Marco Rubio';

CALL db.index.fulltext.queryNodes('entity_names', $name) YIELD node, score
WHERE node:Person
WITH node AS me ORDER BY score DESC LIMIT 1
MATCH (me)-[:ATTENDED]->(m:Meeting)<-[:ATTENDED]-(other:Person)
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
MATCH (a:Article)-[rep:REPORTS]->(m)
RETURN me.name AS person, other.name AS met, m.date AS date, m.status AS status,
       pl.name AS place, rep.evidence AS evidence, a.id AS article, a.url AS url
ORDER BY date, met;

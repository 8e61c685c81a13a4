// Who met whom: the MET network, as a graph.
// Parameters: minCount (meetings a pair needs to show), limit (edges).
// An edge is one pair of people; its count, occurred/planned split and
// first/last dates are properties (click it). Style: cypher/style.grass.
:param minCount => 1;
:param limit => 300;

MATCH p = (a:Person)-[r:MET]->(b:Person)
WHERE r.count >= $minCount
RETURN p
ORDER BY r.count DESC
LIMIT $limit;

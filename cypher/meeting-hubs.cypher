// Top meeting hubs: the people who met the most others (degree in the
// MET network), with how many meetings that makes. A table.
// Parameters: limit (rows).
:param limit => 20;

MATCH (p:Person)-[r:MET]-(:Person)
WITH p, count(r) AS people, sum(r.count) AS meetings
RETURN p.name AS person, [(p)-[:REPRESENTS]->(c:Country) | c.code] AS countries,
       people AS metPeople, meetings
ORDER BY metPeople DESC, meetings DESC, person
LIMIT $limit;

// Meetings by place and month: how many meetings took place (or were
// planned) where, per month. Undated meetings count under 'undated'.
// Parameters: since and until (YYYY-MM-DD, inclusive; null for no bound),
// status ('occurred', 'planned' or null for both).
:param since => null;
:param until => null;
:param status => null;

MATCH (m:Meeting)
WHERE ($status IS NULL OR m.status = $status)
  AND ($since IS NULL OR m.date >= $since) AND ($until IS NULL OR m.date <= $until)
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
OPTIONAL MATCH (pl)-[:IN]->(c:Country)
RETURN coalesce(pl.name, 'unknown') AS place, c.code AS country,
       coalesce(substring(m.date, 0, 7), 'undated') AS month, count(m) AS meetings
ORDER BY month, meetings DESC, place;

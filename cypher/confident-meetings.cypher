// Meetings the models were surest of: each meeting whose best report scored
// at least $min, with its people, place, status and the sentence of that
// report. Judged on 1,500 unseen news articles, stored meetings scored 0.8 or
// more were right seven or eight times in ten, those between 0.5 and 0.8
// about one time in two or three (README, "How good the facts are"). A table.
// Parameters: min (the confidence, 0.5 to 1).
:param min => 0.8;

MATCH (art:Article)-[rep:REPORTS]->(m:Meeting)
WHERE rep.confidence >= $min
WITH m, art, rep ORDER BY rep.confidence DESC
WITH m, collect({confidence: rep.confidence, sentence: rep.evidence, article: art.id})[0] AS best
OPTIONAL MATCH (m)-[:HELD_IN]->(pl:Place)
RETURN [(p:Person)-[:ATTENDED]->(m) | p.name] AS people, m.status AS status, m.date AS date,
       pl.name AS place, best.confidence AS confidence, best.sentence AS sentence, best.article AS article
ORDER BY confidence DESC, date DESC
LIMIT 200;

// Strike map: which country or group struck which places, as a graph
// (attacker -STRUCK-> place -IN-> country). STRUCK carries count,
// first/last date and the number killed.
// Parameters: attacker (an ISO code such as 'RU', a group's name, or null
// for every attacker), country (ISO code of the places hit, or null).
:param attacker => 'RU';
:param country => null;

MATCH p = (att)-[s:STRUCK]->(pl:Place)
WHERE ($attacker IS NULL OR att.code = $attacker OR toLower(att.name) = toLower($attacker))
OPTIONAL MATCH q = (pl)-[:IN]->(c:Country)
WITH p, q, c
WHERE $country IS NULL OR c.code = $country
RETURN p, q;

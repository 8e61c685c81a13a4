// The seed article's people, who met or travelled with whom, and who struck where.
MATCH p = (:Person)-[:MET|TRAVELED_WITH]->(:Person)
RETURN p
UNION
MATCH p = (:Country|Organization)-[:STRUCK]->(:Place)
RETURN p

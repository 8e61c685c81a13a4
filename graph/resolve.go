package graph

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// NotFoundError says that no entity has the name given; Suggestions are
// close matches (fuzzy full-text hits), best first.
type NotFoundError struct {
	Kind        string // "person", "place", "country or group"
	Name        string
	Suggestions []string
}

func (e *NotFoundError) Error() string {
	if len(e.Suggestions) == 0 && e.Kind == "person" {
		return fmt.Sprintf("no person named %q in the graph (search names with `newsgraph people QUERY`)", e.Name)
	}
	if len(e.Suggestions) == 0 {
		return fmt.Sprintf("no %s named %q in the graph", e.Kind, e.Name)
	}
	return fmt.Sprintf("no %s named %q; did you mean %s?", e.Kind, e.Name, strings.Join(quoteAll(e.Suggestions), ", "))
}

// AmbiguousError says that a name fits several entities equally well.
type AmbiguousError struct {
	Kind       string
	Name       string
	Candidates []string
}

func (e *AmbiguousError) Error() string {
	return fmt.Sprintf("%q is ambiguous, it could be the %s %s; give the full name", e.Name, e.Kind, strings.Join(quoteAll(e.Candidates), " or "))
}

func quoteAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = fmt.Sprintf("%q", s)
	}
	return out
}

// entity is a candidate of a name look-up.
type entity struct {
	Key       string   `json:"key"`
	Name      string   `json:"name"`
	Aliases   []string `json:"aliases"`
	Label     string   `json:"label"`
	Countries []string `json:"countries"`
	Roles     []string `json:"roles"`
	Score     float64  `json:"score"`
}

func (e entity) display() string {
	if len(e.Countries) == 0 {
		return e.Name
	}
	return e.Name + " (" + strings.Join(e.Countries, ", ") + ")"
}

func (e entity) ref() PersonRef {
	return PersonRef{Key: e.Key, Name: e.Name, Aliases: e.Aliases, Countries: e.Countries, Roles: e.Roles}
}

const cypherEntityLookup = `CALL db.index.fulltext.queryNodes('entity_names', $lucene, {limit: $limit}) YIELD node, score
WITH node AS n, score WHERE any(l IN labels(n) WHERE l IN $labels)
RETURN coalesce(n.key, n.code) AS key, n.name AS name, coalesce(n.aliases, []) AS aliases,
  [l IN labels(n) WHERE l IN $labels][0] AS label, coalesce(n.roles, []) AS roles,
  CASE WHEN n:Country THEN [n.code] ELSE [(n)-[:REPRESENTS|IN]->(c:Country) | c.code] END AS countries, score
ORDER BY score DESC, name
LIMIT $limit`

// lookup returns the entities with one of labels that the full-text
// query lucene finds.
func (s *Store) lookup(ctx context.Context, lucene string, labels []string, limit int) ([]entity, error) {
	if lucene == "" {
		return nil, nil
	}
	var out []entity
	err := s.decodeAll(ctx, cypherEntityLookup, map[string]any{"lucene": lucene, "labels": toAny(labels), "limit": int64(limit)}, &out)
	if err != nil {
		if strings.Contains(err.Error(), "entity_names") {
			return nil, fmt.Errorf("search names: %w (the full-text index is missing: run `newsgraph schema` or load articles first)", err)
		}
		return nil, fmt.Errorf("search names: %w", err)
	}
	return out, nil
}

// ResolvePerson finds the one person a name argument means. The name is
// normalised (case, accents, punctuation) and compared with full names
// first, then with aliases and surnames, then with persons known only by
// a surname, and last with any run of words in a full name ("Andriy"). Several persons at the same step give an
// *AmbiguousError listing them; none at all a *NotFoundError with close
// matches.
func (s *Store) ResolvePerson(ctx context.Context, name string) (PersonRef, error) {
	q := normName(name)
	if q == "" {
		return PersonRef{}, errors.New("empty person name")
	}
	cands, err := s.lookup(ctx, nameQuery(name, q), []string{"Person"}, 200)
	if err != nil {
		return PersonRef{}, err
	}
	var full, alias, lone, partial []entity
	for _, c := range cands {
		multi := strings.Contains(c.Key, " ")
		switch {
		case multi && normName(c.Name) == q:
			full = append(full, c)
		case multi && (surname(normName(c.Name)) == q || anyNorm(c.Aliases, q)):
			alias = append(alias, c)
		case !multi && (normName(c.Name) == q || anyNorm(c.Aliases, q)):
			lone = append(lone, c)
		case multi && containsWords(normName(c.Name), q):
			partial = append(partial, c)
		}
	}
	for _, tier := range [][]entity{full, alias, lone, partial} {
		switch len(tier) {
		case 0:
			continue
		case 1:
			return tier[0].ref(), nil
		default:
			names := make([]string, len(tier))
			for i, c := range tier {
				names[i] = c.display()
			}
			return PersonRef{}, &AmbiguousError{Kind: "person", Name: name, Candidates: names}
		}
	}
	sugg, err := s.suggest(ctx, q, []string{"Person"})
	if err != nil {
		return PersonRef{}, err
	}
	return PersonRef{}, &NotFoundError{Kind: "person", Name: name, Suggestions: sugg}
}

// ResolvePlaces returns the keys of every place with the name (after
// normalisation): "Paris" may be Paris, France and Paris, Texas.
func (s *Store) ResolvePlaces(ctx context.Context, name string) ([]string, error) {
	q := normName(name)
	if q == "" {
		return nil, errors.New("empty place name")
	}
	cands, err := s.lookup(ctx, nameQuery(name, q), []string{"Place"}, 200)
	if err != nil {
		return nil, err
	}
	var keys []string
	for _, c := range cands {
		if normName(c.Name) == q || anyNorm(c.Aliases, q) {
			keys = append(keys, c.Key)
		}
	}
	if len(keys) > 0 {
		return sortedUnique(keys), nil
	}
	sugg, err := s.suggest(ctx, q, []string{"Place"})
	if err != nil {
		return nil, err
	}
	return nil, &NotFoundError{Kind: "place", Name: name, Suggestions: sugg}
}

// Party is an attacker: a country (Code) or an organisation (Key).
type Party struct {
	Code string `json:"code,omitempty"`
	Key  string `json:"key,omitempty"`
	Name string `json:"name"`
}

// ResolveCountry turns an ISO code or a country name into an ISO code.
func (s *Store) ResolveCountry(ctx context.Context, name string) (string, error) {
	p, err := s.resolveParty(ctx, name, []string{"Country"}, "country")
	return p.Code, err
}

// ResolveParty turns an ISO code, a country name or a group's name into
// the country or organisation it means.
func (s *Store) ResolveParty(ctx context.Context, name string) (Party, error) {
	return s.resolveParty(ctx, name, []string{"Country", "Organization"}, "country or group")
}

func (s *Store) resolveParty(ctx context.Context, name string, labels []string, kind string) (Party, error) {
	t := strings.TrimSpace(name)
	if isISOCode(strings.ToUpper(t)) && len(t) == 2 {
		return Party{Code: strings.ToUpper(t), Name: strings.ToUpper(t)}, nil
	}
	q := normName(t)
	if q == "" {
		return Party{}, fmt.Errorf("empty %s name", kind)
	}
	cands, err := s.lookup(ctx, nameQuery(t, q), labels, 200)
	if err != nil {
		return Party{}, err
	}
	var hits []entity
	for _, c := range cands {
		if normName(c.Name) == q || anyNorm(c.Aliases, q) || (c.Label == "Country" && strings.EqualFold(c.Key, t)) {
			hits = append(hits, c)
		}
	}
	switch len(hits) {
	case 1:
		if hits[0].Label == "Country" {
			return Party{Code: hits[0].Key, Name: hits[0].Name}, nil
		}
		return Party{Key: hits[0].Key, Name: hits[0].Name}, nil
	case 0:
		sugg, err := s.suggest(ctx, q, labels)
		if err != nil {
			return Party{}, err
		}
		return Party{}, &NotFoundError{Kind: kind, Name: name, Suggestions: sugg}
	default:
		names := make([]string, len(hits))
		for i, c := range hits {
			names[i] = c.Name + " (" + strings.ToLower(c.Label) + ")"
		}
		return Party{}, &AmbiguousError{Kind: kind, Name: name, Candidates: names}
	}
}

// suggest lists up to five close matches of a normalised name.
func (s *Store) suggest(ctx context.Context, q string, labels []string) ([]string, error) {
	hits, err := s.lookup(ctx, fuzzyQuery(q), labels, 5)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(hits))
	for _, h := range hits {
		out = append(out, h.Name)
	}
	return out, nil
}

// containsWords says whether the words of q appear in a row in name
// (both normalised).
func containsWords(name, q string) bool {
	return strings.Contains(" "+name+" ", " "+q+" ")
}

func anyNorm(names []string, q string) bool {
	for _, n := range names {
		if normName(n) == q {
			return true
		}
	}
	return false
}

// luceneSpecial are the characters the Lucene query parser gives a
// meaning; a backslash makes them literal.
const luceneSpecial = `+-&|!(){}[]^"~*?:\/`

// EscapeLucene makes s a literal term for the Lucene query parser, which
// the full-text index uses: every special character gets a backslash, and
// the operators AND, OR and NOT are lower-cased into ordinary words.
func EscapeLucene(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(luceneSpecial, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	out := b.String()
	switch out {
	case "AND", "OR", "NOT":
		return strings.ToLower(out)
	}
	return out
}

// nameQuery is the full-text query for a name argument whose normal form
// is q: the phrase of q's words, or of the name's words with their
// apostrophes, which the index's tokenizer keeps ("O'Brien" is indexed as
// o'brien, where q has obrien).
func nameQuery(name, q string) string {
	pq := phraseQuery(q)
	if !strings.ContainsAny(name, "'’") {
		return pq
	}
	words := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(name, "’", "'")), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
	if aq := phraseQuery(strings.Join(words, " ")); aq != "" && aq != pq {
		return pq + " OR " + aq
	}
	return pq
}

// phraseQuery finds names containing all words of q in order.
func phraseQuery(q string) string {
	words := strings.Fields(q)
	if len(words) == 0 {
		return ""
	}
	for i, w := range words {
		words[i] = EscapeLucene(w)
	}
	return `"` + strings.Join(words, " ") + `"`
}

// fuzzyQuery is the tolerant search of `people`: every word of q must
// match a word of a name exactly (best), as a prefix, or within one or
// two edits ("macrn" finds Macron, "zelenskyy" Zelensky).
func fuzzyQuery(q string) string {
	words := strings.Fields(normName(q))
	clauses := make([]string, 0, len(words))
	for _, w := range words {
		e := EscapeLucene(w)
		n := len([]rune(w))
		switch {
		case n <= 2:
			clauses = append(clauses, fmt.Sprintf("(%s^4 OR %s*)", e, e))
		case n <= 5:
			clauses = append(clauses, fmt.Sprintf("(%s^4 OR %s*^2 OR %s~1)", e, e, e))
		default:
			clauses = append(clauses, fmt.Sprintf("(%s^4 OR %s*^2 OR %s~2)", e, e, e))
		}
	}
	return strings.Join(clauses, " AND ")
}

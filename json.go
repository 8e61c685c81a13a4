package newsgraph

import "encoding/json"

// The evaluation format writes an unknown value as null, not "": these
// MarshalJSON methods do so for the optional string fields, keep the
// format's field order, and write empty lists as [] rather than null.

func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func orEmpty[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

// MarshalJSON writes an unknown country or role as null.
func (p Person) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
		Country *string  `json:"country"`
		Role    *string  `json:"role"`
	}{p.Name, orEmpty(p.Aliases), nullable(p.Country), nullable(p.Role)})
}

// MarshalJSON writes an unknown place or date as null.
func (m Meeting) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		A      string  `json:"a"`
		B      string  `json:"b"`
		Place  *string `json:"place"`
		Date   *string `json:"date"`
		Status string  `json:"status"`
		CAMEO  string  `json:"cameo,omitempty"`
		Evidence
	}{m.A, m.B, nullable(m.Place), nullable(m.Date), m.Status, m.CAMEO, m.Evidence})
}

// MarshalJSON writes an unknown destination as null.
func (t Travel) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		A  string  `json:"a"`
		B  string  `json:"b"`
		To *string `json:"to"`
		Evidence
	}{t.A, t.B, nullable(t.To), t.Evidence})
}

// MarshalJSON writes an unknown attacker, country or date as null.
func (s Strike) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Attacker      *string `json:"attacker"`
		Target        string  `json:"target"`
		TargetCountry *string `json:"target_country"`
		Weapon        string  `json:"weapon"`
		Killed        *int    `json:"killed"`
		Injured       *int    `json:"injured"`
		Date          *string `json:"date"`
		CAMEO         string  `json:"cameo,omitempty"`
		Evidence
	}{nullable(s.Attacker), s.Target, nullable(s.TargetCountry), s.Weapon, s.Killed, s.Injured, nullable(s.Date), s.CAMEO, s.Evidence})
}

// MarshalJSON writes an unknown publication date as null and every list,
// even an empty one, as a JSON array.
func (f Facts) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		ID            string         `json:"id"`
		Published     *string        `json:"published"`
		Persons       []Person       `json:"persons"`
		Countries     []string       `json:"countries"`
		Places        []Place        `json:"places"`
		Organizations []Organization `json:"organizations"`
		Met           []Meeting      `json:"met"`
		TraveledWith  []Travel       `json:"traveled_with"`
		Struck        []Strike       `json:"struck"`
		Mentions      []Mention      `json:"mentions"`
	}{f.ID, nullable(f.Published), orEmpty(f.Persons), orEmpty(f.Countries), orEmpty(f.Places),
		orEmpty(f.Organizations), orEmpty(f.Met), orEmpty(f.TraveledWith), orEmpty(f.Struck), orEmpty(f.Mentions)})
}

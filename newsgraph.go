// Package newsgraph holds the shared vocabulary of the newsgraph tool: the
// article that goes in, and the facts (people, countries, places,
// organisations, meetings, travel together, strikes) that come out of it and
// go into the graph. It does no I/O.
//
// The JSON shape of Facts is the extraction output format that the
// evaluation reads (see README): field names follow it exactly; extra
// fields (offsets, rule, confidence, CAMEO code) are additions it ignores.
package newsgraph

// Article is one news article as read from a file, a folder, a feed or stdin.
type Article struct {
	// ID is stable: the article's own id or URL (a JSON id, a feed item's
	// GUID or link); else, for a file found in a folder named on the
	// command line, its path inside that folder without extension
	// ("politics/001"); for a file named directly, its name without
	// extension.
	ID string `json:"id"`
	// Title is the headline (the first line of a text file).
	Title string `json:"title,omitempty"`
	// Text is the whole article as read (title line included for text
	// files); mention offsets count Unicode code points into it.
	Text string `json:"-"`
	// URL of the article, when the source gives one.
	URL string `json:"url,omitempty"`
	// Published is the article's date as YYYY-MM-DD, or "" when unknown.
	Published string `json:"published,omitempty"`
	// Source names where the article came from (a feed title, a site).
	Source string `json:"source,omitempty"`
	// Path is the file (or feed) the article was read from.
	Path string `json:"path,omitempty"`
}

// Entity types of a Mention, as in CoNLL-2003.
const (
	PER  = "PER"
	LOC  = "LOC"
	ORG  = "ORG"
	MISC = "MISC"
)

// Status of a meeting.
const (
	Occurred = "occurred"
	Planned  = "planned"
)

// Weapons of a strike.
const (
	WeaponMissile   = "missile"
	WeaponDrone     = "drone"
	WeaponAirstrike = "airstrike"
	WeaponArtillery = "artillery"
	WeaponRocket    = "rocket"
	WeaponBomb      = "bomb"
	WeaponOther     = "other"
)

// Mention is one entity mention in the article text. Start and End are
// offsets in Unicode code points (End exclusive).
type Mention struct {
	Text  string `json:"text"`
	Type  string `json:"type"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Person is one named person of an article, after in-document coreference.
type Person struct {
	// Name is the fullest form the article gives.
	Name string `json:"name"`
	// Aliases are the other surface forms the article uses for the person.
	Aliases []string `json:"aliases"`
	// Country is the ISO 3166-1 alpha-2 code of the state the person
	// represents, or "" when the text does not say.
	Country string `json:"country"`
	// Role is the office or title the text gives, or "".
	Role string `json:"role"`
}

// Place is a named city, region or facility.
type Place struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// Organization is a named organisation or armed group.
type Organization struct {
	Name    string `json:"name"`
	Country string `json:"country,omitempty"`
}

// Evidence locates the sentence that states a fact.
type Evidence struct {
	// Sentence is the text of the sentence (or the part of it) that
	// states the fact.
	Sentence string `json:"evidence"`
	// Start and End are code point offsets of Sentence in the article.
	Start int `json:"evidence_start"`
	End   int `json:"evidence_end"`
	// Rule names the pattern that produced the fact, so errors can be traced.
	Rule string `json:"rule,omitempty"`
	// Confidence is the extractor's confidence in the fact, in (0, 1].
	Confidence float64 `json:"confidence,omitempty"`
	// Explain says why the extractor believes the fact; set only when
	// asked for (newsgraph extract --explain).
	Explain *Explanation `json:"explain,omitempty"`
}

// Explanation is the reasoning behind one extracted event: the trigger
// word, the syntactic path from it to the arguments, the model's score
// against its threshold and the features that weighed most.
type Explanation struct {
	Trigger   string          `json:"trigger"`
	Path      string          `json:"path"`
	Score     float64         `json:"score"`
	Threshold float64         `json:"threshold"`
	Features  []FeatureWeight `json:"features"`
	// Attacker says how a strike's attacker was read: Reading is "agent"
	// (named as the attack's agent in its sentence), "model" (the
	// attacker model's pick in the sentence), "told before" (an earlier
	// sentence's attacker) or "claim" (a claim of responsibility); the
	// rest is that attacker candidate's own explanation, when it has one.
	Attacker *AttackerWhy `json:"attacker,omitempty"`
	// Place says how a meeting's place was read: "phrase" (the trigger's
	// in- or at-phrase), "venue" (a seat of government: "an Oval Office
	// meeting"), "other trigger", "argument", "where", "here",
	// "visit" (a participant's stated journey), "pair" (another sentence
	// of the article places the pair's meeting) or "dateline" (the wire
	// dateline of a meeting the story does not locate).
	Place string `json:"place,omitempty"`
}

// AttackerWhy is the reasoning behind a strike's attacker.
type AttackerWhy struct {
	Reading string `json:"reading"`
	*Explanation
}

// FeatureWeight is one feature of a decision with its learned weight
// (positive: for the event; negative: against it).
type FeatureWeight struct {
	Feature string  `json:"feature"`
	Weight  float64 `json:"weight"`
}

// Meeting is a face-to-face meeting of two named persons (one per pair).
type Meeting struct {
	A      string `json:"a"`
	B      string `json:"b"`
	Place  string `json:"place"`
	Date   string `json:"date"`
	Status string `json:"status"`
	// CAMEO is the CAMEO event code (e.g. 043 visit, 044 meet, 036 intent to meet).
	CAMEO string `json:"cameo,omitempty"`
	Evidence
}

// Travel says that two named persons travelled together (one per pair).
type Travel struct {
	A  string `json:"a"`
	B  string `json:"b"`
	To string `json:"to"`
	Evidence
}

// Strike is a military attack with weapons on one named place.
type Strike struct {
	// Attacker is an ISO code of a state or the name of an armed group, or "".
	Attacker      string `json:"attacker"`
	Target        string `json:"target"`
	TargetCountry string `json:"target_country"`
	Weapon        string `json:"weapon"`
	// Killed and Injured are nil when the text gives no number.
	Killed  *int   `json:"killed"`
	Injured *int   `json:"injured"`
	Date    string `json:"date"`
	CAMEO   string `json:"cameo,omitempty"`
	Evidence
}

// Facts is everything extracted from one article.
type Facts struct {
	ID            string         `json:"id"`
	Published     string         `json:"published"`
	Persons       []Person       `json:"persons"`
	Countries     []string       `json:"countries"`
	Places        []Place        `json:"places"`
	Organizations []Organization `json:"organizations"`
	Met           []Meeting      `json:"met"`
	TraveledWith  []Travel       `json:"traveled_with"`
	Struck        []Strike       `json:"struck"`
	Mentions      []Mention      `json:"mentions"`
}

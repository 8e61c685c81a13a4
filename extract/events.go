package extract

import (
	"bytes"
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
	"github.com/newsgraph/newsgraph/extract/classify"
)

// The event layer. Sentences that may hold an event are parsed; the parse
// gives candidates (see evcand.go), learned models score them (weights in
// data/events.model.gz, trained by scripts/train-events on annotated real
// news), and the candidates the models accept become meetings, travel
// together and strikes, each with its evidence sentence, the trigger and
// path that made it (Rule) and the model's probability (Confidence).

// eventModels are the learned decisions of the event layer.
// Each event kind has two models whose probabilities multiply: one of the
// trigger (is this an event of the kind at all?) and one of the arguments
// (do these persons, this place, fill its roles?); the arguments model's
// threshold applies to the product.
type eventModels struct {
	meet, planned, travel, target, attacker *classify.Model
	meetT, travelT, targetT                 *classify.Model
	person                                  *classify.Model // nil: keep every person
}

func loadEventModels() (*eventModels, error) {
	raw, err := dataFS.ReadFile("data/events.model.gz") // ReadBundle unzips
	if err != nil {
		return nil, err
	}
	b, err := classify.ReadBundle(bytes.NewReader(raw))
	if err != nil {
		return nil, err
	}
	if len(b) == 0 {
		return nil, nil // not trained yet: candidates only, no events
	}
	m := &eventModels{meet: b["meet"], planned: b["meet.planned"], travel: b["travel"], target: b["attack"], attacker: b["attacker"], person: b["person"],
		meetT: b["meet.trigger"], travelT: b["travel.trigger"], targetT: b["attack.trigger"]}
	for name, mm := range map[string]*classify.Model{"meet": m.meet, "meet.planned": m.planned, "travel": m.travel, "attack": m.target, "attacker": m.attacker} {
		if mm == nil {
			return nil, fmt.Errorf("events model %q missing", name)
		}
	}
	return m, nil
}

// events adds meetings, travel together and strikes to f.
func (x *Extractor) events(d *Doc, f *newsgraph.Facts, explain bool) {
	if len(d.Sentences) == 0 {
		return
	}
	c := newEvCtx(x, d, f.Published)
	c.explain, c.keyed = explain, !explain
	if f.Published == "" && !c.ref.IsZero() {
		// the article states its date (a date line or a wire dateline
		// with the year): that is its publication date
		f.Published = c.ref.Format("2006-01-02")
	}
	cands := c.allCandidates()
	if x.models == nil {
		return
	}
	for i := range cands {
		cands[i].Score = x.models.score(&cands[i])
	}
	f.Met = append(f.Met, c.meetings(cands)...)
	f.TraveledWith = append(f.TraveledWith, c.travels(cands)...)
	f.Struck = append(f.Struck, c.strikes(cands)...)
}

// score is the probability that candidate cd is an event: the trigger
// model's times the arguments model's.
func (m *eventModels) score(cd *Candidate) float64 {
	p := m.of(cd.Kind).Prob(&cd.F)
	if t := m.triggerOf(cd.Kind); t != nil {
		p *= t.Prob(&cd.T)
	}
	return p
}

func (m *eventModels) triggerOf(kind string) *classify.Model {
	switch kind {
	case candMeet:
		return m.meetT
	case candTravel:
		return m.travelT
	case candTarget:
		return m.targetT
	}
	return nil
}

func (m *eventModels) of(kind string) *classify.Model {
	switch kind {
	case candMeet:
		return m.meet
	case candTravel:
		return m.travel
	case candTarget:
		return m.target
	}
	return m.attacker
}

// EventCandidates returns the unscored candidates of an analysed article,
// for training the event models on exactly the features Extract reads.
func (x *Extractor) EventCandidates(d *Doc, published string) []Candidate {
	if len(d.Sentences) == 0 {
		return nil
	}
	return newEvCtx(x, d, published).allCandidates()
}

func (c *evCtx) allCandidates() []Candidate {
	var out []Candidate
	for s := range c.d.Sentences {
		if !c.mayHoldEvent(s) {
			continue
		}
		es := c.sentence(s)
		c.parsed[s] = es
		out = append(out, c.candidates(es)...)
	}
	return out
}

func (c *evCtx) evidence(cd *Candidate, model *classify.Model) newsgraph.Evidence {
	ev := c.sentText(cd.Sent)
	ev.Rule = cd.Kind + "/" + cd.Trigger
	ev.Confidence = confidence(cd.Score)
	if c.explain {
		ev.Explain = c.explanation(cd, model)
	}
	return ev
}

// confidence is a score as stored, to three decimals.
func confidence(score float64) float64 { return float64(int(score*1000+0.5)) / 1000 }

// explanation says why candidate cd was taken: its trigger, path, score
// against model's threshold and the strongest features of the model and
// of its trigger model.
func (c *evCtx) explanation(cd *Candidate, model *classify.Model) *newsgraph.Explanation {
	x := &newsgraph.Explanation{Trigger: cd.Trigger, Path: cd.Path, Score: confidence(cd.Score), Threshold: model.Threshold}
	top := model.Explain(&cd.F, 5)
	if t := c.x.models.triggerOf(cd.Kind); t != nil {
		for _, k := range t.Explain(&cd.T, 5) {
			k.Feature = "trigger:" + k.Feature
			top = append(top, k)
		}
	}
	slices.SortStableFunc(top, func(a, b classify.Contribution) int {
		return cmp.Compare(math.Abs(b.Weight), math.Abs(a.Weight))
	})
	for _, k := range top[:min(len(top), 8)] {
		x.Features = append(x.Features, newsgraph.FeatureWeight{Feature: k.Feature, Weight: float64(int(k.Weight*1000)) / 1000})
	}
	return x
}

// best keeps, for each key, the accepted candidate with the highest score,
// in the order of the keys' first accepted candidates.
func best(cands []Candidate, kind string, threshold float64, key func(*Candidate) string) []*Candidate {
	idx := map[string]int{}
	var out []*Candidate
	for i := range cands {
		cd := &cands[i]
		if cd.Kind != kind || cd.Score < threshold {
			continue
		}
		k := key(cd)
		if j, ok := idx[k]; ok {
			if cd.Score > out[j].Score {
				out[j] = cd
			}
			continue
		}
		idx[k] = len(out)
		out = append(out, cd)
	}
	return out
}

func (c *evCtx) pairKey(cd *Candidate) string {
	a, b := cd.A, cd.B
	if a > b {
		a, b = b, a
	}
	return fmt.Sprint(a, "-", b)
}

// meetings turns the accepted meet candidates into one meeting per pair.
func (c *evCtx) meetings(cands []Candidate) []newsgraph.Meeting {
	m := c.x.models
	for i := range cands {
		if cd := &cands[i]; cd.Kind == candMeet && cd.Score >= m.meet.Threshold && (c.manyGathering(cd) || c.remoteMedium(cd) || c.otherGuests(cd)) {
			cd.Score = 0 // rules "a gathering of many", "a remote medium", "another meeting's guest"
		}
	}
	var out []newsgraph.Meeting
	for _, cd := range best(cands, candMeet, m.meet.Threshold, c.pairKey) {
		status := newsgraph.Occurred
		if c.plannedMeeting(cd) {
			status = newsgraph.Planned
		}
		place, placeFrom := c.meetingPlace(cd, cands, status)
		cameo := c.cameo(cd)
		if status == newsgraph.Planned {
			cameo = "036" // express intent to meet or negotiate
		}
		out = append(out, newsgraph.Meeting{
			A: c.d.Persons[cd.A].Name, B: c.d.Persons[cd.B].Name,
			Place: place, Date: c.dateIn(cd.Sent, status == newsgraph.Planned), Status: status,
			CAMEO: cameo, Evidence: c.evidence(cd, m.meet),
		})
		if ex := out[len(out)-1].Explain; ex != nil && place != "" {
			ex.Place = placeFrom
		}
	}
	return append(out, c.joined(out, cands)...)
}

// meetingPlace returns the place of the meeting that candidate cd tells,
// with the reading that gave it (shown by --explain): "phrase" (the
// trigger's own in- or at-phrase), "venue" (a seat of government the
// trigger's phrases name, venuePlace), "building" (a place the gazetteer
// does not know, in the city the article puts it in: buildingCity, read
// from the trigger's phrases or another reading's place), "other trigger" (an accepted trigger of
// the same pair in the sentence), "argument" (a participant's in- or
// at-phrase), "where" (a "where" clause's place), "here" (the dateline's
// city, said "here"), "visit" (a participant's stated journey), "pair"
// (another sentence of the pair, pairPlace) or "dateline" (the wire
// dateline, for a meeting the story says took place but does not locate).
func (c *evCtx) meetingPlace(cd *Candidate, cands []Candidate, status string) (place, from string) {
	defer func() {
		var building bool
		if place, building = c.placeCity(place); building {
			from = "building"
		}
	}()
	if place = c.linkedPlace(cd, meetingPlaceRels...); place != "" {
		return place, "phrase"
	}
	if place, building := c.venuePlace(cd); place != "" {
		if building {
			return place, "building"
		}
		return place, "venue"
	}
	// rule "the pair's other trigger": "Townsend met with Bush at the
	// family compound in Kennebunkport during a board meeting" is stored
	// from "meeting", placed by "met": an accepted trigger of the same
	// pair, status and sentence tells the same meeting ("met in the White
	// House with Trump to discuss" stored from "discuss"), unless it is
	// the stored one's own purpose or complement clause, whose places are
	// topics ("met Kerry to discuss the war in Syria"), or told at another
	// status ("Hu will pay a visit to the United States" for the talks
	// with visiting Bush). Judged on pools 40-46, a narrower link (one
	// trigger a phrase of the other) lost more right places than wrong
	// ones.
	for i := range cands {
		if o := &cands[i]; o != cd && o.Sent == cd.Sent && c.samePairMeeting(cd, o, status) && !clauseOf(o.ss, cd.trig, o.trig) {
			if place = c.ownPlace(o); place != "" {
				return place, "other trigger"
			}
		}
	}
	if place = c.argPlace(cd, "nmod[in]", "nmod[at]"); place != "" {
		return place, "argument"
	}
	if place = c.wherePlace(cd); place != "" {
		return place, "where"
	}
	if c.hereAt(cd) && c.dateline != "" {
		return c.dateline, "here" // "met with visiting X here on Tuesday"
	}
	if place = c.visitPlace(cd, cands, status == newsgraph.Planned); place != "" {
		return place, "visit"
	}
	if place = c.pairPlace(cd, cands, status); place != "" {
		return place, "pair"
	}
	if status == newsgraph.Occurred && c.dateline != "" {
		// A wire story's dateline is where the reporter is, so it
		// stands for the place of a meeting the story says took place
		// but does not locate; never for one still to come.
		return c.dateline, "dateline"
	}
	return "", ""
}

// samePairMeeting says whether o is an accepted meet candidate of cd's
// pair told at the meeting's status.
func (c *evCtx) samePairMeeting(cd, o *Candidate, status string) bool {
	return o.Kind == candMeet && o.Score >= c.x.models.meet.Threshold && samePair(cd, o) &&
		c.plannedMeeting(o) == (status == newsgraph.Planned)
}

// samePair says whether candidates a and b pair the same two persons, in
// either order (pairKey's key, without building it).
func samePair(a, b *Candidate) bool {
	return a.A == b.A && a.B == b.B || a.A == b.B && a.B == b.A
}

// ownPlace is the place meet candidate o's own sentence gives it: its
// trigger's place phrase, else a seat of government its phrases name.
func (c *evCtx) ownPlace(o *Candidate) string {
	if p := c.linkedPlace(o, meetingPlaceRels...); p != "" {
		return p
	}
	p, _ := c.venuePlace(o)
	return p
}

// pairPlace is rule "the pair's other sentence": a meeting whose own
// sentence places it nowhere took place where the nearest other sentence
// of the article that tells the same pair meeting, at the same status,
// places it by its own phrase or a seat of government ("Trump and Kim
// finally met in Hanoi on Wednesday evening" for "their first meeting in
// eight months"). A sentence that names other times than the meeting's
// own (weekdays, months, years: timeMarks) tells another meeting ("met
// with Obama in the Oval Office" last November, not on Wednesday). A
// place the gazetteer does not know is a building ("met at Trump
// Tower"), not the city the graph keys meetings by: where the nearest
// placed sentence names one, the meeting stays unplaced, unless the
// article puts the building in a city (rule "a building's city", which
// ownPlace reads through venuePlace). A country whose
// city the wire dateline and the text name is that city, as for a
// journey (datelineStated).
func (c *evCtx) pairPlace(cd *Candidate, cands []Candidate, status string) string {
	marks := c.timeMarks(cd.Sent)
	place, dist := "", 0
	for i := range cands {
		o := &cands[i]
		if o.Sent == cd.Sent || !c.samePairMeeting(cd, o, status) {
			continue
		}
		n := max(o.Sent-cd.Sent, cd.Sent-o.Sent)
		if place != "" && n >= dist {
			continue
		}
		if om := c.timeMarks(o.Sent); len(om) > 0 && len(marks) > 0 && !sharesKey(om, marks) {
			continue
		}
		if p := c.ownPlace(o); p != "" {
			place, dist = p, n
		}
	}
	if _, known := c.x.PlaceCountry(place); !known {
		return ""
	}
	// a country whose city the wire dateline names, and the text too,
	// went to that city (as a journey does: datelineStated); meetingPlace
	// maps a seat of government to its city
	if k, _ := keyOf(place); c.x.gaz.countries[k].Kind == "name" && c.datelineStated(c.x.gaz.countries[k].Code) {
		return c.dateline
	}
	return place
}

// venuePlace is rule "a seat of government": a meeting in a seat of
// government or legislature of the gazetteer's venues (venues.tsv, by
// scripts/gazetteer/build.py) took place in its city, whatever the tagger
// made of the name (it reads "Oval Office" as an organisation): the venue
// in one of the trigger's place phrases (meetingPlaceRels, or its support
// verb's: "met privately in the Oval Office with", "held talks in the
// Kremlin"), in an "on" phrase ("met ... on Capitol Hill", which rule
// "a setting's place" leaves to topics), as the trigger's compound ("a
// White House meeting", "an Oval Office meeting"), or in a participant's
// in- or at-phrase, where the parser often hangs it ("met with Trump in
// the Oval Office"). A building the article puts in a city (rule "a
// building's city") is read in the same places. Returns the venue's
// city, or "", and whether the venue was such a building.
func (c *evCtx) venuePlace(cd *Candidate) (string, bool) {
	es := c.parsed[cd.Sent]
	if es == nil || es.ss == nil {
		return "", false
	}
	ss := es.ss
	heads := []int{cd.trig}
	if w := ss.s.Words[cd.trig]; w.UPOS == "NOUN" && w.Deprel == "obj" {
		if h := ss.head(cd.trig); h >= 0 && c.lightVerb(ss, cd.trig, h) {
			heads = append(heads, h)
		}
	}
	// the venue at tokens k..k+n: its city when the meeting is there
	at := func(k, n int, city string) (string, bool) {
		v := ss.spanHead(k, k+n)
		if v < 0 || slices.Contains(cd.args, v) {
			return "", false
		}
		for _, h := range heads {
			if down := placePath(ss, h, v); down != nil && venueRels[ss.label(down[0])] {
				return city, true
			}
		}
		if l := ss.label(v); (l == "nmod[in]" || l == "nmod[at]") && slices.ContainsFunc(cd.args, func(a int) bool {
			return a == ss.head(v) || groupHead(ss, a) == ss.head(v)
		}) {
			return city, true
		}
		return "", false
	}
	sent := c.d.Sentences[cd.Sent]
	for k := sent.Tok0; k < sent.Tok1; k++ {
		for n := min(c.x.gaz.venueLen[c.d.Tokens[k].Text], sent.Tok1-k); n > 0; n-- {
			city, ok := c.x.gaz.venues[keyAt(c.d, k, n, false)]
			if !ok {
				continue
			}
			if city, ok := at(k, n, city); ok {
				return city, false
			}
			break
		}
	}
	// rule "a building's city": a building the article places in a city
	for _, mi := range c.d.SentenceMentions(cd.Sent) {
		m := &c.d.Mentions[mi]
		if city := c.buildingCity(mentionName(m)); city != "" {
			if city, ok := at(m.Tok0, m.Tok1-m.Tok0, city); ok {
				return city, true
			}
		}
	}
	return "", false
}

// venueRels are the relations through which a meeting word governs its
// venue.
var venueRels = set("obl[in]", "obl[at]", "nmod[in]", "nmod[at]", "obl[on]", "nmod[on]", "compound")

// meetingPlaceRels are the relations through which a meet trigger (or its
// support verb) governs the meeting's place, in order of preference.
var meetingPlaceRels = []string{"obl[in]", "obl[at]", "nmod[in]", "nmod[at]", "obl[to]", "nmod[to]", "obj", "obl[on]", "nmod[on]"}

// clauseOf says whether word b heads an adverbial or complement clause of
// word a ("met Kerry to discuss ...": "discuss" of "met").
func clauseOf(ss *synSent, a, b int) bool {
	switch strings.SplitN(ss.s.Words[b].Deprel, ":", 2)[0] {
	case "advcl", "xcomp", "ccomp", "csubj":
		return ss.head(b) == a
	}
	return false
}

// plannedMeeting says whether the meet candidate tells a meeting still to
// come: by the planned model or a stated plan.
func (c *evCtx) plannedMeeting(cd *Candidate) bool {
	m := c.x.models
	return m.planned.Prob(&cd.T) >= m.planned.Threshold || cd.ss != nil && c.statedPlan(cd.ss, cd.trig) != ""
}

// travels turns the accepted travel candidates into one entry per pair,
// and adds the pairs of rule "delegation" that no candidate gave.
func (c *evCtx) travels(cands []Candidate) []newsgraph.Travel {
	m := c.x.models
	var out []newsgraph.Travel
	for i := range cands {
		if cd := &cands[i]; cd.Kind == candTravel && cd.Score < m.travel.Threshold && c.tripPattern(cd) {
			cd.Score = m.travel.Threshold
		}
	}
	for _, cd := range best(cands, candTravel, m.travel.Threshold, c.pairKey) {
		out = append(out, newsgraph.Travel{
			A: c.d.Persons[cd.A].Name, B: c.d.Persons[cd.B].Name,
			To:       c.linkedPlace(cd, "obl[to]", "nmod[to]", "obl[in]", "obj", "obl[for]"),
			Evidence: c.evidence(cd, m.travel),
		})
	}
	have := map[[2]string]bool{}
	for _, t := range out {
		have[pairOf(t.A, t.B)] = true
	}
	for _, t := range c.delegationTrips() {
		if k := pairOf(t.A, t.B); !have[k] {
			have[k] = true
			out = append(out, t)
		}
	}
	return out
}

// tripPattern is rule "trip pattern" (GUIDELINES.md): "X arrived
// alongside Y", "X was accompanied by Y", "X travelled with Y" are trips
// together whatever the travel model says, when the verb is itself one of
// travel ("arrive", "fly", "accompany"): "attended the conference, along
// with Y" is no trip. Two subjects of one verb ("X and Y flew to Z") are
// left to the model, which sees many lists of attendees. The rule also
// reads what the pattern feature leaves out:
//   - a companion hung on the place ("arrived in the French capital
//     alongside Y": the parser attaches the phrase to "capital");
//   - companions named together ("X arrived alongside Y and Z": Y and Z
//     are on X's trip too; not in a bare with-phrase, "joined with Y and
//     Z", "leaves us with Y and Z");
//   - being at a place along with someone ("X was in the French capital
//     along with Y"), a place named or a settingNouns word.
//
// A companion whose own clause says he is still to come is not on the
// trip (rule "later comer": "alongside Y, as well as Z, who was expected
// to join later").
func (c *evCtx) tripPattern(cd *Candidate) bool {
	if cd.ss == nil || len(cd.args) != 2 {
		return false
	}
	ss, v := cd.ss, cd.trig
	a, b := cd.args[0], cd.args[1]
	ha, hb := groupHead(ss, a), groupHead(ss, b)
	subjOf := func(h int) bool {
		return ss.head(h) == v && strings.HasPrefix(ss.s.Words[h].Deprel, "nsubj")
	}
	if c.laterComer(ss, a) || c.laterComer(ss, b) {
		return false
	}
	companion := func(h int) bool { return c.companionOf(ss, v, h) }
	switch {
	case cd.Pattern == "accompanied":
		return c.travelWord(cd)
	case cd.Pattern == "comitative", subjOf(ha) && companion(hb), subjOf(hb) && companion(ha),
		ha == hb && companion(ha) && !bareWith(ss, ha):
		return c.travelWord(cd) || c.placePredicate(ss, v)
	}
	return false
}

// bareWith says whether the phrase of word y is a with-phrase that is no
// "along with" or "together with": "leaves us with A and B", "joined with
// A and B" (allied with them) name no one's companions.
func bareWith(ss *synSent, y int) bool {
	if alongHead(ss, y) {
		return false
	}
	with := false
	for _, k := range ss.kids[y] {
		if ss.s.Words[k].Deprel != "case" {
			continue
		}
		switch ss.lemma(k) {
		case "along", "together", "alongside":
			return false
		case "with":
			with = true
		}
	}
	return with
}

// laterComer says whether person word w, or a description of it set off
// beside it ("US representative Steve Witkoff, who ..."), has a relative
// clause whose verb of joining or travel is planned and goes nowhere else:
// "who was expected to join later", "who will fly in on Friday"; not "who
// is due to leave for Kyiv on Friday".
func (c *evCtx) laterComer(ss *synSent, w int) bool {
	for x := w; x >= 0; x = ss.head(x) {
		for _, r := range ss.kids[x] {
			if ss.s.Words[r].Deprel != "acl:relcl" {
				continue
			}
			for u, step := r, 0; u >= 0 && step < 3; step++ {
				travel := c.x.lex.inRelation(ss.lemma(u), ss.s.Words[u].UPOS, relTravel)
				elsewhere := slices.ContainsFunc(ss.kids[u], func(k int) bool {
					l := ss.label(k)
					return l == "obl[to]" || l == "obl[for]" || l == "obl[from]"
				})
				if travel && !elsewhere && c.statedPlan(ss, u) != "" {
					return true // "join" is one in the lexicon (join.04)
				}
				next := -1
				for _, k := range ss.kids[u] {
					if ss.s.Words[k].Deprel == "xcomp" {
						next = k
					}
				}
				u = next
			}
		}
		if dr := ss.s.Words[x].Deprel; dr != "appos" && dr != "flat" {
			break
		}
	}
	return false
}

// travelWord says whether the candidate's trigger is a verb or noun of
// travel in the lexicon, in a travel sense its object allows: a sense
// whose object is a person (PropBank's join.04, "joined Rubio") is not
// the one of "joined the anti-Trump ring".
func (c *evCtx) travelWord(cd *Candidate) bool {
	ss := cd.ss
	obj := -1
	for _, k := range ss.kids[cd.trig] {
		if ss.s.Words[k].Deprel == "obj" {
			obj = k
		}
	}
	for _, e := range c.x.lex.entries(cd.Trigger, ss.s.Words[cd.trig].UPOS) {
		if e.Relation != relTravel {
			continue
		}
		if r := e.Syntax["obj"]; obj >= 0 && (r == "traveller" || r == "companion") && !c.personWord(ss, obj) {
			continue
		}
		return true
	}
	return false
}

// personWord says whether word w heads a group of persons of its sentence
// ("Rubio", "Rubio and Kellogg").
func (c *evCtx) personWord(ss *synSent, w int) bool {
	if es := c.parsed[ss.sent]; es != nil {
		for _, p := range es.persons {
			if groupHead(ss, p.word) == w {
				return true
			}
		}
	}
	return false
}

// companionOf says whether the group headed by y is a companion of
// predicate v: a with-, alongside-, along-with- or together-with-phrase of
// v or of v's place (placeWord: "arrived in Paris alongside Y": the parser
// hangs the phrase on the place, which has no companions; not "arrived at
// the meeting with Putin", no place).
func (c *evCtx) companionOf(ss *synSent, v, y int) bool {
	if !comitative(ss, y) {
		return false
	}
	p := ss.head(y)
	if alongHead(ss, y) {
		p = ss.head(p)
	}
	return p == v || p >= 0 && ss.head(p) == v && placePhrase(ss, p) && c.placeWord(ss, p)
}

// placeWord says whether word w is a place: a named one of its sentence or
// a settingNouns word ("the French capital"); "arrived at a compromise
// along with Y" names none.
func (c *evCtx) placeWord(ss *synSent, w int) bool {
	if settingNouns[ss.lemma(w)] {
		return true
	}
	es := c.parsed[ss.sent]
	return es != nil && es.placeName(w) != ""
}

// alongHead says whether the phrase of word y hangs from "along" or
// "together" read as an adverb heading it ("along with X": along advmod,
// X its nmod).
func alongHead(ss *synSent, y int) bool {
	p := ss.head(y)
	return p >= 0 && ss.s.Words[p].Deprel == "advmod" && (ss.lemma(p) == "along" || ss.lemma(p) == "together")
}

// placePhrase says whether word p is an in-, at-, to- or into-phrase.
func placePhrase(ss *synSent, p int) bool {
	if !strings.HasPrefix(ss.s.Words[p].Deprel, "obl") {
		return false
	}
	for _, k := range ss.kids[p] {
		if ss.s.Words[k].Deprel == "case" {
			switch ss.lemma(k) {
			case "in", "at", "to", "into":
				return true
			}
		}
	}
	return false
}

// placePredicate says whether v is a place someone is said to be at:
// "X was in Paris", "X was in the French capital" (a named place or a
// settingNouns word with a subject, which a place has only as the
// predicate of a copula). A place that merely sets another verb's scene
// ("were received in the French capital along with Y and Z") is none.
func (c *evCtx) placePredicate(ss *synSent, v int) bool {
	if !slices.ContainsFunc(ss.kids[v], func(k int) bool { return strings.HasPrefix(ss.s.Words[k].Deprel, "nsubj") }) {
		return false
	}
	return c.placeWord(ss, v)
}

// attackerReach is how many sentences back rule "attacker told before"
// looks for the attacker of an attack whose sentence names none.
const attackerReach = 3

// strikes turns the accepted attack candidates into one strike per
// attacker (attackerOf) and place.
func (c *evCtx) strikes(cands []Candidate) []newsgraph.Strike {
	m := c.x.models
	// each attack's attacker is read once: the key of best, the rules "no
	// self-strike" and "weapon or attacker stated" and the strike itself
	// all ask for it
	type by struct {
		attacker string
		cand     *Candidate // the attacker candidate it was read from, if any
		// how: "agent" (named as the agent in the attack's own
		// sentence), "model", "told before", "claim"; "" for none
		reading string
	}
	attackers := map[*Candidate]by{}
	var claims []claim
	claimsRead := false
	attackerBy := func(t *Candidate) by {
		a, ok := attackers[t]
		if !ok {
			var agent bool
			a.cand, agent = attackerOf(cands, t, m.attacker.Threshold, m.target.Threshold)
			if a.cand != nil && !agent && a.cand.ActorKind != "group" && a.cand.ActorKind != "org" && (c.bombOnly(t) && c.plantedBomb(t) || c.strikeAtHome(t, a.cand.Attacker, cands)) {
				a.cand = nil // rules "a planted bomb is no state's by reading", "a strike at home is no state's by reading"
			}
			switch {
			case a.cand != nil:
				a.attacker = a.cand.Attacker
				a.reading = "model"
				if agent {
					a.reading = "agent"
				} else if a.cand.Sent < t.Sent {
					a.reading = "told before"
				}
			default:
				// rule "claim of responsibility"
				if !claimsRead {
					claims, claimsRead = c.claims(), true
				}
				if a.attacker = claimedBy(claims, t.Sent); a.attacker != "" {
					a.reading = "claim"
				}
			}
			attackers[t] = a
		}
		return a
	}
	attacker := func(t *Candidate) string { return attackerBy(t).attacker }
	// rules that drop an attack candidate before a place's candidates are
	// compared, in turn: each reads the candidates the one before kept
	th := m.target.Threshold
	for _, drop := range []func(*Candidate) bool{
		func(cd *Candidate) bool { return notHit(cd) != "" },                            // rule "not hit"
		func(cd *Candidate) bool { return fartherAttack(cands, cd, th) },                // rule "the nearest attack word"
		func(cd *Candidate) bool { return onlyLocates(cands, cd, th, c.x.largerPlace) }, // rule "most specific target"
	} {
		for i := range cands {
			if cd := &cands[i]; cd.Kind == candTarget && cd.Score >= th && drop(cd) {
				cd.Score = 0
			}
		}
	}
	accepted := best(cands, candTarget, th, func(cd *Candidate) string { return attacker(cd) + "\x00" + cd.Place })
	var out []newsgraph.Strike
	for _, cd := range accepted {
		weapon := c.weapon(cd)
		if weapon == newsgraph.WeaponOther && attackerBy(cd).reading != "agent" || moreSpecific(cd, accepted) || selfStrike(cd, attacker(cd)) {
			continue
		}
		killed, injured := c.casualties(c.parsed[cd.Sent])
		ev := c.evidence(cd, m.target)
		if a := attackerBy(cd); ev.Explain != nil && a.reading != "" {
			ev.Explain.Attacker = &newsgraph.AttackerWhy{Reading: a.reading}
			if a.cand != nil {
				ev.Explain.Attacker.Explanation = c.explanation(a.cand, m.attacker)
			}
		}
		out = append(out, newsgraph.Strike{
			Attacker: attacker(cd), Target: cd.Place, TargetCountry: cd.PlaceCountry,
			Weapon: weapon, Killed: killed, Injured: injured,
			Date: c.dateIn(cd.Sent, false), CAMEO: c.cameo(cd), Evidence: ev,
		})
	}
	return out
}

// fartherAttack is rule "the nearest attack word": a place that two attack
// words of one sentence hit by the attack model was hit by the one nearer
// to it in the parse ("Hamas suicide bombers blew themselves up in
// Jerusalem ..., provoking the heaviest Israeli air raids against Mr
// Arafat's administration": Jerusalem is the bombers', not the raids').
// It says whether another accepted attack candidate on the same place word
// has a nearer attack word than cd's, not one word of the same attack (a
// word that is the other's head or dependent: "Russian missiles struck
// Kharkiv", "fired a missile at the port"), nor a word capitalised inside
// the sentence, a name's ("the Russian Main Missile and Artillery
// Directorate (GRAU) near Kotluban").
func fartherAttack(cands []Candidate, cd *Candidate, threshold float64) bool {
	if cd.ss == nil {
		return false
	}
	n := cd.ss.pathLen(cd.trig, cd.args[0])
	for i := range cands {
		o := &cands[i]
		if o.Kind == candTarget && o.Sent == cd.Sent && o.Score >= threshold && o.trig != cd.trig && o.args[0] == cd.args[0] && o.ss != nil &&
			cd.ss.pathLen(o.trig, cd.trig) > 1 && !titleVerb(o.ss, o.trig) && o.ss.pathLen(o.trig, o.args[0]) < n {
			return true
		}
	}
	return false
}

// plantedBomb is rule "a planted bomb is no state's by reading": news
// names the state behind a planted or worn bomb as its agent ("Israeli
// agents planted a bomb") or not at all, so the state the attacker model
// reads beside one is most often the victims' ("three U.S. soldiers died
// when a roadside bomb exploded near Baghdad") or the place's ("the car
// bombings in Shiite areas of Baghdad"). A bomb is planted when the
// sentence says so: a bomb word of the trigger lexicon other than bare
// "bomb" and "bombing" ("suicide bombing", "improvised explosive device",
// "explode", "detonate"), or a bomb word modified by a word of
// plantedBombWords ("car bomb", "roadside bomb"); and when it names no
// aircraft, missile, rocket, shell or drone (bombOnly, which the caller
// checks first). Bare bombing stays the model's to read: "Russia began
// its bombing campaign in Syria", "the US dropped a second atomic bomb on
// Nagasaki". A state keeps a planted bomb only as its stated agent; an
// armed group the model reads stays.
func (c *evCtx) plantedBomb(t *Candidate) bool {
	es := c.parsed[t.Sent]
	planted := false
	for _, tr := range es.trigs {
		if c.weaponIn(es.ss, tr) != newsgraph.WeaponBomb {
			continue
		}
		for _, e := range tr.entries {
			if e.Weapon == newsgraph.WeaponBomb && e.Lemma != "bomb" && e.Lemma != "bombing" {
				planted = true
			}
		}
		planted = planted || plantedBy(es.ss, tr.word)
	}
	return planted
}

// bombOnly says whether the attack t is a bombing whose sentence names no
// aircraft, missile, rocket, shell or drone (the trigger lexicon's other
// weapon classes, airWords) and no air force ("Hussein's air force bombed
// the town of Halabja", "Libyan airplanes bombing districts in Tripoli"):
// a bomb that may have been planted.
func (c *evCtx) bombOnly(t *Candidate) bool {
	if c.weapon(t) != newsgraph.WeaponBomb {
		return false
	}
	es := c.parsed[t.Sent]
	for _, tr := range es.trigs {
		if w := c.weaponIn(es.ss, tr); w != "" && w != newsgraph.WeaponBomb {
			return false
		}
	}
	return !airNamed(es.ss, nil)
}

// airNamed says whether sentence ss names, among the words where (nil: all
// of them), an aircraft that the trigger lexicon leaves out (airWords) or
// an air force.
func airNamed(ss *synSent, where func(int) bool) bool {
	ws := ss.s.Words
	for i := range ws {
		if where != nil && !where(i) {
			continue
		}
		if airWords[strings.ToLower(ws[i].Lemma)] || i > 0 && strings.EqualFold(ws[i-1].Form, "air") && strings.EqualFold(ws[i].Lemma, "force") {
			return true
		}
	}
	return false
}

// airWords name aircraft that the trigger lexicon's airstrike class (from
// "plane") leaves out: WordNet's synonyms of airplane.
var airWords = set("airplane", "aeroplane")

// strikeAtHome is rule "a strike at home is no state's by reading": an
// attack on a place of the very state the attacker model reads beside it
// is that state's only as its stated agent (agentAttacker), unless it came
// from the air (fromTheAir, asked of every attack word of the sentence on
// the same place, so that one attack is read one way: "The missile fire
// prompted air raid sirens to go off in the Jordan Valley"). The state
// read beside a bombing, a rocket or a shelling at home is the victims'
// ("the weekend bombings in New York and New Jersey" read as the United
// States'; "Qassam rockets hit Sderot" as Israel's; Turkey for Istanbul's
// bombings), and news names a state that fires on its own soil ("shelling
// by Syrian government forces in Idlib", "Ukrainian troops shelled
// Gorlovka"). States do strike at home from the air without the sentence
// naming them ("airstrikes on Aleppo" told after the Syrian army's
// offensive), so an attack from the air keeps the state the model reads:
// round 32 measured the bombing rule without that test and lost Halabja,
// which Iraq's air force bombed. Drones are no exception: a state's drone
// strike at home is named as its own. Until round 38 the rule read
// bombings only ("a bomb at home"). A known gap: an agent the parse misses
// ("reported the Ukrainian Armed Forces ... shelled Yasinovataya, Zaitsevo
// north of Gorlovka" loses Ukraine for Gorlovka).
func (c *evCtx) strikeAtHome(t *Candidate, state string, cands []Candidate) bool {
	// a strike on the state's whole country is rule "no self-strike"'s
	if state == "" || t.PlaceCountry != state || t.PlaceKind == "country" {
		return false
	}
	for i := range cands {
		if o := &cands[i]; o.Kind == candTarget && o.Sent == t.Sent && o.Place == t.Place && c.fromTheAir(o) {
			return false
		}
	}
	return true
}

// fromTheAir says whether the attack t came from the air: its own attack
// word, or a word within two arcs of it (its subject, modifier or head:
// "Hussein's air force bombed", "airstrikes in the village of
// Bashkateen"), is an attack word of the trigger lexicon's airstrike
// class ("airstrike", "warplane"), an aircraft (airWords) or an air force.
// Another clause's air force says nothing of this attack ("After the
// bombs fell on Wednesday, a military spokesman in Kiev ... said the
// Ukrainian air force had not struck Donetsk").
func (c *evCtx) fromTheAir(t *Candidate) bool {
	es := c.parsed[t.Sent]
	near := func(w int) bool { return es.ss.pathLen(t.trig, w) <= 2 }
	for _, tr := range es.trigs {
		if near(tr.word) && c.weaponIn(es.ss, tr) == newsgraph.WeaponAirstrike {
			return true
		}
	}
	return airNamed(es.ss, near)
}

// plantedBombWords are the modifiers of a bomb that say it was planted,
// thrown or worn, not dropped: the kinds of improvised explosive device
// that news names.
var plantedBombWords = set("car", "roadside", "suicide", "pipe", "truck", "nail", "letter", "parcel",
	"homemade", "makeshift", "improvised", "crude", "sticky", "magnetic", "time", "vehicle", "motorcycle", "bicycle")

// attackerOf is the attacker of the attack candidate t: the best accepted
// attacker candidate of its sentence, through whichever attack word it was
// read ("Russian missiles struck X"); else, by rule "attacker told
// before", the best of the nearest sentence up to attackerReach before it
// that has one ("Russia launched a wave of strikes overnight. Missiles hit
// Kharkiv and Odesa."), unless that sentence tells of an attack in
// another country (a roundup of separate wars: "Israeli jets bombed Khan
// Younis. Artillery shells hit a market in Bakhmut."); else none (nil: the
// text does not say). threshold and targetThreshold are the attacker and
// attack models' thresholds. agent says whether the attacker is the
// sentence's own agent (agentAttacker).
func attackerOf(cands []Candidate, t *Candidate, threshold, targetThreshold float64) (attacker *Candidate, agent bool) {
	a, either := agentAttacker(cands, t, threshold)
	if a != nil {
		return a, true
	}
	if either || unnamedAttack(cands, t) {
		return nil, false
	}
	var top *Candidate
	for i := range cands {
		a := &cands[i]
		if a.Kind != candAttacker || a.Score < threshold || a.Sent > t.Sent || a.Sent < t.Sent-attackerReach {
			continue
		}
		if top == nil || a.Sent > top.Sent || a.Sent == top.Sent && a.Score > top.Score {
			top = a
		}
	}
	if top == nil || eitherActor(cands, top) {
		return nil, false
	}
	if top.Sent < t.Sent && t.PlaceCountry != "" {
		for i := range cands {
			o := &cands[i]
			if o.Kind == candTarget && o.Sent == top.Sent && o.Score >= targetThreshold && o.PlaceCountry != "" && o.PlaceCountry != t.PlaceCountry {
				return nil, false
			}
		}
	}
	return top, false
}

// agentAttacker is the attacker of the attack candidate t that its own
// sentence names as an agent of an attack word (agentOf), or nil: the
// agent of t's own attack word where it has one (rule "an attack's own
// agent": "Hamas suicide bombers blew themselves up in Jerusalem ...,
// provoking the heaviest Israeli air raids": Jerusalem is the bombers',
// Hamas's, not the raids'), else the best of the sentence. either says
// that the agent is one of actors joined by "or" (rule "either
// attacker"): then there is none, and no other actor may stand in.
func agentAttacker(cands []Candidate, t *Candidate, threshold float64) (attacker *Candidate, either bool) {
	var top *Candidate
	better := func(a *Candidate) bool { // t's own word's agent first, then the score
		if own := a.trig == t.trig; own != (top.trig == t.trig) {
			return own
		}
		return a.Score > top.Score
	}
	for i := range cands {
		a := &cands[i]
		if a.Kind == candAttacker && a.Sent == t.Sent && a.ActorKind != "org" && (!readState(a.ActorKind) || a.Score >= threshold) && a.ss != nil && agentOf(a.ss, a.trig, a.args[0]) && !suspected(a.ss, a.args[0]) &&
			(top == nil || better(a)) {
			top = a
		}
	}
	if top == nil {
		return nil, false
	}
	if eitherActor(cands, top) {
		return nil, true
	}
	return top, false
}

// suspected is rule "a suspect is no stated agent": GUIDELINES.md names
// the attacker of a claim or an uncontested attribution, and "an attack by
// suspected Islamic State fighters" states a suspicion. The actor word w,
// or the noun it names ("fighters"), modified by "suspected", "alleged" or
// "presumed" is no agent of the attack's own sentence. Only the agent
// reading (agentAttacker) checks it: the attacker model may still read the
// same actor beside the attack when it scores it high enough ("Suspected
// Russian warplanes bombed a market in Idlib" keeps Russia), a known gap.
func suspected(ss *synSent, w int) bool {
	hedged := func(v int) bool {
		for _, k := range ss.kids[v] {
			if ss.s.Words[k].Deprel == "amod" {
				switch strings.ToLower(ss.s.Words[k].Form) {
				case "suspected", "alleged", "presumed":
					return true
				}
			}
		}
		return false
	}
	if hedged(w) {
		return true
	}
	switch ss.s.Words[w].Deprel {
	case "compound", "amod", "nmod:poss", "flat":
		return ss.head(w) >= 0 && hedged(ss.head(w))
	}
	return false
}

// Rule "unnamed attacker": an attack whose own words give its agent only
// as fighters ("rebel shelling killed two people", "a terrorist attack
// with 13 rocket shells on Harfa", "militants fired rockets at Aleppo") has
// no attacker: the text says who, without a name, so neither another
// actor of the sentence nor one of the sentences before is it. A named
// group's fighters ("Hezbollah guerrillas") are its agent (agentAttacker),
// read before this rule. The rule holds for the attack, that is for every
// attack word of the sentence that hit the same place.

// unnamedAttack says whether an attack candidate of t's sentence on t's
// place has an unnamed agent (rule "unnamed attacker").
func unnamedAttack(cands []Candidate, t *Candidate) bool {
	for i := range cands {
		o := &cands[i]
		if o.Kind == candTarget && o.Sent == t.Sent && o.Place == t.Place && unnamedAgent(o) {
			return true
		}
	}
	return false
}

// unnamedAgent says whether the attack word of candidate t, the attack it
// is the weapon of ("a terrorist attack with rocket shells": rocket ->
// shells -> attack) or the verb it is the object of ("militants fired
// rockets") has fighters as its agent.
func unnamedAgent(t *Candidate) bool {
	ss := t.ss
	if ss == nil {
		return false
	}
	fighters := func(w int) bool {
		for _, k := range ss.kids[w] {
			if !unnamedFighters[ss.lemma(k)] {
				continue
			}
			switch l := ss.label(k); {
			case l == "nsubj" || l == "amod" || l == "compound" || strings.HasPrefix(l, "nmod:poss"),
				strings.HasPrefix(l, "obl:agent"), l == "obl[by]", l == "nmod[by]":
				return true
			}
		}
		return false
	}
	for w, step := t.trig, 0; w >= 0 && step < 3; step++ {
		if fighters(w) {
			return true
		}
		l := ss.label(w)
		if l == "obj" {
			return fighters(ss.head(w)) // "militants fired rockets"
		}
		if l != "compound" && l != "nmod[with]" && l != "obl[with]" {
			break
		}
		w = ss.head(w)
	}
	return false
}

// Rule "either attacker": an actor joined by "or" to another actor of its
// attack ("Air strikes carried out by Syrian or Russian warplanes",
// "Syrian regime or Russian air strikes", "Syrian, Russian or Turkish
// jets") is not the attacker: the text does not say which (GUIDELINES.md:
// conflicting attributions give none).
func eitherActor(cands []Candidate, a *Candidate) bool {
	ss := a.ss
	if ss == nil || len(a.args) == 0 {
		return false
	}
	// an actor stands for itself and, as a modifier, for its noun
	// ("Syrian regime or Russian air strikes": "Russian" is joined to
	// "regime")
	words := func(w int) []int {
		switch ss.s.Words[w].Deprel {
		case "amod", "compound", "nmod:poss":
			if h := ss.head(w); h >= 0 {
				return []int{w, h}
			}
		}
		return []int{w}
	}
	for i := range cands {
		o := &cands[i]
		if o.Kind != candAttacker || o.ss != ss || len(o.args) == 0 || o.Attacker == a.Attacker {
			continue
		}
		for _, w := range words(a.args[0]) {
			for _, v := range words(o.args[0]) {
				if w != v && orJoined(ss, w, v) {
					return true
				}
			}
		}
	}
	return false
}

// orJoined says whether words w and v are conjuncts of one coordination
// that has "or" ("Syrian or Russian"; "Syrian, Russian or Turkish", where
// "or" hangs on the last conjunct only).
func orJoined(ss *synSent, w, v int) bool {
	first := func(x int) int {
		if ss.s.Words[x].Deprel == "conj" {
			return ss.head(x)
		}
		return x
	}
	f := first(w)
	if f < 0 || f != first(v) {
		return false
	}
	for _, c := range ss.kids[f] {
		if ss.s.Words[c].Deprel == "conj" && orConjunct(ss, c) {
			return true
		}
	}
	return false
}

// orConjunct says whether conjunct c is joined by "or" (its cc).
func orConjunct(ss *synSent, c int) bool {
	return slices.ContainsFunc(ss.kids[c], func(k int) bool { return ss.s.Words[k].Deprel == "cc" && ss.lemma(k) == "or" })
}

// agentOf says whether the actor at word a is the agent of the attack
// word t: its subject or passive agent ("Israel struck", "was hit by
// Russia", "an airstrike by Russia"), or the word that modifies the
// subject or the attack noun ("Russian missiles struck", "Hezbollah
// guerrillas fired", "Israeli airstrikes").
func agentOf(ss *synSent, t, a int) bool {
	agent := func(w int) bool {
		if ss.head(w) != t {
			return false
		}
		l := ss.label(w)
		return l == "nsubj" || strings.HasPrefix(l, "obl:agent") || l == "obl[by]" || l == "nmod[by]"
	}
	if agent(a) {
		return true
	}
	switch ss.s.Words[a].Deprel {
	case "amod", "compound", "nmod:poss":
		h := ss.head(a)
		return h == t || h >= 0 && agent(h)
	}
	return false
}

// Two named rules of the strike assembly (GUIDELINES.md):
//   - "weapon or attacker stated": an attack that names neither its weapon
//     (no weapon word: "an attack", "an assault", "gunmen stormed";
//     weapon() names the weapon or returns other) nor, in its own
//     sentence, an agent (agentAttacker: "Russian strikes on Kharkiv",
//     "Taliban insurgents struck at the consulate") is not a strike: "a
//     quake struck the city", "killed in the attack at the Zaventem
//     airport", "Hamas fighters killed in a single strike in Khan Yunis"
//     (Hamas is no agent). With an agent it is a strike of weapon other
//     (GUIDELINES.md: the weapon unknown is "other"). An attacker told in
//     another sentence does not count here: read from afar, it was often
//     the victim's side.
//   - "most specific target": the target is the most specific place named;
//     a country is the target only when the sentence names no place the
//     attack hit ("struck Iran's oilfields at Nowruz" hits Nowruz, not Iran)
//     and the article no place in that country that was hit (a headline's
//     "Air strikes kill 20 in north-west Syria" is the body's strike on
//     Maarat al-Numan); a region that only locates another place hit is no
//     target of its own ("the town of Maarat al-Numan in Idlib province",
//     "the Ain al-Asad air base in Anbar province").

//   - "no self-strike": a state is not the target of its own attack; the
//     country named beside the weapon is the attacker ("U.S. airstrikes
//     pounded the area": the United States is no target). A place inside
//     the attacker's country can be ("Syrian jets bombed Aleppo").

//   - "not hit": a place the attack came from ("fired three missiles from
//     Hwangju") and a sea ("into the Sea of Japan": no place is hit there,
//     nor Japan, which only names the sea) are no targets.

// waterWords end the names of seas, where a missile lands but nothing is hit.
var waterWords = set("sea", "ocean", "gulf", "strait", "straits", "channel")

// notHit returns why the place of the attack candidate cd was not hit
// (rule "not hit"), or "".
func notHit(cd *Candidate) string {
	ss := cd.ss
	if ss == nil || len(cd.args) == 0 {
		return ""
	}
	_, _, down := ss.path(cd.trig, cd.args[0])
	for _, w := range down {
		if strings.HasSuffix(ss.label(w), "[from]") {
			return "origin" // "from Hwangju", "from the town of Hwangju"
		}
	}
	if f := strings.Fields(strings.ToLower(cd.Place)); len(f) > 0 && waterWords[f[len(f)-1]] || len(f) > 2 && f[0] == "sea" {
		return "sea"
	}
	if h := ss.head(cd.args[0]); h >= 0 && waterWords[ss.lemma(h)] {
		return "sea" // "the Sea of Japan" read as "Sea" of "Japan"
	}
	return ""
}

// selfStrike says whether the strike cd is on the country of its attacker.
func selfStrike(cd *Candidate, attacker string) bool {
	return cd.PlaceKind == "country" && attacker != "" && cd.PlaceCountry == attacker
}

// moreSpecific says whether the accepted strike cd is on a country while
// another accepted strike of its sentence is on a place, or of the article
// on a place in that country.
func moreSpecific(cd *Candidate, accepted []*Candidate) bool {
	for _, o := range accepted {
		if o == cd || o.PlaceKind == "country" {
			continue
		}
		if cd.PlaceKind == "country" && (o.Sent == cd.Sent || cd.PlaceCountry != "" && o.PlaceCountry == cd.PlaceCountry) {
			return true
		}
	}
	return false
}

// largerPlace says whether the gazetteer knows place a as more populous
// than place b (a place it does not know has none; a region, whose
// population the source lacks, is larger than any town).
func (x *Extractor) largerPlace(a, b string) bool {
	pa, ok := x.gaz.places[a]
	pb := x.gaz.places[b]
	return ok && (pa.Region && !pb.Region || !pb.Region && pa.Pop > pb.Pop)
}

// onlyLocates says whether the attack candidate cd is on a place that only
// locates the place of another attack candidate of its sentence scored at
// least threshold (locates). It is asked of each candidate before a
// place's candidates are compared: the same place hit in another sentence
// ("The Israeli army has intensified its ground and air offensive on Gaza
// Strip" after "east of Jabalia refugee camp in northern Gaza Strip") is
// still a strike on it.
func onlyLocates(cands []Candidate, cd *Candidate, threshold float64, larger func(a, b string) bool) bool {
	if cd.PlaceKind == "country" {
		return false
	}
	for i := range cands {
		o := &cands[i]
		if o != cd && o.Kind == candTarget && o.Sent == cd.Sent && o.PlaceKind != "country" && o.Score >= threshold && o.ss != nil && locates(o.ss, o.args[0], cd.args[0], larger(cd.Place, o.Place)) {
			return true
		}
	}
	return false
}

// locates says whether the place at word r only locates the place at word
// p: it hangs below p through an in-phrase or a compass point's of-phrase,
// or below the noun p names ("the village of X in Y", "X refugee camp in
// Y"), with no coordination on the way ("Maarat al-Numan in Idlib
// province", "the village of Dyshne-Vedeno in southern Chechnya",
// "Zabadani, to the west of Damascus", "east of Jabalia refugee camp in
// northern Gaza Strip"; not "Sumy and Kryvyi Rih", not "a base near
// Erbil"); or it modifies a settlement that p names with an of-phrase and
// the gazetteer knows it as larger than p (rLarger: "the northern Gaza
// town of Beit Hanoun", "the Manhattan neighborhood of Chelsea"), or p
// names an area of it ("the Rafah region of the southern Gaza Strip").
func locates(ss *synSent, p, r int, rLarger bool) bool {
	up, top, down := ss.path(p, r)
	switch {
	case len(down) == 0:
		return false
	case len(up) == 0:
	case len(up) == 1 && top >= 0 && ss.s.Words[top].UPOS == "NOUN" && strings.HasSuffix(ss.label(p), "[of]"):
		// "the village of X": X names the village, "in Y" may hang on
		// either; a place that modifies the village may be where it lies
		// ("the northern Gaza town of Beit Hanoun") or its name ("the
		// Tariq al-Bab neighborhood of Aleppo", Xinhua's "Linzhao town of
		// Gansu"): it locates only a place the gazetteer knows as smaller
		if l := ss.label(down[0]); (l == "compound" || l == "nmod:poss") && settlements[ss.lemma(top)] && rLarger {
			return true
		}
	case len(up) == 1 && top >= 0 && ss.s.Words[top].UPOS == "NOUN" && ss.label(p) == "compound" && p < top:
		// "X refugee camp in Y": the in-phrase on the noun X names (not
		// one further down: "attacked in Kursk and Sumy oblasts,
		// including northeast of Sumy City near Yablunivka"); "the Rafah
		// region of Y": an area lies in its of-phrase
		switch l := ss.label(down[0]); {
		case strings.HasSuffix(l, "[of]") && areas[ss.lemma(top)]:
			return true
		case !strings.HasSuffix(l, "[in]"):
			return false
		}
	default:
		return false
	}
	in := false
	for i, w := range down {
		if strings.HasPrefix(ss.s.Words[w].Deprel, "conj") {
			return false
		}
		l := ss.label(w)
		in = in || strings.HasSuffix(l, "[in]") || i > 0 && compass[ss.lemma(down[i-1])] && strings.HasSuffix(l, "[of]")
	}
	return in
}

// settlements are the nouns of populated places and their quarters, which
// an of-phrase names ("the town of X") and a modifier may name or locate
// ("the Gaza town of X", "the Tariq al-Bab neighborhood of Aleppo"); areas
// are named by their modifier and lie in their of-phrase ("the Rafah
// region of Y"). A district may be either ("the Yusufiyah district of
// Baghdad", "the Baghdad district of Karrada").
var settlements = set("town", "city", "village", "hamlet", "township", "settlement",
	"neighborhood", "neighbourhood", "suburb", "quarter")
var areas = set("region", "area", "part")

// compass points locate a place by another: "west of Damascus".
var compass = set("north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
	"north-east", "north-west", "south-east", "south-west")

// linkedPlace returns the place in the candidate's sentence that its
// trigger governs through one of the given relations (the first relation
// that has one), or "".
func (c *evCtx) linkedPlace(cd *Candidate, rels ...string) string {
	es := c.parsed[cd.Sent]
	if es == nil {
		return ""
	}
	if p := c.placeUnder(es, cd, cd.trig, rels); p != "" {
		return p
	}
	if p := c.capitalUnder(es, cd.trig, rels); p != "" {
		return p
	}
	// rule "support verb": "In Berlin, Mubarak would hold talks with
	// Merkel" hangs the place on the verb that supports the meeting noun
	// (the trigger lexicon's support verbs: hold, have, conduct, ...)
	if w := es.ss.s.Words[cd.trig]; w.UPOS == "NOUN" && w.Deprel == "obj" {
		if h := es.ss.head(cd.trig); h >= 0 && c.lightVerb(es.ss, cd.trig, h) {
			return c.placeUnder(es, cd, h, rels)
		}
	}
	return ""
}

// placePath returns the words from w down to the place word p when w
// governs p through one arc and then only conjuncts, appositions and flat
// names ("in Paris and Berlin", "in the capital, Kyiv"), or, below a first
// arc other than an object, rule "a setting's place": a noun's "in" or
// "at" phrase ("at the family compound in Kennebunkport", "on the
// sidelines of a summit in Tunis") or the "of" phrase of a setting noun
// ("in the Cuban capital of Havana"); else nil.
func placePath(ss *synSent, w, p int) []int {
	up, _, down := ss.path(w, p)
	if len(up) != 0 || len(down) == 0 {
		return nil
	}
	setting := ss.s.Words[down[0]].Deprel != "obj"
	for i, k := range down[1:] {
		h := down[i]
		switch dr, l := ss.s.Words[k].Deprel, ss.label(k); {
		case dr == "conj" || dr == "appos" || dr == "flat":
		case setting && ss.s.Words[h].UPOS == "NOUN" && (l == "nmod[in]" || l == "nmod[at]" || l == "nmod[of]" && (settingNouns[ss.lemma(h)] || onSettings[ss.lemma(h)])):
		default:
			return nil
		}
	}
	return down
}

// dayParts are the times an "on" phrase names with a place inside ("met
// with Sisi on Monday evening in New York"), onSettings the settings ("on
// the sidelines of a summit in Tunis"); other "on" phrases are topics
// ("talks on the besieged city of Aleppo").
var dayParts = set("morning", "afternoon", "evening", "night")
var onSettings = set("sideline", "sidelines", "margin", "margins", "outskirts", "island")

// settingNouns and onSettings name a setting whose place an "of" phrase
// names.
var settingNouns = set("capital", "city", "town", "village", "resort", "port", "province", "district", "region", "suburb")

// seatCity is rule "a seat of government": a meeting place that the
// gazetteer names as a state's government (its metonyms: "at the White
// House", "in the Kremlin", "at Downing Street") stands for that state's
// capital, the city GUIDELINES.md asks for; a metonym that is a place of
// its own state ("Kiev", "Beijing") stays as written. A venue of
// venues.tsv that a reading took as a place of its own ("at the Great
// Hall of the People", "Capitol Hill, where he met") stands for its city,
// and so does a building the article puts in a city (rule "a building's
// city": "at Trump Tower in New York").
func (c *evCtx) seatCity(name string) string {
	city, _ := c.placeCity(name)
	return city
}

// placeCity is seatCity's city of a meeting place, and whether it came
// from rule "a building's city" (which --explain names).
func (c *evCtx) placeCity(name string) (string, bool) {
	if k, _ := keyOf(name); c.x.gaz.venues[k] != "" {
		return c.x.gaz.venues[k], false // "in the Great Hall of the People": Beijing
	}
	if city := c.buildingCity(name); city != "" {
		return city, true
	}
	code := c.x.gaz.metonymOf(name)
	if code == "" {
		return name, false
	}
	if p, ok := c.x.gaz.places[name]; ok && p.Country == code {
		return name, false
	}
	if capital, ok := c.x.gaz.capitals[code]; ok {
		return capital, false
	}
	return name, false
}

// buildingCity is rule "a building's city": a meeting place the
// gazetteer does not know, a building or an estate ("met at Trump
// Tower", "talks at Mar-a-Lago"), took place in the city the article
// itself puts it in: "Trump Tower in Manhattan", "Manhattan's Trump
// Tower" (GUIDELINES.md asks for the city).
// The city must be a city of the gazetteer (not a country or a region:
// "Joint Base Elmendorf-Richardson in Alaska" stays as it is), and the
// article must name one city for it. Returns the city or "".
func (c *evCtx) buildingCity(name string) string {
	if name == "" {
		return "" // no place: the article's buildings need not be read
	}
	if c.buildings == nil {
		c.buildings = c.articleBuildings()
	}
	return c.buildings[name]
}

// articleBuildings maps each name of a mention the gazetteer does not
// know as a place to the one city the article places it in ("" when it
// names several), whatever the tagger took it for ("met with Kislyak in
// April 2016 at the Mayflower Hotel in Washington": a person's name to
// the tagger). A person the text puts in a city is no meeting's venue:
// the meeting's own participants are not (venuePlace), and no other
// person is a place phrase of a meeting word.
func (c *evCtx) articleBuildings() map[string]string {
	out := map[string]string{}
	// the city a mention at token k names: a city of the gazetteer, not a
	// region ("Joint Base Elmendorf-Richardson in Alaska") nor a country
	// ("Landstuhl Regional Medical Center in Germany"), but a city-state's
	// capital ("the Shangri-La Dialogue in Singapore")
	city := func(k int) string {
		n, code, e := c.placeAt(k)
		if info, ok := c.x.gaz.places[n]; !ok || info.Region {
			return ""
		}
		if ci := c.d.Tokens[k].Country; ci >= 0 {
			if cr := c.d.Countries[ci]; cr.Kind == "name" && cr.Tok1 >= e && c.x.gaz.capitals[code] != n {
				return ""
			}
		}
		return n
	}
	for i := range c.d.Mentions {
		m := &c.d.Mentions[i]
		p := ""
		// "Trump Tower in Manhattan", "Mar-a-Lago in Palm Beach, Florida"
		if k := m.Tok1; c.lw(k) == "in" && c.d.Tokens[k].Sent == c.d.Tokens[m.Tok0].Sent {
			p = city(k + 1)
		}
		// "New York 's Madison Square Garden"
		if k := m.Tok0 - 1; p == "" && k > 0 && (c.lw(k) == "'s" || c.lw(k) == "’s") {
			if pm := c.mention(k - 1); pm != nil && pm.Tok1 == k {
				p = city(pm.Tok0)
			}
		}
		if p == "" {
			continue
		}
		name := mentionName(m)
		if _, known := c.x.PlaceCountry(name); known {
			continue
		}
		if old, ok := out[name]; ok && old != p {
			p = "" // two cities: none
		}
		out[name] = p
	}
	return out
}

// capitalUnder is rule "a country's capital": "the French capital", "the
// Ukrainian capital", "Britain's capital" is that country's capital in the
// gazetteer (linkedPlace asks it only when placeUnder found no place: "the
// Cuban capital of Havana", "the capital, Kyiv" name their own). The
// country must be the capital's only modifier, in one word: "the Indian
// financial capital" is Mumbai, "the West German capital" was Bonn. It is
// the word w itself when w is a place one is said to be at ("was in the
// French capital along with"), else the first of rels under w that is
// one. Returns the capital or "".
func (c *evCtx) capitalUnder(es *evSent, w int, rels []string) string {
	ss := es.ss
	capitalOf := func(k int) string {
		if ss.lemma(k) != "capital" {
			return ""
		}
		code := ""
		for _, j := range ss.kids[k] {
			switch ss.s.Words[j].Deprel {
			case "amod", "compound", "nmod:poss", "nummod":
				t := c.d.Tokens[ss.s.Words[j].Tok]
				ci := t.Country
				if ci < 0 || code != "" || c.d.Countries[ci].Tok1-c.d.Countries[ci].Tok0 != 1 || ownCapital[t.Lower] {
					return "" // "the Indian financial capital", "the West German capital", "Russia's second capital"
				}
				code = c.d.Countries[ci].Code
			}
		}
		return c.x.gaz.capitals[code]
	}
	if c.placePredicate(ss, w) {
		return capitalOf(w)
	}
	for _, rel := range rels {
		for _, k := range ss.kids[w] {
			if ss.label(k) == rel {
				if p := capitalOf(k); p != "" {
					return p
				}
			}
		}
	}
	return ""
}

// ownCapital are the forms of constituent countries whose capital is not
// their state's: "the Scottish capital" is Edinburgh, not London.
var ownCapital = set("scottish", "scotland", "welsh", "wales")

// placeUnder returns the place of es that word w governs through one of
// rels (the first relation that has one), then only conjuncts,
// appositions and rule "a setting's place" (placePath).
func (c *evCtx) placeUnder(es *evSent, cd *Candidate, w int, rels []string) string {
	for _, rel := range rels {
		best, bestIn := "", -1
		for _, p := range es.places {
			if slices.Contains(cd.args, p.word) {
				continue
			}
			if w != cd.trig && es.ss.dominates(cd.trig, p.word) {
				continue // the trigger's own phrase, read before
			}
			down := placePath(es.ss, w, p.word)
			if down == nil || es.ss.label(down[0]) != rel {
				continue
			}
			if strings.HasSuffix(rel, "[on]") && (len(down) < 2 || !onSettings[es.ss.lemma(down[0])] && !dayParts[es.ss.lemma(down[0])]) {
				continue // "on the sidelines of", "on Monday evening in", not "talks on North Korea" or "on the city of Aleppo"
			}
			if rel == "obj" && cd.Kind == candMeet && w == cd.trig && !es.visitWord(w) {
				continue // rule "one meets persons": "meets Taiwan President Lee" parsed with Taiwan the object
			}
			// a place inside another's setting is where the other lies
			// ("at the compound in Kennebunkport"), and of two settings
			// side by side the one the gazetteer knows is the town:
			// "a meeting at Trump Tower in Manhattan" took place in
			// Manhattan
			in := 0
			for _, k := range down[1:] {
				if dr := es.ss.s.Words[k].Deprel; dr == "appos" || dr == "conj" {
					break // "in Minsk, capital of Belarus": a description of Minsk
				}
				if l := es.ss.label(k); l == "nmod[in]" || l == "nmod[at]" || l == "nmod[of]" {
					in += 2
				}
			}
			if info, known := c.x.gaz.places[p.name]; known && !info.Region {
				in++ // a town, not "Maine" of "Kennebunkport, Maine"
			}
			if in > bestIn {
				best, bestIn = p.name, in
			}
		}
		if best != "" {
			return best
		}
	}
	return ""
}

// argPlace returns a place the parse attaches to one of the candidate's
// participants rather than to the trigger, through one of rels: "meet
// German Foreign Minister Johann Wadephul in Berlin" is often parsed with
// "in Berlin" under Wadephul (prepositional phrases are the parser's
// commonest attachment error); a person is seldom modified by "in CITY"
// in a sentence that says they meet.
func (c *evCtx) argPlace(cd *Candidate, rels ...string) string {
	es := c.parsed[cd.Sent]
	if es == nil {
		return ""
	}
	for _, rel := range rels {
		for _, p := range es.places {
			if h := es.ss.head(p.word); h >= 0 && es.ss.label(p.word) == rel && slices.ContainsFunc(cd.args, func(a int) bool {
				// the participant's name or the phrase it names: "meet
				// his Russian counterpart Vladimir Putin in Moscow"
				return a == h || groupHead(es.ss, a) == h
			}) {
				return p.name
			}
		}
	}
	return ""
}

// visitReach is how many sentences before a meeting rule "a participant's
// stated visit" looks for the visit.
const visitReach = 3

// visitPlace is rule "a participant's stated visit": a meeting whose own
// sentence places it nowhere took place where a journey it is part of went
// (journey: a travel word of the trigger lexicon with a destination role,
// not a departure, or a meet word of FrameNet's Arriving frame, "visit";
// a person its traveller):
//   - in the meeting's sentence, the journey nearest in the parse that
//     holds the meeting (sameOccasion: "would visit Japan for three days to
//     meet with Ikeda and Hashimoto", "is scheduled to meet Ahern during
//     his visit to Ireland"), or a journey of one of its party (party: the
//     pair and whoever the pair met there together) told at its time and not as before or after it or in another
//     conjunct ("The French minister, who arrived in Beirut on Saturday,
//     was also to meet Siniora"; not "left Bonn after talks with Kohl ahead
//     of her visit to Moscow");
//   - else, in the nearest of the visitReach sentences before that has
//     one, the first journey of one of its party told at the meeting's
//     time (otherTime) and not as before or after the sentence's main
//     event ("Stanishev arrived in Beijing on Sunday. He held talks with
//     Wen"). A journey with no destination ("during his visit") looks
//     further back.
//
// A journey to several places ("visits to France, Portugal and Malaysia")
// or to a region gives no place: a meeting that took place then falls back
// to the dateline, as before this rule. A journey "here" goes to the wire
// dateline's city, and one to the dateline city's country too where the
// text also names the city (datelineStated); else it keeps the country
// ("during his visit to Japan" under TOKYO): the helpers who judged the
// first version, which gave the dateline's city, marked it wrong where the
// text names no city (pools 41, 42). Before this rule a wire dateline
// placed every meeting its sentence did not, and helpers judging AFP and
// Xinhua stories found it wrong for meetings on trips told elsewhere
// ("Stanishev arrived in Beijing" under SHANGHAI). Not yet read: "flew
// into" (the lexicon's "fly" has no destination role) and a meeting told
// as earlier than an arrival in the sentence before ("arrived in Geneva on
// Sunday. On Saturday he had met ...").
func (c *evCtx) visitPlace(cd *Candidate, cands []Candidate, planned bool) string {
	party := c.party(cd, cands)
	for s := cd.Sent; s >= 0 && s >= cd.Sent-visitReach; s-- {
		es := c.parsedSent(s)
		if es.ss == nil {
			continue
		}
		var best *evTrig
		bestLen := 0
		for i := range es.trigs {
			t := &es.trigs[i]
			if !t.journey(s == cd.Sent) || !goesOn(es, *t) {
				continue
			}
			if s == cd.Sent {
				if !sameOccasion(es.ss, cd.trig, t.word) && (!goesOn(es, *t, party...) || journeyAfter(es.ss, cd.trig, t.word) || conjoined(es.ss, cd.trig, t.word) && !c.hostsJourney(es, *t, cd) || c.otherTime(es, *t, planned)) {
					continue
				}
				if n := es.ss.pathLen(cd.trig, t.word); best == nil || n < bestLen {
					best, bestLen = t, n
				}
				continue
			}
			if !goesOn(es, *t, party...) || c.otherTime(es, *t, planned) || otherOccasion(es.ss, es.ss.root(), t.word) {
				continue
			}
			best = t
			break
		}
		if best == nil {
			continue
		}
		if c.saysHere(s, best.word) {
			return c.dateline
		}
		dest := destinations(es, *best)
		if len(dest) == 0 {
			continue // "during his visit": where to is told before
		}
		if len(dest) > 1 || dest[0].kind != "country" && dest[0].country == "" {
			return "" // several places, or a region ("his first trip to Asia")
		}
		if dest[0].kind == "country" && c.datelineStated(dest[0].country) {
			return c.dateline
		}
		return dest[0].name
	}
	return ""
}

// sharesKey says whether maps a and b have a key in common.
func sharesKey(a, b map[string]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// visitWord says whether word w is a meet trigger whose meeting sense is
// also one of arriving ("visit": its object is where one goes).
func (es *evSent) visitWord(w int) bool {
	for _, t := range es.trigs {
		if t.word == w && t.arriving() {
			return true
		}
	}
	return false
}

// party is rule "the meeting's party": the persons of the meeting that
// candidate cd tells, its pair and every person an accepted candidate of
// the same trigger word pairs with one of them. A visitor's journey places
// the meeting of two hosts too ("Singh is also scheduled to meet with
// Emperor Akihito and Empress Michiko" after "Singh will visit Japan").
func (c *evCtx) party(cd *Candidate, cands []Candidate) []int {
	party := []int{cd.A, cd.B}
	for i := range cands {
		o := &cands[i]
		if o.Kind != candMeet || o.Sent != cd.Sent || o.trig != cd.trig || o.Score < c.x.models.meet.Threshold {
			continue
		}
		for _, p := range [][2]int{{o.A, o.B}, {o.B, o.A}} {
			if (p[0] == cd.A || p[0] == cd.B) && !slices.Contains(party, p[1]) {
				party = append(party, p[1])
			}
		}
	}
	return party
}

// destinations are the places of its sentence that journey word t goes to
// (the lexicon's destination or participant role).
func destinations(es *evSent, t evTrig) []evArg {
	var dest []evArg
	for _, p := range es.places {
		if down := placePath(es.ss, t.word, p.word); down != nil {
			switch lexRole(es.ss, t, down[0]) {
			case "destination", "participant":
				dest = append(dest, p)
			}
		}
	}
	return dest
}

// hostsJourney is rule "the host's country": a journey told in a conjunct
// of the meeting ("Indian Prime Minister Manmohan Singh will visit Japan
// from Dec. 13 and hold talks with Japanese Prime Minister Shinzo Abe")
// is the meeting's occasion when it goes to one country and one of the
// two persons is of that country and the other not: the visitor meets
// the host at home. Two occasions stay apart ("will visit Washington to
// meet Obama on Tuesday, then meet Merkel on Wednesday": Merkel is not
// American).
func (c *evCtx) hostsJourney(es *evSent, t evTrig, cd *Candidate) bool {
	dest := destinations(es, t)
	if len(dest) != 1 || dest[0].country == "" {
		return false
	}
	a, b := c.d.Persons[cd.A].Country, c.d.Persons[cd.B].Country
	code := dest[0].country
	return a == code && b != code || b == code && a != code
}

// datelineStated says whether the wire dateline's city lies in the
// country code and the text also names it as a place ("Hu arrived in
// Vietnam ... talks in Hanoi" under HANOI): then a journey to the country
// went to that city.
func (c *evCtx) datelineStated(code string) bool {
	name, dc, _ := c.placeAt(c.datelineTok)
	if name == "" || dc != code {
		return false
	}
	for i := range c.d.Mentions {
		m := &c.d.Mentions[i]
		if m.Type == newsgraph.LOC && m.Tok0 != c.datelineTok {
			if n, _, _ := c.placeAt(m.Tok0); n == name {
				return true
			}
		}
	}
	return false
}

// journey says whether the trigger tells someone going somewhere: a
// travel word with a destination role, or a meet word of FrameNet's
// Arriving frame ("visit"). A departure (FrameNet's Departing) counts only
// with departing true, in the meeting's own sentence ("Trump departed for
// Singapore ahead of his meeting with Kim"): told before, "Hu left Hanoi
// for Beijing" says where he was, not where he met anyone. The noun
// "approach" (FrameNet's Arriving) is left out: in news it is a policy
// ("Trump's approach to North Korea") far more often than a journey.
func (t evTrig) journey(departing bool) bool {
	for _, e := range t.entries {
		if e.Lemma == "approach" && e.POS == "NOUN" {
			return false
		}
		if e.Relation == relMeet && slices.Contains(e.Frames, "Arriving") {
			return true
		}
		if e.Relation == relTravel && (departing || !slices.Contains(e.Frames, "Departing")) {
			for _, r := range e.Syntax {
				if r == "destination" {
					return true
				}
			}
		}
	}
	return false
}

// sameOccasion says whether the meeting word m of a sentence is part of
// its journey word j: the journey governs it, not through a conjunct
// (conjoined: "would visit Japan to meet with Ikeda", "arrived in Beijing,
// where he held talks"; not the second meeting of "will visit Washington
// to meet Obama on Tuesday, then meet Merkel on Wednesday"), or the
// meeting's clause holds the journey in a phrase of "during", "on", "in"
// or "while" ("is scheduled to meet Ahern during his visit to Ireland").
func sameOccasion(ss *synSent, m, j int) bool {
	up, top, _ := ss.path(j, m)
	if len(up) == 0 {
		// not "will leave for Seoul after meeting Abe"
		return !conjoined(ss, j, m) && !journeyAfter(ss, m, j)
	}
	// the meeting word, or the verb it is the object or complement of
	// ("scheduled to meet", "held talks"), holds the journey
	if h := ss.head(m); top != m && !(top == h && (ss.s.Words[m].Deprel == "xcomp" || ss.s.Words[m].Deprel == "obj")) {
		return false
	}
	switch ss.label(up[len(up)-1]) {
	case "obl[during]", "nmod[during]", "obl[on]", "nmod[on]", "obl[in]", "nmod[in]", "advcl[while]", "advcl[during]":
		return true
	}
	return false
}

// conjoined says whether words m and j stand in conjuncts or juxtaposed
// clauses of each other's ("will visit the United Kingdom and then go to
// Helsinki for a summit with Putin", "will visit Washington to meet Obama
// on Tuesday, then meet Merkel on Wednesday"): two occasions.
func conjoined(ss *synSent, m, j int) bool {
	up, _, down := ss.path(m, j)
	for _, w := range append(up, down...) {
		if dr := ss.s.Words[w].Deprel; dr == "conj" || dr == "parataxis" {
			return true
		}
	}
	return false
}

// otherOccasion says whether the journey word j of a sentence is told as
// before or after word m: a word of occasionOrder on the path down from
// their common ancestor to it, or as its preposition.
func otherOccasion(ss *synSent, m, j int) bool {
	_, _, down := ss.path(m, j)
	return orderOn(ss, down) != ""
}

// occasionOrder are the words that tell one occasion before or after
// another: occasionBefore's put the word above before the phrase they
// hang ("talks ahead of her visit"), the others after it ("met Lavrov
// after arriving in Moscow"); the preposition "following" (lemma
// "follow") is "after" too, the verb is not ("to be followed by").
var occasionOrder = set("before", "after", "ahead", "since", "until", "prior")
var occasionBefore = set("before", "ahead", "until", "prior")

// orderDown returns the first word of occasionOrder on the path down from
// word a to word b (as a word or as a preposition), or "".
func orderDown(ss *synSent, a, b int) string {
	up, _, down := ss.path(a, b)
	if len(up) != 0 {
		return ""
	}
	return orderOn(ss, down)
}

// orderOn returns the first word of occasionOrder among the words of a
// path, each read as its preposition or as itself ("ahead of her visit"
// hangs "visit" on the adverb "ahead"), or "".
func orderOn(ss *synSent, path []int) string {
	for _, w := range path {
		l := ss.label(w)
		if i := strings.IndexByte(l, '['); i >= 0 && occasionOrder[l[i+1:len(l)-1]] {
			return l[i+1 : len(l)-1]
		}
		if strings.HasSuffix(l, "[follow]") {
			return "after" // the preposition "following", lemmatised; not "followed by"
		}
		if occasionOrder[ss.lemma(w)] {
			return ss.lemma(w)
		}
	}
	return ""
}

// journeyAfter says whether a sentence tells its journey word j as after
// its meeting word m, so that the meeting did not take place where the
// journey went: "talks with Kohl ahead of her visit to Moscow", "will leave
// for Seoul after meeting Abe"; not "departed for Singapore ahead of his
// meeting with Kim", "met Lavrov after arriving in Moscow". Where neither
// word governs the other, any order word between them (otherOccasion).
func journeyAfter(ss *synSent, m, j int) bool {
	if ss.dominates(m, j) {
		return occasionBefore[orderDown(ss, m, j)]
	}
	if ss.dominates(j, m) {
		o := orderDown(ss, j, m)
		return o != "" && !occasionBefore[o]
	}
	return otherOccasion(ss, m, j)
}

// traveller says whether word w is the journey t's traveller: its
// subject, possessor or agent, or the noun a relative clause of the
// journey tells of when its relative pronoun is the subject ("The French
// minister, who arrived in Beirut on Saturday"; not "the city, which he
// visited").
func traveller(es *evSent, t evTrig, w int) bool {
	ss := es.ss
	if ss.head(t.word) == w && strings.HasPrefix(ss.s.Words[t.word].Deprel, "acl:relcl") {
		for _, k := range ss.kids[t.word] {
			if strings.HasPrefix(ss.s.Words[k].Deprel, "nsubj") && (ss.lemma(k) == "who" || ss.lemma(k) == "that") {
				return true
			}
		}
	}
	if ss.head(w) != t.word {
		return false
	}
	switch l := ss.label(w); {
	case strings.HasPrefix(l, "nsubj"), l == "nmod:poss", l == "obl:agent", l == "nmod[by]", l == "obl[by]":
		return true
	}
	return false
}

// goesOn says whether one of the persons who (any person when none is
// given) goes on the journey t: its subject, possessor or agent ("Wen's
// visit", "his trip", "Douste-Blazy arrived", "visits to Germany by
// Rice"); "a more flexible approach to Syria" goes nowhere.
func goesOn(es *evSent, t evTrig, who ...int) bool {
	for _, p := range es.persons {
		if (len(who) == 0 || slices.Contains(who, p.person)) && traveller(es, t, p.word) {
			return true
		}
	}
	return false
}

// otherTime says whether the journey t is told at another time than a
// meeting (planned or not): a journey with a stated plan ("will visit
// Japan") places no meeting that took place, a verb of the past or the
// perfect without one ("Ikeda visited South Korea in January", "has
// visited China four times") no planned meeting. Rule "an arrival
// stays": a past arrival is no other time, for whoever arrived is there
// still ("The French minister, who arrived in Beirut on Saturday for a
// 48-hour visit, was also to meet Siniora"; a visit told in the past is
// over), unless the arrival is dated by a year or a month ("Mr. Lew
// arrived in Washington in 1973": datedBack).
func (c *evCtx) otherTime(es *evSent, t evTrig, planned bool) bool {
	plan := c.statedPlan(es.ss, t.word) != ""
	if !planned {
		return plan
	}
	if plan || t.arrival() && !datedBack(es.ss, t.word) {
		return false
	}
	switch es.ss.s.Words[t.word].XPOS {
	case "VBD":
		return true
	case "VBN":
		for _, k := range es.ss.kids[t.word] {
			if es.ss.s.Words[k].Deprel == "aux" && es.ss.lemma(k) == "have" {
				return true // "He has visited China four times"
			}
		}
	}
	return false
}

// datedBack says whether the words that modify word w (its phrases and
// adverbs, not its clauses) name a year or a month: "arrived in
// Washington in 1973" is long over, "arrived in Beirut on Saturday" is
// this week's.
func datedBack(ss *synSent, w int) bool {
	for j, word := range ss.s.Words {
		if _, month := months[strings.ToLower(word.Form)]; !(month && isCap(word.Form) || yearNum(word.Form) > 0) {
			continue
		}
		for _, k := range ss.kids[w] {
			switch strings.SplitN(ss.s.Words[k].Deprel, ":", 2)[0] {
			case "obl", "advmod", "nmod":
				if ss.dominates(k, j) {
					return true
				}
			}
		}
	}
	return false
}

// saysHere says whether sentence s places word w of its parse "here" (the
// adverb modifies it). Only a wire story with a dateline has a here.
func (c *evCtx) saysHere(s, w int) bool {
	if c.dateline == "" {
		return false
	}
	es := c.parsed[s]
	if es == nil || es.ss == nil {
		return false
	}
	for i := range es.ss.s.Words {
		if es.ss.lemma(i) == "here" && es.ss.head(i) == w {
			return true
		}
	}
	return false
}

// hereAt says whether the meeting cd's own clause says "here": on its
// trigger, or on the verb the trigger is the object or complement of
// ("held talks here", "is scheduled to meet X here"); not a "here" of a
// speaker ("the spokesman announced here that Wen will meet Singh during
// his visit to India").
func (c *evCtx) hereAt(cd *Candidate) bool {
	if c.saysHere(cd.Sent, cd.trig) {
		return true
	}
	es := c.parsed[cd.Sent]
	switch es.ss.s.Words[cd.trig].Deprel {
	case "obj", "xcomp", "nsubj:pass":
		return c.saysHere(cd.Sent, es.ss.head(cd.trig))
	}
	return false
}

// wherePlace returns the place a "where" that introduces the trigger's
// clause refers back to: "is expected in Beirut next week, where he will
// meet Berri" (the nearest place before "where").
func (c *evCtx) wherePlace(cd *Candidate) string {
	es := c.parsed[cd.Sent]
	if es == nil {
		return ""
	}
	for i := range es.ss.s.Words {
		if es.ss.head(i) != cd.trig || es.ss.lemma(i) != "where" || i > cd.trig {
			continue
		}
		name, at := "", -1
		for _, p := range es.places {
			if p.word < i && p.word > at {
				name, at = p.name, p.word
			}
		}
		return name
	}
	return ""
}

// weapon is the weapon the trigger names, or a weapon word near it
// ("Russian missiles struck"), else other.
func (c *evCtx) weapon(cd *Candidate) string {
	es := c.parsed[cd.Sent]
	for _, t := range es.trigs {
		if t.word != cd.trig {
			continue
		}
		if w := c.weaponIn(es.ss, t); w != "" {
			return w
		}
	}
	bestLen, w := maxArcs+1, newsgraph.WeaponOther
	for _, t := range es.trigs {
		if tw := c.weaponIn(es.ss, t); tw != "" {
			if n := es.ss.pathLen(cd.trig, t.word); n < bestLen {
				bestLen, w = n, tw
			}
		}
	}
	return w
}

func (c *evCtx) cameo(cd *Candidate) string {
	es := c.parsed[cd.Sent]
	rel := cd.Kind
	if rel == candTarget {
		rel = relAttack
	}
	for _, t := range es.trigs {
		if t.word == cd.trig {
			for _, e := range t.entries {
				if e.Relation == rel && len(e.Cameo) > 0 {
					return e.Cameo[0]
				}
			}
		}
	}
	return ""
}

// casualties reads the numbers of people killed and injured that the
// sentence states: a number on the object of "kill" ("killing four
// people"), on the subject of a passive "killed" or of "died", or "N
// dead".
func (c *evCtx) casualties(es *evSent) (killed, injured *int) {
	if es == nil {
		return nil, nil
	}
	ss := es.ss
	num := func(noun int) *int {
		for _, k := range ss.kids[noun] {
			if ss.s.Words[k].Deprel == "nummod" {
				if n, ok := numberWord(ss.s.Words[k].Form); ok {
					return &n
				}
			}
		}
		if n, ok := numberWord(ss.s.Words[noun].Form); ok && ss.s.Words[noun].UPOS == "NUM" {
			return &n
		}
		return nil
	}
	for i, w := range ss.s.Words {
		var kind **int
		switch strings.ToLower(w.Lemma) {
		case "kill", "die", "dead":
			kind = &killed
		case "injure", "wound", "hurt", "injured", "wounded":
			kind = &injured
		default:
			continue
		}
		if *kind != nil {
			continue
		}
		for _, k := range ss.kids[i] {
			switch ss.s.Words[k].Deprel {
			case "obj", "nsubj:pass", "nsubj":
				if n := num(k); n != nil {
					*kind = n
				}
			}
		}
		if *kind == nil && (w.Deprel == "amod" || w.Deprel == "acl") {
			if n := num(ss.head(i)); n != nil {
				*kind = n
			}
		}
		if *kind == nil && w.UPOS == "ADJ" {
			if n := num(i); n != nil {
				*kind = n
			}
		}
	}
	return killed, injured
}

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}

// numberWord reads "12", "1,200" or a number word up to twenty.
func numberWord(s string) (int, bool) {
	if n, ok := numberWords[strings.ToLower(s)]; ok {
		return n, true
	}
	n, digits := 0, 0
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
			digits++
			if digits > 7 {
				return 0, false
			}
		case r == ',':
		default:
			return 0, false
		}
	}
	return n, digits > 0
}

// ScoredCandidates returns the candidates of an analysed article with the
// models' scores, for inspecting the event layer.
func (x *Extractor) ScoredCandidates(d *Doc, published string) []Candidate {
	cands := x.EventCandidates(d, published)
	if x.models == nil {
		return cands
	}
	for i := range cands {
		cands[i].Score = x.models.score(&cands[i])
	}
	return cands
}

// ExplainCandidate returns the strongest features of a scored candidate
// with their weights, for inspecting the event layer.
func (x *Extractor) ExplainCandidate(cd *Candidate, n int) []string {
	if x.models == nil {
		return nil
	}
	var out []string
	for _, k := range x.models.of(cd.Kind).Explain(&cd.F, n) {
		out = append(out, fmt.Sprintf("%s %+.2f", k.Feature, k.Weight))
	}
	if t := x.models.triggerOf(cd.Kind); t != nil {
		for _, k := range t.Explain(&cd.T, n) {
			out = append(out, fmt.Sprintf("trigger:%s %+.2f", k.Feature, k.Weight))
		}
	}
	return out
}

package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph"
)

var (
	// weaponWords name a weapon or a kind of military attack.
	weaponWords = map[string]string{
		"missile": newsgraph.WeaponMissile, "missiles": newsgraph.WeaponMissile,
		"drone": newsgraph.WeaponDrone, "drones": newsgraph.WeaponDrone, "uav": newsgraph.WeaponDrone, "uavs": newsgraph.WeaponDrone,
		"airstrike": newsgraph.WeaponAirstrike, "airstrikes": newsgraph.WeaponAirstrike,
		"air-strike": newsgraph.WeaponAirstrike, "air-strikes": newsgraph.WeaponAirstrike,
		"warplane": newsgraph.WeaponAirstrike, "warplanes": newsgraph.WeaponAirstrike,
		"jets": newsgraph.WeaponAirstrike, "aircraft": newsgraph.WeaponAirstrike,
		"bombers": newsgraph.WeaponAirstrike, "gunships": newsgraph.WeaponAirstrike,
		"helicopters": newsgraph.WeaponAirstrike, "sorties": newsgraph.WeaponAirstrike,
		"artillery": newsgraph.WeaponArtillery, "shelling": newsgraph.WeaponArtillery,
		"shelled": newsgraph.WeaponArtillery, "shells": newsgraph.WeaponArtillery,
		"mortar": newsgraph.WeaponArtillery, "mortars": newsgraph.WeaponArtillery,
		"howitzers": newsgraph.WeaponArtillery, "gunfire": newsgraph.WeaponArtillery,
		"rocket": newsgraph.WeaponRocket, "rockets": newsgraph.WeaponRocket,
		"rocket-propelled": newsgraph.WeaponRocket,
		"bomb":             newsgraph.WeaponBomb, "bombs": newsgraph.WeaponBomb, "bombing": newsgraph.WeaponBomb,
		"bombings": newsgraph.WeaponBomb, "bombed": newsgraph.WeaponBomb, "bomber": newsgraph.WeaponBomb,
		"explosives": newsgraph.WeaponBomb, "ied": newsgraph.WeaponBomb, "ieds": newsgraph.WeaponBomb,
	}
	// strikeNouns count as a strike with a modifier ("air strike",
	// "military strike"); alone, "strike" may be a labour strike.
	strikeNouns = set("strike", "strikes", "raid", "raids", "attack", "attacks", "offensive", "force")
	strikeMods  = map[string]string{"air": newsgraph.WeaponAirstrike, "aerial": newsgraph.WeaponAirstrike, "military": newsgraph.WeaponOther, "missile": newsgraph.WeaponMissile, "drone": newsgraph.WeaponDrone, "rocket": newsgraph.WeaponRocket, "artillery": newsgraph.WeaponArtillery}
	attackWords = set("attack", "attacks", "attacked", "attacking", "struck", "strike", "strikes", "hit", "hits", "raid", "raids", "raided", "offensive", "shelled", "bombed", "pounded", "targeted", "fired", "explosion", "blast", "exploded")
	subjVerbs   = set("launched", "launches", "launch", "began", "begins", "carried", "conducted", "fired", "fires", "struck", "strikes", "strike", "attacked", "attacks", "bombed", "shelled", "raided", "pounded", "targeted", "hit", "hits", "continues", "continued", "bombarded", "destroyed")
	hypoStrike  = set("threatened", "threatens", "threat", "threats", "plan", "plans", "planned", "plot", "would", "could", "might", "if", "warned", "warns", "vowed", "deter", "deterring", "prevent", "intends", "ready")
	attribVerbs = set("conducted", "carried", "claimed", "ascribed", "attributed", "blamed", "launched", "fired", "perpetrated", "committed")
	locPreps    = set("in", "at", "on", "near", "outside", "into", "over", "across", "inside", "struck", "hit", "hits", "targeted", "attacked", "bombed", "shelled", "pounded", "raided")
	npSkip      = set("the", "a", "an", "of", "northern", "southern", "eastern", "western", "north-eastern", "north-western", "south-eastern", "south-western", "northeastern", "northwestern", "southeastern", "southwestern", "central", "city", "town", "village", "cities", "towns", "villages", "province", "district", "region", "area", "capital", "port", "outskirts", "suburb", "suburbs", "centre", "center", "neighbourhood", "neighborhood", "part", "parts", "besieged", "southern-most", "frontline", "border", "coastal", "eastern-most", "mountains", "hills", "foothills", "jungle", "jungles")
	// compass: "in west Beirut", but not "east of Sidon" (beside it)
	compass       = set("north", "south", "east", "west")
	areaNouns     = set("city", "town", "village", "settlement", "cities", "towns", "villages", "province", "district", "region", "area", "capital", "port", "outskirts", "suburb", "suburbs", "centre", "center", "neighbourhood", "neighborhood", "part", "parts", "heart", "mountains", "hills", "foothills", "jungle", "jungles")
	facilityWords = set("airport", "base", "embassy", "consulate", "barracks", "headquarters", "station", "terminal", "hospital", "compound", "camp", "palace", "refinery", "port", "school", "mosque", "market")
	geoWords      = set("island", "islands")
	combatants    = set("forces", "troops", "rebels", "fighters", "militants", "militia", "militiamen", "gunmen", "army", "navy", "jets", "warplanes", "guerrillas", "insurgents", "soldiers", "commandos", "marines", "paratroopers",
		"helicopter", "helicopters", "gunship", "gunships", "aircraft", "planes", "tanks", "gunboats",
		"bombers", "warships", "coalition")
	notPlaceWords = set("army", "forces", "force", "police", "ministry", "party", "council", "committee",
		"command", "guard", "guards", "corps", "brigade", "brigades", "militia", "navy", "front",
		"movement", "group", "agency", "government", "union", "organization", "organisation",
		"company", "news", "press", "times", "post", "court", "parliament", "congress", "senate")
	killWords = set("killed", "killing", "kills", "kill", "dead", "died", "deaths", "toll")
	injWords  = set("wounded", "wounding", "injured", "injuring", "hurt")
	// armedGroups are named armed groups an attack can be ascribed to.
	armedGroups = map[string]string{
		"taliban": "Taliban", "hamas": "Hamas", "houthi": "Houthis", "houthis": "Houthis",
		"hezbollah": "Hezbollah", "hizbollah": "Hezbollah", "isis": "ISIS", "isil": "ISIL",
		"daesh": "ISIS", "al-qaeda": "al-Qaeda", "al-qaida": "al-Qaeda", "al-shabaab": "al-Shabaab",
		"shabaab": "al-Shabaab", "pkk": "PKK", "ira": "IRA", "eta": "ETA", "farc": "FARC",
		"hamas's": "Hamas", "amal": "Amal", "contra": "Contras", "contras": "Contras",
		"unita": "UNITA", "renamo": "RENAMO", "polisario": "Polisario", "ltte": "LTTE",
		"plo": "PLO", "janjaweed": "Janjaweed", "kla": "KLA", "spla": "SPLA", "lra": "LRA",
		"mujahideen": "Mujahideen", "mujahedeen": "Mujahideen", "ypg": "YPG", "sdf": "SDF",
		"hts": "HTS", "m23": "M23", "wagner": "Wagner", "nusra": "al-Nusra", "al-nusra": "al-Nusra",
		"hizbul": "Hizbul Mujahideen", "peshmerga": "Peshmerga", "sendero": "Shining Path",
	}
	armedGroups2 = map[string]string{"islamic state": "Islamic State", "boko haram": "Boko Haram", "islamic jihad": "Islamic Jihad",
		"tamil tigers": "Tamil Tigers", "khmer rouge": "Khmer Rouge", "abu sayyaf": "Abu Sayyaf",
		"shining path": "Shining Path", "al-aqsa martyrs": "al-Aqsa Martyrs Brigades", "lashkar-e-taiba": "Lashkar-e-Taiba",
		"jaish-e-mohammed": "Jaish-e-Mohammed", "al-shabab": "al-Shabaab", "ansar allah": "Houthis"}
)

var weaponSet = func() map[string]bool {
	m := map[string]bool{}
	for w := range weaponWords {
		m[w] = true
	}
	return m
}()

// strikeCtx carries what earlier sentences said about the fighting.
type strikeCtx struct {
	attacker   string
	attackerAt int    // sentence of the last attacker
	lastCode   string // country of the last place struck
	weapon     string // weapon of the last attacker's attack
	pending    *strikeHit
}

type strikeHit struct {
	si       int
	attacker string
	weapon   string
	suicide  bool
	car      bool
	roadside bool
	rule     string
	blocked  bool // the text says who attacked, but names no state or group
	// every attacker read in the sentence with the token where it attacks:
	// "Iranian gunboats attacked a tanker, and Iraqi warplanes struck
	// Rostam" holds two attacks
	atts []attackAt
	// fresh: the attack is told as a new one, "a rocket attack on X"
	fresh bool
	// joint: further attackers of a coordinated subject ("Syrian
	// government and Russian warplanes carried out air strikes")
	joint []string
	// jointOf: this hit is a copy for a joint attacker
	jointOf bool
}

type attackAt struct {
	tok      int
	attacker string
}

type target struct {
	name, code string
	tok        int
	prep       int // the locative word before it, or 0
	weak       bool
	fronted    bool // a setting before the clause: "In the province of X, ..."
}

// strikes finds military attacks on named places, one per place.
func (c *evCtx) strikes() []newsgraph.Strike {
	var out []newsgraph.Strike
	index := map[string]int{}
	var weak []bool // target is a whole country
	sc := strikeCtx{attackerAt: -100}
	emit := func(si int, h *strikeHit, tg []target, conf float64) {
		killed, injured := c.casualties(c.d.Sentences[si], len(tg))
		for _, t := range tg {
			key := strings.ToLower(t.name)
			if h.jointOf {
				key += "\x00" + h.attacker
			}
			for k, i := range index {
				// "Kharg" and "Kharg island" are one place
				if strings.HasPrefix(k, key+" ") && geoWords[k[len(key)+1:]] {
					key = k
				} else if strings.HasPrefix(key, k+" ") && geoWords[key[len(k)+1:]] {
					out[i].Target = t.name
					delete(index, k)
					index[key] = i
				}
			}
			if i, ok := index[key]; ok {
				if out[i].Attacker == "" {
					out[i].Attacker = h.attacker
				}
				continue
			}
			s := newsgraph.Strike{
				Attacker: h.attacker, Target: t.name, TargetCountry: t.code, Weapon: h.weapon,
				Killed: killed, Injured: injured, Date: c.dateIn(si, false), CAMEO: cameoOf(h),
				Evidence: c.sentText(si),
			}
			s.Rule, s.Confidence = h.rule, conf
			index[key] = len(out)
			out = append(out, s)
			weak = append(weak, t.weak)
		}
	}
	for si, s := range c.d.Sentences {
		if si == c.title || c.d.Tokens[s.Tok0].Skip {
			continue
		}
		h, isStrike, context := c.strikeIn(si, s)
		if h.attacker != "" {
			sc.attacker, sc.attackerAt, sc.weapon = h.attacker, si, h.weapon
		}
		if !isStrike {
			// "The toll in Teri Mangal rose to 81, ...": the places of an
			// attack named in the previous sentence
			if p := sc.pending; p != nil && si-p.si <= 2 && c.has(s, killWords) {
				var tg []target
				for _, t := range c.targetsIn(s) {
					if w := c.lw(t.prep - 1); t.prep > 0 && (killWords[w] || injWords[w] || w == "toll") {
						tg = append(tg, t)
					}
				}
				if len(tg) > 0 {
					hp := *p
					hp.rule = "strike:casualties-after:" + p.rule
					emit(si, &hp, tg, 0.6)
					sc.pending = nil
				}
			}
			_ = context
			continue
		}
		tg := c.targetsIn(s)
		rulePlace := ""
		if len(tg) == 0 && si > 0 && si-1 != c.title && c.has(c.d.Sentences[si-1], set("attack", "attacks", "attacked")) && !c.has(c.d.Sentences[si-1], weaponSet) {
			// "Police in Samarra came under attack. Mortars were fired at a station."
			tg = c.targetsIn(c.d.Sentences[si-1])
			rulePlace = ":place-before"
		}
		if len(tg) == 0 {
			tg = c.facilityAhead(si, s)
			rulePlace = ":facility-after"
		}
		if len(tg) == 0 {
			hp := h
			sc.pending = &hp
			continue
		}
		conf := 0.85
		if h.attacker == "" && !h.blocked && c.unknownAttacker(si) {
			h.blocked = true
			h.rule += ":attacker-unknown"
		}
		if h.attacker == "" && !h.blocked {
			if a := c.attributionAhead(si); a != "" {
				h.attacker = a
				h.rule += ":attributed-after"
				conf = 0.7
			} else if sc.attacker != "" && si-sc.attackerAt <= 2 && c.carryFits(sc, tg) && !sceneShift[c.lw(s.Tok0)] && !(h.car || h.roadside || h.suicide) && !c.mentionsState(s, sc.attacker) && !c.has(s, set("under")) && weaponsAgree(sc.weapon, &h) {
				h.attacker = sc.attacker
				h.rule += ":attacker-before"
				conf = 0.65
			}
		}
		h.rule += rulePlace
		if rulePlace != "" {
			conf -= 0.15
		}
		if split := c.attackersByTarget(&h, tg); split != nil {
			for i := range split {
				emit(si, &split[i].h, split[i].tg, conf)
			}
		} else {
			emit(si, &h, tg, conf)
			for _, a := range h.joint {
				if a != h.attacker {
					hp := h
					hp.attacker, hp.jointOf = a, true
					emit(si, &hp, tg, conf)
				}
			}
		}
		if h.attacker != "" {
			sc.attacker, sc.attackerAt, sc.weapon = h.attacker, si, h.weapon
		}
		sc.lastCode = tg[0].code
	}
	// "Israeli jets raided Sidon ... the 10th Israeli air raid on Lebanon":
	// a country struck by an attacker that the article shows striking a
	// named place in it says nothing more specific
	res := out[:0]
	for i, s := range out {
		if weak[i] && s.Attacker != "" && s.TargetCountry != "" && c.placeStruckIn(out, s) {
			continue
		}
		res = append(res, s)
	}
	return res
}

type strikePart struct {
	h  strikeHit
	tg []target
}

// attackersByTarget splits the targets of a sentence that reports attacks
// by two attackers ("Iranian gunboats attacked a tanker, and Iraqi
// warplanes struck an oil platform at Rostam"): each target goes to the
// attacker read nearest before it. It returns nil when one attacker (or
// none) is read.
func (c *evCtx) attackersByTarget(h *strikeHit, tg []target) []strikePart {
	distinct := map[string]bool{}
	for _, a := range h.atts {
		distinct[a.attacker] = true
	}
	if len(distinct) < 2 {
		return nil
	}
	var parts []strikePart
	for _, t := range tg {
		att := h.attacker
		for _, a := range h.atts {
			if a.tok < t.tok {
				att = a.attacker
			}
		}
		i := 0
		for i < len(parts) && parts[i].h.attacker != att {
			i++
		}
		if i == len(parts) {
			hp := *h
			hp.attacker = att
			parts = append(parts, strikePart{h: hp})
		}
		parts[i].tg = append(parts[i].tg, t)
	}
	return parts
}

// freshAttack reports whether the weapon at k opens an indefinite noun
// phrase that a source reports as a new event ("Afghan officials said a
// rocket attack on X"), not the object of an attacker's verb ("the group
// had also fired a ballistic missile").
func (c *evCtx) freshAttack(k int, s Sentence) bool {
	a := k - 1
	if c.lw(a) != "a" && c.lw(a) != "an" {
		a--
		if c.lw(a) != "a" && c.lw(a) != "an" || c.capAt(k-1) {
			return false
		}
	}
	switch c.lw(a - 1) {
	case "said", "says", "that":
	default:
		// "A drone strike on Odesa killed three" after "Russian
		// rockets hit Lviv" goes on with the same attacker
		return false
	}
	for j := s.Tok0; j < a; j++ {
		if c.lw(j) == "also" {
			return false
		}
	}
	return true
}

// weaponsAgree says whether an attack told as a new one ("a rocket attack
// on X") may be the earlier attacker's: only with the same weapon.
func weaponsAgree(a string, h *strikeHit) bool {
	return !h.fresh || a == "" || a == h.weapon || h.weapon == newsgraph.WeaponOther || a == newsgraph.WeaponOther
}

// placeStruckIn reports whether out holds a strike by the same attacker on
// a place (not the country itself) in the country that s targets.
func (c *evCtx) placeStruckIn(out []newsgraph.Strike, s newsgraph.Strike) bool {
	for _, o := range out {
		if o.Target != s.Target && o.TargetCountry == s.TargetCountry && o.Attacker == s.Attacker {
			return true
		}
	}
	return false
}

// carryFits says whether an attacker named earlier may be carried over to
// targets: not onto its own country, nor from an attack on another country.
func (c *evCtx) carryFits(sc strikeCtx, tg []target) bool {
	for _, t := range tg {
		if t.code != "" && (t.code == sc.attacker || sc.lastCode != "" && t.code != sc.lastCode) {
			return false
		}
	}
	return true
}

func cameoOf(h *strikeHit) string {
	switch h.weapon {
	case newsgraph.WeaponAirstrike, newsgraph.WeaponDrone, newsgraph.WeaponMissile, newsgraph.WeaponRocket:
		return "195"
	case newsgraph.WeaponArtillery:
		return "194"
	case newsgraph.WeaponBomb:
		switch {
		case h.suicide:
			return "1831"
		case h.car:
			return "1832"
		case h.roadside:
			return "1833"
		}
		return "183"
	}
	return "190"
}

// strikeIn reads the weapon and attacker of sentence s. isStrike says
// whether the sentence reports a military attack; context whether it
// speaks of attacks at all.
// platformWords name aircraft that carry weapons; alone, without an
// attack word in the sentence, they are no strike.
var platformWords = set("aircraft", "jets", "helicopters", "gunships", "warplanes", "warplane", "bombers", "sorties")

// attackIn reports whether sentence s has a word of attack or a weapon
// other than an aircraft.
func (c *evCtx) attackIn(s Sentence) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		w := c.lw(k)
		if attackWords[w] || subjVerbs[w] || killWords[w] || injWords[w] || strikeNouns[w] || weaponWords[w] != "" && !platformWords[w] {
			return true
		}
		switch w {
		case "dropped", "bombarded", "strafed", "fired", "firing", "rocketed", "blasted", "destroyed":
			return true
		}
	}
	return false
}

func (c *evCtx) strikeIn(si int, s Sentence) (h strikeHit, isStrike, context bool) {
	h.si = si
	first := -1
	for k := s.Tok0; k < s.Tok1; k++ {
		tok := c.d.Tokens[k]
		if tok.Skip {
			continue
		}
		w := tok.Lower
		if m := c.mention(k); m != nil && (m.Type == newsgraph.ORG || m.Type == newsgraph.MISC && c.d.Tokens[k].Country < 0) {
			continue // "Anti-Ballistic Missile Treaty"
		}
		weapon := weaponWords[w]
		if w == "bomber" && c.lw(k-1) != "suicide" {
			weapon = newsgraph.WeaponAirstrike
		}
		if strikeNouns[w] {
			if mw, ok := strikeMods[c.lw(k-1)]; ok && (w != "force" || c.lw(k-1) == "air") {
				weapon = mw
			}
			if w == "offensive" && c.lw(k-1) != "military" {
				weapon = ""
			}
		}
		if (w == "strike" || w == "strikes") && weapon == "" && (c.lw(k+1) == "on" || c.lw(k+1) == "against") && !labourCue(c, s) {
			weapon = newsgraph.WeaponOther // "killed in a strike on a house"
		}
		if platformWords[w] && !c.attackIn(s) {
			// "contracts for Boeing aircraft", "denies using aircraft
			// against civilians": aircraft that attack nothing named
			weapon = ""
		}
		if weapon == "" && !attackWords[w] {
			continue
		}
		if weapon == "" && w != "attack" && w != "attacks" && w != "raid" && w != "raids" {
			// a verb: struck, attacked ... its subject may be the attacker
			context = true
			if a := c.subjectAttacker(k, s); a != "" {
				h.atts = append(h.atts, attackAt{k, a})
			}
			if a := c.subjectAttacker(k, s); a != "" && h.attacker == "" {
				h.attacker = a
				h.joint = c.jointAttackers(k, s)
				if weaponWords[w] == "" && (w == "struck" || w == "strike" || w == "strikes" || w == "attacked" || w == "bombed" || w == "shelled" || w == "pounded" || w == "targeted" || w == "hit" || w == "raided") {
					if first < 0 {
						first = k
						h.weapon = newsgraph.WeaponOther
						if w == "shelled" {
							h.weapon = newsgraph.WeaponArtillery
						}
					}
				}
			}
			continue
		}
		context = true
		if a := c.subjectAttacker(k, s); a != "" {
			h.atts = append(h.atts, attackAt{k, a})
		} else if a := c.modAttacker(k); a != "" && weapon != "" {
			h.atts = append(h.atts, attackAt{k, a})
		}
		if a := c.subjectAttacker(k, s); a != "" && h.attacker == "" {
			// "Amal militiamen shelled", "Israel bombed"
			h.attacker = a
		}
		// "The United States carried out the airstrike", "Turkey began a
		// military offensive", "French troops destroyed the Ivorian air
		// force": the subject before the weapon's own modifier
		for j := k - 1; j >= s.Tok0 && j >= k-7 && h.attacker == "" && weapon != ""; j-- {
			if w := c.lw(j); w == "," || w == ";" || w == "and" || w == "said" {
				break
			}
			if subjVerbs[c.lw(j)] {
				h.attacker = c.subjectAttacker(j, s)
				if h.attacker != "" {
					h.joint = c.jointAttackers(j, s)
				}
				break
			}
		}
		if a := c.modAttacker(k); a != "" && h.attacker == "" {
			h.attacker = a
			h.joint = c.jointAttackers(k+1, s)
		}
		if weapon == "" {
			continue
		}
		if first < 0 || h.weapon == newsgraph.WeaponOther && weapon != newsgraph.WeaponOther {
			if first < 0 {
				first = k
			}
			h.weapon = weapon
			h.fresh = c.freshAttack(k, s)
		}
		switch c.lw(k - 1) {
		case "suicide":
			h.suicide = true
		case "car":
			h.car = true
		case "roadside":
			h.roadside = true
		}
	}
	if first < 0 {
		return h, false, context
	}
	for k := max(s.Tok0, first-5); k < first; k++ {
		if w := c.lw(k); hypoStrike[w] || w == "to" && c.lw(k-1) == "plans" {
			return h, false, context
		}
	}
	if h.attacker == "" {
		if a, explicit := c.attribution(s.Tok0, s.Tok1); explicit {
			h.attacker = a
			h.blocked = a == ""
		}
	}
	if h.blocked {
		h.rule = "strike:" + h.weapon + ":attacker-unnamed"
	} else {
		h.rule = "strike:" + h.weapon
	}
	return h, true, true
}

// groupAt returns the armed group named at token k, or "".
func (c *evCtx) groupAt(k int) string {
	if g, ok := armedGroups2[c.lw(k)+" "+c.lw(k+1)]; ok {
		return g
	}
	if g, ok := armedGroups2[c.lw(k-1)+" "+c.lw(k)]; ok {
		return g
	}
	if g, ok := armedGroups[c.lw(k)]; ok && (isCap(c.d.Tokens[k].Text)) {
		return g
	}
	return ""
}

// modAttacker reads "Russian missiles", "Israeli air strikes", "Houthi
// drones", "its warplanes": the state or group just before a weapon.
func (c *evCtx) modAttacker(k int) string {
	s := c.d.Sentences[c.d.Tokens[k].Sent]
	for j := k - 1; j >= s.Tok0 && j >= k-3; j-- {
		if cr := c.country(j); cr != nil && !cr.InOrg {
			if isPoss(c.lw(cr.Tok1)) && cr.Tok1 != k-1 {
				return ""
			}
			return cr.Code
		}
		if g := c.groupAt(j); g != "" {
			return g
		}
		w := c.lw(j)
		if w == "its" || w == "their" {
			for i := s.Tok0; i < j; i++ {
				if cr := c.country(i); cr != nil && cr.Kind != "demonym" && !cr.InOrg {
					return cr.Code
				}
				if g := c.groupAt(i); g != "" {
					return g
				}
			}
			return ""
		}
		if _, isMod := strikeMods[w]; !(isMod || w == "cruise" || w == "ballistic" || w == "fighter" || w == "suicide" || w == "car" || w == "the" || w == "latest" || w == "new" || w == "heavy") {
			return ""
		}
	}
	return ""
}

// subjectAttacker reads "Turkey began", "the Kremlin continues to strike",
// "Israel struck": a state (by name or metonym) or armed group as the
// subject of an attack verb at k.
// govCountry returns the country of the last "<country> government"
// before token k, or "".
func (c *evCtx) govCountry(k int) string {
	for j := k - 1; j > 0; j-- {
		if c.lw(j) == "government" {
			if cr := c.country(j - 1); cr != nil && !cr.InOrg {
				return cr.Code
			}
		}
	}
	return ""
}

// jointAttackers returns the countries of a coordinated subject that ends
// before the verb at k: "Syrian government and Russian warplanes carried
// out", "Turkish and Syrian rebel forces shelled".
func (c *evCtx) jointAttackers(k int, s Sentence) []string {
	var codes []string
	and := false
	for j := k - 1; j >= s.Tok0 && j >= k-10; j-- {
		w := c.lw(j)
		if cr := c.country(j); cr != nil && !cr.InOrg {
			if !slices.Contains(codes, cr.Code) {
				codes = append(codes, cr.Code)
			}
			j = cr.Tok0
			continue
		}
		switch {
		case w == "and":
			and = true
		case auxWords[w] || combatants[w] || forceMods[w] || w == "carried" || w == "the":
		default:
			j = s.Tok0
		}
	}
	if !and || len(codes) < 2 {
		return nil
	}
	return codes
}

// armedHeads end the names of armed groups ("Libyan National Army",
// "Free Syrian Army", "Al-Aqsa Martyrs Brigade").
var armedHeads = set("army", "brigade", "brigades", "militia", "front", "forces", "guard", "corps", "battalion", "battalions")

// armedOrg returns the attacker named by an organisation whose mention
// ends at token k with an armed head word: a state's own armed forces
// ("Israel Defense Forces", "the Syrian Armed Forces") give its country
// code, any other its name ("Libyan National Army").
func (c *evCtx) armedOrg(k int) string {
	m := c.mention(k)
	if m == nil || m.Type != newsgraph.ORG || m.Tok1-1 != k || m.Tok1-m.Tok0 < 2 || !armedHeads[c.lw(k)] {
		return ""
	}
	for j := m.Tok0; j < m.Tok1; j++ {
		if w := c.lw(j); w == "defense" || w == "defence" || w == "armed" || w == "republican" || w == "revolutionary" || w == "royal" || w == "people's" {
			for q := m.Tok0; q < m.Tok1; q++ {
				if cr := c.country(q); cr != nil {
					return cr.Code
				}
			}
			return ""
		}
	}
	return strings.Join(strings.Fields(m.Text), " ")
}

func (c *evCtx) subjectAttacker(k int, s Sentence) string {
	if !subjVerbs[c.lw(k)] {
		return ""
	}
	for j := k - 1; j >= s.Tok0 && j >= k-6; j-- {
		if g := c.armedOrg(j); g != "" {
			return g
		}
		if c.lw(j) == "government" && c.country(j-1) == nil && (combatants[c.lw(j+1)] || forceMods[c.lw(j+1)]) {
			// "government helicopters" in an article about one
			// government's war
			if code := c.govCountry(j); code != "" {
				return code
			}
		}
		if cr := c.country(j); cr != nil && !cr.InOrg && !isPoss(c.lw(cr.Tok1)) {
			// "Israel struck", "French forces attacked", "Syrian
			// government forces shelled"; not "Iraqi police said"
			if cr.Kind != "demonym" || combatants[c.lw(cr.Tok1)] || forceMods[c.lw(cr.Tok1)] && combatants[c.lw(cr.Tok1+1)] {
				return cr.Code
			}
		}
		if g := c.groupAt(j); g != "" {
			return g
		}
		if c.lw(j) == "coalition" {
			if code := c.coalitionLead(); code != "" {
				return code // "coalition warplanes carried out air strikes"
			}
		}
		if w := c.lw(j); (w == "it" || w == "they") && claimVerbs[c.lw(j-1)] {
			// "Hezbollah said it fired rockets": the claimant attacked
			for i := j - 2; i >= s.Tok0 && i >= j-5; i-- {
				if cr := c.country(i); cr != nil && !cr.InOrg && cr.Kind != "demonym" {
					return cr.Code
				}
				if g := c.groupAt(i); g != "" {
					return g
				}
			}
			return ""
		}
		if w := c.lw(j); w == "by" && (c.lw(j-1) == "backed" || c.lw(j-1) == "supported") {
			j-- // "Philippine troops backed by helicopter gunships attacked"
			continue
		}
		if w := c.lw(j); !(auxWords[w] || combatants[w] || forceMods[w] || w == "continues" || w == "continue" || w == "military") {
			return ""
		}
	}
	return ""
}

// claimVerbs introduce an attacker's own account: "Hezbollah said it fired".
var claimVerbs = set("said", "says", "claimed", "claims", "announced", "announces", "stated", "admitted", "confirmed")

// bombMods may stand between a place and its weapon ("a Kabul car bombing").
var bombMods = set("car", "truck", "suicide", "roadside", "bus", "market", "air", "rocket", "missile", "drone", "mortar")

// mentionsState reports whether sentence s names the state code (as a
// country, demonym or metonym): an attacker carried over from earlier
// would then usually be the victim ("An Israeli army outpost came under
// fire").
func (c *evCtx) mentionsState(s Sentence, code string) bool {
	for k := s.Tok0; k < s.Tok1; k++ {
		if cr := c.d.Tokens[k].Country; cr >= 0 && c.d.Countries[cr].Code == code && !c.d.Countries[cr].InOrg {
			return true
		}
	}
	return false
}

// forceMods stand between a country adjective and its armed forces
// ("Syrian government forces", "Russian special forces").
var forceMods = set("government", "security", "special", "regular", "ground", "coalition", "allied", "military", "army", "attack")

// unknownAttacker reports whether sentence si (or the next one) says the
// attacker is not known: "it was not clear who fired", "no group claimed
// responsibility", "unidentified gunmen".
func (c *evCtx) unknownAttacker(si int) bool {
	for j := si; j < len(c.d.Sentences) && j <= si+1; j++ {
		s := c.d.Sentences[j]
		for k := s.Tok0; k < s.Tok1; k++ {
			switch w := c.lw(k); w {
			case "who":
				for i := k - 1; i >= s.Tok0 && i >= k-4; i-- {
					if v := c.lw(i); v == "not" || v == "n't" || v == "unclear" || v == "unknown" || v == "no" {
						return true
					}
				}
			case "no":
				n := c.lw(k + 1)
				if (n == "group" || n == "one" || n == "organisation" || n == "organization") && c.has(Sentence{Tok0: k, Tok1: min(k+5, s.Tok1)}, set("claimed", "claims")) {
					return true
				}
			case "unidentified", "unknown":
				if n := c.lw(k + 1); n == "gunmen" || n == "attackers" || n == "assailants" || n == "aircraft" || n == "planes" || n == "drones" {
					return true
				}
			}
		}
	}
	return false
}

// attribution reads "conducted by the Taliban", "ascribed to Hamas",
// "carried out by sympathizers" in tokens [a, b). explicit is set when
// the text names who did it, even if not as a state or group.
func (c *evCtx) attribution(a, b int) (attacker string, explicit bool) {
	for k := a; k < b; k++ {
		if !attribVerbs[c.lw(k)] {
			continue
		}
		j := k + 1
		if c.lw(j) == "out" || c.lw(j) == "responsibility" {
			j++
		}
		if w := c.lw(j); w != "by" && w != "to" && w != "on" {
			continue
		}
		j++
		if c.lw(j) == "the" {
			j++
		}
		if cr := c.country(j); cr != nil && !cr.InOrg {
			return cr.Code, true
		}
		if g := c.groupAt(j); g != "" {
			return g, true
		}
		return "", true
	}
	// "The Taliban have claimed responsibility"
	for k := a; k < b; k++ {
		if c.lw(k) == "responsibility" && (c.lw(k-1) == "claimed" || c.lw(k-1) == "claims") {
			for j := k - 2; j >= a && j >= k-5; j-- {
				if g := c.groupAt(j); g != "" {
					return g, true
				}
			}
			if g := c.claimant(a, k); g != "" {
				return g, true
			}
		}
	}
	return "", false
}

// attributionAhead looks for an attribution in the next two sentences
// ("Dozens died in the attack, reportedly conducted by the Taliban.").
// claimant reads the name of an unlisted group that opens the clause
// [a, k) of a claim of responsibility: "Tawhid and Jihad, the group led by
// ..., claimed responsibility". Persons, countries and places are no
// claimants.
func (c *evCtx) claimant(a, k int) string {
	e := a
	for e < k && (c.capAt(e) || e > a && (c.lw(e) == "and" || c.lw(e) == "of" || c.lw(e) == "al") && c.capAt(e+1)) {
		if c.personAt(e) >= 0 || c.country(e) != nil {
			return ""
		}
		if m := c.mention(e); m != nil && m.Type == newsgraph.LOC {
			return ""
		}
		e++
	}
	if e == a || e-a > 6 || !(c.lw(e) == "," || c.lw(e) == "claimed" || c.lw(e) == "has" || c.lw(e) == "have") {
		return ""
	}
	if functionWords[c.lw(a)] || titleWords[c.lw(a)] {
		return ""
	}
	if c.lw(e) == "," {
		// only an apposition may stand between the name and its claim:
		// "X, the group led by Y, claimed"
		if w := c.lw(e + 1); w != "the" && w != "a" && w != "an" {
			return ""
		}
		q := e + 1
		for q < k && c.lw(q) != "," {
			q++
		}
		if q >= k || !(c.lw(q+1) == "claimed" || c.lw(q+1) == "has" || c.lw(q+1) == "have") {
			return ""
		}
	}
	return c.d.Span(c.d.Tokens[a].Start, c.d.Tokens[e-1].End)
}

func (c *evCtx) attributionAhead(si int) string {
	for j := si + 1; j < len(c.d.Sentences) && j <= si+2; j++ {
		s := c.d.Sentences[j]
		if a, ok := c.attribution(s.Tok0, s.Tok1); ok {
			return a
		}
	}
	return ""
}

// targetsIn returns the named places sentence s says were hit: places
// after a locative word ("on Dnipro", "in the northern city of Samarra",
// "struck the cities of Sumy and Kryvyi Rih"), not those they lie in
// ("Maidan Shahr in ... Maidan Wardak province", "Angur Adar, South
// Waziristan"), nor origins ("from a camp at X") or relative positions
// ("north of Baghdad").
// advAdj reports whether token j is part of a lower-case adverb and
// participle before a place ("the heavily fortified Green Zone", "the
// densely populated Shejaiya district").
func (c *evCtx) advAdj(j int) bool {
	w := c.lw(j)
	if c.capAt(j) || len(w) < 4 {
		return false
	}
	if strings.HasSuffix(w, "ly") {
		n := c.lw(j + 1)
		return !c.capAt(j+1) && (strings.HasSuffix(n, "ed") || strings.HasSuffix(n, "ing"))
	}
	return (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing")) && strings.HasSuffix(c.lw(j-1), "ly") && !c.capAt(j-1)
}

func (c *evCtx) targetsIn(s Sentence) []target {
	var out []target
	for k := s.Tok0; k < s.Tok1; k++ {
		w := c.lw(k)
		if weaponWords[w] != "" || strikeNouns[w] {
			// "a Kabul car bombing"
			for j := k - 1; j >= s.Tok0 && j >= k-2; j-- {
				if n, code, e := c.placeAt(j); n != "" && e <= k && c.country(j) == nil && (e == k || bombMods[c.lw(e)]) {
					out = append(out, target{name: n, code: code, tok: j})
					break
				}
			}
		}
		loc := locPreps[w] || w == "of" && areaNouns[c.lw(k-1)]
		if !loc || c.d.Tokens[k].Ment >= 0 || c.fromChain(k, s) || c.shipBefore(k, s) {
			continue
		}
		j := k + 1
		for n := 0; j < s.Tok1 && n < 6 && (npSkip[c.lw(j)] || c.demonymAt(j) || facilityWords[c.lw(j)] || premods[c.lw(j)] || compass[c.lw(j)] && c.lw(j+1) != "of" || c.advAdj(j)); n++ {
			j++
		}
		var items []target
		sawAnd := false
		firstEnd := j
		for j < s.Tok1 {
			it, e, ok := c.placeItem(j, s, len(items) == 0 || locPreps[c.lw(j-1)] || c.lw(j-1) == "of")
			if !ok {
				break
			}
			it.prep = k
			if len(items) == 0 {
				firstEnd = e
			}
			items = append(items, it)
			j = e
			if c.lw(j) == "," && c.lw(j+1) == "and" {
				j++
			}
			if c.lw(j) == "and" {
				sawAnd = true
				j++
				continue
			}
			if c.lw(j) == "," {
				j++
				continue
			}
			break
		}
		if len(items) > 1 && !sawAnd {
			items = items[:1]
		}
		// "Shipping sources in the Gulf said": where a source is, not a target
		if len(items) > 0 && sourceVerbs[c.lw(j)] && sourceNouns[c.lw(k-1)] {
			items = nil
		}
		// "In the southern province of Helmand, U.S. helicopters pounded ...":
		// a setting, dropped when the clause names a place of its own
		if len(items) > 0 && c.lw(firstEnd) == "," && c.startOfSentence(k, s) {
			for i := range items {
				items[i].fronted = true
			}
			// "In Washington, President Reagan said ...": where someone
			// spoke, not what was hit
			for q := firstEnd + 1; q < s.Tok1 && q < firstEnd+9; q++ {
				if w := c.lw(q); speechVerbs[w] {
					items = nil
					break
				} else if weaponWords[w] != "" || attackWords[w] {
					break
				}
			}
		}
		out = append(out, items...)
		// "the Ain al-Asad air base in Anbar province": the facility's noun
		for n := 0; n < 3 && j < s.Tok1 && (premods[c.lw(j)] || facilityWords[c.lw(j)]) && !c.capAt(j); n++ {
			j++
		}
		// skip what the places lie in or near: "in Kurram Agency", ",
		// South Waziristan", "near Tyre"
		strongItem := false
		for _, it := range items {
			strongItem = strongItem || !it.weak
		}
		for len(items) > 0 && j < s.Tok1 && (c.lw(j) == "in" || c.lw(j) == "," || c.lw(j) == "near" && strongItem) {
			e := j + 1
			for n := 0; e < s.Tok1 && n < 5 && (npSkip[c.lw(e)] || isPoss(c.lw(e))); n++ {
				e++
			}
			if _, e2, ok := c.placeItem(e, s, true); ok {
				j = e2
				continue
			}
			break
		}
		if j > k+1 {
			k = j - 1
		}
	}
	strong, main := false, false
	for _, t := range out {
		if !t.weak {
			strong = true
		}
		if !t.weak && !t.fronted {
			main = true
		}
	}
	var res []target
	seen := map[string]bool{}
	for _, t := range out {
		if strong && t.weak || main && t.fronted || seen[t.name] || notTargets[strings.ToLower(t.name)] {
			continue
		}
		if c.quietClause(t.tok, s) {
			continue
		}
		seen[t.name] = true
		res = append(res, t)
	}
	return res
}

// shipWords name vessels: where a ship was hit is not a target ("hit two
// ships near the port of X", "a tanker loading at X").
var shipWords = set("ship", "ships", "tanker", "tankers", "vessel", "vessels", "freighter",
	"freighters", "frigate", "destroyer", "boat", "boats", "cargo", "carrier", "supertanker", "warship", "warships")

// shipBefore reports whether the locative at k places a ship named just
// before it.
func (c *evCtx) shipBefore(k int, s Sentence) bool {
	for j := k - 1; j >= s.Tok0 && j >= k-6; j-- {
		w := c.lw(j)
		if shipWords[w] {
			return true
		}
		if j < k-2 && !(npSkip[w] || locPreps[w] || areaNouns[w]) {
			return false // "ships near the port of X" reaches back further
		}
		if c.capAt(j) || w == "," || weaponWords[w] != "" || attackWords[w] || facilityWords[w] && !areaNouns[w] {
			return false
		}
	}
	return false
}

// fromChain reports whether the locative at k belongs to a phrase that
// starts with "from" ("escaped from a camp at Ain Issa").
func (c *evCtx) fromChain(k int, s Sentence) bool {
	for j := k - 1; j >= s.Tok0 && j >= k-4; j-- {
		w := c.lw(j)
		if w == "from" || w == "to" || w == "with" || w == "by" {
			return true
		}
		if c.capAt(j) || w == "," || weaponWords[w] != "" || killWords[w] || attackWords[w] {
			return false
		}
	}
	return false
}

// placeItem reads one named place at token j: a place or country
// mention, or a run of capitalised words ("Kharg island", "Baghdad
// International Airport"). A named facility in a place ("the United States
// Embassy in Baghdad") is that place.
// countryIn reports whether a token of [a, b) names a country.
func (c *evCtx) countryIn(a, b int) bool {
	for k := a; k < b; k++ {
		if c.country(k) != nil {
			return true
		}
	}
	return false
}

func (c *evCtx) placeItem(j int, s Sentence, afterPrep bool) (target, int, bool) {
	if j >= s.Tok1 {
		return target{}, j, false
	}
	// a run of capitalised words
	e := j
	for e < s.Tok1 && (c.capAt(e) || e > j && (c.lw(e) == "al" || c.lw(e) == "de" || namePrefixed(c.d.Tokens[e].Text))) && !functionWords[c.lw(e)] {
		if p := c.personAt(e); p >= 0 && (len(c.d.Persons[p].Mentions) > 1 || !afterPrep) {
			break
		}
		if c.groupAt(e) != "" {
			break
		}
		e++
	}
	if e == j {
		return target{}, j, false
	}
	// a country: "Iraq's border", "into north-eastern Syria"
	if cr := c.country(j); cr != nil {
		if cr.Kind == "demonym" || cr.InOrg {
			return target{}, j, false
		}
		ce := cr.Tok1
		if ce < e && facilityWords[c.lw(e-1)] && c.lw(e) != "in" {
			// "near the U.S. Embassy": named by its country, not a place
			return target{}, j, false
		}
		if ce >= e || !c.capAt(ce) {
			if isPoss(c.lw(ce)) && c.capAt(ce+1) {
				// "Iran's Kharg island"
				it, e2, ok := c.placeItem(ce+1, s, true)
				if ok && it.code == "" {
					it.code = cr.Code
				}
				return it, e2, ok
			}
			name := c.d.Span(c.d.Tokens[j].Start, c.d.Tokens[ce-1].End)
			if m := c.mention(j); m != nil && m.Type == newsgraph.LOC {
				name = strings.Join(strings.Fields(m.Text), " ")
			}
			end := ce
			if isPoss(c.lw(end)) {
				end++
			}
			return target{name: name, code: cr.Code, tok: j, weak: true}, end, true
		}
	}
	words := make([]string, 0, e-j)
	for k := j; k < e; k++ {
		words = append(words, c.d.Tokens[k].Text)
	}
	for _, w := range words {
		lw := strings.ToLower(w)
		if notPlaceWords[lw] || titleWords[lw] && !facilityWords[lw] && lw != "state" {
			return target{}, j, false
		}
	}
	last := strings.ToLower(words[len(words)-1])
	end := e
	name := strings.Join(words, " ")
	code := ""
	if m := c.mention(j); m != nil && m.Type == newsgraph.LOC && m.Tok0 == j && m.Tok1 == e {
		n, cc, _ := c.placeAt(j)
		if n != "" {
			name, code = n, cc
		}
	}
	if geoWords[c.lw(e)] {
		// "Kharg island"
		name += " " + c.d.Tokens[e].Text
		end++
	} else if facilityWords[c.lw(e)] && !c.capAt(e) && code == "" && c.country(j) == nil {
		if n, _, _ := c.placeAt(j); n == "" && (c.mention(j) == nil || c.mention(j).Type != newsgraph.LOC) {
			// "Mitiga airport": a facility named by a name that is no
			// town's, unlike "Baghdad airport"
			name += " " + c.d.Tokens[e].Text
			end++
		}
	} else if c.mention(j) != nil && c.mention(j).Type == newsgraph.MISC {
		return target{}, j, false
	}
	if facilityWords[last] && c.lw(end) == "in" && len(words) >= 2 && !c.countryIn(j, e) {
		// "Mitiga International Airport in Tripoli": a facility with a
		// name of its own is the most specific place hit
		if n, cc, _ := c.placeAt(end + 1); n != "" {
			code = cc
		}
		return target{name: name, code: code, tok: j}, end, true
	}
	if facilityWords[last] && c.lw(end) == "in" {
		// "the United States Embassy in Iraq" is in Iraq, and in Baghdad if
		// the article says so elsewhere
		k := end + 1
		if c.lw(k) == "the" {
			k++
		}
		if n, cc, e2 := c.placeAt(k); n != "" {
			t := target{name: n, code: cc, tok: k}
			if c.country(k) != nil {
				if city, ccode := c.facilityCity(j, e); city != "" {
					t = target{name: city, code: ccode, tok: k}
				}
			}
			return t, e2, true
		}
	}
	if code == "" {
		if cr := c.country(e); cr != nil && c.lw(e) == "," {
			code = cr.Code
		}
		for k := end; k < s.Tok1 && k < end+10 && code == ""; k++ {
			if cr := c.country(k); cr != nil && cr.Kind == "name" {
				code = cr.Code
			}
		}
	}
	return target{name: name, code: code, tok: j}, end, true
}

// facilityCity finds "<same facility> in <city>" elsewhere in the article.
func (c *evCtx) facilityCity(a, b int) (string, string) {
	n := b - a
	for k := 0; k+n+1 < len(c.d.Tokens); k++ {
		if k == a {
			continue
		}
		ok := true
		for i := 0; i < n; i++ {
			if c.d.Tokens[k+i].Lower != c.d.Tokens[a+i].Lower {
				ok = false
				break
			}
		}
		if !ok || c.lw(k+n) != "in" {
			continue
		}
		if name, code, _ := c.placeAt(k + n + 1); name != "" && c.country(k+n+1) == nil {
			return name, code
		}
	}
	return "", ""
}

// facilityAhead finds "the Rheindahlen base" in the next two sentences
// when sentence s speaks of an unnamed facility ("the headquarters").
func (c *evCtx) facilityAhead(si int, s Sentence) []target {
	if !c.has(s, facilityWords) {
		return nil
	}
	for j := si + 1; j < len(c.d.Sentences) && j <= si+2; j++ {
		ns := c.d.Sentences[j]
		for k := ns.Tok0 + 1; k+1 < ns.Tok1; k++ {
			if c.lw(k-1) == "the" && c.capAt(k) && facilityWords[c.lw(k+1)] && c.personAt(k) < 0 && c.country(k) == nil {
				code := ""
				if m := c.mention(k); m != nil {
					code = m.Country
				}
				return []target{{name: c.d.Tokens[k].Text, code: code, tok: k}}
			}
		}
	}
	return nil
}

// ---- casualties ----

var numberWords = map[string]int{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
	"hundred": 100,
}

var vagueWords = set("dozens", "dozen", "scores", "hundreds", "thousands", "several", "many", "some", "more", "numerous")

var singularVictims = set("soldier", "civilian", "man", "woman", "child", "boy", "girl", "person",
	"policeman", "officer", "driver", "journalist", "worker", "guard", "member", "resident", "student")

// numberAt parses a count at token k: digits, number words ("three",
// "twenty-five"), "a soldier". ok is false for vague counts ("dozens").
func (c *evCtx) numberAt(k int) (n int, found, vague bool) {
	w := c.lw(k)
	for w == "about" || w == "almost" || w == "nearly" || w == "around" || w == "approximately" || w == "some" && c.numWord(c.lw(k+1)) || w == "at" && c.lw(k+1) == "least" || w == "least" {
		k++
		w = c.lw(k)
	}
	if vagueWords[w] {
		return 0, false, true
	}
	if v, ok := c.numTok(w); ok {
		if vagueWords[c.lw(k+1)] {
			return 0, false, true
		}
		return v, true, false
	}
	if (w == "a" || w == "an") && singularVictims[c.lw(k+1)] || (w == "a" || w == "an") && singularVictims[c.lw(k+2)] {
		return 1, true, false
	}
	return 0, false, false
}

func (c *evCtx) numWord(w string) bool { _, ok := c.numTok(w); return ok }

func (c *evCtx) numTok(w string) (int, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	if i := strings.IndexByte(w, '-'); i > 0 {
		a, ok1 := numberWords[w[:i]]
		b, ok2 := numberWords[w[i+1:]]
		if ok1 && ok2 && a >= 20 && b < 10 {
			return a + b, true
		}
	}
	n := 0
	digits := 0
	for _, r := range w {
		switch {
		case r >= '0' && r <= '9':
			n = n*10 + int(r-'0')
			digits++
		case r == ',':
		default:
			return 0, false
		}
		if n > 10000000 {
			return 0, false
		}
	}
	if digits == 0 || digits == 4 && n >= 1900 && n <= 2100 {
		return 0, false
	}
	return n, true
}

// casualties reads the killed and injured counts of sentence s; with
// several targets only a count that the sentence gives once is used.
func (c *evCtx) casualties(s Sentence, targets int) (killed, injured *int) {
	if targets > 1 {
		return nil, nil
	}
	find := func(words map[string]bool) *int {
		for k := s.Tok0; k < s.Tok1; k++ {
			w := c.lw(k)
			if !words[w] {
				continue
			}
			// after: "killing three civilians", "toll rose to 81"
			for j := k + 1; j < s.Tok1 && j <= k+3; j++ {
				if w == "toll" && c.lw(j) != "to" && j < k+3 {
					continue
				}
				if n, ok, vague := c.numberAt(j); ok {
					return &n
				} else if vague {
					return nil
				}
				if w != "toll" {
					break
				}
			}
			// before: "seven people were killed", "23 died", "30 injured"
			for j := k - 1; j >= s.Tok0 && j >= k-5; j-- {
				if n, ok, vague := c.numberAt(j); ok {
					return &n
				} else if vague {
					return nil
				}
				if lw := c.lw(j); lw == "," || lw == "and" || lw == "." {
					break
				}
			}
		}
		return nil
	}
	return find(killWords), find(injWords)
}

var (
	// premods are nouns and adjectives of facilities and positions
	// before or after a place name ("oil terminal", "refugee camp", "air
	// base", "rebel positions").
	premods = set("oil", "gas", "refugee", "air", "naval", "military", "army", "police", "border",
		"rebel", "guerrilla", "militant", "insurgent", "government", "terminal", "field", "fields",
		"positions", "position", "bases", "camps", "facility", "facilities", "plant", "depot",
		"storage", "power", "nuclear", "fuel", "ammunition", "supply", "residential", "industrial")
	sourceVerbs = set("said", "say", "says", "reported", "reports", "told", "added", "claimed", "announced")
	sourceNouns = set("sources", "officials", "residents", "witnesses", "diplomats", "correspondents",
		"analysts", "spokesman", "spokeswoman", "observers", "agencies", "authorities", "media", "radio")
	// notTargets are continents and seas named as regions, never the place
	// a strike hit.
	notTargets = set("katyusha", "katyushas", "grad", "scud", "scuds", "qassam", "kassam", "tomahawk",
		"shahed", "iskander", "kalibr", "kh-101", "himars", "atacms", "storm shadow", "hellfire", "sukhoi",
		"mig", "apache", "cobra", "predator", "reaper", "bayraktar", "tochka", "europe", "asia", "africa", "america", "north america", "south america",
		"latin america", "middle east", "the middle east", "gulf", "the gulf", "persian gulf",
		"mediterranean", "pacific", "atlantic", "indian ocean", "caribbean", "balkans", "scandinavia")
)

// demonymAt reports whether token j is a country adjective ("Palestinian",
// "Iranian") that may stand in a noun phrase before a place name.
func (c *evCtx) demonymAt(j int) bool {
	if m := c.mention(j); m != nil && m.Type == newsgraph.MISC && m.Tok0 == j && m.Tok1 == j+1 && c.country(j) == nil && (compass[c.lw(j+1)] || c.mention(j+1) != nil && c.mention(j+1).Type == newsgraph.LOC) {
		// "in Moslem west Beirut", "in Christian east Beirut"
		return true
	}
	cr := c.country(j)
	return cr != nil && cr.Kind == "demonym" && cr.Tok0 == j
}

// namePrefixed reports whether a token continues an Arabic name with its
// article ("al-Numan", "el-Arish", "ad-Dawr").
func namePrefixed(t string) bool {
	for _, p := range []string{"al-", "el-", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-", "ul-", "bin-"} {
		if len(t) > len(p) && strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

// startOfSentence reports whether token k opens the sentence, perhaps
// after a sentence adverb ("Separately, in X, ...").
func (c *evCtx) startOfSentence(k int, s Sentence) bool {
	j := s.Tok0
	for j < k && (sceneShift[c.lw(j)] || c.lw(j) == ",") {
		j++
	}
	return j == k
}

// sceneShift words open a sentence about another event: an attacker named
// before does not carry over.
var sceneShift = set("separately", "meanwhile", "elsewhere", "also", "later", "earlier")

// coalitionLead returns the country of the article's "X-led coalition"
// ("the Saudi-led coalition"), or "".
func (c *evCtx) coalitionLead() string {
	for k, t := range c.d.Tokens {
		if strings.HasSuffix(t.Lower, "-led") && c.lw(k+1) == "coalition" {
			if cr := c.country(k); cr != nil {
				return cr.Code
			}
		}
	}
	return ""
}

// labourCue reports whether sentence s speaks of a labour strike.
func labourCue(c *evCtx, s Sentence) bool {
	return c.has(s, labourWords)
}

var labourWords = set("workers", "union", "unions", "pay", "wages", "wage", "salaries", "pension", "pensions",
	"teachers", "doctors", "nurses", "drivers", "employees", "staff", "miners", "dockers", "strikers", "walkout", "hunger")

// quietClause reports whether the place at token k stands in a clause of
// a compound sentence that speaks of no attack while another clause does:
// "Israeli tanks moved into Jebaliya, and Israeli artillery shelled Beit
// Hanoun" (Jebaliya was not struck).
func (c *evCtx) quietClause(k int, s Sentence) bool {
	a, b := s.Tok0, s.Tok1
	for j := k - 1; j > s.Tok0; j-- {
		if c.clauseBreak(j) {
			a = j + 1
			break
		}
	}
	for j := k + 1; j < s.Tok1; j++ {
		if c.clauseBreak(j) {
			b = j
			break
		}
	}
	if a == s.Tok0 && b == s.Tok1 {
		return false
	}
	violent := func(x, y int) bool {
		for j := x; j < y; j++ {
			if w := c.lw(j); weaponWords[w] != "" || attackWords[w] || strikeNouns[w] || killWords[w] || injWords[w] {
				return true
			}
		}
		return false
	}
	return !violent(a, b) && (violent(s.Tok0, a) || violent(b, s.Tok1))
}

// clauseBreak reports whether token j ends a clause: ";", ", and/but
// while" before a new subject, or "after/before/when" before a person.
func (c *evCtx) clauseBreak(j int) bool {
	w := c.lw(j)
	if w == ";" {
		return true
	}
	if w == "after" || w == "before" || w == "when" || w == "until" {
		// "... suspend its offensive after Vice President Mike Pence met
		// Erdogan in Ankara": a clause with a person of its own
		for q := j + 1; q < len(c.d.Tokens) && q <= j+7 && c.d.Tokens[q].Sent == c.d.Tokens[j].Sent; q++ {
			if c.personAt(q) >= 0 {
				return true
			}
		}
		return false
	}
	if w != "," {
		return false
	}
	n := c.lw(j + 1)
	return n == "and" || n == "but" || n == "while" || n == "whereas"
}

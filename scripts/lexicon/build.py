#!/usr/bin/env python3
"""Build the event layer's trigger lexicons under extract/data/ from curated
public sources that the user has fetched (nothing is downloaded here).

usage:
  python3 scripts/lexicon/build.py \\
      --petrarch PETRARCH2_DIR --propbank PROPBANK_DIR --verbnet VERBNET_DIR \\
      --framenet FNDATA_DIR --ud EWT_CONLLU [--wordnet WORDNET_DIR] \\
      [--out OUT_DIR] [--report]

  PETRARCH2_DIR  a checkout of openeventdata/petrarch2 at
                 676801cd9cb2924bbbad09f86d15c9323e7097bf
                 (reads petrarch2/data/dictionaries/CAMEO.2.0.txt)
  PROPBANK_DIR   a checkout of propbank/propbank-frames at
                 c66e0ccf28b53f00051b187db83e937b5bee2e32 (reads frames/*.xml)
  VERBNET_DIR    a checkout of aymara/verbnet at
                 66e1cc015eb4d5bed1b37c4d889455307f703c80 (VerbNet 3.2; *.xml)
  FNDATA_DIR     the fndata-1.5 folder of dasmith/FrameNet-python at
                 b89d396c530c1e9a39c7978550472960b3bd9d26 (branch 1.5; reads
                 frame/*.xml and lu/*.xml)
  EWT_CONLLU     en_ewt-ud-train.conllu of UD English-EWT at commit 15d613d8 (as
                 scripts/train-parser/ewt.sh rebuilds it): its AUX lemmas
                 and the negation words it marks Polarity=Neg
  WORDNET_DIR    WordNet 3.0 dict files (default /usr/share/wordnet, from the
                 Debian package wordnet-base): morphology, and the nouns of
                 office-holders
  OUT_DIR        default extract/data

Writes OUT_DIR/triggers.jsonl and OUT_DIR/modality.jsonl (one JSON object a
line, sorted; the same inputs give the same bytes), OUT_DIR/person-nouns.txt
(WordNet's nouns of office-holders, a word a line) and the lexicon section of
OUT_DIR/SOURCES.md. --report prints counts and the entries the evidence rules
dropped, for the linguist reviewing a rebuild.

What each source contributes and the rules that combine them are stated next
to the tables below; the tables are the curation (which senses are ours), the
rest is read from the sources.

triggers.jsonl, one entry per lemma, part of speech, relation and sense:
  lemma     lower-case lemma; a multi-word trigger's lemmas joined by spaces
  words     the lemma sequence ("air", "strike"); head: index of its head
  pos       VERB, NOUN or ADP (UD tags)
  relation  meet, travel, attack (the graph's events); remote, verbal,
            labour, sport (named negatives); other (any further sense of a
            lemma that has one of ours: a feature, never an event)
  kind      event (the trigger names the event), agent (a participant noun:
            visitor, attacker), instrument (a weapon or military aircraft)
  sense     PropBank roleset id or null; gloss: the roleset's name
  roles     PropBank numbered argument -> our role (participant, place,
            topic; traveller, companion, destination, origin, path, vehicle;
            attacker, target, weapon; message; speaker, reason)
  syntax    UD v2 dependent of the trigger -> our role (nsubj, obj,
            nsubj:pass, obl:agent for the passive by-phrase, obl:<prep>,
            nmod:poss, nmod:<prep>)
  support   light and aspectual verbs with the noun as object that state the
            event ("hold talks", "pay a visit", "carry out a raid")
  cameo     CAMEO codes PETRARCH gives the trigger in this relation
  weapon    for attack: missile, drone, airstrike, artillery, rocket, bomb
            when the trigger names it, else null
  cues      PETRARCH pattern context: {dep, word, cameo, relation}: this
            dependent word makes the trigger a case of that relation
            ("arrive" + obl:for "talks" -> meet; "discuss" + obl:by
            "telephone" -> remote)
  frames    FrameNet frames (PropBank links and FrameNet units)
  forms     inflected forms, for finding candidate sentences before parsing
  note      what the event layer should know about the sense
  sources   petrarch2, propbank:<roleset>, verbnet:<class>,
            framenet:<frame>, wordnet (a gerund nominal), curated

modality.jsonl: lemma, pos, class (planned, negated, cancelled,
hypothetical, possible), with (the event nouns the source pairs it with), note,
sources.
"""
import argparse
import collections
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

# --------------------------------------------------------------------------
# Curation. Each table is small and says why.
# --------------------------------------------------------------------------

# relation: what a trigger can signal for the graph. meet, travel and attack
# are the graph's events; remote (phone, letter, video), verbal (verbal
# conflict), labour (strikes from work) and sport are named negatives; other
# is any further sense of a lemma that has one of ours (a feature: "meet a
# deadline", "strike a pose").
RELATIONS = ("meet", "travel", "attack", "remote", "verbal", "labour", "sport", "other")
POSITIVE = ("meet", "travel", "attack")

# PropBank rolesets that are ours, by relation. A roleset's aliases (verbs,
# nouns, light-verb constructions) become entries with its numbered roles.
SENSES = {
    # meet: face to face (GUIDELINES.md "met"). meet.02 (become acquainted)
    # counts: "the pair first met at university" is a meeting.
    "meet": """meet.02 meet.03 meet_up.04 visit.01 visit.02 host.01 confer.01 consult.01
               negotiate.01 summit.01 discuss.01 talk.01 talk_out.03 rendezvous.01 gather.03
               convene.01 huddle.02 greet.01 reunite.01 call.16 call_on.05 call_upon.12
               attend.01 welcome.01""",
    # travel: journey, accompaniment, arrival (GUIDELINES.md "traveled_with").
    "travel": """accompany.01 escort.01 travel.01 journey.01 trip.03 tour.01 fly.01 arrive.01
                 depart.01 leave.11 join.04 approach.01 commute.01""",
    # attack: armed attack with weapons (GUIDELINES.md "struck"). attack.01 is
    # also "criticize strongly" in PropBank: the verbal reading is a separate
    # entry from PETRARCH's 11x patterns (see build_petrarch).
    "attack": """attack.01 assault.01 bomb.01 bombard.01 shell.02 strike.01 hit.01 pound.02
                 raid.01 airstrike.12 target.01 ambush.01 strafe.01 onslaught.01 incursion.01
                 offense.02 fire.01 open_fire.07 shoot.01 shoot.02 explode.01 detonate.01
                 fight.01 battle.01 clash.01 invade.01 shootout.10 blast.05 blow_up.06 storm.02
                 struggle.01""",
    # remote: contact at a distance, never a meeting.
    "remote": "call.02 call.07 phone.01 telephone.01 contact.01",
}
# Rolesets of our lemmas whose sense is a named negative (the rest of a
# lemma's rolesets are "other").
NEGATIVE_SENSES = {
    "strike.02": "labour",      # refrain from working (FrameNet Political_actions)
    "strike.11": "sport",       # baseball strike
    "strike_out.06": "sport",   # baseball
    "fly.03": "sport",          # hit a fly ball
    "fly_out.04": "sport",      # baseball
    "hit.07": "sport",          # earn points in a test or game
    "shoot.03": "other",        # film or photograph
    "fire.02": "other",         # dismiss from a job
    "bomb.02": "other",         # fail
    "clash.02": "other",        # clashing noise; mismatch
    "blast.02": "verbal",       # assign blame harshly
}
# Senses a note should flag for the event layer.
SENSE_NOTES = {
    "attack.01": "PropBank joins the armed and the verbal sense ('criticize strongly'); see the verbal entry",
    "host.01": "hosting guests or an event; PropBank has no separate sense for presenting a show",
    "talk.01": "speak: also by telephone; the plural noun 'talks' is the negotiation sense",
    "join.04": "joining a person on a trip is travel, joining a meeting or talks is meet",
    "fly.01": "travel by air; also aircraft flying missions",
    "fight.01": "also boxing and political fights",
    "hit.01": "also figurative ('hit by sanctions')",
    "strike.01": "hit or attack; the labour sense is strike.02",
    "attend.01": "attending a large event is not meeting anyone (GUIDELINES.md)",
}

# CAMEO codes (PETRARCH2's event ontology) by relation. 04x consult: 040
# consult, 042 visit, 043 host, 044 meet at a third location, 045 mediate,
# 046 negotiate; 041 discuss by telephone is remote. 18x/19x: 183 bombing,
# 190 conventional military force, 193 small arms, 194 artillery and tanks,
# 195 aerial weapons (1951 precision-guided, 1952 drones), 196 violating a
# ceasefire; 181/182/185/186 (abduction, assault on persons, assassination),
# 191 blockade and 192 occupation are not strikes on places. 11x disapprove
# (criticise, accuse) is verbal conflict. 143 is a strike or boycott.
CAMEO_MEET = {"040", "042", "043", "044", "045", "046"}
CAMEO_ATTACK = {"183", "190", "193", "194", "195", "196"}
# modality from CAMEO: 036 intent to meet or negotiate; 125 reject a proposal
# to meet; 164 halt negotiations; 138 threaten military force.


def code_relation(code):
    if not code:
        return None
    c3 = code[:3]
    if c3 in CAMEO_MEET:
        return "meet"
    if c3 == "041":
        return "remote"
    if c3 in CAMEO_ATTACK:
        return "attack"
    if c3.startswith("11"):
        return "verbal"
    if c3 == "143":
        return "labour"
    return None


def code_modality(code):
    if not code:
        return None
    c3 = code[:3]
    return {"036": "planned", "125": "negated", "164": "cancelled", "138": "hypothetical"}.get(c3)


# PETRARCH verb blocks whose CAMEO default does not say our relation: CAMEO
# files arriving and travelling under "consult" (040); we keep them as travel.
# Other 040 blocks are mental or written contact. Killing and dying (190) are
# casualty words: evidence for a strike's death toll, not triggers.
PETRARCH_BLOCK = {
    "ARRIVE": "travel", "GO_SOMEWHERE": "travel",
    "CABLE": "remote", "NOTIFY": "remote",
    "CONSIDER": None, "HEAR": None, "INTRODUCE": None, "INVITE": None,
    "KILL": None, "DIE": None,
}

# FrameNet 1.5 frames by relation. "defining" frames are narrow enough that
# a lexical unit alone makes an entry; the others only confirm a lemma that
# another source brings (Arriving holds make, get, reach; Cotheme holds chase
# and track; Hostile_encounter holds row and tiff).
FN_FRAMES = {
    "Discussion": ("meet", True), "Meet_with": ("meet", True), "Visiting": ("meet", True),
    "Come_together": ("meet", False), "Make_acquaintance": ("meet", False),
    "Chatting": ("meet", True), "Social_event": ("meet", True),
    "Travel": ("travel", True), "Accompaniment": ("travel", True),
    "Cotheme": ("travel", False), "Arriving": ("travel", False),
    "Ride_vehicle": ("travel", True), "Operate_vehicle": ("travel", True),
    "Departing": ("travel", False),
    "Attack": ("attack", True), "Use_firearm": ("attack", True),
    "Shoot_projectiles": ("attack", False), "Hostile_encounter": ("attack", False),
    "Invading": ("attack", False),
    "Contacting": ("remote", True), "Communication_means": ("remote", True),
    "Judgment_communication": ("verbal", False),  # holds praise and acclaim too
}

# VerbNet 3.2 classes by relation: they confirm lemmas and give syntactic
# frames (which dependent carries which thematic role); a class alone never
# makes an entry (meet-36.3-1 holds "play", accompany-51.7 holds "steer").
VN_CLASSES = {
    "meet-36.3": "meet", "correspond-36.1": "meet", "chit_chat-37.6": "meet",
    "talk-37.5": "meet", "battle-36.4": "attack",
    "accompany-51.7": "travel", "escape-51.1": "travel", "nonvehicle-51.4.2": "travel",
    "run-51.3.2": "travel", "bring-11.3": "travel",
    "pelt-17.2": "attack", "hit-18.1": "attack", "destroy-44": "attack", "throw-17.1": "attack",
    "confront-98": "attack",
    "instr_communication-37.4": "remote",
    "judgment-33": "verbal",
}

# Thematic roles (VerbNet) and PropBank function tags to our roles.
VN_ROLE = {
    "meet": {"Agent": "participant", "Co-Agent": "participant", "Topic": "topic",
             "Theme": "topic", "Location": "place"},
    "travel": {"Agent": "traveller", "Theme": "traveller", "Co-Agent": "companion",
               "Destination": "destination", "Initial_Location": "origin",
               "Location": "path", "Trajectory": "path"},
    "attack": {"Agent": "attacker", "Patient": "target", "Destination": "target",
               "Theme": "target", "Co-Agent": "target", "Instrument": "weapon", "Location": "place"},
    "remote": {"Agent": "participant", "Recipient": "participant", "Topic": "message"},
    "verbal": {"Agent": "speaker", "Theme": "target", "Attribute": "reason"},
}
# accompany-51.7's Theme is the one accompanied.
VN_ROLE_CLASS = {("accompany-51.7", "Theme"): "companion", ("pelt-17.2", "Theme"): "weapon",
                 ("bring-11.3", "Theme"): "companion", ("hit-18.1", "Instrument"): "weapon"}

# Weapon class (GUIDELINES.md: missile, drone, airstrike, artillery, rocket,
# bomb, other) of an attack trigger or weapon noun, by its head word.
WEAPON_HEAD = {
    "missile": "missile", "missiles": "missile", "munition": "missile",
    "rocket": "rocket", "rpg": "rocket", "grenade": "rocket", "bazooka": "rocket",
    "drone": "drone", "uav": "drone", "rpv": "drone", "reaper": "drone",
    "airstrike": "airstrike", "strike": None, "raid": None, "aircraft": "airstrike",
    "warplane": "airstrike", "jet": "airstrike", "bomber": "airstrike", "bombers": "airstrike",
    "fighter": "airstrike", "jetfighter": "airstrike", "gunship": "airstrike",
    "helicopter": "airstrike", "helicopters": "airstrike", "chopper": "airstrike",
    "plane": "airstrike",
    "mortar": "artillery", "artillery": "artillery", "howitzer": "artillery",
    "cannon": "artillery", "shell": "artillery", "shelling": "artillery", "tank": "artillery",
    "bombard": "artillery", "bombardment": "artillery",
    "bomb": "bomb", "bombing": "bomb", "ied": "bomb", "vbied": "bomb", "explosive": "bomb",
    "carbomb": "bomb", "explode": "bomb", "detonate": "bomb", "scud": "missile",
}
# Words of PETRARCH's &AIRCRAFT and &WEAPON synsets that are not weapons of
# a strike (civilian aircraft, ships, hand weapons, armour).
NOT_WEAPON = set("""airliner airship dirigible glider skyhook jumbojet jetliner turbojet airplane
    knife knives sword swords machete dagger spear switchblade billy_club bow_and_arrow
    brass_knuckles hunting_knife slingshot sabers bayonet frigate aircraft_carrier
    arleigh_burke-class_destroyer armored_personnel_carrier armoured_personnel_carrier
    infantry_fighting_vehicle bradley_fighting_vehicle m2_bradley mrap tear_gas""".split())

# Entries the evidence rules let through that a reader of the sources would
# not: lemma, pos, relation -> why.
EXCLUDE = {
    ("with", "ADP", "travel"): "FrameNet Accompaniment's bare 'with' is every comitative",
    ("reach", "VERB", "remote"): "'reached' is mostly arrival or agreement in news",
    ("write", "VERB", "remote"): "kept only as a noun 'letter' would be; writing is mostly authorship",
    ("charge", "VERB", "attack"): "mostly legal charges in news",
    ("charge", "NOUN", "attack"): "mostly legal charges in news",
    ("jump", "VERB", "attack"): "mostly rises in prices",
    ("onset", "NOUN", "attack"): "mostly 'the onset of winter'",
    ("make", "VERB", "travel"): "light verb",
    ("amass", "VERB", "meet"): "'amassed troops' outnumbers crowds amassing",
    ("exchange", "NOUN", "meet"): "'exchange of fire', 'prisoner exchange' outnumber talks",
    ("flight", "VERB", "travel"): "a PropBank alias; the verb is 'fly'",
    ("letter", "NOUN", "meet"): "CAMEO codes sending letters as consulting; GUIDELINES.md: letters are not meetings",
    ("message", "NOUN", "meet"): "likewise",
    ("operation", "NOUN", "attack"): "surgery and business operations outnumber military ones",
    ("get", "VERB", "travel"): "light verb",
    ("take", "VERB", "travel"): "light verb ('took a flight' keeps 'flight')",
    ("coast", "VERB", "travel"): "mostly 'coasted to victory'",
    ("tack", "VERB", "travel"): "mostly 'tacked on'",
    ("row", "VERB", "travel"): "mostly the noun 'row' (a quarrel)",
    ("party", "NOUN", "meet"): "FrameNet Social_event; in news mostly a political party",
    ("ball", "NOUN", "meet"): "FrameNet Social_event; mostly the ball of a game",
    ("fair", "NOUN", "meet"): "FrameNet Social_event; a fair is a crowd, not an encounter (attending is no meeting; a banquet, gala or reception is a hosted meal or party with guests, and stays)",
    ("festival", "NOUN", "meet"): "likewise",
    ("celebration", "NOUN", "meet"): "likewise",
    ("dance", "NOUN", "meet"): "likewise",
    ("rave", "NOUN", "meet"): "likewise",
    ("social", "NOUN", "meet"): "FrameNet Social_event; mostly 'social media' misread as a noun",
    ("bash", "NOUN", "meet"): "FrameNet Social_event; mostly 'Trump-bash', a verbal attack",
    ("joke", "VERB", "meet"): "FrameNet Chatting; in news a speech act ('joked that'), not an encounter",
    ("speak", "VERB", "meet"): "FrameNet Chatting; 'spoke with X' states no medium and is as often a phone call (no meeting without one)",
    ("conversation", "NOUN", "meet"): "likewise ('a phone conversation with')",
    ("call", "NOUN", "meet"): "PropBank call.16 'visit'; in news a call with someone is a phone call ('In a phone call with Mubarak', 'I will have a call with Minister Milling'), judged wrong in every case on the dev pools",
    ("call", "VERB", "meet"): "likewise: 'called on X' urges X, 'called Erdogan' phoned him, 'called her a flunky' names her",
}

# Triggers that GUIDELINES.md (the project's annotation standard) names as
# examples and no source above has in that sense; kept few.
CURATED_TRIGGERS = [
    ("receive", "VERB", "meet", "'received' a visitor (GUIDELINES.md); PropBank receive.01 joins this with getting things"),
    ("sit down with", "VERB", "meet", "'sat down with' (GUIDELINES.md)"),
    ("alongside", "ADP", "travel", "'arrived alongside' (GUIDELINES.md)"),
    ("dinner", "NOUN", "meet", "'a dinner with X', 'sat down to dinner with' (GUIDELINES.md: sat down with)"),
    ("lunch", "NOUN", "meet", "as dinner"),
    ("breakfast", "NOUN", "meet", "as dinner"),
    ("shake hand", "VERB", "meet", "shaking hands is meeting face to face (GUIDELINES.md)"),
    ("handshake", "NOUN", "meet", "as shake hands"),
    ("letter", "NOUN", "remote", "letters are not meetings (GUIDELINES.md)"),
    ("video call", "NOUN", "remote", "video calls are not meetings (GUIDELINES.md)"),
    ("videoconference", "NOUN", "remote", "video calls are not meetings (GUIDELINES.md)"),
]

# Modality cues that no source states in a usable form; kept few.
CURATED_MODALITY = [
    ("will", "AUX", "planned", "future tense: 'will meet'"),
    ("due", "ADJ", "planned", "'is due to meet'"),
    ("set", "VERB", "planned", "'is set to meet'"),
    ("schedule", "VERB", "planned", "'is scheduled to meet', 'a scheduled meeting'"),
    ("slate", "VERB", "planned", "'is slated to meet'"),
    ("upcoming", "ADJ", "planned", "'the upcoming summit'"),
    ("forthcoming", "ADJ", "planned", "'the forthcoming talks'"),
    ("propose", "VERB", "planned", "'proposed to meet': not held yet"),
    # the participles the tagger reads as adjectives ("their planned
    # meeting": ADJ, lemma "planned")
    ("planned", "ADJ", "planned", "'their planned meeting'"),
    ("proposed", "ADJ", "planned", "'a proposed meeting'"),
    ("scheduled", "ADJ", "planned", "'a scheduled meeting'"),
    ("would", "AUX", "hypothetical", "'would meet if'"),
    ("if", "SCONJ", "hypothetical", "condition"),
    ("unless", "SCONJ", "hypothetical", "condition"),
    ("never", "ADV", "negated", "negation"),
    ("call off", "VERB", "cancelled", "'called off the talks'"),
    ("postpone", "VERB", "cancelled", "'postponed the visit'"),
    ("decline", "VERB", "negated", "'declined to meet' is 'refused to meet' (GUIDELINES.md)"),
    # Possibility and readiness: nothing happened and nothing is scheduled
    # (GUIDELINES.md leaves hypothetical events out); the modal auxiliaries
    # of this class come from UD English-EWT (POSSIBLE_AUX below).
    ("willing", "ADJ", "possible", "'is willing to meet': readiness, no meeting"),
    ("whether", "SCONJ", "possible", "'whether they will meet': an open question"),
    ("possible", "ADJ", "possible", "'a possible meeting'"),
    ("possibly", "ADV", "possible", "'possibly meet'"),
    ("perhaps", "ADV", "possible", "'perhaps meet'"),
    ("maybe", "ADV", "possible", "'maybe meet'"),
]

# The modal auxiliaries of possibility and obligation (class "possible"):
# those of UD English-EWT's AUX lemmas that say an event may or should
# happen, not that it did or is scheduled. Left out: "will" and "shall"
# (future: planned), "would" (reports a planned event, "said he would
# meet"; hypothetical only with "if", a cue of its own), and the auxiliaries
# of tense, voice and support (be, have, do, get, to).
POSSIBLE_AUX = {
    "can": "'can meet': ability, not an event",
    "could": "'could strike': possibility",
    "may": "'may meet': possibility",
    "might": "'might meet': possibility",
    "must": "'must meet': obligation",
    "should": "'should travel': obligation",
}

PARTICLES = {"off", "out", "up", "down", "back", "away"}
# PETRARCH cue verbs left out of modality.jsonl, and why.
MODALITY_EXCLUDE = {
    "make": "PETRARCH codes 'make a visit' as intent (036); in news it reports the visit",
    "end": "'ended the talks' mostly reports talks that took place and concluded",
}

PREPS = set("""with to at in on by from for against into between among about over across toward
    towards through upon onto alongside near around of after before during under via""".split())

# --------------------------------------------------------------------------
# WordNet morphology
# --------------------------------------------------------------------------


class WordNet:
    LEXFILES = {3: "noun.Tops", 4: "noun.act", 5: "noun.animal", 6: "noun.artifact",
                7: "noun.attribute", 8: "noun.body", 9: "noun.cognition",
                10: "noun.communication", 11: "noun.event", 12: "noun.feeling", 13: "noun.food",
                14: "noun.group", 15: "noun.location", 16: "noun.motive", 17: "noun.object",
                18: "noun.person", 19: "noun.phenomenon", 20: "noun.plant", 21: "noun.possession",
                22: "noun.process", 23: "noun.quantity", 24: "noun.relation", 25: "noun.shape",
                26: "noun.state", 27: "noun.substance", 28: "noun.time"}

    def __init__(self, d):
        self.exc = {"verb": {}, "noun": {}}
        self.inv = {"verb": collections.defaultdict(set), "noun": collections.defaultdict(set)}
        for pos in ("verb", "noun"):
            for line in open(os.path.join(d, pos + ".exc"), encoding="utf-8"):
                parts = line.split()
                if len(parts) >= 2:
                    self.exc[pos].setdefault(parts[0], parts[1])
                    self.inv[pos][parts[1]].add(parts[0])
        self.index = {"verb": {}, "noun": {}}
        for pos in ("verb", "noun"):
            for line in open(os.path.join(d, "index." + pos), encoding="utf-8"):
                if line.startswith(" "):
                    continue
                parts = line.split()
                n_ptr = int(parts[3])
                offs = parts[4 + n_ptr + 2:]
                self.index[pos][parts[0]] = offs
        self.noun_lex = {}
        for line in open(os.path.join(d, "data.noun"), encoding="utf-8"):
            if line.startswith(" "):
                continue
            parts = line.split(" ", 3)
            self.noun_lex[parts[0]] = self.LEXFILES.get(int(parts[1]), "")

    def lemma(self, word, pos):
        """Base form of word (WordNet's morphy, first hit)."""
        w = word.lower().replace(" ", "_")
        p = "verb" if pos == "VERB" else "noun"
        if w in self.exc[p]:
            return self.exc[p][w]
        if w in self.index[p]:
            return w
        rules = ([("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""),
                  ("ing", "e"), ("ing", "")] if p == "verb" else
                 [("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"),
                  ("shes", "sh"), ("men", "man"), ("ies", "y")])
        for suf, rep in rules:
            if w.endswith(suf) and w[: len(w) - len(suf)] + rep in self.index[p]:
                return w[: len(w) - len(suf)] + rep
        return w

    def lexfiles(self, noun, n=2):
        offs = self.index["noun"].get(noun.lower().replace(" ", "_"), [])
        return [self.noun_lex.get(o, "") for o in offs[:n]]

    def forms(self, word, pos):
        """Inflected forms of a one-word lemma: WordNet's exceptions, then
        the regular English endings for the slots they leave open."""
        w = word.lower()
        if pos == "VERB":
            irr = set(self.inv["verb"].get(w, ()))
            out = {w} | irr
            if w.endswith(("s", "x", "z", "ch", "sh", "o")):
                out.add(w + "es")
            elif re.search(r"[^aeiou]y$", w):
                out.add(w[:-1] + "ies")
            else:
                out.add(w + "s")
            if not any(f.endswith("ing") for f in irr):
                out.add((w[:-1] if w.endswith("e") and not w.endswith(("ee", "ye", "oe")) else w) + "ing")
            if not any(not f.endswith(("ing", "s")) for f in irr):
                if w.endswith("e"):
                    out.add(w + "d")
                elif re.search(r"[^aeiou]y$", w):
                    out.add(w[:-1] + "ied")
                else:
                    out.add(w + "ed")
            # Rule "American spelling": WordNet's exceptions give British
            # English's doubled final l ("travelled", "travelling"); American
            # news writes one ("traveled", "traveling"), so both
            # reach the pre-parse filter. A verb that doubles in both
            # ("compelled") only gains a form no text holds.
            if re.search(r"[aeiou]l$", w):
                for f in irr:
                    for end in ("ed", "ing"):
                        if f == w + "l" + end:
                            out.add(w + end)
            return sorted(out)
        if pos == "NOUN":
            irr = set(self.inv["noun"].get(w, ()))
            out = {w} | irr
            if not irr:
                if w.endswith(("s", "x", "z", "ch", "sh")):
                    out.add(w + "es")
                elif re.search(r"[^aeiou]y$", w):
                    out.add(w[:-1] + "ies")
                else:
                    out.add(w + "s")
            return sorted(out)
        return [w]


def multi_forms(wn, words, head, pos):
    if len(words) == 1:
        return wn.forms(words[0], pos)
    out = []
    for f in wn.forms(words[head], pos):
        ws = list(words)
        ws[head] = f
        out.append(" ".join(ws))
    return sorted(set(out))


# --------------------------------------------------------------------------
# The lexicon under construction
# --------------------------------------------------------------------------


class Lexicon:
    def __init__(self):
        self.e = {}  # (lemma, pos, relation, sense) -> entry
        self.dropped = []

    def get(self, lemma, pos, relation, sense=None, words=None, head=None):
        lemma = lemma.lower().replace("_", " ").strip()
        key = (lemma, pos, relation, sense)
        if key not in self.e:
            ws = words or lemma.split()
            if head is None:
                head = 0 if pos == "VERB" else len(ws) - 1
            self.e[key] = {
                "lemma": lemma, "words": ws, "head": head, "pos": pos, "relation": relation,
                "kind": "event", "sense": sense, "gloss": None, "roles": {}, "syntax": {},
                "support": set(), "cameo": set(), "weapon": None, "cues": set(),
                "frames": set(), "sources": set(), "forms": [], "note": None,
                "defined": False,
            }
        return self.e[key]

    def find(self, lemma, pos, relation):
        lemma = lemma.lower().replace("_", " ")
        return [v for k, v in self.e.items() if k[0] == lemma and k[1] == pos and k[2] == relation]


# --------------------------------------------------------------------------
# PropBank
# --------------------------------------------------------------------------


def read_propbank(pb_dir):
    rolesets = {}
    alias = collections.defaultdict(list)  # (word, pos) -> [roleset]
    bad = []
    for path in sorted(glob.glob(os.path.join(pb_dir, "frames", "*.xml"))):
        try:
            root = ET.parse(path).getroot()
        except ET.ParseError as err:
            bad.append("%s: %s" % (os.path.basename(path), err))
            continue
        for rs in root.iter("roleset"):
            rid = rs.get("id")
            als = [(a.get("pos"), (a.text or "").strip().lower()) for a in rs.iter("alias")]
            roles = []
            for r in rs.iter("role"):
                links = {(l.get("class"), (l.text or "").strip()) for l in r.iter("rolelink")}
                roles.append({"n": r.get("n"), "f": (r.get("f") or "").upper(),
                              "descr": r.get("descr") or "", "links": links})
            preps = collections.defaultdict(collections.Counter)
            for ex in rs.iter("example"):
                for a in ex.iter("arg"):
                    t = (a.get("type") or "")
                    m = re.match(r"ARG(\d)$", t)
                    words = (a.text or "").lower().split()
                    if m and words and words[0] in PREPS:
                        preps[m.group(1)][words[0]] += 1
            lex = sorted({(l.get("resource"), l.get("class")) for l in rs.iter("lexlink")})
            rolesets[rid] = {"id": rid, "name": rs.get("name") or "", "aliases": als,
                             "roles": roles, "preps": preps, "lexlinks": lex}
            for pos, w in als:
                alias[(w, pos)].append(rid)
    return rolesets, alias, bad


def pb_role(rel, rid, role):
    """Our role for a PropBank numbered argument, from its function tag and
    description."""
    f, d = role["f"], role["descr"].lower()
    if rel == "meet":
        if f == "LOC" or "location" in d:
            return "place"
        if any(k in d for k in ("topic", "subject", "agreement", "about", "regards", "reason",
                                "purpose", "matter", "meal")):
            return "topic"
        if f in ("PAG", "COM", "PPT", "GOL"):
            return "participant"
        return None
    if rel == "travel":
        if "accompanied" in d:
            return "companion"
        if f == "COM" or "companion" in d:
            return "companion"
        if "destination" in d or "end point" in d or (f == "GOL" and "airline" not in d):
            return "destination"
        if "start" in d or "from" in d or "source" in d:
            return "origin"
        if "path" in d or f == "LOC":
            return "path"
        if "aircraft" in d or "vehicle" in d:
            return "vehicle"
        if f in ("PAG", "PPT"):
            return "traveller"
        return None
    if rel == "attack":
        if f == "PAG":
            return "attacker"
        if re.search(r"\b(instrument|weapon|bombs?|guns?|shells?|projectile|cannon)\b", d):
            return "weapon"
        if f in ("PPT", "GOL", "LOC", "COM"):
            return "target"
        return None
    if rel == "remote":
        if f == "PAG" or f == "GOL":
            return "participant"
        if f == "PPT":
            return "participant" if any(k in d for k in ("contacted", "summoned", "called")) else "message"
        return None
    return None


def syntax_from_roles(roles_by_n, preps, pos):
    """Dependents (UD v2 relations) for numbered arguments: ARG0 is the
    subject and the passive by-phrase; ARG1 the object and the passive
    subject; an argument that the roleset's examples introduce with a
    preposition is obl:<prep> (nmod:<prep> on nouns)."""
    syn = {}

    def put(dep, role):
        if role and dep not in syn:
            syn[dep] = role
    ns = sorted(roles_by_n)
    for n in ns:
        role = roles_by_n[n]
        for p, _ in sorted(preps.get(n, {}).items(), key=lambda kv: (-kv[1], kv[0])):
            if p == "of" and pos == "VERB":
                continue
            put(("obl:" if pos == "VERB" else "nmod:") + p, role)
    if pos == "VERB":
        if "0" in roles_by_n:
            put("nsubj", roles_by_n["0"])
            put("obl:agent", roles_by_n["0"])
            if "1" in roles_by_n:
                put("obj", roles_by_n["1"])
                put("nsubj:pass", roles_by_n["1"])
        elif "1" in roles_by_n:
            put("nsubj", roles_by_n["1"])
    else:
        first = roles_by_n.get("0") or roles_by_n.get("1")
        put("nmod:poss", first)
        if "0" in roles_by_n and "1" in roles_by_n:
            put("nmod:of", roles_by_n["1"])
        elif first:
            put("nmod:of", first)
    return syn


def pos_of(pb_pos):
    return {"v": "VERB", "n": "NOUN"}.get(pb_pos)


def build_propbank(lex, rolesets, alias, negatives_for=None, report=None):
    """Entries for the rolesets in SENSES; with negatives_for, instead the
    other rolesets of those (lemma, pos) pairs."""
    ours = {}
    for rel, ids in SENSES.items():
        for rid in ids.split():
            if rid not in rolesets:
                sys.exit("SENSES names %s, which this PropBank does not have" % rid)
            ours[rid] = rel
    for rid, rel in sorted(ours.items()):
        if negatives_for is not None:
            break
        rs = rolesets[rid]
        roles = {r["n"]: pb_role(rel, rid, r) for r in rs["roles"] if r["n"] and r["n"].isdigit()}
        roles = {n: r for n, r in roles.items() if r}
        nouns = [w for p, w in rs["aliases"] if p == "n"]
        for p, w in rs["aliases"]:
            if p == "l":
                # light-verb construction: support verb for the roleset's nouns
                parts = w.split("_")
                if len(parts) == 2 and parts[1] in nouns:
                    e = lex.get(parts[1], "NOUN", rel, rid)
                    e["support"].add(parts[0])
                elif rid == "open_fire.07":
                    e = lex.get(w, "VERB", rel, rid, words=parts, head=0)
                    fill_pb(e, rs, rel, roles, "VERB")
                continue
            pos = pos_of(p)
            if not pos:
                continue
            words = w.split("_")
            e = lex.get(w, pos, rel, rid, words=words, head=0 if pos == "VERB" else len(words) - 1)
            fill_pb(e, rs, rel, roles, pos)
    # the other senses of lemmas that have one of ours
    # The other rolesets of our lemmas. Where PropBank's senses of a lemma
    # were curated (one is in SENSES), the rest are negatives. Where none was
    # and PropBank has a single roleset, it is the sense our entry has;
    # with several, which is ours is left open (reported).
    for (w, pos) in sorted(negatives_for or ()):
        p = {"VERB": "v", "NOUN": "n"}.get(pos)
        rids = sorted(set(alias.get((w.replace(" ", "_"), p), [])))
        if not rids:
            continue
        if any(k[0] == w and k[1] == pos and k[3] in rids for k in lex.e):
            if not any(r in ours for r in rids):
                continue  # a single roleset already attached
        if not any(r in ours for r in rids):
            plain = [k for k, e in lex.e.items() if k[0] == w and k[1] == pos
                     and k[2] in POSITIVE and k[3] is None and e["defined"]]
            if len(rids) == 1 and len(plain) == 1:
                e = lex.e.pop(plain[0])
                rel = plain[0][2]
                e["sense"] = rids[0]
                lex.e[(w, pos, rel, rids[0])] = e
                rs = rolesets[rids[0]]
                roles = {r["n"]: pb_role(rel, rids[0], r) for r in rs["roles"]
                         if r["n"] and r["n"].isdigit()}
                fill_pb(e, rs, rel, {n: r for n, r in roles.items() if r}, pos)
            elif report is not None:
                report["dropped"].append("senses of %s %s left open: %s" % (w, pos, " ".join(rids)))
            continue
        for rid in rids:
            if rid in ours:
                continue
            rel = NEGATIVE_SENSES.get(rid, "other")
            e = lex.get(w, pos, rel, rid)
            e["gloss"] = rolesets[rid]["name"].strip()
            e["sources"].add("propbank:" + rid)
            e["defined"] = True
            e["frames"].update(c for r, c in rolesets[rid]["lexlinks"] if r == "FrameNet")
    return ours


def fill_pb(e, rs, rel, roles, pos):
    e["gloss"] = rs["name"].strip()
    e["roles"].update({"ARG" + n: r for n, r in roles.items()})
    for dep, r in syntax_from_roles(roles, rs["preps"], pos).items():
        e["syntax"].setdefault(dep, r)
    e["sources"].add("propbank:" + rs["id"])
    e["defined"] = True
    e["frames"].update(c for r, c in rs["lexlinks"] if r == "FrameNet")
    if rs["id"] in SENSE_NOTES:
        e["note"] = SENSE_NOTES[rs["id"]]


# --------------------------------------------------------------------------
# PETRARCH2 CAMEO verb dictionary
# --------------------------------------------------------------------------

def parse_code(s):
    s = s.strip().rstrip("-").strip()
    if ":" in s:
        a, p = s.split(":", 1)
    else:
        a, p = s, ""
    a = a.strip() if re.fullmatch(r"\d{3,4}", a.strip()) else None
    p = p.strip() if re.fullmatch(r"\d{3,4}", p.strip()) else None
    return a, p


def read_petrarch(path):
    text = open(path, encoding="latin-1").read().splitlines()
    synsets = {}
    blocks = []
    cur = None
    section = "head"
    for raw in text:
        line = raw.rstrip()
        if line.startswith("####### SYNONYM SETS"):
            section = "syn"
            continue
        if line.startswith("####### VERB PATTERNS"):
            section = "verbs"
            continue
        if line.startswith("######## TRANSFORMATIONS"):
            break
        if section == "syn":
            body = line.split("#", 1)[0].strip()
            if body.startswith("&"):
                cur = body[1:].rstrip("_")
                synsets[cur] = []
            elif body.startswith("+") and cur:
                synsets[cur].append(body[1:].rstrip("_"))
            continue
        if section != "verbs":
            continue
        m = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]", line)
        if m:
            cur = {"name": m.group(1), "code": parse_code(m.group(2)), "verbs": [], "patterns": []}
            blocks.append(cur)
            continue
        if cur is None or not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith("-"):
            m = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\](.*)$", line)
            if not m:
                continue
            comment = m.group(3).split("#", 1)[1] if "#" in m.group(3) else ""
            cverbs = [v.strip().replace(" ", "_") for v in comment.split(",") if v.strip()]
            cverbs = [v for v in cverbs if re.fullmatch(r"[A-Z_\-]+", v)]
            cur["patterns"].append({"pat": m.group(1), "code": parse_code(m.group(2)),
                                    "verbs": cverbs})
            continue
        body = line.split("#", 1)[0]
        m = re.match(r"^\s*(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?", body)
        if not m:
            continue
        word = m.group(1)
        if word.startswith("{") or word.startswith("["):
            continue
        m2 = re.match(r"^(\S+?)(\[[^\]]*\])?$", word)  # 'RECONVENE[---]'
        code = m.group(3) or (m2.group(2) if m2 else None)
        word = m2.group(1) if m2 else word
        forms = m.group(2)[1:-1].split() if m.group(2) else []
        parts = word.split("_")
        head = next((i for i, p in enumerate(parts) if p.startswith("+")), 0)
        parts = [p.lstrip("+") for p in parts]
        cur["verbs"].append({"words": [p.lower() for p in parts], "head": head,
                             "forms": [f.lstrip("+").replace("_+", "_").replace("_", " ").lower()
                                       for f in forms],
                             "code": parse_code(code[1:-1]) if code else None})
    return synsets, blocks


def pattern_elems(pat):
    """Elements of one side of a PETRARCH pattern: ('np', [words]) for a
    noun or {compound}, ('pp', prep, [words]) for (PREP NOUN), ('syn', NAME)
    for &SYNSET, ('w', word) for a particle or adverb."""
    out = []
    toks = re.findall(r"\([^)]*\)|\{[^}]*\}|\S+", pat)
    for t in toks:
        if t.startswith("("):
            inner = re.findall(r"\{[^}]*\}|\S+", t[1:-1])
            if not inner:
                continue
            prep = inner[0].lower()
            rest = inner[1:]
            words = []
            for r in rest:
                if r.startswith("{"):
                    words = r[1:-1].split()
                elif re.fullmatch(r"[A-Z][A-Z\-_']*", r):
                    words = [r]
            if words and not any(w.startswith("&") for w in words):
                out.append(("pp", prep.split("/")[0], [w.lower() for w in words]))
            elif not words:
                out.append(("pp", prep.split("/")[0], []))
        elif t.startswith("{"):
            ws = t[1:-1].split()
            if not any(w.startswith("&") for w in ws):
                out.append(("np", [w.lower() for w in ws]))
        elif t.startswith("&"):
            out.append(("syn", t[1:]))
        elif re.fullmatch(r"[A-Z][A-Z\-_']*", t):
            out.append(("np", [t.lower()]))
    return out


def petrarch_verbs(blocks):
    """Each PETRARCH verb with its code, block and patterns."""
    verbs = []
    for b in blocks:
        byform = {}
        for v in b["verbs"]:
            base = "_".join(v["words"]).upper()
            byform[base] = v
            for f in v["forms"]:
                byform[f.upper().replace(" ", "_")] = v
        for v in b["verbs"]:
            v["patterns"] = []
        for p in b["patterns"]:
            targets = [byform[c] for c in p["verbs"] if c in byform]
            if not targets:
                # past forms the block did not list ("WIPED_OUT", "BLOWN UP")
                for c in p["verbs"]:
                    for v in b["verbs"]:
                        stem = "_".join(v["words"]).upper()
                        if c.startswith(stem[:-1]) and len(stem) > 3:
                            targets.append(v)
                            break
            if not targets and b["name"] in byform:
                targets = [byform[b["name"]]]
            for v in {id(t): t for t in targets}.values():
                v["patterns"].append(p)
        for v in b["verbs"]:
            code = v["code"] or b["code"]
            verbs.append({"block": b["name"], "words": v["words"], "head": v["head"],
                          "forms": v["forms"], "code": code, "own": v["code"] is not None,
                          "patterns": v["patterns"]})
    return verbs


def build_petrarch(lex, wn, synsets, blocks, elsewhere, report):
    """elsewhere: (lemma, pos, relation) that FrameNet has."""
    verbs = petrarch_verbs(blocks)
    noun_codes = collections.defaultdict(collections.Counter)  # noun -> Counter(code)
    support = collections.defaultdict(collections.Counter)  # (noun, relation) -> verbs
    carriers = collections.defaultdict(set)   # (noun, relation) -> verbs of other relations
    modal = collections.defaultdict(collections.Counter)  # (verb lemma, class) -> nouns
    pending = []
    for v in verbs:
        lemma = " ".join(v["words"])
        if {"and", "or"} & set(v["words"]) or not v["words"][0]:
            continue  # "KILLED_AND", "SHOT_AND": parser aids, not verbs
        act = v["code"][0] if v["code"] else None
        rel = code_relation(act)
        if v["block"] in PETRARCH_BLOCK:
            b = next(b for b in blocks if b["name"] == v["block"])
            if not v["own"] or v["code"] == b["code"]:
                rel = PETRARCH_BLOCK[v["block"]]
        pat_rels = collections.Counter()
        cues = []
        for p in v["patterns"]:
            a, ps = p["code"]
            for c in (a, ps):
                r = code_relation(c)
                if r:
                    pat_rels[r] += 1
            ca = a or ps
            r = code_relation(ca)
            post = pattern_elems(p["pat"].split("*", 1)[1] if "*" in p["pat"] else "")
            plemma = lemma
            if (post and post[0][0] == "np" and len(post[0][1]) == 1 and post[0][1][0] in PARTICLES
                    and post[0][1][0] not in v["words"]):
                plemma = lemma + " " + post[0][1][0]  # "HOLD * UP TALKS": hold up
                post = post[1:]
            m = code_modality(ca)
            for i, el in enumerate(post):
                if el[0] == "np" and len(el[1]) <= 3:
                    noun = " ".join(el[1])
                elif el[0] == "pp" and el[2]:
                    noun = " ".join(el[2])
                else:
                    continue
                h = noun.split()[-1]
                if h in PREPS or h in PARTICLES or h in ("a", "an", "the") or (h.endswith("ly") and h not in wn.index["noun"]):
                    continue  # "BITTERLY", "BY": adverbs and markers, not nouns
                if ca:
                    noun_codes[noun][ca] += 1
                if r:
                    cues.append(("obj" if el[0] == "np" else "obl:" + el[1], noun, ca, r))
                if (r or m == "hypothetical") and r != rel:
                    carriers[(noun, r or "attack")].add(lemma)
                if i > 0:
                    continue
                # the first thing after the verb: its object ("HOLD * TALKS")
                # or a PP ("PULL_OUT * (OF TALKS)")
                if el[0] == "np" and r:
                    support[(noun, r)][plemma] += 1
                if m and (el[0] == "np" or el[1] in ("of", "for", "on", "from", "in")):
                    modal[(plemma, m)][noun] += 1
            for el in pattern_elems(p["pat"].split("*", 1)[0] if "*" in p["pat"] else ""):
                if el[0] == "np" and len(el[1]) <= 3 and ca:
                    noun_codes[" ".join(el[1])][ca] += 1
        pending.append((v, lemma, rel, pat_rels, cues))

    # verbs: a verb carries its block's (or own) relation when its own
    # patterns use it in that relation, when PETRARCH gave it that code
    # explicitly, or when another source has the lemma in that relation.
    for v, lemma, rel, pat_rels, cues in pending:
        rels = []
        if rel:
            rels.append(rel)
        # PETRARCH's patterns that code a verb as verbal conflict (ATTACK,
        # BLAST: "attacked the decision") are a verbal sense of that verb
        if rel == "attack" and pat_rels.get("verbal", 0) >= 2:
            rels.append("verbal")
        for r in rels:
            evidence = v["own"] or pat_rels.get(r, 0) > 0
            others = [e for e in lex.find(lemma, "VERB", r) if e["defined"]]
            if not evidence and not others and (lemma, "VERB", r) not in elsewhere:
                report["dropped"].append("petrarch %s VERB %s (block %s, no pattern)" % (lemma, r, v["block"]))
                continue
            targets = others or [lex.get(lemma, "VERB", r, None, words=v["words"], head=v["head"])]
            for e in targets[:1]:
                e["sources"].add("petrarch2")
                e["defined"] = True
                if v["code"] and v["code"][0] and code_relation(v["code"][0]) == r:
                    e["cameo"].add(v["code"][0])
                for p in v["patterns"]:
                    a, ps = p["code"]
                    if a and code_relation(a) == r:
                        e["cameo"].add(a)
                # context that makes this trigger a case of another relation
                for dep, noun, code, cr in cues:
                    if cr != r:
                        e["cues"].add((dep, noun, code, cr))
                e["forms_extra"] = e.get("forms_extra", set()) | set(v["forms"])
        # a verb of another relation with cues of ours keeps them as data
        # ("arrive for talks": travel verb, meet cue)
    return noun_codes, support, modal, carriers


def planned_verb(v, modal, support):
    """A verb PETRARCH codes more often as intent to meet (036: "plan a
    visit") than as the meeting (04x: "plan * tour [042]")."""
    planned = sum(modal.get((v, "planned"), {}).values())
    done = sum(c[v] for (n, r), c in support.items() if r == "meet")
    return planned > done


def petrarch_nouns(lex, wn, noun_codes, support, carriers, confirmed, modal, report):
    """Event nouns from PETRARCH's patterns. A pattern's code belongs to
    the whole pattern, so a noun in it is the event only when the noun, not
    the verb, carries the code: it must come with at least two verbs of
    another relation ("plan/start/resume TALKS", "die in/call for
    AIRSTRIKES") and be an act, event or communication in WordNet's first
    senses (not the people, places and things the patterns also name), or
    be a noun that PropBank or FrameNet has in the same relation."""
    EVENTY = {"noun.act", "noun.event", "noun.communication", "noun.phenomenon"}
    for noun, codes in sorted(noun_codes.items()):
        rels = collections.Counter()
        for c, n in codes.items():
            r = code_relation(c)
            if r:
                rels[r] += n
            if c[:3] == "138":
                rels["attack"] += n  # threatened air strikes are still air strikes
        if not rels:
            continue
        words = noun.replace("-", " ").split() if "-" in noun and " " not in noun else noun.split()
        head = words[-1]
        known = {k[0] for k in confirmed if k[1] == "NOUN"}
        if head in wn.index["noun"] or head in known:
            lem = head
        elif head.endswith("s") and head[:-1] in known:
            lem = head[:-1]  # "airstrikes": WordNet lacks the word
        else:
            lem = wn.lemma(head, "NOUN")
        if len(words) > 1:
            full = "_".join(words)
            lf = wn.lexfiles(full) or wn.lexfiles(lem)
            lemma = " ".join(words[:-1] + [lem])
        else:
            lf = wn.lexfiles(lem)
            lemma = lem
        for r, n in sorted(rels.items(), key=lambda kv: (-kv[1], kv[0])):
            if r == "verbal":
                continue
            ok = (lemma, "NOUN", r) in confirmed
            # a compound of a confirmed head: "drone strike", "counter-attack"
            ok = ok or (len(words) > 1 and (lem, "NOUN", r) in confirmed)
            if not ok and not (len(carriers.get((noun, r), ())) >= 2 and set(lf) & EVENTY):
                report["dropped"].append("petrarch noun %s %s (carried by %s; WordNet %s)" % (
                    noun, r, sorted(carriers.get((noun, r), ())), lf))
                continue
            e = None
            found = [x for x in lex.find(lemma, "NOUN", r) if x["defined"]]
            if found:
                e = found[0]
            elif n >= 1:
                e = lex.get(lemma, "NOUN", r, None)
            e["sources"].add("petrarch2")
            e["defined"] = True
            for c in codes:
                if code_relation(c) == r:
                    e["cameo"].add(c)
            for v in support.get((noun, r), ()):
                if v.replace("_", " ") != lemma and not planned_verb(v, modal, support):
                    e["support"].add(v.replace("_", " "))
            break


def weapon_nouns(lex, synsets):
    """Weapon and military-aircraft nouns from PETRARCH's &WEAPON and
    &AIRCRAFT synsets, with the GUIDELINES weapon class of their head."""
    for name in ("WEAPON", "AIRCRAFT"):
        for phrase in synsets.get(name, []):
            p = phrase.lower()
            if p in NOT_WEAPON:
                continue
            words = p.split("_")
            cls = None
            for w in reversed(words):
                if w in WEAPON_HEAD and WEAPON_HEAD[w]:
                    cls = WEAPON_HEAD[w]
                    break
            if cls is None:
                continue
            if len(words) == 1 and words[0].endswith("s") and words[0][:-1] in WEAPON_HEAD:
                continue  # plural listed beside its singular
            e = lex.get(" ".join(words), "NOUN", "attack", None)
            e["kind"] = "instrument"
            e["weapon"] = cls
            e["sources"].add("petrarch2")
            e["defined"] = True


# --------------------------------------------------------------------------
# VerbNet
# --------------------------------------------------------------------------

def read_verbnet(vn_dir):
    """member lemma -> [(class id, top class, [(syntax list)], roles)]"""
    members = collections.defaultdict(list)

    def walk(c, top, frames, roles):
        frames = frames + [parse_vn_frame(fr) for fr in c.find("FRAMES")]
        roles = roles + [r.get("type") for r in c.find("THEMROLES")]
        for m in c.find("MEMBERS"):
            members[m.get("name").replace("_", " ")].append((c.get("ID"), top, frames, roles))
        sc = c.find("SUBCLASSES")
        if sc is not None:
            for s in sc:
                walk(s, top, frames, roles)
    for path in sorted(glob.glob(os.path.join(vn_dir, "*.xml"))):
        root = ET.parse(path).getroot()
        top = root.get("ID")
        walk(root, top, [], [])
    return members


def parse_vn_frame(fr):
    seq = []
    for el in fr.find("SYNTAX"):
        if el.tag == "NP":
            seq.append(("NP", el.get("value")))
        elif el.tag == "VERB":
            seq.append(("V", None))
        elif el.tag in ("PREP", "LEX"):
            v = (el.get("value") or "").split()
            seq.append(("P", v))
    return seq


def vn_syntax(frames, rel, cls):
    syn = {}
    rmap = VN_ROLE.get(rel, {})
    for seq in frames:
        seen_v = False
        npost = 0
        prep = None
        for kind, val in seq:
            if kind == "V":
                seen_v = True
                continue
            if kind == "P":
                prep = [p for p in val if p in PREPS]
                continue
            role = VN_ROLE_CLASS.get((cls, val)) or rmap.get(val)
            if not role:
                prep = None
                continue
            if not seen_v:
                syn.setdefault("nsubj", role)
            elif prep:
                for p in prep:
                    syn.setdefault("obl:" + p, role)
            elif prep is None and npost == 0:
                syn.setdefault("obj", role)
                npost += 1
            prep = None
    return syn


def build_verbnet(lex, members):
    for lemma, classes in sorted(members.items()):
        for cid, top, frames, roles in classes:
            rel = VN_CLASSES.get(top)
            if not rel:
                continue
            for e in lex.find(lemma, "VERB", rel):
                if not e["defined"]:
                    continue
                e["sources"].add("verbnet:" + cid)
                for dep, r in sorted(vn_syntax(frames, rel, top).items()):
                    e["syntax"].setdefault(dep, r)


# --------------------------------------------------------------------------
# FrameNet 1.5
# --------------------------------------------------------------------------
FN = "{http://framenet.icsi.berkeley.edu}"


def read_framenet(fn_dir, wn):
    lus = []  # (frame, lemma words, pos, lu id, support Counter)
    for frame in sorted(FN_FRAMES):
        path = os.path.join(fn_dir, "frame", frame + ".xml")
        if not os.path.exists(path):
            continue
        root = ET.parse(path).getroot()
        for lu in root.iter(FN + "lexUnit"):
            name = lu.get("name")
            m = re.match(r"^(.*)\.([a-z]+)$", name)
            if not m:
                continue
            words, fpos = m.group(1), m.group(2)
            if "(" in words and not re.search(r"_\([^)]*\)$", words):
                continue  # "make (someone's) acquaintance"
            if lu.get("status") == "Problem":
                continue  # FrameNet marks the unit as not settled
            # "fall_(upon)": the governed preposition is part of the trigger
            words = re.sub(r"_\(([^)]*)\)$", r" \1", words).replace("_", " ").split()
            pos = {"v": "VERB", "n": "NOUN", "prep": "ADP", "a": "ADJ"}.get(fpos)
            if not pos or pos == "ADJ":
                continue
            supp = collections.Counter()
            lpath = os.path.join(fn_dir, "lu", "lu%s.xml" % lu.get("ID"))
            if pos == "NOUN" and os.path.exists(lpath):
                lroot = ET.parse(lpath).getroot()
                for s in lroot.iter(FN + "sentence"):
                    t = s.find(FN + "text")
                    if t is None or t.text is None:
                        continue
                    for lab in s.iter(FN + "label"):
                        if lab.get("name") == "Supp" and lab.get("start"):
                            span = t.text[int(lab.get("start")):int(lab.get("end")) + 1].lower().split()
                            if len(span) == 1:
                                supp[wn.lemma(span[0], "VERB")] += 1
            lus.append((frame, words, pos, lu.get("ID"), supp))
    return lus


def build_framenet(lex, lus, report):
    for frame, words, pos, luid, supp in lus:
        rel, defining = FN_FRAMES[frame]
        lemma = " ".join(words)
        found = [e for e in lex.find(lemma, pos, rel) if e["defined"]]
        if not found and not defining:
            report["dropped"].append("framenet %s %s %s (frame %s confirms only)" % (lemma, pos, rel, frame))
            continue
        if (lemma, pos, rel) in EXCLUDE:
            continue
        if found:
            targets = found
        else:
            e = lex.get(lemma, pos, rel, None, words=words, head=0 if pos != "NOUN" else len(words) - 1)
            e["defined"] = True
            targets = [e]
        for e in targets:
            e["sources"].add("framenet:" + frame)
            e["frames"].add(frame)
            for v, n in supp.items():
                if v not in ("be",):
                    e["support"].add(v)
            if pos == "NOUN" and (words[-1].endswith("er") or words[-1].endswith("or")
                                  or words[-1].endswith("ant") or words[-1].endswith("ist")):
                if any(words[-1].endswith(s) for s in ("visitor", "attacker", "invader", "traveler",
                                                       "traveller", "discussant", "interlocutor",
                                                       "pursuer")):
                    e["kind"] = "agent"


def gerunds(lex, wn, alias):
    """The -ing nominal of a trigger verb when WordNet has it as a noun of
    acts or events ("shelling", "bombing"): it takes the verb's sense,
    roles and sources."""
    for key, v in sorted(lex.e.items(), key=lambda kv: tuple(x or "" for x in kv[0])):
        if not v["defined"] or v["pos"] != "VERB" or v["relation"] not in POSITIVE or len(v["words"]) > 1:
            continue
        w = v["lemma"]
        ing = [f for f in wn.forms(w, "VERB") if f.endswith("ing")]
        for g in ing:
            if wn.lexfiles(g, 1) not in (["noun.act"], ["noun.event"]):
                continue
            if alias.get((g, "n")):
                continue  # PropBank has the noun's own senses ("calling", "firing")
            if [e for e in lex.find(g, "NOUN", v["relation"]) if e["defined"]]:
                continue
            e = lex.get(g, "NOUN", v["relation"], v["sense"])
            e["defined"] = True
            e["gloss"] = v["gloss"]
            e["roles"] = dict(v["roles"])
            e["sources"] |= {s for s in v["sources"] if not s.startswith("verbnet")} | {"wordnet"}
            e["frames"] |= v["frames"]
            e["note"] = "nominal of the verb '%s'" % w


# --------------------------------------------------------------------------
# Assembly
# --------------------------------------------------------------------------

# A verb no source gives dependents for takes those of its relation's
# central PropBank roleset.
DEFAULT_SYNTAX_FROM = {"meet": ("meet", "meet.03"), "travel": ("travel", "travel.01"),
                       "attack": ("attack", "attack.01")}


def finish(lex, wn):
    out = []
    defaults = {}
    for rel, (lemma, rid) in DEFAULT_SYNTAX_FROM.items():
        defaults[rel] = dict(lex.e[(lemma, "VERB", rel, rid)]["syntax"])
    for e in lex.e.values():
        if e["defined"] and e["pos"] == "VERB" and not e["syntax"] and e["relation"] in defaults:
            e["syntax"] = dict(defaults[e["relation"]])
    for key, e in lex.e.items():
        if not e["defined"]:
            continue
        if (e["lemma"], e["pos"], e["relation"]) in EXCLUDE:
            continue
        # nouns inherit syntax from the verb sense when the sources give none
        if e["pos"] == "NOUN" and not e["syntax"] and e["roles"]:
            rb = {k[3:]: v for k, v in e["roles"].items()}
            e["syntax"] = syntax_from_roles(rb, {}, "NOUN")
        if e["relation"] == "meet" and e["pos"] == "NOUN" and e["kind"] == "event":
            e["syntax"].setdefault("nmod:between", "participant")
            e["syntax"].setdefault("nmod:with", "participant")
        if e["relation"] == "attack" and e["pos"] == "NOUN" and e["kind"] == "event":
            e["syntax"]["nmod:of"] = "target"  # "the bombing of Baghdad"
        if e["relation"] == "attack" and e["kind"] == "event":
            if e["weapon"] is None:
                e["weapon"] = weapon_of(e)
        forms = set(multi_forms(wn, e["words"], e["head"], e["pos"]))
        forms |= set(e.pop("forms_extra", set()))
        if e["lemma"] == "talks":
            forms = {"talks"}
        rec = {
            "lemma": e["lemma"], "words": e["words"], "head": e["head"], "pos": e["pos"],
            "relation": e["relation"], "kind": e["kind"], "sense": e["sense"],
            "gloss": e["gloss"], "roles": dict(sorted(e["roles"].items())) or None,
            "syntax": dict(sorted(e["syntax"].items())) or None,
            "support": sorted(e["support"]) or None,
            "cameo": sorted(e["cameo"]) or None, "weapon": e["weapon"],
            "cues": [{"dep": d, "word": w, "cameo": c, "relation": r}
                     for d, w, c, r in sorted(e["cues"])] or None,
            "frames": sorted(e["frames"]) or None,
            "forms": sorted(forms),
            "note": e["note"],
            "sources": sorted(e["sources"]),
        }
        if e["relation"] not in ("meet", "travel", "attack", "remote"):
            rec["roles"] = None if e["relation"] != "verbal" else rec["roles"]
        out.append(rec)
    out.sort(key=lambda r: (r["lemma"], r["pos"], r["relation"], r["sense"] or ""))
    return out


def weapon_of(e):
    """The weapon a trigger names ("shelling", "drone strike", "bomb"); a
    general trigger ("attack", "hit") has none, whatever the CAMEO codes of
    the patterns it occurs in."""
    for w in reversed(e["words"]):
        if WEAPON_HEAD.get(w):
            return WEAPON_HEAD[w]
    if e["lemma"] in ("air strike", "air raid", "air attack"):
        return "airstrike"
    return None


def ud_words(path):
    """The word lines of a CoNLL-U treebank, split into their columns."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line or line[0] == "#" or line == "\n":
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) > 5 and cols[0].isdigit():
                yield cols


# The negation words of class "negated" that UD English-EWT marks
# Polarity=Neg ("never" it does not mark: a curated cue above).
NEGATION_WORDS = {
    ("not", "PART"): "negation",
    ("nor", "CCONJ"): "'nor did he meet': the clause it joins is denied",
}


def read_ud(path):
    """In one pass over a CoNLL-U treebank: the AUX lemmas, and the words it
    marks Polarity=Neg, each as (lemma, UPOS) with its count."""
    aux, neg = collections.Counter(), collections.Counter()
    for c in ud_words(path):
        key = (c[2].lower(), c[3])
        if c[3] == "AUX":
            aux[key] += 1
        if "Polarity=Neg" in c[5].split("|"):
            neg[key] += 1
    return aux, neg


def attested(words, counts, cls, what):
    """The cues of class cls among words ({(lemma, UPOS): note}) that EWT
    attests (counts) at least five times as what it says they are."""
    rows = []
    for (lemma, pos), note in sorted(words.items()):
        if counts[(lemma, pos)] < 5:
            sys.exit("UD English-EWT has %d %s %r%s: check --ud" % (counts[(lemma, pos)], pos, lemma, what))
        rows.append((lemma, pos, cls, note))
    return rows


def build_modality(lex_out, modal, support, extra=()):
    """Modality cues from PETRARCH's patterns: a verb whose pattern with a
    meeting noun as its object is coded 036 (intent to meet: "plan a
    visit") is a planned cue, 125 (reject a meeting) negated, 164 (halt
    talks) cancelled; with an attack noun, 138 (threaten force: "consider
    air strikes") is hypothetical. A verb PETRARCH codes more often as the
    meeting itself ("start talks") or that is a trigger is left out."""
    meet_nouns = {r["lemma"] for r in lex_out if r["relation"] == "meet" and r["pos"] == "NOUN"}
    attack_nouns = {r["lemma"] for r in lex_out if r["relation"] == "attack" and r["pos"] == "NOUN"}
    triggers = {r["lemma"] for r in lex_out if r["relation"] in POSITIVE and r["pos"] == "VERB"}
    rows = {}
    for (verb, cls), nouns in sorted(modal.items()):
        lemma = verb.replace("_", " ")
        pool = attack_nouns if cls == "hypothetical" else meet_nouns
        hits = sorted(n for n in nouns if n in pool or n.split()[-1] in pool)
        if not hits or lemma in triggers or lemma in MODALITY_EXCLUDE:
            continue
        if cls == "planned" and not planned_verb(verb, modal, support):
            continue
        key = (lemma, "VERB", cls)
        r = rows.setdefault(key, {"lemma": lemma, "pos": "VERB", "class": cls, "with": set(),
                                  "sources": {"petrarch2"}, "note": None})
        r["with"].update(hits)
    for lemma, pos, cls, note in CURATED_MODALITY:
        key = (lemma, pos, cls)
        if key in rows:
            rows[key]["sources"].add("curated")
            continue
        rows[key] = {"lemma": lemma, "pos": pos, "class": cls, "with": set(),
                     "sources": {"curated"}, "note": note}
    for lemma, pos, cls, note in extra:
        rows[(lemma, pos, cls)] = {"lemma": lemma, "pos": pos, "class": cls, "with": set(),
                                   "sources": {"ud-ewt"}, "note": note}
    out = []
    for key in sorted(rows):
        r = rows[key]
        out.append({"lemma": r["lemma"], "pos": r["pos"], "class": r["class"],
                    "with": sorted(r["with"]) or None, "note": r["note"],
                    "sources": sorted(r["sources"])})
    return out


SOURCES_BEGIN = "<!-- lexicon: written by scripts/lexicon/build.py -->"
SOURCES_END = "<!-- end lexicon -->"
SOURCES_TEXT = """
## Trigger lexicons: triggers.jsonl, modality.jsonl (and person-nouns.txt)

Built by `python3 scripts/lexicon/build.py` (its docstring has the command)
from the sources below; nothing is fetched when newsgraph runs. Only derived
entries ship (lemmas, sense ids, role and dependency labels, CAMEO codes,
frame names), never the sources' text or examples. Because entries are
adapted from PropBank (CC BY-SA 4.0), both files are offered under
**CC BY-SA 4.0**, with the notices below for the other sources.

To rebuild, check out each repository at the commit given and run
`python3 scripts/lexicon/build.py --petrarch DIR --propbank DIR --verbnet DIR
--framenet DIR/fndata-1.5 --ud EWT/en_ewt-ud-train.conllu` (WordNet from the
Debian package wordnet-base; EWT's train file as scripts/train-parser/ewt.sh
rebuilds it).

- PETRARCH2 CAMEO verb dictionary: openeventdata/petrarch2 at
  676801cd9cb2924bbbad09f86d15c9323e7097bf,
  petrarch2/data/dictionaries/CAMEO.2.0.txt. MIT, "Copyright (c) 2015 Open
  Event Data Alliance" (file header; repository LICENSE: Copyright (c) 2014
  Open Event Data); the MIT permission notice applies to this derived data.
  Taken: verbs of the consult (040-046), fight and assault (183, 190,
  193-196) and disapprove (11x) blocks, with their CAMEO codes; verbs of
  other blocks whose own patterns use them in those codes; event nouns and
  their support verbs from the patterns ("HOLD * TALKS [046]"); pattern
  context as cues ("ARRIVE * (FOR TALKS) [046]", "DISCUSS * (BY TELEPHONE)
  [041]"); weapon and military-aircraft nouns of the &WEAPON and &AIRCRAFT
  synonym sets; modality cues from 036 (intent to meet), 125 (reject a
  meeting), 164 (halt talks) and 138 (threaten force).
- PropBank frames: propbank/propbank-frames at
  c66e0ccf28b53f00051b187db83e937b5bee2e32, frames/*.xml (PropBank 3.4
  framesets). CC BY-SA 4.0 (repository LICENSE). Taken: for the rolesets
  listed in SENSES of build.py, the roleset id and name, verb and noun
  aliases, light-verb aliases as support verbs, numbered roles mapped to our
  roles, prepositions of arguments counted in the examples, FrameNet and
  VerbNet links; for the other rolesets of the same lemmas, id, name and the
  relation in NEGATIVE_SENSES or "other". frames/check.xml and
  frames/rend.xml are not well-formed XML and are skipped.
- VerbNet 3.2: aymara/verbnet at 66e1cc015eb4d5bed1b37c4d889455307f703c80
  (the repository's root, tagged v3.2_2013-04). Taken: class membership and
  the syntactic frames of the classes in VN_CLASSES of build.py, as
  dependency-to-role maps. Licence (LICENSE.md, VerbNet 3.0 licence, which
  applies to 3.X): "Permission to use, copy, modify and distribute this
  software and database and its documentation for any purpose and without
  fee or royalty is hereby granted, provided that you agree to comply with
  the following copyright notice and statements, including the disclaimer,
  and that the same appear on ALL copies of the software, database and
  documentation, including modifications that you make for internal use or
  for distribution. VerbNet 3.0 (or 3.X) Copyright 2009 by University of
  Colorado. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS
  IS" AND THE UNIVERSITY OF COLORADO MAKES NO REPRESENTATIONS OR WARRANTIES,
  EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, UNIVERSITY OF
  COLORADO MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANTABILITY OR
  FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE LICENSED
  SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY
  PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS. The name of University of
  Colorado or CU may not be used in advertising or publicity pertaining to
  distribution of the software and/or database. Title to copyright in this
  software, database and any associated documentation shall at all times
  remain with University of Colorado and LICENSEE agrees to preserve same."
  Reference: Karin Kipper, Anna Korhonen, Neville Ryant, Martha Palmer, A
  Large-scale Classification of English Verbs, Language Resources and
  Evaluation Journal, 42(1), pp. 21-40, Springer Netherland, 2008.
- FrameNet 1.5: dasmith/FrameNet-python at
  b89d396c530c1e9a39c7978550472960b3bd9d26 (branch 1.5, not the default
  branch), fndata-1.5/frame/*.xml and fndata-1.5/lu/*.xml. The repository's
  COPYING (MIT) covers only its Python code; the data's licence is stated by
  FrameNet itself in fndata-1.5/docs/GeneralReleaseNotes1.5.pdf, section 2
  "Change to Creative Commons License": Release 1.5 is offered under the
  Creative Commons Attribution licence, CC BY 3.0
  (http://creativecommons.org/licenses/by/3.0/), copyright ICSI. Attribution:
  FrameNet Release 1.5, International Computer Science Institute, Berkeley.
  Taken: lexical units of the frames in FN_FRAMES of build.py (units marked
  "Problem" left out) and, for nouns, the support verbs annotated "Supp" in
  their example sentences (lemmas only).
- WordNet 3.0 (Debian package wordnet-base 1:3.0): morphology only
  (verb.exc, noun.exc, index files) for the "forms" field and lemmas, and the
  lexicographer file of a noun's first senses to tell event nouns from
  things. "WordNet 3.0 Copyright 2006 by Princeton University. All rights
  reserved." Its licence (the same terms and disclaimer as VerbNet's above,
  with Princeton University in place of the University of Colorado) permits
  use, copying, modification and distribution with that notice.
  person-nouns.txt is WordNet's alone (under that licence, not CC BY-SA):
  the one-word nouns whose first sense is a hyponym of official.n.01 or
  leader.n.01 (OFFICE_ROOTS), written in lower case in that synset, that
  WordNet has as no verb, adjective or adverb (person_nouns in build.py);
  rule "a person of a country" reads them ("the American diplomat").
- UD English-EWT (UniversalDependencies/UD_English-EWT at 15d613d8, CC BY-SA
  4.0): the AUX lemmas of en_ewt-ud-train.conllu attest the modal
  auxiliaries of class "possible" (POSSIBLE_AUX of build.py; lemmas only),
  and its Polarity=Neg feature the negation words "not" and "nor" of class
  "negated" (NEGATION_WORDS).
- GUIDELINES.md (this project's annotation standard): a few triggers and
  modality cues no source has, marked "curated" in the sources field
  (CURATED_TRIGGERS and CURATED_MODALITY in build.py).
"""


def write_sources(path):
    """Replace (or append) the lexicon's section of SOURCES.md."""
    text = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
    block = SOURCES_BEGIN + "\n" + SOURCES_TEXT.strip("\n") + "\n" + SOURCES_END + "\n"
    if SOURCES_BEGIN in text and SOURCES_END in text:
        i = text.index(SOURCES_BEGIN)
        j = text.index(SOURCES_END) + len(SOURCES_END)
        text = text[:i] + block.rstrip("\n") + text[j:]
    else:
        text = text.rstrip("\n") + "\n\n" + block
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


# The WordNet synsets whose hyponyms hold an office: rule "a person of a
# country" reads "the American diplomat", "the Iranian lawmaker" as an
# office-holder named before; a journalist, a hostage or a translator is as
# often someone new.
OFFICE_ROOTS = ("official.n.01", "leader.n.01")


def person_nouns(d):
    """The nouns of office-holders for rule "a person of a country" of
    extract/coref.go ("the American diplomat"): one lower-case word of
    letters whose first WordNet sense is a hyponym of OFFICE_ROOTS, written
    so in that synset (not a proper name), and no verb, adjective or adverb
    in WordNet, nor a regular inflection of a verb ("accused"). Sorted, one a
    line."""
    first, offsets = {}, {}
    for line in open(os.path.join(d, "index.noun"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        parts = line.split()
        n_ptr = int(parts[3])
        offsets[parts[0]] = parts[4 + n_ptr + 2:]
        first[parts[0]] = offsets[parts[0]][0]
    words, hypernyms = {}, {}
    for line in open(os.path.join(d, "data.noun"), encoding="utf-8"):
        if line.startswith(" "):
            continue
        parts = line.split(" ")
        n = int(parts[3], 16)
        words[parts[0]] = {parts[4 + 2 * i] for i in range(n)}
        p = 4 + 2 * n
        hypernyms[parts[0]] = [parts[p + 2 + 4 * k] for k in range(int(parts[p]))
                               if parts[p + 1 + 4 * k] in ("@", "@i") and parts[p + 3 + 4 * k] == "n"]
    roots = set()
    for r in OFFICE_ROOTS:
        lemma, _, sense = r.split(".")
        roots.add(offsets[lemma][int(sense) - 1])

    def office(off, seen):
        if off in roots:
            return True
        seen.add(off)
        return any(office(h, seen) for h in hypernyms.get(off, ()) if h not in seen)

    other = set()
    for pos in ("verb", "adj", "adv"):
        for line in open(os.path.join(d, "index." + pos), encoding="utf-8"):
            if not line.startswith(" "):
                other.add(line.split()[0])
        for line in open(os.path.join(d, pos + ".exc"), encoding="utf-8"):
            if line.split():
                other.add(line.split()[0])

    def verb_form(w):
        for suf, rep in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", "")):
            if w.endswith(suf) and w[: len(w) - len(suf)] + rep in other:
                return True
        return False

    return sorted(w for w, off in first.items()
                  if re.fullmatch(r"[a-z]+", w) and w in words.get(off, ()) and w not in other
                  and not verb_form(w) and office(off, set()))


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False, sort_keys=False, separators=(",", ":")) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--petrarch", required=True)
    ap.add_argument("--propbank", required=True)
    ap.add_argument("--verbnet", required=True)
    ap.add_argument("--framenet", required=True)
    ap.add_argument("--ud", required=True)
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default="extract/data")
    ap.add_argument("--report", action="store_true")
    a = ap.parse_args()

    cameo = os.path.join(a.petrarch, "petrarch2", "data", "dictionaries", "CAMEO.2.0.txt")
    for p in (cameo, os.path.join(a.propbank, "frames"), os.path.join(a.framenet, "frame"),
              os.path.join(a.wordnet, "verb.exc")):
        if not os.path.exists(p):
            sys.exit("missing %s: see the usage in scripts/lexicon/build.py" % p)
    report = {"dropped": []}
    wn = WordNet(a.wordnet)
    lex = Lexicon()
    rolesets, alias, bad = read_propbank(a.propbank)
    report["propbank_unreadable"] = bad
    build_propbank(lex, rolesets, alias)
    synsets, blocks = read_petrarch(cameo)
    lus = read_framenet(a.framenet, wn)
    vn_members = read_verbnet(a.verbnet)
    # FrameNet's frames are senses, so a frame confirms a PETRARCH verb that
    # its own patterns do not show; VerbNet's classes are too broad for that
    elsewhere = {(" ".join(w), pos, FN_FRAMES[f][0]) for f, w, pos, _, _ in lus}
    noun_codes, support, modal, carriers = build_petrarch(lex, wn, synsets, blocks, elsewhere, report)
    build_propbank(lex, rolesets, alias, {(k[0], k[1]) for k in lex.e if k[2] in POSITIVE})
    confirmed = {(k[0], k[1], k[2]) for k, e in lex.e.items() if e["defined"]}
    confirmed |= {(" ".join(w), pos, FN_FRAMES[f][0]) for f, w, pos, _, _ in lus}
    petrarch_nouns(lex, wn, noun_codes, support, carriers, confirmed, modal, report)
    weapon_nouns(lex, synsets)
    build_framenet(lex, lus, report)
    for lemma, pos, rel, note in CURATED_TRIGGERS:
        e = lex.get(lemma, pos, rel, None)
        e["defined"] = True
        e["sources"].add("curated")
        e["note"] = note
        if rel == "meet" and pos == "VERB":
            e["roles"] = {}
            e["syntax"].update({"nsubj": "participant", "obj": "participant",
                                "obl:with": "participant", "nsubj:pass": "participant",
                                "obl:agent": "participant"})
    build_verbnet(lex, vn_members)
    gerunds(lex, wn, alias)
    # the other PropBank senses of every lemma now in the lexicon
    lemmas = {(k[0], k[1]) for k, e in lex.e.items() if e["defined"] and k[2] in POSITIVE}
    build_propbank(lex, rolesets, alias, lemmas, report)
    rows = finish(lex, wn)
    ud_aux, ud_neg = read_ud(a.ud)
    mod = build_modality(rows, modal, support,
                         attested({(w, "AUX"): n for w, n in POSSIBLE_AUX.items()}, ud_aux, "possible", "")
                         + attested(NEGATION_WORDS, ud_neg, "negated", " marked Polarity=Neg"))
    os.makedirs(a.out, exist_ok=True)
    write_jsonl(os.path.join(a.out, "triggers.jsonl"), rows)
    write_jsonl(os.path.join(a.out, "modality.jsonl"), mod)
    nouns = person_nouns(a.wordnet)
    with open(os.path.join(a.out, "person-nouns.txt"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(w + "\n" for w in nouns))
    write_sources(os.path.join(a.out, "SOURCES.md"))

    counts = collections.Counter((r["relation"], r["pos"]) for r in rows)
    print("triggers.jsonl: %d entries, modality.jsonl: %d cues, person-nouns.txt: %d nouns"
          % (len(rows), len(mod), len(nouns)))
    for rel in RELATIONS:
        print("  %-7s %s" % (rel, ", ".join("%s %d" % (p, counts[(rel, p)])
                                              for p in ("VERB", "NOUN", "ADP") if counts[(rel, p)])))
    if a.report:
        src = collections.Counter()
        for r in rows:
            for s in {s.split(":")[0] for s in r["sources"]}:
                src[(r["relation"], s)] += 1
        print("by source:")
        for rel in RELATIONS:
            print("  %-7s %s" % (rel, ", ".join("%s %d" % (s, src[(rel, s)]) for s in
                                                   ("propbank", "petrarch2", "framenet", "verbnet")
                                                   if src[(rel, s)])))
        for line in report["dropped"]:
            print("dropped:", line)
        for line in bad:
            print("unreadable:", line)


if __name__ == "__main__":
    main()

package extract

// Hand-written word lists: titles and roles, name particles, organisation
// words. Lower case.

// titleWords can stand in a title before a name ("US Secretary of State",
// "French President", "Mr", "acting Prime Minister").
var titleWords = set(
	"president", "vice", "prime", "minister", "secretary", "chancellor", "king", "queen",
	"prince", "princess", "crown", "pope", "sheikh", "sheik", "emir", "sultan", "ayatollah", "imam",
	"general", "gen.", "gen", "lt.", "lt", "lieutenant", "colonel", "col.", "admiral", "adm.", "commander",
	"senator", "sen.", "congressman", "congresswoman", "representative", "rep.", "governor",
	"gov.", "mayor", "ambassador", "envoy", "spokesman", "spokeswoman", "spokesperson",
	"leader", "chairman", "chairwoman", "chair", "chief", "director", "head", "premier",
	"president-elect", "judge", "justice", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.",
	"dr.", "sir", "lord", "lady", "dame", "captain", "capt.", "major", "maj.", "sergeant",
	"sgt.", "officer", "counsellor", "adviser", "advisor", "aide", "commissioner",
	"secretary-general", "undersecretary", "under-secretary", "attorney", "deputy", "acting",
	"former", "foreign", "defense", "defence", "finance", "interior", "trade", "treasury",
	"state", "economy", "energy", "health", "agriculture", "labor", "labour", "education",
	"home", "special", "top", "supreme", "grand", "ayatollah", "field", "marshal", "brigadier",
	"sayyid", "mullah", "cardinal", "archbishop", "bishop", "rabbi", "father", "reverend",
	"rev.", "saint", "st.", "emperor", "empress", "duke", "duchess", "baroness", "baron",
	"speaker", "chief-of-staff", "staff", "security", "national", "council", "affairs",
	"economic", "first", "senior", "assistant", "undersecretary-general", "ministers",
	"war", "environment", "culture", "information", "transport", "industry", "science",
	"communications", "intelligence", "military", "army", "navy", "commander-in-chief",
	"executive", "managing", "negotiator", "official", "detective", "inspector",
	"superintendent", "constable", "corporal", "private", "dictator", "monarch", "crown-prince",
	"coach", "manager", "striker", "midfielder", "defender", "goalkeeper", "master",
	"vice-premier", "vice-president", "vice-chancellor", "vice-chairman", "vice-minister",
	"vice-admiral", "archdeacon", "patriarch", "metropolitan", "grand-duke",
)

// extraRoleWords are titles that roles use but titleWords lacks.
var extraRoleWords = set("counterpart", "taoiseach")

// personTitles before a capitalised word make it a person's name.
var personTitles = set(
	"president", "minister", "secretary", "chancellor", "king", "queen", "prince", "princess",
	"pope", "sheikh", "sheik", "emir", "sultan", "ayatollah", "imam", "general", "gen.", "gen",
	"lt.", "colonel", "col.", "admiral", "adm.", "commander", "senator", "sen.", "congressman",
	"congresswoman", "governor", "gov.", "mayor", "ambassador", "envoy", "spokesman",
	"spokeswoman", "leader", "chairman", "chairwoman", "premier", "president-elect", "judge",
	"mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "lord", "lady", "dame",
	"captain", "capt.", "major", "maj.", "sergeant", "sgt.", "commissioner", "secretary-general",
	"mullah", "cardinal", "archbishop", "bishop", "rabbi", "reverend", "rev.", "emperor",
	"empress", "duke", "duchess", "baroness", "baron", "speaker", "sayyid", "lieutenant",
	"brigadier", "marshal", "coach", "negotiator", "dictator", "undersecretary",
	"prosecutor", "detective", "inspector", "corporal", "chief",
	"vice-premier", "vice-president", "vice-chancellor", "vice-chairman", "vice-minister",
	"vice-admiral", "patriarch", "counterpart", "taoiseach",
)

// looseTitles are person titles that also begin names of other things
// ("General Motors", "Major League", "Chief Executive", "Speaker's
// Corner", "Lady Liberty", "Gen X"): rule "title before a name"
// leaves them.
var looseTitles = set("general", "gen", "major", "chief", "leader", "lady", "dame", "sir", "lord", "speaker",
	"coach", "counterpart", "commander", "captain", "judge", "marshal", "dr", "dr.")

// honorifics are stripped from a person's name ("Mr Blair" -> "Blair");
// royal and religious titles stay ("King Fahd", "Pope Francis").
var honorifics = set("mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "sir", "dame",
	"messrs", "messrs.", "gen.", "gen", "general", "lt.", "col.", "colonel", "adm.", "admiral",
	"president", "minister", "senator", "sen.", "governor", "gov.", "mayor", "ambassador",
	"chancellor", "premier", "prime", "secretary", "captain", "capt.", "maj.", "major", "sgt.",
	"sergeant", "commander", "judge", "lieutenant", "brigadier", "marshal", "field",
	"professor", "prof.", "rep.", "representative", "deputy", "vice", "chairman", "leader",
	"foreign", "defense", "defence", "finance", "interior", "trade", "treasury", "state",
	"spokesman", "spokeswoman", "envoy", "chief", "acting", "former", "supreme", "sayyid",
	"vice-premier", "vice-president", "vice-chancellor", "vice-chairman", "vice-minister", "vice-admiral")

// royalTitles stay part of the canonical name.
var royalTitles = set("king", "queen", "prince", "princess", "pope", "sheikh", "sheik",
	"emir", "sultan", "ayatollah", "imam", "emperor", "empress", "crown", "duke", "duchess",
	"cardinal", "archbishop", "lord", "lady", "baroness", "baron", "saint", "st.", "mullah")

// stormWords begin the names of storms, which are no persons.
var stormWords = set("hurricane", "typhoon", "cyclone", "storm", "tropical", "hurricanes", "typhoons")

// nameParticles may stand inside a name between capitalised words.
var nameParticles = set("al", "al-", "el", "bin", "ibn", "bint", "de", "da", "di", "del",
	"della", "der", "van", "von", "den", "la", "le", "du", "dos", "das", "y", "abu", "ben", "st.", "wa")

// orgWords end (or start) an organisation's name.
var orgWords = set("party", "ministry", "council", "corp", "corp.", "corporation", "agency",
	"force", "forces", "army", "union", "organization", "organisation", "bank", "association",
	"committee", "commission", "company", "co", "co.", "inc", "inc.", "ltd", "ltd.", "plc",
	"group", "department", "office", "institute", "university", "parliament", "congress",
	"senate", "assembly", "court", "police", "guard", "guards", "front", "movement", "brigade",
	"brigades", "militia", "fund", "federation", "league", "club", "airlines", "airways",
	"news", "times", "post", "press", "agentur", "agency", "service", "services", "authority",
	"board", "bureau", "navy", "command", "coalition", "alliance", "cabinet", "government",
	"administration", "exchange", "reserve", "foundation", "network", "industries", "holdings", "lab", "labs", "ministries",
	"international", "telegraph", "journal", "herald", "tribune", "broadcasting", "television",
	"radio", "channel", "taliban", "hamas", "hezbollah", "houthis", "nato", "opec", "un", "eu",
	"who", "imf", "wto", "irgc", "pmf", "fc", "united", "city", "rovers", "wanderers")

// institutionWords end the names of institutions and programmes: rule
// "an institution's name" (not orgWords, which holds "Un" of "Kim Jong
// Un" and "City" of a person's nickname).
var institutionWords = set("school", "college", "academy", "university", "institute", "foundation", "hospital",
	"museum", "library", "lab", "laboratory", "show", "center", "centre", "theatre", "theater", "stadium", "arena")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// functionWords are capitalised only at the start of a sentence.
var functionWords = set("the", "a", "an", "on", "in", "at", "for", "with", "from", "by", "as",
	"but", "and", "or", "if", "when", "after", "before", "during", "this", "that", "these",
	"those", "his", "her", "its", "their", "our", "my", "your", "while", "although", "though",
	"since", "until", "to", "of", "it", "he", "she", "they", "we", "i", "you", "there", "here",
	"some", "many", "most", "all", "both", "each", "every", "no", "not", "yet", "so", "then",
	"meanwhile", "however", "still", "despite", "according", "under", "over", "about",
	"between", "among", "against", "without", "within", "through", "across", "also", "even",
	"only", "just", "as", "what", "who", "whom", "whose", "which", "where", "why", "how",
	"again", "last", "next", "earlier", "later", "today", "yesterday", "tomorrow", "tonight",
	"another", "other", "such", "more", "less", "former", "new", "now", "instead", "thus")

// calendarWords are never names.
var calendarWords = set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.",
	"jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.")

// geoNouns end names of places and things, not people.
var geoNouns = set("square", "street", "road", "avenue", "regiment", "division", "battalion",
	"temple", "mosque", "church", "cathedral", "province", "district", "county", "region",
	"class", "world", "river", "mountain", "mountains", "valley", "island", "islands", "sea",
	"ocean", "lake", "bay", "gulf", "strait", "hall", "airport", "bridge", "park", "palace",
	"base", "camp", "field", "fields", "canal", "desert", "plain", "plateau", "peninsula",
	"coast", "border", "station", "port", "harbour", "harbor", "tower", "centre", "center",
	"stadium", "hotel", "hospital", "prison", "mandir", "dam", "pipeline", "line", "zone",
	"republic", "kingdom", "state", "states", "city", "town", "village", "heights", "hills",
	"forest", "cup", "championship", "games", "open", "league", "war", "accord", "agreement",
	"treaty", "act", "bill", "award", "prize", "summit", "conference", "festival", "person", "year")

// compass words start place names ("South Waziristan"), not people's.
var compassWords = set("north", "south", "east", "west", "northern", "southern", "eastern",
	"western", "central", "upper", "lower", "greater", "new", "old", "fort", "port", "lake",
	"mount", "cape", "san", "santa", "saint", "st.", "los", "las", "el")

// toponymPrefixes start place names, not people's ("Ain Issa", "Tell
// Tamer", "Deir ez-Zor", "Wadi Barada", "Kafr Nabl", "Beit Hanoun").
var toponymPrefixes = set("ain", "tell", "tel", "deir", "wadi", "kafr", "kfar", "beit", "jebel", "jabal", "khirbet", "bir")

// partyMembers name a party's members; they end no person's name.
var partyMembers = set("republican", "republicans", "democrat", "democrats", "tory", "tories")

// peopleWords name religions and peoples, never one person.
var peopleWords = set("muslim", "muslims", "moslem", "moslems", "christian", "christians", "jewish", "jew", "jews",
	"catholic", "catholics", "hindu", "hindus", "sikh", "sikhs", "buddhist", "buddhists",
	"islamic", "arab", "arabs", "kurdish", "kurds", "kurd", "shiite", "shiites", "sunni",
	"sunnis", "shia", "protestant", "protestants", "orthodox", "islamist", "islamists",
	"pashtun", "baloch", "tamil", "tamils", "berber", "latino", "hispanic", "european",
	"europeans", "african", "africans", "asian", "asians", "western", "westerners")

// roleContext words may stand in a role phrase without being titles
// themselves ("Foreign Ministry spokesman", "Oil Minister", "Liberal
// Democrat leader").
var roleContext = set("ministry", "parliament", "assembly", "senate", "congress", "health", "commerce", "oil", "industry", "cabinet", "house", "police",
	"party", "democrat", "liberal", "conservative", "tory", "labour", "republican",
	"democratic", "development", "protocol", "airport", "peace", "provincial", "regional",
	"bundesbank", "central", "federal", "parliamentary", "opposition", "government",
	"presidential", "policy", "public", "works", "social", "welfare", "justice", "legal",
	"political", "strategic", "planning", "finance", "fisheries", "forestry", "mines",
	"petroleum", "tourism", "youth", "sports", "women", "family", "veterans", "housing",
	"immigration", "citizenship", "relations", "external", "cooperation", "aid", "climate",
	"change", "activist", "correspondent", "reporter", "analyst", "expert", "geostrategy",
	"nato", "un", "eu", "opec", "imf", "operations", "staff", "general", "army", "air",
	"naval", "navy", "marine", "corps", "guard", "revolutionary", "quds", "supreme", "court")

// placeAfter words after a name make it a place ("Maidan Wardak province",
// "the al-Hamadaniyeh neighborhood").
var placeAfter = set("province", "provincial", "district", "region", "regional", "village",
	"town", "city", "county", "governorate", "area", "valley", "border", "prefecture",
	"oblast", "municipality", "airport", "port", "harbour", "harbor", "refinery", "oilfield",
	"neighborhood", "neighbourhood", "suburb", "camp")

// placeOf nouns before "of" make the name after it a place ("the town of
// Musa Qala", "the villages of Tokhar and Hoshariyeh").
var placeOf = set("province", "provinces", "district", "districts", "region", "regions",
	"village", "villages", "town", "towns", "city", "cities", "county", "governorate",
	"area", "areas", "outskirts", "suburb", "suburbs", "neighborhood", "neighborhoods",
	"neighbourhood", "neighbourhoods", "municipality", "port", "countryside")

// placeAfter2 are two-word place nouns after a name ("the Ain al-Asad air
// base", "the Zaatari refugee camp").
var placeAfter2 = set("air base", "airbase", "refugee camp", "military base", "naval base", "air field")

// locativeBefore words before a name make it a place ("entered Tell Tamer").
var locativeBefore = set("in", "near", "entered", "into", "outside", "around", "across",
	"towards", "toward", "captured", "seized", "shelled", "bombed", "inside", "northeast",
	"northwest", "southeast", "southwest", "north", "south", "east", "west", "downtown")

// knownArmedGroups are well-known non-state armed groups (lower case).
var knownArmedGroups = set("hamas", "hezbollah", "hizbollah", "houthis", "houthi", "taliban",
	"isis", "isil", "islamic state", "daesh", "al-qaeda", "al qaeda", "al-qaida",
	"al-shabaab", "al-shabab", "boko haram", "pkk", "ira", "eta", "farc", "wagner",
	"ansar allah", "islamic jihad", "jabhat al-nusra", "nusra front", "hts",
	"hayat tahrir al-sham", "kataeb hezbollah", "kata'ib hezbollah", "sdf", "ypg",
	"janjaweed", "rsf", "rapid support forces", "lashkar-e-taiba", "jaish-e-mohammed",
	"tehrik-i-taliban", "ttp", "m23", "polisario", "popular mobilization forces", "pmf",
	"unita", "renamo", "khmer rouge", "mujahideen", "contras", "tamil tigers", "ltte")

// armedWords end the names of armed groups ("Al-Aqsa Martyrs Brigades").
var armedWords = set("brigades", "brigade", "militia", "militias", "rebels", "insurgents",
	"guerrillas", "mujahideen", "front", "tigers", "martyrs")

// armedAfter words follow an armed group's name ("Taliban fighters").
var armedAfter = set("fighters", "militants", "militiamen", "gunmen", "rebels",
	"insurgents", "guerrillas", "jihadists")

// unnamedFighters are the lemmas of nouns for fighters of no name, the
// agents rule "unnamed attacker" (events.go) reads ("rebel shelling",
// "militants fired"): armedAfter's words, and terrorists and extremists.
var unnamedFighters = set("rebel", "militant", "militiaman", "insurgent", "guerrilla",
	"jihadist", "gunman", "fighter", "terrorist", "extremist")

// personVerbs after "given name + word" make it a person's name
// ("Nicolás Maduro rejected the report").
var personVerbs = set("rejected", "denied", "accused", "warned", "urged", "insisted",
	"met", "visited", "resigned", "promised", "vowed", "pledged", "criticised",
	"criticized", "dismissed", "praised", "condemned", "welcomed", "signed", "thanked")

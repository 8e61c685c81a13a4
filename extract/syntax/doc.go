// Package syntax is the extractor's part-of-speech tagger, lemmatiser and
// labelled dependency parser, in pure Go, trained on Universal
// Dependencies English-EWT (UD v2 labels; Penn Treebank XPOS).
//
//	p, err := syntax.Load()                  // the embedded model, loaded once
//	s := p.Parse([]string{"Rockets", "were", "fired", "."})
//	s.Words[0].Deprel                        // "nsubj:pass", head s.Words[0].Head == 3
//
// A Parser is read-only and safe for concurrent use. Parse and ParseInto
// are deterministic: the same words give the same analysis.
//
// # Models
//
//   - Tagger: greedy left to right, an averaged perceptron over hashed
//     features (the word, its suffixes, prefixes and shape, the words two
//     either side, their tag ambiguity classes, the two previous tags,
//     whether the sentence is a capitalised heading, the parts of speech
//     a lexicon (WordNet's) gives the word and the next, and conjunctions
//     of these) choosing a joint class "UPOS XPOS" (102 classes in EWT).
//     Sentences tagged in another tagset may leave the choice between
//     classes open ("PART|ADP:IN" for a Penn "to"): the tagger learns the
//     one it scores highest.
//   - Lemmatiser: a lexicon of the forms seen in training, WordNet's
//     irregular forms, for unseen verb forms the regular endings tried
//     against WordNet's verbs, and else per tag class the edit (cut k
//     letters, append a string) of the longest word ending seen three
//     times in training.
//   - Parser: arc-hybrid transitions (shift, left-arc, right-arc, each arc
//     with its label) chosen greedily by an averaged perceptron over
//     hashed features of the stack, the buffer and the arcs built so far
//     (words, tags, labels, valency, distance; Zhang and Nivre 2011; and
//     the words' ambiguity classes and suffixes, which soften tag errors),
//     trained with a dynamic oracle and exploration (Goldberg and Nivre
//     2013) on tags from a jackknifed tagger, as it meets them at run
//     time. Non-projective training trees are lifted. The extractor's
//     sentence splitter joins some of the treebank's sentences (web text
//     starting in lower case or without a stop); trained on them with
//     their roots kept, the parser is multi-rooted: the root may take a
//     dependent while words are left, which ends a sentence, so a parse
//     is a row of trees, one per sentence it finds (Sentence.Spans).
//     A model trained on single sentences takes its root's one dependent
//     last and gives one tree.
//
// The tagger and the parser may each be an ensemble: models trained with
// their own seeds whose weights are averaged, one linear model scoring as
// the mean of theirs. Weights are quantized to 16 bits and stored
// sparsely: an open-addressing table from feature hash to the classes it
// scores.
//
// # Training and evaluation
//
// scripts/train-parser trains a model (deterministically) from CoNLL-U
// files; scripts/eval-parser scores it from raw text against a CoNLL-U
// file, words aligned by character spans as in the CoNLL 2018 shared
// task. See extract/data/SOURCES.md for the data and its licence, and
// extract.Extractor.Parse for the words of an analysed document.
package syntax

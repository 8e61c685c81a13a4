package extract

import "github.com/newsgraph/newsgraph/extract/ner"

// loadModel loads the embedded NER model, or returns nil when none ships.
func loadModel() (*ner.Model, error) {
	b, err := dataFS.ReadFile("data/ner.model.gz")
	if err != nil {
		return nil, nil
	}
	return ner.Load(b)
}

// runTagger returns the tagger's spans.
func (x *Extractor) runTagger(d *Doc) []span { return nil }

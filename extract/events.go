package extract

import "github.com/newsgraph/newsgraph"

// events adds meetings, travel together and strikes to f from the document
// model. The event layer (extract/events*.go) fills it in; for now it adds
// nothing.
func (x *Extractor) events(d *Doc, f *newsgraph.Facts) {}

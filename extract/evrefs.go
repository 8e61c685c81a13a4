package extract

// Person references that are not names ("he", "the minister", "the two
// leaders") become arguments through the coreference stage (Doc.Refs):
// a resolved singular ref stands for its person, a resolved plural for
// each of its persons.

// personRefsIn counts the resolved person references of sentence s.
func (c *evCtx) personRefsIn(s int) int {
	n := 0
	for _, r := range c.d.Refs {
		if r.Sent == s && (r.Person >= 0 && !c.d.Persons[r.Person].Dropped || len(r.Persons) >= 2) {
			n++
		}
	}
	return n
}

// personRefArgs returns the resolved person references of a parsed
// sentence as arguments.
func (c *evCtx) personRefArgs(ss *synSent) []evArg {
	var out []evArg
	for _, r := range c.d.Refs {
		if r.Sent != ss.sent {
			continue
		}
		h := ss.spanHead(r.Tok0, r.Tok1)
		if h < 0 {
			continue
		}
		if r.Person >= 0 {
			if c.d.Persons[r.Person].Dropped {
				continue
			}
			kind := r.Kind
			if kind == RefRelative {
				kind = "name" // "who" stands where its name would
			}
			out = append(out, evArg{word: h, tok0: r.Tok0, tok1: r.Tok1, kind: kind, person: r.Person})
			continue
		}
		for _, p := range r.Persons {
			if c.d.Persons[p].Dropped {
				continue
			}
			out = append(out, evArg{word: h, tok0: r.Tok0, tok1: r.Tok1, kind: RefPlural, person: p})
		}
	}
	return out
}

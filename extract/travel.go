package extract

import "github.com/newsgraph/newsgraph"

var (
	// travelVerbs move a person somewhere ("X and Y flew to", "travelled with").
	travelVerbs = set("arrived", "arrive", "arrives", "arriving", "travelled", "traveled", "travel",
		"travels", "travelling", "traveling", "flew", "fly", "flies", "flying", "went", "go", "goes",
		"came", "come", "comes", "visited", "visit", "visits", "visiting", "toured", "tour",
		"tours", "touring", "landed", "lands", "headed", "heads", "journeyed", "trip", "journey",
		"returned", "returning", "departed", "left", "delegation")
	// travelNear are the words that make "along with", "alongside",
	// "together with" and "joined by" travel rather than company in general.
	travelWith = set("alongside", "accompanied", "accompanying", "along", "together", "joined")
)

// travels finds persons who travelled together, one entry per pair.
func (c *evCtx) travels() []newsgraph.Travel {
	var out []newsgraph.Travel
	seen := map[[2]int]bool{}
	emit := func(si int, parts []int, to, rule string, conf float64) {
		for i := 0; i < len(parts); i++ {
			for k := i + 1; k < len(parts); k++ {
				a, b := parts[i], parts[k]
				if a == b {
					continue
				}
				key := [2]int{min(a, b), max(a, b)}
				if seen[key] {
					continue
				}
				seen[key] = true
				tr := newsgraph.Travel{A: c.d.Persons[a].Name, B: c.d.Persons[b].Name, To: to, Evidence: c.sentText(si)}
				tr.Rule, tr.Confidence = rule, conf
				out = append(out, tr)
			}
		}
	}
	for si, s := range c.d.Sentences {
		moving := false
		beIn := false
		for k := s.Tok0; k < s.Tok1; k++ {
			w := c.lw(k)
			if travelVerbs[w] {
				moving = true
			}
			if (w == "was" || w == "were" || w == "is" || w == "are") && c.lw(k+1) == "in" {
				beIn = true
			}
		}
		for t := s.Tok0; t < s.Tok1; t++ {
			if c.d.Tokens[t].Skip || c.d.Tokens[t].Ment >= 0 {
				continue
			}
			w := c.lw(t)
			j := -1
			rule := ""
			switch {
			case w == "alongside":
				j, rule = t+1, "travel:alongside"
			case (w == "accompanied" || w == "joined") && c.lw(t+1) == "by":
				j, rule = t+2, "travel:"+w+"-by"
			case w == "joined" && c.byWithin(t+2, s.Tok1, 6) > 0:
				// "was joined in the Ukrainian capital by X"
				j, rule = c.byWithin(t+2, s.Tok1, 6)+1, "travel:joined-by"
			case w == "accompanying" || w == "accompany" || w == "accompanies":
				j, rule = t+1, "travel:accompany"
			case (w == "along" || w == "together") && c.lw(t+1) == "with":
				j, rule = t+2, "travel:"+w+"-with"
			case travelVerbs[w] && c.lw(t+1) == "with":
				j, rule = t+2, "travel:verb-with"
			}
			if j >= 0 && rule != "travel:accompanied-by" && rule != "travel:accompany" && rule != "travel:joined-by" && !moving && !beIn {
				continue
			}
			lim0 := c.clauseStart(t)
			if j < 0 {
				// "X and Y flew to Z"
				if !travelVerbs[w] || w == "trip" || w == "journey" || w == "delegation" || w == "visit" {
					continue
				}
				k := t - 1
				for k >= lim0 && auxWords[c.lw(k)] && c.personAt(k) < 0 {
					k--
				}
				subj, _ := c.subjectAt(k, lim0)
				if len(subj) < 2 {
					continue
				}
				if st := c.modality(k+1, t, s.Tok1); st == "negated" || st == "hypothetical" {
					continue
				}
				emit(si, subj, c.destination(si, t), "travel:coordinated-subject", 0.8)
				continue
			}
			g := c.groupRight(j, s.Tok1)
			if len(g.members) == 0 {
				continue
			}
			k := t - 1
			for k >= lim0 && (auxWords[c.lw(k)] || c.lw(k) == ",") && c.personAt(k) < 0 {
				k--
			}
			subj, how := c.subjectAt(k, lim0)
			if subj == nil {
				subj, how = c.nearestLeft(t, lim0, g.members)
			}
			if subj == nil {
				subj, how = c.clauseSubject(lim0, t)
			}
			if subj == nil {
				continue
			}
			if st := c.modality(max(lim0, t-6), t, s.Tok1); st == "negated" || st == "hypothetical" {
				continue
			}
			parts := append([]int{}, subj...)
			for _, p := range g.members {
				if !contains(parts, p) {
					parts = append(parts, p)
				}
			}
			conf := 0.85
			if how != "name" {
				conf = 0.7
			}
			emit(si, parts, c.destination(si, t), rule+":"+how, conf)
		}
	}
	return out
}

// byWithin returns the index of "by" within n tokens from a, or -1.
func (c *evCtx) byWithin(a, b, n int) int {
	for k := a; k < b && k < a+n; k++ {
		if c.lw(k) == "by" {
			return k
		}
		if c.personAt(k) >= 0 || c.lw(k) == "," {
			return -1
		}
	}
	return -1
}

// destination finds where the travel of sentence si went: "to/in/at
// <place>", "the French capital".
func (c *evCtx) destination(si, t int) string {
	s := c.d.Sentences[si]
	if p := c.placeAfterPrep(s.Tok0, s.Tok1, set("to", "in", "into", "at")); p != "" {
		return p
	}
	return ""
}

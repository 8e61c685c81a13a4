package extract

import "github.com/newsgraph/newsgraph"

func (c *evCtx) strikes() []newsgraph.Strike { return nil }

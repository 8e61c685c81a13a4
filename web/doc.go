// Package web fetches news from the web for newsgraph: feeds (RSS, Atom,
// RDF, JSON Feed) and article pages, parsed by the readers of package
// ingest.
//
// A Client is polite and defensive: a User-Agent naming newsgraph and its
// version, one request at a time per host with a pause between requests,
// robots.txt obeyed for article pages, timeouts on connecting and on the
// whole request, a size limit on the (gzip-decoded) body, and a limit on
// redirects that also catches loops.
//
// A Follower turns a URL into articles. A feed gives one article per item;
// an item whose feed text is only a summary is completed from its page, and
// the article's identity is the page's URL (after redirects, without
// fragment). Given the URL's state from the last poll
// (newsgraph.FeedState), the request is conditional (ETag,
// Last-Modified), items already loaded are not fetched again, and a URL
// that keeps failing is retried with exponential backoff. A failed feed or
// page is reported as an *ingest.InputError and the rest goes on.
package web

package newsgraph

import "time"

// FeedState is what newsgraph remembers of a followed URL (a feed, or a
// page) between two polls, so that an unchanged feed costs one conditional
// request and an item already loaded is not fetched again. It is kept with
// the graph it describes.
type FeedState struct {
	// URL is the feed as the user gave it.
	URL string
	// Title is the feed's title at the last successful poll.
	Title string
	// ETag and LastModified are the validators of the last complete poll
	// (empty after a poll that left some item unloaded, so that the next
	// poll fetches the feed again and retries it).
	ETag         string
	LastModified string
	// Items maps the key of each item the feed listed at the last
	// successful poll (its GUID, else its link) to what was loaded from it.
	Items map[string]FeedItem
	// CheckedAt is when the URL was last polled.
	CheckedAt time.Time
	// Failures counts the polls in a row that failed; RetryAt is the
	// earliest time of the next try (backoff), LastError why the last failed.
	Failures  int
	RetryAt   time.Time
	LastError string
}

// FeedItem is what was loaded from one item of a feed.
type FeedItem struct {
	// Fingerprint is a hash of the item as the feed gives it (title, text,
	// link, date): a different fingerprint means the item changed.
	Fingerprint string
	// Article is the ID of the article loaded from the item.
	Article string
}

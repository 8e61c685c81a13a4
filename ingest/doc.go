// Package ingest reads news articles from files, folders, feeds and stdin
// and turns them into newsgraph.Article values, rejecting bad input with
// an *InputError that names the file (and the item) and the reason.
//
// # Walking
//
// Reader.Read takes paths in the order given. A folder is read
// recursively, its entries sorted by name, so the order of articles is
// deterministic. Hidden files and folders (".name") are skipped, and so
// are files that are obviously not articles (images, archives, audio and
// video, fonts, executables, .css and .js); symbolic links to files are
// followed, links to folders are not. A file named explicitly is always
// read. The path "-" reads standard input; its articles and errors carry
// the path "stdin".
//
// # Formats
//
// The format comes from the file extension; an unknown extension (and
// stdin) is sniffed from the content: '[' or '{' is JSON (or JSON Lines),
// an XML document whose root is <rss>, <feed> or <rdf:RDF> is a feed, other
// markup is HTML, anything else plain text.
//
//   - .txt, .text, no extension: plain text. Title is the first non-empty
//     line; Text is the file content exactly as read (CRLF line ends kept;
//     only a UTF-8 byte order mark is removed), so that mention offsets
//     count into the file as it is.
//   - .md, .markdown: as plain text; the title loses its leading '#'s and
//     a YAML front matter block is skipped when looking for it.
//   - .json: one object or an array of objects (or a JSON Feed). .jsonl,
//     .ndjson: one object per line (blank lines skipped), read line by line
//     so the file may be of any size; stdin is read the same way when its
//     first line is a JSON object followed by more. A .json file that is
//     not one JSON value but whose first line is an object is read as JSON
//     Lines.
//     Field names are matched case-insensitively: id (or guid), title (or
//     headline), text, body or content (then description or summary), url
//     or link, published, date or pubDate, source (a string, or an object
//     with a name). Text is title + "\n\n" + body when both are present
//     (the body alone when it already starts with the title); mention
//     offsets of JSON articles count into that Text.
//   - .html, .htm: the main text through go-readability, converted to plain
//     text (the whole body's text when readability finds no main content);
//     Title from the page metadata or <title>; Published from the meta tags
//     (article:published_time, date, DC dates, …) or readability's JSON-LD;
//     URL from <link rel=canonical> or og:url; Source from og:site_name.
//     Text is title + "\n\n" + main text as for JSON.
//   - .xml, .rss, .atom, .rdf: an RSS, Atom, RDF or JSON feed, read with
//     gofeed; one article per item. Text is the item title + "\n\n" + its
//     content (or description), HTML converted to plain text; Published is
//     the item's date; Source is the feed's title.
//
// # IDs
//
// A text, Markdown, HTML or single-object JSON file: the file name without
// its extension ("articles/017.txt" gives "017"); stdin gives "stdin".
// A JSON object: its id, else its url, else the file stem and its number,
// "<stem>-<n>" (n is the 1-based item of an array or line of a JSON Lines
// file). A feed item: its GUID, else its link, else "<stem>-<n>".
// IDs are not made unique across files: the same name in two folders
// gives the same ID.
//
// # Dates
//
// Published is YYYY-MM-DD or "". NormalizeDate understands RFC 3339 / ISO
// 8601, the RFC 1123/822 forms of RSS, "2006-01-02", "January 2, 2006",
// "2 Jan 2006" and similar English forms; it never guesses between
// month-first and day-first numeric dates.
//
// # Limits and rejections
//
// Every input must be UTF-8 text (an HTML page or an XML feed may declare
// another charset, which is then decoded); Latin-1/Windows-1252 files are rejected
// as broken UTF-8 with the offset of the first bad byte. A file larger than
// Reader.MaxBytes (default 20 MiB) is rejected from its size without being
// read; for JSON Lines the limit applies to each line instead, and a JSON
// Lines input whose first 20 lines are all not JSON objects is rejected as
// a whole (one error, not one a line). Empty files, binary files (NUL bytes or mostly control
// characters), PDF, zip and UTF-16 files, malformed JSON, feeds and HTML
// without text, and articles without text are each rejected with one
// *InputError; for JSON arrays, JSON Lines and feeds one bad item is
// rejected alone and the others are read. InputError wraps one of ErrEmpty,
// ErrBinary, ErrEncoding, ErrTooLarge, ErrMalformed, ErrNoText,
// ErrUnsupported, or a file system error (fs.ErrNotExist,
// fs.ErrPermission), for errors.Is.
package ingest

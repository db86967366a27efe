package output

// File is one generated file of the output that is not a page: a feed, a
// calendar, a search index shard, the sitemap.
type File struct {
	Path string // slash path under the destination, "events/carers-cafe/event.ics"
	Data []byte
	// Minimal is set on a file already as small as minifying would make
	// it (JSON of strings only, with no spaces), which is written as it
	// is: minifying the 50 MB search index of a site of 100,000 pages
	// changed nothing.
	Minimal bool
}

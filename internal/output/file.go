package output

// File is one generated file of the output that is not a page: a feed, a
// calendar, a search index shard, the sitemap.
type File struct {
	Path string // slash path under the destination, "events/carers-cafe/event.ics"
	Data []byte
}

package search

import (
	"sort"

	"github.com/engage-ssg/engage/internal/output"
	"github.com/engage-ssg/engage/internal/site"
)

// Index builds the search index of s, for the tests: Write's files, in
// path order.
func Index(s *site.Site) ([]output.File, error) {
	var files []output.File
	err := Write(s, func(f output.File) error {
		files = append(files, f)
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

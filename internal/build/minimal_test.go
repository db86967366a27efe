package build

import (
	"bytes"
	"context"
	"testing"
)

// TestMinimalFilesNeedNoMinifying checks that every generated file marked
// Minimal, which a build writes without minifying, is what minifying it
// would give: the search index of the stage benchmarks' site of 2,000
// generated pages, whose titles and summaries hold quotes, ampersands
// and non-ASCII letters.
func TestMinimalFilesNeedNoMinifying(t *testing.T) {
	stageSite(t)
	files, err := Generated(context.Background(), stage.plan, stage.r)
	if err != nil {
		t.Fatal(err)
	}
	minimal := 0
	for _, f := range files {
		if !f.Minimal {
			continue
		}
		minimal++
		mt := mediaType(f.Path)
		if mt == "" {
			t.Errorf("%s is marked minimal, but is not a file a build minifies", f.Path)
			continue
		}
		got, err := stage.r.Minify(mt, bytes.Clone(f.Data))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, f.Data) {
			t.Errorf("%s is marked minimal, but minifying changes it", f.Path)
		}
	}
	if minimal < 2 {
		t.Errorf("%d files marked minimal; want the search index's documents and words", minimal)
	}
}

package render

import (
	"errors"
	"io/fs"
	"sort"
)

// Layers looks files up in a site's own folder first, then in the theme
// embedded in the binary, so that a site overrides the theme file by file.
type Layers struct {
	Site  fs.FS // the site's layouts/ or assets/ folder; nil when it has none
	Theme fs.FS // the embedded theme's folder
}

// Open opens name from the first layer that has it.
func (l Layers) Open(name string) (fs.File, error) {
	if l.Site != nil {
		f, err := l.Site.Open(name)
		if err == nil {
			return f, nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return nil, err
		}
	}
	return l.Theme.Open(name)
}

// FromSite reports whether name comes from the site rather than the theme.
func (l Layers) FromSite(name string) bool {
	if l.Site == nil {
		return false
	}
	_, err := fs.Stat(l.Site, name)
	return err == nil
}

// fromTheme reports whether name is the theme's: the theme has it and
// the site does not.
func (l Layers) fromTheme(name string) bool {
	if l.Theme == nil || l.FromSite(name) {
		return false
	}
	_, err := fs.Stat(l.Theme, name)
	return err == nil
}

// Files lists every regular file in either layer, sorted, without repeats.
func (l Layers) Files() ([]string, error) {
	seen := map[string]bool{}
	for _, fsys := range []fs.FS{l.Site, l.Theme} {
		if fsys == nil {
			continue
		}
		err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if errors.Is(err, fs.ErrNotExist) {
					return fs.SkipAll
				}
				return err
			}
			if d.IsDir() {
				if p != "." && d.Name()[0] == '.' {
					return fs.SkipDir
				}
				return nil
			}
			if d.Name()[0] != '.' {
				seen[p] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]string, 0, len(seen))
	for p := range seen {
		out = append(out, p)
	}
	sort.Strings(out)
	return out, nil
}

// Package engage holds the default theme: the layouts/ and assets/ folders
// at the root of the repository, which are also the demo site's own, are
// embedded into the binary so that a site with only content/ and site.yaml
// builds with the default look. The command itself is cmd/engage; the
// pipeline is under internal/.
package engage

import "embed"

// Theme holds layouts/ and assets/. The all: prefix keeps folders such as
// layouts/_default, which embed would otherwise skip.
//
//go:embed all:layouts all:assets
var Theme embed.FS

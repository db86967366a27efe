//go:build !linux

package sysfile

import (
	"io/fs"
	"os"
)

// WriteFile writes data to the named file, creating it with perm (before
// the umask) or truncating it: os.WriteFile.
func WriteFile(name string, data []byte, perm fs.FileMode) error {
	return os.WriteFile(name, data, perm)
}

// fast is false: DirFS reads with os.DirFS.
const fast = false

func readFile(name string, _ []byte) ([]byte, error) { return os.ReadFile(name) }

//go:build !linux

package output

import (
	"errors"
	"os"
)

// swap puts staging at dest, returning the path of the old output to remove.
func swap(staging, dest string) (string, error) {
	if _, err := os.Lstat(dest); errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(staging, dest)
	}
	return swapByRename(staging, dest)
}

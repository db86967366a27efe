//go:build linux

package output

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts staging at dest. When dest exists, the two are exchanged in one
// atomic rename, so a reader never sees a half-written or missing site; it
// returns the path that now holds the old output, to remove.
func swap(staging, dest string) (string, error) {
	info, err := os.Lstat(dest)
	if errors.Is(err, os.ErrNotExist) {
		return "", os.Rename(staging, dest)
	}
	if err != nil {
		return "", err
	}
	if !info.IsDir() {
		return "", errors.New("it is a file, not a folder")
	}
	if err := unix.Renameat2(unix.AT_FDCWD, staging, unix.AT_FDCWD, dest, unix.RENAME_EXCHANGE); err == nil {
		return staging, nil
	}
	return swapByRename(staging, dest)
}

package output

import "os"

// swapByRename moves the old output aside, then the new one in. Between the
// two renames dest briefly does not exist; the old output is kept until the
// second rename succeeds.
func swapByRename(staging, dest string) (string, error) {
	old := staging + ".old"
	if err := os.Rename(dest, old); err != nil {
		return "", err
	}
	if err := os.Rename(staging, dest); err != nil {
		_ = os.Rename(old, dest)
		return "", err
	}
	return old, nil
}

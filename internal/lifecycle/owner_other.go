//go:build !unix

package lifecycle

import (
	"fmt"
	"os"
)

// ownedPrivateDir checks that dir is a real directory; ownership is the platform's
// business here.
func ownedPrivateDir(dir string) error {
	fi, err := os.Lstat(dir)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return fmt.Errorf("not a directory")
	}
	return nil
}

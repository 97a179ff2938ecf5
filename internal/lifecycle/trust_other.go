//go:build !unix

package lifecycle

import "os"

// OpenTrusted opens the file at path for reading if it is a regular file; ownership
// is the platform's business here.
func OpenTrusted(path string) (*os.File, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		_ = f.Close()
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		_ = f.Close()
		return nil, &UntrustedError{Path: path, Reason: "not a regular file"}
	}
	return f, nil
}

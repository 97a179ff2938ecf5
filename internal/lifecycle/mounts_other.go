//go:build !linux

package lifecycle

// bindMounted cannot tell outside Linux; containers run Linux anyway.
func bindMounted(string) bool { return false }

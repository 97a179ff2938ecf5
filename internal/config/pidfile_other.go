//go:build !unix

package config

// writableDir cannot ask this platform cheaply; the server reports a PID file it
// cannot write when it gets to writing it.
func writableDir(string) error { return nil }

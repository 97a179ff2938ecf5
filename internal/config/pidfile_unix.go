//go:build unix

package config

import "syscall"

// writableDir asks the kernel whether this user may create files in dir: write and
// search permission, on a file system mounted writable.
func writableDir(dir string) error {
	const wOK, xOK = 0x2, 0x1
	return syscall.Access(dir, wOK|xOK)
}

package lifecycle

import (
	"bufio"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// bindMounted reports whether path lies on a bind mount or volume: the deepest mount
// holding it shows only part of its file system (its root is not "/"), as Docker's
// bind mounts and named volumes do, while a whole-disk mount such as /home does not.
func bindMounted(path string) bool {
	abs, err := filepath.Abs(path)
	if err != nil {
		return false
	}
	if resolved, err := filepath.EvalSymlinks(abs); err == nil {
		abs = resolved
	}
	f, err := os.Open("/proc/self/mountinfo")
	if err != nil {
		return false
	}
	defer f.Close()
	return bindMountedIn(bufio.NewScanner(f), abs)
}

// bindMountedIn reads mountinfo lines; fields 4 and 5 are the mount's root within its
// file system and its mount point, with spaces and the like escaped in octal.
func bindMountedIn(sc *bufio.Scanner, abs string) bool {
	best, bestRoot := "", "/"
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) < 5 {
			continue
		}
		root, point := unescapeMount(fields[3]), unescapeMount(fields[4])
		if !within(abs, point) || len(point) < len(best) {
			continue
		}
		best, bestRoot = point, root
	}
	return best != "" && best != "/" && bestRoot != "/"
}

func within(path, dir string) bool {
	if dir == "/" {
		return true
	}
	return path == dir || strings.HasPrefix(path, dir+"/")
}

// unescapeMount undoes the \ooo escapes of mountinfo.
func unescapeMount(s string) string {
	if !strings.Contains(s, `\`) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+3 < len(s) {
			if n, err := strconv.ParseUint(s[i+1:i+4], 8, 8); err == nil {
				b.WriteByte(byte(n))
				i += 3
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

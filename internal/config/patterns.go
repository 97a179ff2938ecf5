package config

import (
	"path"
	"strings"
)

// MatchToolPattern reports whether a tool name matches a shell-style pattern: `*` any
// run of characters, `?` one character, `[abc]`, `[a-z]` and `[!abc]` character classes.
// The syntax is the one Python's fnmatch uses, so pattern lists carry over unchanged.
func MatchToolPattern(pattern, name string) bool {
	ok, err := path.Match(goPattern(pattern), name)
	return err == nil && ok
}

// validPattern reports whether pattern is well formed.
func validPattern(pattern string) bool {
	_, err := path.Match(goPattern(pattern), "")
	return err == nil
}

// goPattern turns fnmatch's negated class `[!...]` into Go's `[^...]`.
func goPattern(p string) string {
	return strings.ReplaceAll(p, "[!", "[^")
}

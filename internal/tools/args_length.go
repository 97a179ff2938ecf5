package tools

import (
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// MaxStringArgument is the longest text, in characters, accepted anywhere in an
// argument: a parameter's value, a list item, or a string nested in an object. No
// tenant field holds more, so a longer one is a mistake; sent on, a create could succeed
// with a result too long to return, and the agent would not learn the new object's id.
const MaxStringArgument = 65536

// checkLength refuses v when a string in it, at any depth, is longer than
// MaxStringArgument. The message gives the length, never the text.
func checkLength(name string, v any) error {
	if n := longestString(v); n > MaxStringArgument {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q holds a text of %d characters; at most %d are accepted",
			name, n, MaxStringArgument)
	}
	return nil
}

// longestString returns the length in characters of the longest string in v.
func longestString(v any) int {
	switch t := v.(type) {
	case string:
		return utf8.RuneCountInString(t)
	case []any:
		longest := 0
		for _, e := range t {
			longest = max(longest, longestString(e))
		}
		return longest
	case map[string]any:
		longest := 0
		for k, e := range t {
			longest = max(longest, longestString(k), longestString(e))
		}
		return longest
	}
	return 0
}

package server

import (
	"fmt"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
)

// maxQueryString is the longest string a query function may build, in bytes. Nested,
// pad_left, replace and join could otherwise grow a string without bound.
const maxQueryString = 1 << 20

// queryFunctions are JMESPath's functions, those that build strings bounded by
// maxQueryString.
var queryFunctions = interpreter.NewFunctionCaller(boundedFunctions()...)

func boundedFunctions() []functions.FunctionEntry {
	all := functions.GetDefaultFunctions()
	for i, f := range all {
		var size func(args []any) int
		switch f.Name {
		case "pad_left", "pad_right":
			size = func(args []any) int {
				width, _ := args[1].(float64)
				if width > maxQueryString {
					return maxQueryString + 1
				}
				return int(width)
			}
		case "replace":
			size = replacedSize
		case "join":
			size = joinedSize
		default:
			continue
		}
		inner := f.Handler
		all[i].Handler = func(args []any) (any, error) {
			if n := size(args); n > maxQueryString {
				return nil, fmt.Errorf("%s would build a string of %d bytes; at most %d "+
					"are allowed", f.Name, n, maxQueryString)
			}
			return inner(args)
		}
	}
	return all
}

// replacedSize is the length of replace(subject, old, new) at most: every occurrence
// (every position, for an empty old) becomes new.
func replacedSize(args []any) int {
	subject, _ := args[0].(string)
	old, _ := args[1].(string)
	repl, _ := args[2].(string)
	n := len(subject) + 1
	if old != "" {
		n = strings.Count(subject, old)
	}
	return len(subject) + n*len(repl)
}

// joinedSize is the length of join(glue, items).
func joinedSize(args []any) int {
	glue, _ := args[0].(string)
	items, _ := args[1].([]any)
	n := len(glue) * max(len(items)-1, 0)
	for _, it := range items {
		s, _ := it.(string)
		n += len(s)
	}
	return n
}

package server

import (
	"fmt"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
)

const (
	// maxQueryString is the longest string one function call may build, in bytes.
	// Nested, pad_left, replace and join could otherwise grow a string without bound.
	maxQueryString = 1 << 20
	// maxQueryBuilt bounds what all the function calls of one query run may build
	// together, in bytes of text (strings, and the JSON of what to_string encodes) and
	// list and object slots: a bound per call alone lets a projection repeat a 1 MiB
	// string once per record, and to_string([to_string([...])]) double its text at
	// each level.
	maxQueryBuilt = 64 << 20
	// slotBytes is what one entry of a list or object a function builds is charged.
	slotBytes = 16
)

// queryBudget is what the function calls of one query run may still build.
type queryBudget struct {
	left int
}

// errQueryTooLarge is the error of a query run that used up its budget.
var errQueryTooLarge = fmt.Errorf("the expression builds more than %d MiB of strings and "+
	"lists; keep fewer records or fields before building strings", maxQueryBuilt>>20)

// charge takes n bytes from the budget, failing once it is spent.
func (b *queryBudget) charge(n int) error {
	b.left -= n
	if b.left < 0 {
		return errQueryTooLarge
	}
	return nil
}

// functionsFor returns JMESPath's functions, charging what each builds to b: every
// result once built, and beforehand the size of what could be too large to build at
// all.
func functionsFor(b *queryBudget) interpreter.FunctionCaller {
	all := functions.GetDefaultFunctions()
	for i, f := range all {
		size := sizeBefore(f.Name)
		inner := f.Handler
		all[i].Handler = func(args []any) (any, error) {
			if size != nil {
				n, err := size(args, b.left)
				if err != nil {
					return nil, fmt.Errorf("%s %w", f.Name, err)
				}
				if n > b.left {
					return nil, errQueryTooLarge
				}
			}
			out, err := inner(args)
			if err != nil {
				return nil, err
			}
			if err := b.charge(shallowSize(out)); err != nil {
				return nil, err
			}
			return out, nil
		}
	}
	return interpreter.NewFunctionCaller(all...)
}

// sizeBefore returns, for the functions whose result can be far larger than their
// arguments, how many bytes a call would build; nil for the others. left is the budget
// remaining: a size beyond it need not be exact.
func sizeBefore(name string) func(args []any, left int) (int, error) {
	perCall := func(n int) (int, error) {
		if n > maxQueryString {
			return 0, fmt.Errorf("would build a string of %d bytes; at most %d are allowed",
				n, maxQueryString)
		}
		return n, nil
	}
	switch name {
	case "pad_left", "pad_right":
		return func(args []any, _ int) (int, error) {
			width, _ := args[1].(float64)
			if width > maxQueryString {
				return perCall(maxQueryString + 1)
			}
			return perCall(int(width))
		}
	case "replace":
		return func(args []any, _ int) (int, error) { return perCall(replacedSize(args)) }
	case "join":
		return func(args []any, _ int) (int, error) { return perCall(joinedSize(args)) }
	case "split":
		return func(args []any, _ int) (int, error) {
			s, _ := args[0].(string)
			sep, _ := args[1].(string)
			parts := len(s) + 1
			if sep != "" {
				parts = strings.Count(s, sep) + 1
			}
			return parts * slotBytes, nil
		}
	case "to_string":
		return func(args []any, left int) (int, error) {
			if _, ok := args[0].(string); ok {
				return 0, nil // returned as it is
			}
			n, _ := jsonSizeAtMost(args[0], max(left, 0))
			return n, nil
		}
	}
	return nil
}

// shallowSize is what a function's result is charged: its text, or its slots.
func shallowSize(v any) int {
	switch t := v.(type) {
	case string:
		return len(t)
	case []any:
		return slotBytes * len(t)
	case map[string]any:
		return slotBytes * len(t)
	}
	return 0
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

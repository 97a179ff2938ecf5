package query

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/functions"
	"github.com/jmespath-community/go-jmespath/pkg/interpreter"

	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
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

// queryRun is what the function calls and guards of one query run share: the context
// whose end stops the run, what they may still build and how many steps they may
// still take, and the number view.
type queryRun struct {
	ctx context.Context
	// left is what the run may still build, in bytes (see maxQueryBuilt).
	left int
	// stepsTaken counts the guarded evaluations and the values visited by work that
	// visits each (see maxQuerySteps).
	stepsTaken int
	numbers    *numberView
	// refused is the first refusal of a function call or guard. The interpreter drops
	// the errors raised beneath a flatten ([]) and goes on with null, so the run's
	// result is checked against it rather than trusted.
	refused error
}

// refuse records err as the run's refusal, unless one came first, and returns it.
func (r *queryRun) refuse(err error) error {
	if r.refused == nil {
		r.refused = err
	}
	return err
}

// errQueryTooLarge is the error of a query run that used up its budget.
var errQueryTooLarge = fmt.Errorf("the expression builds more than %d MiB of strings and "+
	"lists; keep fewer records or fields before building strings", maxQueryBuilt>>20)

// errInexactArithmetic refuses a numeric function given an integer beyond ±2^53.
var errInexactArithmetic = errors.New("computes with an integer beyond 2^53, which it " +
	"cannot keep exact; compare, sort or filter such numbers instead")

// step counts one guarded evaluation, failing once the run's context has ended or its
// steps are used up.
func (r *queryRun) step() error {
	if err := r.ctx.Err(); err != nil {
		return err
	}
	return r.steps(1)
}

// walkSteps counts a step for every value v holds, for work that visits them all
// (a comparison, contains): the steps then bound the time such work takes.
func (r *queryRun) walkSteps(v any) error {
	return r.steps(countAtMost(v, maxQuerySteps-r.stepsTaken))
}

// steps counts n steps, failing once they are used up.
func (r *queryRun) steps(n int) error {
	r.stepsTaken += n
	if r.stepsTaken > maxQuerySteps {
		return r.refuse(errQueryTooLong)
	}
	return nil
}

// charge takes n bytes from the budget, failing once it is spent.
func (r *queryRun) charge(n int) error {
	r.left -= n
	if r.left < 0 {
		return errQueryTooLarge
	}
	return nil
}

// computesNumbers names the functions whose result is a new number computed from
// their arguments.
var computesNumbers = map[string]bool{"abs": true, "avg": true, "ceil": true,
	"floor": true, "sum": true}

// functionsFor returns JMESPath's functions for one run: each stops once the run's
// context has ended, what each builds is charged to the run (every result once built,
// and beforehand the size of what could be too large to build at all), and numbers
// and map orders are kept true (see exactArguments and orderedByKey).
func functionsFor(run *queryRun) interpreter.FunctionCaller {
	all := functions.GetDefaultFunctions()
	for i, f := range all {
		size := sizeBefore(f.Name)
		inner := orderedByKey(f.Name, f.Handler)
		builds := builtBy(f.Name)
		all[i].Handler = func(args []any) (any, error) {
			if err := run.step(); err != nil {
				return nil, err
			}
			// Sized before the arguments are made exact: restoring big numbers copies
			// what holds them, once per reference.
			if size != nil {
				n, err := size(args, run.left)
				if err != nil {
					return nil, run.refuse(fmt.Errorf("%s %w", f.Name, err))
				}
				if n > run.left {
					return nil, run.refuse(errQueryTooLarge)
				}
			}
			if err := run.iterationSteps(f.Name, args); err != nil {
				return nil, err
			}
			args, err := run.exactArguments(f.Name, args)
			if err != nil {
				return nil, run.refuse(err)
			}
			out, err := inner(args)
			if err != nil {
				return nil, err
			}
			if computesNumbers[f.Name] && reachesInexact(out) {
				return nil, run.refuse(fmt.Errorf("%s %w", f.Name, errInexactResult))
			}
			if err := run.charge(builds(out)); err != nil {
				return nil, run.refuse(err)
			}
			return out, nil
		}
	}
	return interpreter.NewFunctionCaller(all...)
}

// iterationSteps counts the steps a function call takes over its arguments: one per
// entry of each list or object it is given (sorting, summing, joining, zipping), and
// for contains, which compares its needle with each entry whole, one per value held.
func (r *queryRun) iterationSteps(name string, args []any) error {
	if name == "contains" && len(args) > 0 {
		return r.walkSteps(args[0])
	}
	n := 0
	for _, a := range args {
		switch t := a.(type) {
		case []any:
			n += len(t)
		case map[string]any:
			n += len(t)
		}
	}
	return r.steps(n)
}

// exactArguments returns the arguments a function is called with, so that no function
// answers with a number that is not the one it was given: to_string writes integers
// beyond 2^53 with their own digits, and the functions that compute numbers, or
// to_number reading such an integer, are refused.
func (r *queryRun) exactArguments(name string, args []any) ([]any, error) {
	switch {
	case name == "to_string":
		restored, err := r.numbers.restore(args[0])
		if err != nil {
			return nil, err
		}
		return []any{restored}, nil
	case name == "to_number":
		// Whatever the spelling (an integer, a fraction, hex), a value beyond 2^53
		// could stand for a neighbour: its float64 may be a big integer's stand-in.
		if s, ok := args[0].(string); ok {
			if f, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil &&
				math.Abs(f) >= maxExactFloat {
				return nil, fmt.Errorf("to_number %w", errInexactArithmetic)
			}
		}
	case computesNumbers[name] && slices.ContainsFunc(args, holdsInexact):
		return nil, fmt.Errorf("%s %w", name, errInexactArithmetic)
	case name == "sort_by":
		// The library sorts the list it is given in place, which would reorder the
		// records for every later reference to them in the same expression.
		if list, ok := args[0].([]any); ok {
			return append([]any{slices.Clone(list)}, args[1:]...), nil
		}
	}
	return args, nil
}

// orderedByKey returns the handler of keys, values and items that lists an object's
// entries in key order, so that the three agree with one another and from call to call
// (zip(keys(@), values(@)) pairs each key with its own value); other handlers are
// returned as they are.
func orderedByKey(name string, h functions.JpFunction) functions.JpFunction {
	entries := func(args []any, entry func(k string, v any) any) (any, error) {
		obj, ok := args[0].(map[string]any)
		if !ok {
			return h(args)
		}
		out := make([]any, 0, len(obj))
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			out = append(out, entry(k, obj[k]))
		}
		return out, nil
	}
	switch name {
	case "keys":
		return func(args []any) (any, error) {
			return entries(args, func(k string, _ any) any { return k })
		}
	case "values":
		return func(args []any) (any, error) {
			return entries(args, func(_ string, v any) any { return v })
		}
	case "items":
		return func(args []any) (any, error) {
			return entries(args, func(k string, v any) any { return []any{k, v} })
		}
	}
	return h
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
			n, _ := jsonsize.AtMost(args[0], max(left, 0))
			return n, nil
		}
	}
	return nil
}

// builtBy returns how a function's result is charged: its text or its slots, and for
// the functions that build a list or object of new lists (group_by copies the records
// into its groups, zip and items make pairs), the slots of those too.
func builtBy(name string) func(v any) int {
	switch name {
	case "group_by", "zip", "items":
		return func(v any) int {
			n := shallowSize(v)
			switch t := v.(type) {
			case []any:
				for _, e := range t {
					n += shallowSize(e)
				}
			case map[string]any:
				for _, e := range t {
					n += shallowSize(e)
				}
			}
			return n
		}
	}
	return shallowSize
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

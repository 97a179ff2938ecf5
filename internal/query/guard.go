package query

import (
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"

	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
	"github.com/jmespath-community/go-jmespath/pkg/parsing"
)

// The JMESPath interpreter offers no hook into its own work: projections, filters,
// flattens, slices and the lists and objects an expression builds allocate and loop
// without calling anything of ours. So before a run the expression's tree is rewritten
// to pass each of those nodes through a guard, a function call of our own that returns
// its argument unchanged after checking the run's context and charging the run's budget
// for what was built. A guard node is a function whose name no expression can spell
// (it holds a space), so an agent can neither call one nor be confused by it.
//
// The guards keep the bound where the work is: a string sliced a million times over,
// nested one-key objects repeated over a split string, or a filter chain over a huge
// text each stop within one node of exceeding the budget, the step count or the
// deadline, instead of exhausting the server.
const (
	// guardBuilt follows a node that builds a list or an object and charges its size.
	guardBuilt = "guard built"
	// guardSliced precedes a slice and charges the copy it is about to make of its
	// input: a string is converted to runes whole, however little the slice keeps.
	guardSliced = "guard sliced"
	// guardStep follows each evaluation of a filter's condition.
	guardStep = "guard step"
	// guardCompared stands for each side of a comparison, which compares lists and
	// objects element by element, and counts a step per value it holds.
	guardCompared = "guard compared"
	// guardNumber follows arithmetic and refuses a result of 2^53 or beyond, which
	// could be the stand-in of a big integer (see numberView) and may have been rounded.
	guardNumber = "guard number"
	// guardOperand stands for each operand of arithmetic and refuses a number beyond
	// 2^53: the stand-in of a big integer, which arithmetic would treat as the number
	// it is not, even where the answer looks small (id % 1000).
	guardOperand = "guard operand"
	// guardValues stands for the object a value projection (x.*) runs over and
	// returns its values in key order, or null for anything else: the interpreter
	// would list them in Go's random map order.
	guardValues = "guard values"

	// maxQuerySteps bounds the guarded evaluations of one run: a filter's condition
	// per element, and every built list, object or slice.
	maxQuerySteps = 5_000_000

	// Bytes a guard charges: a list is a header and a slot per entry; an object
	// somewhat more per entry for its hash table.
	listHeaderBytes  = 24
	objectBaseBytes  = 64
	objectEntryBytes = 32
	runeBytes        = 4
)

// errInexactResult refuses a computed number beyond 2^53.
var errInexactResult = errors.New("computes a number beyond 2^53, which cannot be kept " +
	"exact; compare, sort or filter such numbers instead")

// errInexactOperand refuses arithmetic given a number beyond 2^53.
var errInexactOperand = errors.New("computes with a number beyond 2^53, which arithmetic " +
	"cannot keep exact; compare, sort or filter such numbers instead")

// errQueryTooLong is the error of a run that used up its steps.
var errQueryTooLong = fmt.Errorf("the expression takes more than %d steps (filter tests "+
	"and built lists and objects); keep fewer records or fields first", maxQuerySteps)

// guardAST returns ast with every node that loops or builds passed through a guard.
// The tree is copied; the parsed query is left as it is.
func guardAST(n parsing.ASTNode) parsing.ASTNode {
	if len(n.Children) > 0 {
		kids := make([]parsing.ASTNode, len(n.Children))
		for i, c := range n.Children {
			kids[i] = guardAST(c)
		}
		n.Children = kids
	}

	switch n.NodeType {
	case parsing.ASTIndexExpression:
		// The slice node itself must stay where it is: a projection over a string
		// slice recognises it by its place.
		if len(n.Children) == 2 && n.Children[1].NodeType == parsing.ASTSlice {
			n.Children[0] = guardCall(guardSliced, n.Children[0])
		}
	case parsing.ASTFilterProjection:
		if len(n.Children) == 3 {
			n.Children[2] = guardCall(guardStep, n.Children[2])
		}
		return guardCall(guardBuilt, n)
	case parsing.ASTValueProjection:
		// x.* becomes a projection over x's values in key order; a projection, like
		// a value projection, answers null for what it cannot project over.
		n.NodeType = parsing.ASTProjection
		n.Children[0] = guardCall(guardValues, n.Children[0])
		return guardCall(guardBuilt, n)
	case parsing.ASTMultiSelectList, parsing.ASTMultiSelectHash, parsing.ASTProjection,
		parsing.ASTFlatten:
		return guardCall(guardBuilt, n)
	case parsing.ASTComparator:
		for i, c := range n.Children {
			n.Children[i] = guardCall(guardCompared, c)
		}
	case parsing.ASTArithmeticExpression, parsing.ASTArithmeticUnaryExpression:
		for i, c := range n.Children {
			n.Children[i] = guardCall(guardOperand, c)
		}
		return guardCall(guardNumber, n)
	}
	return n
}

func guardCall(name string, arg parsing.ASTNode) parsing.ASTNode {
	return parsing.ASTNode{NodeType: parsing.ASTFunctionExpression, Value: name,
		Children: []parsing.ASTNode{arg}}
}

// guardedCaller answers the guard calls and passes every other call on.
type guardedCaller struct {
	run   *queryRun
	inner interpreter.FunctionCaller
}

func (g guardedCaller) CallFunction(name string, args []any) (any, error) {
	switch name {
	case guardBuilt, guardSliced, guardStep, guardCompared, guardNumber, guardOperand,
		guardValues:
	default:
		return g.inner.CallFunction(name, args)
	}
	if len(args) != 1 {
		return nil, errors.New("internal guard called with the wrong arguments")
	}
	if err := g.run.step(); err != nil {
		return nil, err
	}
	v := args[0]
	var cost int
	switch name {
	case guardBuilt:
		cost = builtSize(v)
	case guardSliced:
		cost = slicedSize(v)
	case guardCompared:
		if err := g.run.walkSteps(v); err != nil {
			return nil, err
		}
	case guardNumber:
		// Infinities (a division by zero) are left for the result's check, which
		// names them; they stand for no big integer.
		if f, isNum := v.(float64); isNum && !math.IsInf(f, 0) && reachesInexact(f) {
			return nil, g.run.refuse(errInexactResult)
		}
	case guardOperand:
		if f, isNum := v.(float64); isNum && holdsInexact(f) {
			return nil, g.run.refuse(errInexactOperand)
		}
	case guardValues:
		obj, isObj := v.(map[string]any)
		if !isObj {
			return nil, nil
		}
		values := make([]any, 0, len(obj))
		for _, k := range slices.Sorted(maps.Keys(obj)) {
			values = append(values, obj[k])
		}
		v, cost = values, builtSize(values)
	}
	if err := g.run.charge(cost); err != nil {
		return nil, g.run.refuse(err)
	}
	return v, nil
}

// countAtMost counts the values v holds, itself included, stopping once past limit,
// so that the count costs no more than the steps it may still charge.
func countAtMost(v any, limit int) int {
	n := 1
	var walk func(v any)
	walk = func(v any) {
		switch t := v.(type) {
		case []any:
			for _, e := range t {
				if n > limit {
					return
				}
				n++
				walk(e)
			}
		case map[string]any:
			for _, e := range t {
				if n > limit {
					return
				}
				n++
				walk(e)
			}
		}
	}
	walk(v)
	return n
}

// builtSize is what a guard charges for a list or object a node built.
func builtSize(v any) int {
	switch t := v.(type) {
	case []any:
		return listHeaderBytes + slotBytes*len(t)
	case map[string]any:
		return objectBaseBytes + objectEntryBytes*len(t)
	}
	return 0
}

// slicedSize is what slicing v copies before it keeps anything.
func slicedSize(v any) int {
	switch t := v.(type) {
	case string:
		return runeBytes * len(t)
	case []any:
		return slotBytes * len(t)
	}
	return 0
}

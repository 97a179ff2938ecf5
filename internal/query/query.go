package query

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
	"github.com/jmespath-community/go-jmespath/pkg/parsing"

	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// Param is the name of the tool parameter that carries the expression. Every error
// names it, so that the agent knows which argument to change.
const Param = "query"

// Bounds on a query, so that no expression, whoever wrote it, can make the server
// spend unbounded memory: JMESPath can build lists of references to the same data, and
// nested, those multiply.
const (
	// maxQueryLength is the longest expression accepted, in bytes.
	maxQueryLength = 1000
	// maxQueryFanOut bounds the product of the widths of the lists and objects an
	// expression builds (multiselects, literals, zip): how many times over it could
	// repeat the records in its result.
	maxQueryFanOut = 1000
	// maxQueryMessage bounds the parser's message quoted back to the agent.
	maxQueryMessage = 200
	// maxQueryGrowth and maxQueryGrowthSlack bound a query's result, in bytes of JSON:
	// at most that many times the records it ran on, plus the slack (for new field
	// names over few records). The fan-out bound alone still lets an expression repeat
	// the whole list up to maxQueryFanOut times, which the size limit would have to
	// copy, and an unlimited server encode.
	maxQueryGrowth      = 4
	maxQueryGrowthSlack = 1 << 20
	// maxQueryTime bounds one run's wall-clock time, behind the step and size bounds.
	maxQueryTime = 10 * time.Second
)

// Query is a parsed JMESPath expression, ready to run over one call's records. Run
// works on copies of the parsed tree and leaves the Query as Compile made it.
type Query struct {
	expr string
	ast  parsing.ASTNode
	// literals are the exact integers beyond ±2^53 the expression spells out, which
	// the parser has already rounded; see numberView.
	literals []exactInt
	// makesText is whether the query can return strings that are not the records'
	// own: a function's, a slice's or a literal's, which need sanitizing again.
	makesText bool
}

// Compile parses expr before the tool runs, so that a query that cannot work costs no
// call to the API: an expression too long, not valid JMESPath, or one whose result could
// repeat the records without bound is refused here with an InvalidArgument error. An
// empty expression is no query: Compile returns nil and no error.
func Compile(expr string) (*Query, error) {
	if expr == "" {
		return nil, nil
	}
	if len(expr) > maxQueryLength {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"parameter %q is %d bytes long; at most %d are accepted", Param, len(expr),
			maxQueryLength)
	}
	ast, err := parsing.NewParser().Parse(expr)
	if err != nil {
		return nil, queryError("is not a valid JMESPath expression", err)
	}
	if err := checkQueryShape(ast); err != nil {
		return nil, err
	}
	literals, err := exactLiterals(expr)
	if err != nil {
		return nil, err
	}
	return &Query{expr: expr, ast: ast, literals: literals, makesText: makesText(ast)},
		nil
}

// MakesText reports whether the query can return strings that are not the records' own
// (a function's, a slice's, a literal's, or a key it names that sanitization would
// change): a server that sanitized the records must sanitize such a result again.
func (q *Query) MakesText() bool { return q.makesText }

// Run applies the query to records (the sanitized list, or whatever value the tool
// returned) and returns its result with every number as exact as it came in. When ctx
// ends first, the run stops at its next guarded step and returns ctx's error; a run
// that takes longer than maxQueryTime is refused.
//
// envelope and listField are the object around the records and its member that holds
// them, when the tool's result is such an object (a page); they name the fields the
// query cannot see.
func (q *Query) Run(ctx context.Context, records any, envelope map[string]any,
	listField string) (out any, err error) {
	defer func() {
		// The interpreter is third-party code run on the agent's expression; a panic
		// in it is a failed query, not a failed server.
		if p := recover(); p != nil {
			out, err = nil, queryError("could not be evaluated", fmt.Errorf("%v", p))
		}
	}()

	if err := checkQueryFields(q.ast, records, envelope, listField); err != nil {
		return nil, err
	}

	nv := newNumberView()
	view := nv.view(records)
	nv.addLiterals(q.literals)
	nv.assign()
	ast := q.ast
	if len(q.literals) > 0 {
		ast = nv.rewriteLiterals(ast)
	}
	ast = guardAST(ast)

	runCtx, cancel := context.WithTimeout(ctx, maxQueryTime)
	defer cancel()
	run := &queryRun{ctx: runCtx, left: maxQueryBuilt, numbers: nv}
	caller := guardedCaller{run: run, inner: functionsFor(run)}
	res, err := interpreter.NewInterpreter(view, caller, nil).Execute(ast, view)
	if ctxErr := ctx.Err(); ctxErr != nil {
		return nil, ctxErr
	}
	if runCtx.Err() != nil {
		return nil, toolerr.New(toolerr.InvalidArgument, "parameter %q took more than %s "+
			"to evaluate; keep fewer records or fields before the costly part", Param,
			maxQueryTime)
	}
	if run.refused != nil {
		err = run.refused
	}
	if err != nil {
		msg := strings.Join(strings.Fields(err.Error()), " ")
		if hasFilter(q.ast) && wrongType.MatchString(msg) {
			err = fmt.Errorf("%w; inside [?…] @ is each record and $ the whole list, as in "+
				"avg($[].order)", err)
		}
		return nil, queryError("could not be evaluated", err)
	}
	// Checked before restore, which would copy every repetition of a record.
	in := jsonsize.Of(records)
	if _, ok := jsonsize.AtMost(res, maxQueryGrowth*in+maxQueryGrowthSlack); !ok {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"parameter %q yields more than %d times the %d bytes of records it was given; "+
				"repeat fewer records or fields", Param, maxQueryGrowth, in)
	}
	return nv.restore(res)
}

// queryError is the InvalidArgument error for a query the parser or the interpreter
// refused, quoting its message, cut short.
func queryError(what string, err error) error {
	msg := strings.Join(strings.Fields(err.Error()), " ")
	if m := wrongType.FindStringSubmatch(msg); m != nil {
		// The interpreter prints the offending value in Go syntax; name the types only.
		msg = "a function got an argument of the wrong type; it takes " +
			strings.ReplaceAll(m[1], `"`, "") + m[2]
	}
	var syntax parsing.SyntaxError
	if errors.As(err, &syntax) {
		msg = fmt.Sprintf("%s (at character %d)", msg, syntax.Offset+1)
	}
	return toolerr.Wrap(toolerr.InvalidArgument, err, "parameter %q %s: %s", Param, what,
		clip(msg, maxQueryMessage))
}

// hasFilter reports whether n holds a filter, where a mistaken [].field reads the
// record rather than the list.
func hasFilter(n parsing.ASTNode) bool {
	return n.NodeType == parsing.ASTFilterProjection || slices.ContainsFunc(n.Children, hasFilter)
}

// wrongType matches the interpreter's message for a function argument of the wrong
// type.
var wrongType = regexp.MustCompile(
	`^invalid type for: .*, expected: \[\]functions\.JpType\{([^}]*)\}(;.*)?$`)

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// checkQueryShape refuses the expressions whose result could grow without bound: the
// root reference $ and let variables, where their value becomes part of the result,
// reach outside the current record from inside a projection, so each record could
// repeat the whole list; and lists and objects built inside one another multiply the
// records by their widths (see copiesOf).
func checkQueryShape(ast parsing.ASTNode) error {
	copies, err := copiesOf(ast)
	if err != nil {
		return err
	}
	if copies > maxQueryFanOut {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q builds too many lists and objects (more than %d copies of the "+
				"records could result); simplify the expression", Param, maxQueryFanOut)
	}
	return nil
}

// copiesOf bounds how many times over the result of n can hold the value n is applied
// to. Lists and objects built side by side add their entries up ({a: @, b: [@, @]} is
// 3); what one part of an expression makes of another's result multiplies (a pipe, a
// projection, a subexpression: {a: @, b: @} | [@, @, @] is 6). The count saturates
// just past maxQueryFanOut, so that no expression can overflow it.
//
// What only decides or computes (a filter's condition, a comparison, arithmetic, a
// function answering a number, a string or a boolean) adds nothing to the result, so
// it is not counted, and may read $ and let variables: its work is bounded while the
// query runs.
func copiesOf(n parsing.ASTNode) (int, error) {
	const ceiling = maxQueryFanOut + 1
	sum := func(nodes []parsing.ASTNode) (int, error) {
		total := 0
		for _, c := range nodes {
			k, err := copiesOf(c)
			if err != nil {
				return 0, err
			}
			total = min(total+k, ceiling)
		}
		return max(total, 1), nil
	}
	product := func(nodes []parsing.ASTNode) (int, error) {
		total := 1
		for _, c := range nodes {
			k, err := copiesOf(c)
			if err != nil {
				return 0, err
			}
			total = min(total*k, ceiling)
		}
		return total, nil
	}

	switch n.NodeType {
	case parsing.ASTRootNode, parsing.ASTVariable, parsing.ASTBindings, parsing.ASTBinding:
		return 0, toolerr.New(toolerr.InvalidArgument,
			"parameter %q uses $ or a let variable where its value becomes part of the "+
				"result, which could repeat every record for each one; read them only in "+
				"conditions and numbers, such as [?order > avg($[].order)], and refer to "+
				"the current record with @", Param)
	case parsing.ASTLetExpression:
		// The bindings are computed once; the body is the result.
		return copiesOf(n.Children[len(n.Children)-1])
	case parsing.ASTMultiSelectList, parsing.ASTMultiSelectHash:
		return sum(n.Children)
	case parsing.ASTLiteral:
		return min(literalWidth(n.Value), ceiling), nil
	case parsing.ASTPipe, parsing.ASTSubexpression, parsing.ASTIndexExpression,
		parsing.ASTProjection, parsing.ASTValueProjection:
		return product(n.Children)
	case parsing.ASTFilterProjection:
		// The condition only chooses what the right side projects.
		return product(n.Children[:min(2, len(n.Children))])
	case parsing.ASTKeyValPair, parsing.ASTFlatten, parsing.ASTExpRef:
		return product(n.Children)
	case parsing.ASTOrExpression, parsing.ASTAndExpression:
		// Either side is the result.
		a, err := copiesOf(n.Children[0])
		if err != nil {
			return 0, err
		}
		b, err := copiesOf(n.Children[1])
		return max(a, b), err
	case parsing.ASTFunctionExpression:
		name, _ := n.Value.(string)
		if !returnsArguments[name] {
			// A number, a string or a boolean; the strings are bounded while the
			// query runs.
			return 1, nil
		}
		for _, c := range n.Children {
			if c.NodeType == parsing.ASTExpRef {
				// map applies its expression to every entry of its list.
				return product(n.Children)
			}
		}
		return sum(n.Children)
	}
	// Fields, indexes, slices, @, comparisons, negations and arithmetic: one value.
	return 1, nil
}

// returnsArguments names the functions whose result can hold what they were given,
// rearranged or combined; the others answer a number, a string or a boolean.
var returnsArguments = map[string]bool{
	"from_items": true, "group_by": true, "items": true, "map": true, "max": true,
	"max_by": true, "merge": true, "min": true, "min_by": true, "not_null": true,
	"reverse": true, "sort": true, "sort_by": true, "to_array": true, "values": true,
	"zip": true,
}

// makesText reports whether the result of n can hold strings that are not the
// records' own: what a function or a slice returns, a literal string, or a key the
// expression names that sanitization would change. Two clean
// names joined can hold the markup that neither holds alone, and a slice can move text
// to the start of a line, where a code fence takes effect. Conditions, comparisons and
// arithmetic answer booleans and numbers, whatever they do inside.
func makesText(n parsing.ASTNode) bool {
	switch n.NodeType {
	case parsing.ASTComparator, parsing.ASTNotExpression, parsing.ASTArithmeticExpression,
		parsing.ASTArithmeticUnaryExpression:
		return false
	case parsing.ASTFilterProjection:
		return slices.ContainsFunc(n.Children[:min(2, len(n.Children))], makesText)
	case parsing.ASTLetExpression:
		return makesText(n.Children[len(n.Children)-1])
	case parsing.ASTFunctionExpression, parsing.ASTSlice:
		return true
	case parsing.ASTLiteral:
		return holdsString(n.Value)
	case parsing.ASTKeyValPair:
		if key, _ := n.Value.(string); sanitize.String(key) != key {
			return true
		}
	}
	return slices.ContainsFunc(n.Children, makesText)
}

// holdsString reports whether a literal's value holds a string or an object key.
func holdsString(v any) bool {
	switch t := v.(type) {
	case string:
		return true
	case []any:
		return slices.ContainsFunc(t, holdsString)
	case map[string]any:
		return len(t) > 0
	}
	return false
}

// literalWidth counts the values in a JSON literal: projected over, each one could
// stand in for a copy of the records.
func literalWidth(v any) int {
	switch t := v.(type) {
	case []any:
		n := 0
		for _, e := range t {
			n += literalWidth(e)
		}
		return max(n, 1)
	case map[string]any:
		n := 0
		for _, e := range t {
			n += literalWidth(e)
		}
		return max(n, 1)
	}
	return 1
}

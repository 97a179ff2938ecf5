package server

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jmespath-community/go-jmespath/pkg/interpreter"
	"github.com/jmespath-community/go-jmespath/pkg/parsing"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

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

// resultQuery is a parsed JMESPath expression, ready to run over one call's records.
type resultQuery struct {
	expr string
	ast  parsing.ASTNode
	// literals are the exact integers beyond ±2^53 the expression spells out, which
	// the parser has already rounded; see numberView.
	literals []exactInt
	// arithmetic is whether the expression computes with + - * / % or a sign.
	arithmetic bool
}

// compileQuery parses expr before the tool runs, so that a query that cannot work
// costs no call to the API. An empty expression is no query.
func compileQuery(expr string) (*resultQuery, error) {
	if expr == "" {
		return nil, nil
	}
	if len(expr) > maxQueryLength {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"parameter %q is %d bytes long; at most %d are accepted", QueryParam, len(expr),
			maxQueryLength)
	}
	ast, err := parsing.NewParser().Parse(expr)
	if err != nil {
		return nil, queryError("is not a valid JMESPath expression", err)
	}
	shape, err := checkQueryShape(ast)
	if err != nil {
		return nil, err
	}
	literals, err := exactLiterals(expr)
	if err != nil {
		return nil, err
	}
	return &resultQuery{expr: expr, ast: ast, literals: literals,
		arithmetic: shape.arithmetic}, nil
}

// run applies the query to records (the sanitized list, or whatever value the tool
// returned) and returns its result with every number as exact as it came in. When ctx
// ends first, the run stops at its next guarded step and returns ctx's error; a run
// that takes longer than maxQueryTime is refused.
//
// envelope and listField are the object around the records and its member that holds
// them, when the tool's result is such an object (a page); they name the fields the
// query cannot see.
func (q *resultQuery) run(ctx context.Context, records any, envelope map[string]any,
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
	if q.arithmetic && nv.hasBig() {
		return nil, toolerr.New(toolerr.InvalidArgument, "parameter %q computes with "+
			"numbers, and these records (or the expression) hold integers beyond 2^53, "+
			"which arithmetic cannot keep exact; compare, sort or filter them instead",
			QueryParam)
	}
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
			"to evaluate; keep fewer records or fields before the costly part", QueryParam,
			maxQueryTime)
	}
	if run.refused != nil {
		err = run.refused
	}
	if err != nil {
		return nil, queryError("could not be evaluated", err)
	}
	// Checked before restore, which would copy every repetition of a record.
	in := jsonSize(records)
	if _, ok := jsonSizeAtMost(res, maxQueryGrowth*in+maxQueryGrowthSlack); !ok {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"parameter %q yields more than %d times the %d bytes of records it was given; "+
				"repeat fewer records or fields", QueryParam, maxQueryGrowth, in)
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
			strings.ReplaceAll(m[1], `"`, "")
	}
	var syntax parsing.SyntaxError
	if errors.As(err, &syntax) {
		msg = fmt.Sprintf("%s (at character %d)", msg, syntax.Offset+1)
	}
	return toolerr.Wrap(toolerr.InvalidArgument, err, "parameter %q %s: %s", QueryParam, what,
		clip(msg, maxQueryMessage))
}

// wrongType matches the interpreter's message for a function argument of the wrong
// type.
var wrongType = regexp.MustCompile(`^invalid type for: .*, expected: \[\]functions\.JpType\{(.*)\}$`)

// clip shortens s to at most n runes, marking the cut with an ellipsis.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// queryShape is what checkQueryShape learns of an expression.
type queryShape struct {
	fanOut     int
	arithmetic bool
}

// checkQueryShape refuses the expressions whose result could grow without bound: the
// root reference $ and let bindings reach outside the current record from inside a
// projection, so each record could repeat the whole list; and lists and objects
// built inside projections multiply the records by their width.
func checkQueryShape(ast parsing.ASTNode) (queryShape, error) {
	shape := queryShape{fanOut: 1}
	var walk func(n parsing.ASTNode) error
	walk = func(n parsing.ASTNode) error {
		width := 1
		switch n.NodeType {
		case parsing.ASTArithmeticExpression, parsing.ASTArithmeticUnaryExpression:
			shape.arithmetic = true
		case parsing.ASTRootNode, parsing.ASTVariable, parsing.ASTLetExpression,
			parsing.ASTBindings, parsing.ASTBinding:
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q uses $ or let, which are not supported; refer to the current "+
					"record with @", QueryParam)
		case parsing.ASTMultiSelectList, parsing.ASTMultiSelectHash:
			width = len(n.Children)
		case parsing.ASTLiteral:
			width = literalWidth(n.Value)
		case parsing.ASTFunctionExpression:
			if n.Value == "zip" {
				width = len(n.Children)
			}
		}
		shape.fanOut *= max(width, 1)
		if shape.fanOut > maxQueryFanOut {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter %q builds too many lists and objects (more than %d copies of the "+
					"records could result); simplify the expression", QueryParam, maxQueryFanOut)
		}
		for _, c := range n.Children {
			if n.NodeType == parsing.ASTFunctionExpression && n.Value == "contains" &&
				c.NodeType == parsing.ASTLiteral {
				// A membership test answers true or false, however long its list.
				continue
			}
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	err := walk(ast)
	return shape, err
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

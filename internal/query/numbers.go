package query

import (
	"encoding/json"
	"maps"
	"math"
	"math/big"
	"slices"
	"strconv"
	"strings"

	"github.com/jmespath-community/go-jmespath/pkg/parsing"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// The JMESPath interpreter compares, sorts and adds only float64 numbers, while our
// records carry json.Number so that 64-bit ids keep every digit. A numberView is the
// bridge for one query run:
//
//   - view copies the records with every number as a float64;
//   - integers beyond ±2^53, which a float64 cannot hold exactly, each get a float64 of
//     their own: the nearest one, or the next free one above (below, for negative
//     numbers) when a smaller integer already took it. Distinct integers thus stay
//     distinct and in order, so ==, <, sort_by and max_by treat them as they should,
//     and integer literals of the expression are rewritten the same way;
//   - restore turns those float64 values, and decimals, back into the exact text they
//     came with.
//
// One value written two ways (1e19 and 10000000000000000000) comes back in the
// spelling met first. A number the query computes (a sum, a length) is returned as a
// float64, and only takes the text of an input number when it is that number's float64.
// Arithmetic on the stand-ins of big integers is refused (see guardOperand).
type numberView struct {
	bigs     map[string]*bigNumber
	patches  []bigPatch
	decimals map[float64]json.Number
	// ambiguous holds the float64 values that two different decimal texts share.
	ambiguous map[float64]bool
	// exact maps a float64 of the view back to the number it stands for.
	exact map[float64]json.Number
	// literals are the expression's own big integers.
	literals []*bigNumber
}

// bigNumber is one integer beyond ±2^53 and the float64 that stands for it.
type bigNumber struct {
	value *big.Int
	text  json.Number
	f     float64
}

// bigPatch is a place in the view that gets a big number's float64 once every big
// number is known.
type bigPatch struct {
	m   map[string]any
	key string
	s   []any
	i   int
	n   *bigNumber
}

// exactInt is an integer literal of an expression that a float64 cannot hold.
type exactInt struct {
	value *big.Int
}

// maxExactFloat is 2^53: every integer up to it has a float64 of its own.
const maxExactFloat = 1 << 53

func newNumberView() *numberView {
	return &numberView{bigs: map[string]*bigNumber{}}
}

// view returns v with every number as a float64 (big integers after assign).
func (nv *numberView) view(v any) any {
	root := []any{nil}
	nv.put(nil, "", root, 0, v)
	return root[0]
}

// put stores the view of v at m[key] or s[i].
func (nv *numberView) put(m map[string]any, key string, s []any, i int, v any) {
	out, bn := nv.convert(v)
	if bn != nil {
		nv.patches = append(nv.patches, bigPatch{m: m, key: key, s: s, i: i, n: bn})
	}
	if m != nil {
		m[key] = out
	} else {
		s[i] = out
	}
}

func (nv *numberView) convert(v any) (any, *bigNumber) {
	switch t := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			nv.put(out, k, nil, 0, e)
		}
		return out, nil
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			nv.put(nil, "", out, i, e)
		}
		return out, nil
	case nil, bool, string, float64:
		return t, nil
	case json.Number:
		return nv.number(t)
	case float32:
		return float64(t), nil
	case int:
		return nv.integer(int64(t))
	case int64:
		return nv.integer(t)
	case int32:
		return float64(t), nil
	case int16:
		return float64(t), nil
	case int8:
		return float64(t), nil
	case uint8:
		return float64(t), nil
	case uint16:
		return float64(t), nil
	case uint32:
		return float64(t), nil
	case uint:
		return nv.number(json.Number(strconv.FormatUint(uint64(t), 10)))
	case uint64:
		return nv.number(json.Number(strconv.FormatUint(t, 10)))
	}
	// Results are plain JSON values; anything else goes through its JSON form.
	g, err := sanitize.Generic(v)
	if err != nil {
		return nil, nil
	}
	return nv.convert(g)
}

func (nv *numberView) integer(n int64) (any, *bigNumber) {
	if n >= -maxExactFloat && n <= maxExactFloat {
		return float64(n), nil
	}
	return nv.number(json.Number(strconv.FormatInt(n, 10)))
}

// number converts one JSON number. Integers within ±2^53 and ordinary decimals become
// their float64; big integers wait for assign.
func (nv *numberView) number(n json.Number) (any, *bigNumber) {
	s := string(n)
	if i, err := strconv.ParseInt(s, 10, 64); err == nil {
		if i >= -maxExactFloat && i <= maxExactFloat {
			return float64(i), nil
		}
	}
	if b, ok := bigInteger(s); ok {
		return nil, nv.addBig(b, n)
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(f) >= maxExactFloat {
		// Beyond float64 altogether, or a decimal beyond 2^53 whose float64 could be
		// the stand-in of a big integer: left as it is, compared as no number.
		return n, nil
	}
	if f != math.Trunc(f) && s != strconv.FormatFloat(f, 'f', -1, 64) {
		// A decimal whose float64 would not print as written, such as 2.50 or 1e-9.
		nv.addDecimal(f, n)
	}
	return f, nil
}

// bigInteger reports whether s is an integer (in any JSON spelling) beyond ±2^53.
func bigInteger(s string) (*big.Int, bool) {
	if !strings.ContainsAny(s, ".eE") {
		b, ok := new(big.Int).SetString(s, 10)
		if !ok {
			return nil, false
		}
		return b, !b.IsInt64() || outsideExact(b.Int64())
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.Abs(f) < maxExactFloat || math.IsInf(f, 0) {
		return nil, false
	}
	r, ok := new(big.Rat).SetString(s)
	if !ok || !r.IsInt() {
		return nil, false
	}
	return new(big.Int).Set(r.Num()), true
}

func outsideExact(i int64) bool { return i < -maxExactFloat || i > maxExactFloat }

func (nv *numberView) addBig(b *big.Int, text json.Number) *bigNumber {
	key := b.String()
	if bn, ok := nv.bigs[key]; ok {
		return bn
	}
	bn := &bigNumber{value: b, text: text}
	nv.bigs[key] = bn
	return bn
}

func (nv *numberView) addDecimal(f float64, text json.Number) {
	if nv.decimals == nil {
		nv.decimals = map[float64]json.Number{}
		nv.ambiguous = map[float64]bool{}
	}
	if prev, ok := nv.decimals[f]; ok && prev != text {
		nv.ambiguous[f] = true
		return
	}
	nv.decimals[f] = text
}

func (nv *numberView) addLiterals(lits []exactInt) {
	for _, l := range lits {
		nv.literals = append(nv.literals, nv.addBig(l.value, json.Number(l.value.String())))
	}
}

// assign gives every big integer its float64, fills the patched places and builds the
// table restore reads.
func (nv *numberView) assign() {
	var pos, neg []*bigNumber
	for _, bn := range nv.bigs {
		if bn.value.Sign() > 0 {
			pos = append(pos, bn)
		} else {
			neg = append(neg, bn)
		}
	}
	slices.SortFunc(pos, func(a, b *bigNumber) int { return a.value.Cmp(b.value) })
	slices.SortFunc(neg, func(a, b *bigNumber) int { return b.value.Cmp(a.value) })
	spread(pos, maxExactFloat, math.Inf(1))
	spread(neg, -maxExactFloat, math.Inf(-1))

	for _, p := range nv.patches {
		if p.m != nil {
			p.m[p.key] = p.n.f
		} else {
			p.s[p.i] = p.n.f
		}
	}
	nv.exact = make(map[float64]json.Number, len(nv.bigs)+len(nv.decimals))
	for f, text := range nv.decimals {
		if !nv.ambiguous[f] {
			nv.exact[f] = text
		}
	}
	for _, bn := range nv.bigs {
		nv.exact[bn.f] = bn.text
	}
}

// holdsInexact reports whether v holds, at any depth, a number beyond ±2^53: the view
// of a big integer, which stands for it only in comparisons, or a result already
// rounded. Arithmetic on either would answer a wrong number.
func holdsInexact(v any) bool {
	switch t := v.(type) {
	case float64:
		return math.Abs(t) > maxExactFloat
	case []any:
		return slices.ContainsFunc(t, holdsInexact)
	case map[string]any:
		for _, e := range t {
			if holdsInexact(e) {
				return true
			}
		}
	}
	return false
}

// reachesInexact reports whether v holds, at any depth, a number of 2^53 or beyond:
// as a computed result, it may be a rounded one (2^53 + 1 computes as 2^53), or
// the stand-in of a big integer.
func reachesInexact(v any) bool {
	switch t := v.(type) {
	case float64:
		return math.Abs(t) >= maxExactFloat
	case []any:
		return slices.ContainsFunc(t, reachesInexact)
	case map[string]any:
		for _, e := range t {
			if reachesInexact(e) {
				return true
			}
		}
	}
	return false
}

// spread gives sorted big integers strictly monotonic float64 values moving away from
// start toward limit: each its nearest float64, or the next one after its neighbour's.
func spread(ns []*bigNumber, start, limit float64) {
	prev := start
	for _, bn := range ns {
		f, _ := new(big.Float).SetInt(bn.value).Float64()
		if (limit > 0 && f <= prev) || (limit < 0 && f >= prev) {
			f = math.Nextafter(prev, limit)
		}
		bn.f, prev = f, f
	}
}

// rewriteLiterals returns ast with every literal number that stands for one of the
// expression's big integer literals replaced by that integer's float64 in the view.
func (nv *numberView) rewriteLiterals(ast parsing.ASTNode) parsing.ASTNode {
	byNearest := map[float64]float64{}
	for _, bn := range nv.literals {
		f, _ := new(big.Float).SetInt(bn.value).Float64()
		byNearest[f] = bn.f
	}
	var walk func(n parsing.ASTNode) parsing.ASTNode
	walk = func(n parsing.ASTNode) parsing.ASTNode {
		if n.NodeType == parsing.ASTLiteral {
			n.Value = replaceFloats(n.Value, byNearest)
			return n
		}
		if len(n.Children) > 0 {
			kids := make([]parsing.ASTNode, len(n.Children))
			for i, c := range n.Children {
				kids[i] = walk(c)
			}
			n.Children = kids
		}
		return n
	}
	return walk(ast)
}

func replaceFloats(v any, by map[float64]float64) any {
	switch t := v.(type) {
	case float64:
		if f, ok := by[t]; ok {
			return f
		}
	case []any:
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = replaceFloats(e, by)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(t))
		for k, e := range t {
			out[k] = replaceFloats(e, by)
		}
		return out
	}
	return v
}

// restore turns a query result back into plain JSON values with exact numbers. Parts
// of the view that hold no number to restore are returned as they are, uncopied: a
// float64 of an integer within ±2^53, or of a decimal that prints as written, encodes
// to the same text as the number it came from.
func (nv *numberView) restore(v any) (any, error) {
	out, _, err := nv.restoreValue(v)
	return out, err
}

// restoreValue returns v restored, and whether that is a new value.
func (nv *numberView) restoreValue(v any) (any, bool, error) {
	switch t := v.(type) {
	case float64:
		if text, ok := nv.exact[t]; ok {
			return text, true, nil
		}
		if math.IsInf(t, 0) || math.IsNaN(t) {
			return nil, false, toolerr.New(toolerr.InvalidArgument,
				"parameter %q computes a number JSON cannot hold (a division by zero or an "+
					"overflow, such as `1` / `0`)", Param)
		}
		return t, false, nil
	case map[string]any:
		var out map[string]any
		for k, e := range t {
			r, changed, err := nv.restoreValue(e)
			if err != nil {
				return nil, false, err
			}
			if changed {
				if out == nil {
					out = maps.Clone(t)
				}
				out[k] = r
			}
		}
		if out == nil {
			return t, false, nil
		}
		return out, true, nil
	case []any:
		var out []any
		for i, e := range t {
			r, changed, err := nv.restoreValue(e)
			if err != nil {
				return nil, false, err
			}
			if changed {
				if out == nil {
					out = slices.Clone(t)
				}
				out[i] = r
			}
		}
		if out == nil {
			return t, false, nil
		}
		return out, true, nil
	case nil, bool, string, json.Number:
		return t, false, nil
	}
	return nil, false, toolerr.New(toolerr.InvalidArgument,
		"parameter %q yields something that is not JSON data; an expression reference "+
			"(&field) can only be passed to a function such as sort_by", Param)
}

// exactLiterals finds the integer literals beyond ±2^53 in an expression's JSON
// literals (`...`), which the parser rounds to float64. Two different numbers of the
// expression that round to the same float64 are refused: the rounded expression could
// not tell them apart.
func exactLiterals(expr string) ([]exactInt, error) {
	var out []exactInt
	seen := map[float64]*big.Rat{}
	for _, lit := range jsonLiterals(expr) {
		dec := json.NewDecoder(strings.NewReader(lit))
		dec.UseNumber()
		var v any
		if dec.Decode(&v) != nil {
			continue
		}
		for _, n := range numbersIn(v, nil) {
			r, ok := new(big.Rat).SetString(string(n))
			if !ok {
				continue
			}
			f, _ := r.Float64()
			if !r.IsInt() && math.Abs(f) >= maxExactFloat {
				return nil, toolerr.New(toolerr.InvalidArgument,
					"parameter %q holds the number %s, a fraction beyond 2^53, which a "+
						"comparison cannot tell from the integers around it; write an integer",
					Param, n)
			}
			if prev, dup := seen[f]; dup && prev.Cmp(r) != 0 {
				return nil, toolerr.New(toolerr.InvalidArgument,
					"parameter %q holds the numbers %s and %s, which the expression parser "+
						"cannot tell apart; use one of them per query", Param,
					prev.RatString(), r.RatString())
			}
			seen[f] = r
			if b, ok := bigInteger(string(n)); ok {
				out = append(out, exactInt{value: b})
			}
		}
	}
	return out, nil
}

func numbersIn(v any, acc []json.Number) []json.Number {
	switch t := v.(type) {
	case json.Number:
		return append(acc, t)
	case []any:
		for _, e := range t {
			acc = numbersIn(e, acc)
		}
	case map[string]any:
		for _, e := range t {
			acc = numbersIn(e, acc)
		}
	}
	return acc
}

// jsonLiterals returns the text of each `...` literal of a JMESPath expression,
// skipping raw strings ('...') and quoted identifiers ("..."), which may hold
// backticks of their own.
func jsonLiterals(expr string) []string {
	var out []string
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; c {
		case '\'', '"', '`':
			end := closing(expr, i+1, c)
			if c == '`' {
				out = append(out, strings.ReplaceAll(expr[i+1:end], "\\`", "`"))
			}
			i = end
		}
	}
	return out
}

// closing returns the index of the first unescaped delim at or after start, or
// len(s) when there is none.
func closing(s string, start int, delim byte) int {
	for i := start; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case delim:
			return i
		}
	}
	return len(s)
}

package server

import (
	"bytes"
	"encoding/json"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"
)

// maxExactDigits is 2^53 in decimal: the first integer a float64 no longer holds apart
// from its neighbours (2^53+1 decodes to 2^53).
const maxExactDigits = "9007199254740992"

// exactArguments returns a call's arguments with every integer of 2^53 or more, at any
// depth, as a json.Number of the digits the client sent. mcp-go decodes arguments with
// float64 numbers, so a 64-bit id such as 9007199254740993 would reach a tool as
// 9007199254740992, the id of another object, and be logged so. mcp-go also keeps the
// arguments' original bytes, which are decoded again here. Every other number stays
// the float64 mcp-go made of it, so validation and handlers see the types they always
// did; numbers written with a fraction or an exponent stay float64 even when large.
func exactArguments(p mcp.CallToolParams) any {
	raw := p.RawArguments
	if !hasLongDigitRun(raw) {
		return p.Arguments
	}
	v, err := decodeWritten(raw)
	if err != nil {
		return p.Arguments
	}
	return keepBigIntegers(v)
}

// decodeWritten decodes JSON text with every number kept as a json.Number of the text
// written, for the places that must show or search a request as the client sent it.
func decodeWritten(raw []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	err := dec.Decode(&v)
	return v, err
}

// hasLongDigitRun reports whether raw holds a run of as many digits as 2^53 has: no
// integer of 2^53 or more is written with fewer, so most calls need no second decoding.
func hasLongDigitRun(raw []byte) bool {
	run := 0
	for _, c := range raw {
		if c < '0' || c > '9' {
			run = 0
			continue
		}
		if run++; run >= len(maxExactDigits) {
			return true
		}
	}
	return false
}

// keepBigIntegers turns the json.Numbers of v into float64, as mcp-go decoded them,
// except integers of 2^53 or more, which keep their digits.
func keepBigIntegers(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for k, e := range x {
			x[k] = keepBigIntegers(e)
		}
	case []any:
		for i, e := range x {
			x[i] = keepBigIntegers(e)
		}
	case json.Number:
		if isBigInteger(x.String()) {
			return x
		}
		// The text was a valid JSON number that mcp-go already decoded as a float64.
		f, _ := x.Float64()
		return f
	}
	return v
}

// isBigInteger reports whether s, a JSON number, is an integer written in plain digits
// whose magnitude is 2^53 or more.
func isBigInteger(s string) bool {
	digits := strings.TrimPrefix(s, "-")
	if strings.ContainsAny(digits, ".eE") {
		return false
	}
	if len(digits) != len(maxExactDigits) {
		return len(digits) > len(maxExactDigits)
	}
	return digits >= maxExactDigits
}

// writtenArguments returns a call's arguments with every number, at any depth, as a
// json.Number of the text the client sent, for the audit line: it records what the
// agent asked for, and 9.007199254740993e15 or 1.50 must not be shown as the double
// mcp-go rounded them to (9007199254740992, 1.5). Arguments whose bytes mcp-go did not
// keep, or that do not decode, are those exactArguments returns.
func writtenArguments(p mcp.CallToolParams) any {
	if len(p.RawArguments) == 0 {
		return exactArguments(p)
	}
	v, err := decodeWritten(p.RawArguments)
	if err != nil {
		return exactArguments(p)
	}
	return v
}

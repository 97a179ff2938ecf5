package tools

import (
	"encoding/json"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
)

// decimalText is a number written in plain decimal, optionally with an exponent: what
// a JSON number looks like, so that "NaN", "Inf", hex and digit separators, which
// strconv would also read, are not numbers here.
var decimalText = regexp.MustCompile(`^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$`)

// numberArg reads an Integer or Number argument: a JSON number, or one written as a
// decimal string ("2"). The Python server validated its arguments leniently and took
// both, so saved calls that quote their numbers keep working.
func numberArg(v any) (float64, bool) {
	s, isText := v.(string)
	if !isText {
		return number(v)
	}
	s = strings.TrimSpace(s)
	if !decimalText.MatchString(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// boolTexts are the strings the Python server's validation took for booleans.
var boolTexts = map[string]bool{
	"true": true, "t": true, "yes": true, "y": true, "on": true, "1": true,
	"false": false, "f": false, "no": false, "n": false, "off": false, "0": false,
}

// boolArg reads a Boolean argument: a JSON boolean, or one of boolTexts in any case.
func boolArg(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		b, ok := boolTexts[strings.ToLower(strings.TrimSpace(x))]
		return b, ok
	}
	return false, false
}

// listFromText decodes a list sent as JSON text ("[1, 2]"), as the Python server
// accepts; any other value is returned unchanged. The text must hold that one list and
// nothing after it: "[1], [2]" decoded as far as its first list would drop the second.
func listFromText(v any) any {
	s, ok := v.(string)
	if !ok {
		return v
	}
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "[") || !strings.HasSuffix(s, "]") {
		return v
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var list []any
	if err := dec.Decode(&list); err != nil {
		return v
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return v
	}
	return list
}

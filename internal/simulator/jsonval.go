package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// record is one stored object in its JSON form: strings, bools, int64, float64, []any,
// map[string]any and nil. Keys starting with "_" are internal and never sent.
type record = map[string]any

// decodeJSON reads one JSON value, keeping integers exact (ids above 2^53 exist).
func decodeJSON(r io.Reader) (any, error) {
	dec := json.NewDecoder(r)
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, errors.New("trailing data after JSON value")
	}
	return fromNumbers(v), nil
}

// fromNumbers turns json.Number into int64 (or float64 when not integral).
func fromNumbers(v any) any {
	switch x := v.(type) {
	case json.Number:
		if i, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return i
		}
		f, _ := x.Float64()
		return f
	case map[string]any:
		for k, e := range x {
			x[k] = fromNumbers(e)
		}
		return x
	case []any:
		for i, e := range x {
			x[i] = fromNumbers(e)
		}
		return x
	}
	return v
}

// canon converts any Go value built from literals ([]string, int, nested maps) into the
// canonical record form by a JSON round trip.
func canon(v any) any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("simulator seed is not JSON: %v", err))
	}
	out, err := decodeJSON(bytes.NewReader(b))
	if err != nil {
		panic(fmt.Sprintf("simulator seed is not JSON: %v", err))
	}
	return out
}

func canonRec(v any) record { return canon(v).(map[string]any) }

// clone deep-copies a canonical value.
func clone(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = clone(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = clone(e)
		}
		return out
	}
	return v
}

func cloneRec(r record) record { return clone(r).(map[string]any) }

// public copies r without its internal "_" keys.
func public(r record) record {
	out := make(record, len(r))
	for k, v := range r {
		if !strings.HasPrefix(k, "_") {
			out[k] = clone(v)
		}
	}
	return out
}

func str(r record, k string) string {
	s, _ := r[k].(string)
	return s
}

func boolean(r record, k string) bool {
	b, _ := r[k].(bool)
	return b
}

// asInt returns v as an int64 when it is a whole number.
func asInt(v any) (int64, bool) {
	switch x := v.(type) {
	case int64:
		return x, true
	case int:
		return int64(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<63 {
			return int64(x), true
		}
	case json.Number:
		i, err := strconv.ParseInt(x.String(), 10, 64)
		return i, err == nil
	}
	return 0, false
}

func num(r record, k string) int64 {
	i, _ := asInt(r[k])
	return i
}

func asFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

func list(r record, k string) []any {
	l, _ := r[k].([]any)
	return l
}

func strList(r record, k string) []string {
	var out []string
	for _, v := range list(r, k) {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

func anyStrings(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// idKey is the lookup key of an id value, int or string.
func idKey(v any) string {
	if i, ok := asInt(v); ok {
		return strconv.FormatInt(i, 10)
	}
	if s, ok := v.(string); ok {
		return s
	}
	return fmt.Sprint(v)
}

// ref is the {id,name} form of a reference to r.
func ref(r record) record { return record{"id": r["id"], "name": r["name"]} }

// refIDs returns the ids of a list of references.
func refIDs(r record, k string) []string {
	var out []string
	for _, e := range list(r, k) {
		if m, ok := e.(map[string]any); ok {
			out = append(out, idKey(m["id"]))
		}
	}
	return out
}

func hasRef(r record, k, id string) bool {
	for _, x := range refIDs(r, k) {
		if x == id {
			return true
		}
	}
	return false
}

func containsFold(s, sub string) bool {
	return strings.Contains(strings.ToLower(s), strings.ToLower(sub))
}

func hasPrefixFold(s, p string) bool {
	return strings.HasPrefix(strings.ToLower(s), strings.ToLower(p))
}

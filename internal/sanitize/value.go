package sanitize

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
)

// MaxDepth is how deeply Value descends. The top-level value is at depth 0, the members
// of a top-level object or array at depth 1, and so on; any value deeper than MaxDepth
// is replaced by [TruncatedValue]. API replies are far shallower; the bound protects the
// stack against hostile or cyclic input.
const MaxDepth = 64

// TruncatedValue replaces values nested deeper than MaxDepth.
const TruncatedValue = "[truncated: nesting too deep]"

// Value returns a sanitized copy of a JSON-like value: every string and every object key
// passes through [String]. The input is never modified.
//
// Handled natively: map[string]any, []any, string, json.Number, bool, nil and Go
// numbers (returned unchanged). Other types, such as typed slices, maps of strings or
// structs, are converted through encoding/json (numbers as json.Number) and the result
// is sanitized, so no string escapes cleaning whatever its Go type; a value that
// encoding/json cannot encode becomes a short string naming its type.
//
// Key collisions: two keys can become equal once cleaned ("id" and "id\u200b"). Keys
// that were already clean keep their names. The others are taken in byte order of their
// original spelling; each gets its cleaned name if that is still free, otherwise the
// first free name among "<name>~2", "<name>~3", … So no member is lost and the outcome
// does not depend on map iteration order.
func Value(v any) any {
	return value(v, 0, nil)
}

// ValueRedacting is [Value] that also replaces the given secrets by [Redacted], as
// [RedactSecrets] does, before and after each string is cleaned: before, so that
// cleaning cannot alter a secret's spelling and leave most of it readable; after, so
// that text cleaning joins up is found too. It walks the value once.
func ValueRedacting(v any, secrets []string) any {
	if len(secrets) == 0 {
		return Value(v)
	}
	r := newRedactor(secrets)
	return value(v, 0, &r)
}

// StringRedacting is [String] that also replaces the given secrets by [Redacted],
// before and after s is cleaned, as [ValueRedacting] does for each string: text that
// must be both cleaned and free of secrets goes through this, so that cleaning neither
// alters a secret's spelling (a secret written with markup) nor joins one up (a secret
// broken up by markup).
func StringRedacting(s string, secrets []string) string {
	if len(secrets) == 0 {
		return String(s)
	}
	r := newRedactor(secrets)
	return cleanString(s, &r)
}

// cleanString is String, with the secrets of r redacted around it when r is not nil.
func cleanString(s string, r *redactor) string {
	if r == nil {
		return String(s)
	}
	cleaned := String(s)
	if cleaned != s {
		// The search before cleaning also finds a secret split by invisible
		// characters, so that markup within it cannot keep most of it readable.
		s, _ = r.string(s)
		cleaned = String(s)
	}
	cleaned, _ = r.replace(cleaned)
	return cleaned
}

// value cleans v, redacting the secrets of r when r is not nil.
func value(v any, depth int, r *redactor) any {
	if depth > MaxDepth {
		return TruncatedValue
	}
	switch t := v.(type) {
	case json.Number:
		if r != nil {
			if s, changed := r.string(string(t)); changed {
				return s
			}
		}
		return t
	case nil, bool, float64, float32,
		int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return t
	case string:
		return cleanString(t, r)
	case map[string]any:
		return object(t, depth, r)
	case []any:
		if t == nil {
			return t // keep nil, which encodes as null rather than []
		}
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = value(e, depth+1, r)
		}
		return out
	default:
		generic, err := Generic(t)
		if err != nil {
			return fmt.Sprintf("[unencodable value of type %T]", t)
		}
		return value(generic, depth, r)
	}
}

// object copies m with cleaned keys and values, resolving key collisions as documented
// on Value.
func object(m map[string]any, depth int, r *redactor) map[string]any {
	if m == nil {
		return m // keep nil, which encodes as null rather than {}
	}
	out := make(map[string]any, len(m))
	var dirty []string
	for k, v := range m {
		if cleanString(k, r) != k {
			dirty = append(dirty, k)
			continue
		}
		out[k] = value(v, depth+1, r)
	}
	slices.Sort(dirty)
	for _, k := range dirty {
		out[freeKey(out, cleanString(k, r))] = value(m[k], depth+1, r)
	}
	return out
}

// freeKey returns name if it is not yet used in m, else the first unused "name~N", N≥2.
func freeKey(m map[string]any, name string) string {
	if _, taken := m[name]; !taken {
		return name
	}
	for n := 2; ; n++ {
		candidate := name + "~" + strconv.Itoa(n)
		if _, taken := m[candidate]; !taken {
			return candidate
		}
	}
}

// Generic turns an arbitrary Go value into the generic form encoding/json decodes to,
// numbers as json.Number so they keep every digit.
func Generic(v any) (any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("encode %T: %w", v, err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var out any
	if err := dec.Decode(&out); err != nil {
		return nil, fmt.Errorf("decode %T: %w", v, err)
	}
	return out, nil
}

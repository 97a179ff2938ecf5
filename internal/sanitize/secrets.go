package sanitize

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// RedactSecrets returns v with every occurrence of the given secrets replaced by
// [Redacted], in every string, object key and number of a JSON-like value: the
// configured credentials must not reach an agent even when the tenant's data, or a
// query, holds one. secrets are the exact spellings to find, longest first so a secret
// that contains another is replaced whole.
//
// A secret split by invisible characters is found too; that string then loses its
// invisible characters. A number holding a secret becomes the string [Redacted].
//
// A value nested deeper than [MaxDepth] is replaced by [TruncatedValue], as [Value]
// replaces it, since it is not searched.
//
// The input is never modified, and a value holding no secret is returned as is,
// without allocating: secrets are few and most values hold none, so this costs one
// substring search per secret and string. Keys that become equal once redacted are
// told apart as [Value] does.
func RedactSecrets(v any, secrets []string) any {
	if len(secrets) == 0 {
		return v
	}
	out, _ := newRedactor(secrets).value(v, 0)
	return out
}

// RedactSecretsString is [RedactSecrets] for one string.
func RedactSecretsString(s string, secrets []string) string {
	out, _ := newRedactor(secrets).string(s)
	return out
}

// redactor holds the secrets and the length of the shortest, so that the many strings
// shorter than any secret cost one comparison.
type redactor struct {
	secrets  []string
	shortest int
}

func newRedactor(secrets []string) redactor {
	r := redactor{secrets: secrets, shortest: -1}
	for _, s := range secrets {
		if s != "" && (r.shortest < 0 || len(s) < r.shortest) {
			r.shortest = len(s)
		}
	}
	return r
}

// value returns v redacted and whether anything changed. A value nested deeper than
// MaxDepth is not searched but replaced by [TruncatedValue], as [Value] replaces it:
// without output sanitization nothing else would stop a secret held that deep.
func (r redactor) value(v any, depth int) (any, bool) {
	if depth > MaxDepth {
		return TruncatedValue, true
	}
	// Unchanged values are returned as the v they came in: boxing them again would
	// allocate for every string.
	switch t := v.(type) {
	case string:
		if s, changed := r.string(t); changed {
			return s, true
		}
	case json.Number:
		if s, changed := r.string(string(t)); changed {
			return s, true
		}
	case map[string]any:
		if out, changed := r.object(t, depth); changed {
			return out, true
		}
	case []any:
		var out []any
		for i, e := range t {
			redacted, changed := r.value(e, depth+1)
			if !changed {
				continue
			}
			if out == nil {
				out = slices.Clone(t)
			}
			out[i] = redacted
		}
		if out != nil {
			return out, true
		}
	}
	return v, false
}

// object copies m only when a key or a value holds a secret.
func (r redactor) object(m map[string]any, depth int) (map[string]any, bool) {
	var out map[string]any
	// renamed maps each key that holds a secret to its value, already redacted.
	var renamed map[string]any
	for k, v := range m {
		redacted, changed := r.value(v, depth+1)
		if _, keyChanged := r.string(k); keyChanged {
			if renamed == nil {
				renamed = make(map[string]any)
			}
			renamed[k] = redacted
		} else if !changed {
			continue
		}
		if out == nil {
			out = make(map[string]any, len(m))
			for k2, v2 := range m {
				out[k2] = v2
			}
		}
		out[k] = redacted
	}
	if out == nil {
		return nil, false
	}
	// Renamed keys go in byte order of their original spelling, so that the outcome of
	// a collision does not depend on map iteration order.
	keys := slices.Sorted(maps.Keys(renamed))
	for _, k := range keys {
		delete(out, k)
	}
	for _, k := range keys {
		name, _ := r.string(k)
		out[freeKey(out, name)] = renamed[k]
	}
	return out, true
}

// string replaces the secrets in s and reports whether it did.
func (r redactor) string(s string) (string, bool) {
	if r.shortest < 0 || len(s) < r.shortest {
		return s, false // invisible characters removed only shorten it
	}
	if out, changed := r.replace(s); changed {
		return out, true
	}
	// A secret split by zero-width characters reads whole to a model.
	if firstChange(s) < 0 {
		return s, false
	}
	visible := Invisible(s)
	if out, changed := r.replace(visible); changed {
		return out, true
	}
	return s, false
}

// replace replaces the secrets in s, invisible characters left as they are, and
// reports whether it did.
func (r redactor) replace(s string) (string, bool) {
	if r.shortest < 0 || len(s) < r.shortest {
		return s, false
	}
	changed := false
	for _, secret := range r.secrets {
		if secret != "" && strings.Contains(s, secret) {
			s = strings.ReplaceAll(s, secret, Redacted)
			changed = true
		}
	}
	return s, changed
}

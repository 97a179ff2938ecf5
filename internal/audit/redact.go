package audit

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// Redacted replaces the value of a sensitive argument.
const Redacted = sanitize.Redacted

// sensitiveWords are matched as substrings of lower-cased argument names.
var sensitiveWords = []string{"password", "secret", "token", "key", "credential"}

// IsSensitiveName reports whether an argument called name must have its value redacted:
// whether name contains, ignoring case, "password", "secret", "token", "key" or
// "credential". Invisible characters are removed first, so "pass\u200bword" cannot slip
// through; harmless names that happen to contain a word ("keywords", "monkey") are
// redacted too, by design.
func IsSensitiveName(name string) bool {
	name = strings.ToLower(sanitize.Invisible(name))
	for _, w := range sensitiveWords {
		if strings.Contains(name, w) {
			return true
		}
	}
	return false
}

// Redact returns a copy of args in which the value of every sensitive name (see
// [IsSensitiveName]), at any depth of nested objects and arrays, is [Redacted], and
// every confirmation token inside another string is replaced by [Redacted] (see
// sanitize.ConfirmationTokens). args is not modified; a nil map gives nil.
//
// Values of types other than the generic JSON ones (map[string]any, []any, string,
// json.Number, bool, nil and Go numbers) are converted through encoding/json first, so
// the fields of a struct or a map[string]string are redacted by name too. Nesting deeper
// than sanitize.MaxDepth is replaced by sanitize.TruncatedValue.
func Redact(args map[string]any) map[string]any {
	if args == nil {
		return nil
	}
	return redactObject(args, 0)
}

// redacts reports whether the value v of the argument named name is hidden: any value
// under a sensitive name but true or false, which holds no secret, so that a toggle
// such as block_password_protected_archive_files still shows what it was set to, and
// the numeric ids of an id-named argument, so that the log of a VPN credential delete
// shows which credential_id went: an object's id is no secret either.
func redacts(name string, v any) bool {
	if _, isBool := v.(bool); isBool {
		return false
	}
	if isIDName(name) && isNumericID(v, true) {
		return false
	}
	return IsSensitiveName(name)
}

// isIDName reports whether name is that of an id or a list of ids, in snake or camel
// case: credential_id, credential_ids, credentialId, credentialIDs.
func isIDName(name string) bool {
	name = sanitize.Invisible(name)
	for _, suffix := range []string{"_id", "_ids", "_ID", "_IDs", "Id", "Ids", "ID", "IDs"} {
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) {
			return true
		}
	}
	return false
}

// isNumericID reports whether v is an id as the tools take them: a whole number, a
// string of decimal digits (spaces and a "+" around them allowed), or, when list is true,
// a list of those.
func isNumericID(v any, list bool) bool {
	switch x := v.(type) {
	case float64:
		return x == math.Trunc(x) && !math.IsInf(x, 0)
	case int, int64:
		return true
	case json.Number:
		// Written with a fraction or an exponent (1.5e3), it is still a whole number.
		if _, err := strconv.ParseInt(x.String(), 10, 64); err == nil {
			return true
		}
		f, err := x.Float64()
		return err == nil && f == math.Trunc(f) && !math.IsInf(f, 0)
	case string:
		// Every spelling the tools take for an id (" +0042 ") is shown, so the line
		// names the object the call acted on. A negative one, which they refuse, is not.
		_, err := strconv.ParseUint(strings.TrimPrefix(strings.TrimSpace(x), "+"), 10, 64)
		return err == nil
	case []any:
		if !list || len(x) == 0 {
			return false
		}
		for _, item := range x {
			if !isNumericID(item, false) {
				return false
			}
		}
		return true
	}
	return false
}

func redactObject(m map[string]any, depth int) map[string]any {
	out := make(map[string]any, len(m))
	for k, v := range m {
		if redacts(k, v) {
			out[sanitize.ConfirmationTokens(k)] = Redacted
			continue
		}
		out[sanitize.ConfirmationTokens(k)] = redactValue(v, depth+1)
	}
	return out
}

func redactValue(v any, depth int) any {
	if depth > sanitize.MaxDepth {
		return sanitize.TruncatedValue
	}
	if s, ok := v.(string); ok {
		return sanitize.ConfirmationTokens(s)
	}
	if isScalar(v) {
		return v
	}
	switch t := v.(type) {
	case map[string]any:
		if t == nil {
			return t
		}
		return redactObject(t, depth)
	case []any:
		if t == nil {
			return t
		}
		out := make([]any, len(t))
		for i, e := range t {
			out[i] = redactValue(e, depth+1)
		}
		return out
	}
	generic, err := sanitize.Generic(v)
	if err != nil {
		return unencodable(v)
	}
	return redactValue(generic, depth)
}

// isScalar reports whether v is a JSON scalar in one of the Go types we render directly.
func isScalar(v any) bool {
	switch v.(type) {
	case nil, bool, string, json.Number, float64, float32,
		int, int8, int16, int32, int64, uint, uint8, uint16, uint32, uint64:
		return true
	}
	return false
}

// unencodable stands in for a value encoding/json rejects (a channel, a function).
func unencodable(v any) string {
	return fmt.Sprintf("[unencodable value of type %T]", v)
}

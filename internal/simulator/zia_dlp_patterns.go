package simulator

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"regexp/syntax"
	"strings"
)

// POST /dlpDictionaries/validateDlpPattern checks a pattern without changing anything;
// GET /dlpDictionaries/{id}/predefinedIdentifiers lists the identifiers a hierarchical
// predefined dictionary offers. Patterns are checked with Go's regexp, whose syntax is
// close to the service's but not the same.

var _ = addRoute("dlpDictionaries/validateDlpPattern", func(_ *Tenant, method string,
	_ url.Values, body any) result {
	if method != http.MethodPost {
		return fail(errMethod())
	}
	in, isObj := body.(map[string]any)
	pattern, isStr := in["data"].(string)
	if !isObj || !isStr {
		return fail(errInvalidBody())
	}
	out := record{"status": int64(0), "errPosition": int64(-1),
		"errMsg": "Valid regular expression", "errParameter": nil, "errSuggestion": nil,
		"idList": nil}
	if _, err := regexp.Compile(pattern); err != nil {
		out["status"] = int64(1)
		out["errMsg"] = err.Error()
		out["errPosition"] = int64(errorPosition(pattern, err))
	}
	return ok(out)
})

// errorPosition is where in pattern the offending expression starts, or 0.
func errorPosition(pattern string, err error) int {
	var se *syntax.Error
	if errors.As(err, &se) && se.Expr != "" {
		if i := strings.Index(pattern, se.Expr); i >= 0 {
			return i
		}
	}
	return 0
}

// predefinedIdentifiers answers GET /dlpDictionaries/{id}/predefinedIdentifiers.
func (t *Tenant) predefinedIdentifiers(method, id string) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	d, _ := t.find("dlpDictionaries", id)
	if d == nil {
		return fail(errNotFound("dlpDictionaries with id %s not found", id))
	}
	if !boolean(d, "hierarchicalDictionary") {
		return fail(errInvalid("Dictionary %s has no predefined identifiers", id))
	}
	return ok(anyStrings(strList(d, "hierarchicalIdentifiers")))
}

package simulator

import (
	"net/http"
	"net/url"
	"strings"
)

// URL review: POST /urlCategories/review/domains takes a list of domains and says which
// custom categories already hold each; PUT takes the reviewed entries back and answers
// with an empty body (the SDK refuses any other). Neither changes the configuration.
// TODO: the values of domainType were never recorded; EXACT and WILDCARD are a guess.

var _ = addRoute("urlCategories/review/domains", func(t *Tenant, method string, _ url.Values,
	body any) result {
	switch method {
	case http.MethodPost:
		return t.reviewDomains(body)
	case http.MethodPut:
		items, isList := body.([]any)
		if !isList {
			return fail(errInvalidBody())
		}
		for _, it := range items {
			if _, isObj := it.(map[string]any); !isObj {
				return fail(errInvalidBody())
			}
		}
		return noContent()
	}
	return fail(errMethod())
})

func (t *Tenant) reviewDomains(body any) result {
	domains, isList := body.([]any)
	if !isList {
		return fail(errInvalidBody())
	}
	out := make([]record, 0, len(domains))
	for _, d := range domains {
		s, isStr := d.(string)
		if !isStr || strings.TrimSpace(s) == "" {
			return fail(errInvalidBody())
		}
		domainType := "EXACT"
		if strings.HasPrefix(s, ".") {
			domainType = "WILDCARD"
		}
		matches := []any{}
		for _, c := range t.coll("urlCategories") {
			for _, k := range []string{"urls", "dbCategorizedUrls"} {
				if containsEntry(strList(c, k), s) {
					matches = append(matches, record{"id": c["id"], "name": str(c, "configuredName")})
					break
				}
			}
		}
		out = append(out, record{"url": s, "domainType": domainType, "matches": matches})
	}
	return ok(out)
}

func containsEntry(entries []string, s string) bool {
	for _, e := range entries {
		if strings.EqualFold(e, s) {
			return true
		}
	}
	return false
}

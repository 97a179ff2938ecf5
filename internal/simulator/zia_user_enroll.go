package simulator

import (
	"net/http"
	"slices"
	"strings"
)

// enrollUser answers POST /users/{id}/enroll: it sets the user's authentication methods
// and password (never stored or echoed) and answers with the user's id. It is a change
// to a user, so it is staged. The SDK asks for /users/{id}/zia/api/v1/enroll, which the
// API does not serve either: that call draws a 404 here as it would there.
func (t *Tenant) enrollUser(method, id string, body any) result {
	if method != http.MethodPost {
		return fail(errMethod())
	}
	u, _ := t.find("users", id)
	if u == nil {
		return fail(errNotFound("users with id %s not found", id))
	}
	in, isObj := body.(map[string]any)
	methods, isList := in["authMethods"].([]any)
	if !isObj || !isList || len(methods) == 0 {
		return fail(errInvalidBody())
	}
	for _, m := range methods {
		s, isStr := m.(string)
		if !isStr || !slices.Contains([]string{"BASIC", "DIGEST"}, s) {
			return fail(errInvalidBody())
		}
	}
	if pw, _ := in["password"].(string); strings.TrimSpace(pw) == "" {
		return fail(errInvalid("password cannot be null"))
	}
	u["authMethods"] = clone(methods)
	u["pwdLastModifiedTime"] = t.now().Unix()
	t.pending = true
	return ok(record{"userId": u["id"]})
}

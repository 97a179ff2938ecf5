package simulator

import (
	"fmt"
	"net/url"
	"strings"
)

// ruleFamilies are the collections whose records reference labels, users, groups,
// departments, locations, time intervals and the firewall objects. Cloud app control
// rules of every rule type are kept in one collection.
var ruleFamilies = []string{
	"urlFilteringRules", "firewallFilteringRules", "firewallDnsRules", "firewallIpsRules",
	"sslInspectionRules", "sandboxRules", "fileTypeRules", "webDlpRules",
	"webApplicationRules",
}

// rulesReferencing counts the rules whose field lists a reference to id.
func (t *Tenant) rulesReferencing(id any, fields ...string) int {
	key := idKey(id)
	n := 0
	for _, fam := range ruleFamilies {
		for _, r := range t.coll(fam) {
			for _, f := range fields {
				if hasRef(r, f, key) {
					n++
					break
				}
			}
		}
	}
	return n
}

func inUseByRules(what string, fields ...string) func(t *Tenant, r record) string {
	return func(t *Tenant, r record) string {
		if n := t.rulesReferencing(r["id"], fields...); n > 0 {
			return fmt.Sprintf("%s %q is referenced by %d rule(s)", what, str(r, "name"), n)
		}
		return ""
	}
}

var modifiedFields = []string{"lastModifiedTime", "lastModifiedBy", "createdBy"}

var _ = register(&family{
	name: "ruleLabels",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "", "lastModifiedTime": int64(0),
			"lastModifiedBy": nil, "createdBy": nil, "referencedRuleCount": int64(0)}
	},
	managed:  append([]string{"referencedRuleCount"}, modifiedFields...),
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "description"},
	view: func(t *Tenant, r record) {
		r["referencedRuleCount"] = int64(t.rulesReferencing(r["id"], "labels"))
	},
	inUse: inUseByRules("Rule label", "labels"),
})

var userTypes = []string{"", "SUPERADMIN", "ADMIN", "AUDITOR", "GUEST", "REPORT_USER",
	"UNAUTH_TRAFFIC_DEFAULT"}

var _ = register(&family{
	name: "users",
	template: func() record {
		return record{"id": int64(0), "name": "", "email": "", "groups": []any{},
			"department": nil, "comments": "", "tempAuthEmail": "", "authMethods": []any{},
			"adminUser": false, "type": "", "isNonEditable": false,
			"pwdLastModifiedTime": int64(0), "deleted": false, "pilotUser": false}
	},
	managed:   []string{"isNonEditable", "deleted", "pwdLastModifiedTime"},
	refLists:  map[string]string{"groups": "groups"},
	refs:      map[string]string{"department": "departments"},
	enums:     map[string][]string{"type": userTypes},
	enumLists: map[string][]string{"authMethods": {"BASIC", "DIGEST"}},
	required:  []string{"name", "email"},
	unique:    "email",
	search:    []string{"name", "email"},
	filters: map[string]filterFunc{
		// The API matches a user's name partially; dept and group by their start.
		"name": func(_ *Tenant, r record, v string) bool { return containsFold(str(r, "name"), v) },
		"dept": func(_ *Tenant, r record, v string) bool {
			d, _ := r["department"].(map[string]any)
			return d != nil && hasPrefixFold(str(d, "name"), v)
		},
		"group": func(_ *Tenant, r record, v string) bool { return anyRefName(r, "groups", v, true) },
	},
	prepare: func(_ *Tenant, rec, _, in record, _ url.Values) *apiError {
		if !strings.Contains(str(rec, "email"), "@") {
			return errInvalid("Invalid email address: %s", str(rec, "email"))
		}
		if p, found := in["password"]; found {
			if _, isStr := p.(string); !isStr {
				return errInvalidBody()
			}
		}
		return nil
	},
	inUse: inUseByRules("User", "users", "overrideUsers"),
})

// anyRefName reports whether a reference in field k has a name matching v (prefix or
// substring, case-insensitive).
func anyRefName(r record, k, v string, prefix bool) bool {
	for _, e := range list(r, k) {
		m, _ := e.(map[string]any)
		if m == nil {
			continue
		}
		if (prefix && hasPrefixFold(str(m, "name"), v)) || (!prefix && containsFold(str(m, "name"), v)) {
			return true
		}
	}
	return false
}

var _ = register(&family{
	name: "groups",
	template: func() record {
		return record{"id": int64(0), "name": "", "idpId": int64(0), "comments": "",
			"isSystemDefined": false}
	},
	managed:  []string{"idpId", "isSystemDefined"},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "comments"},
	lite:     []string{"id", "name"},
	protect: func(r record) string {
		if boolean(r, "isSystemDefined") {
			return "System defined groups cannot be modified"
		}
		return ""
	},
	inUse: func(t *Tenant, r record) string {
		for _, u := range t.coll("users") {
			if hasRef(u, "groups", idKey(r["id"])) {
				return fmt.Sprintf("Group %q has users", str(r, "name"))
			}
		}
		return inUseByRules("Group", "groups", "overrideGroups")(t, r)
	},
})

var _ = register(&family{
	name: "departments",
	template: func() record {
		return record{"id": int64(0), "name": "", "idpId": int64(0), "comments": "",
			"deleted": false}
	},
	managed:  []string{"idpId", "deleted"},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "comments"},
	filters: map[string]filterFunc{
		// limitSearch is applied by queryScope; the generic search covers comments too.
		"limitSearch": func(_ *Tenant, _ record, _ string) bool { return true },
	},
	// limitSearch=true narrows search to department names.
	queryScope: func(r record, q url.Values) bool {
		s := q.Get("search")
		return s == "" || q.Get("limitSearch") != "true" || containsFold(str(r, "name"), s)
	},
	lite: []string{"id", "name"},
	inUse: func(t *Tenant, r record) string {
		for _, u := range t.coll("users") {
			if d, _ := u["department"].(map[string]any); d != nil && idKey(d["id"]) == idKey(r["id"]) {
				return fmt.Sprintf("Department %q has users", str(r, "name"))
			}
		}
		return inUseByRules("Department", "departments")(t, r)
	},
})

// userReferences answers GET /users/references: id and name only.
func (t *Tenant) userReferences(q url.Values) result {
	var out []record
	for _, u := range t.queryItems(families["users"], url.Values{"search": {q.Get("search")}}) {
		if v := q.Get("name"); v != "" && !containsFold(str(u, "name"), v) {
			continue
		}
		if boolean(u, "adminUser") && q.Get("includeAdminUsers") != "true" {
			continue
		}
		out = append(out, ref(u))
	}
	page, aerr := paginate(append([]record{}, out...), q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

func (t *Tenant) auditors(q url.Values) result {
	out := []record{}
	for _, u := range t.queryItems(families["users"], url.Values{}) {
		if str(u, "type") == "AUDITOR" {
			out = append(out, u)
		}
	}
	page, aerr := paginate(out, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

package simulator

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
)

const ziaPrefix = "/zia/api/v1"

// result is a ZIA answer: a status and a JSON body (nil body with 204), or for the
// few endpoints that answer otherwise (CSV reports) raw bytes of contentType.
type result struct {
	status      int
	body        any
	raw         []byte
	contentType string
}

func ok(v any) result { return result{status: http.StatusOK, body: v} }

func fail(e *apiError) result { return result{status: e.status, body: e.body} }

func noContent() result { return result{status: http.StatusNoContent} }

// serveZIA decodes the body of a POST or PUT, splits the path below /zia/api/v1 into
// unescaped segments and routes the call under the tenant lock, so that a write and
// its entry in the write log are one step.
func (t *Tenant) serveZIA(w http.ResponseWriter, r *http.Request, path string) {
	rest, found := strings.CutPrefix(path, ziaPrefix)
	if !found {
		writeJSON(w, http.StatusNotFound, ctJSON, errNotFound("Unknown endpoint %s", path).body)
		return
	}

	var body any
	raw, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	if err != nil {
		return
	}
	if len(bytes.TrimSpace(raw)) > 0 && (r.Method == http.MethodPost || r.Method == http.MethodPut) {
		body, err = decodeJSON(bytes.NewReader(raw))
		if err != nil {
			writeJSON(w, http.StatusBadRequest, ctJSON, errInvalidBody().body)
			return
		}
	}

	var segs []string
	for _, s := range strings.Split(rest, "/") {
		if s != "" {
			if u, err := url.PathUnescape(s); err == nil {
				s = u
			}
			segs = append(segs, s)
		}
	}

	t.mu.Lock()
	res := t.routeZIA(r.Method, segs, r.URL.Query(), body)
	t.recordWrite(r.Method, segs, r.URL.RawQuery, res)
	t.mu.Unlock()

	if res.status == http.StatusNoContent {
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if res.contentType != "" {
		w.Header().Set("Content-Type", res.contentType)
		w.WriteHeader(res.status)
		_, _ = w.Write(res.raw)
		return
	}
	writeJSON(w, res.status, ctJSON, res.body)
}

// routeZIA dispatches a ZIA call. The caller holds t.mu.
func (t *Tenant) routeZIA(method string, segs []string, q url.Values, body any) result {
	if len(segs) == 0 {
		return fail(errNotFound("Unknown endpoint %s", ziaPrefix))
	}
	if res, handled := t.routeSpecial(method, segs, q, body); handled {
		return res
	}
	if s, found := singletons[strings.Join(segs, "/")]; found {
		return t.serveSingleton(s, method, q, body)
	}
	f := families[segs[0]]
	if segs[0] == "locations" && len(segs) > 1 && segs[1] == "groups" {
		f, segs = families["locationGroups"], segs[1:]
	}
	if f == nil {
		return fail(errNotFound("Unknown endpoint %s/%s", ziaPrefix, strings.Join(segs, "/")))
	}
	return t.routeFamily(f, method, segs[1:], q, body)
}

// routeFamily serves the generic endpoints of one collection: the list, /lite,
// /lite/{id} and /{id}.
func (t *Tenant) routeFamily(f *family, method string, rest []string, q url.Values,
	body any) result {
	switch {
	case len(rest) == 0:
		switch method {
		case http.MethodGet:
			items, aerr := t.ziaList(f, q)
			if aerr != nil {
				return fail(aerr)
			}
			return ok(items)
		case http.MethodPost:
			rec, aerr := t.ziaCreate(f, body, q)
			if aerr != nil {
				return fail(aerr)
			}
			return ok(rec)
		}
		return fail(errMethod())
	case rest[0] == "lite" && f.lite != nil && method == http.MethodGet:
		items := t.queryItems(f, q)
		if len(rest) == 2 {
			for _, r := range items {
				if idKey(r["id"]) == rest[1] {
					return ok(project(r, f.lite))
				}
			}
			return fail(errNotFound("%s with id %s not found", f.name, rest[1]))
		}
		items, aerr := paginate(items, q)
		if aerr != nil {
			return fail(aerr)
		}
		out := make([]record, len(items))
		for i, r := range items {
			out[i] = project(r, f.lite)
		}
		return ok(out)
	case len(rest) == 1:
		id := rest[0]
		switch method {
		case http.MethodGet:
			rec, aerr := t.ziaGet(f, id)
			if aerr != nil {
				return fail(aerr)
			}
			return ok(rec)
		case http.MethodPut:
			rec, aerr := t.ziaUpdate(f, id, body, q)
			if aerr != nil {
				return fail(aerr)
			}
			return ok(rec)
		case http.MethodDelete:
			if aerr := t.ziaDelete(f, id); aerr != nil {
				return fail(aerr)
			}
			return noContent()
		}
		return fail(errMethod())
	}
	return fail(errNotFound("Unknown endpoint under %s", f.name))
}

// project keeps only fields of r.
func project(r record, fields []string) record {
	out := record{}
	for _, k := range fields {
		if v, found := r[k]; found {
			out[k] = v
		}
	}
	return out
}

// routeSpecial serves the endpoints that are not plain collections.
func (t *Tenant) routeSpecial(method string, segs []string, q url.Values,
	body any) (result, bool) {
	if res, handled := t.routeInspection(method, segs, q, body); handled {
		return res, true
	}
	path := strings.Join(segs, "/")
	if route, found := pathRoutes[path]; found {
		return route(t, method, q, body), true
	}
	get, post := method == http.MethodGet, method == http.MethodPost
	switch {
	case path == "status" && get:
		return ok(t.activationStatus()), true
	case path == "status/activate" && (post || method == http.MethodPut):
		t.pending = false
		return ok(t.activationStatus()), true
	case path == "authenticatedSession":
		return t.authenticatedSession(method), true
	case path == "urlLookup" && post:
		return t.urlLookup(body), true
	case path == "urlCategories/urlQuota" && get:
		return ok(t.urlQuota()), true
	case path == "locations/lite" && get:
		return t.locationsLite(q, ""), true
	case len(segs) == 3 && segs[0] == "locations" && segs[1] == "lite" && get:
		return t.locationsLite(q, segs[2]), true
	case len(segs) == 3 && segs[0] == "locations" && segs[2] == "sublocations" && get:
		return t.sublocations(segs[1], q), true
	case path == "locations/groups/count" && get:
		return ok(len(t.queryItems(families["locationGroups"], q))), true
	case path == "firewallFilteringRules/count" && get:
		return ok(t.firewallRuleCount(q)), true
	case len(segs) == 2 && segs[1] == "bulkDelete" && post:
		if f := bulkDeletable[segs[0]]; f > 0 {
			return t.bulkDelete(families[segs[0]], body, f), true
		}
	case segs[0] == "webApplicationRules":
		return t.webApplicationRules(method, segs[1:], q, body), true
	case path == "cloudApplications/policy" && get:
		return serveAppCatalog(cloudAppCatalog, q), true
	case path == "users/references" && get:
		return t.userReferences(q), true
	case path == "users/auditors" && get:
		return t.auditors(q), true
	case path == "staticIP/validate" && post:
		return t.validateStaticIP(body), true
	case path == "greTunnels/availableInternalIpRanges" && get:
		return t.availableGRERanges(q), true
	case path == "vips/recommendedList" && get:
		return t.recommendedVIPs(q), true
	case path == "region/byGeoCoordinates" && get:
		return regionByCoordinates(q), true
	case len(segs) == 3 && segs[0] == "region" && segs[1] == "byIPAddress" && get:
		return regionByIP(segs[2]), true
	case path == "region/search" && get:
		return regionSearch(q), true
	case len(segs) == 3 && segs[0] == "users" && segs[2] == "enroll":
		return t.enrollUser(method, segs[1], body), true
	case len(segs) == 2 && segs[0] == "eusaStatus":
		return t.updateEusa(method, segs[1], body), true
	case len(segs) == 3 && segs[0] == "dlpDictionaries" && segs[2] == "predefinedIdentifiers":
		return t.predefinedIdentifiers(method, segs[1]), true
	}
	return result{}, false
}

// bulkDeletable maps the collections with a bulkDelete endpoint to their id limit.
var bulkDeletable = map[string]int{"locations": 100, "users": 500, "vpnCredentials": 100}

// bulkDelete removes every listed object or none: a missing or protected one fails the
// whole request.
func (t *Tenant) bulkDelete(f *family, body any, limit int) result {
	m, isObj := body.(map[string]any)
	ids, isList := m["ids"].([]any)
	if !isObj || !isList {
		return fail(errInvalidBody())
	}
	if len(ids) > limit {
		return fail(errInvalid("A maximum of %d ids can be deleted at once", limit))
	}
	for _, id := range ids {
		r, _ := t.find(f.name, id)
		if r == nil {
			return fail(errNotFound("%s with id %s not found", f.name, idKey(id)))
		}
		if f.inUse != nil {
			if why := f.inUse(t, r); why != "" {
				return fail(errInUse("%s", why))
			}
		}
	}
	for _, id := range ids {
		if aerr := t.ziaDelete(f, idKey(id)); aerr != nil {
			return fail(aerr)
		}
	}
	return noContent()
}

func (t *Tenant) activationStatus() record {
	if t.pending {
		return record{"status": "PENDING"}
	}
	return record{"status": "ACTIVE"}
}

// authenticatedSession mimics the legacy session endpoint, which OneAPI clients may
// still call on close: DELETE ends the session and activates staged changes.
func (t *Tenant) authenticatedSession(method string) result {
	switch method {
	case http.MethodGet, http.MethodPost:
		return ok(record{"authType": "ADMIN_LOGIN", "obfuscateApiKey": false,
			"passwordExpiryTime": 0, "passwordExpiryDays": 0, "source": "ONEAPI"})
	case http.MethodDelete:
		t.pending = false
		return ok(record{"status": "ACTIVE"})
	}
	return fail(errMethod())
}

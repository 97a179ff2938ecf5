package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
)

// The shadow IT catalog: cloud applications ("cloudApplications" collection) and the
// custom tags that can be put on them ("customTags"). The API reads both as id and
// name only; the sanction state and tags of an application are kept in the internal
// fields _sanctionedState and _customTags, which only bulkUpdate changes.

var _ = addRoute("cloudApplications/lite",
	func(t *Tenant, method string, q url.Values, _ any) result {
		if method != http.MethodGet {
			return fail(errMethod())
		}
		return t.cloudAppsLite(q)
	})

var _ = addRoute("customTags", func(t *Tenant, method string, _ url.Values, _ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	items := make([]record, 0, len(t.coll("customTags")))
	for _, r := range t.coll("customTags") {
		items = append(items, public(r))
	}
	return ok(items)
})

var _ = addRoute("cloudApplications/bulkUpdate",
	func(t *Tenant, method string, _ url.Values, body any) result {
		if method != http.MethodPut {
			return fail(errMethod())
		}
		return t.bulkUpdateCloudApps(body)
	})

// sanctionedStates are the values bulkUpdate accepts for sanctionedState.
var sanctionedStates = []string{"SANCTIONED", "UN_SANCTIONED", "ANY"}

// defaultCloudAppLimit is the page size when pageNumber comes without limit.
// TODO: the API's own default was never recorded; 100 is the common ZIA default.
const defaultCloudAppLimit = 100

// cloudAppsLite answers GET /cloudApplications/lite: everything without paging
// parameters, else page pageNumber (counted from 0) of limit applications. The Go SDK
// spells the page parameter PageNumber, so both spellings are read.
func (t *Tenant) cloudAppsLite(q url.Values) result {
	items := make([]record, 0, len(t.coll("cloudApplications")))
	for _, r := range t.coll("cloudApplications") {
		items = append(items, project(r, []string{"id", "name"}))
	}
	pn := q.Get("pageNumber")
	if pn == "" {
		pn = q.Get("PageNumber")
	}
	lim := q.Get("limit")
	if pn == "" && lim == "" {
		return ok(items)
	}
	page, limit := 0, defaultCloudAppLimit
	if pn != "" {
		n, err := strconv.Atoi(pn)
		if err != nil || n < 0 {
			return fail(errInvalid("Invalid pageNumber: %s", pn))
		}
		page = n
	}
	if lim != "" {
		n, err := strconv.Atoi(lim)
		if err != nil || n < 1 {
			return fail(errInvalid("Invalid limit: %s", lim))
		}
		limit = n
	}
	start := page * limit
	if start >= len(items) {
		return ok([]record{})
	}
	return ok(items[start:min(start+limit, len(items))])
}

// bulkUpdateCloudApps answers PUT /cloudApplications/bulkUpdate: every listed
// application takes the sanction state (when given) and, when customTags is given, that
// set of tags. Unknown applications or tags fail the whole request; nothing changes.
// The API answers 204 without a body.
func (t *Tenant) bulkUpdateCloudApps(body any) result {
	in, isObj := body.(map[string]any)
	if !isObj {
		return fail(errInvalidBody())
	}
	state, hasState := in["sanctionedState"]
	if hasState && state != nil {
		s, isStr := state.(string)
		if !isStr || !slices.Contains(sanctionedStates, s) {
			return fail(errInvalidBody())
		}
	}
	apps, aerr := t.bulkTargets(in["applicationIds"])
	if aerr != nil {
		return fail(aerr)
	}
	tags, setTags, aerr := t.bulkTags(in["customTags"])
	if aerr != nil {
		return fail(aerr)
	}
	for _, app := range apps {
		if s, isStr := state.(string); isStr {
			app["_sanctionedState"] = s
		}
		if setTags {
			app["_customTags"] = clone(tags)
		}
	}
	if len(apps) > 0 {
		t.pending = true
	}
	return noContent()
}

// bulkTargets resolves applicationIds, a list of integers, to the stored applications.
func (t *Tenant) bulkTargets(v any) ([]record, *apiError) {
	if v == nil {
		return nil, nil
	}
	ids, isList := v.([]any)
	if !isList {
		return nil, errInvalidBody()
	}
	out := make([]record, 0, len(ids))
	for _, id := range ids {
		if _, isInt := id.(int64); !isInt {
			return nil, errInvalidBody()
		}
		app, _ := t.find("cloudApplications", id)
		if app == nil {
			return nil, errInvalid("Invalid application id: %s", idKey(id))
		}
		out = append(out, app)
	}
	return out, nil
}

// bulkTags resolves customTags, a list of {id} references (ids as numbers or numeric
// strings, as the Python SDK sends them), to {id,name} references; set is false when
// the request leaves tags alone.
func (t *Tenant) bulkTags(v any) (tags []any, set bool, aerr *apiError) {
	if v == nil {
		return nil, false, nil
	}
	list, isList := v.([]any)
	if !isList {
		return nil, false, errInvalidBody()
	}
	tags = make([]any, 0, len(list))
	for _, e := range list {
		m, isObj := e.(map[string]any)
		if !isObj {
			return nil, false, errInvalidBody()
		}
		id := m["id"]
		if s, isStr := id.(string); isStr {
			n, err := strconv.ParseInt(s, 10, 64)
			if err != nil {
				return nil, false, errInvalidBody()
			}
			id = n
		}
		tag, _ := t.find("customTags", id)
		if tag == nil {
			return nil, false, errInvalid("Invalid custom tag id: %s", idKey(id))
		}
		tags = append(tags, ref(tag))
	}
	return tags, true, nil
}

// CloudApplicationState returns the sanction state and custom tag ids of the shadow IT
// application id, which the API itself never reads back; found is false when there is no
// such application. It exists for tests.
func (t *Tenant) CloudApplicationState(id int64) (state string, tagIDs []string, found bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	app, _ := t.find("cloudApplications", id)
	if app == nil {
		return "", nil, false
	}
	return str(app, "_sanctionedState"), refIDs(app, "_customTags"), true
}

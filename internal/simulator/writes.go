package simulator

import (
	"net/http"
	"strings"
)

// Write is one change the tenant applied: a ZIA create, update or delete, or an
// activation. Requests the tenant refused (faults, validation errors, missing objects)
// are not writes, so tests can count effects rather than attempts: a delete that ran
// exactly once shows up exactly once here, however often it was tried.
type Write struct {
	Method string
	// Path is the request path, e.g. "/zia/api/v1/ruleLabels/42"; RawQuery its query
	// (such as "action=ADD_TO_LIST").
	Path     string
	RawQuery string
	// Collection is the first path segment under /zia/api/v1 ("ruleLabels", "status").
	Collection string
	// ID is the id of the object changed: the one in the path, or for a create the id
	// the tenant assigned. It is empty for bulk deletes, bulk updates and activations.
	ID     string
	Status int
}

// readOnlyPosts are POST endpoints that answer a question and change nothing.
var readOnlyPosts = map[string]bool{
	"urlLookup": true, "staticIP/validate": true, "authenticatedSession": true,
}

// unstagedPaths are endpoints whose writes of any method change no configuration:
// reviews, pattern checks and reports.
var unstagedPaths = map[string]bool{
	"urlCategories/review/domains": true, "dlpDictionaries/validateDlpPattern": true,
	"auditlogEntryReport": true,
}

// recordWrite logs a request that changed the tenant. The caller holds t.mu.
func (t *Tenant) recordWrite(method string, segs []string, rawQuery string, res result) {
	if method == http.MethodGet || res.status >= 300 || len(segs) == 0 ||
		unstagedPaths[strings.Join(segs, "/")] {
		return
	}
	if method == http.MethodPost && (readOnlyPosts[strings.Join(segs, "/")] ||
		segs[len(segs)-1] == "availableActions") {
		return
	}
	w := Write{Method: method, Path: ziaPrefix + "/" + strings.Join(segs, "/"),
		RawQuery: rawQuery, Collection: segs[0], Status: res.status}
	switch {
	case segs[0] == "status" || segs[0] == "authenticatedSession":
	case segs[0] == "webApplicationRules": // rules live under their rule type
		if m, ok := res.body.(record); ok && method == http.MethodPost {
			w.ID = idKey(m["id"])
		} else if len(segs) == 3 {
			w.ID = segs[2]
		}
	case method == http.MethodPost && len(segs) == 1:
		if m, ok := res.body.(record); ok {
			w.ID = idKey(m["id"])
		}
	case len(segs) == 2 && segs[1] != "bulkDelete" && segs[1] != "bulkUpdate":
		w.ID = segs[1]
	}
	t.writes = append(t.writes, w)
}

// Writes returns a copy of the changes applied since the tenant was created or reset,
// in the order they were applied.
func (t *Tenant) Writes() []Write {
	t.mu.Lock()
	defer t.mu.Unlock()
	out := make([]Write, len(t.writes))
	copy(out, t.writes)
	return out
}

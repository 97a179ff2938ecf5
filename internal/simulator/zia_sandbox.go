package simulator

import (
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
)

// The sandbox endpoints that are not rules: the report quota, the detonation reports
// and the behavioural analysis hash lists with their usage count.

const baSettingsPath = "behavioralAnalysisAdvancedSettings"

// maxFileHashes is how many hashes each custom list (deny, allow) may hold.
const maxFileHashes = 10000

var md5Pattern = regexp.MustCompile(`^[0-9a-fA-F]{32}$`)

var fileHashTypes = []string{"CUSTOM_FILEHASH_DENY", "CUSTOM_FILEHASH_ALLOW"}

func init() {
	addSingleton(&singleton{path: baSettingsPath, seed: seedBASettings})
}

// routeSandbox serves the sandbox report and hash-list endpoints.
func (t *Tenant) routeSandbox(method string, segs []string, q url.Values,
	body any) (result, bool) {
	path := strings.Join(segs, "/")
	get := method == http.MethodGet
	switch {
	case path == "sandbox/report/quota":
		if !get {
			return fail(errMethod()), true
		}
		return ok([]record{canonRec(record{"startTime": -1, "used": 14, "allowed": 3000,
			"scale": "DAYS", "unused": 2986})}), true
	case len(segs) == 3 && segs[0] == "sandbox" && segs[1] == "report":
		if !get {
			return fail(errMethod()), true
		}
		return sandboxReport(segs[2], q.Get("details")), true
	case path == baSettingsPath:
		return t.baSettings(method, body), true
	case path == baSettingsPath+"/fileHashCount":
		if !get {
			return fail(errMethod()), true
		}
		return ok(t.fileHashCount()), true
	}
	return result{}, false
}

// sandboxReport answers GET /sandbox/report/{md5}. A hash without a report is answered
// 200 with a CONTENT_NOTFOUND status under the section asked for, as recorded.
func sandboxReport(md5, details string) result {
	key := map[string]string{"": "Summary", "summary": "Summary", "full": "Full Details"}[details]
	if key == "" {
		return fail(errInvalid("Invalid details value: %s. Supported values: full, summary", details))
	}
	rep, found := sandboxReports[strings.ToLower(md5)]
	if !found {
		return ok(canonRec(record{key: record{"Summary": record{
			"Status": "CONTENT_NOTFOUND", "Message": "Content lookup failed."}}}))
	}
	section := rep.summary()
	if key == "Full Details" {
		section = rep.full()
	}
	return ok(canonRec(record{key: section}))
}

// baSettings serves the custom hash lists. Reads also show the older field
// fileHashesToBeBlocked (the denied hashes), which the Go SDK's first struct reads;
// a PUT may set either field, the newer one winning.
func (t *Tenant) baSettings(method string, body any) result {
	cur := t.zia.singletons[baSettingsPath]
	switch method {
	case http.MethodGet:
		return ok(baView(cur))
	case http.MethodPut:
		in, isObj := body.(map[string]any)
		if !isObj {
			return fail(errInvalidBody())
		}
		next, aerr := baFromBody(in)
		if aerr != nil {
			return fail(aerr)
		}
		t.zia.singletons[baSettingsPath] = next
		t.pending = true
		return ok(baView(next))
	}
	return fail(errMethod())
}

func baView(cur record) record {
	out := public(cur)
	denied := []any{}
	for _, e := range list(cur, "md5HashValueList") {
		if m, isObj := e.(map[string]any); isObj && str(m, "type") == "CUSTOM_FILEHASH_DENY" {
			denied = append(denied, str(m, "url"))
		}
	}
	out["fileHashesToBeBlocked"] = denied
	return out
}

// baFromBody builds the stored lists from a PUT body.
func baFromBody(in record) (record, *apiError) {
	var entries []any
	switch {
	case in["md5HashValueList"] != nil:
		l, isList := in["md5HashValueList"].([]any)
		if !isList {
			return nil, errInvalidBody()
		}
		entries = l
	case in["fileHashesToBeBlocked"] != nil:
		l, isList := in["fileHashesToBeBlocked"].([]any)
		if !isList {
			return nil, errInvalidBody()
		}
		for _, h := range l {
			entries = append(entries, record{"url": h, "urlComment": "",
				"type": "CUSTOM_FILEHASH_DENY"})
		}
	}
	out := []any{}
	counts := map[string]int{}
	for _, e := range entries {
		m, isObj := e.(map[string]any)
		if !isObj {
			return nil, errInvalidBody()
		}
		h, isStr := m["url"].(string)
		typ := str(m, "type")
		if !isStr || !slices.Contains(fileHashTypes, typ) {
			return nil, errInvalidBody()
		}
		if !md5Pattern.MatchString(h) {
			return nil, errInvalid("Invalid MD5 hash: %s", h)
		}
		if counts[typ]++; counts[typ] > maxFileHashes {
			return nil, errLimit("Maximum %d file hashes are allowed", maxFileHashes)
		}
		out = append(out, record{"url": strings.ToLower(h), "urlComment": m["urlComment"],
			"type": typ})
	}
	return canonRec(record{"md5HashValueList": out}), nil
}

// fileHashCount answers with both field sets: the one the API returns and the one the
// Go SDK's struct reads.
func (t *Tenant) fileHashCount() record {
	var denied, allowed int
	for _, e := range list(t.zia.singletons[baSettingsPath], "md5HashValueList") {
		switch str(e.(map[string]any), "type") {
		case "CUSTOM_FILEHASH_DENY":
			denied++
		case "CUSTOM_FILEHASH_ALLOW":
			allowed++
		}
	}
	return canonRec(record{
		"allowedFileHashesCount": allowed, "allowedRemainingFileHashes": maxFileHashes - allowed,
		"deniedFileHashesCount": denied, "deniedRemainingFileHashes": maxFileHashes - denied,
		"blockedFileHashesCount": denied, "remainingFileHashes": maxFileHashes - denied,
	})
}

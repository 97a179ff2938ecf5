package simulator

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Device groups and devices are read-only: the API lists them and offers no writes.
// Device groups live in the "deviceGroups" collection and devices in "devices"; neither
// is a family, because the API serves no /deviceGroups/{id} and no /devices.

var _ = addRoute("deviceGroups", func(t *Tenant, method string, q url.Values, _ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	return t.deviceGroups(q)
})

var _ = addRoute("deviceGroups/devices",
	func(t *Tenant, method string, q url.Values, _ any) result {
		if method != http.MethodGet {
			return fail(errMethod())
		}
		return t.devices(q, false)
	})

var _ = addRoute("deviceGroups/devices/lite",
	func(t *Tenant, method string, q url.Values, _ any) result {
		if method != http.MethodGet {
			return fail(errMethod())
		}
		return t.devices(q, true)
	})

// boolParam reports whether the boolean query parameter name is "true".
func boolParam(q url.Values, name string) bool { return strings.EqualFold(q.Get(name), "true") }

// deviceGroups answers GET /deviceGroups. The OS groups are always listed; the Client
// Connector and Cloud Browser Isolation pseudo groups only with includePseudoGroups,
// IoT groups only with includeIOTGroups, and the device names and count only with
// includeDeviceInfo. Paging is honoured when asked for, so the SDK's page loop ends.
func (t *Tenant) deviceGroups(q url.Values) result {
	items := []record{}
	for _, g := range t.coll("deviceGroups") {
		switch str(g, "_kind") {
		case "pseudo":
			if !boolParam(q, "includePseudoGroups") {
				continue
			}
		case "iot":
			if !boolParam(q, "includeIOTGroups") {
				continue
			}
		}
		out := public(g)
		if boolParam(q, "includeDeviceInfo") {
			var names []string
			for _, d := range t.coll("devices") {
				if idKey(d["_groupId"]) == idKey(g["id"]) {
					names = append(names, str(d, "name"))
				}
			}
			out["deviceNames"] = strings.Join(names, ",")
			out["deviceCount"] = int64(len(names))
		}
		items = append(items, out)
	}
	page, aerr := paginate(items, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

// maxDevicePageSize is the largest page the devices endpoints serve.
const maxDevicePageSize = 1000

// deviceLiteFields are the fields of /deviceGroups/devices/lite.
var deviceLiteFields = []string{"id", "name", "ownerName"}

// devices answers GET /deviceGroups/devices and its /lite form. Cloud Browser Isolation
// devices are listed only with includeAll=true.
func (t *Tenant) devices(q url.Values, lite bool) result {
	if n, err := strconv.Atoi(q.Get("pageSize")); err == nil && n > maxDevicePageSize {
		return fail(errInvalid("pageSize must not exceed %d", maxDevicePageSize))
	}
	users, aerr := idListParam(q, "userIds")
	if aerr != nil {
		return fail(aerr)
	}
	items := []record{}
	for _, d := range t.coll("devices") {
		if str(d, "deviceGroupType") == "CBI" && !boolParam(q, "includeAll") {
			continue
		}
		if len(users) > 0 && !slices.Contains(users, idKey(d["ownerUserId"])) {
			continue
		}
		if !deviceMatches(d, q, lite) {
			continue
		}
		if lite {
			items = append(items, project(d, deviceLiteFields))
		} else {
			items = append(items, public(d))
		}
	}
	page, aerr := paginate(items, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

// deviceMatches applies the search parameters of the device lists: name is a prefix of
// the device name; model, owner and search_all are substrings; osType and osVersion
// match exactly (ignoring case). The lite list takes name only.
func deviceMatches(d record, q url.Values, lite bool) bool {
	if v := q.Get("name"); v != "" && !hasPrefixFold(str(d, "name"), v) {
		return false
	}
	if lite {
		return true
	}
	checks := []struct {
		param, field string
		match        func(s, v string) bool
	}{
		{"model", "deviceModel", containsFold},
		{"owner", "ownerName", containsFold},
		{"osType", "osType", strings.EqualFold},
		{"osVersion", "osVersion", strings.EqualFold},
	}
	for _, c := range checks {
		if v := q.Get(c.param); v != "" && !c.match(str(d, c.field), v) {
			return false
		}
	}
	if v := q.Get("deviceGroupId"); v != "" && idKey(d["_groupId"]) != v {
		return false
	}
	if v := q.Get("search_all"); v != "" {
		for _, k := range []string{"name", "deviceModel", "ownerName", "osType", "osVersion",
			"hostName", "description"} {
			if containsFold(str(d, k), v) {
				return true
			}
		}
		return false
	}
	return true
}

// idListParam reads a list of numeric ids sent either as repeated parameters
// (userIds=1&userIds=2) or comma-separated (userIds=1,2).
func idListParam(q url.Values, name string) ([]string, *apiError) {
	var out []string
	for _, v := range q[name] {
		for _, s := range strings.Split(v, ",") {
			s = strings.TrimSpace(s)
			if s == "" {
				continue
			}
			if _, err := strconv.ParseInt(s, 10, 64); err != nil {
				return nil, errInvalid("Invalid %s: %s", name, s)
			}
			out = append(out, s)
		}
	}
	return out, nil
}

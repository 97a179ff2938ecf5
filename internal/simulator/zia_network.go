package simulator

import (
	"fmt"
	"net"
	"net/url"
	"strings"
)

func predefinedService(r record) string {
	if str(r, "type") != "CUSTOM" {
		return fmt.Sprintf("%s network service %q cannot be modified",
			strings.ToLower(str(r, "type")), str(r, "name"))
	}
	return ""
}

var _ = register(&family{
	name: "networkServices",
	template: func() record {
		return record{"id": int64(0), "name": "", "tag": "", "type": "CUSTOM", "protocol": "",
			"description": "", "creatorContext": "ZIA", "isNameL10nTag": false,
			"srcTcpPorts": []any{}, "destTcpPorts": []any{}, "srcUdpPorts": []any{},
			"destUdpPorts": []any{}}
	},
	managed:  []string{"tag", "type", "creatorContext", "isNameL10nTag"},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "description"},
	filters: map[string]filterFunc{
		"protocol": func(_ *Tenant, r record, v string) bool {
			switch strings.ToUpper(v) {
			case "TCP":
				return len(list(r, "destTcpPorts"))+len(list(r, "srcTcpPorts")) > 0
			case "UDP":
				return len(list(r, "destUdpPorts"))+len(list(r, "srcUdpPorts")) > 0
			}
			return strings.EqualFold(str(r, "protocol"), v) || containsFold(str(r, "name"), v)
		},
		"locale": func(*Tenant, record, string) bool { return true },
	},
	protect: predefinedService,
	prepare: func(_ *Tenant, rec, old, _ record, _ url.Values) *apiError {
		ports := 0
		for _, k := range []string{"srcTcpPorts", "destTcpPorts", "srcUdpPorts", "destUdpPorts"} {
			cleaned, aerr := checkPorts(list(rec, k))
			if aerr != nil {
				return aerr
			}
			rec[k] = cleaned
			ports += len(cleaned)
		}
		if ports == 0 {
			return errInvalid("At least one port range is required")
		}
		if old == nil {
			rec["tag"] = strings.ToUpper(strings.Join(strings.Fields(str(rec, "name")), "_"))
		}
		return nil
	},
	inUse: func(t *Tenant, r record) string {
		for _, g := range t.coll("networkServiceGroups") {
			if hasRef(g, "services", idKey(r["id"])) {
				return fmt.Sprintf("Network service %q belongs to group %q", str(r, "name"),
					str(g, "name"))
			}
		}
		return inUseByRules("Network service", "nwServices")(t, r)
	},
})

// checkPorts validates port ranges {start, end?}; a single port omits end.
func checkPorts(ports []any) ([]any, *apiError) {
	out := make([]any, 0, len(ports))
	for _, p := range ports {
		m, isObj := p.(map[string]any)
		if !isObj {
			return nil, errInvalidBody()
		}
		start, okS := asInt(m["start"])
		if !okS || start < 1 || start > 65535 {
			return nil, errInvalid("Invalid port: %v", m["start"])
		}
		pr := record{"start": start}
		if e, found := m["end"]; found && e != nil {
			end, okE := asInt(e)
			if !okE || end < start || end > 65535 {
				return nil, errInvalid("Invalid port range end: %v", e)
			}
			if end != start && end != 0 {
				pr["end"] = end
			}
		}
		out = append(out, pr)
	}
	return out, nil
}

var _ = register(&family{
	name: "networkServiceGroups",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "", "creatorContext": "ZIA",
			"services": []any{}}
	},
	managed:  []string{"creatorContext"},
	refLists: map[string]string{"services": "networkServices"},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "description"},
	lite:     []string{"id", "name"},
	view: func(t *Tenant, r record) {
		for _, e := range list(r, "services") {
			m := e.(map[string]any)
			if s, _ := t.find("networkServices", m["id"]); s != nil {
				m["isNameL10nTag"] = s["isNameL10nTag"]
			}
		}
	},
	inUse: inUseByRules("Network service group", "nwServiceGroups"),
})

// validAddress accepts an IPv4/IPv6 address, a CIDR or a dash-separated range.
func validAddress(s string) bool {
	if net.ParseIP(s) != nil {
		return true
	}
	if _, _, err := net.ParseCIDR(s); err == nil {
		return true
	}
	if a, b, found := strings.Cut(s, "-"); found {
		return net.ParseIP(strings.TrimSpace(a)) != nil && net.ParseIP(strings.TrimSpace(b)) != nil
	}
	return false
}

func nonEditable(r record) string {
	if boolean(r, "isNonEditable") {
		return fmt.Sprintf("%q cannot be modified", str(r, "name"))
	}
	return ""
}

var _ = register(&family{
	name: "ipSourceGroups",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "", "ipAddresses": []any{},
			"isNonEditable": false, "creatorContext": "ZIA", "extranetIpPool": false}
	},
	managed:  []string{"isNonEditable", "creatorContext"},
	required: []string{"name", "ipAddresses"},
	unique:   "name",
	search:   []string{"name", "description"},
	lite:     []string{"id", "name"},
	protect:  nonEditable,
	prepare: func(_ *Tenant, rec, _, _ record, _ url.Values) *apiError {
		for _, a := range list(rec, "ipAddresses") {
			if s, isStr := a.(string); !isStr || !validAddress(s) {
				return errInvalid("Invalid IP address: %v", a)
			}
		}
		return nil
	},
	inUse: inUseByRules("IP source group", "srcIpGroups", "sourceIpGroups"),
})

var destGroupTypes = []string{"DSTN_IP", "DSTN_FQDN", "DSTN_DOMAIN", "DSTN_OTHER"}

var _ = register(&family{
	name: "ipDestinationGroups",
	template: func() record {
		return record{"id": int64(0), "name": "", "type": "DSTN_IP", "addresses": []any{},
			"description": "", "ipCategories": []any{}, "countries": []any{},
			"urlCategories": []any{}, "ipAddresses": []any{}, "isNonEditable": false,
			"creatorContext": "ZIA"}
	},
	managed:  []string{"isNonEditable", "creatorContext", "ipAddresses"},
	enums:    map[string][]string{"type": destGroupTypes},
	required: []string{"name"},
	unique:   "name",
	search:   []string{"name", "description"},
	lite:     []string{"id", "name", "type"},
	filters: map[string]filterFunc{
		"excludeType": func(_ *Tenant, r record, v string) bool { return str(r, "type") != v },
	},
	protect: nonEditable,
	prepare: func(_ *Tenant, rec, _, _ record, _ url.Values) *apiError {
		addrs := strList(rec, "addresses")
		switch str(rec, "type") {
		case "DSTN_IP":
			for _, a := range addrs {
				if !validAddress(a) {
					return errInvalid("Invalid IP address: %s", a)
				}
			}
			rec["ipAddresses"] = anyStrings(addrs)
		case "DSTN_FQDN", "DSTN_DOMAIN":
			for _, a := range addrs {
				if a == "" || strings.ContainsAny(a, " /") {
					return errInvalid("Invalid domain: %s", a)
				}
			}
			rec["ipAddresses"] = []any{}
		case "DSTN_OTHER":
			if len(list(rec, "ipCategories"))+len(list(rec, "countries")) == 0 {
				return errInvalid("Either ipCategories or countries is required")
			}
			rec["ipAddresses"] = []any{}
		}
		if str(rec, "type") != "DSTN_OTHER" && len(addrs) == 0 {
			return errInvalid("addresses cannot be empty")
		}
		return nil
	},
	inUse: inUseByRules("IP destination group", "destIpGroups"),
})

var _ = register(&family{
	name:     "networkApplications",
	stringID: true,
	readOnly: true,
	// The API matches search against descriptions only (which name the application).
	search: []string{"description"},
	filters: map[string]filterFunc{
		"locale": func(*Tenant, record, string) bool { return true },
	},
})

var _ = register(&family{
	name: "networkApplicationGroups",
	template: func() record {
		return record{"id": int64(0), "name": "", "networkApplications": []any{},
			"description": ""}
	},
	required: []string{"name", "networkApplications"},
	unique:   "name",
	search:   []string{"name", "description"},
	prepare: func(t *Tenant, rec, _, _ record, _ url.Values) *apiError {
		for _, a := range list(rec, "networkApplications") {
			s, isStr := a.(string)
			if !isStr {
				return errInvalidBody()
			}
			if app, _ := t.find("networkApplications", s); app == nil {
				return errInvalid("Invalid network application: %s", s)
			}
		}
		return nil
	},
	inUse: inUseByRules("Network application group", "nwApplicationGroups"),
})

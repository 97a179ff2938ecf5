package tools

import (
	"context"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// effectFake records every request a tool makes, ZIA and ZMS alike, and answers ZIA
// with ziaFake's default records and ZMS with an empty page.
type effectFake struct {
	ziaFake
	zms []string
}

func (f *effectFake) ZMS(_ context.Context, op, _ string, vars map[string]any,
) (*zclient.GraphQLResult, error) {
	f.zms = append(f.zms, fmt.Sprintf("%s %v", op, vars))
	return &zclient.GraphQLResult{Data: map[string]any{}}, nil
}

// effectReplies adds to the default records those that GRE tunnel creation and the
// updates of custom URL categories and cloud app control rules need.
func effectReplies(c ziaCall) (any, error) {
	switch c.Path {
	case "/greTunnels/availableInternalIpRanges":
		return []any{map[string]any{"startIPAddress": "172.17.6.240"}}, nil
	case "/urlCategories/1":
		return map[string]any{"id": "CUSTOM_01", "configuredName": "one",
			"customCategory": true}, nil
	case "/webApplicationRules/AI_ML/1":
		return map[string]any{"id": 1, "name": "one", "type": "AI_ML",
			"actions": []any{"ALLOW_AI_ML_WEB_USE"}}, nil
	case "/vips/recommendedList":
		return []any{map[string]any{"id": 1, "city": "A"}, map[string]any{"id": 2,
			"city": "B"}}, nil
	}
	return nil, nil
}

// effectValues are arguments that make a parameter count, where a value of its type
// would not: a search that matches no default record, a page past the first.
var effectValues = map[string]any{
	"search": "zz-no-match", "name": "zz-no-match", "page": 2, "page_num": 2,
	"page_size": 7, "limit": 7, "page_number": 3, "fetch_all": true,
	"include_deleted": true, "report_details": "full", "action": "read_lite",
	"sort_order": "DESC", "sort_dir": "DESC", "contains_url": "zz.example",
	"locale": "de-DE", "user_ids": []any{"42"}, "enums": []any{"ZSCALERDLP"},
	"exclude_custom_file_types": true, "include_all": true,
	"include_device_info": true, "include_pseudo_groups": true, "custom_only": true,
	"group_results": true, "limit_search": true, "cloud_apps": []any{"DROPBOX"},
	"dept": "Sales", "group": "Eng", "defined_by": "SCIM", "key_name": "env",
	"static_ip": "203.0.113.9", "internal_ip_range": "172.17.0.0", "order": 3, "rank": 3,
	"ports": []any{[]any{"dest", "udp", "53"}}, "days_of_week": []any{"TUE"},
	"rule_text": `alert udp any any -> any 53 (msg:"DNS probe"; sid:1000011; rev:2;)`,
}

// effectBase are the required arguments of the reads that argumentsFor cannot guess,
// and what an optional parameter needs beside it to count (limit_search needs search).
var effectBase = map[string]map[string]any{
	"zia_get_sandbox_report":          {"md5_hash": "44d88612fea8a8f36de82e1278abb02f"},
	"zia_get_url_category_predefined": {"name": "one"},
	"zia_geo_search":                  {"action": "geo_by_ip", "ip": "203.0.113.7"},

	"zia_create_location": {"ip_addresses": []any{"203.0.113.5"}},
	"zia_create_time_interval": {"days_of_week": []any{"MON"}, "start_time": 60,
		"end_time": 120},
	"zia_create_static_ip":       {"ip_address": "203.0.113.9"},
	"zia_create_vpn_credential":  {"credential_type": "UFQDN", "fqdn": "a@example.com"},
	"zia_create_gre_tunnel":      {"static_ip_address": "203.0.113.9"},
	"zia_create_network_service": {"ports": []any{[]any{"dest", "tcp", "8443"}}},
	"zia_create_ips_signature_rule": {"rule_text": `alert tcp any any -> any 445 ` +
		`(msg:"SMB probe"; sid:1000010; rev:1;)`},
	"zia_create_cloud_app_control_rule": {"action": "ALLOW_AI_ML_WEB_USE"},
	"zia_create_ssl_inspection_rule":    {"action": "BLOCK"},
}

// effectWith gives a parameter the others it only works with, in place of the base's.
var effectWith = map[string]map[string]any{
	"zia_geo_search.latitude": {"action": "geo_by_coordinates", "longitude": 2.0,
		"ip": nil},
	"zia_geo_search.longitude": {"action": "geo_by_coordinates", "latitude": 2.0,
		"ip": nil},
	"zia_geo_search.prefix":                 {"action": "city_prefix_search", "ip": nil},
	"get_zia_user_departments.limit_search": {"search": "x"},
	"zia_create_static_ip.geo_override":     {"latitude": 2.0, "longitude": 2.0},
	"zia_create_static_ip.latitude":         {"geo_override": true, "longitude": 2.0},
	"zia_create_static_ip.longitude":        {"geo_override": true, "latitude": 2.0},
	"zia_update_static_ip.geo_override":     {"latitude": 2.0, "longitude": 2.0},
	"zia_update_static_ip.latitude":         {"geo_override": true, "longitude": 2.0},
	"zia_update_static_ip.longitude":        {"geo_override": true, "latitude": 2.0},
	"zia_create_vpn_credential.ip_address": {"credential_type": "IP", "fqdn": nil,
		"ip_address": "203.0.113.5"},
}

// Every optional parameter of a read, a create or an update changes what is asked of
// the API or what comes back, and is taken alone or with the parameters it works with:
// a parameter that changes nothing would only mislead the agent that sets it. Required
// parameters, and advanced, whose keys differ per tool, are exercised by the families'
// tests.
func TestEveryOptionalParameterHasAnEffect(t *testing.T) {
	for _, tool := range All(&effectFake{}) {
		if tool.Kind == Delete {
			continue
		}
		base := map[string]any{}
		guessed := argumentsFor(tool, "")
		for _, p := range tool.Params {
			if p.Required {
				base[p.Name] = guessed[p.Name]
			}
		}
		maps.Copy(base, effectBase[tool.Name])
		run := func(raw map[string]any) string {
			f := &effectFake{ziaFake: ziaFake{reply: effectReplies}}
			t2 := toolFor(t, f, tool.Name)
			args, err := Validate(t2.Params, raw)
			if err != nil {
				return "invalid: " + err.Error()
			}
			res, err := t2.Handler(context.Background(), args)
			return fmt.Sprintf("%v | %v | %v | %v", f.Calls(), f.zms, res.Value, err)
		}
		before := run(base)
		if tool.Kind != Update { // an update given nothing to change is refused
			require.NotContains(t, before, "InvalidArgument", "%s: the base call must run",
				tool.Name)
		}
		for _, p := range tool.Params {
			// advanced takes keys of its own per tool, which their tests give.
			if p.Required || p.Name == "advanced" {
				continue
			}
			if _, inBase := effectBase[tool.Name][p.Name]; inBase {
				continue
			}
			v, ok := effectValues[p.Name]
			switch {
			case ok:
			case p.Type == Boolean:
				v = p.Default != true // the other value than the default
			default:
				v = guessed[p.Name]
			}
			if s, isText := v.(string); isText && len(p.Enum) > 0 &&
				!slices.Contains(p.Enum, s) {
				v = p.Enum[len(p.Enum)-1]
			}
			key := tool.Name + "." + p.Name
			raw := maps.Clone(base)
			raw[p.Name] = v
			for k, w := range effectWith[key] {
				if w == nil {
					delete(raw, k)
				} else {
					raw[k] = w
				}
			}
			after := run(raw)
			if strings.Contains(after, "InvalidArgument") {
				t.Errorf("%s=%v is refused: %.300s", key, v, after)
			} else if before == after {
				t.Errorf("%s changes nothing (%v)", key, v)
			}
		}
	}
}

// toolFor returns the named tool bound to up.
func toolFor(t *testing.T, up Upstream, name string) Tool {
	t.Helper()
	for _, tool := range All(up) {
		if tool.Name == name {
			return tool
		}
	}
	t.Fatalf("no tool %s", name)
	return Tool{}
}

package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

// TestEveryReadToolReturnsNoPayload calls every read tool of the demo tenant over stdio,
// each get tool once for every id its list tool returns, and checks what the agent
// receives: none of the payloads seeded into the tenant, no string (value or key) that
// sanitization would still change, and the legitimate look-alike text intact.
func TestEveryReadToolReturnsNoPayload(t *testing.T) {
	s := startStdio(t, cleanEnv(), "--demo")
	got := sweep(t, s.client)

	for _, in := range simulator.Injections() {
		for _, str := range got {
			require.NotContains(t, str, in.Payload, "the %s payload reached the agent", in.Kind)
		}
	}
	for _, str := range got {
		require.Equal(t, sanitize.String(str), str, "a string the agent received is not clean")
	}
	for _, legit := range simulator.LegitimateTexts() {
		require.True(t, slices.ContainsFunc(got, func(s string) bool {
			return strings.Contains(s, legit)
		}), "legitimate text %q did not survive", legit)
	}
}

// TestOptOutReturnsThePayloads runs the same sweep over streamable HTTP with
// sanitization turned off: every payload reaches the agent, and the server said so at
// start.
func TestOptOutReturnsThePayloads(t *testing.T) {
	s := startHTTP(t, cleanEnv("ZSCALER_MCP_DISABLE_OUTPUT_SANITIZATION=true"), "--demo")
	got := sweep(t, s.connect(t))

	for _, in := range simulator.Injections() {
		require.True(t, slices.ContainsFunc(got, func(s string) bool {
			return strings.Contains(s, in.Payload)
		}), "with sanitization off the %s payload should arrive verbatim", in.Kind)
	}
	require.Contains(t, s.stderr.String(), "output sanitization is OFF")
}

// argSource names the list tool whose records give a tool its required arguments.
type argSource struct {
	list  string
	args  func(rec map[string]any) map[string]any
	extra map[string]any // arguments for the list call itself
}

// idFrom passes a record's field as the named argument.
func idFrom(param, field string) func(map[string]any) map[string]any {
	return func(rec map[string]any) map[string]any {
		return map[string]any{param: fmt.Sprint(rec[field])}
	}
}

// ruleTypeOfApp passes the cloud app control rule type of a catalog application's
// class; two classes are spelled differently from their rule type.
func ruleTypeOfApp(rec map[string]any) map[string]any {
	typ := fmt.Sprint(rec["parent"])
	switch typ {
	case "WEB_MAIL":
		typ = "WEBMAIL"
	case "STREAMING":
		typ = "STREAMING_MEDIA"
	}
	return map[string]any{"rule_type": typ}
}

// argSources covers every read tool with a required parameter. A new one must be added
// here, or the sweep fails naming it.
var argSources = map[string]argSource{
	"zia_get_cloud_firewall_dns_rule": {list: "zia_list_cloud_firewall_dns_rules", args: idFrom("rule_id", "id")},
	"zia_get_cloud_firewall_ips_rule": {list: "zia_list_cloud_firewall_ips_rules", args: idFrom("rule_id", "id")},
	"zia_get_cloud_firewall_rule":     {list: "zia_list_cloud_firewall_rules", args: idFrom("rule_id", "id")},
	"zia_get_ip_destination_group":    {list: "zia_list_ip_destination_groups", args: idFrom("group_id", "id")},
	"zia_get_ip_source_group":         {list: "zia_list_ip_source_groups", args: idFrom("group_id", "id")},
	"zia_get_ips_signature_rule":      {list: "zia_list_ips_signature_rules", args: idFrom("rule_id", "id")},
	"zia_get_network_app":             {list: "zia_list_network_apps", args: idFrom("app_id", "id")},
	"zia_get_network_app_group":       {list: "zia_list_network_app_groups", args: idFrom("group_id", "id")},
	"zia_get_network_service":         {list: "zia_list_network_services", args: idFrom("service_id", "id")},
	"zia_get_network_svc_group":       {list: "zia_list_network_svc_groups", args: idFrom("group_id", "id")},
	"zia_get_gre_tunnel":              {list: "zia_list_gre_tunnels", args: idFrom("tunnel_id", "id")},
	"zia_get_location":                {list: "zia_list_locations", args: idFrom("location_id", "id")},
	"zia_get_location_group":          {list: "zia_list_location_groups", args: idFrom("group_id", "id")},
	"zia_get_static_ip":               {list: "zia_list_static_ips", args: idFrom("static_ip_id", "id")},
	"zia_get_vpn_credential":          {list: "zia_list_vpn_credentials", args: idFrom("credential_id", "id")},
	"zia_get_rule_label":              {list: "zia_list_rule_labels", args: idFrom("label_id", "id")},
	"zia_get_time_interval":           {list: "zia_list_time_intervals", args: idFrom("interval_id", "id")},
	"zia_get_workload_group":          {list: "zia_list_workload_groups", args: idFrom("group_id", "id")},
	"zia_get_url_category":            {list: "zia_list_url_categories", args: idFrom("category_id", "id")},
	"zia_get_url_filtering_rule":      {list: "zia_list_url_filtering_rules", args: idFrom("rule_id", "id")},
	"zia_get_sandbox_rule":            {list: "zia_list_sandbox_rules", args: idFrom("rule_id", "id")},
	"zia_get_ssl_inspection_rule":     {list: "zia_list_ssl_inspection_rules", args: idFrom("rule_id", "id")},
	"zia_get_file_type_control_rule": {list: "zia_list_file_type_control_rules",
		args: idFrom("rule_id", "id")},
	"zia_get_sandbox_report": {list: "zia_get_sandbox_behavioral_analysis",
		args: func(rec map[string]any) map[string]any {
			return map[string]any{"md5_hash": rec["url"], "report_details": "full"}
		}},
	"zia_get_url_category_predefined": {list: "zia_list_url_categories",
		args: func(rec map[string]any) map[string]any {
			if rec["customCategory"] == true {
				return nil
			}
			return map[string]any{"name": fmt.Sprint(rec["id"])}
		}},
	"zia_url_lookup": {list: "zia_list_url_categories", extra: map[string]any{"custom_only": true},
		args: func(rec map[string]any) map[string]any {
			urls, _ := rec["urls"].([]any)
			if len(urls) == 0 {
				return nil
			}
			return map[string]any{"urls": []any{strings.TrimPrefix(fmt.Sprint(urls[0]), ".")}}
		}},
	"zia_geo_search": {list: "zia_list_locations", args: func(rec map[string]any) map[string]any {
		return map[string]any{"action": "geo_by_coordinates",
			"latitude": rec["latitude"], "longitude": rec["longitude"]}
	}},
	"zia_get_web_dlp_rule":               {list: "zia_list_web_dlp_rules", args: idFrom("rule_id", "id")},
	"zia_list_cloud_app_control_rules":   {list: "zia_list_cloud_app_policy", args: ruleTypeOfApp},
	"zia_list_cloud_app_control_actions": {list: "zia_list_cloud_app_policy", args: ruleTypeOfApp},
	"zia_get_cloud_app_control_rule": {list: "zia_list_cloud_app_control_rules",
		extra: map[string]any{"rule_type": "FILE_SHARE"},
		args: func(rec map[string]any) map[string]any {
			return map[string]any{"rule_type": rec["type"], "rule_id": fmt.Sprint(rec["id"])}
		}},
	"zms_get_agent_group_totp_secrets": {list: "zms_list_agent_groups", args: idFrom("eyez_id", "eyezId")},
	"zms_get_nonce":                    {list: "zms_list_nonces", args: idFrom("eyez_id", "eyezId")},
	"zms_get_resource_group_members":   {list: "zms_list_resource_groups", args: idFrom("group_id", "id")},
	"zms_list_tag_keys":                {list: "zms_list_tag_namespaces", args: idFrom("namespace_id", "id")},
	"zms_list_tag_values": {list: "zms_list_tag_keys", args: func(rec map[string]any) map[string]any {
		return map[string]any{"tag_id": rec["id"], "namespace_origin": rec["_origin"]}
	}},
	"zscaler_get_toolset_tools": {list: "zscaler_list_toolsets", args: idFrom("toolset", "id")},
}

// sweep calls every read tool the server lists and returns every string of every
// result, object keys included, from both the text and the structured content.
func sweep(t *testing.T, c *client.Client) []string {
	t.Helper()
	listed, err := c.ListTools(context.Background(), mcp.ListToolsRequest{})
	require.NoError(t, err)

	var out []string
	calls := 0
	do := func(tool mcp.Tool, args map[string]any) any {
		args = withLargestPage(tool, args)
		res, err := call(t, c, tool.Name, args)
		require.NoError(t, err, tool.Name)
		require.False(t, res.IsError, "%s %v: %s", tool.Name, args, text(res))
		calls++
		value := decode(t, tool.Name, lastText(res))
		out = appendStrings(out, value)
		raw, err := json.Marshal(res.StructuredContent)
		require.NoError(t, err)
		out = appendStrings(out, decode(t, tool.Name, string(raw)))
		return value
	}

	byName := map[string]mcp.Tool{}
	for _, tool := range listed.Tools {
		byName[tool.Name] = tool
	}
	for _, tool := range listed.Tools {
		if tool.Annotations.ReadOnlyHint == nil || !*tool.Annotations.ReadOnlyHint {
			continue
		}
		if len(tool.InputSchema.Required) == 0 {
			do(tool, map[string]any{})
			continue
		}
		src, ok := argSources[tool.Name]
		require.True(t, ok, "%s needs arguments: add it to argSources", tool.Name)
		for _, rec := range sourceRecords(t, do, byName, src) {
			if args := src.args(rec); args != nil {
				do(tool, args)
			}
		}
	}
	require.Greater(t, calls, 300, "every get tool is called for every listed id")
	return out
}

// sourceRecords lists the records that feed a tool's arguments. Tag keys need the
// origin of their namespace, so that listing walks the namespaces first.
func sourceRecords(t *testing.T, do func(mcp.Tool, map[string]any) any,
	byName map[string]mcp.Tool, src argSource) []map[string]any {
	t.Helper()
	if src.list != "zms_list_tag_keys" {
		return rows(do(byName[src.list], src.extra))
	}
	var keys []map[string]any
	for _, ns := range rows(do(byName["zms_list_tag_namespaces"], nil)) {
		for _, k := range rows(do(byName["zms_list_tag_keys"], map[string]any{"namespace_id": ns["id"]})) {
			k["_origin"] = ns["origin"]
			keys = append(keys, k)
		}
	}
	require.NotEmpty(t, keys)
	return keys
}

// withLargestPage asks for the largest page a paged tool allows, so one call sees every
// seeded record.
func withLargestPage(tool mcp.Tool, args map[string]any) map[string]any {
	out := map[string]any{}
	for k, v := range args {
		out[k] = v
	}
	if p, ok := tool.InputSchema.Properties["page_size"].(map[string]any); ok {
		if largest, ok := p["maximum"]; ok {
			out["page_size"] = largest
		}
	}
	return out
}

// decode parses a result's JSON text, keeping numbers exact so 64-bit ids survive.
func decode(t *testing.T, tool, raw string) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var v any
	require.NoError(t, dec.Decode(&v), "%s: %s", tool, raw)
	return v
}

// lastText returns the result's last text block, the JSON one: results that quote
// external content open with a banner block before it.
func lastText(r *mcp.CallToolResult) string {
	for i := len(r.Content) - 1; i >= 0; i-- {
		if tc, ok := r.Content[i].(mcp.TextContent); ok {
			return tc.Text
		}
	}
	return ""
}

// rows returns the records of a list result: the array itself or a page's nodes.
func rows(v any) []map[string]any {
	if m, ok := v.(map[string]any); ok {
		v = m["nodes"]
		if v == nil {
			v = m["toolsets"]
		}
		if v == nil {
			v = m["md5HashValueList"]
		}
	}
	var out []map[string]any
	list, _ := v.([]any)
	for _, e := range list {
		if m, ok := e.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// appendStrings adds every string and object key of v to out.
func appendStrings(out []string, v any) []string {
	switch x := v.(type) {
	case string:
		return append(out, x)
	case []any:
		for _, e := range x {
			out = appendStrings(out, e)
		}
	case map[string]any:
		for k, e := range x {
			out = appendStrings(append(out, k), e)
		}
	}
	return out
}

package tools

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaNetworkServiceWriteTools returns the write tools of network services and network
// service groups, in the zia_cloud_firewall toolset.
func ziaNetworkServiceWriteTools(up Upstream) []Tool {
	const ts = "zia_cloud_firewall"
	svc := ziaCRUD{
		Toolset: ts, Noun: "network_service", What: "network service",
		Path: "/networkServices", IDName: "service_id",
		IDDescription: "Network service id, from zia_list_network_services.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true, Description: "Service name."},
			{Name: "ports", Type: StringTuples, Required: true,
				Description: `Port ranges, each ["src"|"dest", "tcp"|"udp", start] or ` +
					`[..., start, end], e.g. [["dest","tcp","443"],["dest","udp","8000","8100"]]. ` +
					"On update they replace all current ports."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields:  map[string]string{"name": "name", "description": "description"},
		Convert: ziaConvertPorts,
		CreateDescription: "Creates a custom network service (TCP/UDP port ranges) for " +
			"firewall rules and service groups, and returns it with its id. " + ziaStagedHint,
		UpdateDescription: "Changes a custom network service; what is not given keeps its " +
			"value. Standard and predefined services cannot be changed. " + ziaStagedHint,
		DeleteDescription: "Deletes a custom network service. Nothing is deleted while " +
			"rules or service groups use it; the refusal names them. " + ziaDeleteHint,
		CheckExisting: ziaCustomServiceOnly,
		CheckDelete: ziaUnreferenced(up, "network service",
			ziaRefHolder{Path: "/networkServiceGroups", What: "network service group",
				Fields: []string{"services"}},
			ziaFirewallRules.with("nwServices"), ziaIPSRules.with("nwServices")),
	}
	group := ziaCRUD{
		Toolset: ts, Noun: "network_svc_group", What: "network service group",
		Path: "/networkServiceGroups", IDName: "group_id",
		IDDescription: "Network service group id, from zia_list_network_svc_groups.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true, Description: "Group name."},
			{Name: "service_ids", Type: IDList, Required: true, Numeric: true,
				Description: "Ids of the member network services, from " +
					"zia_list_network_services. On update the list replaces the members."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "description": "description"},
		Convert: func(args Args, body, _ map[string]any) error {
			if !args.Has("service_ids") {
				return nil
			}
			refs, err := ziaRefs("service_ids", args.Strings("service_ids"))
			body["services"] = refs
			return err
		},
		CreateDescription: "Creates a network service group and returns it with its id. " +
			ziaStagedHint,
		UpdateDescription: "Changes a network service group; what is not given keeps its " +
			"value. " + ziaStagedHint,
		DeleteDescription: "Deletes a network service group. Nothing is deleted while " +
			"rules use it; the refusal names them. " + ziaDeleteHint,
		CheckDelete: ziaUnreferenced(up, "network service group",
			ziaFirewallRules.with("nwServiceGroups"), ziaIPSRules.with("nwServiceGroups")),
	}
	return append(svc.tools(up), group.tools(up)...)
}

// ziaCustomServiceOnly refuses to change or delete a standard or predefined network
// service, which the API keeps read-only: before the change is sent, and before
// anybody is asked to confirm a deletion.
func ziaCustomServiceOnly(cur map[string]any, kind Kind) error {
	typ := ziaField(cur, "type")
	if typ == "" || strings.EqualFold(typ, "CUSTOM") {
		return nil
	}
	verb := "changed"
	if kind == Delete {
		verb = "deleted"
	}
	return toolerr.New(toolerr.InvalidArgument, "network service %s (%q) is a %s service, "+
		"which cannot be %s; only custom services can. zia_create_network_service makes "+
		"a custom one", ziaIDText(cur["id"]), ziaShort(ziaField(cur, "name")),
		strings.ToLower(typ), verb)
}

// ziaPortLists are the API's four port-range fields by direction and protocol.
var ziaPortLists = map[string]string{
	"src/tcp": "srcTcpPorts", "dest/tcp": "destTcpPorts",
	"src/udp": "srcUdpPorts", "dest/udp": "destUdpPorts",
}

// ziaConvertPorts turns the ports argument into the four port-range lists, all of them
// set so that the given ranges replace every current one.
func ziaConvertPorts(args Args, body, _ map[string]any) error {
	if !args.Has("ports") {
		return nil
	}
	tuples := args.Tuples("ports")
	if len(tuples) == 0 {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter \"ports\" must hold at least one port range")
	}
	lists := map[string][]any{}
	for i, t := range tuples {
		key, pr, err := ziaPortRange(i, t)
		if err != nil {
			return err
		}
		lists[key] = append(lists[key], pr)
	}
	for _, key := range ziaPortLists {
		if lists[key] == nil {
			lists[key] = []any{}
		}
		body[key] = lists[key]
	}
	return nil
}

// ziaPortRange parses one [direction, protocol, start, end?] tuple.
func ziaPortRange(i int, t []string) (string, map[string]any, error) {
	bad := func(why string) error {
		return toolerr.New(toolerr.InvalidArgument, "ports[%d] %s", i, why)
	}
	if len(t) < 3 || len(t) > 4 {
		return "", nil, bad(`must be ["src"|"dest", "tcp"|"udp", start] or [..., start, end]`)
	}
	key, ok := ziaPortLists[strings.ToLower(t[0])+"/"+strings.ToLower(t[1])]
	if !ok {
		return "", nil, bad("must start with src or dest, then tcp or udp")
	}
	port := func(s string) (int, bool) {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		return n, err == nil && n >= 1 && n <= 65535
	}
	start, ok := port(t[2])
	if !ok {
		return "", nil, bad(fmt.Sprintf("start port %q is not a whole number from 1 to 65535",
			strings.TrimSpace(t[2])))
	}
	pr := map[string]any{"start": start}
	if len(t) == 4 {
		end, ok := port(t[3])
		if !ok {
			return "", nil, bad(fmt.Sprintf(
				"end port %q is not a whole number from 1 to 65535", strings.TrimSpace(t[3])))
		}
		if end < start {
			return "", nil, bad("has an end port outside start-65535")
		}
		if end != start {
			pr["end"] = end
		}
	}
	return key, pr, nil
}

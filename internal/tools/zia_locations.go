package tools

import (
	"context"
	"net/netip"
	"net/url"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaLocationTools returns the zia_locations read tools: locations and their groups,
// geography lookups, and the traffic-forwarding objects (GRE, static IPs, VPN
// credentials) that locations are built from.
func ziaLocationTools(up Upstream) []Tool {
	const ts = "zia_locations"
	return []Tool{
		ziaGeoSearchTool(ts, up),
		ziaList{
			Name:  "zia_list_gre_ranges",
			Title: "List available GRE internal IP ranges",
			Description: "Lists internal IP ranges still free for new GRE tunnels, as " +
				"startIPAddress/endIPAddress pairs. Use one as internal_ip_range when creating " +
				"a numbered GRE tunnel.",
			Path: "/greTunnels/availableInternalIpRanges",
			Params: []Param{
				{Name: "internal_ip_range", Type: String,
					Description: "Only ranges starting at or after this internal IP address."},
				{Name: "static_ip", Type: String,
					Description: "Static IP address the tunnel will use as its source."},
				{Name: "limit", Type: Integer, Min: Bound(1),
					Description: "Maximum number of ranges to return."},
			},
			Query: map[string]string{
				"internal_ip_range": "internalIpRange", "static_ip": "staticIp", "limit": "limit",
			},
			Unpaged: true,
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_gre_tunnels",
			Title: "List ZIA GRE tunnels",
			Description: "Lists every GRE tunnel with its source IP, internal range and " +
				"primary/secondary destination VIPs. Ids feed zia_get_gre_tunnel.",
			Path: "/greTunnels",
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_gre_tunnel",
			Title:         "Get a ZIA GRE tunnel",
			Description:   "Returns one GRE tunnel by id, as listed by zia_list_gre_tunnels.",
			Path:          "/greTunnels",
			IDName:        "tunnel_id",
			IDDescription: "GRE tunnel id, from zia_list_gre_tunnels.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_locations",
			Title: "List ZIA locations",
			Description: "Lists locations (offices, data centers) with their IP addresses, VPN " +
				"credentials and security settings. Filter by name with search; ids feed " +
				"zia_get_location and rule location references.",
			Path:   "/locations",
			Params: []Param{ziaSearchParam("location names")},
			Query:  ziaBySearch,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_location",
			Title:         "Get a ZIA location",
			Description:   "Returns one location by id with all its settings.",
			Path:          "/locations",
			IDName:        "location_id",
			BuiltInIDs:    []string{ziaRoadWarriorID},
			IDDescription: "Location id, from zia_list_locations.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_location_groups",
			Title: "List ZIA location groups",
			Description: "Lists static and dynamic location groups with their member " +
				"locations. name keeps only the group with exactly that name and is sent to " +
				"the API; search matches part of a name or comment on our side, since the " +
				"API has no such filter. Ids feed zia_get_location_group and rule references.",
			Path: "/locations/groups",
			Params: []Param{
				ziaLocalSearchParam("the group name or comments"),
				{Name: "name", Type: String,
					Description: "Whole group name (case-insensitive); only that group is " +
						"returned. Sent to the API as its name filter."},
			},
			Query: map[string]string{"name": "name"},
			Filter: func(args Args, items []any) ([]any, error) {
				items, err := ziaKeepNamed(args, items)
				if err != nil {
					return nil, err
				}
				return ziaSearchFields("name", "comments")(args, items)
			},
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_location_group",
			Title:         "Get a ZIA location group",
			Description:   "Returns one location group by id with its criteria and members.",
			Path:          "/locations/groups",
			IDName:        "group_id",
			IDDescription: "Location group id, from zia_list_location_groups.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_static_ips",
			Title: "List ZIA static IPs",
			Description: "Lists the tenant's static IP addresses with their geolocation and " +
				"routability. search matches part of an address or comment on our side (the " +
				"API has no such filter; a tenant has at most 100 static IPs). Ids feed " +
				"zia_get_static_ip.",
			Path:   "/staticIP",
			Params: []Param{ziaLocalSearchParam("the IP address or comment")},
			Filter: ziaSearchFields("ipAddress", "comment"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_static_ip",
			Title:         "Get a ZIA static IP",
			Description:   "Returns one static IP by id.",
			Path:          "/staticIP",
			IDName:        "static_ip_id",
			IDDescription: "Static IP id, from zia_list_static_ips.",
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_vpn_credentials",
			Title: "List ZIA VPN credentials",
			Description: "Lists IPsec VPN credentials (IP, UFQDN, XAUTH) and the location " +
				"each is bound to. Pre-shared keys are never returned. Ids feed " +
				"zia_get_vpn_credential.",
			Path:   "/vpnCredentials",
			Params: []Param{ziaSearchParam("credential FQDNs, IP addresses and comments")},
			Query:  ziaBySearch,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_vpn_credential",
			Title:         "Get a ZIA VPN credential",
			Description:   "Returns one VPN credential by id (without its pre-shared key).",
			Path:          "/vpnCredentials",
			IDName:        "credential_id",
			IDDescription: "VPN credential id, from zia_list_vpn_credentials.",
		}.tool(ts, up),
	}
}

// The geo_search actions and the parameters each one needs.
var ziaGeoActions = map[string][]string{
	"geo_by_coordinates": {"latitude", "longitude"},
	"geo_by_ip":          {"ip"},
	"city_prefix_search": {"prefix"},
}

// ziaGeoSearchTool is one tool for three lookups, as in the Python server; the
// parameters each action needs are checked here since a schema cannot say so.
func ziaGeoSearchTool(toolset string, up Upstream) Tool {
	params := []Param{
		{Name: "action", Type: String, Required: true,
			Enum: []string{"geo_by_coordinates", "geo_by_ip", "city_prefix_search"},
			Description: "Lookup to run: geo_by_coordinates needs latitude and longitude, " +
				"geo_by_ip needs ip, city_prefix_search needs prefix; the parameters of " +
				"the other lookups are refused."},
		{Name: "latitude", Type: Number, Min: Bound(-90), Max: Bound(90),
			Description: "Latitude in decimal degrees, for geo_by_coordinates."},
		{Name: "longitude", Type: Number, Min: Bound(-180), Max: Bound(180),
			Description: "Longitude in decimal degrees, for geo_by_coordinates."},
		{Name: "ip", Type: String, Description: "IPv4 or IPv6 address, for geo_by_ip."},
		{Name: "prefix", Type: String,
			Description: "Start of a city name, for city_prefix_search."},
	}
	return ziaReadList(toolset, "zia_geo_search", "Search ZIA geography",
		"Resolves a place for location and static IP settings: the region at given "+
			"coordinates, the region of an IP address, or the cities whose name starts with "+
			"a prefix. Returns ZIA's city/region records with their ids.",
		params, func(ctx context.Context, args Args) (Result, error) {
			action := args.String("action")
			for _, need := range ziaGeoActions[action] {
				if ziaGeoMissing(args, need) {
					return Result{}, toolerr.New(toolerr.InvalidArgument,
						"parameter %q is required when action is %s", need, action)
				}
			}
			if err := ziaGeoUnused(args, action); err != nil {
				return Result{}, err
			}
			path, q, err := ziaGeoRequest(action, args)
			if err != nil {
				return Result{}, err
			}
			if action == "city_prefix_search" {
				// The city search is paged (100 a page by default): read every page,
				// so that a short prefix does not lose the cities past the first.
				items, err := up.ZIAList(ctx, path, q)
				if err != nil {
					return Result{}, err
				}
				return List(items), nil
			}
			v, err := up.ZIAGet(ctx, path, q)
			if err != nil {
				return Result{}, err
			}
			return ziaListOrObject(v), nil
		})
}

// ziaGeoUnused refuses a parameter of another action, which the lookup would not use:
// an agent that gives ip with geo_by_coordinates expects it to count.
func ziaGeoUnused(args Args, action string) error {
	for other, params := range ziaGeoActions {
		if other == action {
			continue
		}
		for _, p := range params {
			if args.Has(p) {
				return toolerr.New(toolerr.InvalidArgument, "parameter %q is for action %s "+
					"and does not apply to %s; leave it out", p, other, action)
			}
		}
	}
	return nil
}

// ziaGeoMissing reports whether an action's parameter was left out; a blank ip or prefix
// counts as missing.
func ziaGeoMissing(args Args, name string) bool {
	if !args.Has(name) {
		return true
	}
	switch name {
	case "ip", "prefix":
		return strings.TrimSpace(args.String(name)) == ""
	}
	return false
}

// ziaGeoRequest returns the path and query that answer one geo_search action.
func ziaGeoRequest(action string, args Args) (string, url.Values, error) {
	switch action {
	case "geo_by_coordinates":
		q := url.Values{}
		q.Set("latitude", strconv.FormatFloat(args.Float("latitude"), 'f', -1, 64))
		q.Set("longitude", strconv.FormatFloat(args.Float("longitude"), 'f', -1, 64))
		return "/region/byGeoCoordinates", q, nil
	case "geo_by_ip":
		ip, err := netip.ParseAddr(strings.TrimSpace(args.String("ip")))
		if err != nil {
			return "", nil, toolerr.New(toolerr.InvalidArgument,
				"parameter \"ip\" must be an IPv4 or IPv6 address, got %q", args.String("ip"))
		}
		return "/region/byIPAddress/" + url.PathEscape(ip.String()), nil, nil
	default:
		q := url.Values{}
		q.Set("prefix", strings.TrimSpace(args.String("prefix")))
		return "/region/search", q, nil
	}
}

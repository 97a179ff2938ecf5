package tools

import (
	"context"
	"net/netip"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaStaticIPWriteTools returns the write tools of static IPs, in zia_locations.
func ziaStaticIPWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_locations", Noun: "static_ip", What: "static IP", Path: "/staticIP",
		IDName: "static_ip_id", IDDescription: "Static IP id, from zia_list_static_ips.",
		NameKeys: []string{"ipAddress"},
		Params: []Param{
			{Name: "ip_address", Type: String, Required: true,
				Description: "The public IPv4 address; it cannot be changed later."},
			{Name: "comment", Type: String, Description: "Free-text comment."},
			{Name: "geo_override", Type: Boolean,
				Description: "True to place the IP at latitude and longitude instead of " +
					"where ZIA locates it."},
			{Name: "routable_ip", Type: Boolean,
				Description: "Whether the address is publicly routable (the API assumes true)."},
			{Name: "latitude", Type: Number, Min: Bound(-90), Max: Bound(90),
				Description: "Latitude in decimal degrees; only with geo_override."},
			{Name: "longitude", Type: Number, Min: Bound(-180), Max: Bound(180),
				Description: "Longitude in decimal degrees; only with geo_override."},
		},
		UpdateParams: []string{"comment", "geo_override", "routable_ip", "latitude", "longitude"},
		Fields: map[string]string{"ip_address": "ipAddress", "comment": "comment",
			"geo_override": "geoOverride", "routable_ip": "routableIP",
			"latitude": "latitude", "longitude": "longitude"},
		Convert: ziaCheckStaticIP,
		CreateDescription: "Adds a static IP (a public address the tenant's traffic comes " +
			"from, needed by locations and GRE tunnels) and returns it with its id and " +
			"geolocation. " + ziaStagedHint,
		UpdateDescription: "Changes a static IP's comment, routability or geolocation; " +
			"what is not given keeps its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a static IP. Nothing is deleted while a GRE tunnel, a " +
			"location or a VPN credential uses it; the refusal names which one. " +
			ziaDeleteHint,
		CheckDelete: func(ctx context.Context, cur map[string]any) error {
			return ziaStaticIPUnused(ctx, up, cur)
		},
	}.tools(up)
}

// ziaStaticIPUnused refuses to delete the static IP cur while anything uses it, as the
// API would: before the confirmation, so nobody is asked to approve a delete that
// cannot happen, and without sending it. A GRE tunnel is named with the tool that
// deletes it together with its static IP.
func ziaStaticIPUnused(ctx context.Context, up Upstream, cur map[string]any) error {
	ip, id := ziaField(cur, "ipAddress"), ziaIDText(cur["id"])
	tunnels, err := up.ZIAList(ctx, "/greTunnels", nil)
	if err != nil {
		return err
	}
	for _, g := range tunnels {
		if ziaField(g, "sourceIp") == ip {
			m, _ := g.(map[string]any)
			return toolerr.New(toolerr.InvalidArgument,
				"static IP %s (%s) is the source of GRE tunnel %s; nothing was deleted. "+
					"zia_delete_gre_tunnel deletes the tunnel together with its static IP",
				id, ip, ziaIDText(m["id"]))
		}
	}
	user, err := ziaStaticIPUser(ctx, up, ip)
	if err != nil {
		return err
	}
	if user == "" {
		return nil
	}
	fix := "delete the credential first"
	if strings.HasPrefix(user, "location ") {
		fix = "take the address off the location first"
	}
	return toolerr.New(toolerr.InvalidArgument,
		"static IP %s (%s) is still used by %s; nothing was deleted: %s", id, ip, user, fix)
}

// ziaCheckStaticIP refuses what the API would silently ignore: coordinates without
// geo_override, since ZIA then places the address itself, and geo_override without
// coordinates to place it at.
func ziaCheckStaticIP(args Args, body, cur map[string]any) error {
	if cur == nil {
		ip, err := netip.ParseAddr(strings.TrimSpace(args.String("ip_address")))
		if err != nil || !ip.Is4() {
			return toolerr.New(toolerr.InvalidArgument,
				"parameter \"ip_address\" must be an IPv4 address, got %q", args.String("ip_address"))
		}
		body["ipAddress"] = ip.String()
	}
	was, _ := cur["geoOverride"].(bool)
	override := was
	if args.Has("geo_override") {
		override = args.Bool("geo_override")
	}
	coords := args.Has("latitude") || args.Has("longitude")
	if coords && !override {
		return toolerr.New(toolerr.InvalidArgument,
			"latitude and longitude apply only with geo_override true; without it ZIA "+
				"locates the address itself")
	}
	if override && !was && (!args.Has("latitude") || !args.Has("longitude")) {
		return toolerr.New(toolerr.InvalidArgument,
			"geo_override true needs latitude and longitude")
	}
	return nil
}

package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/netip"
	"net/url"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaGRETunnelWriteTools returns the GRE tunnel write tools, in zia_locations. As in
// the Python server there is no update: a tunnel is recreated instead.
func ziaGRETunnelWriteTools(up Upstream) []Tool {
	const ts = "zia_locations"
	create := ziaDeclare(ts, "zia_create_gre_tunnel", "Create a ZIA GRE tunnel",
		"Creates a GRE tunnel from a static IP to the two nearest Zscaler data centers in "+
			"different cities. The static IP is created first when the tenant has none with "+
			"that address. A numbered tunnel gets internal_ip_range, or the first free "+
			"range when none is given. "+ziaStagedHint,
		Create, []Param{
			{Name: "static_ip_address", Type: String, Required: true,
				Description: "Public IPv4 address the tunnel comes from."},
			{Name: "ip_unnumbered", Type: Boolean,
				Description: "True for an unnumbered tunnel, which needs no internal IP range."},
			{Name: "internal_ip_range", Type: String,
				Description: "Start of a free /29 internal range for a numbered tunnel, " +
					"from zia_list_gre_ranges; the first free one when not given."},
			{Name: "comment", Type: String,
				Description: "Free-text comment, also set on a static IP this call creates."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			return ziaCreateGRETunnel(ctx, up, args)
		})

	del := ziaDeclare(ts, "zia_delete_gre_tunnel", "Delete a ZIA GRE tunnel",
		"Deletes a GRE tunnel and then the static IP it comes from. Nothing is deleted "+
			"unless static_ip_id is the static IP of that tunnel's source address and no "+
			"location or VPN credential uses that address. "+ziaDeleteHint,
		Delete, []Param{
			ziaIDParam("tunnel_id", "GRE tunnel id, from zia_list_gre_tunnels."),
			ziaIDParam("static_ip_id", "Id of the tunnel's static IP, deleted after the "+
				"tunnel; from zia_list_static_ips."),
		},
		func(ctx context.Context, args Args) (Result, error) {
			return ziaDeleteGRETunnel(ctx, up, args)
		})
	// The lookup makes the handler's checks, so that nobody is asked to confirm a
	// deletion the handler would refuse, and names the static IP only once it is known
	// to be the tunnel's.
	del.Describe = func(ctx context.Context, args Args) (Resource, error) {
		res := Resource{Type: "GRE tunnel", ID: args.String("tunnel_id")}
		pair, err := ziaGREPair(ctx, up, args)
		if err != nil {
			return res, err
		}
		res.ID = pair.tunnelID.String()
		res.Name = fmt.Sprintf("from %s; static IP %s is deleted with it", pair.source,
			pair.staticID)
		return res, nil
	}
	return []Tool{create, del}
}

// ziaCreateGRETunnel creates the static IP the tunnel starts from when the tenant has
// none, picks a free internal range for a numbered tunnel unless one is given, and
// points the tunnel at the two nearest data centers. If the tunnel then fails, the
// error says that the static IP was created, so the agent does not create it again.
func ziaCreateGRETunnel(ctx context.Context, up Upstream, args Args) (Result, error) {
	addr, err := netip.ParseAddr(strings.TrimSpace(args.String("static_ip_address")))
	if err != nil || !addr.Is4() {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"parameter \"static_ip_address\" must be an IPv4 address, got %q",
			args.String("static_ip_address"))
	}

	unnumbered := args.Bool("ip_unnumbered")
	internal := strings.TrimSpace(args.String("internal_ip_range"))
	if unnumbered && internal != "" {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"internal_ip_range applies only to numbered tunnels; leave it out or set "+
				"ip_unnumbered false")
	}
	ip := addr.String()

	static, createdIP, err := ziaEnsureStaticIP(ctx, up, ip, args.String("comment"))
	if err != nil {
		return Result{}, err
	}

	// From here on a failure leaves the static IP behind; say so.
	partial := func(err error) error {
		if !createdIP {
			return err
		}
		te := toolerr.As(err)
		return toolerr.Wrap(te.Kind, err, "static IP %s was created (id %s, staged) but the "+
			"GRE tunnel was not: %s", ip, ziaField(static, "id"), te.Message)
	}

	body := map[string]any{"sourceIp": ip, "ipUnnumbered": unnumbered}
	if args.Has("comment") {
		body["comment"] = args.String("comment")
	}
	if !unnumbered {
		if internal == "" {
			if internal, err = ziaFreeGRERange(ctx, up, ip); err != nil {
				return Result{}, partial(err)
			}
		}
		body["internalIpRange"] = internal
	}

	primary, secondary, err := ziaGREVIPs(ctx, up, ip)
	if err != nil {
		return Result{}, partial(err)
	}
	body["primaryDestVip"] = map[string]any{"id": primary}
	body["secondaryDestVip"] = map[string]any{"id": secondary}

	v, err := up.ZIAWrite(ctx, http.MethodPost, "/greTunnels", body)
	if err != nil {
		return Result{}, partial(err)
	}
	res := ziaStaged("created", v)
	res["static_ip"] = map[string]any{"id": static["id"], "ipAddress": ip, "created": createdIP}
	return Object(res), nil
}

// ziaEnsureStaticIP returns the tenant's static IP with address ip, creating it when
// there is none. The API's ipAddress filter matches substrings, so the match is made
// exact here: 10.0.0.1 must not be taken for 10.0.0.10.
func ziaEnsureStaticIP(ctx context.Context, up Upstream, ip, comment string) (map[string]any,
	bool, error) {
	items, err := up.ZIAList(ctx, "/staticIP", url.Values{"ipAddress": {ip}})
	if err != nil {
		return nil, false, err
	}
	for _, it := range items {
		if m, ok := it.(map[string]any); ok && ziaField(m, "ipAddress") == ip {
			return m, false, nil
		}
	}
	body := map[string]any{"ipAddress": ip}
	if comment != "" {
		body["comment"] = comment
	}
	v, err := up.ZIAWrite(ctx, http.MethodPost, "/staticIP", body)
	if err != nil {
		return nil, false, err
	}
	m, _ := v.(map[string]any)
	return m, true, nil
}

// ziaFreeGRERange returns the first internal range free for a tunnel from ip.
func ziaFreeGRERange(ctx context.Context, up Upstream, ip string) (string, error) {
	ranges, err := up.ZIAListUnpaged(ctx, "/greTunnels/availableInternalIpRanges",
		url.Values{"staticIp": {ip}, "limit": {"1"}})
	if err != nil {
		return "", err
	}
	for _, r := range ranges {
		if start := ziaField(r, "startIPAddress"); start != "" {
			return start, nil
		}
	}
	return "", toolerr.New(toolerr.InvalidArgument,
		"the tenant has no free internal IP range for a numbered GRE tunnel; "+
			"create an unnumbered one (ip_unnumbered true)")
}

// ziaGREVIPs picks the tunnel's destinations as the SDKs do: the recommended VIP
// closest to ip, and the closest one in another city for resilience.
func ziaGREVIPs(ctx context.Context, up Upstream, ip string) (any, any, error) {
	vips, err := up.ZIAListUnpaged(ctx, "/vips/recommendedList", url.Values{"sourceIp": {ip}})
	if err != nil {
		return nil, nil, err
	}
	var first map[string]any
	for _, v := range vips {
		m, ok := v.(map[string]any)
		if !ok || m["id"] == nil {
			continue
		}
		if first == nil {
			first = m
			continue
		}
		if ziaField(m, "city") != ziaField(first, "city") {
			return first["id"], m["id"], nil
		}
	}
	return nil, nil, toolerr.New(toolerr.UpstreamUnavailable,
		"ZIA recommended no pair of data centers in different cities for %s", ip)
}

// ziaGRETunnelPair is a GRE tunnel and the static IP of its source address.
type ziaGRETunnelPair struct {
	tunnelID, staticID json.Number
	source             string
}

// ziaGREPair reads the tunnel and the static IP a delete names, and checks that the
// static IP is the tunnel's source and that nothing else uses it. The API would refuse
// the static IP's deletion only after the tunnel's had gone through, leaving the
// tenant half changed; checking first keeps the delete whole in all but a race.
func ziaGREPair(ctx context.Context, up Upstream, args Args) (ziaGRETunnelPair, error) {
	tunnelID, err := ziaIntID(args, "tunnel_id")
	if err != nil {
		return ziaGRETunnelPair{}, err
	}
	staticID, err := ziaIntID(args, "static_ip_id")
	if err != nil {
		return ziaGRETunnelPair{}, err
	}
	tunnel, err := ziaCurrent(ctx, up, ziaObjectPath("/greTunnels", tunnelID.String()))
	if err != nil {
		return ziaGRETunnelPair{}, err
	}
	static, err := ziaCurrent(ctx, up, ziaObjectPath("/staticIP", staticID.String()))
	if err != nil {
		return ziaGRETunnelPair{}, err
	}
	src, sip := ziaField(tunnel, "sourceIp"), ziaField(static, "ipAddress")
	if src == "" || src != sip {
		return ziaGRETunnelPair{}, toolerr.New(toolerr.InvalidArgument,
			"static IP %s (%s) is not the source of GRE tunnel %s (%s); nothing was deleted",
			staticID, sip, tunnelID, src)
	}
	user, err := ziaStaticIPUser(ctx, up, src)
	if err != nil {
		return ziaGRETunnelPair{}, err
	}
	if user != "" {
		return ziaGRETunnelPair{}, toolerr.New(toolerr.InvalidArgument,
			"static IP %s (%s) of GRE tunnel %s is still used by %s; nothing was deleted. "+
				"Take the address off it first: this tool "+
				"deletes a tunnel only together with its static IP",
			staticID, src, tunnelID, user)
	}
	return ziaGRETunnelPair{tunnelID: tunnelID, staticID: staticID, source: src}, nil
}

// ziaDeleteGRETunnel deletes a tunnel and then its static IP. When the second delete
// fails the result is a partial success, since the tenant has changed.
func ziaDeleteGRETunnel(ctx context.Context, up Upstream, args Args) (Result, error) {
	pair, err := ziaGREPair(ctx, up, args)
	if err != nil {
		return Result{}, err
	}
	tunnelID, staticID := pair.tunnelID, pair.staticID
	tunnelPath := ziaObjectPath("/greTunnels", tunnelID.String())
	staticPath := ziaObjectPath("/staticIP", staticID.String())
	if _, err := up.ZIAWrite(ctx, http.MethodDelete, tunnelPath, nil); err != nil {
		return Result{}, err
	}
	tunnel := Resource{Type: "GRE tunnel", ID: tunnelID.String()}
	static := Resource{Type: "static IP", ID: staticID.String(), Name: pair.source}
	if _, err := up.ZIAWrite(ctx, http.MethodDelete, staticPath, nil); err != nil {
		// The tenant has changed: an error would tell the agent nothing happened.
		return ziaPartlyDeleted(tunnel, static, toolerr.As(err)), nil
	}
	return ziaDeleted(tunnel, Resource{Type: static.Type, ID: static.ID}), nil
}

// ziaPartlyDeleted is the result of a GRE tunnel delete whose second step failed: the
// tunnel is gone (staged) and its static IP remains. Only a race gets here, something
// starting to use the static IP between the check and the delete, or a failure of the
// API; the result says what was deleted, what remains, why, and how to finish.
func ziaPartlyDeleted(tunnel, static Resource, why *toolerr.Error) Result {
	msg := fmt.Sprintf("Partly done: %s %s was deleted (staged), but its %s %s (%s) was "+
		"not and remains: %s: %s. Delete it with zia_delete_static_ip once nothing uses it, "+
		"or keep it.", tunnel.Type, tunnel.ID, static.Type, static.ID, static.Name,
		why.Kind, why.Message)
	return Result{Items: -1, Partial: true, Value: map[string]any{
		"status":  "partial",
		"message": msg,
		"deleted": []any{map[string]any{"type": tunnel.Type, "id": tunnel.ID}},
		"not_deleted": []any{map[string]any{"type": static.Type, "id": static.ID,
			"ipAddress": static.Name, "error": string(why.Kind) + ": " + why.Message}},
		"activation": ziaPendingNote,
	}}
}

package tools

import (
	"context"
	"net/url"
)

// ziaDeviceTools returns the zia_devices read tools. Device groups and devices are
// managed by Zscaler Client Connector; the API only lists them.
func ziaDeviceTools(up Upstream) []Tool {
	const ts = "zia_devices"
	groups := ziaRead(ts, "zia_list_device_groups", "List ZIA device groups",
		"Lists the device groups policy rules can target (one per operating system, plus "+
			"pseudo groups such as Cloud Browser Isolation when asked for). Ids feed the "+
			"deviceGroups field of rules.",
		[]Param{
			{Name: "include_device_info", Type: Boolean,
				Description: "When true, each group also carries its device names and count."},
			{Name: "include_pseudo_groups", Type: Boolean,
				Description: "When true, the Client Connector and Cloud Browser Isolation " +
					"pseudo groups are listed too."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			ziaQueryBool(q, args, "include_device_info", "includeDeviceInfo")
			ziaQueryBool(q, args, "include_pseudo_groups", "includePseudoGroups")
			items, err := up.ZIAListUnpaged(ctx, "/deviceGroups", q)
			if err != nil {
				return Result{}, err
			}
			return List(items), nil
		})
	groups.Lists = true

	devices := ziaRead(ts, "zia_list_devices", "List ZIA devices",
		"Lists the devices known to ZIA with model, operating system, owner and host name, "+
			"filtered by the API. Without page or page_size every page is read; with page "+
			"only that page is returned, and a page shorter than page_size (100 when not "+
			"given) is the last.",
		[]Param{
			{Name: "name", Type: String,
				Description: "Only devices whose name starts with this (ignoring case)."},
			{Name: "user_ids", Type: IDList, Numeric: true,
				Description: "Only devices owned by these users (user ids from get_zia_users)."},
			{Name: "include_all", Type: Boolean,
				Description: "When true, Cloud Browser Isolation devices are included too."},
			ziaPageParam, ziaPageSizeParam,
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			ziaSetGiven(q, args, map[string]string{"name": "name"})
			// Validation has checked each id and written it in plain decimal.
			for _, id := range args.Strings("user_ids") {
				q.Add("userIds", id)
			}
			ziaQueryBool(q, args, "include_all", "includeAll")
			return ziaReadPages(ctx, up, "/deviceGroups/devices", q, args, nil)
		})
	devices.Lists = true

	lite := ziaList{
		Name:  "zia_list_devices_lite",
		Title: "List ZIA devices (id, name, owner)",
		Description: "Lists every device with only its id, name and owner: a light way to " +
			"find a device id. Use zia_list_devices for details and filters.",
		Path: "/deviceGroups/devices/lite",
	}.tool(ts, up)
	return []Tool{groups, devices, lite}
}

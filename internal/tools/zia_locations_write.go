package tools

import (
	"encoding/json"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaLocationWriteTools returns the write tools of locations, in zia_locations.
func ziaLocationWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_locations", Noun: "location", What: "location", Path: "/locations",
		IDName: "location_id", IDDescription: "Location id, from zia_list_locations.",
		BuiltInIDs: []string{ziaRoadWarriorID},
		NameKeys:   []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true,
				Description: "Location name; names are unique in the tenant."},
			{Name: "country", Type: String,
				Description: "Country as ZIA spells it, e.g. UNITED_STATES or SWITZERLAND."},
			{Name: "tz", Type: String,
				Description: "Time zone as ZIA spells it, e.g. UNITED_STATES_AMERICA_LOS_ANGELES."},
			{Name: "ip_addresses", Type: StringList,
				Description: "Static IPs of the tenant the location's traffic comes from " +
					"(zia_create_static_ip adds one). A location needs these or VPN " +
					"credentials. On update the list replaces the current one."},
			{Name: "description", Type: String, Description: "Free-text description."},
		},
		Fields: map[string]string{"name": "name", "country": "country", "tz": "tz",
			"ip_addresses": "ipAddresses", "description": "description"},
		Advanced: &ziaAdvanced{Refs: []string{"vpnCredentials"}, Description: "Other " +
			"location fields, named as the API does (xffForwardEnabled) or in snake case " +
			"(xff_forward_enabled): vpnCredentials (VPN credential ids, e.g. [165338059]), " +
			"profile (CORPORATE, SERVER, GUESTWIFI, IOT, WORKLOAD), parentId (to make a " +
			"sub-location), authRequired, sslScanEnabled, xffForwardEnabled, surrogateIP, " +
			"ofwEnabled, ipsControl, aupEnabled, cautionEnabled, idleTimeInMinutes, " +
			"upBandwidth, dnBandwidth. A field given replaces its current value; fields " +
			"the API does not keep come back in ignored_fields."},
		CheckBody: func(body map[string]any, create bool) error {
			if !create || ziaHasParent(body) {
				return nil
			}
			if ziaEmptyValue(body["ipAddresses"]) && ziaEmptyValue(body["vpnCredentials"]) {
				return toolerr.New(toolerr.InvalidArgument, "a location needs ip_addresses "+
					"or advanced.vpnCredentials: create a static IP with zia_create_static_ip "+
					"or a credential with zia_create_vpn_credential first")
			}
			return nil
		},
		CreateDescription: "Creates a location (an office or data center whose traffic " +
			"ZIA recognises by its static IPs or VPN credentials) and returns it with its " +
			"id. " + ziaStagedHint,
		UpdateDescription: "Changes a location: only the fields given change, the rest " +
			"keep their values (the location is read and sent back whole). " + ziaStagedHint,
		DeleteDescription: "Deletes a location; the API refuses while it has " +
			"sub-locations or rules and groups use it. The built-in Road Warrior location " +
			"cannot be changed or deleted. " + ziaDeleteHint,
		CheckExisting: ziaChangeableLocation,
	}.tools(up)
}

// ziaRoadWarriorID is the id of the built-in location of remote users' traffic.
const ziaRoadWarriorID = "-3"

// ziaChangeableLocation refuses what the API refuses for a location, before anything
// is sent and before anybody is asked to confirm a deletion: any change to a built-in
// location (Road Warrior, or one marked nonEditable), and the deletion of a location
// that still has sub-locations, which its childCount tells without another call.
func ziaChangeableLocation(cur map[string]any, kind Kind) error {
	id, name := ziaIDText(cur["id"]), ziaShort(ziaField(cur, "name"))
	verb := "changed"
	if kind == Delete {
		verb = "deleted"
	}
	if fixed, _ := cur["nonEditable"].(bool); fixed || id == ziaRoadWarriorID {
		return toolerr.New(toolerr.InvalidArgument,
			"location %s (%q) is built in and cannot be %s", id, name, verb)
	}
	if n, ok := number(cur["childCount"]); ok && n > 0 && kind == Delete {
		return toolerr.New(toolerr.InvalidArgument, "location %s (%q) still has %d "+
			"sub-location(s); nothing was deleted. Delete those first", id, name, int64(n))
	}
	return nil
}

// ziaHasParent reports whether a location body names a parent (a sub-location).
func ziaHasParent(body map[string]any) bool {
	switch v := body["parentId"].(type) {
	case float64:
		return v != 0
	case json.Number:
		return v.String() != "0"
	case string:
		return v != "" && v != "0"
	}
	return false
}

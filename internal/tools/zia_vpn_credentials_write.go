package tools

import "github.com/zscaler/zscaler-mcp/internal/toolerr"

// ziaVPNCredentialWriteTools returns the write tools of VPN credentials, in
// zia_locations.
func ziaVPNCredentialWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_locations", Noun: "vpn_credential", What: "VPN credential",
		Path: "/vpnCredentials", IDName: "credential_id",
		IDDescription: "VPN credential id, from zia_list_vpn_credentials.",
		NameKeys:      []string{"fqdn", "ipAddress", "comments"},
		Params: []Param{
			{Name: "credential_type", Type: String, Required: true, Enum: []string{"IP", "UFQDN"},
				Description: "IP to identify the IPsec peer by its static IP address, UFQDN " +
					"by a user@domain identity. It cannot be changed later."},
			{Name: "pre_shared_key", Type: String, Required: true,
				Description: "IKE pre-shared key. It is write-only: no tool ever returns it."},
			{Name: "ip_address", Type: String,
				Description: "The peer's static IP of the tenant; required for IP, refused for UFQDN."},
			{Name: "fqdn", Type: String,
				Description: "The peer identity such as branch@example.com; required for " +
					"UFQDN, refused for IP."},
			{Name: "comments", Type: String, Description: "Free-text comments."},
		},
		UpdateParams: []string{"pre_shared_key", "comments"},
		Fields: map[string]string{"credential_type": "type", "pre_shared_key": "preSharedKey",
			"ip_address": "ipAddress", "fqdn": "fqdn", "comments": "comments"},
		Convert: ziaCheckVPNCredential,
		CreateDescription: "Creates an IPsec VPN credential (for a location's tunnels) and " +
			"returns it with its id, without the pre-shared key. " + ziaStagedHint,
		UpdateDescription: "Changes a VPN credential's pre-shared key or comments; what is " +
			"not given keeps its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a VPN credential; the API refuses while a location " +
			"uses it. " + ziaDeleteHint,
	}.tools(up)
}

// ziaCheckVPNCredential requires the identity field of the credential's type and
// refuses the other one, which the API would not store.
func ziaCheckVPNCredential(args Args, _, cur map[string]any) error {
	if cur != nil {
		return nil
	}
	need, other := "fqdn", "ip_address"
	if args.String("credential_type") == "IP" {
		need, other = other, need
	}
	if !args.Has(need) || args.String(need) == "" {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q is required when credential_type is %s", need,
			args.String("credential_type"))
	}
	if args.Has(other) {
		return toolerr.New(toolerr.InvalidArgument,
			"parameter %q does not apply when credential_type is %s", other,
			args.String("credential_type"))
	}
	return nil
}

package tools

import "context"

// ziaAdminTools returns the zia_admin read tools.
func ziaAdminTools(up Upstream) []Tool {
	const ts = "zia_admin"
	return []Tool{
		ziaRead(ts, "zia_get_activation_status", "Get ZIA activation status",
			"Returns the tenant's configuration activation state: ACTIVE when nothing is "+
				"staged, PENDING when changes wait for activation, INPROGRESS while activating.",
			nil,
			func(ctx context.Context, _ Args) (Result, error) {
				v, err := up.ZIAGet(ctx, "/status", nil)
				if err != nil {
					return Result{}, err
				}
				return Object(v), nil
			}),
	}
}

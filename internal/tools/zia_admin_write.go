package tools

import (
	"context"
	"net/http"
)

// ziaAdminWriteTools returns the zia_admin write tool: activation. It is a write in
// its own right (it puts every staged change into effect), so it is served only when
// allowlisted like any other.
func ziaAdminWriteTools(up Upstream) []Tool {
	return []Tool{ziaDeclare("zia_admin", "zia_activate_configuration",
		"Activate staged ZIA changes",
		"Puts every staged ZIA configuration change into effect, those of other "+
			"administrators included, and returns the activation status: ACTIVE when done, "+
			"INPROGRESS while ZIA applies them (zia_get_activation_status tells when it is "+
			"done).",
		Update, nil, func(ctx context.Context, _ Args) (Result, error) {
			v, err := up.ZIAWrite(ctx, http.MethodPost, "/status/activate", map[string]any{})
			if err != nil {
				return Result{}, err
			}
			return Object(v), nil
		})}
}

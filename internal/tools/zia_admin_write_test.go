package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestActivationRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	status := func() any {
		return ziaMust(t, up, "zia_get_activation_status", nil)["status"]
	}
	require.Equal(t, "ACTIVE", status())

	ziaMust(t, up, "zia_create_rule_label", map[string]any{"name": "Pending change"})
	require.Equal(t, "PENDING", status(), "a write stages a change")

	res := ziaMust(t, up, "zia_activate_configuration", nil)
	require.Equal(t, map[string]any{"status": "ACTIVE"}, res, "activation reports the status")
	require.Equal(t, "ACTIVE", status())
	require.False(t, tenant.ActivationPending())

	writes := tenant.Writes()
	require.Len(t, writes, 2)
	require.Equal(t, "/zia/api/v1/status/activate", writes[1].Path)
	require.Equal(t, "POST", writes[1].Method)
}

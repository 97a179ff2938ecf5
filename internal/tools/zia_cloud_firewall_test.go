package tools

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestZIAListNetworkServicesFiltersNameOnOurSide(t *testing.T) {
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return []any{
			map[string]any{"name": "DNS"},
			map[string]any{"name": "dns-over-tcp"},
			map[string]any{"name": "HTTP"},
			map[string]any{"id": "no name"},
		}, nil
	}}
	res, err := ziaRun(t, fake, "zia_list_network_services",
		map[string]any{"name": "Dns", "protocol": "TCP"})
	require.NoError(t, err)
	require.Equal(t, []any{
		map[string]any{"name": "DNS"},
		map[string]any{"name": "dns-over-tcp"},
	}, res.Value)
	require.Equal(t, "protocol=TCP", fake.Calls()[0].Query.Encode())
}

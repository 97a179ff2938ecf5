package server

import (
	"context"
	"fmt"
	"strconv"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
)

// TestPartialDeleteIsASuccessAuditedAsPartial: a GRE tunnel delete whose static IP
// cannot follow the tunnel has changed the tenant, so the agent gets a result, not an
// error, and the audit line says "partial" where a whole delete says "ok", for both
// ways of confirming.
func TestPartialDeleteIsASuccessAuditedAsPartial(t *testing.T) {
	accept := func(context.Context, mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
	}
	for i, o := range []writeOptions{{}, {elicit: accept}} {
		f := newWriteFixture(t, allowAll(), o)
		ip := fmt.Sprintf("198.51.100.%d", 90+i)
		created := structured(t, f.call(t, "zia_create_gre_tunnel",
			map[string]any{"static_ip_address": ip, "ip_unnumbered": true}))
		tunnelID := wholeNumber(t, created["created"].(map[string]any)["id"])
		staticID := wholeNumber(t, created["static_ip"].(map[string]any)["id"])
		f.tenant.InjectFault(simulator.Fault{Method: "DELETE",
			Path: "/zia/api/v1/staticIP/" + staticID, Status: 409,
			Body: `{"code":"RESOURCE_IN_USE","message":"Static IP is used by location \"Late\""}`})

		args := map[string]any{"tunnel_id": tunnelID, "static_ip_id": staticID}
		m := f.mark()
		res := f.call(t, "zia_delete_gre_tunnel", args)
		summary := `partial \(confirmed by the user\)`
		if o.elicit == nil {
			tok := token(t, res)
			m = f.mark()
			args["confirmation_token"] = tok
			res = f.call(t, "zia_delete_gre_tunnel", args)
			summary = `partial \(token id [0-9a-f]{12}\)`
		}
		require.False(t, res.IsError, resultText(res))
		require.Contains(t, resultText(res), "GRE tunnel "+tunnelID+" was deleted (staged), "+
			"but its static IP "+staticID+" ("+ip+") was not and remains")
		sc := structured(t, res)
		require.Equal(t, "partial", sc["status"])
		lines := f.since(m)
		require.Regexp(t, `^\[TOOL OK\]   zia_delete_gre_tunnel \| \d+ms \| `+summary+`$`,
			lines[len(lines)-1])
	}
}

// wholeNumber renders an id decoded from structured content, a float64, in decimal.
func wholeNumber(t *testing.T, v any) string {
	t.Helper()
	f, ok := v.(float64)
	require.True(t, ok, "%T", v)
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func TestPartialSummary(t *testing.T) {
	for in, want := range map[string]string{
		"ok":                         "partial",
		"ok (token id 3f9c2a71d04e)": "partial (token id 3f9c2a71d04e)",
		"ok (confirmed by the user)": "partial (confirmed by the user)",
		"3 items":                    "3 items, partial",
	} {
		require.Equal(t, want, partialSummary(in))
	}
}

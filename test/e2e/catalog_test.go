package e2e

import (
	"context"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/server"
	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// TestEveryToolAgainstTheSimulator calls every served tool that needs no arguments,
// in process, through the real SDK and the simulated tenant: each must succeed. It
// catches a tool and the API disagreeing on a path, a query or a reply's shape.
func TestEveryToolAgainstTheSimulator(t *testing.T) {
	c, _ := inProcess(t)
	ctx := context.Background()

	listed, err := c.ListTools(ctx, mcp.ListToolsRequest{})
	require.NoError(t, err)
	called := 0
	for _, tool := range listed.Tools {
		if len(tool.InputSchema.Required) > 0 || tool.Name == "zia_geo_search" {
			continue
		}
		res, err := call(t, c, tool.Name, map[string]any{})
		require.NoError(t, err, tool.Name)
		require.False(t, res.IsError, "%s: %s", tool.Name, text(res))
		require.NotNil(t, res.StructuredContent, tool.Name)
		called++
	}
	require.Greater(t, called, 40)
}

// inProcess serves the whole stack in this process against a fresh simulated tenant
// and returns a connected client and the tenant, for fault injection.
func inProcess(t *testing.T, opts ...simulator.Option) (*client.Client, *simulator.Tenant) {
	t.Helper()
	tenant := simulator.New(opts...)
	sim, err := simulator.Start(tenant)
	require.NoError(t, err)
	t.Cleanup(func() { _ = sim.Close() })

	up := zclient.New(zclient.Options{
		RetryBudget: 5 * time.Second,
		Credentials: func() zclient.Credentials {
			return zclient.Credentials{
				ClientID: simulator.DemoClientID, ClientSecret: simulator.DemoClientSecret,
				VanityDomain: simulator.DemoVanityDomain, Cloud: simulator.DemoCloud,
				CustomerID: simulator.DemoCustomerID,
			}
		},
		Transport: simulator.Transport(sim.URL, http.DefaultTransport),
	})
	t.Cleanup(up.Close)
	quiet := audit.New(io.Discard)
	srv, err := server.New(server.Deps{Config: &config.Config{}, Audit: quiet, Upstream: up, Prober: up})
	require.NoError(t, err)

	c, err := client.NewInProcessClient(srv.MCP())
	require.NoError(t, err)
	require.NoError(t, c.Start(context.Background()))
	t.Cleanup(func() { _ = c.Close() })
	initialize(t, c)
	return c, tenant
}

// TestUpstreamFaultsReachTheAgentClassified injects API misbehaviour into the tenant
// and checks what the agent sees through the whole stack: the real SDK, our retrying
// transport, the error mapping and the registrar.
func TestUpstreamFaultsReachTheAgentClassified(t *testing.T) {
	c, tenant := inProcess(t)
	_ = mustOK(t, c, "zia_get_activation_status", nil) // obtain a token first

	cases := []struct {
		name  string
		fault simulator.Fault
		tool  string
		args  map[string]any
		want  string // prefix of the result text; "" means success
	}{
		{"429 once is retried", simulator.Fault{Path: "/zia/api/v1/ruleLabels", Status: 429,
			RetryAfter: "0", Times: 1}, "zia_list_rule_labels", nil, ""},
		{"429 for ever", simulator.Fault{Path: "/zia/api/v1/ruleLabels", Status: 429, RetryAfter: "30"},
			"zia_list_rule_labels", nil, "RateLimited: "},
		{"500 once on a read is retried", simulator.Fault{Path: "/zia/api/v1/locations", Status: 500,
			Times: 1}, "zia_list_locations", nil, ""},
		{"503 for ever", simulator.Fault{Path: "/zia/api/v1/locations", Status: 503, RetryAfter: "0"},
			"zia_list_locations", nil, "UpstreamUnavailable: "},
		{"malformed body", simulator.Fault{Path: "/zia/api/v1/status", Malformed: true},
			"zia_get_activation_status", nil, "UpstreamUnavailable: "},
		{"GraphQL validation error", simulator.Fault{Path: "/zms/graphql", GraphQLErrors: []map[string]any{{
			"message": "bad filter", "extensions": map[string]any{"classification": "VALIDATION_ERROR"}}}},
			"zms_list_agents", nil, "InvalidArgument: "},
		{"GraphQL forbidden", simulator.Fault{Path: "/zms/graphql", GraphQLErrors: []map[string]any{{
			"message": "no access", "extensions": map[string]any{"classification": "FORBIDDEN"}}}},
			"zms_list_agents", nil, "PermissionDenied: "},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			remove := tenant.InjectFault(tc.fault)
			defer remove()
			res, err := call(t, c, tc.tool, tc.args)
			require.NoError(t, err)
			if tc.want == "" {
				require.False(t, res.IsError, text(res))
				return
			}
			require.True(t, res.IsError)
			require.True(t, strings.HasPrefix(text(res), tc.want), text(res))
			require.NotContains(t, text(res), "Rate Limit (1/SECOND)", "raw bodies never reach the agent")
		})
	}

	// Partial data with errors returns both.
	remove := tenant.InjectFault(simulator.Fault{Path: "/zms/graphql",
		GraphQLErrors: []map[string]any{{"message": "one agent could not be read", "path": []any{"agents", "nodes", 1}}},
		PartialData: map[string]any{"agents": map[string]any{
			"nodes":    []any{map[string]any{"name": "agent-1"}},
			"pageInfo": map[string]any{"pageNumber": 1, "pageSize": 20, "totalCount": 2, "totalPages": 1},
		}}})
	defer remove()
	res := mustOK(t, c, "zms_list_agents", nil)
	require.Contains(t, text(res), `"errors"`)
	require.Contains(t, text(res), "agent-1")
}

func mustOK(t *testing.T, c *client.Client, name string, args map[string]any) *mcp.CallToolResult {
	t.Helper()
	res, err := call(t, c, name, args)
	require.NoError(t, err)
	require.False(t, res.IsError, "%s: %s", name, text(res))
	return res
}

func TestUnknownIDsAreNotFoundInBothServices(t *testing.T) {
	c, _ := inProcess(t)
	for tool, args := range map[string]map[string]any{
		"zia_get_rule_label": {"label_id": "123456"},
		"zms_get_nonce":      {"eyez_id": "no-such-nonce"},
	} {
		res, err := call(t, c, tool, args)
		require.NoError(t, err)
		require.True(t, res.IsError)
		require.True(t, strings.HasPrefix(text(res), "NotFound: "), "%s: %s", tool, text(res))
	}
}

// TestTokenIsRenewedBeforeItExpires gives the tenant tokens that are already within
// the client's renewal margin: every call must fetch a fresh token and succeed.
func TestTokenIsRenewedBeforeItExpires(t *testing.T) {
	c, tenant := inProcess(t, simulator.WithTokenTTL(30*time.Second))
	for range 3 {
		mustOK(t, c, "zia_get_activation_status", nil)
	}
	tokens := 0
	for _, r := range tenant.Requests() {
		if r.Path == "/oauth2/v1/token" {
			tokens++
		}
	}
	require.GreaterOrEqual(t, tokens, 3, "a token about to expire is renewed before use")
}

package tools

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// zmsRequiredFor returns valid values for the required parameters of the named tool.
func zmsRequiredFor(name string) map[string]any {
	tool, _ := zmsToolNamed(&zmsFake{}, name)
	args := map[string]any{}
	for _, p := range tool.Params {
		if p.Required {
			args[p.Name] = zmsRequiredArgs[p.Name]
		}
	}
	return args
}

// zmsReply wraps value as the data of a reply to the tool's operation, twice for the
// nonce, which the API nests under nonce.nonce.
func zmsReply(root string, value any) map[string]any {
	if root == "nonce" {
		value = map[string]any{"nonce": value}
	}
	return map[string]any{root: value}
}

func TestZMSListToolsReturnNodesAndPageInfo(t *testing.T) {
	nodes := []any{map[string]any{"id": "a"}, map[string]any{"id": "b"}}
	pageInfo := map[string]any{"pageNumber": 1, "pageSize": 2, "totalCount": 5, "totalPages": 3}
	for _, e := range zmsExpected {
		if !e.page {
			continue
		}
		t.Run(e.tool, func(t *testing.T) {
			fake := &zmsFake{result: &zclient.GraphQLResult{
				Data: zmsReply(e.root, map[string]any{"nodes": nodes, "pageInfo": pageInfo}),
			}}
			res, err := runZMSTool(t, fake, e.tool, zmsRequiredFor(e.tool))
			require.NoError(t, err)
			require.Equal(t, map[string]any{"nodes": nodes, "pageInfo": pageInfo}, res.Value)
			require.Equal(t, 2, res.Items)
		})
	}
}

func TestZMSObjectToolsReturnTheFieldValue(t *testing.T) {
	value := map[string]any{"totalCount": 7, "agentStatuses": []any{map[string]any{"count": 7}}}
	for _, e := range zmsExpected {
		if e.page {
			continue
		}
		t.Run(e.tool, func(t *testing.T) {
			fake := &zmsFake{result: &zclient.GraphQLResult{Data: zmsReply(e.root, value)}}
			res, err := runZMSTool(t, fake, e.tool, zmsRequiredFor(e.tool))
			require.NoError(t, err)
			require.Equal(t, value, res.Value)
			require.False(t, res.IsList())
		})
	}
}

func TestZMSNonceIsUnwrapped(t *testing.T) {
	nonce := map[string]any{"eyezId": "n-1", "name": "prod", "usageCount": 3}
	fake := &zmsFake{result: &zclient.GraphQLResult{
		Data: map[string]any{"nonce": map[string]any{"nonce": nonce}},
	}}
	res, err := runZMSTool(t, fake, "zms_get_nonce", map[string]any{"eyez_id": "n-1"})
	require.NoError(t, err)
	require.Equal(t, nonce, res.Value)
}

func TestZMSPartialDataKeepsTheErrors(t *testing.T) {
	gqlErrs := []zclient.GraphQLError{{
		Message:    "agent group unavailable",
		Path:       []any{"agents", "nodes", 1, "agentGroupName"},
		Extensions: map[string]any{"classification": "BAD_REQUEST"},
	}, {Message: "second"}}
	wantErrs := []any{
		map[string]any{
			"message":    "agent group unavailable",
			"path":       []any{"agents", "nodes", 1, "agentGroupName"},
			"extensions": map[string]any{"classification": "BAD_REQUEST"},
		},
		map[string]any{"message": "second"},
	}

	t.Run("page", func(t *testing.T) {
		nodes := []any{map[string]any{"eyezId": "a1"}, map[string]any{"eyezId": "a2"}}
		pageInfo := map[string]any{"totalPages": 1}
		fake := &zmsFake{result: &zclient.GraphQLResult{
			Data:   map[string]any{"agents": map[string]any{"nodes": nodes, "pageInfo": pageInfo}},
			Errors: gqlErrs,
		}}
		res, err := runZMSTool(t, fake, "zms_list_agents", nil)
		require.NoError(t, err)
		require.Equal(t, map[string]any{"nodes": nodes, "pageInfo": pageInfo, "errors": wantErrs},
			res.Value)
		require.Equal(t, 2, res.Items)
	})

	t.Run("object", func(t *testing.T) {
		secrets := map[string]any{"eyezId": "g-1", "totpSecret": nil}
		fake := &zmsFake{result: &zclient.GraphQLResult{
			Data:   map[string]any{"agentGroupTotpSecrets": secrets},
			Errors: gqlErrs,
		}}
		res, err := runZMSTool(t, fake, "zms_get_agent_group_totp_secrets",
			map[string]any{"eyez_id": "g-1"})
		require.NoError(t, err)
		require.Equal(t, map[string]any{"data": secrets, "errors": wantErrs}, res.Value)
		require.False(t, res.IsList())
	})

	t.Run("page with null data", func(t *testing.T) {
		fake := &zmsFake{result: &zclient.GraphQLResult{
			Data: map[string]any{"agents": nil}, Errors: gqlErrs,
		}}
		res, err := runZMSTool(t, fake, "zms_list_agents", nil)
		require.NoError(t, err)
		require.Equal(t, map[string]any{"nodes": []any{}, "pageInfo": nil, "errors": wantErrs},
			res.Value)
		require.Equal(t, 0, res.Items)
	})
}

func TestZMSMissingDataGivesAnEmptyResult(t *testing.T) {
	for _, e := range zmsExpected {
		replies := map[string]*zclient.GraphQLResult{
			"no reply":   nil,
			"no data":    {},
			"null field": {Data: map[string]any{e.root: nil}},
			"odd shape":  {Data: map[string]any{e.root: "unexpected"}},
		}
		for label, reply := range replies {
			t.Run(e.tool+"/"+label, func(t *testing.T) {
				res, err := runZMSTool(t, &zmsFake{result: reply}, e.tool, zmsRequiredFor(e.tool))
				require.NoError(t, err)
				if !e.page {
					// An object tool passes the field value on as given; only the
					// nonce looks inside it.
					if label == "odd shape" && e.root != "nonce" {
						require.Equal(t, "unexpected", res.Value)
					} else {
						require.Nil(t, res.Value)
					}
					return
				}
				require.Equal(t, map[string]any{"nodes": []any{}, "pageInfo": nil}, res.Value)
				require.Equal(t, 0, res.Items)
			})
		}
	}
}

func TestZMSUpstreamErrorsKeepTheirKind(t *testing.T) {
	fake := &zmsFake{err: toolerr.New(toolerr.PermissionDenied, "ZMS is not licensed")}
	_, err := runZMSTool(t, fake, "zms_list_resources", nil)
	require.Error(t, err)
	require.Equal(t, toolerr.PermissionDenied, toolerr.As(err).Kind)
	require.True(t, errors.Is(err, fake.err))
}

func TestZMSArgumentValidation(t *testing.T) {
	cases := []struct {
		name, tool string
		args       map[string]any
		mention    string
	}{
		{"page size above 100", "zms_list_resources", map[string]any{"page_size": 101.0}, "page_size"},
		{"page size zero", "zms_list_agents", map[string]any{"page_size": 0.0}, "page_size"},
		{"page zero", "zms_list_nonces", map[string]any{"page": 0.0}, "page"},
		{"fractional page", "zms_list_app_zones", map[string]any{"page_num": 1.5}, "page_num"},
		{"bad sort direction", "zms_list_agents", map[string]any{"sort_dir": "down"}, "sort_dir"},
		{"bad sort order", "zms_list_tag_namespaces", map[string]any{"sort_order": "upward"}, "sort_order"},
		{"bad origin", "zms_list_tag_namespaces", map[string]any{"origin": "OTHER"}, "origin"},
		{"bad provider", "zms_list_resources", map[string]any{"cloud_provider": "IBM"}, "cloud_provider"},
		{"bad action", "zms_list_policy_rules", map[string]any{"action": "DENY"}, "action"},
		{"bad sort field", "zms_list_app_catalog", map[string]any{"sort_by": "id"}, "sort_by"},
		{"missing namespace origin", "zms_list_tag_values", map[string]any{"tag_id": "t"},
			"namespace_origin"},
		{"missing eyez id", "zms_get_nonce", nil, "eyez_id"},
		{"empty group id", "zms_get_resource_group_members", map[string]any{"group_id": " "},
			"group_id"},
		{"other paging vocabulary", "zms_list_agents", map[string]any{"page_num": 2.0}, "page_num"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tool, ok := zmsToolNamed(&zmsFake{}, tc.tool)
			require.True(t, ok)
			_, err := Validate(tool.Params, tc.args)
			require.Error(t, err)
			require.Equal(t, toolerr.InvalidArgument, toolerr.As(err).Kind)
			require.Contains(t, err.Error(), tc.mention)
		})
	}
}

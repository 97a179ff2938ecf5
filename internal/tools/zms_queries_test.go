package tools

import (
	"context"
	"maps"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/parser"
	"github.com/vektah/gqlparser/v2/validator"
)

// zmsVarCases give raw arguments, as an agent sends them (JSON numbers are float64),
// and the exact GraphQL variables the tool must send (the client adds customerId).
var zmsVarCases = []struct {
	name string
	tool string
	args map[string]any
	vars map[string]any
}{
	{"agents defaults", "zms_list_agents", nil, map[string]any{"page": 1, "pageSize": 20}},
	{"agents all arguments", "zms_list_agents",
		map[string]any{
			"page": 3.0, "page_size": 50.0, "search": "web", "sort": "name", "sort_dir": "DESC",
		},
		map[string]any{"page": 3, "pageSize": 50, "search": "web", "sort": "name", "sortDir": "DESC"}},
	{"connection stats unfiltered", "zms_get_agent_connection_status_statistics", nil,
		map[string]any{}},
	{"connection stats searched", "zms_get_agent_connection_status_statistics",
		map[string]any{"search": "k8s"}, map[string]any{"search": "k8s"}},
	{"version stats searched", "zms_get_agent_version_statistics",
		map[string]any{"search": "linux"}, map[string]any{"search": "linux"}},
	{"agent groups defaults", "zms_list_agent_groups", nil,
		map[string]any{"page": 1, "pageSize": 20}},
	{"agent groups sorted", "zms_list_agent_groups",
		map[string]any{"sort": "name", "sort_dir": "ASC"},
		map[string]any{"page": 1, "pageSize": 20, "sort": "name", "sortDir": "ASC"}},
	{"totp secrets", "zms_get_agent_group_totp_secrets",
		map[string]any{"eyez_id": "grp-7"}, map[string]any{"eyezId": "grp-7"}},
	{"nonces searched", "zms_list_nonces",
		map[string]any{"page": 2.0, "search": "prod"},
		map[string]any{"page": 2, "pageSize": 20, "search": "prod"}},
	{"nonce by numeric id", "zms_get_nonce",
		map[string]any{"eyez_id": 12345.0}, map[string]any{"eyezId": "12345"}},
	{"resources defaults", "zms_list_resources", nil,
		map[string]any{"pageNum": 1, "pageSize": 20, "includeDeleted": false}},
	{"resources all filters", "zms_list_resources",
		map[string]any{
			"page_num": 2.0, "page_size": 100.0, "include_deleted": true, "name": "web",
			"status": "ACTIVE", "resource_type": "VM", "cloud_provider": "AWS",
			"cloud_region": "us-east", "platform_os": "LINUX", "sort_order": "ASC",
		},
		map[string]any{
			"pageNum": 2, "pageSize": 100, "includeDeleted": true,
			"filter": map[string]any{
				"name":          map[string]any{"contains": "web"},
				"status":        map[string]any{"equals": "ACTIVE"},
				"resourceType":  map[string]any{"equals": "VM"},
				"cloudProvider": map[string]any{"equals": "AWS"},
				"cloudRegion":   map[string]any{"contains": "us-east"},
				"platformOs":    map[string]any{"contains": "LINUX"},
			},
			"orderBy": map[string]any{"name": "ASC"},
		}},
	{"resource protection paged", "zms_get_resource_protection_status",
		map[string]any{"page_num": 2.0, "page_size": 10.0},
		map[string]any{"pageNum": 2, "pageSize": 10}},
	{"metadata", "zms_get_metadata", nil, map[string]any{}},
	{"resource groups filtered", "zms_list_resource_groups",
		map[string]any{"name": "db", "resource_hostname": "db01"},
		map[string]any{"pageNum": 1, "pageSize": 20, "filter": map[string]any{
			"name":             map[string]any{"contains": "db"},
			"resourceHostname": map[string]any{"contains": "db01"},
		}}},
	{"resource group members", "zms_get_resource_group_members",
		map[string]any{"group_id": "rg-1", "page_size": 5.0},
		map[string]any{"id": "rg-1", "pageNum": 1, "pageSize": 5}},
	{"resource group protection defaults", "zms_get_resource_group_protection_status", nil,
		map[string]any{"pageNum": 1, "pageSize": 20}},
	{"policy rules defaults", "zms_list_policy_rules", nil,
		map[string]any{"pageNum": 1, "pageSize": 20, "fetchAll": false}},
	{"policy rules filtered", "zms_list_policy_rules",
		map[string]any{"fetch_all": true, "name": "deny", "action": "BLOCK"},
		map[string]any{"pageNum": 1, "pageSize": 20, "fetchAll": true, "filter": map[string]any{
			"name":   map[string]any{"contains": "deny"},
			"action": map[string]any{"equals": "BLOCK"},
		}}},
	{"default policy rules", "zms_list_default_policy_rules",
		map[string]any{"page_num": 4.0},
		map[string]any{"pageNum": 4, "pageSize": 20}},
	{"app zones filtered and sorted", "zms_list_app_zones",
		map[string]any{"name": "pci", "sort_order": "DESC"},
		map[string]any{
			"pageNum": 1, "pageSize": 20,
			"filter":  map[string]any{"appZoneName": map[string]any{"contains": "pci"}},
			"orderBy": map[string]any{"appZoneName": "DESC"},
		}},
	{"app catalog all arguments", "zms_list_app_catalog",
		map[string]any{
			"name": "ssh", "category": "Remote", "sort_by": "creation_time", "sort_order": "DESC",
		},
		map[string]any{
			"pageNum": 1, "pageSize": 20,
			"filter": map[string]any{
				"name":     map[string]any{"contains": "ssh"},
				"category": map[string]any{"contains": "Remote"},
			},
			"orderBy": map[string]any{"creationTime": "DESC"},
		}},
	{"app catalog sort field only", "zms_list_app_catalog",
		map[string]any{"sort_by": "category"},
		map[string]any{"pageNum": 1, "pageSize": 20, "orderBy": map[string]any{"category": "ASC"}}},
	{"app catalog direction only", "zms_list_app_catalog",
		map[string]any{"sort_order": "DESC"},
		map[string]any{"pageNum": 1, "pageSize": 20, "orderBy": map[string]any{"name": "DESC"}}},
	{"tag namespaces filtered", "zms_list_tag_namespaces",
		map[string]any{"name": "cloud", "origin": "EXTERNAL", "sort_order": "ASC"},
		map[string]any{
			"pageNum": 1, "pageSize": 20,
			"filter": map[string]any{
				"name":   map[string]any{"contains": "cloud"},
				"origin": map[string]any{"equals": "EXTERNAL"},
			},
			"orderBy": map[string]any{"name": "ASC"},
		}},
	{"tag keys filtered", "zms_list_tag_keys",
		map[string]any{"namespace_id": "ns-1", "key_name": "env", "sort_order": "DESC"},
		map[string]any{
			"namespaceId": "ns-1", "pageNum": 1, "pageSize": 20,
			"filter":  map[string]any{"keyName": map[string]any{"contains": "env"}},
			"orderBy": map[string]any{"name": "DESC"},
		}},
	{"tag values minimal", "zms_list_tag_values",
		map[string]any{"tag_id": "tk-1", "namespace_origin": "ML"},
		map[string]any{"tagId": "tk-1", "namespaceOrigin": "ML", "pageNum": 1, "pageSize": 20}},
	{"tag values filtered", "zms_list_tag_values",
		map[string]any{"tag_id": "tk-1", "namespace_origin": "CUSTOM", "name": "prod", "page_num": 2.0},
		map[string]any{
			"tagId": "tk-1", "namespaceOrigin": "CUSTOM", "pageNum": 2, "pageSize": 20,
			"filter": map[string]any{"name": map[string]any{"contains": "prod"}},
		}},
}

// runZMSTool validates raw arguments and calls the named tool against up.
func runZMSTool(t *testing.T, up Upstream, name string, raw map[string]any) (Result, error) {
	t.Helper()
	tool, ok := zmsToolNamed(up, name)
	require.True(t, ok, "no tool %s", name)
	args, err := Validate(tool.Params, raw)
	require.NoError(t, err)
	return tool.Handler(context.Background(), args)
}

func TestZMSToolsSendDocumentedOperationsAndVariables(t *testing.T) {
	schema := loadZMSTestSchema(t)
	ops := map[string]string{}
	for _, e := range zmsExpected {
		ops[e.tool] = e.op
	}
	covered := map[string]bool{}

	for _, tc := range zmsVarCases {
		t.Run(tc.name, func(t *testing.T) {
			covered[tc.tool] = true
			fake := &zmsFake{}
			_, err := runZMSTool(t, fake, tc.tool, tc.args)
			require.NoError(t, err)
			require.Len(t, fake.calls, 1)
			call := fake.calls[0]

			require.Equal(t, ops[tc.tool], call.op)
			require.Equal(t, tc.vars, call.vars)
			require.NotContains(t, call.vars, "customerId", "the client adds customerId")

			op := checkZMSDocument(t, schema, call)
			withCustomer := maps.Clone(call.vars)
			withCustomer["customerId"] = "72058304855015424"
			_, err = validator.VariableValues(schema, op, withCustomer)
			require.NoError(t, err, "variables do not fit the declared types")
		})
	}
	for _, e := range zmsExpected {
		require.True(t, covered[e.tool], "no variable case for %s", e.tool)
	}
}

// checkZMSDocument checks that call's document parses, holds one query named after the
// operation whose single root field is the documented one, and is valid against the
// schema. It returns the operation for variable validation.
func checkZMSDocument(t *testing.T, schema *ast.Schema, call zmsCall) *ast.OperationDefinition {
	t.Helper()
	doc, err := parser.ParseQuery(&ast.Source{Input: call.query})
	require.NoError(t, err)
	require.Len(t, doc.Operations, 1)
	op := doc.Operations[0]
	require.Equal(t, ast.Query, op.Operation)
	require.Equal(t, call.op, op.Name)
	require.Len(t, op.SelectionSet, 1)
	field, ok := op.SelectionSet[0].(*ast.Field)
	require.True(t, ok)
	require.Equal(t, zmsRootOf(t, call.op), field.Name)

	var customer *ast.VariableDefinition
	for _, v := range op.VariableDefinitions {
		if v.Variable == "customerId" {
			customer = v
		}
	}
	require.NotNil(t, customer, "$customerId is not declared")

	validated, errs := gqlparser.LoadQuery(schema, call.query)
	require.Empty(t, errs, "document does not fit the schema")
	return validated.Operations[0]
}

// zmsRootOf returns the documented root field of an operation.
func zmsRootOf(t *testing.T, op string) string {
	t.Helper()
	for _, e := range zmsExpected {
		if e.op == op {
			return e.root
		}
	}
	t.Fatalf("unknown operation %s", op)
	return ""
}

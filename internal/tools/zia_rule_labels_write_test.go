package tools

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestRuleLabelWriteRoundTrip(t *testing.T) {
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_rule_label",
		map[string]any{"name": "Change 42", "description": "from a test"})
	require.Equal(t, ziaPendingNote, created["activation"])
	id := ziaID(ziaObj(t, created, "created")["id"])

	got := ziaMust(t, up, "zia_get_rule_label", map[string]any{"label_id": id})
	require.Equal(t, "Change 42", got["name"])

	updated := ziaMust(t, up, "zia_update_rule_label", map[string]any{"label_id": id,
		"name": "Change 43"})
	label := ziaObj(t, updated, "updated")
	require.Equal(t, "Change 43", label["name"])
	require.Equal(t, "from a test", label["description"], "fields not given keep their value")
	require.Equal(t, ziaPendingNote, updated["activation"])

	_, err := ziaDo(t, up, "zia_update_rule_label", map[string]any{"label_id": id})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "nothing to change")

	res, err := ziaDescribeCall(t, up, "zia_delete_rule_label", map[string]any{"label_id": id})
	require.NoError(t, err)
	require.Equal(t, Resource{Type: "rule label", ID: id, Name: "Change 43"}, res)

	deleted := ziaMust(t, up, "zia_delete_rule_label", map[string]any{"label_id": id})
	require.Equal(t, []any{map[string]any{"type": "rule label", "id": id}}, deleted["deleted"])
	require.Equal(t, ziaPendingNote, deleted["activation"])

	_, err = ziaDo(t, up, "zia_get_rule_label", map[string]any{"label_id": id})
	requireKindOf(t, err, toolerr.NotFound)
	_, err = ziaDo(t, up, "zia_delete_rule_label", map[string]any{"label_id": id})
	requireKindOf(t, err, toolerr.NotFound)
	_, err = ziaDescribeCall(t, up, "zia_delete_rule_label", map[string]any{"label_id": id})
	requireKindOf(t, err, toolerr.NotFound)

	require.Equal(t, []string{"POST /ruleLabels", "PUT /ruleLabels/" + id,
		"DELETE /ruleLabels/" + id}, ziaWritesTo(tenant, "/ruleLabels"),
		"each change reached the tenant once; the refused calls changed nothing")
	require.True(t, tenant.ActivationPending())
}

func TestWritesKeepSixtyFourBitIDsExact(t *testing.T) {
	up, tenant := ziaSim(t)
	big := strconv.FormatInt(simulator.BigRuleLabelID, 10)
	before := ziaMust(t, up, "zia_get_rule_label", map[string]any{"label_id": big})

	updated := ziaMust(t, up, "zia_update_rule_label", map[string]any{"label_id": big,
		"description": "touched"})
	label := ziaObj(t, updated, "updated")
	require.Equal(t, big, ziaID(label["id"]))
	require.Equal(t, before["name"], label["name"])
	require.Equal(t, []string{"PUT /ruleLabels/" + big}, ziaWritesTo(tenant, "/ruleLabels"))

	res, err := ziaDescribeCall(t, up, "zia_delete_rule_label", map[string]any{"label_id": big})
	require.NoError(t, err)
	require.Equal(t, big, res.ID)
	require.Equal(t, before["name"], res.Name)
}

func TestWriteIDsMustBeNumbersWhereTheAPISaysSo(t *testing.T) {
	fake := &ziaFake{}
	_, err := ziaDo(t, fake, "zia_delete_rule_label", map[string]any{"label_id": "L1"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "label_id")
	_, err = ziaDo(t, fake, "zia_update_rule_label", map[string]any{"label_id": "1/2",
		"name": "x"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Empty(t, fake.Calls(), "nothing is sent for a malformed id")

	_, err = ziaDo(t, fake, "zia_delete_rule_label", map[string]any{"label_id": 42.0})
	require.NoError(t, err)
	require.Equal(t, "/ruleLabels/42", fake.Calls()[0].Path)
	require.Equal(t, "delete", fake.Calls()[0].Method)
}

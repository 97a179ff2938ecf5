package tools

import (
	"encoding/json"
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

	deleted := ziaMustDelete(t, up, "rule_label", map[string]any{"label_id": id},
		Resource{Type: "rule label", ID: id, Name: "Change 43"})
	require.Equal(t, []any{map[string]any{"type": "rule label", "id": id}}, deleted["deleted"])
	require.Equal(t, ziaPendingNote, deleted["activation"])

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

	// Rules carry the label, so the delete is refused; the refusal and the resource a
	// person would see both name the exact id.
	res, err := ziaDescribeCall(t, up, "zia_delete_rule_label", map[string]any{"label_id": big})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "rule label "+big+" ")
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
	calls := fake.Calls()
	require.Len(t, calls, 2, "the label is read to check it is unused, then deleted")
	require.Equal(t, "/ruleLabels/42", calls[1].Path)
	require.Equal(t, "delete", calls[1].Method)
}

// TestRuleLabelDeleteRefusesALabelInUse: the API refuses to delete a label that rules
// carry. The label reports how many do, so the lookup before the confirmation refuses
// it, nobody is asked to approve it, and the delete sends nothing.
func TestRuleLabelDeleteRefusesALabelInUse(t *testing.T) {
	up, tenant := ziaSim(t)
	// "Compliance" labels two URL filtering rules, a cloud firewall rule, a web DLP
	// rule and a cloud app control rule.
	args := map[string]any{"label_id": "4338882"}
	label := ziaMust(t, up, "zia_get_rule_label", args)
	require.Equal(t, json.Number("5"), label["referencedRuleCount"])
	want := `rule label 4338882 ("Compliance") is still in use: 5 rules use it; ` +
		"nothing was deleted. Take the label off those rules first"

	res, err := ziaDescribeCall(t, up, "zia_delete_rule_label", args)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.EqualError(t, err, "InvalidArgument: "+want)
	require.Equal(t, Resource{Type: "rule label", ID: "4338882", Name: "Compliance"}, res)

	_, err = ziaDo(t, up, "zia_delete_rule_label", args)
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.EqualError(t, err, "InvalidArgument: "+want)
	require.Empty(t, ziaWritesTo(tenant, "/"), "nothing was sent")
}

func TestRuleLabelInUseCountsOneRule(t *testing.T) {
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Method == "get" {
			return map[string]any{"id": json.Number("7"), "name": "Solo",
				"referencedRuleCount": json.Number("1")}, nil
		}
		return nil, nil
	}}
	_, err := ziaDo(t, fake, "zia_delete_rule_label", map[string]any{"label_id": "7"})
	requireKindOf(t, err, toolerr.InvalidArgument)
	require.Contains(t, err.Error(), "1 rule uses it")
	require.Len(t, fake.Calls(), 1, "only the label was read")
}

package tools

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

const ziaGoodSignature = `alert tcp any any -> any 445 (msg:"SMB probe"; content:"|FF|SMB"; ` +
	`sid:1000010; rev:1;)`

func TestIPSSignatureRoundTrip(t *testing.T) {
	const v2 = `alert http any any -> any any (msg:"admin"; content:"/admin"; http_uri; ` +
		`sid:1000010; rev:2;)`
	runCRUD(t, crudCase{
		noun: "ips_signature_rule", what: "custom IPS signature", idName: "rule_id",
		path: "/ipsSignatureRules", name: "SMB probe",
		create: map[string]any{"name": " SMB probe ", "rule_text": ziaGoodSignature,
			"description": "kept"},
		update: map[string]any{"rule_text": v2},
		check: func(t *testing.T, s map[string]any) {
			require.Equal(t, "SMB probe", s["name"], "the name is sent trimmed")
			require.Equal(t, "kept", s["description"])
		},
		updated: func(t *testing.T, s map[string]any) {
			require.Equal(t, v2, s["ruleText"])
		},
	})
}

func TestIPSSignatureRuleTextIsChecked(t *testing.T) {
	cases := map[string]struct{ text, says string }{
		"empty":      {"  ", "must not be empty"},
		"two lines":  {"alert tcp any any -> any 1 (sid:1; rev:1;)\nalert", "single line"},
		"no options": {"alert tcp any any -> any 445", "options in parentheses"},
		"drop":       {"drop tcp any any -> any 445 (sid:1; rev:1;)", "action alert"},
		"short header": {"alert tcp any -> any 445 (sid:1; rev:1;)",
			"seven parts before the options (action, protocol, source, source port, " +
				"direction, destination, destination port); it has 6"},
		"both ways": {"alert tcp any any <> any 445 (sid:1; rev:1;)", `direction ->, got "<>"`},
		"no sid":    {`alert tcp any any -> any 445 (msg:"x"; rev:1;)`, "needs a sid option, such as sid:1; a signature"},
		"no rev":    {`alert tcp any any -> any 445 (msg:"x"; sid:7;)`, "needs a rev option, such as rev:1; a signature"},
		"bad sid":   {`alert tcp any any -> any 445 (sid:abc; rev:1;)`, "sid:abc; where sid must be"},
		"sid in the message only": {`alert tcp any any -> any 445 (msg:"sid:1;"; rev:1;)`,
			"needs a sid option, such as sid:1; a signature"},
		"action in capitals": {"ALERT tcp any any -> any 445 (sid:1; rev:1;)",
			`action alert in lower case, got "ALERT"`},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fake := &ziaFake{}
			_, err := ziaDo(t, fake, "zia_create_ips_signature_rule",
				map[string]any{"name": "x", "rule_text": tc.text})
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), tc.says)
			require.Contains(t, err.Error(), "a signature looks like: alert tcp",
				"the refusal shows a well-formed signature")
			require.Empty(t, fake.Calls(), "nothing is sent")
		})
	}
}

func TestIPSSignatureNameIsBounded(t *testing.T) {
	for name, ok := range map[string]bool{
		strings.Repeat("n", 31): true, strings.Repeat("é", 31): true,
		strings.Repeat("n", 32): false, "   ": false,
	} {
		fake := &ziaFake{}
		_, err := ziaDo(t, fake, "zia_create_ips_signature_rule",
			map[string]any{"name": name, "rule_text": ziaGoodSignature})
		if ok {
			require.NoError(t, err, name)
			continue
		}
		requireKindOf(t, err, toolerr.InvalidArgument)
		require.Empty(t, fake.Calls())
	}
}

// An update checks only what it changes: a description update of a signature whose
// stored text this server would not accept still goes through.
func TestIPSSignatureUpdateChecksOnlyWhatItChanges(t *testing.T) {
	stored := map[string]any{"id": "7", "name": "Legacy", "ruleText": "alert ip any any (legacy)"}
	fake := &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Method == "get" {
			return stored, nil
		}
		return nil, nil
	}}
	res := ziaMust(t, fake, "zia_update_ips_signature_rule",
		map[string]any{"rule_id": "7", "description": "noted"})
	updated := ziaObj(t, res, "updated")
	require.Equal(t, "alert ip any any (legacy)", updated["ruleText"], "backfilled as stored")
	require.Equal(t, "Legacy", updated["name"])
	require.Equal(t, "noted", updated["description"])

	_, err := ziaDo(t, fake, "zia_update_ips_signature_rule",
		map[string]any{"rule_id": "7", "rule_text": "alert ip any any (legacy)"})
	requireKindOf(t, err, toolerr.InvalidArgument)
}

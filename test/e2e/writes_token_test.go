package e2e

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// firstText is the first text of a result: for an error, the error itself.
func firstText(r *mcp.CallToolResult) string {
	return r.Content[0].(mcp.TextContent).Text
}

// TestTokenConfirmedDeleteOverStdio walks the confirmation-token flow of a client that
// cannot elicit, with the real delete tool on the demo tenant: a prompt that deletes
// nothing, a refusal for every token that does not confirm this very call, one delete
// for the right token, no second one for a replay, and an audit trail that names
// tokens by id only, even with debug logging.
func TestTokenConfirmedDeleteOverStdio(t *testing.T) {
	s := startStdio(t, writeEnv(labelWrites+",zia_create_url_filtering_rule"), "--demo",
		"--log-tool-calls", "--debug")
	c := s.client
	a := createLabel(t, c, "Token flow A")
	b := createLabel(t, c, "Token flow B")
	before := labelCount(t, c)
	var issued []string // every token the server handed out

	// The first call asks; nothing is deleted.
	from := mark(t, s.client, s.stderr)
	res := mustCall(t, s, "zia_delete_rule_label", map[string]any{"label_id": a})
	tok := prompt(t, res)
	issued = append(issued, tok.value)
	require.Contains(t, text(res), `Operation: delete rule label `+a+` "Token flow A"`)
	v := object(t, res)
	require.Equal(t, map[string]any{"type": "rule label", "id": a, "name": "Token flow A"},
		v["resource"])
	require.Equal(t, map[string]any{"label_id": a}, v["arguments"])
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_delete_rule_label | args: {label_id: "`+a+`"}`,
		`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+a+`"}`,
		`[TOOL OK]   zia_delete_rule_label/describe | Nms | ok`,
		`[TOOL OK]   zia_delete_rule_label | Nms | confirmation required (token id `+tok.id+`)`)
	require.True(t, labelExists(t, c, a))
	require.Equal(t, before, labelCount(t, c))

	// Tokens that do not confirm this call are refused with the reason and a fresh
	// prompt for the call that was made; nothing is deleted.
	mismatch := "the token does not match this call"
	exp, rest, _ := strings.Cut(strings.TrimPrefix(tok.value, "zc1."), ".")
	var later int64
	_, err := fmt.Sscan(exp, &later)
	require.NoError(t, err)
	refusals := []struct {
		name, id, token, reason string
	}{
		{"a token for another label", b, tok.value, mismatch},
		{"a token with a later expiry", a, fmt.Sprintf("zc1.%d.%s", later+3600, rest), mismatch},
		{"a token with another signature", a, tok.value[:20] + flip(tok.value[20]) +
			tok.value[21:], mismatch},
		{"a cut token", a, tok.value[:len(tok.value)-8], "the token is malformed"},
		{"not a token", a, "yes, delete it", "the token is malformed"},
	}
	for _, r := range refusals {
		from := mark(t, s.client, s.stderr)
		res := failed(t, c, "zia_delete_rule_label",
			map[string]any{"label_id": r.id, "confirmation_token": r.token})
		fresh := freshPrompt(t, res, r.reason)
		issued = append(issued, fresh.value)
		require.NotEqual(t, tok.id, fresh.id, r.name)
		require.Contains(t, res.Content[1].(mcp.TextContent).Text,
			`Operation: delete rule label `+r.id+` "Token flow`, r.name)
		auditFrom(t, s.stderr, from,
			`[TOOL CALL] zia_delete_rule_label | args: {confirmation_token: "***REDACTED***", `+
				`label_id: "`+r.id+`"}`,
			`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+r.id+`"}`,
			`[TOOL OK]   zia_delete_rule_label/describe | Nms | ok`,
			`[TOOL ERR]  zia_delete_rule_label | Nms | `+firstText(res))
		require.Contains(t, firstText(res), "nothing was deleted, and a new confirmation "+
			"follows (token id "+fresh.id+")", r.name)
	}
	require.True(t, labelExists(t, c, a))
	require.True(t, labelExists(t, c, b))
	require.Equal(t, before, labelCount(t, c))

	// The right token deletes once.
	from = mark(t, s.client, s.stderr)
	res = mustCall(t, s, "zia_delete_rule_label",
		map[string]any{"label_id": a, "confirmation_token": tok.value})
	require.Equal(t, []any{map[string]any{"type": "rule label", "id": a}}, object(t, res)["deleted"])
	require.Contains(t, object(t, res)["activation"], "zia_activate_configuration")
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_delete_rule_label | args: {confirmation_token: "***REDACTED***", `+
			`label_id: "`+a+`"}`,
		`[TOOL OK]   zia_delete_rule_label | Nms | ok (token id `+tok.id+`)`)
	require.False(t, labelExists(t, c, a))
	require.True(t, labelExists(t, c, b))
	require.Equal(t, before-1, labelCount(t, c))

	// A replay is refused; the label is gone, so no new token is offered.
	from = mark(t, s.client, s.stderr)
	res = failed(t, c, "zia_delete_rule_label",
		map[string]any{"label_id": a, "confirmation_token": tok.value})
	require.Len(t, res.Content, 1, text(res))
	require.Equal(t, "ConfirmationRejected: token id "+tok.id+" was already used; each token "+
		"confirms one call; rule label "+a+" no longer exists, so no new token was issued", text(res))
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_delete_rule_label | args: {confirmation_token: "***REDACTED***", `+
			`label_id: "`+a+`"}`,
		`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+a+`"}`,
		`[TOOL ERR]  zia_delete_rule_label/describe | Nms | NotFound: `+
			strings.TrimPrefix(text(failed(t, c, "zia_get_rule_label", map[string]any{"label_id": a})),
				"NotFound: "),
		`[TOOL ERR]  zia_delete_rule_label | Nms | `+text(res))
	require.Equal(t, before-1, labelCount(t, c))

	// Nobody is asked about a label rules carry: the refusal says why, and no token is
	// issued.
	inUse := map[string]any{"label_id": "4338882"} // the seeded "Compliance", on 5 rules
	res = failed(t, c, "zia_delete_rule_label", inUse)
	require.Len(t, res.Content, 1, "no prompt, no token")
	require.Equal(t, `InvalidArgument: rule label 4338882 ("Compliance") is still in use: `+
		"5 rules use it; nothing was deleted. Take the label off those rules first", text(res))
	require.True(t, labelExists(t, c, "4338882"))

	// A label a rule took on after the prompt: the confirmed delete is refused, and so
	// is a replay of its spent token, with no new token for a delete that cannot happen.
	tok = prompt(t, mustCall(t, s, "zia_delete_rule_label", map[string]any{"label_id": b}))
	issued = append(issued, tok.value)
	mustOK(t, c, "zia_create_url_filtering_rule", map[string]any{"name": "Carries B",
		"action": "BLOCK", "advanced": map[string]any{"labels": []any{b}}})
	for range 2 {
		res = failed(t, c, "zia_delete_rule_label",
			map[string]any{"label_id": b, "confirmation_token": tok.value})
		require.Len(t, res.Content, 1, "no prompt, no token")
		require.Contains(t, text(res), "is still in use: 1 rule uses it; nothing was deleted")
	}
	require.True(t, labelExists(t, c, b))

	// Nobody is asked about a label that does not exist.
	from = mark(t, s.client, s.stderr)
	res = failed(t, c, "zia_delete_rule_label", map[string]any{"label_id": "123"})
	require.True(t, strings.HasPrefix(text(res), "NotFound: "), text(res))
	require.Len(t, res.Content, 1, "no prompt, no token")
	auditFrom(t, s.stderr, from,
		`[TOOL CALL] zia_delete_rule_label | args: {label_id: "123"}`,
		`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "123"}`,
		`[TOOL ERR]  zia_delete_rule_label/describe | Nms | `+text(res),
		`[TOOL ERR]  zia_delete_rule_label | Nms | `+text(res))

	stderr := s.stderr.String()
	require.Contains(t, stderr, "config.debug=true", "debug logging was on")
	for _, value := range issued {
		_, nonce, _ := strings.Cut(strings.TrimPrefix(value, "zc1."), ".")
		nonce, mac, _ := strings.Cut(nonce, ".")
		require.NotContains(t, stderr, nonce, "no part of a token reaches the log")
		require.NotContains(t, stderr, mac, "no part of a token reaches the log")
	}
}

// flip returns another base64url character than c, whose six bits all differ.
func flip(c byte) string {
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	return string(alphabet[63-strings.IndexByte(alphabet, c)])
}

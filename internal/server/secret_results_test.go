package server

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client/transport"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// testSecret stands for the configured client secret.
const testSecret = "SuperS3cretValue-xyz123456"

// resultWire is everything the agent receives of a result: its text and its structured
// content, as sent.
func resultWire(t *testing.T, res *mcp.CallToolResult) string {
	t.Helper()
	b, err := json.Marshal(res.StructuredContent)
	require.NoError(t, err)
	return resultText(res) + "\n" + string(b)
}

// A configured secret held by the tenant's data, in a value, a key, a number, split by
// invisible characters or (when output is sanitized, which removes the markup) broken
// up by markup, reaches the agent as ***REDACTED***, in the text and in the structured
// content, however a query reshapes the records.
func TestConfiguredSecretsAreRedactedFromResults(t *testing.T) {
	const numeric = "9071234567123"
	for _, sanitized := range []bool{true, false} {
		records := []any{
			map[string]any{"id": json.Number("1"), "description": "key " + testSecret + " here"},
			map[string]any{"id": json.Number("2"), "name": "Super\u200bS3cretValue-xyz123456"},
			map[string]any{"id": json.Number("3"), testSecret: "in a key"},
			map[string]any{"id": json.Number(numeric), "name": "numeric"},
		}
		if sanitized {
			records = append(records,
				map[string]any{"id": json.Number("5"), "name": "Super<b></b>S3cretValue-xyz123456"})
		}
		list := testTool("t_labels", nil, func(context.Context, tools.Args) (tools.Result, error) {
			return tools.List(records), nil
		})
		list.Lists = true
		f := newFixture(t, nil, []tools.Tool{list}, nil)
		f.srv.registrar.sanitize = sanitized
		f.srv.registrar.audit.AddSecret(testSecret)
		f.srv.registrar.audit.AddSecret(numeric)

		for _, q := range []string{"", "[]", "[].description", "'" + testSecret + "'",
			"join('', ['SuperS3cret', 'Value-xyz123456'])",
			"{\"" + testSecret + "\": length(@)}",
			"[?contains(to_string(@), 'S3cretValue')].id"} {
			var args map[string]any
			if q != "" {
				args = map[string]any{"query": q}
			}
			res, err := f.call(t, "t_labels", args)
			require.NoError(t, err)
			require.False(t, res.IsError, resultText(res))
			wire := resultWire(t, res)
			require.NotContains(t, wire, testSecret, "query %q, sanitized %v", q, sanitized)
			require.NotContains(t, wire, "S3cretValue", "query %q, sanitized %v", q, sanitized)
			require.NotContains(t, wire, numeric, "query %q", q)
			if q != "[?contains(to_string(@), 'S3cretValue')].id" {
				require.Contains(t, wire, sanitize.Redacted, "query %q", q)
			} else {
				require.JSONEq(t, `[]`, resultText(res), "the query never sees a secret")
			}
		}
		require.NotContains(t, strings.Join(f.audit.lines(), "\n"), testSecret)
	}
}

// promptAndQuestion asks to delete a rule label named name, on a server holding testSecret,
// twice: once of a client that cannot be asked, which gets the confirmation prompt, and
// once of one that can, whose user is asked a question (and cancels). It returns both,
// so a test can check that what a delete shows is the same, cleaned, on either path.
func promptAndQuestion(t *testing.T, name string) (*mcp.CallToolResult, string) {
	t.Helper()
	var asked string
	f := newWriteFixture(t, allowAll(), writeOptions{})
	g := newWriteFixture(t, allowAll(), writeOptions{elicit: func(_ context.Context,
		req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		asked = req.Params.Message
		return answer(mcp.ElicitationResponseActionCancel, nil), nil
	}})
	for _, fx := range []*writeFixture{f, g} {
		fx.srv.registrar.audit.AddSecret(testSecret)
	}

	res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": f.newLabel(t, name)})
	require.True(t, isPrompt(res), resultText(res))
	g.call(t, "zia_delete_rule_label", map[string]any{"label_id": g.newLabel(t, name)})
	require.NotEmpty(t, asked)
	return res, asked
}

// A tenant object named with a secret is shown redacted in the confirmation a delete
// asks for, in the agent's prompt and in the question put to the user.
func TestConfirmationPromptsRedactConfiguredSecrets(t *testing.T) {
	name := strings.Repeat("x", 110) + testSecret
	res, asked := promptAndQuestion(t, name)

	for _, shown := range []string{resultWire(t, res), asked} {
		require.NotContains(t, shown, testSecret[:8], "not even the part left by the cut")
	}
	require.Contains(t, resultText(res), strings.Repeat("x", 110)+"*")
}

// mcp-go answers an unknown tool with its name verbatim; a name holding a configured
// secret is refused before that, with the secret redacted, and audited as unknown.
func TestUnknownToolNamesHoldingSecretsAreNotEchoed(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	f.srv.registrar.audit.AddSecret(testSecret)

	for _, message := range []string{
		`{"jsonrpc":"2.0","id":1,"method":"tools/call",` +
			`"params":{"name":"nonexistent_` + testSecret + `","arguments":{"a":1}}}`,
		`{"jsonrpc":"2.0","id":2,"method":"tools/call",` +
			`"params":{"name":"nonexistent_\u0053uperS3cretValue-xyz123456"}}`,
		`{"jsonrpc":"2.0","id":3,"method":"` + testSecret + `","params":{}}`,
	} {
		before := len(f.audit.lines())
		reply := f.srv.MCP().HandleMessage(context.Background(), []byte(message))
		b, err := json.Marshal(reply)
		require.NoError(t, err)
		require.NotContains(t, string(b), testSecret, message)
		require.Contains(t, string(b), `"error"`, message)
		require.Contains(t, string(b), sanitize.Redacted, message)

		lines := f.audit.lines()[before:]
		if strings.Contains(message, `"tools/call"`) {
			require.Len(t, lines, 2, message)
			require.Contains(t, lines[1], "UnknownTool: ")
		}
		require.NotContains(t, strings.Join(lines, "\n"), testSecret)
	}

	// Other unknown tools keep the invalid-params error MCP specifies.
	reply := f.srv.MCP().HandleMessage(context.Background(), []byte(
		`{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"nonexistent_tool"}}`))
	rpcErr, ok := reply.(mcp.JSONRPCError)
	require.True(t, ok, "%#v", reply)
	require.Equal(t, mcp.INVALID_PARAMS, rpcErr.Error.Code)
}

// A secret broken up by markup is whole again once the name is cleaned for display:
// neither the question put to the user nor the agent's prompt shows it, or the part of
// it a cut would leave.
func TestConfirmationPromptsRedactSecretsJoinedByCleaning(t *testing.T) {
	const split = "Super<b></b>S3cretValue-xyz123456"
	for _, name := range []string{split, strings.Repeat("x", 110) + split} {
		res, asked := promptAndQuestion(t, name)

		for _, shown := range []string{resultWire(t, res), asked} {
			require.NotContains(t, shown, testSecret[:8], "name %q", name)
		}
		if len(name) == len(split) {
			require.Contains(t, asked, `"`+sanitize.Redacted+`"`)
		}
	}
}

// The Call line of a prompt shows the arguments cleaned, with no secret that cleaning
// joins up and no part of one left by the cut.
func TestArgumentsTextRedactsSecretsJoinedByCleaning(t *testing.T) {
	const split = "Super<b></b>S3cretValue-xyz123456"
	params := []tools.Param{{Name: "note", Type: tools.String}}
	secrets := []string{testSecret}
	for _, note := range []string{strings.Repeat("x", 580) + split, split} {
		args, err := tools.Validate(params, map[string]any{"note": note})
		require.NoError(t, err)
		shown := argumentsText(args, secrets)
		require.NotContains(t, shown, testSecret[:8], shown)
	}
	args, err := tools.Validate(params, map[string]any{"note": split})
	require.NoError(t, err)
	require.Equal(t, `{"note":"`+sanitize.Redacted+`"}`, argumentsText(args, secrets))
}

// mcp-go quotes other client text in its errors too, such as a logging level it does
// not know; a request holding a configured secret or a confirmation token anywhere
// but in a tool's arguments is refused before mcp-go reads it, quoting neither.
func TestRequestsHoldingSecretsOutsideArgumentsAreRefused(t *testing.T) {
	token := "zc1.1700000000." + strings.Repeat("A", 22) + "." + strings.Repeat("b", 43)
	echo := testTool("t_echo", []tools.Param{{Name: "note", Type: tools.String}},
		func(_ context.Context, args tools.Args) (tools.Result, error) {
			return tools.List([]any{args.String("note")}), nil
		})
	echo.Lists = true
	f := newFixture(t, nil, []tools.Tool{echo}, nil)
	f.srv.registrar.audit.AddSecret(testSecret)
	// send sends a request over the client's session, params as written.
	send := func(id int64, method, params string) (string, *mcp.JSONRPCErrorDetails) {
		res, err := f.client.GetTransport().SendRequest(context.Background(),
			transport.JSONRPCRequest{JSONRPC: mcp.JSONRPC_VERSION, ID: mcp.NewRequestId(id),
				Method: method, Params: json.RawMessage(params)})
		require.NoError(t, err)
		b, err := json.Marshal(res)
		require.NoError(t, err)
		return string(b), res.Error
	}

	for i, c := range []struct{ method, params string }{
		{"logging/setLevel", `{"level":"x` + testSecret + `"}`},
		{"logging/setLevel", `{"level":"x\u0053uperS3cretValue-xyz123456"}`},
		{"logging/setLevel", `{"level":"` + token + `"}`},
		{"initialize", `{"protocolVersion":"` + testSecret + `","capabilities":{},` +
			`"clientInfo":{"name":"c","version":"1"}}`},
		{"tools/call", `{"name":"t_echo","arguments":{"note":"a"},` +
			`"_meta":{"progressToken":"` + token + `"}}`},
	} {
		before := len(f.audit.lines())
		reply, rpcErr := send(int64(i), c.method, c.params)
		require.NotContains(t, reply, testSecret, c.params)
		require.NotContains(t, reply, "S3cretValue", c.params)
		require.NotContains(t, reply, token, c.params)
		require.NotNil(t, rpcErr, reply)
		require.Equal(t, mcp.INVALID_REQUEST, rpcErr.Code, reply)

		lines := f.audit.lines()[before:]
		if c.method == "tools/call" {
			require.Len(t, lines, 2, c.params)
			require.Contains(t, lines[1], "t_echo")
			require.Contains(t, lines[1], "InvalidArgument: ")
		} else {
			require.Empty(t, lines, c.params)
		}
		require.NotContains(t, strings.Join(lines, "\n"), testSecret)
	}

	// A secret in a tool's arguments reaches the tool, and its result is redacted.
	reply, rpcErr := send(10, "tools/call",
		`{"name":"t_echo","arguments":{"note":"x `+testSecret+`"}}`)
	require.Nil(t, rpcErr, reply)
	require.NotContains(t, reply, testSecret)
	require.Contains(t, reply, "x "+sanitize.Redacted)

	// Ordinary requests are unaffected.
	for _, method := range []string{"ping", "tools/list"} {
		reply, rpcErr = send(11, method, `{"_meta":{"progressToken":1}}`)
		require.Nil(t, rpcErr, reply)
	}
	reply, rpcErr = send(12, "logging/setLevel", `{"level":"warning"}`)
	require.Nil(t, rpcErr, reply)
}

package e2e

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// reply is how the user behind a client answers one question.
type reply func(ctx context.Context) (*mcp.ElicitationResult, error)

// asker plays the user behind a client that declared elicitation: it records every
// question and answers with the reply the test set.
type asker struct {
	mu    sync.Mutex
	reply reply
	asked []mcp.ElicitationRequest
}

func (a *asker) Elicit(ctx context.Context,
	req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	a.mu.Lock()
	a.asked = append(a.asked, req)
	r := a.reply
	a.mu.Unlock()
	return r(ctx)
}

func (a *asker) answer(r reply) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.reply = r
}

func (a *asker) questions() []mcp.ElicitationRequest {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]mcp.ElicitationRequest(nil), a.asked...)
}

func replying(action mcp.ElicitationResponseAction, content any) reply {
	return func(context.Context) (*mcp.ElicitationResult, error) {
		return answer(action, content), nil
	}
}

// TestElicitedDeletesOverStdioAndHTTP deletes with the real tool through clients that
// can ask their user: only an accepted "delete" deletes, a no is a plain "not
// performed", and a client that cannot show the question refuses the delete.
func TestElicitedDeletesOverStdioAndHTTP(t *testing.T) {
	t.Run("stdio", func(t *testing.T) {
		a := &asker{}
		s := startStdioWith(t, []client.ClientOption{client.WithElicitationHandler(a)},
			writeEnv(labelWrites), "--demo", "--log-tool-calls")
		elicitedDeletes(t, s.client, s.stderr, a)
	})
	t.Run("streamable-http", func(t *testing.T) {
		a := &asker{}
		s := startHTTP(t, writeEnv(labelWrites), "--demo", "--log-tool-calls")
		elicitedDeletes(t, s.connect(t, client.WithElicitationHandler(a)), s.stderr, a)
	})
}

func elicitedDeletes(t *testing.T, c *client.Client, stderr *lockedBuffer, a *asker) {
	cases := []struct {
		name    string
		reply   reply
		token   string // a confirmation_token the agent sends along, which must not matter
		deleted bool
		refused bool   // an error result
		result  string // the start of the result's text
		end     string // the delete's OK or ERR line, after the tool name
	}{
		{name: "accept", reply: replying(mcp.ElicitationResponseActionAccept,
			map[string]any{"choice": "delete"}), deleted: true,
			result: `{"activation":`, end: "OK]   zia_delete_rule_label | Nms | ok (confirmed by the user)"},
		{name: "decline", reply: replying(mcp.ElicitationResponseActionDecline, nil),
			result: "Not performed: the user declined the deletion of rule label",
			end:    "OK]   zia_delete_rule_label | Nms | not performed: declined"},
		{name: "cancel", reply: replying(mcp.ElicitationResponseActionCancel, nil),
			result: "Not performed: the user cancelled the deletion of rule label",
			end:    "OK]   zia_delete_rule_label | Nms | not performed: cancelled"},
		{name: "accept choosing cancel", reply: replying(mcp.ElicitationResponseActionAccept,
			map[string]any{"choice": "cancel"}),
			result: "Not performed: the user cancelled the deletion of rule label",
			end:    "OK]   zia_delete_rule_label | Nms | not performed: cancelled"},
		{name: "handler error", reply: func(context.Context) (*mcp.ElicitationResult, error) {
			return nil, errors.New("the dialog could not be shown")
		}, refused: true, result: "ConfirmationRejected: the client could not ask the user to " +
			"confirm; nothing was deleted",
			end: "ERR]  zia_delete_rule_label | Nms | ConfirmationRejected: the client could not ask " +
				"the user to confirm; nothing was deleted"},
		{name: "a token from the agent changes nothing", reply: replying(
			mcp.ElicitationResponseActionDecline, nil), token: "zc1.1.AAAAAAAAAAAAAAAAAAAAAA.x",
			result: "Not performed: the user declined the deletion of rule label",
			end:    "OK]   zia_delete_rule_label | Nms | not performed: declined"},
	}
	for _, tc := range cases {
		name := "Elicited " + tc.name
		id := createLabel(t, c, name)
		a.answer(tc.reply)
		asked := len(a.questions())
		from := mark(t, c, stderr)

		args := map[string]any{"label_id": id}
		argsText := `{label_id: "` + id + `"}`
		if tc.token != "" {
			args["confirmation_token"] = tc.token
			argsText = `{confirmation_token: "***REDACTED***", label_id: "` + id + `"}`
		}
		res, err := call(t, c, "zia_delete_rule_label", args)
		require.NoError(t, err, tc.name)
		require.Equal(t, tc.refused, res.IsError, "%s: %s", tc.name, text(res))
		require.True(t, strings.HasPrefix(text(res), tc.result), "%s: %s", tc.name, text(res))
		require.NotContains(t, text(res), "zc1.", "%s: elicitation never falls back to a token", tc.name)
		require.Equal(t, !tc.deleted, labelExists(t, c, id), tc.name)
		if tc.deleted {
			require.Equal(t, []any{map[string]any{"type": "rule label", "id": id}},
				object(t, res)["deleted"])
		}

		questions := a.questions()
		require.Len(t, questions, asked+1, "%s: the user was asked once", tc.name)
		q := questions[asked].Params
		require.Contains(t, q.Message, `Delete rule label `+id+` "`+name+`"?`, tc.name)
		require.Contains(t, q.Message, "zia_delete_rule_label", tc.name)
		choice := q.RequestedSchema.(map[string]any)["properties"].(map[string]any)["choice"]
		require.Equal(t, []any{"delete", "cancel"}, choice.(map[string]any)["enum"], tc.name)

		auditFrom(t, stderr, from,
			`[TOOL CALL] zia_delete_rule_label | args: `+argsText,
			`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+id+`"}`,
			`[TOOL OK]   zia_delete_rule_label/describe | Nms | ok`,
			`[TOOL `+tc.end)
	}
}

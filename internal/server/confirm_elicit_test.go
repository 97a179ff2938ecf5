package server

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// TestElicitationFlows asks the user through the client and checks what each answer
// does to the tenant and to the audit trail.
func TestElicitationFlows(t *testing.T) {
	cases := []struct {
		name    string
		reply   func(ctx context.Context) (*mcp.ElicitationResult, error)
		deleted bool
		isError bool
		end     string // the delete's last audit line, after "| Nms | "
	}{
		{"accept", func(context.Context) (*mcp.ElicitationResult, error) {
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
		}, true, false, "ok (confirmed by the user)"},
		{"decline", func(context.Context) (*mcp.ElicitationResult, error) {
			return answer(mcp.ElicitationResponseActionDecline, nil), nil
		}, false, false, "not performed: declined"},
		{"cancel", func(context.Context) (*mcp.ElicitationResult, error) {
			return answer(mcp.ElicitationResponseActionCancel, nil), nil
		}, false, false, "not performed: cancelled"},
		{"accept choosing cancel", func(context.Context) (*mcp.ElicitationResult, error) {
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "cancel"}), nil
		}, false, false, "not performed: cancelled"},
		{"accept without a choice", func(context.Context) (*mcp.ElicitationResult, error) {
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "yes"}), nil
		}, false, true, "ConfirmationRejected: the user's answer was not understood; nothing was deleted"},
		{"client error", func(context.Context) (*mcp.ElicitationResult, error) {
			return nil, errors.New("the dialog could not be shown")
		}, false, true, "ConfirmationRejected: the client could not ask the user to confirm; nothing was deleted"},
		{"timeout", func(ctx context.Context) (*mcp.ElicitationResult, error) {
			<-ctx.Done()
			return nil, ctx.Err()
		}, false, true, "ConfirmationRejected: the user did not answer within 300ms; nothing was deleted"},
		{"timeout with a client that ignores the deadline", func(context.Context) (*mcp.ElicitationResult, error) {
			time.Sleep(time.Second)
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
		}, false, true, "ConfirmationRejected: the user did not answer within 300ms; nothing was deleted"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var asked atomic.Pointer[mcp.ElicitationRequest]
			cfg := allowAll()
			cfg.Writes.ConfirmationTTL = 300 * time.Millisecond
			f := newWriteFixture(t, cfg, writeOptions{elicit: func(ctx context.Context,
				req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
				asked.Store(&req)
				return tc.reply(ctx)
			}})
			id := f.newLabel(t, "Branch label")

			m := f.mark()
			res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id})
			require.Equal(t, tc.isError, res.IsError, resultText(res))
			require.NotContains(t, resultText(res), "zc1.", "elicitation never falls back to a token")
			require.Nil(t, structured(t, res)["confirmation_token"])

			want := 0
			if tc.deleted {
				want = 1
			}
			require.Equal(t, want, f.deletes(id))
			require.Equal(t, !tc.deleted, f.labelExists(t, id))

			req := asked.Load()
			require.NotNil(t, req, "the user was asked")
			require.Contains(t, req.Params.Message, `Delete rule label `+id+` "Branch label"?`)
			require.Contains(t, req.Params.Message, "zia_delete_rule_label")
			schema := req.Params.RequestedSchema.(map[string]any)
			choice := schema["properties"].(map[string]any)["choice"].(map[string]any)
			require.Equal(t, []string{"delete", "cancel"}, choice["enum"])

			lines := f.since(m)
			require.Len(t, lines, 4, "%q", lines)
			require.Equal(t, `[TOOL CALL] zia_delete_rule_label | args: {label_id: "`+id+`"}`, lines[0])
			require.Contains(t, lines[1], "zia_delete_rule_label/describe")
			require.Equal(t, tc.end, strings.SplitN(lines[3], " | ", 3)[2])
			if strings.HasPrefix(tc.end, "not performed") {
				require.True(t, strings.HasPrefix(resultText(res), "Not performed: the user "), resultText(res))
				require.Equal(t, "not_performed", structured(t, res)["status"])
			}
		})
	}
}

func TestElicitationIgnoresTokens(t *testing.T) {
	asked := 0
	f := newWriteFixture(t, allowAll(), writeOptions{elicit: func(context.Context,
		mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		asked++
		return answer(mcp.ElicitationResponseActionDecline, nil), nil
	}})
	id := f.newLabel(t, "Kept")

	// A token minted elsewhere (say, by a replica serving a client without elicitation)
	// does not let an elicitation-capable client skip the question.
	tok, err := f.srv.registrar.confirm.Issue("zia_delete_rule_label", map[string]any{"label_id": id})
	require.NoError(t, err)
	res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tok.Value})
	require.False(t, res.IsError)
	require.Equal(t, 1, asked)
	require.Zero(t, f.deletes(id))
	f.requireNoTokenLogged(t, tok.Value)
}

func TestCancelledCallWhileAskingIsCancelled(t *testing.T) {
	started := make(chan struct{})
	f := newWriteFixture(t, allowAll(), writeOptions{elicit: func(ctx context.Context,
		_ mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
		close(started)
		<-ctx.Done()
		return nil, ctx.Err()
	}})
	id := f.newLabel(t, "Kept")

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() {
		defer close(done)
		req := mcp.CallToolRequest{}
		req.Params.Name = "zia_delete_rule_label"
		req.Params.Arguments = map[string]any{"label_id": id}
		_, _ = f.client.CallTool(ctx, req)
	}()
	<-started
	cancel()
	<-done
	require.Eventually(t, func() bool {
		lines := f.audit.lines()
		return len(lines) > 0 && strings.Contains(lines[len(lines)-1], "zia_delete_rule_label |")
	}, 5*time.Second, 10*time.Millisecond)
	lines := f.audit.lines()
	require.Regexp(t, `^\[TOOL ERR\]  zia_delete_rule_label \| \d+ms \| Cancelled: `, lines[len(lines)-1])
	require.Zero(t, f.deletes(id))
}

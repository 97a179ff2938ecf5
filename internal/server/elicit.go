package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/mark3labs/mcp-go/mcp"
	mcpserver "github.com/mark3labs/mcp-go/server"

	"github.com/zscaler/zscaler-mcp/internal/confirm"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The answers offered to the user.
const (
	choiceDelete = "delete"
	choiceCancel = "cancel"
)

// canElicit reports whether the client can be asked to put a question to its user in
// the middle of this call: it declared form elicitation and the connection carries
// server-to-client requests. mcp-go checks neither before sending.
//
// TODO: clients on protocol 2026-07-28 answer elicitations through multi round-trip
// results instead; until that is supported they get the token flow.
func canElicit(ctx context.Context) bool {
	if mcp.IsModernProtocol(mcpserver.RequestProtocolVersion(ctx)) {
		return false
	}
	session := mcpserver.ClientSessionFromContext(ctx)
	if _, ok := session.(mcpserver.SessionWithElicitation); !ok {
		return false
	}
	info, ok := session.(mcpserver.SessionWithClientInfo)
	if !ok {
		return false
	}
	e := info.GetClientCapabilities().Elicitation
	// An empty elicitation capability means form mode, for clients older than the
	// form/url split.
	return e != nil && (e.Form != nil || e.URL == nil)
}

// elicitDelete asks the user, through the client, whether to delete, and waits at
// most the confirmation lifetime. Only an accepted "delete" runs the handler; a
// decline or cancel is a plain "not performed" result; an error, a timeout or an
// answer that is not understood refuses the call.
func (r *Registrar) elicitDelete(ctx context.Context, t tools.Tool, args tools.Args) outcome {
	what, err := r.describe(ctx, t, args)
	if err != nil {
		return outcome{err: err}
	}

	ttl := r.confirm.TTL()
	ask, cancel := context.WithTimeout(ctx, ttl)
	defer cancel()
	answer, err := r.ask(ask, elicitation(t, what, confirm.Lifetime(ttl)))
	switch {
	case ctx.Err() != nil:
		return outcome{err: ctx.Err()}
	case ask.Err() != nil:
		return outcome{err: toolerr.New(toolerr.ConfirmationRejected,
			"the user did not answer within %s; nothing was deleted", confirm.Lifetime(ttl))}
	case err != nil:
		r.logger.Warn("asking the user to confirm a delete failed", "tool", t.Name, "error", err)
		return outcome{err: toolerr.Wrap(toolerr.ConfirmationRejected, err,
			"the client could not ask the user to confirm; nothing was deleted")}
	}

	switch answer.Action {
	case mcp.ElicitationResponseActionDecline:
		return notPerformed(what, "declined")
	case mcp.ElicitationResponseActionCancel:
		return notPerformed(what, "cancelled")
	case mcp.ElicitationResponseActionAccept:
		switch chosen(answer.Content) {
		case choiceDelete:
			res, err := t.Handler(ctx, args)
			return outcome{res: res, err: err, summary: "ok (confirmed by the user)"}
		case choiceCancel:
			return notPerformed(what, "cancelled")
		}
	}
	return outcome{err: toolerr.New(toolerr.ConfirmationRejected,
		"the user's answer was not understood; nothing was deleted")}
}

// ask sends the elicitation and waits for the answer or for ctx. The request runs in
// its own goroutine so that a client that never answers, or a session that ignores
// the context, cannot hold the call past its deadline.
func (r *Registrar) ask(ctx context.Context,
	req mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
	type reply struct {
		res *mcp.ElicitationResult
		err error
	}
	done := make(chan reply, 1)
	go func() {
		res, err := r.mcp.RequestElicitation(ctx, req)
		done <- reply{res, err}
	}()
	select {
	case got := <-done:
		if got.err == nil && got.res == nil {
			got.err = errors.New("the client sent no answer")
		}
		return got.res, got.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

// elicitation is the question put to the user.
func elicitation(t tools.Tool, what target, wait string) mcp.ElicitationRequest {
	return mcp.ElicitationRequest{Params: mcp.ElicitationParams{
		Mode: mcp.ElicitationModeForm,
		Message: fmt.Sprintf("Delete %s?\n\nYour AI assistant asked for it with %s %s. %s\n\n"+
			"Choose %q to delete it or %q to keep it. Without an answer within %s, nothing is deleted.",
			what.phrase(), t.Name, what.args, consequence(t), choiceDelete, choiceCancel, wait),
		RequestedSchema: map[string]any{
			"type": "object",
			"properties": map[string]any{
				"choice": map[string]any{
					"type":        "string",
					"title":       "Delete or cancel",
					"description": "delete removes the object; cancel keeps it.",
					"enum":        []string{choiceDelete, choiceCancel},
				},
			},
			"required": []string{"choice"},
		},
	}}
}

// chosen reads the "choice" field of an accepted answer, whatever Go type the client
// library decoded it into.
func chosen(content any) string {
	raw, err := json.Marshal(content)
	if err != nil {
		return ""
	}
	var form struct {
		Choice string `json:"choice"`
	}
	if json.Unmarshal(raw, &form) != nil {
		return ""
	}
	return form.Choice
}

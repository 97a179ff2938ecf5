package server

import (
	"context"
	"errors"
	"fmt"

	"github.com/zscaler/zscaler-mcp/internal/confirm"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// confirmedDelete runs a delete tool only once a human has confirmed this very call.
//
// A client that declared the elicitation capability is asked to put the question to
// its user directly (elicitDelete). Any other client gets a confirmation prompt with a
// single-use token instead, and the delete runs when the agent calls again with the
// same arguments and that token. The two paths never mix: a token sent by a client
// that can elicit is ignored, and a failed elicitation is a refusal, never a token.
// Nothing skips the confirmation.
func (r *Registrar) confirmedDelete(ctx context.Context, t tools.Tool, raw map[string]any,
	argErr error) outcome {
	if argErr != nil {
		return outcome{err: argErr}
	}
	args, served, err := splitServed(t, raw)
	if err != nil {
		return outcome{err: err}
	}
	token := served.token
	if canElicit(ctx) {
		return r.elicitDelete(ctx, t, args)
	}
	if token == "" {
		return r.requestConfirmation(ctx, t, args)
	}

	id, err := r.confirm.Redeem(t.Name, args.Values(), token)
	var rejected *confirm.RejectionError
	if errors.As(err, &rejected) {
		return r.rejectToken(ctx, t, args, rejected)
	}
	if err != nil {
		return outcome{err: err}
	}
	res, err := t.Handler(ctx, args)
	return outcome{res: res, err: err, summary: "ok (token id " + id + ")"}
}

// requestConfirmation answers a delete call that carries no token: nothing is deleted,
// and the agent gets a prompt to show its user with a token for the confirmed retry.
func (r *Registrar) requestConfirmation(ctx context.Context, t tools.Tool, args tools.Args) outcome {
	what, err := r.describe(ctx, t, args)
	if err != nil {
		return outcome{err: err}
	}
	tok, err := r.confirm.Issue(t.Name, args.Values())
	if err != nil {
		return outcome{err: err}
	}
	return outcome{
		res:     tools.Object(promptValue(t, args, what, tok)),
		note:    promptText(t, what, tok, r.confirm.TTL()),
		summary: "confirmation required (token id " + tok.ID + ")",
	}
}

// rejectToken refuses a token with the reason, and issues a fresh one for the same
// call so the agent can ask its user again. When the object is gone there is nothing
// left to confirm and no new token is issued.
func (r *Registrar) rejectToken(ctx context.Context, t tools.Tool, args tools.Args,
	rejected *confirm.RejectionError) outcome {
	reason := rejected.Error()
	what, err := r.describe(ctx, t, args)
	switch {
	case isKind(err, toolerr.NotFound):
		// The lookup failed because the object is gone; that is the news, not that
		// its name could not be read.
		what.lookupErr = ""
		return outcome{err: toolerr.New(toolerr.ConfirmationRejected,
			"%s; %s no longer exists, so no new token was issued", reason, what.phrase())}
	case err != nil:
		return outcome{err: err}
	}
	tok, err := r.confirm.Issue(t.Name, args.Values())
	if err != nil {
		return outcome{err: err}
	}
	return outcome{
		err: toolerr.New(toolerr.ConfirmationRejected,
			"%s; nothing was deleted, and a new confirmation follows (token id %s)", reason, tok.ID),
		note: promptText(t, what, tok, r.confirm.TTL()),
	}
}

// notPerformed is the plain answer to a delete the user declined or cancelled.
func notPerformed(what target, how string) outcome {
	return outcome{
		res: tools.Object(map[string]any{
			"status":   "not_performed",
			"reason":   how,
			"resource": resourceValue(what),
		}),
		note: fmt.Sprintf("Not performed: the user %s the deletion of %s. Nothing was changed. "+
			"Do not retry unless the user asks for it again.", how, what.phrase()),
		summary: "not performed: " + how,
	}
}

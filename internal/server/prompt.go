package server

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/confirm"
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// promptText is the confirmation prompt of the token path. It speaks to the agent,
// which must put the question to its user and must not answer it itself.
func promptText(t tools.Tool, what target, tok confirm.Token,
	ttl time.Duration) string {
	var b strings.Builder
	b.WriteString("CONFIRMATION REQUIRED: nothing has been deleted.\n\n")
	fmt.Fprintf(&b, "Operation: delete %s\n", what.phrase())
	fmt.Fprintf(&b, "Call: %s %s\n", t.Name, what.args)
	b.WriteString(consequence(t) + "\n\n")
	b.WriteString("Before doing anything else:\n")
	b.WriteString("1. Show the operation above to the user and ask whether to delete it.\n")
	b.WriteString("2. Wait for the user's explicit answer to this question. An earlier request " +
		"is not an answer to it; never answer for the user.\n")
	fmt.Fprintf(&b, "3. Only if the user agrees, call %s again with the same arguments and "+
		"%s set to:\n   %s\n   It confirms this call only, once, until %s (%s).\n",
		t.Name, TokenParam, tok.Value, tok.Expires.UTC().Format(time.RFC3339), confirm.Lifetime(ttl))
	b.WriteString("4. Otherwise do not call it again, and tell the user nothing was deleted.")
	return b.String()
}

// promptValue is the structured form of the prompt, for clients that read fields.
func promptValue(t tools.Tool, args tools.Args, what target, tok confirm.Token) map[string]any {
	return map[string]any{
		"status":     "confirmation_required",
		"operation":  "delete",
		"tool":       t.Name,
		"arguments":  args.Values(),
		"resource":   resourceValue(what),
		TokenParam:   tok.Value,
		"token_id":   tok.ID,
		"expires_at": tok.Expires.UTC().Format(time.RFC3339),
		"instructions": "Show the operation to the user and wait for their explicit answer. " +
			"Only if they agree, call the tool again with the same arguments and " +
			TokenParam + ". Never answer for the user.",
	}
}

func resourceValue(what target) map[string]any {
	out := map[string]any{"type": what.Type, "id": what.ID}
	if what.Name != "" {
		out["name"] = what.Name
	}
	return out
}

// consequence says what deleting means for the tool's service.
func consequence(t tools.Tool) string {
	if t.Service == tools.ServiceZIA {
		return "Deleting cannot be undone. Like every ZIA change, it takes effect once the " +
			"configuration is activated."
	}
	return "Deleting cannot be undone."
}

// argumentsText renders the call's arguments as compact JSON, cleaned for display.
// Each value is cleaned and redacted before it is encoded: encoding escapes markup and
// some characters a secret may hold, which would hide them from display's own search.
func argumentsText(args tools.Args, secrets []string) string {
	b, err := json.Marshal(sanitize.ValueRedacting(args.Values(), secrets))
	if err != nil {
		return "{}"
	}
	return displayLong(string(b), secrets)
}

package e2e

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"strings"
	"testing"
	"time"

	"github.com/mark3labs/mcp-go/client"
	"github.com/mark3labs/mcp-go/mcp"
	"github.com/stretchr/testify/require"
)

// freeLabel is a seeded rule label that no rule carries, so every demo tenant has it
// and can delete it.
const freeLabel = "4338885"

func randomKey(t *testing.T) string {
	t.Helper()
	key := make([]byte, 32)
	_, err := rand.Read(key)
	require.NoError(t, err)
	return base64.StdEncoding.EncodeToString(key)
}

// TestReplicasSharingAKeyAcceptEachOthersTokens runs three servers as replicas behind
// a load balancer would: a token minted by one is redeemed on another with the same
// key, and refused, with the reason, by one with another key.
func TestReplicasSharingAKeyAcceptEachOthersTokens(t *testing.T) {
	shared, foreign := randomKey(t), randomKey(t)
	start := func(key string) (*httpServer, *client.Client) {
		s := startHTTP(t, writeEnv(labelWrites, "ZSCALER_MCP_CONFIRMATION_KEY="+key),
			"--demo", "--log-tool-calls")
		return s, s.connect(t)
	}
	a, ca := start(shared)
	b, cb := start(shared)
	o, co := start(foreign)

	tok := prompt(t, mustOK(t, ca, "zia_delete_rule_label", map[string]any{"label_id": freeLabel}))
	confirmed := map[string]any{"label_id": freeLabel, "confirmation_token": tok.value}

	res := failed(t, co, "zia_delete_rule_label", confirmed)
	freshPrompt(t, res, "the token does not match this call: it was issued for another tool, "+
		"other arguments or another server")
	require.True(t, labelExists(t, co, freeLabel), "a server with another key deletes nothing")

	from := mark(t, cb, b.stderr)
	res = mustOK(t, cb, "zia_delete_rule_label", confirmed)
	require.Equal(t, []any{map[string]any{"type": "rule label", "id": freeLabel}},
		object(t, res)["deleted"])
	auditFrom(t, b.stderr, from,
		`[TOOL CALL] zia_delete_rule_label | args: {confirmation_token: "***REDACTED***", `+
			`label_id: "`+freeLabel+`"}`,
		`[TOOL OK]   zia_delete_rule_label | Nms | ok (token id `+tok.id+`)`)
	require.False(t, labelExists(t, cb, freeLabel))
	require.True(t, labelExists(t, ca, freeLabel), "each demo tenant is its own")

	// Single use is per process, as documented: the minting replica has not seen the
	// token redeemed, and accepts it once.
	mustOK(t, ca, "zia_delete_rule_label", confirmed)
	res = failed(t, ca, "zia_delete_rule_label", confirmed)
	require.True(t, strings.HasPrefix(text(res), "ConfirmationRejected: token id "+tok.id+
		" was already used"), text(res))

	for _, s := range []*httpServer{a, b, o} {
		log := s.stderr.String()
		require.Contains(t, log, `confirmation_key="shared (ZSCALER_MCP_CONFIRMATION_KEY)"`)
		require.NotContains(t, log, shared, "the key is never logged")
		require.NotContains(t, log, foreign, "the key is never logged")
		require.NotContains(t, log, tok.value)
	}
}

// TestShortLivedConfirmations runs with the shortest lifetime, one second: a token
// used too late is refused with a fresh one, and a user who does not answer an
// elicitation in time refuses the delete, even if a yes comes later.
func TestShortLivedConfirmations(t *testing.T) {
	env := writeEnv(labelWrites, "ZSCALER_MCP_CONFIRMATION_TTL=1")

	t.Run("expired token", func(t *testing.T) {
		s := startHTTP(t, env, "--demo", "--log-tool-calls")
		c := s.connect(t)
		id := createLabel(t, c, "Expiring")
		res := mustOK(t, c, "zia_delete_rule_label", map[string]any{"label_id": id})
		tok := prompt(t, res)
		require.Contains(t, text(res), "(1 second)")
		expires, err := time.Parse(time.RFC3339, object(t, res)["expires_at"].(string))
		require.NoError(t, err)
		waitUntil(expires)

		from := mark(t, c, s.stderr)
		res = failed(t, c, "zia_delete_rule_label",
			map[string]any{"label_id": id, "confirmation_token": tok.value})
		fresh := freshPrompt(t, res, "the token expired at "+expires.UTC().Format(time.RFC3339)+
			"; tokens are valid for 1 second; nothing was deleted")
		require.NotEqual(t, tok.id, fresh.id)
		auditFrom(t, s.stderr, from,
			`[TOOL CALL] zia_delete_rule_label | args: {confirmation_token: "***REDACTED***", `+
				`label_id: "`+id+`"}`,
			`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+id+`"}`,
			`[TOOL OK]   zia_delete_rule_label/describe | Nms | ok`,
			`[TOOL ERR]  zia_delete_rule_label | Nms | `+firstText(res))
		require.True(t, labelExists(t, c, id))
	})

	t.Run("unanswered elicitation", func(t *testing.T) {
		release := make(chan struct{})
		answered := make(chan struct{})
		late := elicitFunc(func(context.Context, mcp.ElicitationRequest) (*mcp.ElicitationResult, error) {
			defer close(answered)
			select {
			case <-release:
			case <-time.After(testWait):
			}
			return answer(mcp.ElicitationResponseActionAccept, map[string]any{"choice": "delete"}), nil
		})
		s := startStdioWith(t, []client.ClientOption{client.WithElicitationHandler(late)}, env,
			"--demo", "--log-tool-calls")
		id := createLabel(t, s.client, "Unanswered")

		from := mark(t, s.client, s.stderr)
		res := failed(t, s.client, "zia_delete_rule_label", map[string]any{"label_id": id})
		require.Equal(t, "ConfirmationRejected: the user did not answer within 1 second; "+
			"nothing was deleted", text(res))
		auditFrom(t, s.stderr, from,
			`[TOOL CALL] zia_delete_rule_label | args: {label_id: "`+id+`"}`,
			`[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+id+`"}`,
			`[TOOL OK]   zia_delete_rule_label/describe | Nms | ok`,
			`[TOOL ERR]  zia_delete_rule_label | Nms | `+text(res))

		// The yes arrives after the refusal; it must not delete anything.
		close(release)
		<-answered
		time.Sleep(100 * time.Millisecond)
		mark(t, s.client, s.stderr)
		require.True(t, labelExists(t, s.client, id))
	})
}

// TestConcurrentRedemptionsDeleteOnce sends one token from several sessions at once:
// one call deletes, every other one is refused.
func TestConcurrentRedemptionsDeleteOnce(t *testing.T) {
	s := startHTTP(t, writeEnv(labelWrites), "--demo", "--log-tool-calls")
	const racers = 6
	clients := make([]*client.Client, racers)
	for i := range clients {
		clients[i] = s.connect(t)
	}
	id := createLabel(t, clients[0], "Raced")
	tok := prompt(t, mustOK(t, clients[0], "zia_delete_rule_label", map[string]any{"label_id": id}))
	before := labelCount(t, clients[0])

	results := make(chan *mcp.CallToolResult, racers)
	for _, c := range clients {
		go func() {
			res, err := call(t, c, "zia_delete_rule_label",
				map[string]any{"label_id": id, "confirmation_token": tok.value})
			if err != nil {
				res = mcp.NewToolResultError("transport: " + err.Error())
			}
			results <- res
		}()
	}
	deleted := 0
	for range racers {
		res := <-results
		if !res.IsError {
			deleted++
			continue
		}
		require.True(t, strings.HasPrefix(text(res), "ConfirmationRejected: token id "+tok.id+
			" was already used"), text(res))
	}
	require.Equal(t, 1, deleted)
	require.False(t, labelExists(t, clients[0], id))
	require.Equal(t, before-1, labelCount(t, clients[0]))

	oks := 0
	for _, l := range s.stderr.auditLines() {
		if strings.HasSuffix(l, "| ok (token id "+tok.id+")") {
			oks++
		}
	}
	require.Equal(t, 1, oks, "the audit trail shows one confirmed delete")
}

package server

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const deleteHead = `zia_delete_rule_label \| \d+ms \| `

var (
	promptLine = regexp.MustCompile(`^\[TOOL OK\]   ` + deleteHead +
		`confirmation required \(token id ([0-9a-f]{12})\)$`)
	redeemedLine = regexp.MustCompile(`^\[TOOL OK\]   ` + deleteHead + `ok \(token id ([0-9a-f]{12})\)$`)
	rejectedLine = regexp.MustCompile(`^\[TOOL ERR\]  ` + deleteHead + `ConfirmationRejected: (.+)$`)
)

// TestTokenFlowDeletesOnceAfterConfirmation walks the flow of a client without
// elicitation: a prompt with a token, the confirmed delete, then a replay.
func TestTokenFlowDeletesOnceAfterConfirmation(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	id := f.newLabel(t, "Old migration label")

	numeric, err := strconv.Atoi(id)
	require.NoError(t, err)

	m := f.mark()
	res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": float64(numeric)})
	require.False(t, res.IsError, resultText(res))
	require.Zero(t, f.deletes(id), "the first call deletes nothing")
	tok := token(t, res)
	text := resultText(res)
	require.Contains(t, text, "CONFIRMATION REQUIRED: nothing has been deleted.")
	require.Contains(t, text, `Operation: delete rule label `+id+` "Old migration label"`)
	require.Contains(t, text, "Wait for the user's explicit answer")
	require.Contains(t, text, "until 2026-12-03T10:05:00Z (5 minutes)")
	sc := structured(t, res)
	require.Equal(t, "confirmation_required", sc["status"])
	require.Equal(t, map[string]any{"type": "rule label", "id": id, "name": "Old migration label"}, sc["resource"])

	lines := f.since(m)
	require.Len(t, lines, 4, "the delete's pair with the audited lookup inside: %q", lines)
	require.Equal(t, `[TOOL CALL] zia_delete_rule_label | args: {label_id: `+id+`}`, lines[0])
	require.Equal(t, `[TOOL CALL] zia_delete_rule_label/describe | args: {label_id: "`+id+`"}`, lines[1])
	require.Regexp(t, `^\[TOOL OK\]   zia_delete_rule_label/describe \| \d+ms \| ok$`, lines[2])
	require.Regexp(t, promptLine, lines[3])
	tokenID := promptLine.FindStringSubmatch(lines[3])[1]
	require.Equal(t, tokenID, sc["token_id"])

	// The id was sent as a number and comes back as a string: the same call.
	m = f.mark()
	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tok})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, f.deletes(id))
	require.False(t, f.labelExists(t, id))
	lines = f.since(m)
	require.Len(t, lines, 2, "a confirmed delete reads nothing first: %q", lines)
	require.Equal(t, `[TOOL CALL] zia_delete_rule_label | args: `+
		`{confirmation_token: "***REDACTED***", label_id: "`+id+`"}`, lines[0])
	require.Regexp(t, redeemedLine, lines[1])
	require.Equal(t, tokenID, redeemedLine.FindStringSubmatch(lines[1])[1])

	// Replaying the token deletes nothing more; the label is gone, so no new token.
	m = f.mark()
	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tok})
	require.True(t, res.IsError)
	require.Equal(t, 1, f.deletes(id))
	lines = f.since(m)
	require.Regexp(t, rejectedLine, lines[len(lines)-1])
	require.Contains(t, lines[len(lines)-1], "token id "+tokenID+" was already used")
	require.Contains(t, lines[len(lines)-1],
		"; rule label "+id+" no longer exists, so no new token was issued")
	require.Len(t, res.Content, 1)

	f.requireNoTokenLogged(t, tok)
}

func TestRejectedTokensSayWhyAndComeWithAFreshOne(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	a, b := f.newLabel(t, "Label A"), f.newLabel(t, "Label B")

	tokA := token(t, f.call(t, "zia_delete_rule_label", map[string]any{"label_id": a}))
	parts := strings.Split(tokA, ".")
	tampered := strings.Join([]string{parts[0], "4102444800", parts[2], parts[3]}, ".")

	cases := []struct {
		name   string
		target string
		token  string
		reason string
	}{
		{"other resource", b, tokA, "the token does not match this call"},
		{"tampered expiry", a, tampered, "the token does not match this call"},
		{"malformed", a, "yes please", "the token is malformed"},
	}
	var fresh []string
	for _, tc := range cases {
		m := f.mark()
		res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": tc.target, "confirmation_token": tc.token})
		require.True(t, res.IsError, tc.name)
		lines := f.since(m)
		last := lines[len(lines)-1]
		require.Regexp(t, rejectedLine, last, tc.name)
		require.Contains(t, last, tc.reason, tc.name)
		require.Contains(t, last, "a new confirmation follows (token id ", tc.name)
		require.Equal(t, strings.SplitN(last, " | ", 3)[2], resultText(res)[:len(strings.SplitN(last, " | ", 3)[2])],
			"%s: the agent reads the audited error first", tc.name)
		fresh = append(fresh, tokenIn(t, res))
		require.NotContains(t, last, "zc1.", tc.name)
	}
	require.Zero(t, f.deletes(a)+f.deletes(b), "no rejected token deletes anything")
	require.True(t, f.labelExists(t, a) && f.labelExists(t, b))

	// The fresh token of the "other resource" rejection confirms B, and only B.
	res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": a, "confirmation_token": fresh[0]})
	require.True(t, res.IsError)
	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": b, "confirmation_token": fresh[0]})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, f.deletes(b))
	require.Zero(t, f.deletes(a))

	// The original token for A was not used up by the rejections.
	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": a, "confirmation_token": tokA})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, f.deletes(a))

	f.requireNoTokenLogged(t, append(fresh, tokA, tampered)...)
}

func TestExpiredTokensAreRejected(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	id := f.newLabel(t, "Expiring")
	tok := token(t, f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id}))

	f.clock.advance(5*time.Minute + time.Second)
	m := f.mark()
	res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tok})
	require.True(t, res.IsError)
	lines := f.since(m)
	require.Regexp(t, `ConfirmationRejected: the token expired at 2026-12-03T10:05:00Z; tokens are valid for 5 minutes; `+
		`nothing was deleted, and a new confirmation follows \(token id [0-9a-f]{12}\)$`, lines[len(lines)-1])
	require.Zero(t, f.deletes(id))

	res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tokenIn(t, res)})
	require.False(t, res.IsError, resultText(res))
	require.Equal(t, 1, f.deletes(id))
}

func TestConcurrentRedemptionsDeleteOnce(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	id := f.newLabel(t, "Raced")
	tok := token(t, f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id}))

	const callers = 8
	m := f.mark()
	results := make(chan bool, callers)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := 0; i < callers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			res := f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id, "confirmation_token": tok})
			results <- res.IsError
		}()
	}
	close(start)
	wg.Wait()
	close(results)

	ok := 0
	for isErr := range results {
		if !isErr {
			ok++
		}
	}
	require.Equal(t, 1, ok)
	require.Equal(t, 1, f.deletes(id), "the tenant received exactly one DELETE")

	redeemed, rejected := 0, 0
	for _, l := range f.since(m) {
		switch {
		case redeemedLine.MatchString(l):
			redeemed++
		case rejectedLine.MatchString(l):
			require.Contains(t, l, "was already used")
			rejected++
		}
	}
	require.Equal(t, 1, redeemed)
	require.Equal(t, callers-1, rejected)
}

// requireNoTokenLogged checks that no token reached the audit trail or the server log.
func (f *writeFixture) requireNoTokenLogged(t *testing.T, tokens ...string) {
	t.Helper()
	logged := strings.Join(f.audit.lines(), "\n") + "\n" + strings.Join(f.log.lines(), "\n")
	for _, tok := range tokens {
		require.NotContains(t, logged, tok)
		parts := strings.Split(tok, ".")
		if len(parts) == 4 {
			require.NotContains(t, logged, parts[3], "not even the signature")
		}
	}
	require.NotContains(t, logged, "zc1.")
}

// TestTokenPastedIntoAnotherArgumentStaysOutOfTheAudit: an agent that puts the token
// into an argument of another name, here a label's name, does not get it logged.
func TestTokenPastedIntoAnotherArgumentStaysOutOfTheAudit(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{})
	id := f.newLabel(t, "Pasted token")
	tok := token(t, f.call(t, "zia_delete_rule_label", map[string]any{"label_id": id}))

	m := f.mark()
	f.call(t, "zia_create_rule_label", map[string]any{"name": "ok " + tok})
	lines := f.since(m)
	require.Len(t, lines, 2)
	require.Equal(t, `[TOOL CALL] zia_create_rule_label | args: {name: "ok ***REDACTED***"}`, lines[0])
	require.NotContains(t, strings.Join(f.audit.lines(), "\n"), tok)
}

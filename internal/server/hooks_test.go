package server

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// rawCall sends one tools/call message as written and returns the audit lines it left.
func rawCall(t *testing.T, f *fixture, message string) []string {
	t.Helper()
	before := len(f.audit.lines())
	require.NotNil(t, f.srv.MCP().HandleMessage(context.Background(), []byte(message)))
	return f.audit.lines()[before:]
}

// A request mcp-go cannot decode is still audited with the arguments as the client
// wrote them: the decoder's partial result holds null for a number it could not
// hold, and nothing at all when the name is not a string.
func TestUnparsableCallsLogTheArgumentsAsSent(t *testing.T) {
	f := newFixture(t, nil, nil, nil)

	lines := rawCall(t, f, `{"jsonrpc":"2.0","id":1,"method":"tools/call",`+
		`"params":{"name":"zia_get_location","arguments":{"location_id":1e400,"note":"x"}}}`)
	require.Equal(t, []string{
		`[TOOL CALL] zia_get_location | args: {location_id: 1e400, note: "x"}`,
		`[TOOL ERR]  zia_get_location | 0ms | InvalidArgument: the request was malformed`,
	}, lines)

	lines = rawCall(t, f, `{"jsonrpc":"2.0","id":2,"method":"tools/call",`+
		`"params":{"name":5,"arguments":{"location_id":"42"}}}`)
	require.Len(t, lines, 2)
	require.Equal(t, `[TOOL CALL] (no tool name) | args: {location_id: "42"}`, lines[0])
}

// A call whose params are not an object has neither name nor arguments to show: the
// line says so in the server's own words, not reshaped as a client-chosen name is.
func TestCallsWithoutParamsObjectAreAuditedAsUnparsable(t *testing.T) {
	f := newFixture(t, nil, nil, nil)

	lines := rawCall(t, f, `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":5}`)
	require.Equal(t, []string{
		`[TOOL CALL] (unparsable request) | args: {}`,
		`[TOOL ERR]  (unparsable request) | 0ms | InvalidArgument: the request was malformed`,
	}, lines)
}

// An unknown tool's name is chosen by the client, which may paste anything into it:
// a confirmation token or a configured secret is replaced before the name is cut to
// length, so not even a prefix of one reaches the log.
func TestUnknownToolNamesLoseTokensAndSecrets(t *testing.T) {
	f := newFixture(t, nil, nil, nil)
	const secret = "sup3rS3cretClientValue-XYZ"
	f.srv.registrar.audit.AddSecret(secret)
	const token = "zc1.1796412662.Q9WyDDJC3aFWbbMweNGJcw.PVAQNGCyzCBIxZy1cylbeBuPvqOcWKlU-Tm6YQ1FlLg"

	for _, name := range []string{
		token,
		"delete\u200b" + token[:20] + "\u200b" + token[20:],
		strings.Repeat("x", maxAuditedName-8) + secret,
		strings.Repeat("x", maxAuditedName-8) + token,
	} {
		_, err := f.call(t, name, nil)
		require.Error(t, err)
		log := strings.Join(f.audit.lines(), "\n")
		require.NotContains(t, log, secret[:8], name)
		require.NotContains(t, log, token[:20], name)
		require.NotContains(t, log, "Q9WyDDJC3aFWbbMweNGJcw", name)
	}
}

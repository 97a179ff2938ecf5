package e2e

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mark3labs/mcp-go/client"
	"github.com/stretchr/testify/require"
)

// bigLabelID is the demo tenant's rule label whose id lies beyond 2^53: a float64
// holds 9007199254740992 in its place, the id of no label.
const bigLabelID = "9007199254740993"

// requireBigIDRead sends the big id as a JSON number and checks that the label it
// names comes back and that the audit line shows the id's every digit.
func requireBigIDRead(t *testing.T, c *client.Client, stderr *lockedBuffer) {
	t.Helper()
	res, err := call(t, c, "zia_get_rule_label",
		map[string]any{"label_id": json.Number(bigLabelID)})
	require.NoError(t, err)
	require.False(t, res.IsError, text(res))
	var label map[string]any
	dec := json.NewDecoder(strings.NewReader(text(res)))
	dec.UseNumber()
	require.NoError(t, dec.Decode(&label), text(res))
	require.Equal(t, json.Number(bigLabelID), label["id"])

	lines := stderr.waitAudit(t, 2)
	require.Equal(t, "[TOOL CALL] zia_get_rule_label | args: {label_id: "+bigLabelID+"}",
		lines[0])
	require.Equal(t, "[TOOL OK]   zia_get_rule_label | Nms | ok", normalize(lines[1]))
}

func TestBigIDNumberOverStdio(t *testing.T) {
	s := startStdio(t, cleanEnv(), "--demo", "--log-tool-calls")
	requireBigIDRead(t, s.client, s.stderr)
}

func TestBigIDNumberOverStreamableHTTP(t *testing.T) {
	s := startHTTP(t, cleanEnv(), "--demo", "--log-tool-calls")
	requireBigIDRead(t, s.connect(t), s.stderr)
}

func TestBigIDNumberOverSSE(t *testing.T) {
	s := startServer(t, serverSpec{transport: "sse", env: cleanEnv(),
		args: []string{"--demo", "--log-tool-calls"}})
	requireBigIDRead(t, s.connectSSE(t), s.stderr)
}

package server

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// The authentication exempt list scenario: add a URL, see it listed, remove it with
// confirmation.
func init() {
	addFamily("zia_authentication_settings", entryListSteps("zia_list_auth_exempt_urls",
		"zia_add_auth_exempt_urls", "zia_delete_auth_exempt_urls", "exempt_urls",
		"sso.partner.example")...)
}

func TestEntryRemovalPromptNamesTheEntries(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	res := f.call(t, "zia_delete_auth_exempt_urls", map[string]any{
		"exempt_urls": []any{".windowsupdate.com", "LOGIN.partner.example"}})
	require.True(t, isPrompt(res), resultText(res))
	sc := res.StructuredContent.(map[string]any)
	require.Equal(t, map[string]any{"type": "2 authentication exempt list entries",
		"id": ".windowsupdate.com, login.partner.example"}, sc["resource"])
	require.Contains(t, resultText(res),
		"delete 2 authentication exempt list entries .windowsupdate.com, login.partner.example")
	require.False(t, f.tenant.ActivationPending(), "nothing changes before the confirmation")
}

package audit

import (
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/confirm"
)

func TestIsSensitiveName(t *testing.T) {
	sensitive := []string{
		"password", "PASSWORD", "adminPassword", "old_password_hash",
		"secret", "clientSecret", "ZSCALER_CLIENT_SECRET", "secretName",
		"token", "Token", "my_api_token", "confirmation-token", "tokenId",
		"key", "KEY", "api-key", "apiKey", "pre_shared_key", "private_key", "keyName",
		"credential", "Credentials", "access_credential", "CREDENTIAL_ID",
		// Documented over-redaction: substring matches in harmless names.
		"keywords", "key_name", "monkey", "secretary",
		// Invisible characters do not hide a sensitive word.
		"pass\u200bword", "to\u00adken",
	}
	for _, name := range sensitive {
		require.True(t, IsSensitiveName(name), "%q should be sensitive", name)
	}
	for _, name := range []string{"name", "description", "page", "page_size", "id",
		"namespace_id", "hostname", "query", "kee", "pass_word", "tok_en", ""} {
		require.False(t, IsSensitiveName(name), "%q should not be sensitive", name)
	}
}

func TestRedactReplacesSensitiveValuesAtAnyDepth(t *testing.T) {
	type creds struct {
		User     string `json:"user"`
		Password string `json:"password"`
	}
	in := map[string]any{
		"name":         "HQ",
		"clientSecret": "s3cr3t",
		"api-key":      42.0,
		"keywords":     []any{"casino", "poker"},
		"nested": map[string]any{
			"description": "keep me",
			"credentials": map[string]any{"user": "u", "pass": "p"},
			"list": []any{
				map[string]any{"token": "t1", "id": 1},
				[]any{map[string]any{"pre_shared_key": "psk", "ok": true}},
				"plain",
			},
		},
		"login": creds{User: "admin", Password: "hunter2"},
	}
	want := map[string]any{
		"name":         "HQ",
		"clientSecret": Redacted,
		"api-key":      Redacted,
		"keywords":     Redacted,
		"nested": map[string]any{
			"description": "keep me",
			"credentials": Redacted,
			"list": []any{
				map[string]any{"token": Redacted, "id": 1},
				[]any{map[string]any{"pre_shared_key": Redacted, "ok": true}},
				"plain",
			},
		},
		"login": map[string]any{"user": "admin", "password": Redacted},
	}
	require.Equal(t, want, Redact(in))

	// The input is untouched.
	require.Equal(t, "s3cr3t", in["clientSecret"])
	list := in["nested"].(map[string]any)["list"].([]any)
	require.Equal(t, "t1", list[0].(map[string]any)["token"])
	require.Nil(t, Redact(nil))
}

func TestCallLineRedactsLikeRedact(t *testing.T) {
	args := map[string]any{
		"name":     "HQ",
		"Password": "hunter2",
		"psk":      map[string]any{"pre_shared_key": "abc", "type": "ipsec"},
		"rules":    []any{map[string]any{"apiToken": []any{"x"}, "order": 1.0}},
		"keywords": []any{"casino"},
		// A boolean is no secret: the toggle's setting is worth the log.
		"block_password_protected_archive_files": true,
		"secret_flag":                            "true",
	}
	const want = `{Password: "***REDACTED***", block_password_protected_archive_files: true, ` +
		`keywords: "***REDACTED***", name: "HQ", ` +
		`psk: {pre_shared_key: "***REDACTED***", type: "ipsec"}, ` +
		`rules: [{apiToken: "***REDACTED***", order: 1}], secret_flag: "***REDACTED***"}`
	l := New(nil)
	require.Equal(t, want, callArgs(t, l, args))
	// Logging the already redacted copy gives the same line.
	require.Equal(t, want, callArgs(t, l, Redact(args)))
}

func TestRegisteredSecretsNeverReachTheLog(t *testing.T) {
	l, buf := newBufferLogger()
	l.AddSecret("")
	l.AddSecret("topsecretvalue")
	l.AddSecret("topsecret") // contained in the first: the longer one must win
	l.Call("t", map[string]any{"description": "pasted topsecretvalue here"})
	l.OK("t", time.Millisecond, "done with topsecret")
	l.Err("t", time.Millisecond, "PermissionDenied", "rejected topsecretvalue\n")
	require.Equal(t, ""+
		`[TOOL CALL] t | args: {description: "pasted ***REDACTED*** here"}`+"\n"+
		"[TOOL OK]   t | 1ms | done with ***REDACTED***\n"+
		"[TOOL ERR]  t | 1ms | PermissionDenied: rejected ***REDACTED***\n",
		buf.String())
}

// TestConfirmationTokensInOtherArgumentsAreRedacted: a token pasted into an argument
// whose name says nothing, such as a description, is still kept out of the line, at
// any depth, while the text around it and ordinary values stay as sent.
func TestConfirmationTokensInOtherArgumentsAreRedacted(t *testing.T) {
	c, err := confirm.New(nil, time.Minute)
	require.NoError(t, err)
	tok, err := c.Issue("zia_delete_rule_label", map[string]any{"label_id": "1"})
	require.NoError(t, err)

	args := map[string]any{
		"description": "approved with " + tok.Value,
		"name":        "HQ v1.2.3",
		"rules":       []any{map[string]any{"comment": tok.Value}},
	}
	const want = `{description: "approved with ***REDACTED***", name: "HQ v1.2.3", ` +
		`rules: [{comment: "***REDACTED***"}]}`
	l := New(nil)
	line := callArgs(t, l, args)
	require.Equal(t, want, line)
	require.NotContains(t, line, tok.Value)
	require.Equal(t, want, callArgs(t, l, Redact(args)))
	require.Equal(t, "approved with "+Redacted, Redact(args)["description"])
}

// An object's id is no secret: the log of a VPN credential delete must say which one
// went, while anything else under the same names stays hidden.
func TestNumericIDsUnderSensitiveNamesAreLogged(t *testing.T) {
	args := map[string]any{
		"credential_id":   "9007199254740993",
		"credentialIds":   []any{1.0, "2"},
		"key_id":          42.0,
		"credential_type": "UFQDN",
		"token_id":        "abc123",
		"secret_ids":      []any{"1", "x"},
		"credential_ids":  []any{},
		"tokenId":         "-7",
		"key_ids":         []any{" 29339942", "+0042 "},
	}
	const want = `{credentialIds: [1, "2"], credential_id: "9007199254740993", ` +
		`credential_ids: "***REDACTED***", credential_type: "***REDACTED***", ` +
		`key_id: 42, key_ids: [" 29339942", "+0042 "], secret_ids: "***REDACTED***", tokenId: "***REDACTED***", ` +
		`token_id: "***REDACTED***"}`
	require.Equal(t, want, callArgs(t, New(nil), args))
}

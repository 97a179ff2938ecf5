package sanitize

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRedactSecretsReplacesEveryOccurrence(t *testing.T) {
	secrets := []string{"s3cretValue", "4242"}
	in := map[string]any{
		"a":              "x s3cretValue y s3cretValue",
		"s3cretValue":    []any{"s3cret\u200bValue", json.Number("1424299"), true, nil},
		"***REDACTED***": "taken",
		"nested":         map[string]any{"deep": []any{map[string]any{"k": "s3cretValue"}}},
	}
	got := RedactSecrets(in, secrets)
	require.Equal(t, map[string]any{
		"a":                "x ***REDACTED*** y ***REDACTED***",
		"***REDACTED***":   "taken",
		"***REDACTED***~2": []any{"***REDACTED***", "1***REDACTED***99", true, nil},
		"nested":           map[string]any{"deep": []any{map[string]any{"k": "***REDACTED***"}}},
	}, got)
	require.Equal(t, "x s3cretValue y s3cretValue", in["a"], "the input is left as it was")
	require.Equal(t, "s3cretValue", in["nested"].(map[string]any)["deep"].([]any)[0].(map[string]any)["k"])
}

func TestRedactSecretsKeepsCleanValuesAsTheyAre(t *testing.T) {
	in := map[string]any{"list": []any{"a", json.Number("1")}, "s": "plain"}
	got := RedactSecrets(in, []string{"s3cretValue"})
	got.(map[string]any)["probe"] = true
	require.Equal(t, true, in["probe"], "a value without a secret is not copied")
	require.Equal(t, "plain", RedactSecretsString("plain", []string{"s3cretValue"}))
	require.Equal(t, in, RedactSecrets(in, nil))
}

// BenchmarkRedactSecrets redacts three secrets from 20,000 records that hold none, the
// usual case.
func BenchmarkRedactSecrets(b *testing.B) {
	records := make([]any, 20000)
	for i := range records {
		records[i] = map[string]any{"id": json.Number("1234567"), "name": "Block gambling sites",
			"description": "A rule the security team keeps for the audit of last year, unchanged",
			"state":       "ENABLED", "tags": []any{"a", "b"}}
	}
	secrets := []string{"SuperS3cretValue-xyz123456", "SuperS3cretValue-xyz123456%21",
		"k-0123456789abcdef"}
	b.ReportAllocs()
	for b.Loop() {
		RedactSecrets(records, secrets)
	}
}

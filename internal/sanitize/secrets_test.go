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

// nested returns v wrapped in depth arrays and objects, alternately.
func nested(v any, depth int) any {
	for i := range depth {
		if i%2 == 0 {
			v = []any{v}
		} else {
			v = map[string]any{"k": v}
		}
	}
	return v
}

// A value nested beyond MaxDepth cannot be searched, so it is replaced as Value
// replaces it, whether or not it holds a secret: no secret passes however deep.
func TestRedactSecretsReplacesWhatIsTooDeepToSearch(t *testing.T) {
	secrets := []string{"s3cretValue"}
	deep := nested("x s3cretValue", MaxDepth+6)
	out, err := json.Marshal(RedactSecrets(deep, secrets))
	require.NoError(t, err)
	require.NotContains(t, string(out), "s3cretValue")
	require.Contains(t, string(out), TruncatedValue)

	out, err = json.Marshal(RedactSecrets(nested("plain", MaxDepth+6), secrets))
	require.NoError(t, err)
	require.Contains(t, string(out), TruncatedValue, "the outcome does not depend on the text")

	shallow := nested("plain", MaxDepth)
	require.Equal(t, shallow, RedactSecrets(shallow, secrets), "MaxDepth itself is searched")
	require.Equal(t, nested(Redacted, MaxDepth),
		RedactSecrets(nested("s3cretValue", MaxDepth), secrets))
}

// A renamed key's value is the one redacted once, not a second copy.
func TestRedactSecretsRenamedKeyKeepsItsRedactedValue(t *testing.T) {
	in := map[string]any{"s3cretValue": map[string]any{"a": "s3cretValue"}}
	got := RedactSecrets(in, []string{"s3cretValue"})
	require.Equal(t, map[string]any{Redacted: map[string]any{"a": Redacted}}, got)
}

// StringRedacting cleans a string and redacts secrets before and after: markup that
// splits a secret cannot join it up, and a secret spelled with markup is found before
// the markup goes.
func TestStringRedacting(t *testing.T) {
	secrets := []string{"s3cretValue", "a<b>c-d"}
	require.Equal(t, "x "+Redacted+" y", StringRedacting("x s3cret<b></b>Value y", secrets))
	require.Equal(t, "x "+Redacted, StringRedacting("x s3cret\u200bValue", secrets))
	require.Equal(t, Redacted, StringRedacting("a<b>c-d", secrets))
	require.Equal(t, "plain", StringRedacting("plain", secrets))
	require.Equal(t, "x y", StringRedacting("x <b>y</b>", nil))
}

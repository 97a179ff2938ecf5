package audit

import (
	"bytes"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestRegisteredSecretIsScrubbedFromArgumentNames(t *testing.T) {
	var b bytes.Buffer
	l := New(&b)
	l.AddSecret("Hunter2Xyz789")
	l.Call("t", map[string]any{"Hunter2Xyz789": 1, "q": "xxHunter2Xyz789yy"})
	require.Equal(t, `[TOOL CALL] t | args: {"***REDACTED***": 1, q: "xx***REDACTED***yy"}`+"\n", b.String())
}

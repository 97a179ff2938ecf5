package audit

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestRegisteredSecretIsScrubbedFromArgumentNames(t *testing.T) {
	var b bytes.Buffer
	l := New(&b)
	l.AddSecret("Hunter2Xyz789")
	l.Call("t", map[string]any{"Hunter2Xyz789": 1, "q": "xxHunter2Xyz789yy"})
	require.Equal(t, `[TOOL CALL] t | args: {"***REDACTED***": 1, q: "xx***REDACTED***yy"}`+"\n", b.String())
}

func TestHugeArgumentsAreCutWithAMarker(t *testing.T) {
	var b bytes.Buffer
	l := New(&b)
	l.Call("t", map[string]any{"search": strings.Repeat("é", 100000)})
	line := b.String()
	require.Less(t, len(line), MaxArgsBytes+200)
	require.True(t, utf8.ValidString(line))
	require.Contains(t, line, "… (truncated: 200012 bytes of arguments)\n")
}

func TestFirstWriteErrorIsReportedOnce(t *testing.T) {
	var reported []error
	l := New(failingWriter{}, WithWriteErrorHandler(func(err error) { reported = append(reported, err) }))
	l.Call("t", nil)
	l.OK("t", 0, "ok")
	require.Len(t, reported, 1)
	require.EqualError(t, reported[0], "disk full")
	require.Equal(t, uint64(2), l.WriteErrors())
}

func TestRegisteredSecretIsScrubbedInItsEscapedForms(t *testing.T) {
	var b bytes.Buffer
	l := New(&b)
	l.AddSecret(`ab/c+d="e`)
	l.AddSecret("a") // too short to scrub without blanking out words
	l.Err("t", 0, "NotFound", `ZIA /locations/ab%2Fc+d=%22e not found; also ab/c+d=\"e and ab%2Fc%2Bd%3D%22e`)
	require.NotContains(t, b.String(), "ab%2F")
	require.NotContains(t, b.String(), `ab/c`)
	require.Contains(t, b.String(), "NotFound: ZIA /locations/***REDACTED*** not found")

	b.Reset()
	l.Call("zia_list_locations", nil)
	require.Contains(t, b.String(), "zia_list_locations", "a one-letter secret is not scrubbed")
}

package audit

import (
	"bytes"
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func newBufferLogger(opts ...Option) (*Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return New(&buf, opts...), &buf
}

func TestLinesMatchTheDocumentedFormat(t *testing.T) {
	l, buf := newBufferLogger()
	l.Call("zia_list_locations", map[string]any{
		"page_size": json.Number("50"), "name": "HQ", "page": float64(1),
	})
	l.OK("zia_list_locations", 342*time.Millisecond+900*time.Microsecond, Summary(15))
	l.Err("zms_list_resources", 1204*time.Millisecond, "UpstreamUnavailable",
		"timeout after 30s")

	require.Equal(t, ""+
		"[TOOL CALL] zia_list_locations | args: {name: \"HQ\", page: 1, page_size: 50}\n"+
		"[TOOL OK]   zia_list_locations | 342ms | 15 items\n"+
		"[TOOL ERR]  zms_list_resources | 1204ms | UpstreamUnavailable: timeout after 30s\n",
		buf.String())
}

func TestSummary(t *testing.T) {
	for items, want := range map[int]string{-1: "ok", -7: "ok", 0: "0 items", 1: "1 item",
		2: "2 items", 15: "15 items"} {
		require.Equal(t, want, Summary(items), "items %d", items)
	}
}

func TestOKLine(t *testing.T) {
	tests := []struct {
		name    string
		elapsed time.Duration
		summary string
		want    string
	}{
		{"object result", 5 * time.Millisecond, Summary(-1), "[TOOL OK]   t | 5ms | ok\n"},
		{"single item", 0, Summary(1), "[TOOL OK]   t | 0ms | 1 item\n"},
		{"empty summary means ok", time.Millisecond, "", "[TOOL OK]   t | 1ms | ok\n"},
		{"custom summary", 12 * time.Millisecond, "3 items (15 before query)",
			"[TOOL OK]   t | 12ms | 3 items (15 before query)\n"},
		{"multi-line summary is flattened", time.Millisecond, "a\nb\r\n\tc",
			"[TOOL OK]   t | 1ms | a b c\n"},
		{"sub-millisecond truncates to 0", 999 * time.Microsecond, "ok",
			"[TOOL OK]   t | 0ms | ok\n"},
		{"negative clamps to 0", -time.Second, "ok", "[TOOL OK]   t | 0ms | ok\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, buf := newBufferLogger()
			l.OK("t", tt.elapsed, tt.summary)
			require.Equal(t, tt.want, buf.String())
		})
	}
}

func TestToolNameCannotBreakTheLine(t *testing.T) {
	l, buf := newBufferLogger()
	l.OK("evil\n[TOOL OK]   forged", time.Millisecond, "ok")
	require.Equal(t, "[TOOL OK]   evil [TOOL OK] forged | 1ms | ok\n", buf.String())
}

func TestDisabledLoggerWritesNothing(t *testing.T) {
	l, buf := newBufferLogger()
	l.SetEnabled(false)
	require.False(t, l.Enabled())
	l.Call("t", map[string]any{"a": 1})
	l.OK("t", time.Millisecond, "ok")
	l.Err("t", time.Millisecond, "Internal", "boom")
	require.Empty(t, buf.String())

	l.SetEnabled(true)
	require.True(t, l.Enabled())
	l.OK("t", time.Millisecond, "ok")
	require.Equal(t, "[TOOL OK]   t | 1ms | ok\n", buf.String())
}

func TestScrubRemovesSecretsAndTokensEvenWhenSplit(t *testing.T) {
	l, _ := newBufferLogger()
	l.AddSecret("s3cret-value")
	token := "zc1.1796412662.Q9WyDDJC3aFWbbMweNGJcw.PVAQNGCyzCBIxZy1cylbeBuPvqOcWKlU-Tm6YQ1FlLg"
	require.Equal(t, "a "+Redacted+" b "+Redacted, l.Scrub("a s3cret-value b "+token))
	require.Equal(t, "x"+Redacted, l.Scrub("xs3cret\u200b-value"))
	require.Equal(t, "plain\u200btext", l.Scrub("plain\u200btext"), "nothing hidden, nothing changed")
}

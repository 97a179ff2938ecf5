package audit

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// FuzzLines checks that no input, however hostile, can split a line, smuggle an
// invisible character into it or leak a sensitive argument.
func FuzzLines(f *testing.F) {
	f.Add("name", "HQ", "Internal", "boom")
	f.Add("x\ny", "a\u202eb\x00", "K\r\nind", "line1\nline2\u2028\xff")
	f.Add("api_key", "s3cr3t", "", "")
	f.Fuzz(func(t *testing.T, key, val, kind, msg string) {
		var buf strings.Builder
		l := New(&buf)
		l.Call("tool", map[string]any{key: val, "nested": map[string]any{key: []any{val}}})
		l.OK("tool", time.Millisecond, msg)
		l.Err("tool", time.Millisecond, kind, msg)
		out := buf.String()
		if strings.Count(out, "\n") != 3 || !strings.HasSuffix(out, "\n") {
			t.Fatalf("not three lines: %q", out)
		}
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8: %q", out)
		}
		for _, r := range strings.TrimSuffix(out, "\n") {
			if r != '\n' && (sanitize.IsInvisible(r) || r == '\u2028' || r == '\u2029') {
				t.Fatalf("raw %U in %q", r, out)
			}
		}
		if IsSensitiveName(key) && len(val) > 3 && strings.Contains(firstLine(out), val) &&
			!strings.Contains(Redacted, val) && !strings.Contains(key, val) {
			t.Fatalf("sensitive %q=%q logged: %q", key, val, out)
		}
	})
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

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
		if IsSensitiveName(key) {
			k := string(appendKey(nil, key))
			member := k + `: "` + Redacted + `"`
			members := []string{member, "nested: {" + member + "}"}
			if key > "nested" {
				members[0], members[1] = members[1], members[0]
			}
			want := "[TOOL CALL] tool | args: {" + strings.Join(members, ", ") + "}"
			if got := firstLine(out); got != want {
				t.Fatalf("sensitive argument not redacted:\n got %q\nwant %q", got, want)
			}
		}
	})
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

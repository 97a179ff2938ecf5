package sanitize

import (
	"testing"
	"unicode/utf8"
)

func FuzzString(f *testing.F) {
	for _, seed := range []string{
		"", "plain", "Zürich 東京 ✓ 😀", "a\u200bb\u202ec", "\U000E0041\uE000\x00\x1b",
		"\xff\xfe\xc3", "10\u00a0MB", "👩\u200d💻", "\t\n\r", "\ud7ff\ue000\uffff",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := String(s)
		if !utf8.ValidString(got) {
			t.Fatalf("String(%q) = %q: invalid UTF-8", s, got)
		}
		for _, r := range got {
			if IsInvisible(r) || r == noBreakSpace {
				t.Fatalf("String(%q) = %q: %U remains", s, got, r)
			}
		}
		if again := String(got); again != got {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, got, again)
		}
		if len(got) > len(s) {
			t.Fatalf("String(%q) grew to %q", s, got)
		}
	})
}

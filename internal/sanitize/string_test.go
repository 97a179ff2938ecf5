package sanitize

import (
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/require"
)

func TestStringRemovesInvisibleCharacters(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"zero-width space", "ig\u200bnore previous", "ignore previous"},
		{"zero-width joiner and non-joiner", "a\u200cb\u200dc", "abc"},
		{"right-to-left override", "file\u202Etxt.exe", "filetxt.exe"},
		{"bidi embeddings", "\u202Aa\u202Bb\u202Cc\u202Dd", "abcd"},
		{"bidi isolates", "\u2066a\u2067b\u2068c\u2069", "abc"},
		{"arabic letter mark", "x\u061Cy", "xy"},
		{"word joiner and invisible operators", "a\u2060b\u2062c\u2064d", "abcd"},
		{"soft hyphen", "pass\u00ADword", "password"},
		{"byte order mark", "\uFEFFhello", "hello"},
		{"tag characters", "hi\U000E0041\U000E0042\U000E007F", "hi"},
		{"private use", "a\uE000b\U000F0000c", "abc"},
		{"NUL", "a\x00b", "ab"},
		{"ESC sequence keeps its printable tail", "\x1b[31mred", "[31mred"},
		{"DEL and C1 control", "a\x7fb\u0085c\u009bd", "abcd"},
		{"unassigned and noncharacters", "a\u0378b\uFFFFc\U0010FFFEd", "abcd"},
		{"no-break space becomes a space", "10\u00a0MB", "10 MB"},
		{"invalid UTF-8 is dropped", "a\xffb\xc3c\xe2\x80", "abc"},
		{"only invisible", "\u200b\u200d\ufeff", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := String(tt.in)
			require.Equal(t, tt.want, got)
			require.True(t, utf8.ValidString(got))
		})
	}
}

func TestStringKeepsLegitimateText(t *testing.T) {
	for _, s := range []string{
		"",
		"a & b",
		"size < 10MB",
		"x > y && y < z",
		"example.com/a?x=1&y=2",
		"Zürich",
		"東京",
		"São Paulo – Ünïcödé façade",
		"مرحبا",
		"שלום",
		"✓ done",
		"😀 🎉",
		"❤\ufe0f", // variation selectors are marks and stay
		"col1\tcol2\nline2\r\n",
		"\u2028\u2029\u3000", // separators are visible spacing, not format characters
		"\ufffd",             // an existing replacement character is ordinary text
	} {
		got := String(s)
		require.Equal(t, []byte(s), []byte(got), "input %q", s)
	}
}

func TestStringDoesNotAllocateForCleanInput(t *testing.T) {
	for _, s := range []string{
		"plain ascii with\ttabs\nand newlines",
		"Zürich 東京 ✓ 😀",
	} {
		allocs := testing.AllocsPerRun(100, func() { _ = String(s) })
		require.Zero(t, allocs, "input %q", s)
	}
}

func TestStringSplitsJoinedEmoji(t *testing.T) {
	// Documented behaviour: the joiner goes, the pieces stay.
	require.Equal(t, "👩💻", String("👩\u200d💻"))
}

func TestIsInvisible(t *testing.T) {
	for _, r := range []rune{0, 0x1b, 0x7f, 0x85, 0xad, 0x200b, 0x202e, 0xfeff, 0xe0041,
		0xe000, 0xd800, 0x378, -1, 0x110000} {
		require.True(t, IsInvisible(r), "%U", r)
	}
	for _, r := range []rune{'\t', '\n', '\r', ' ', 'a', 0xa0, 0xe9, 0x6771, 0x2713,
		0x1f600, 0xfe0f, 0x2028} {
		require.False(t, IsInvisible(r), "%U", r)
	}
}

func TestInvisibleLeavesMarkupAlone(t *testing.T) {
	// The audit log relies on this: it strips hidden characters from its own text but
	// does not judge markup.
	in := "<b>x</b> [a](b) ```system\u200b"
	require.Equal(t, "<b>x</b> [a](b) ```system", Invisible(in))
	require.Equal(t, "x a (b) ```text", String(in))
}

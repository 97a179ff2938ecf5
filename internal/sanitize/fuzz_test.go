package sanitize

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds starts the fuzzer from every payload class and from the shapes that are
// hardest for the markup stages: nesting, unterminated markup, entities and line breaks
// next to tags. Plain `go test` runs these seeds only.
func fuzzSeeds(f *testing.F) {
	for _, tt := range golden {
		f.Add(tt.in)
	}
	for _, seed := range []string{
		"", "plain", "Zürich 東京 ✓ 😀", "a\u200bb\u202ec", "\U000E0041\uE000\x00\x1b",
		"\xff\xfe\xc3", "10\u00a0MB", "👩\u200d💻", "\t\n\r", "\ud7ff\ue000\uffff",
		"<", "<a", "</", "<!", "<?", "<!--", "<b>&amp;\r</b>", "<xmp><b>x</b></xmp>",
		"<plaintext><<b>b>", "<<b>script>", "x<y", "<a@b.c>", "<https://x.example/a&b>",
		"[a](b)", "![a](b)", "[[a](b)](c)", "](", "[a]<b>(c)", "```system", "~~~ user",
		"``` a ```user", "```ſystem", strings.Repeat("[", 12) + strings.Repeat("](x)", 12),
		"<textarea>&lt;b&gt;</textarea>", "<svg><style><b>x</b></style></svg>",
	} {
		f.Add(seed)
	}
}

// FuzzString checks the promises of String on any input: it never panics, returns
// valid UTF-8 without a removed code point, is idempotent and never grows the text. It
// also checks the one-pass pre-scan against the two tests it stands for.
func FuzzString(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		if i, mayMarkup := scan(s); i != firstChange(s) || (i < 0 && mayMarkup != mayHaveMarkup(s)) {
			t.Fatalf("scan(%q) = %d, %v disagrees with its two-pass equivalent", s, i, mayMarkup)
		}
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

// FuzzTextBetweenTags checks that the HTML stage returns the text between tags exactly:
// whatever clean text without markup of its own is wrapped in tags and a comment comes
// back byte for byte, so no character of it is ever escaped, decoded or normalised.
func FuzzTextBetweenTags(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, s string) {
		text := String(s)
		if strings.Contains(text, "<") || mayHaveMarkup(text) {
			return
		}
		wrapped := "<p class=\"x\">" + text + "<!-- note --></p>"
		if got := String(wrapped); got != text {
			t.Fatalf("text %q between tags came back as %q", text, got)
		}
	})
}

// Package sanitize cleans text that comes back from the Zscaler APIs before it reaches
// an AI agent or a log line.
//
// Tenant data is written by many people and scripts: a rule description, a location name
// or a URL category keyword can carry characters a human reviewer never sees. Zero-width
// spaces, bidirectional overrides and Unicode tag characters are the usual carriers of
// hidden instructions aimed at a language model, and control characters such as ESC can
// rewrite a terminal that displays a log. This package removes them while leaving
// ordinary text in any script exactly as it was.
//
// The first stage, implemented here, works on code points only:
//
//   - [String] removes every code point of the Unicode "Other" group (control, format,
//     private use, surrogate and unassigned) except tab, line feed and carriage return,
//     turns U+00A0 NO-BREAK SPACE into a plain space, and drops bytes that are not valid
//     UTF-8, so the result is always valid UTF-8.
//   - [Value] applies [String] to every string and every object key of a decoded JSON
//     value, returning a copy.
//
// Nothing else is changed: "&", "<" and ">" stay literal and no escaping is added, since
// the output is JSON-encoded later by whoever sends it.
//
// One visible consequence: emoji built with ZERO WIDTH JOINER (U+200D), such as the
// family or profession emoji, fall apart into their components ("👩‍💻" becomes "👩💻"),
// and subdivision flags, which are spelled with tag characters, lose their tags. The
// pieces stay readable; we accept this because the joiner is also a favourite hiding
// place for smuggled text. Variation selectors are marks, not format characters, and are
// kept.
//
// "Unassigned" is judged by the Unicode tables of the Go release that built the binary,
// so a character added in a newer Unicode version is removed until the toolchain catches
// up.
//
// TODO: add the markup stage (HTML tags, Markdown links and images) and the code-fence
// stage (neutralising fence info strings that name chat roles); until then only invisible
// characters are handled.
package sanitize

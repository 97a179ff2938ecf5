// Package sanitize cleans text that comes back from the Zscaler APIs before it reaches
// an AI agent or a log line.
//
// Tenant data is written by many people and scripts: a rule description, a location name
// or a URL category keyword can carry text aimed at a language model rather than at a
// person. The usual carriers are characters a human reviewer never sees (zero-width
// spaces, bidirectional overrides, Unicode tag characters), markup that a client renders
// or hides (HTML comments, Markdown images whose address carries data out), and
// formatting that impersonates the conversation itself (a code fence labelled
// "system"). Control characters such as ESC can also rewrite a terminal that displays a
// log. This package removes these carriers while leaving ordinary text in any script
// exactly as it was.
//
// [String] applies three stages to one string:
//
//  1. Invisible characters ([Invisible]): every code point of the Unicode "Other" group
//     (control, format, private use, surrogate and unassigned) is removed, except tab,
//     line feed and carriage return; U+00A0 NO-BREAK SPACE becomes a plain space; bytes
//     that are not valid UTF-8 are dropped.
//  2. Markup: HTML tags, comments and declarations are removed by a maintained HTML
//     sanitizer (bluemonday, with its strictest policy), keeping the text between tags;
//     the content of script, style and similar elements goes with them. Markdown images
//     become their alt text and Markdown links become "text (destination)". A "](" left
//     over, part of no link, becomes "] ", so that no two strings of one JSON result
//     can make a link together.
//  3. Code fences: a fence whose info string names a chat role or an override
//     ("```system", "~~~ignore previous") gets the info string "text".
//
// [Value] applies [String] to every string and every object key of a decoded JSON
// value, returning a copy.
//
// Nothing else is changed. In particular "&", "<" and ">" in ordinary text stay literal
// and nothing is escaped or decoded: "a & b", "size < 10MB", "x > y",
// "example.com/a?x=1&y=2" and even a literal "&amp;" come back byte for byte, because
// the output is JSON-encoded later by whoever sends it and an agent may write the value
// back. The HTML stage only runs on text where a "<" is followed by a letter, "/", "!"
// or "?", and even there the text between tags is returned exactly as written (see
// stripHTML). CommonMark autolinks such as "Jane <jane@example.com>" or
// "<https://example.com>" are text, not tags, and so is an unterminated "x<y" whose
// name is not an HTML one.
//
// Removing one layer of markup can reveal another, so stages 2 and 3 repeat until the
// text is stable; [String] is idempotent, returns valid UTF-8 and never makes a string
// longer.
//
// Visible consequences on legitimate data:
//
//   - Emoji built with ZERO WIDTH JOINER (U+200D), such as the family or profession
//     emoji, fall apart into their components ("👩‍💻" becomes "👩💻"), and subdivision
//     flags, which are spelled with tag characters, lose their tags. The pieces stay
//     readable; we accept this because the joiner is also a favourite hiding place for
//     smuggled text. Variation selectors are marks, not format characters, and are kept.
//   - Text that looks like a complete HTML tag is removed even when it was meant as a
//     placeholder ("call <name>" becomes "call "), and adjacent blocks can run together
//     ("<p>a</p><p>b</p>" becomes "ab").
//   - A Markdown link or image written inside inline code is rewritten too, and a line
//     that starts "```" or "~~~" followed by prose mentioning, say, a user loses that
//     prose to "text".
//
// "Unassigned" is judged by the Unicode tables of the Go release that built the binary,
// so a character added in a newer Unicode version is removed until the toolchain catches
// up.
//
// What sanitization cannot do: it removes the hiding places of injected instructions,
// not instructions written in plain sight. "Ignore all previous instructions" typed into
// a description is still there for the agent to read; only the agent's own judgement,
// and the server's instructions to treat tool results as data, stand against it.
package sanitize

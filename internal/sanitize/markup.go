package sanitize

import "strings"

// maxRounds bounds how often the markup stages run over one string. Removing one layer
// of markup can reveal another ("<<b>script>" becomes "<script>"), so the stages repeat
// until the text stops changing; ordinary input settles in one round and is checked in
// a second. Only deliberately nested input reaches the bound, and then [flatten] ends
// the matter.
const maxRounds = 8

// markup applies the markup stage (HTML, then Markdown images and links) and the
// code-fence stage until the text is stable, that is until a round changes nothing or
// leaves nothing any stage would look at. s has passed through Invisible.
//
// Each stage returns its input unchanged when it finds nothing to do, and none of them
// can produce an invisible character, so Invisible need not run again.
func markup(s string) string {
	if !mayHaveMarkup(s) {
		return s
	}
	for range maxRounds {
		next := fences(markdown(stripHTML(s)))
		if next == s || !mayHaveMarkup(next) {
			return breakLinkClosers(next)
		}
		s = next
	}
	return flatten(s)
}

// breakLinkClosers breaks apart a "](" that is left once every complete link and image
// is rewritten: it belongs to no link of this string, but in a JSON result it could
// close one opened in a neighbouring string (["![a", "](https://x.example/?d=…)"]
// reads as an image). JSON's own punctuation never writes "](", so a result whose
// strings hold none holds no Markdown link at all. Same length, as in flatten.
func breakLinkClosers(s string) string {
	return strings.ReplaceAll(s, "](", "] ")
}

// mayHaveMarkup is the cheap test that lets ordinary text skip the markup stages: a
// "<" starting a tag, "](" or a fence of three backticks or tildes.
func mayHaveMarkup(s string) bool {
	return tagStart(s, 0) >= 0 || strings.Contains(s, "](") || hasFence(s)
}

// markupAt reports whether the byte at s[i] begins what mayHaveMarkup looks for.
func markupAt(s string, i int) bool {
	switch c := s[i]; c {
	case '<':
		return isTagStart(s, i)
	case ']':
		return i+1 < len(s) && s[i+1] == '('
	case '`', '~':
		return i+2 < len(s) && s[i+1] == c && s[i+2] == c
	}
	return false
}

// flatten is the last resort for text still changing after maxRounds: it deletes every
// "<", breaks every "](" apart and neutralises fences. The result offers no markup to
// any stage, so it is stable, and it is never longer than s.
func flatten(s string) string {
	s = strings.ReplaceAll(s, "<", "")
	s = strings.ReplaceAll(s, "](", "] ")
	return fences(s)
}

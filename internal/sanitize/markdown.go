package sanitize

import (
	"regexp"
	"strings"
)

// linkPattern matches a Markdown inline image "![alt](dest)" or link "[text](dest)".
// The text may hold one level of brackets and the destination one level of
// parentheses, as CommonMark allows; deeper nesting is reached by the repeated rounds
// of the markup stage, which peel one layer at a time. Reference links ("[text][ref]")
// are not matched.
var linkPattern = regexp.MustCompile(`(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]` +
	`\(((?:[^()\n]|\([^()\n]*\))*)\)`)

// markdown turns Markdown images into their alt text and links into "text (dest)", so
// the agent sees where a link points and a client cannot render a hidden target or load
// an image that carries data out in its address. An image without alt text disappears;
// a link without text becomes its destination, and one without destination its text.
func markdown(s string) string {
	if !strings.Contains(s, "](") {
		return s
	}
	matches := linkPattern.FindAllStringSubmatchIndex(s, -1)
	if matches == nil {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	last := 0
	for _, m := range matches {
		b.WriteString(s[last:m[0]])
		image := m[3] > m[2]
		text, dest := s[m[4]:m[5]], strings.TrimSpace(s[m[6]:m[7]])
		switch {
		case image:
			b.WriteString(text)
		case dest == "":
			b.WriteString(text)
		case text == "":
			b.WriteString(dest)
		default:
			b.WriteString(text)
			b.WriteString(" (")
			b.WriteString(dest)
			b.WriteString(")")
		}
		last = m[1]
	}
	b.WriteString(s[last:])
	return b.String()
}

package sanitize

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// roleWords are the words that make a code fence's info string claim a chat role or an
// authority over the agent's instructions. They are matched as parts of words
// ("systemprompt", "python-tool") and without regard to case.
var roleWords = []string{
	"system", "user", "assistant", "tool", "function", "developer",
	"ignore", "override", "instruction", "prompt", "role",
}

// neutralInfo replaces an info string that names a role.
const neutralInfo = "text"

// hasFence reports whether s has a run of three backticks or tildes.
func hasFence(s string) bool {
	return strings.Contains(s, "```") || strings.Contains(s, "~~~")
}

// fences gives every code fence whose info string names a chat role or an override the
// info string "text", so "```system" cannot pass its content off as a system message.
// Ordinary language tags ("```python", "~~~json") and bare fences stay as they are.
//
// A fence opening is a run of three or more backticks or tildes; its info string is the
// rest of the line, for backticks up to the next backtick (CommonMark allows none in
// it). Fences are recognised anywhere in a line, not only at its start: a model reads
// "Note: ```system" as a fence even where a Markdown renderer would not.
func fences(s string) string {
	if !hasFence(s) {
		return s
	}
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c != '`' && c != '~' {
			i++
			continue
		}
		run := i
		for run < len(s) && s[run] == c {
			run++
		}
		if run-i < 3 {
			i = run
			continue
		}
		end := run
		for end < len(s) && s[end] != '\n' && s[end] != '\r' && (c == '~' || s[end] != '`') {
			end++
		}
		if namesRole(s[run:end]) {
			if last == 0 {
				b.Grow(len(s))
			}
			b.WriteString(s[last:run])
			b.WriteString(neutralInfo)
			last = end
		}
		i = end
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// namesRole reports whether info contains one of the role words, comparing under Unicode
// case folding, so "SYSTEM" counts, and so do spellings with letters that fold to ASCII
// ones, such as "ſystem" with a long s.
func namesRole(info string) bool {
	if len(info) < 4 { // the shortest role word, "user", "tool" or "role"
		return false
	}
	folded := foldString(info)
	for _, w := range roleWords {
		if strings.Contains(folded, w) {
			return true
		}
	}
	return false
}

// foldString maps every rune to one representative of its case-folding orbit, lower
// case for ASCII letters, so that strings equal under case folding become equal.
func foldString(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < utf8.RuneSelf {
			b.WriteRune(unicode.ToLower(r))
			continue
		}
		b.WriteRune(unicode.ToLower(smallestFold(r)))
	}
	return b.String()
}

// smallestFold returns the smallest rune that is equal to r under simple case folding.
func smallestFold(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
}

package zclient

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// maxMessageRunes bounds any upstream text we pass on.
const maxMessageRunes = 200

// redacted is the same marker the audit log uses.
const redacted = sanitize.Redacted

// maxTrackedTokens is how many recent bearer tokens are remembered for scrubbing.
const maxTrackedTokens = 4

// scrubber removes credentials from upstream text before it reaches an error message
// or a log line. API error messages can echo request data, and the SDK's own errors
// quote whole response bodies.
type scrubber struct {
	secrets []string

	mu     sync.Mutex
	tokens []string
}

func newScrubber(cr Credentials) *scrubber {
	s := &scrubber{}
	for _, v := range []string{cr.ClientSecret, cr.ClientID, cr.PrivateKey} {
		if v = strings.TrimSpace(v); len(v) >= 4 {
			s.secrets = append(s.secrets, v)
		}
	}
	return s
}

// noteToken remembers a bearer token seen on an outgoing request.
func (s *scrubber) noteToken(tok string) {
	if len(tok) < 8 {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.tokens {
		if t == tok {
			return
		}
	}
	s.tokens = append(s.tokens, tok)
	if len(s.tokens) > maxTrackedTokens {
		s.tokens = s.tokens[1:]
	}
}

// clean removes secrets from text without shortening it.
func (s *scrubber) clean(text string) string {
	if s == nil {
		return text
	}
	s.mu.Lock()
	known := append(append([]string(nil), s.secrets...), s.tokens...)
	s.mu.Unlock()
	for _, v := range known {
		text = strings.ReplaceAll(text, v, redacted)
	}
	return sanitize.Credentials(text)
}

// message turns upstream text into one scrubbed line of at most maxMessageRunes.
// Scrubbing comes first so that truncation cannot leave half a secret behind.
func (s *scrubber) message(text string) string {
	return truncate(singleLine(s.clean(text)), maxMessageRunes)
}

// singleLine replaces control characters and runs of spaces with single spaces.
func singleLine(text string) string {
	return strings.Join(strings.FieldsFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || unicode.IsControl(r)
	}), " ")
}

func truncate(text string, n int) string {
	if utf8.RuneCountInString(text) <= n {
		return text
	}
	r := []rune(text)
	return string(r[:n-1]) + "…"
}

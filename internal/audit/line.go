package audit

import (
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/zscaler/zscaler-mcp/internal/sanitize"
)

// State tags, padded to the same width so tool names align.
const (
	tagCall = "[TOOL CALL] "
	tagOK   = "[TOOL OK]   "
	tagErr  = "[TOOL ERR]  "
)

// fieldSep separates the fields of a line.
const fieldSep = " | "

// linePool recycles line buffers; lines are short and frequent.
var linePool = sync.Pool{New: func() any { b := make([]byte, 0, 256); return &b }}

// Call logs that tool was invoked with args. Sensitive arguments are redacted (see the
// package documentation); args itself is not modified.
func (l *Logger) Call(tool string, args map[string]any) {
	if !l.enabled.Load() {
		return
	}
	l.writeCall(tool, args)
}

// Entry is one call's place in the log, from [Logger.Begin]: it writes the call's
// OK or ERR line only if its CALL line was written. The zero Entry writes nothing.
type Entry struct {
	l    *Logger
	tool string
}

// Begin decides once, for the whole call, whether it is logged, and if so writes its
// CALL line. Logging turned on or off while the call runs (by a reload, say) then
// leaves no half pair: the call gets both lines or neither.
func (l *Logger) Begin(tool string, args map[string]any) Entry {
	if !l.enabled.Load() {
		return Entry{}
	}
	l.writeCall(tool, args)
	return Entry{l: l, tool: tool}
}

// OK writes the call's OK line, as [Logger.OK] does, if the call is logged.
func (e Entry) OK(elapsed time.Duration, summary string) {
	if e.l != nil {
		e.l.writeOK(e.tool, elapsed, summary)
	}
}

// Err writes the call's ERR line, as [Logger.Err] does, if the call is logged.
func (e Entry) Err(elapsed time.Duration, kind, message string) {
	if e.l != nil {
		e.l.writeErr(e.tool, elapsed, kind, message)
	}
}

func (l *Logger) writeCall(tool string, args map[string]any) {
	secrets := l.secretList()
	l.write(func(b []byte) []byte {
		b = append(b, tagCall...)
		b = append(b, toolName(tool, secrets)...)
		b = append(b, fieldSep+"args: "...)
		start := len(b)
		b = appendArgs(b, args, secrets)
		return capArgs(b, start)
	})
}

// MaxArgsBytes bounds the rendered arguments of a CALL line, so that one huge argument
// cannot produce a line that log shippers and syslog receivers split or drop.
const MaxArgsBytes = 32 << 10

// capArgs cuts the arguments rendered from b[start:] to MaxArgsBytes, on a UTF-8
// boundary, and says how much was left out.
func capArgs(b []byte, start int) []byte {
	n := len(b) - start
	if n <= MaxArgsBytes {
		return b
	}
	end := start + MaxArgsBytes
	for end > start && !utf8.RuneStart(b[end]) {
		end--
	}
	b = b[:end]
	return append(b, "… (truncated: "+strconv.Itoa(n)+" bytes of arguments)"...)
}

// OK logs that tool succeeded after elapsed. summary describes the result without
// containing it: use [Summary] for counts, or a short phrase such as
// "confirmation required (token id abc)". An empty summary is written as "ok".
func (l *Logger) OK(tool string, elapsed time.Duration, summary string) {
	if !l.enabled.Load() {
		return
	}
	l.writeOK(tool, elapsed, summary)
}

func (l *Logger) writeOK(tool string, elapsed time.Duration, summary string) {
	secrets := l.secretList()
	if summary == "" {
		summary = "ok"
	}
	l.write(func(b []byte) []byte {
		b = appendResultHead(b, tagOK, tool, elapsed, secrets)
		return append(b, bound(scrub(oneLine(summary), secrets), maxTextRunes)...)
	})
}

// Err logs that tool failed after elapsed, with the error kind (such as
// "UpstreamUnavailable") and message. The text is cleaned, scrubbed of credentials and
// shortened as the package documentation describes.
func (l *Logger) Err(tool string, elapsed time.Duration, kind, message string) {
	if !l.enabled.Load() {
		return
	}
	l.writeErr(tool, elapsed, kind, message)
}

func (l *Logger) writeErr(tool string, elapsed time.Duration, kind, message string) {
	secrets := l.secretList()
	text := errorText(kind, message, secrets)
	l.write(func(b []byte) []byte {
		b = appendResultHead(b, tagErr, tool, elapsed, secrets)
		return append(b, text...)
	})
}

// ErrorText returns the "Kind: message" text exactly as Err writes it: one line,
// cleaned, scrubbed and bounded. The server sends the agent this same text, so what
// the agent saw and what the audit log proves never differ. It works whether or not
// logging is enabled.
func (l *Logger) ErrorText(kind, message string) string {
	return errorText(kind, message, l.secretList())
}

// Summary describes a result for the OK line: "0 items", "1 item", "15 items", or "ok"
// when items is negative (the result is an object or a scalar).
func Summary(items int) string {
	switch {
	case items < 0:
		return "ok"
	case items == 1:
		return "1 item"
	default:
		return strconv.Itoa(items) + " items"
	}
}

// appendResultHead appends "<tag><tool> | <ms>ms | ".
func appendResultHead(b []byte, tag, tool string, elapsed time.Duration,
	secrets []string) []byte {
	b = append(b, tag...)
	b = append(b, toolName(tool, secrets)...)
	b = append(b, fieldSep...)
	b = strconv.AppendInt(b, max(elapsed.Milliseconds(), 0), 10)
	return append(b, "ms"+fieldSep...)
}

// Scrub returns s with every registered secret and every delete confirmation token
// replaced by Redacted, as the lines themselves do. It is for text the caller
// reshapes or cuts before logging it, such as a tool name chosen by a client: scrubbed
// first, a cut cannot leave part of a secret behind. A secret or token split by
// invisible characters is found too, and the text then loses those characters.
func (l *Logger) Scrub(s string) string {
	secrets := l.secretList()
	s = sanitize.ConfirmationTokens(scrub(s, secrets))
	if visible := sanitize.Invisible(s); visible != s {
		if cleaned := scrub(visible, secrets); cleaned != visible {
			return cleaned
		}
	}
	return s
}

// Secrets returns the spellings of the registered secrets, longest first, for output
// other than audit lines that must not carry them either (see sanitize.RedactSecrets).
// The slice is shared: never modify it, and never log it.
func (l *Logger) Secrets() []string { return l.secretList() }

// toolName renders a tool name on one line, scrubbed and bounded like the other texts.
func toolName(tool string, secrets []string) string {
	return bound(scrub(oneLine(tool), secrets), maxTextRunes)
}

// write builds a line in a pooled buffer, terminates it and hands it to emit.
func (l *Logger) write(build func([]byte) []byte) {
	bp := linePool.Get().(*[]byte)
	b := append(build((*bp)[:0]), '\n')
	l.emit(b)
	if cap(b) <= maxKeptScratch {
		*bp = b[:0]
		linePool.Put(bp)
	}
}

package audit

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// timestampLayout is RFC 3339 with milliseconds. Times are converted to UTC first, so
// the zone always prints as "Z" and every prefix has the same width.
const timestampLayout = "2006-01-02T15:04:05.000Z07:00"

// maxKeptScratch caps the buffer a Logger keeps between lines, so one huge line does
// not pin its memory for the life of the process.
const maxKeptScratch = 64 << 10

// Logger writes audit lines. The zero value is not usable; create one with [New] or
// [OpenFile].
type Logger struct {
	enabled   atomic.Bool
	writeErrs atomic.Uint64
	secrets   atomic.Pointer[[]string] // longest first; replaced copy-on-write

	mu      sync.Mutex // guards everything below and serialises writes
	w       io.Writer
	file    *os.File // set when the Logger opened its destination itself
	path    string   // file path for Reopen
	clock   func() time.Time
	scratch []byte
	closed  bool
	onError func(error)
}

// Option configures a Logger.
type Option func(*Logger)

// WithWriteErrorHandler calls fn on the first failed write, so the server can say
// loudly that its audit trail is incomplete (a full disk, a closed pipe). Later
// failures are only counted; see [Logger.WriteErrors].
func WithWriteErrorHandler(fn func(error)) Option {
	return func(l *Logger) { l.onError = fn }
}

// WithTimestamps prefixes every line with the time given by clock, in UTC, formatted
// as RFC 3339 with milliseconds ("2025-03-05T06:07:08.123Z"), and a space. A nil clock
// means time.Now. Use it when lines go to a file; on stderr the surrounding log
// infrastructure usually stamps lines already.
func WithTimestamps(clock func() time.Time) Option {
	if clock == nil {
		clock = time.Now
	}
	return func(l *Logger) { l.clock = clock }
}

// New returns an enabled Logger writing to w; a nil w means os.Stderr. Never pass
// standard output in stdio mode, where stdout carries the protocol.
func New(w io.Writer, opts ...Option) *Logger {
	if w == nil {
		w = os.Stderr
	}
	l := &Logger{w: w}
	l.enabled.Store(true)
	for _, opt := range opts {
		opt(l)
	}
	return l
}

// OpenFile returns an enabled Logger appending to the file at path, with timestamps
// (options given here are applied after that default, so a WithTimestamps here sets the
// clock). A new file is created with mode 0600 because argument values can be
// sensitive even after redaction. An existing file keeps its mode: the operator may
// have chosen it for a log shipper, and silently changing it would be a surprise; the
// caller may check the mode and warn. [Logger.Close] closes the file.
func OpenFile(path string, opts ...Option) (*Logger, error) {
	f, err := openAppend(path)
	if err != nil {
		return nil, err
	}
	l := New(f, append([]Option{WithTimestamps(time.Now)}, opts...)...)
	l.file, l.path = f, path
	return l, nil
}

func openAppend(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open audit log: %w", err)
	}
	return f, nil
}

// SetEnabled turns logging on or off. It takes effect for the next call and is safe to
// use while other goroutines log, e.g. from a configuration reload.
func (l *Logger) SetEnabled(on bool) { l.enabled.Store(on) }

// Enabled reports whether lines are currently written.
func (l *Logger) Enabled() bool { return l.enabled.Load() }

// WriteErrors returns how many lines could not be written completely.
func (l *Logger) WriteErrors() uint64 { return l.writeErrs.Load() }

// AddSecret registers a value that must never appear in a line, such as the configured
// client secret. Every occurrence in arguments, summaries and error text is replaced by
// [Redacted]. Empty strings are ignored. Register secrets at startup: lines already
// written are not revisited.
func (l *Logger) AddSecret(s string) {
	if len(s) < minSecretLen {
		return
	}
	for {
		old := l.secrets.Load()
		var next []string
		if old != nil {
			next = append(next, *old...)
		}
		for _, form := range secretForms(s) {
			next = insertByLength(next, form)
		}
		if l.secrets.CompareAndSwap(old, &next) {
			return
		}
	}
}

// minSecretLen is the shortest value worth scrubbing; shorter ones would blank out
// ordinary words rather than protect anything.
const minSecretLen = 4

// secretForms returns s and the spellings it takes once escaped on its way into a
// message: in a URL path or query, and inside a JSON or Go quoted string.
func secretForms(s string) []string {
	forms := []string{s}
	quoted, _ := json.Marshal(s)
	for _, f := range []string{url.PathEscape(s), url.QueryEscape(s),
		string(quoted[1 : len(quoted)-1]), strings.Trim(strconv.Quote(s), `"`)} {
		if f != s && !slices.Contains(forms, f) {
			forms = append(forms, f)
		}
	}
	return forms
}

// insertByLength adds s to list, kept longest first so a secret that contains another
// is replaced whole; duplicates are skipped.
func insertByLength(list []string, s string) []string {
	for i, have := range list {
		if have == s {
			return list
		}
		if len(s) > len(have) {
			return slices.Insert(list, i, s)
		}
	}
	return append(list, s)
}

func (l *Logger) secretList() []string {
	if p := l.secrets.Load(); p != nil {
		return *p
	}
	return nil
}

// SetWriter sends later lines to w. If the Logger opened its current destination
// itself, that file is closed (a close error counts as a write error) and Reopen no
// longer applies.
func (l *Logger) SetWriter(w io.Writer) {
	if w == nil {
		w = os.Stderr
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.file != nil && l.file.Close() != nil {
		l.writeErrs.Add(1)
	}
	l.w, l.file, l.path = w, nil, ""
}

// SetDestination sends later lines to the file at path, appended and timestamped as
// with [OpenFile], or, when path is "", to w without timestamps, as with [New]. The
// new file is opened before anything changes, so on error the Logger goes on as
// before; on success a file the Logger opened earlier is closed. A configuration
// reload uses it when the audit file setting changes.
func (l *Logger) SetDestination(path string, w io.Writer) error {
	var f *os.File
	if path != "" {
		var err error
		if f, err = openAppend(path); err != nil {
			return err
		}
	} else if w == nil {
		w = os.Stderr
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		if f != nil {
			_ = f.Close()
		}
		return errors.New("set audit log destination: logger is closed")
	}
	if l.file != nil && l.file.Close() != nil {
		l.writeErrs.Add(1)
	}
	if f != nil {
		l.w, l.file, l.path, l.clock = f, f, path, time.Now
	} else {
		l.w, l.file, l.path, l.clock = w, nil, "", nil
	}
	return nil
}

// Reopen closes and reopens the file given to OpenFile, for use after an external tool
// has rotated it. Lines logged meanwhile wait for the mutex and go to the new file.
func (l *Logger) Reopen() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return errors.New("reopen audit log: logger is closed")
	}
	if l.path == "" {
		return errors.New("reopen audit log: logger does not write to a file it opened")
	}
	f, err := openAppend(l.path)
	if err != nil {
		return err
	}
	old := l.file
	l.w, l.file = f, f
	if err := old.Close(); err != nil {
		return fmt.Errorf("close rotated audit log: %w", err)
	}
	return nil
}

// Close stops the Logger: later lines are discarded. If it opened a file, the file is
// closed and its error returned. Calling Close again is harmless.
func (l *Logger) Close() error {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return nil
	}
	l.closed = true
	if l.file == nil {
		return nil
	}
	f := l.file
	l.file, l.w = nil, io.Discard
	if err := f.Close(); err != nil {
		return fmt.Errorf("close audit log: %w", err)
	}
	return nil
}

// emit writes one finished line, adding the timestamp under the lock so stamps in a
// file never go backwards.
func (l *Logger) emit(line []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return
	}
	out := line
	if l.clock != nil {
		l.scratch = l.clock().UTC().AppendFormat(l.scratch[:0], timestampLayout)
		l.scratch = append(l.scratch, ' ')
		l.scratch = append(l.scratch, line...)
		out = l.scratch
	}
	if n, err := l.w.Write(out); err != nil || n != len(out) {
		if l.writeErrs.Add(1) == 1 && l.onError != nil {
			if err == nil {
				err = io.ErrShortWrite
			}
			l.onError(err)
		}
	}
	if cap(l.scratch) > maxKeptScratch {
		l.scratch = nil
	}
}

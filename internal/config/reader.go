package config

import (
	"strconv"
	"strings"
	"time"
)

// reader reads typed settings from a Source and keeps the first error, so Load can read
// every field in a straight line and report one clear problem.
type reader struct {
	src Source
	err error
}

func (r *reader) fail(e *Error) {
	if r.err == nil {
		r.err = e
	}
}

func (r *reader) raw(name string) (string, bool) {
	v, ok := r.src(name)
	if !ok {
		return "", false
	}
	return strings.TrimSpace(v), true
}

func (r *reader) str(name, def string) string {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return def
	}
	return v
}

func (r *reader) boolean(name string) bool {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return false
	}
	b, err := ParseBool(v)
	if err != nil {
		r.fail(&Error{Setting: name, Value: v, Reason: "not a boolean; use true/false, 1/0, yes/no or on/off"})
	}
	return b
}

func (r *reader) port(name string, def int) int {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > 65535 {
		r.fail(&Error{Setting: name, Value: v, Reason: "not a port; use a whole number from 1 to 65535"})
		return def
	}
	return n
}

// maxDuration bounds duration settings; anything longer is a typo, not a wish.
const maxDuration = 24 * time.Hour

func (r *reader) duration(name string, def time.Duration) time.Duration {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return def
	}
	secs, err := strconv.ParseFloat(v, 64)
	if err == nil && secs >= 0 && secs <= maxDuration.Seconds() {
		return time.Duration(secs * float64(time.Second))
	}
	d, err := time.ParseDuration(v)
	if err != nil || d < 0 || d > maxDuration {
		r.fail(&Error{Setting: name, Value: v, Reason: "not a duration up to 24h; use seconds (10) or a Go duration (10s, 1m)"})
		return def
	}
	return d
}

// list splits a comma-separated setting, trimming spaces and dropping empty entries.
// Service and toolset ids are compared case-insensitively, so they are lower-cased;
// tool-name patterns keep their case.
func (r *reader) list(name string, lower bool) []string {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return nil
	}
	var out []string
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		if lower {
			part = strings.ToLower(part)
		}
		out = append(out, part)
	}
	return out
}

// positive reads a whole number above zero.
func (r *reader) positive(name string, def int) int {
	v, ok := r.raw(name)
	if !ok || v == "" {
		return def
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		r.fail(&Error{Setting: name, Value: v, Reason: "not a whole number above zero"})
		return def
	}
	return n
}

package config

import "strconv"

// Tool result settings.
const (
	EnvMaxResultBytes = "ZSCALER_MCP_MAX_RESULT_BYTES"

	// DefaultMaxResultBytes bounds a tool result's JSON text: about 50,000 tokens,
	// a large share of an agent's context but not all of it.
	DefaultMaxResultBytes = 200_000
	// MinMaxResultBytes is the smallest bound accepted other than 0: below it, the
	// note that says what was cut would leave little room for the result itself.
	MinMaxResultBytes = 4096
	// maxMaxResultBytes rejects bounds so large they can only be typos.
	maxMaxResultBytes = 1 << 30
)

// maxResultBytes reads the result size bound: 0 turns it off, anything else must be
// from MinMaxResultBytes to 1 GiB.
func (r *reader) maxResultBytes() int {
	v, ok := r.raw(EnvMaxResultBytes)
	if !ok || v == "" {
		return DefaultMaxResultBytes
	}
	n, err := strconv.Atoi(v)
	reason := ""
	switch {
	case err != nil:
		reason = "not a size"
	case n != 0 && n < MinMaxResultBytes:
		reason = "below the smallest limit"
	case n > maxMaxResultBytes:
		reason = "above the largest limit"
	}
	if reason != "" {
		r.fail(&Error{Setting: EnvMaxResultBytes, Value: v,
			Reason: reason + "; use a whole number of bytes from 4096 to 1073741824, " +
				"or 0 for no limit"})
		return DefaultMaxResultBytes
	}
	return n
}

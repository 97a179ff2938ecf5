package zclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/url"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// request is one raw API request made through the SDK.
type request struct {
	what     call
	method   string
	endpoint string // SDK endpoint, e.g. /zia/api/v1/locations
	query    url.Values
	body     []byte
	readOnly bool
}

// do runs req through the SDK client's ExecuteRequest, so the SDK keeps owning
// tokens, base URLs, SESSION_NOT_VALID re-authentication and edit-lock retries, and
// returns the raw reply body.
func (c *Client) do(ctx context.Context, req request) ([]byte, error) {
	s, err := c.session(ctx)
	if err != nil {
		return nil, err
	}
	callCtx, cancel := context.WithTimeoutCause(ctx, c.opts.RetryBudget, errBudget)
	defer cancel()
	if req.readOnly {
		callCtx = MarkReadOnly(callCtx)
	}
	var body io.Reader
	if req.body != nil {
		body = bytes.NewReader(req.body)
	}
	seq := s.tr.tokenFailures()
	raw, resp, _, err := s.svc.Client.ExecuteRequest(callCtx, req.method, req.endpoint, body,
		req.query, "application/json")
	if err != nil {
		return nil, classify(ctx, callCtx, s, seq, req.what, resp, err, c.log)
	}
	return raw, nil
}

// checkPath refuses paths that would change the request beyond the object named:
// a query or fragment smuggled into an id, dot segments, or control characters.
func checkPath(path string) error {
	bad := !strings.HasPrefix(path, "/") || strings.ContainsAny(path, "?#\\") ||
		strings.ContainsFunc(path, func(r rune) bool { return r <= ' ' || r == 0x7f })
	for _, seg := range strings.Split(path, "/") {
		if seg == "." || seg == ".." {
			bad = true
		}
	}
	if bad {
		return toolerr.New(toolerr.InvalidArgument,
			"invalid API path %q: ids may not contain '?', '#', '\\', spaces or dot segments",
			truncate(singleLine(path), 80))
	}
	return nil
}

// decodeJSON decodes a whole reply, keeping numbers as json.Number so that 64-bit ids
// stay exact. An empty reply decodes to nil.
func decodeJSON(raw []byte) (any, error) {
	if len(bytes.TrimSpace(raw)) == 0 {
		return nil, nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("trailing data after the JSON value")
	}
	return v, nil
}

func malformed(what call, err error) *toolerr.Error {
	return toolerr.Wrap(toolerr.UpstreamUnavailable, err, "%s returned a reply that is not valid JSON",
		what)
}

package zclient

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"

	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/errorx"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// errBudget is the cause recorded when a call outlives RetryBudget.
var errBudget = errors.New("retry budget exhausted")

// contextError classifies the end of a caller's context.
func contextError(err error) *toolerr.Error {
	if errors.Is(err, context.DeadlineExceeded) {
		return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
			"the call's deadline passed before the Zscaler API replied")
	}
	return toolerr.Wrap(toolerr.Cancelled, err, "the call was cancelled")
}

// call describes one API request for error messages.
type call struct {
	service string // "ZIA" or "ZMS"
	path    string // path as the tool gave it, without query
}

func (c call) String() string {
	if c.path == "" {
		return c.service
	}
	return c.service + " " + c.path
}

// classify turns an ExecuteRequest error into a toolerr. Errors from our transport
// pass through; the SDK's ErrorResponse, whose text quotes whole bodies, is rebuilt
// from status, code and message only.
func classify(parent, ctx context.Context, s *session, tokenSeq uint64, what call,
	resp *http.Response, err error, log *slog.Logger) *toolerr.Error {
	if perr := parent.Err(); perr != nil {
		return contextError(perr)
	}
	if errors.Is(context.Cause(ctx), errBudget) {
		return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
			"%s gave no complete reply within the retry budget", what)
	}
	var te *toolerr.Error
	if errors.As(err, &te) {
		return withCall(what, te)
	}
	if te := s.tr.tokenFailureSince(tokenSeq); te != nil {
		return withCall(what, te)
	}
	var er *errorx.ErrorResponse
	if errors.As(err, &er) {
		status := 0
		if er.Response != nil {
			status = er.Response.StatusCode
		}
		if er.Parsed != nil && status == 0 {
			status = er.Parsed.Status
		}
		return fromHTTP(what, status, []byte(er.Message), s.scrub)
	}
	if resp != nil && resp.StatusCode >= 300 {
		var body []byte
		if resp.Body != nil {
			body, _ = io.ReadAll(io.LimitReader(resp.Body, 1<<20))
		}
		return fromHTTP(what, resp.StatusCode, body, s.scrub)
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
			"timeout reading the reply from %s", what)
	}
	return unexpected(what, err, s.scrub, log)
}

// withCall prefixes a transport error with the call it ended, leaving the original
// (which may be shared as the recorded token failure) untouched.
func withCall(what call, te *toolerr.Error) *toolerr.Error {
	return &toolerr.Error{Kind: te.Kind, Message: what.String() + ": " + te.Message,
		RetryAfter: te.RetryAfter, Err: te}
}

// tokenError classifies a failure of the SDK's own token fetch, using what our
// transport recorded since the SDK formats the cause away.
func tokenError(tr *retryTransport, seq uint64, err error, sc *scrubber,
	log *slog.Logger) *toolerr.Error {
	if te := tr.tokenFailureSince(seq); te != nil {
		return te
	}
	var te *toolerr.Error
	if errors.As(err, &te) {
		return te
	}
	log.Warn("obtaining a OneAPI token failed", "error", sc.clean(err.Error()))
	return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
		"could not obtain a OneAPI token (the token endpoint's reply was unusable); "+
			"see the server log")
}

// unexpected covers SDK errors with no status, logging their scrubbed text.
func unexpected(what call, err error, sc *scrubber, log *slog.Logger) *toolerr.Error {
	log.Warn("Zscaler API call failed", "call", what.String(), "error", sc.clean(err.Error()))
	msg := err.Error()
	if strings.Contains(msg, "Failed to sign in") || strings.Contains(msg, "auth error") ||
		strings.Contains(msg, "token refresh failed") {
		return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
			"could not obtain a OneAPI token for %s; see the server log", what)
	}
	return toolerr.Wrap(toolerr.UpstreamUnavailable, err,
		"%s failed without a usable reply; see the server log", what)
}

// apiError is the body shape of ZIA (and gateway) errors.
type apiError struct {
	Code    string
	Message string
	ID      string
}

// parseAPIError reads code, message and id from a JSON error body. It never returns
// the body itself.
func parseAPIError(body []byte) apiError {
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	if dec.Decode(&m) != nil {
		return apiError{}
	}
	str := func(k string) string {
		switch v := m[k].(type) {
		case string:
			return v
		case json.Number:
			return v.String()
		}
		return ""
	}
	return apiError{Code: str("code"), Message: str("message"), ID: str("id")}
}

// fromHTTP maps a failed status to a kind and a short message of our own, adding the
// API's code and scrubbed message where they help.
func fromHTTP(what call, status int, body []byte, sc *scrubber) *toolerr.Error {
	te := fromStatus(what, status, body, sc)
	if what.service == "ZMS" {
		if gql := graphQLHTTPError(what, te, body, sc); gql != nil {
			return gql
		}
	}
	return te
}

func fromStatus(what call, status int, body []byte, sc *scrubber) *toolerr.Error {
	ae := parseAPIError(body)
	code := sc.message(ae.Code)
	detail := ""
	if code != "" {
		detail = " (" + code + ")"
	}
	if msg := sc.message(ae.Message); msg != "" {
		detail += ": " + msg
	}
	cause := fmt.Errorf("HTTP %d %s", status, code)
	e := func(kind toolerr.Kind, format string, args ...any) *toolerr.Error {
		return toolerr.Wrap(kind, cause, format, args...)
	}
	editLock := bytes.Contains(body, []byte("EDIT_LOCK_NOT_AVAILABLE")) ||
		bytes.Contains(body, []byte("Org barrier")) ||
		bytes.Contains(body, []byte("Resource Access Blocked"))
	switch {
	case status == http.StatusNotFound || ae.ID == "resource.not.found":
		return e(toolerr.NotFound, "%s not found: check the id", what)
	case status == http.StatusBadRequest:
		return e(toolerr.InvalidArgument, "%s rejected the request%s", what, detail)
	case status == http.StatusUnauthorized:
		if bytes.Contains(body, []byte("SESSION_NOT_VALID")) {
			return e(toolerr.PermissionDenied,
				"%s kept rejecting fresh OneAPI tokens (SESSION_NOT_VALID); retry later", what)
		}
		return e(toolerr.PermissionDenied,
			"%s rejected the OneAPI token (HTTP 401); check that the API client may use %s",
			what, what.service)
	case status == http.StatusForbidden:
		return forbidden(what, ae.Code, detail, e)
	case (status == http.StatusConflict || status == http.StatusPreconditionFailed) && editLock:
		return e(toolerr.UpstreamUnavailable,
			"%s: the tenant configuration is locked by another change; retry shortly", what)
	case status == http.StatusConflict && ae.Code == "DUPLICATE_ITEM":
		return e(toolerr.InvalidArgument, "%s: an object with the same name or value exists%s",
			what, detail)
	case status == http.StatusRequestURITooLong ||
		status == http.StatusRequestHeaderFieldsTooLarge:
		return e(toolerr.InvalidArgument, "%s refused the request as too long (HTTP %d): "+
			"shorten the filter arguments (search, name and the like), or pass fewer of "+
			"them and narrow the result with query", what, status)
	case status == http.StatusTooManyRequests:
		return e(toolerr.RateLimited, "%s rate limit was reached (HTTP 429)", what)
	case status >= 500:
		return e(toolerr.UpstreamUnavailable, "%s returned HTTP %d", what, status)
	case status >= 400:
		return e(toolerr.InvalidArgument, "%s rejected the request with HTTP %d%s",
			what, status, detail)
	}
	return e(toolerr.UpstreamUnavailable, "%s gave an unexpected HTTP %d", what, status)
}

// forbidden maps a 403. LIMIT_EXCEEDED (a tenant capacity such as 100 static IPs) is
// PermissionDenied: changing the arguments would not help, raising the limit would.
func forbidden(what call, code, detail string,
	e func(toolerr.Kind, string, ...any) *toolerr.Error) *toolerr.Error {
	switch code {
	case "NOT_SUBSCRIBED":
		return e(toolerr.PermissionDenied,
			"%s: the tenant is not subscribed to this feature (NOT_SUBSCRIBED)", what)
	case "SCOPE_LIMITED":
		return e(toolerr.PermissionDenied,
			"%s: the API client's admin scope does not cover this (SCOPE_LIMITED)", what)
	case "LIMIT_EXCEEDED":
		return e(toolerr.PermissionDenied, "%s: a tenant limit was reached%s", what, detail)
	}
	return e(toolerr.PermissionDenied,
		"%s: access denied%s; check the API client's role and scope", what, detail)
}

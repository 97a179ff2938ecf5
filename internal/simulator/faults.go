package simulator

import (
	"encoding/json"
	"net/http"
	"strings"
	"time"
)

// Fault is an injected misbehaviour. A request matches when Method (if set), the URL
// path prefix Path (if set) and the GraphQL Operation (if set) all match. The first
// matching fault applies.
type Fault struct {
	// Method matches the HTTP method; "" matches any.
	Method string
	// Path is a prefix of the URL path, e.g. "/zia/api/v1/locations", "/zms/graphql" or
	// "/oauth2/v1/token"; "" matches any.
	Path string
	// Operation is the GraphQL operationName to match; "" matches any.
	Operation string
	// Times is how many matching requests the fault applies to; 0 means until removed.
	Times int
	// Status is the HTTP status to answer. Zero with only Latency set delays the request
	// and then serves it normally.
	Status int
	// RetryAfter is the Retry-After header value; a 429 without one gets "1".
	RetryAfter string
	// Body is the raw body to answer; empty means the realistic default for Status.
	Body string
	// Latency delays the answer, honouring request cancellation.
	Latency time.Duration
	// Malformed answers 200 with a truncated JSON body.
	Malformed bool
	// GraphQLErrors answers 200 with this "errors" array and PartialData as "data".
	GraphQLErrors []map[string]any
	PartialData   map[string]any
}

type faultEntry struct {
	Fault
	id   int
	used int
}

// answers reports whether the fault replaces the real answer (rather than only
// delaying it).
func (f *faultEntry) answers() bool {
	return f.Status != 0 || f.Malformed || f.GraphQLErrors != nil || f.Body != ""
}

// InjectFault adds f and returns a function that removes it.
func (t *Tenant) InjectFault(f Fault) (remove func()) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.faultSeq++
	e := &faultEntry{Fault: f, id: t.faultSeq}
	t.faults = append(t.faults, e)
	return func() {
		t.mu.Lock()
		defer t.mu.Unlock()
		for i, x := range t.faults {
			if x.id == e.id {
				t.faults = append(t.faults[:i], t.faults[i+1:]...)
				return
			}
		}
	}
}

// matchFault finds the fault for a request and counts its use.
func (t *Tenant) matchFault(method, path, op string) *faultEntry {
	t.mu.Lock()
	defer t.mu.Unlock()
	for i, f := range t.faults {
		if f.Method != "" && !strings.EqualFold(f.Method, method) {
			continue
		}
		if f.Path != "" && !strings.HasPrefix(path, f.Path) {
			continue
		}
		if f.Operation != "" && f.Operation != op {
			continue
		}
		f.used++
		if f.Times > 0 && f.used >= f.Times {
			t.faults = append(t.faults[:i], t.faults[i+1:]...)
		}
		cp := *f
		return &cp
	}
	return nil
}

// writeFault answers with the fault f in the content type of the service svc: GraphQL
// errors, a truncated body, or a status with either the given body or the one the real
// service sends with that status. A 429 without a Retry-After gets one of a second, so
// that a client's retry loop has a delay to honour.
func (t *Tenant) writeFault(w http.ResponseWriter, svc service, f *faultEntry) {
	ct := ctJSON
	switch svc {
	case svcZMS:
		ct = ctGraphQL
	case svcToken:
		ct = ctToken
	}
	switch {
	case f.GraphQLErrors != nil:
		body := map[string]any{"errors": f.GraphQLErrors, "data": nil}
		if f.PartialData != nil {
			body["data"] = f.PartialData
		}
		writeJSON(w, http.StatusOK, ct, body)
		return
	case f.Malformed:
		w.Header().Set("Content-Type", ct)
		w.WriteHeader(http.StatusOK)
		_, _ = w.Write([]byte(`[{"id":12345,"name":"trunc`))
		return
	}
	status := f.Status
	if status == 0 {
		status = http.StatusOK
	}
	retryAfter := f.RetryAfter
	if retryAfter == "" && status == http.StatusTooManyRequests {
		retryAfter = "1"
	}
	if retryAfter != "" {
		w.Header().Set("Retry-After", retryAfter)
	}
	body := f.Body
	if body == "" {
		body = defaultFaultBody(svc, status, retryAfter)
	}
	if body == "" {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", ct)
	w.WriteHeader(status)
	_, _ = w.Write([]byte(body))
}

// defaultFaultBody is the body the real services send with status.
func defaultFaultBody(svc service, status int, retryAfter string) string {
	var v any
	switch status {
	case http.StatusTooManyRequests:
		if retryAfter == "" {
			retryAfter = "1"
		}
		v = map[string]any{"message": "Rate Limit (1/SECOND) exceeded",
			"Retry-After": retryAfter + " seconds"}
	case http.StatusUnauthorized:
		if svc == svcToken {
			v = oauthError("invalid_client", "The client credentials are invalid.")
		} else {
			v = sessionNotValidBody()
		}
	case http.StatusForbidden:
		v = map[string]any{"code": "LIMIT_EXCEEDED",
			"message": "Maximum 100 static IPs are allowed. Limit has exceeded."}
	case http.StatusConflict:
		v = map[string]any{"code": "EDIT_LOCK_NOT_AVAILABLE",
			"message": "Edit lock is not available. Please try again later."}
	case http.StatusBadRequest:
		v = map[string]any{"code": "INVALID_INPUT_ARGUMENT", "message": "Invalid input argument"}
	case http.StatusNotFound:
		v = map[string]any{"code": "RESOURCE_NOT_FOUND", "message": "Resource not found"}
	case http.StatusServiceUnavailable:
		v = map[string]any{"code": "SERVICE_UNAVAILABLE",
			"message": "The service is temporarily unavailable"}
	default:
		if status >= 500 {
			v = map[string]any{"code": "UNEXPECTED_ERROR",
				"message": "An unexpected error has occurred, please contact Zscaler's support"}
		}
	}
	if v == nil {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

package simulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// Content types. ZIA sends application/json without a charset (the SDK's Create only
// decodes that exact value); ZMS and the token endpoint add one.
const (
	ctJSON    = "application/json"
	ctGraphQL = "application/json; charset=utf-8"
)

// rateWindow counts requests in the current window of one service so that the
// x-ratelimit-* headers look alive. Nothing is enforced; 429s come from InjectFault.
type rateWindow struct {
	start time.Time
	count int
}

type rateSpec struct {
	key    string
	limit  int
	window time.Duration
	header string
}

func rateFor(svc service) rateSpec {
	switch svc {
	case svcToken:
		return rateSpec{"token", 500, time.Second, "500, 500;w=1, 100000;w=60"}
	case svcZMS:
		return rateSpec{"zms", 1000, time.Second, "1000, 1000;w=1"}
	default:
		return rateSpec{"zia", 5000, time.Minute, "5000, 5000;w=60"}
	}
}

// commonHeaders sets the headers every OneAPI response carries.
func (t *Tenant) commonHeaders(w http.ResponseWriter, svc service) {
	spec := rateFor(svc)
	now := t.now()
	t.mu.Lock()
	t.reqSeq++
	seq := t.reqSeq
	win := t.rate[spec.key]
	if win == nil || now.Sub(win.start) >= spec.window || now.Before(win.start) {
		win = &rateWindow{start: now}
		t.rate[spec.key] = win
	}
	win.count++
	remaining := max(spec.limit-win.count, 0)
	reset := int((spec.window - now.Sub(win.start)).Seconds())
	t.mu.Unlock()

	h := w.Header()
	h.Set("x-ratelimit-limit", spec.header)
	h.Set("x-ratelimit-remaining", strconv.Itoa(remaining))
	h.Set("x-ratelimit-reset", strconv.Itoa(max(reset, 0)))
	h.Set("x-oneapi-request-id", fmt.Sprintf("5e1a0000-0000-4000-8000-%012x", seq))
	h.Set("x-transaction-id", fmt.Sprintf("7a2b0000-0000-4000-9000-%012x", seq))
	h.Set("Server", "Zscaler")
}

// writeJSON writes v with the given status and content type.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	b, err := marshalJSON(v)
	if err != nil {
		status = http.StatusInternalServerError
		b = []byte(`{"code":"UNEXPECTED_ERROR","message":"encoding failed"}`)
	}
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// marshalJSON encodes v without escaping <, > and &, as the real services do; stored
// text reaches clients byte for byte.
func marshalJSON(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

package zclient

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

const (
	testClientID = "client-abc-123"
	testSecret   = "s3cret-Value-XYZ"
	testToken    = "tok-0123456789abcdef"
	testCustomer = "72058304855015424"
	tokenHost    = "demo.zsloginbeta.net"
	apiHost      = "api.beta.zsapi.net"
)

func testCreds() Credentials {
	return Credentials{ClientID: testClientID, ClientSecret: testSecret, VanityDomain: "demo",
		Cloud: "beta", CustomerID: testCustomer}
}

// fakeTenant answers the token endpoint and the API gateway on one loopback server.
type fakeTenant struct {
	t          *testing.T
	srv        *httptest.Server
	tokenCalls atomic.Int32
	apiCalls   atomic.Int32

	mu     sync.Mutex
	routes map[string]http.HandlerFunc
	token  http.HandlerFunc
	forms  []map[string][]string
	agents []string
}

func newFake(t *testing.T) *fakeTenant {
	f := &fakeTenant{t: t, routes: map[string]http.HandlerFunc{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.srv.Close)
	return f
}

// handle routes an API path (with its /zia/api/v1 or /zms prefix) to h.
func (f *fakeTenant) handle(path string, h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.routes[path] = h
}

// handleToken replaces the default token endpoint.
func (f *fakeTenant) handleToken(h http.HandlerFunc) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.token = h
}

func (f *fakeTenant) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == tokenPath {
		f.tokenCalls.Add(1)
		if got := r.Header.Get("X-Original-Host"); got != tokenHost {
			http.Error(w, "wrong host "+got, http.StatusBadGateway)
			return
		}
		_ = r.ParseForm()
		f.mu.Lock()
		f.forms = append(f.forms, r.PostForm)
		h := f.token
		f.mu.Unlock()
		if h != nil {
			h(w, r)
			return
		}
		okSecret := r.PostForm.Get("client_secret") == testSecret
		okJWT := r.PostForm.Get("client_assertion") != ""
		if r.PostForm.Get("client_id") != testClientID || (!okSecret && !okJWT) {
			writeJSON(w, http.StatusUnauthorized, `{"error":"invalid_client"}`)
			return
		}
		writeJSON(w, http.StatusOK,
			`{"access_token":"`+testToken+`","token_type":"Bearer","expires_in":3600}`)
		return
	}
	f.apiCalls.Add(1)
	if got := r.Header.Get("X-Original-Host"); got != apiHost {
		http.Error(w, "wrong host "+got, http.StatusBadGateway)
		return
	}
	if r.Header.Get("Authorization") != "Bearer "+testToken {
		writeJSON(w, http.StatusUnauthorized, `{"detail":"unauthorized","type":"","title":""}`)
		return
	}
	f.mu.Lock()
	f.agents = append(f.agents, r.Header.Get("User-Agent"))
	h := f.routes[r.URL.Path]
	f.mu.Unlock()
	if h == nil {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	h(w, r)
}

// transport sends the SDK's https URLs for the two tenant hosts to the fake.
func (f *fakeTenant) transport() http.RoundTripper {
	base := &http.Transport{}
	f.t.Cleanup(base.CloseIdleConnections)
	return &rewriteTransport{target: strings.TrimPrefix(f.srv.URL, "http://"), base: base}
}

type rewriteTransport struct {
	target string
	base   http.RoundTripper
}

func (rt *rewriteTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.URL.Host != tokenHost && req.URL.Host != apiHost {
		return nil, fmt.Errorf("unexpected host %s", req.URL.Host)
	}
	r := req.Clone(req.Context())
	r.URL.Scheme = "http"
	r.URL.Host = rt.target
	r.Host = ""
	r.Header.Set("X-Original-Host", req.URL.Host)
	return rt.base.RoundTrip(r)
}

func writeJSON(w http.ResponseWriter, status int, body string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// reply answers every request with the same status and body.
func reply(status int, body string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) { writeJSON(w, status, body) }
}

// sequence answers the n-th request with steps[n], repeating the last step, and
// counts requests.
type sequence struct {
	calls atomic.Int32
	steps []http.HandlerFunc
}

func (s *sequence) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	n := int(s.calls.Add(1)) - 1
	s.steps[min(n, len(s.steps)-1)](w, r)
}

func steps(h ...http.HandlerFunc) *sequence { return &sequence{steps: h} }

func tooMany(retryAfter string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Retry-After", retryAfter)
		writeJSON(w, http.StatusTooManyRequests,
			`{"message":"Rate Limit (1/SECOND) exceeded","Retry-After":"`+retryAfter+` seconds"}`)
	}
}

// syncBuffer collects log output from concurrent writers.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// clearEnv unsets the variables the SDK reads on its own, restoring them afterwards.
func clearEnv(t *testing.T) {
	t.Helper()
	for _, kv := range os.Environ() {
		k, v, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "ZSCALER_") || strings.HasPrefix(k, "ZPA_") {
			t.Setenv(k, v)
			require.NoError(t, os.Unsetenv(k))
		}
	}
}

type testClient struct {
	*Client
	logs *syncBuffer
}

// newTestClient returns a client for the fake with short bounds; mod may adjust
// the options.
func newTestClient(t *testing.T, f *fakeTenant, mod func(*Options)) testClient {
	t.Helper()
	clearEnv(t)
	logs := &syncBuffer{}
	opts := Options{
		Credentials:    testCreds,
		Transport:      f.transport(),
		Logger:         slog.New(slog.NewTextHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		UserAgent:      "zscaler-mcp/test",
		MaxAttempts:    3,
		RetryBudget:    5 * time.Second,
		RequestTimeout: 2 * time.Second,
	}
	if mod != nil {
		mod(&opts)
	}
	c := New(opts)
	c.backoff = 10 * time.Millisecond
	t.Cleanup(c.Close)
	return testClient{Client: c, logs: logs}
}

// requireKind asserts that err is a toolerr.Error of kind and returns it.
func requireKind(t *testing.T, err error, kind toolerr.Kind) *toolerr.Error {
	t.Helper()
	require.Error(t, err)
	te := toolerr.As(err)
	require.Equal(t, kind, te.Kind, "error: %v", err)
	return te
}

// requireClean asserts that no credential shows in text.
func requireClean(t *testing.T, text string) {
	t.Helper()
	for _, secret := range []string{testSecret, testToken} {
		require.NotContains(t, text, secret)
	}
}

// decodeBody reads a JSON request body inside a handler; nil when it does not parse.
func decodeBody(r *http.Request) map[string]any {
	var m map[string]any
	dec := json.NewDecoder(r.Body)
	dec.UseNumber()
	if dec.Decode(&m) != nil {
		return nil
	}
	return m
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

// httptestClosedAddr returns a loopback address nothing listens on.
func httptestClosedAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := l.Addr().String()
	require.NoError(t, l.Close())
	return addr
}

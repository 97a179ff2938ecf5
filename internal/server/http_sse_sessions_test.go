package server

import (
	"bufio"
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// openSSEStream opens an event stream as the client of header and returns the path of
// its message endpoint, and a function closing the stream.
func openSSEStream(t *testing.T, f *httpFixture, header map[string]string) (string, func()) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, f.url+"/sse", nil)
	require.NoError(t, err)
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	closeStream := func() { cancel(); _ = resp.Body.Close() }
	lines := bufio.NewScanner(resp.Body)
	for lines.Scan() {
		if data, ok := strings.CutPrefix(lines.Text(), "data: "); ok {
			u, err := url.Parse(data)
			require.NoError(t, err)
			return u.RequestURI(), closeStream
		}
	}
	closeStream()
	t.Fatalf("the stream ended without naming its message endpoint: %v", lines.Err())
	return "", nil
}

func TestSSESessionsBelongToTheClientThatOpenedThem(t *testing.T) {
	is := newTestIssuer(t)
	f := serveHTTPTest(t, &config.Config{Transport: config.TransportSSE,
		HTTP: config.HTTP{Auth: is.auth()}})
	alice, bob := is.bearer(t, "alice@example.com"), is.bearer(t, "bob@example.com")
	endpoint, closeStream := openSSEStream(t, f, alice)
	require.Contains(t, endpoint, "/message?sessionId=")

	status, h, body := f.do(t, http.MethodPost, endpoint, strings.NewReader(listBody), bob)
	require.Equal(t, http.StatusNotFound, status, body)
	id, message := refusal(t, h, body)
	require.Equal(t, 7.0, id)
	require.Equal(t, msgSessionUnknown, message)

	status, _, body = f.do(t, http.MethodPost, endpoint, strings.NewReader(initBody), alice)
	require.Equal(t, http.StatusAccepted, status, body)

	// An invented id gets the same answer as another client's.
	status, h, body = f.do(t, http.MethodPost, "/message?sessionId=invented",
		strings.NewReader(listBody), alice)
	require.Equal(t, http.StatusNotFound, status, body)
	_, message = refusal(t, h, body)
	require.Equal(t, msgSessionUnknown, message)

	logs := f.logs.String()
	require.Contains(t, logs, "session opened by another client")
	require.Contains(t, logs, "subject=bob@example.com")
	require.NotContains(t, logs, bob["Authorization"][len("Bearer "):], "no token in the log")
	require.NotContains(t, logs, strings.TrimPrefix(endpoint, "/message?sessionId="),
		"no session id in the log")

	// Once the stream is closed, its session is gone.
	closeStream()
	require.Eventually(t, func() bool {
		status, _, _ := f.do(t, http.MethodPost, endpoint, strings.NewReader(listBody), alice)
		return status == http.StatusNotFound
	}, 5*time.Second, 10*time.Millisecond)
}

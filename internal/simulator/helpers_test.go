package simulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/logger"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler"
)

// clearZscalerEnv keeps the developer's ZSCALER_* settings out of the SDK. Variables
// are unset rather than emptied: the SDK fails to parse an empty boolean or duration.
func clearZscalerEnv(t *testing.T) {
	t.Helper()
	keys := []string{"ZSCALER_CLIENT_ID", "ZSCALER_CLIENT_SECRET", "ZSCALER_VANITY_DOMAIN",
		"ZSCALER_CLOUD", "ZSCALER_PRIVATE_KEY", "ZSCALER_CLIENT_CACHE_ENABLED", "ZPA_CUSTOMER_ID"}
	for _, kv := range os.Environ() {
		if k, _, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "ZSCALER_") {
			keys = append(keys, k)
		}
	}
	for _, k := range keys {
		t.Setenv(k, "")
		require.NoError(t, os.Unsetenv(k))
	}
}

// sdkTokenTTL keeps tokens under a minute: the SDK then starts no renewal goroutine
// (it renews a minute before expiry), so clients need no Close, whose shutdown of that
// goroutine is racy in the SDK.
const sdkTokenTTL = 59 * time.Second

// startSim serves a fresh tenant and closes it with the test.
func startSim(t *testing.T, opts ...Option) *Server {
	t.Helper()
	srv, err := Start(New(append([]Option{WithTokenTTL(sdkTokenTTL)}, opts...)...))
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, srv.Close()) })
	return srv
}

// newSDK builds the real OneAPI client pointed at srv through Transport, signing in
// with the demo client secret.
func newSDK(t *testing.T, srv *Server) *zscaler.Service {
	t.Helper()
	return newSDKWith(t, srv, zscaler.WithClientSecret(DemoClientSecret))
}

// newSDKWith is newSDK signing in with auth, a client secret or a private key.
func newSDKWith(t *testing.T, srv *Server, auth zscaler.ConfigSetter) *zscaler.Service {
	t.Helper()
	clearZscalerEnv(t)
	cfg, err := zscaler.NewConfiguration(
		zscaler.WithClientID(DemoClientID),
		auth,
		zscaler.WithVanityDomain(DemoVanityDomain),
		zscaler.WithZscalerCloud(DemoCloud),
		zscaler.WithRateLimitMinWait(10*time.Millisecond),
		zscaler.WithRateLimitMaxWait(50*time.Millisecond),
	)
	require.NoError(t, err)
	c := &http.Client{Transport: Transport(srv.URL, nil), Timeout: 30 * time.Second}
	cfg.HTTPClient = c
	cfg.ZIAHTTPClient = c
	cfg.Logger = logger.NewNopLogger()
	svc, err := zscaler.NewOneAPIClient(cfg)
	require.NoError(t, err)
	return svc
}

// rawClient talks to the simulator directly with a bearer token.
type rawClient struct {
	t     *testing.T
	base  string
	token string
}

func newRaw(t *testing.T, srv *Server) *rawClient {
	t.Helper()
	resp, err := http.PostForm(srv.URL+"/oauth2/v1/token", map[string][]string{
		"grant_type": {"client_credentials"}, "client_id": {DemoClientID},
		"client_secret": {DemoClientSecret}, "audience": {"https://api.zscaler.com"}})
	require.NoError(t, err)
	defer resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode)
	var tok struct {
		AccessToken string `json:"access_token"`
	}
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&tok))
	return &rawClient{t: t, base: srv.URL, token: tok.AccessToken}
}

// rawBody is sent as is, for requests that are not valid JSON.
type rawBody string

// do sends a request and returns status, headers and the raw body.
func (c *rawClient) do(method, path string, body any) (int, http.Header, []byte) {
	c.t.Helper()
	var rd io.Reader
	if raw, isRaw := body.(rawBody); isRaw {
		rd = strings.NewReader(string(raw))
	} else if body != nil {
		b, err := json.Marshal(body)
		require.NoError(c.t, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.base+path, rd)
	require.NoError(c.t, err)
	req.Header.Set("Content-Type", "application/json")
	if c.token != "" {
		req.Header.Set("Authorization", "Bearer "+c.token)
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(c.t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(c.t, err)
	return resp.StatusCode, resp.Header, raw
}

// json sends a request and decodes the JSON answer (numbers kept exact).
func (c *rawClient) json(method, path string, body any) (int, any) {
	c.t.Helper()
	status, _, raw := c.do(method, path, body)
	if len(raw) == 0 {
		return status, nil
	}
	v, err := decodeJSON(bytes.NewReader(raw))
	require.NoError(c.t, err, "body: %s", raw)
	return status, v
}

// gql runs a GraphQL request and returns the decoded body.
func (c *rawClient) gql(query, op string, vars map[string]any) map[string]any {
	c.t.Helper()
	body := map[string]any{"query": query, "variables": vars}
	if op != "" {
		body["operationName"] = op
	}
	status, hdr, raw := c.do(http.MethodPost, "/zms/graphql", body)
	require.Equal(c.t, http.StatusOK, status, "body: %s", raw)
	require.Equal(c.t, "application/json; charset=utf-8", hdr.Get("Content-Type"))
	v, err := decodeJSON(bytes.NewReader(raw))
	require.NoError(c.t, err)
	return v.(map[string]any)
}

// listLen GETs path, which must answer 200 with a list, and returns its length.
func listLen(t *testing.T, c *rawClient, path string) int {
	t.Helper()
	status, v := c.json(http.MethodGet, path, nil)
	require.Equal(t, http.StatusOK, status, "%s: %v", path, v)
	list, ok := v.([]any)
	require.True(t, ok, "%s answered %T", path, v)
	return len(list)
}

// queryCount is one query of a list endpoint and how many records it answers with.
type queryCount struct {
	name, query string
	want        int
}

// requireCounts checks, a subtest each, how many records the list at path answers
// each query with.
func requireCounts(t *testing.T, c *rawClient, path string, queries []queryCount) {
	t.Helper()
	for _, q := range queries {
		t.Run(q.name, func(t *testing.T) {
			require.Equal(t, q.want, listLen(t, c, path+q.query))
		})
	}
}

// listNames returns the "name" of every record of a decoded list.
func listNames(v any) []string {
	var out []string
	for _, e := range v.([]any) {
		s, _ := e.(map[string]any)["name"].(string)
		out = append(out, s)
	}
	return out
}

package zclient

import (
	"encoding/json"
	"net/http"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestZMSSendsQueryWithCustomerID(t *testing.T) {
	f := newFake(t)
	var mu sync.Mutex
	var got map[string]any
	f.handle("/zms/graphql", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = decodeBody(r)
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = w.Write([]byte(`{"data":{"agents":{"nodes":[{"id":"72058304855015425"}],` +
			`"pageInfo":{"totalCount":1}}}}`))
	})
	c := newTestClient(t, f, nil)
	vars := map[string]any{"page": 1}
	res, err := c.ZMS(t.Context(), "ListAgents", "query ListAgents($customerId: ID!) { x }", vars)
	require.NoError(t, err)
	require.Empty(t, res.Errors)
	agents := res.Data["agents"].(map[string]any)
	require.Equal(t, json.Number("1"), agents["pageInfo"].(map[string]any)["totalCount"])

	mu.Lock()
	defer mu.Unlock()
	require.Equal(t, "ListAgents", got["operationName"])
	require.Equal(t, "query ListAgents($customerId: ID!) { x }", got["query"])
	sent := got["variables"].(map[string]any)
	require.Equal(t, testCustomer, sent["customerId"])
	require.Equal(t, json.Number("1"), sent["page"])
	require.NotContains(t, vars, "customerId", "the caller's map is left alone")
}

func TestZMSWithoutCustomerID(t *testing.T) {
	f := newFake(t)
	cr := testCreds()
	cr.CustomerID = ""
	c := newTestClient(t, f, func(o *Options) { o.Credentials = func() Credentials { return cr } })
	_, err := c.ZMS(t.Context(), "Q", "query Q { x }", nil)
	te := requireKind(t, err, toolerr.Configuration)
	require.Equal(t, "ZSCALER_CUSTOMER_ID is not set; ZMS calls need the tenant's customer id", te.Message)
	require.Zero(t, f.tokenCalls.Load()+f.apiCalls.Load())
}

func TestZMSErrors(t *testing.T) {
	tests := []struct {
		name   string
		status int
		body   string
		kind   toolerr.Kind
		want   string
	}{
		{"bad request", 200, `{"data":null,"errors":[{"message":"Unknown field 'foo'",` +
			`"extensions":{"classification":"BAD_REQUEST"}}]}`, toolerr.InvalidArgument, "Unknown field 'foo'"},
		{"validation", 200, `{"errors":[{"message":"a","extensions":{"classification":"VALIDATION_ERROR"}},` +
			`{"message":"b"}]}`, toolerr.InvalidArgument, "a; b"},
		{"forbidden", 200, `{"errors":[{"message":"customer ` + testCustomer + ` denied",` +
			`"extensions":{"classification":"FORBIDDEN"}}]}`, toolerr.PermissionDenied, "denied"},
		{"not found", 200, `{"errors":[{"message":"no such agent","extensions":{"classification":"NOT_FOUND"}}]}`,
			toolerr.NotFound, "no such agent"},
		{"unclassified", 200, `{"errors":[{"message":"boom"}]}`, toolerr.UpstreamUnavailable, "boom"},
		{"null root field", 200, `{"data":{"agents":null},"errors":[{"message":"x",` +
			`"extensions":{"classification":"UNAUTHORIZED"}}]}`, toolerr.PermissionDenied, "x"},
		{"secret echoed", 200, `{"errors":[{"message":"bad token Bearer ` + testToken + ` and ` +
			testSecret + `","extensions":{"classification":"BAD_REQUEST"}}]}`, toolerr.InvalidArgument, "***REDACTED***"},
		{"errors with HTTP 400", 400, `{"errors":[{"message":"Syntax error"}]}`,
			toolerr.InvalidArgument, "Syntax error"},
		{"malformed", 200, `{"data":`, toolerr.UpstreamUnavailable, "not valid JSON"},
		{"empty object", 200, `{}`, toolerr.UpstreamUnavailable, "neither data nor errors"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.handle("/zms/graphql", reply(tt.status, tt.body))
			c := newTestClient(t, f, nil)
			_, err := c.ZMS(t.Context(), "Q", "query Q { agents { id } }", nil)
			te := requireKind(t, err, tt.kind)
			require.Contains(t, te.Message, tt.want)
			requireClean(t, te.Error())
		})
	}
}

func TestZMSPartialDataComesBackWithErrors(t *testing.T) {
	f := newFake(t)
	f.handle("/zms/graphql", reply(http.StatusOK, `{"data":{"agents":{"nodes":[]},"groups":null},`+
		`"errors":[{"message":"groups failed","path":["groups"],"extensions":{"classification":"FORBIDDEN"}}]}`))
	c := newTestClient(t, f, nil)
	res, err := c.ZMS(t.Context(), "", "{ agents { nodes { id } } groups { id } }", nil)
	require.NoError(t, err)
	require.NotNil(t, res.Data["agents"])
	require.Len(t, res.Errors, 1)
	require.Equal(t, "groups failed", res.Errors[0].Message)
	require.Equal(t, []any{"groups"}, res.Errors[0].Path)
}

func TestZMSQueriesAreRetriedAsReads(t *testing.T) {
	f := newFake(t)
	seq := steps(reply(http.StatusBadGateway, `{}`), reply(http.StatusOK, `{"data":{"x":1}}`))
	f.handle("/zms/graphql", seq.ServeHTTP)
	c := newTestClient(t, f, nil)
	res, err := c.ZMS(t.Context(), "Q", "query Q { x }", nil)
	require.NoError(t, err)
	require.Equal(t, json.Number("1"), res.Data["x"])
	require.EqualValues(t, 2, seq.calls.Load())
}

func TestZMSPartialErrorsAreScrubbedAndTrimmed(t *testing.T) {
	f := newFake(t)
	f.handle("/zms/graphql", reply(http.StatusOK, `{"data":{"agents":{"nodes":[]}},"errors":[{`+
		`"message":"denied for `+testSecret+`\nsee logs","path":["groups"],`+
		`"extensions":{"classification":"FORBIDDEN","debugInfo":{"trace":"internal"}}}]}`))
	c := newTestClient(t, f, nil)
	res, err := c.ZMS(t.Context(), "", "{ agents { nodes { id } } }", nil)
	require.NoError(t, err)
	require.Len(t, res.Errors, 1)
	require.NotContains(t, res.Errors[0].Message, testSecret)
	require.NotContains(t, res.Errors[0].Message, "\n")
	require.Equal(t, map[string]any{"classification": "FORBIDDEN"}, res.Errors[0].Extensions)
}

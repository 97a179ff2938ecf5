package zclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// pagedList serves items (raw JSON) honouring page and pageSize, and records the
// queries it saw.
type pagedList struct {
	mu      sync.Mutex
	items   []string
	queries []url.Values
}

func (p *pagedList) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	p.mu.Lock()
	p.queries = append(p.queries, q)
	p.mu.Unlock()
	page, _ := strconv.Atoi(q.Get("page"))
	size, _ := strconv.Atoi(q.Get("pageSize"))
	from := min((page-1)*size, len(p.items))
	to := min(from+size, len(p.items))
	writeJSON(w, http.StatusOK, "["+strings.Join(p.items[from:to], ",")+"]")
}

func TestZIAListReadsAllPagesAndKeepsLargeIDsExact(t *testing.T) {
	f := newFake(t)
	list := &pagedList{items: []string{
		`{"id":9007199254740993,"name":"big"}`, `{"id":2}`, `{"id":3}`, `{"id":4}`, `{"id":5}`,
	}}
	f.handle("/zia/api/v1/locations", list.ServeHTTP)
	c := newTestClient(t, f, nil)

	got, err := c.ZIAListPageSize(t.Context(), "/locations", url.Values{"search": {"b"}}, 2)
	require.NoError(t, err)
	require.Len(t, got, 5)
	first := got[0].(map[string]any)
	require.Equal(t, json.Number("9007199254740993"), first["id"])
	require.Len(t, list.queries, 3)
	for i, q := range list.queries {
		require.Equal(t, strconv.Itoa(i+1), q.Get("page"))
		require.Equal(t, "2", q.Get("pageSize"))
		require.Equal(t, "b", q.Get("search"), "caller's filters go on every page")
	}
}

func TestZIAListStopsAtAnEmptyPageAfterFullOnes(t *testing.T) {
	f := newFake(t)
	list := &pagedList{items: []string{`{"id":1}`, `{"id":2}`, `{"id":3}`, `{"id":4}`}}
	f.handle("/zia/api/v1/locations", list.ServeHTTP)
	c := newTestClient(t, f, nil)
	got, err := c.ZIAListPageSize(t.Context(), "/locations", nil, 2)
	require.NoError(t, err)
	require.Len(t, got, 4)
	require.Len(t, list.queries, 3)
}

func TestZIAListPageSizeFollowsTheSDK(t *testing.T) {
	tests := []struct {
		path  string
		query url.Values
		want  string
	}{
		{"/locations", nil, "1000"},
		{"/users", nil, "10000"},
		{"/firewallFilteringRules", nil, "5000"},
		{"/locations", url.Values{"pageSize": {"50"}}, "50"},
	}
	for _, tt := range tests {
		t.Run(tt.path+tt.query.Encode(), func(t *testing.T) {
			f := newFake(t)
			list := &pagedList{}
			f.handle("/zia/api/v1"+tt.path, list.ServeHTTP)
			c := newTestClient(t, f, nil)
			got, err := c.ZIAList(t.Context(), tt.path, tt.query)
			require.NoError(t, err)
			require.Empty(t, got)
			require.NotNil(t, got)
			require.Equal(t, tt.want, list.queries[0].Get("pageSize"))
		})
	}
}

func TestZIAListUnpagedSendsOneRequest(t *testing.T) {
	f := newFake(t)
	var query url.Values
	f.handle("/zia/api/v1/urlCategories", func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.Query()
		writeJSON(w, http.StatusOK, `[{"id":"CUSTOM_01"},{"id":"OTHER_ADULT_MATERIAL"}]`)
	})
	c := newTestClient(t, f, nil)
	got, err := c.ZIAListUnpaged(t.Context(), "/urlCategories", url.Values{"customOnly": {"true"}})
	require.NoError(t, err)
	require.Len(t, got, 2)
	require.Equal(t, url.Values{"customOnly": {"true"}}, query)
	require.EqualValues(t, 1, f.apiCalls.Load())
}

func TestRetries(t *testing.T) {
	serverError := reply(http.StatusInternalServerError,
		`{"code":"UNEXPECTED_ERROR","message":"An unexpected error has occurred"}`)
	ok := reply(http.StatusOK, `{"id":7}`)
	unavailable := reply(http.StatusServiceUnavailable, `{}`)
	tests := []struct {
		name     string
		seq      *sequence
		call     func(c testClient) error
		wantKind toolerr.Kind // empty: success
		calls    int32
	}{
		{"429 then success", steps(tooMany("0"), ok), getObject, "", 2},
		{"500 on GET is retried", steps(serverError, ok), getObject, "", 2},
		{"500 on GET gives up after MaxAttempts", steps(serverError), getObject,
			toolerr.UpstreamUnavailable, 3},
		{"500 on POST read is retried", steps(serverError, ok), postRead, "", 2},
		{"500 on POST write is not retried", steps(serverError, ok), write(http.MethodPost),
			toolerr.UpstreamUnavailable, 1},
		{"500 on PUT is not retried", steps(serverError, ok), write(http.MethodPut),
			toolerr.UpstreamUnavailable, 1},
		{"500 on DELETE is not retried", steps(serverError, ok), write(http.MethodDelete),
			toolerr.UpstreamUnavailable, 1},
		{"503 on a write is retried", steps(unavailable, ok), write(http.MethodPost), "", 2},
		{"429 on a write is retried", steps(tooMany("0"), ok), write(http.MethodPut), "", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.handle("/zia/api/v1/thing", tt.seq.ServeHTTP)
			c := newTestClient(t, f, nil)
			err := tt.call(c)
			if tt.wantKind == "" {
				require.NoError(t, err)
			} else {
				requireKind(t, err, tt.wantKind)
			}
			require.Equal(t, tt.calls, tt.seq.calls.Load())
		})
	}
}

func getObject(c testClient) error {
	_, err := c.ZIAGet(context.Background(), "/thing", nil)
	return err
}

func postRead(c testClient) error {
	_, err := c.ZIAPostRead(context.Background(), "/thing", []string{"example.com"})
	return err
}

func write(method string) func(c testClient) error {
	return func(c testClient) error {
		_, err := c.ZIAWrite(context.Background(), method, "/thing", map[string]any{"name": "x"})
		return err
	}
}

func TestRateLimitedForeverEndsWithinBudget(t *testing.T) {
	f := newFake(t)
	seq := steps(tooMany("1"))
	f.handle("/zia/api/v1/thing", seq.ServeHTTP)
	c := newTestClient(t, f, func(o *Options) { o.RetryBudget = 1500 * time.Millisecond })

	start := time.Now()
	_, err := c.ZIAGet(t.Context(), "/thing", nil)
	te := requireKind(t, err, toolerr.RateLimited)
	require.Equal(t, time.Second, te.RetryAfter)
	require.Contains(t, te.Message, "retry after 1s")
	require.Less(t, time.Since(start), 1500*time.Millisecond)
	require.EqualValues(t, 2, seq.calls.Load(), "a wait that does not fit the budget is not made")
}

func TestCancelDuringRetryAfterWaitReturnsPromptly(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/thing", tooMany("10"))
	c := newTestClient(t, f, func(o *Options) { o.RetryBudget = 30 * time.Second })
	_, err := c.ZIAGet(t.Context(), "/status", nil) // create the SDK client first
	requireKind(t, err, toolerr.NotFound)

	ctx, cancel := context.WithCancel(t.Context())
	time.AfterFunc(100*time.Millisecond, cancel)
	start := time.Now()
	_, err = c.ZIAGet(ctx, "/thing", nil)
	requireKind(t, err, toolerr.Cancelled)
	require.Less(t, time.Since(start), time.Second)
}

func TestAttemptTimeout(t *testing.T) {
	f := newFake(t)
	f.handle("/zia/api/v1/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(2 * time.Second):
		case <-r.Context().Done():
		}
	})
	c := newTestClient(t, f, func(o *Options) {
		o.RequestTimeout = 100 * time.Millisecond
		o.MaxAttempts = 2
	})
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	requireKind(t, err, toolerr.NotFound)
	_, err = c.ZIAGet(t.Context(), "/slow", nil)
	te := requireKind(t, err, toolerr.UpstreamUnavailable)
	require.Contains(t, te.Message, "timeout after 100ms waiting for "+apiHost)
}

func TestSessionNotValidReauthenticates(t *testing.T) {
	f := newFake(t)
	seq := steps(reply(http.StatusUnauthorized, `{"code":"SESSION_NOT_VALID","message":"Invalid session"}`),
		reply(http.StatusOK, `{"status":"ACTIVE"}`))
	f.handle("/zia/api/v1/status", seq.ServeHTTP)
	c := newTestClient(t, f, nil)
	_, err := c.ZIAGet(t.Context(), "/status", nil)
	require.NoError(t, err)
	require.EqualValues(t, 2, f.tokenCalls.Load())
	require.EqualValues(t, 2, seq.calls.Load())
}

func TestEditLockIsRetriedByTheSDK(t *testing.T) {
	f := newFake(t)
	seq := steps(reply(http.StatusConflict, `{"code":"EDIT_LOCK_NOT_AVAILABLE"}`),
		reply(http.StatusOK, `{"id":1}`))
	f.handle("/zia/api/v1/thing", seq.ServeHTTP)
	c := newTestClient(t, f, nil)
	_, err := c.ZIAWrite(t.Context(), http.MethodPut, "/thing", map[string]any{"id": 1})
	require.NoError(t, err)
	require.EqualValues(t, 2, seq.calls.Load())
}

func TestHTTPErrorsMapToKinds(t *testing.T) {
	echo := fmt.Sprintf(`{"code":"INVALID_INPUT_ARGUMENT","message":"bad name %s for %s with Bearer %s\n%s"}`,
		testSecret, testClientID, testToken, strings.Repeat("x", 300))
	tests := []struct {
		name   string
		status int
		body   string
		kind   toolerr.Kind
		want   []string
	}{
		{"not found, empty body", 404, "", toolerr.NotFound, []string{"ZIA /thing not found: check the id"}},
		{"not found, JSON body", 404, `{"code":"RESOURCE_NOT_FOUND","message":"nope"}`,
			toolerr.NotFound, []string{"check the id"}},
		{"bad request echoing secrets", 400, echo, toolerr.InvalidArgument,
			[]string{"INVALID_INPUT_ARGUMENT", "bad name ***REDACTED***"}},
		{"bad request without code", 400, `{"message":"Request body is invalid."}`,
			toolerr.InvalidArgument, []string{"Request body is invalid."}},
		{"gateway 401", 401, `{"detail":"unauthorized"}`, toolerr.PermissionDenied, []string{"HTTP 401"}},
		{"not subscribed", 403, `{"code":"NOT_SUBSCRIBED","message":"x"}`,
			toolerr.PermissionDenied, []string{"NOT_SUBSCRIBED"}},
		{"scope limited", 403, `{"code":"SCOPE_LIMITED"}`, toolerr.PermissionDenied,
			[]string{"SCOPE_LIMITED"}},
		{"limit exceeded", 403,
			`{"code":"LIMIT_EXCEEDED","message":"Maximum 100 static IPs are allowed. Limit has exceeded."}`,
			toolerr.PermissionDenied, []string{"LIMIT_EXCEEDED", "Maximum 100 static IPs"}},
		{"duplicate", 409, `{"code":"DUPLICATE_ITEM","message":"name exists"}`,
			toolerr.InvalidArgument, []string{"DUPLICATE_ITEM", "name exists"}},
		{"method not allowed", 405, `{}`, toolerr.InvalidArgument, []string{"HTTP 405"}},
		{"non-JSON body is not quoted", 400, `<html>secret stack trace</html>`,
			toolerr.InvalidArgument, []string{"rejected the request"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFake(t)
			f.handle("/zia/api/v1/thing", reply(tt.status, tt.body))
			c := newTestClient(t, f, nil)
			_, err := c.ZIAGet(t.Context(), "/thing", nil)
			te := requireKind(t, err, tt.kind)
			for _, w := range tt.want {
				require.Contains(t, te.Message, w)
			}
			requireClean(t, te.Error())
			require.NotContains(t, te.Message, testClientID)
			require.NotContains(t, te.Message, "\n")
			require.NotContains(t, te.Message, "<html>")
			require.LessOrEqual(t, utf8.RuneCountInString(te.Message), 300)
			requireClean(t, c.logs.String())
		})
	}
}

func TestMalformedRepliesAreUpstreamUnavailable(t *testing.T) {
	tests := map[string]string{
		"truncated":     `{"id":`,
		"trailing data": `{"id":1} {"id":2}`,
		"html":          `<html></html>`,
	}
	for name, body := range tests {
		t.Run(name, func(t *testing.T) {
			f := newFake(t)
			f.handle("/zia/api/v1/thing", reply(http.StatusOK, body))
			c := newTestClient(t, f, nil)
			_, err := c.ZIAGet(t.Context(), "/thing", nil)
			te := requireKind(t, err, toolerr.UpstreamUnavailable)
			require.Contains(t, te.Message, "not valid JSON")
		})
	}

	f := newFake(t)
	f.handle("/zia/api/v1/list", reply(http.StatusOK, `{"not":"a list"}`))
	c := newTestClient(t, f, nil)
	_, err := c.ZIAListUnpaged(t.Context(), "/list", nil)
	te := requireKind(t, err, toolerr.UpstreamUnavailable)
	require.Contains(t, te.Message, "where a list was expected")
}

func TestPathsThatWouldAlterTheRequestAreRefused(t *testing.T) {
	f := newFake(t)
	c := newTestClient(t, f, nil)
	for _, p := range []string{"locations", "/locations/1?x=2", "/locations/../users", "/a#b", "/a b"} {
		_, err := c.ZIAGet(t.Context(), p, nil)
		requireKind(t, err, toolerr.InvalidArgument)
	}
	require.Zero(t, f.tokenCalls.Load()+f.apiCalls.Load())
}

func TestPostReadSendsTheBody(t *testing.T) {
	f := newFake(t)
	var got []any
	f.handle("/zia/api/v1/urlLookup", func(w http.ResponseWriter, r *http.Request) {
		var body []any
		_ = json.NewDecoder(r.Body).Decode(&body)
		got = body
		writeJSON(w, http.StatusOK, `[{"url":"example.com","urlClassifications":["OTHER"]}]`)
	})
	c := newTestClient(t, f, nil)
	v, err := c.ZIAPostRead(t.Context(), "/urlLookup", []string{"example.com"})
	require.NoError(t, err)
	require.Equal(t, []any{"example.com"}, got)
	require.Len(t, v, 1)
}

func TestWriteMayNameItsChangeInAQuery(t *testing.T) {
	f := newFake(t)
	var query string
	f.handle("/zia/api/v1/urlCategories/CUSTOM_01", func(w http.ResponseWriter, r *http.Request) {
		query = r.URL.RawQuery
		writeJSON(w, http.StatusOK, `{"id":"CUSTOM_01"}`)
	})
	c := newTestClient(t, f, nil)
	_, err := c.ZIAWrite(t.Context(), http.MethodPut, "/urlCategories/CUSTOM_01?action=ADD_TO_LIST",
		map[string]any{"urls": []string{"a.example"}})
	require.NoError(t, err)
	require.Equal(t, "action=ADD_TO_LIST", query)

	calls := f.apiCalls.Load()
	for _, p := range []string{"/a?b=%zz", "/a?b=1#c", "/a?b=1?c", "/a/../b?x=1", "/a b?x=1"} {
		_, err := c.ZIAWrite(t.Context(), http.MethodPut, p, map[string]any{})
		requireKind(t, err, toolerr.InvalidArgument)
	}
	require.Equal(t, calls, f.apiCalls.Load(), "refused writes are never sent")
}

// A filter too long for the API's request line or headers is refused with what to do.
func TestTooLongRequestSaysToShortenTheFilters(t *testing.T) {
	for _, status := range []int{http.StatusRequestURITooLong,
		http.StatusRequestHeaderFieldsTooLarge} {
		f := newFake(t)
		f.handle("/zia/api/v1/thing", steps(reply(status, ``)).ServeHTTP)
		c := newTestClient(t, f, nil)
		err := getObject(c)
		requireKind(t, err, toolerr.InvalidArgument)
		require.ErrorContains(t, err, "refused the request as too long")
		require.ErrorContains(t, err, "shorten the filter arguments")
	}
}

// A list holding what no tool expects (a bare string, a null, a number, an object
// where a string belongs, extra fields) comes back as the API gave it, whole.
func TestZIAListKeepsOddRecordsAsGiven(t *testing.T) {
	f := newFake(t)
	list := &pagedList{items: []string{
		`{"id":1,"name":"ok"}`, `"ALL"`, `null`, `7`, `{"id":2,"name":{"en":"x"},"extra":[]}`,
	}}
	f.handle("/zia/api/v1/thing", list.ServeHTTP)
	c := newTestClient(t, f, nil)

	got, err := c.ZIAListPageSize(t.Context(), "/thing", nil, 2)
	require.NoError(t, err)
	require.Equal(t, []any{
		map[string]any{"id": json.Number("1"), "name": "ok"}, "ALL", nil, json.Number("7"),
		map[string]any{"id": json.Number("2"), "name": map[string]any{"en": "x"},
			"extra": []any{}},
	}, got)

	f.handle("/zia/api/v1/other", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, "["+strings.Join(list.items, ",")+"]")
	})
	unpaged, err := c.ZIAListUnpaged(t.Context(), "/other", nil)
	require.NoError(t, err)
	require.Equal(t, got, unpaged)
}

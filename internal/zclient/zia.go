package zclient

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaBase is the OneAPI prefix of every ZIA path.
const ziaBase = "/zia/api/v1"

// Page sizes as the SDK uses them: most lists allow 1000 per page, /users 10000 and
// /firewallFilteringRules 5000.
const (
	defaultPageSize = 1000
	// maxPages stops a list whose server ignores the page parameter, which would
	// otherwise be read for ever.
	maxPages = 500
)

var pageSizeByPath = map[string]int{
	"/users":                  10000,
	"/firewallFilteringRules": 5000,
}

// ZIAList reads every page of a ZIA list endpoint, with the page size the SDK uses
// for path (or the pageSize in query, when given).
func (c *Client) ZIAList(ctx context.Context, path string, query url.Values) ([]any, error) {
	size := defaultPageSize
	if n, ok := pageSizeByPath[path]; ok {
		size = n
	}
	if n, err := strconv.Atoi(query.Get("pageSize")); err == nil && n > 0 {
		size = n
	}
	return c.ZIAListPageSize(ctx, path, query, size)
}

// ZIAListPageSize reads every page of a ZIA list endpoint with pageSize items per
// page, stopping at the first short page as the SDK's ReadAllPages does.
func (c *Client) ZIAListPageSize(ctx context.Context, path string, query url.Values,
	pageSize int) ([]any, error) {
	if pageSize <= 0 {
		pageSize = defaultPageSize
	}
	all := []any{}
	for page := 1; ; page++ {
		if page > maxPages {
			return nil, toolerr.New(toolerr.UpstreamUnavailable,
				"ZIA %s did not stop paging after %d pages", path, maxPages)
		}
		q := cloneValues(query)
		q.Set("pageSize", strconv.Itoa(pageSize))
		q.Set("page", strconv.Itoa(page))
		items, err := c.ziaList(ctx, path, q)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if len(items) < pageSize {
			return all, nil
		}
	}
}

// ZIAListUnpaged reads a ZIA list endpoint that returns everything in one reply.
func (c *Client) ZIAListUnpaged(ctx context.Context, path string, query url.Values) ([]any, error) {
	return c.ziaList(ctx, path, cloneValues(query))
}

// ZIAGet reads one ZIA object, or any JSON value such as a count, from path.
func (c *Client) ZIAGet(ctx context.Context, path string, query url.Values) (any, error) {
	return c.zia(ctx, http.MethodGet, path, cloneValues(query), nil, true)
}

// ZIAPostRead posts body to a ZIA endpoint that only reads, such as /urlLookup. Such
// requests are retried like GETs.
func (c *Client) ZIAPostRead(ctx context.Context, path string, body any) (any, error) {
	return c.zia(ctx, http.MethodPost, path, nil, body, true)
}

// ZIAWrite sends a change (POST, PUT, PATCH or DELETE) to ZIA. It is never re-sent
// after the server may have acted on it; only 429 and 503 replies and refused
// connections are retried. Changes stay staged until activated.
//
// path may end with a query, as in "/urlCategories/CUSTOM_01?action=ADD_TO_LIST",
// since some changes are named by one; ids inside path must be escaped so that they
// cannot add to it.
func (c *Client) ZIAWrite(ctx context.Context, method, path string, body any) (any, error) {
	switch method {
	case http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete:
	default:
		return nil, toolerr.New(toolerr.Internal, "ZIAWrite does not send %s requests", method)
	}
	path, rawQuery, hasQuery := strings.Cut(path, "?")
	var query url.Values
	if hasQuery {
		q, err := url.ParseQuery(rawQuery)
		if err != nil || strings.ContainsAny(rawQuery, "#?") {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"invalid query in API path %q", truncate(singleLine(rawQuery), 80))
		}
		query = q
	}
	return c.zia(ctx, method, path, query, body, false)
}

// ziaList runs one GET and requires a JSON array (an empty reply or null counts as
// an empty list).
func (c *Client) ziaList(ctx context.Context, path string, query url.Values) ([]any, error) {
	v, err := c.zia(ctx, http.MethodGet, path, query, nil, true)
	if err != nil {
		return nil, err
	}
	switch list := v.(type) {
	case nil:
		return []any{}, nil
	case []any:
		return list, nil
	}
	return nil, toolerr.New(toolerr.UpstreamUnavailable,
		"ZIA %s returned %s where a list was expected", path, jsonKind(v))
}

func (c *Client) zia(ctx context.Context, method, path string, query url.Values, body any,
	readOnly bool) (any, error) {
	if err := checkPath(path); err != nil {
		return nil, err
	}
	what := call{service: "ZIA", path: path}
	var data []byte
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return nil, toolerr.Wrap(toolerr.InvalidArgument, err,
				"the request body for %s cannot be encoded as JSON", what)
		}
		data = b
	}
	raw, err := c.do(ctx, request{what: what, method: method, endpoint: ziaBase + path,
		query: query, body: data, readOnly: readOnly})
	if err != nil {
		return nil, err
	}
	v, err := decodeJSON(raw)
	if err != nil {
		return nil, malformed(what, err)
	}
	return v, nil
}

func cloneValues(v url.Values) url.Values {
	out := make(url.Values, len(v)+2)
	for k, vals := range v {
		out[k] = append([]string(nil), vals...)
	}
	return out
}

func jsonKind(v any) string {
	switch v.(type) {
	case map[string]any:
		return "an object"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	}
	return strings.TrimSpace(fmt.Sprintf("%T", v))
}

package zclient

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// zmsEndpoint is the GraphQL endpoint on the OneAPI gateway.
const zmsEndpoint = "/zms/graphql"

// ZMS runs one GraphQL query against ZMS with variables["customerId"] set to the
// tenant's customer id. A reply with errors and no usable data is an error; partial
// data comes back with its errors in the result and a nil error.
func (c *Client) ZMS(ctx context.Context, operation, query string,
	variables map[string]any) (*GraphQLResult, error) {
	creds := c.currentCredentials()
	if err := checkCredentials(creds); err != nil {
		return nil, err
	}
	customerID := strings.TrimSpace(creds.CustomerID)
	if customerID == "" {
		return nil, toolerr.New(toolerr.Configuration,
			"ZSCALER_CUSTOMER_ID is not set; ZMS calls need the tenant's customer id")
	}
	vars := make(map[string]any, len(variables)+1)
	for k, v := range variables {
		vars[k] = v
	}
	vars["customerId"] = customerID
	payload := map[string]any{"query": query, "variables": vars}
	if operation != "" {
		payload["operationName"] = operation
	}
	what := call{service: "ZMS", path: operation}
	body, err := json.Marshal(payload)
	if err != nil {
		return nil, toolerr.Wrap(toolerr.InvalidArgument, err,
			"the variables of %s cannot be encoded as JSON", what)
	}
	raw, err := c.do(ctx, request{what: what, method: http.MethodPost, endpoint: zmsEndpoint,
		body: body, readOnly: true})
	if err != nil {
		return nil, err
	}
	return parseGraphQL(what, raw, c.scrubberFor())
}

// graphQLReply is the body of a GraphQL response.
type graphQLReply struct {
	Data   map[string]any `json:"data"`
	Errors []GraphQLError `json:"errors"`
}

// parseGraphQL decodes a 2xx reply. Any errors entry is a failure unless some data
// came back with it.
func parseGraphQL(what call, raw []byte, sc *scrubber) (*GraphQLResult, error) {
	var reply graphQLReply
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&reply); err != nil {
		return nil, malformed(what, err)
	}
	if len(reply.Errors) > 0 {
		if !hasData(reply.Data) {
			return nil, graphQLFailure(what, reply.Errors, sc)
		}
		return &GraphQLResult{Data: reply.Data, Errors: partialErrors(reply.Errors, sc)}, nil
	}
	if reply.Data == nil {
		return nil, toolerr.New(toolerr.UpstreamUnavailable,
			"%s returned neither data nor errors", what)
	}
	return &GraphQLResult{Data: reply.Data}, nil
}

// partialErrors keeps what an agent needs from errors that came with data: each
// message, scrubbed, bounded and on one line, its path, and its classification. The
// rest of an error's extensions is the API's own and is not passed on.
func partialErrors(errs []GraphQLError, sc *scrubber) []GraphQLError {
	out := make([]GraphQLError, 0, len(errs))
	for _, e := range errs {
		kept := GraphQLError{Message: sc.message(e.Message), Path: e.Path}
		if class := classification(e); class != "" {
			kept.Extensions = map[string]any{"classification": sc.message(class)}
		}
		out = append(out, kept)
	}
	return out
}

// hasData reports whether any root field came back non-null. A failed root field is
// null, so {"agents": null} with errors carries nothing to show.
func hasData(data map[string]any) bool {
	for _, v := range data {
		if v != nil {
			return true
		}
	}
	return false
}

// graphQLFailure builds an error from GraphQL errors: the kind from the first
// error's classification, the message from all of them, scrubbed and truncated.
func graphQLFailure(what call, errs []GraphQLError, sc *scrubber) *toolerr.Error {
	msgs := make([]string, 0, len(errs))
	for _, e := range errs {
		if m := strings.TrimSpace(e.Message); m != "" {
			msgs = append(msgs, m)
		}
	}
	text := sc.message(strings.Join(msgs, "; "))
	if text == "" {
		text = "no message"
	}
	class := classification(errs[0])
	kind := toolerr.UpstreamUnavailable
	switch class {
	case "BAD_REQUEST", "VALIDATION_ERROR", "GRAPHQL_VALIDATION_FAILED", "BAD_USER_INPUT":
		kind = toolerr.InvalidArgument
	case "UNAUTHORIZED", "UNAUTHENTICATED", "FORBIDDEN":
		kind = toolerr.PermissionDenied
	case "NOT_FOUND":
		kind = toolerr.NotFound
	}
	// The API reports a lookup of an unknown id as a bad request whose message says
	// "not found"; the agent is better served by NotFound, as ZIA's 404 gives it.
	if kind == toolerr.InvalidArgument && strings.Contains(strings.ToLower(strings.Join(msgs, " ")), "not found") {
		kind = toolerr.NotFound
	}
	if class != "" {
		class = " (" + sc.message(class) + ")"
	}
	return toolerr.New(kind, "%s failed%s: %s", what, class, text)
}

// classification reads extensions.classification, or extensions.code as some
// GraphQL servers name it.
func classification(e GraphQLError) string {
	for _, k := range []string{"classification", "code"} {
		if s, ok := e.Extensions[k].(string); ok && s != "" {
			return strings.ToUpper(s)
		}
	}
	return ""
}

// graphQLHTTPError reads GraphQL errors carried by a non-2xx reply; nil when the
// body holds none. Without a classification the HTTP status decides the kind.
func graphQLHTTPError(what call, base *toolerr.Error, body []byte, sc *scrubber) *toolerr.Error {
	var reply graphQLReply
	if json.Unmarshal(body, &reply) != nil || len(reply.Errors) == 0 {
		return nil
	}
	out := graphQLFailure(what, reply.Errors, sc)
	if classification(reply.Errors[0]) == "" {
		out.Kind = base.Kind
	}
	out.Err = base
	return out
}

// scrubberFor returns the cached session's scrubber, or one for the current
// settings when there is none.
func (c *Client) scrubberFor() *scrubber {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.sess != nil {
		return c.sess.scrub
	}
	return newScrubber(c.readCredentials())
}

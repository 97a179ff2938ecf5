package tools

import (
	"context"
	"errors"
	"net/url"

	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// zmsCall is one GraphQL request as the fake upstream received it.
type zmsCall struct {
	op, query string
	vars      map[string]any
}

// zmsFake is an Upstream that records ZMS calls and answers them with canned replies.
// The ZIA methods fail: no ZMS tool may reach ZIA.
type zmsFake struct {
	calls  []zmsCall
	result *zclient.GraphQLResult
	err    error
}

var errNotZMS = errors.New("ZIA called from a ZMS tool")

func (f *zmsFake) ZIAList(context.Context, string, url.Values) ([]any, error) {
	return nil, errNotZMS
}

func (f *zmsFake) ZIAListUnpaged(context.Context, string, url.Values) ([]any, error) {
	return nil, errNotZMS
}

func (f *zmsFake) ZIAGet(context.Context, string, url.Values) (any, error) {
	return nil, errNotZMS
}

func (f *zmsFake) ZIAPostRead(context.Context, string, any) (any, error) {
	return nil, errNotZMS
}

func (f *zmsFake) ZIAWrite(context.Context, string, string, any) (any, error) {
	return nil, errNotZMS
}

func (f *zmsFake) ZMS(
	_ context.Context, op, query string, vars map[string]any,
) (*zclient.GraphQLResult, error) {
	f.calls = append(f.calls, zmsCall{op: op, query: query, vars: vars})
	return f.result, f.err
}

// zmsToolNamed returns the named ZMS tool bound to up.
func zmsToolNamed(up Upstream, name string) (Tool, bool) {
	for _, t := range zmsTools(up) {
		if t.Name == name {
			return t, true
		}
	}
	return Tool{}, false
}

package tools

import (
	"context"
	"encoding/json"
	"net/url"
	"regexp"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// listingFake answers every read with records: a list from ZIA, a page from ZMS.
type listingFake struct{}

var listingRecords = []any{map[string]any{"id": json.Number("1"), "name": "one"}}

func (listingFake) ZIAList(context.Context, string, url.Values) ([]any, error) {
	return listingRecords, nil
}

func (listingFake) ZIAListUnpaged(context.Context, string, url.Values) ([]any, error) {
	return listingRecords, nil
}

func (listingFake) ZIAGet(context.Context, string, url.Values) (any, error) {
	return listingRecords, nil
}

func (listingFake) ZIAPostRead(context.Context, string, any) (any, error) {
	return listingRecords, nil
}

func (listingFake) ZIAWrite(context.Context, string, string, any) (any, error) {
	return map[string]any{}, nil
}

// zmsRootField finds the root field of a GraphQL query document.
var zmsRootField = regexp.MustCompile(`\)\s*\{\s*(\w+)`)

func (listingFake) ZMS(_ context.Context, _, query string, _ map[string]any) (*zclient.GraphQLResult, error) {
	root := zmsRootField.FindStringSubmatch(query)
	data := map[string]any{}
	if root != nil {
		data[root[1]] = map[string]any{"nodes": listingRecords, "pageInfo": map[string]any{}}
	}
	return &zclient.GraphQLResult{Data: data}, nil
}

// argumentsFor fills every parameter of t with a plausible value, with enum holding the
// value of the required enum parameter, if any.
func argumentsFor(t Tool, enum string) map[string]any {
	args := map[string]any{}
	for _, p := range t.Params {
		var v any
		switch p.Type {
		case ID:
			v = "1"
		case IDList:
			v = []any{"1"}
		case String:
			v = "x"
			if len(p.Enum) > 0 {
				v = p.Enum[0]
				if p.Required && enum != "" {
					v = enum
				}
			}
		case StringList:
			v = []any{"x"}
		case Integer, Number:
			v = 1
		case Boolean:
			v = false
		case JSONObject:
			v = map[string]any{}
		case StringTuples:
			v = []any{[]any{"x"}}
		}
		args[p.Name] = v
	}
	return args
}

// TestEveryReadToolThatListsIsMarked runs every read tool with records upstream: one
// whose result is a list of records must be marked Lists, or it would be served
// without the query parameter and cut without regard to its records.
func TestEveryReadToolThatListsIsMarked(t *testing.T) {
	ran := 0
	for _, tool := range All(listingFake{}) {
		if tool.Kind != Read {
			continue
		}
		variants := []string{""}
		for _, p := range tool.Params {
			if p.Required && len(p.Enum) > 0 {
				variants = p.Enum
			}
		}
		for _, v := range variants {
			args, err := Validate(tool.Params, argumentsFor(tool, v))
			if err != nil {
				continue
			}
			res, err := tool.Handler(context.Background(), args)
			if err != nil {
				continue
			}
			ran++
			if res.IsList() {
				require.True(t, tool.Lists, "%s returns a list of records but is not marked Lists",
					tool.Name)
			}
		}
	}
	require.Greater(t, ran, 40, "most read tools ran")
}

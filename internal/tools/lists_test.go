package tools

import (
	"context"
	"encoding/json"
	"maps"
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

// listingArgs are arguments of tools that argumentsFor cannot guess.
var listingArgs = map[string]map[string]any{
	"zia_get_sandbox_report":          {"md5_hash": "44d88612fea8a8f36de82e1278abb02f"},
	"zia_get_url_category_predefined": {"name": "one"},
}

// listingVariantArgs completes the required arguments of a tool for one value of its
// required enum, where that value needs parameters of its own and refuses the others.
var listingVariantArgs = map[string]map[string]map[string]any{
	"zia_geo_search": {
		"geo_by_coordinates": {"latitude": 37.5, "longitude": -122.25},
		"geo_by_ip":          {"ip": "203.0.113.7"},
		"city_prefix_search": {"prefix": "San"},
	},
}

// TestEveryReadToolThatListsIsMarked runs every read tool with records upstream: one
// whose result is a list of records must be marked Lists, or it would be served
// without the query parameter and cut without regard to its records. Each tool runs
// with every parameter filled and with its required ones only (get_zia_users and the
// like refuse list filters next to an id), and each must run at least once.
func TestEveryReadToolThatListsIsMarked(t *testing.T) {
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
		ran := 0
		var lastErr error
		for _, v := range variants {
			all := argumentsFor(tool, v)
			required := map[string]any{}
			for _, p := range tool.Params {
				if p.Required {
					required[p.Name] = all[p.Name]
				}
			}
			maps.Copy(required, listingVariantArgs[tool.Name][v])
			for _, raw := range []map[string]any{all, required} {
				maps.Copy(raw, listingArgs[tool.Name])
				args, err := Validate(tool.Params, raw)
				if err != nil {
					lastErr = err
					continue
				}
				res, err := tool.Handler(context.Background(), args)
				if err != nil {
					lastErr = err
					continue
				}
				ran++
				if res.IsList() {
					require.True(t, tool.Lists,
						"%s returns a list of records but is not marked Lists", tool.Name)
				}
			}
		}
		require.NotZero(t, ran, "%s never ran: %v", tool.Name, lastErr)
	}
}

package tools

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaStringIDGets are the get tools of collections whose ids are names.
var ziaStringIDGets = map[string]bool{"zia_get_url_category": true, "zia_get_network_app": true}

// Every get tool of a numeric collection reads the id the update and delete tools of
// the collection act on: "0042" is object 42, and an id that is no number is refused
// before any request rather than sent to draw a "not found". Collections whose ids are
// names send them as given.
func TestEveryGetToolReadsIDsLikeItsWriteTools(t *testing.T) {
	walked := 0
	for _, tool := range ziaTools(&ziaFake{}) {
		idName := ziaIDParamOf(tool)
		if !strings.HasPrefix(tool.Name, "zia_get_") || idName == "" {
			continue
		}
		walked++
		t.Run(tool.Name, func(t *testing.T) {
			call := func(id string) ([]ziaCall, error) {
				fake := &ziaFake{}
				args := argumentsFor(tool, "")
				args[idName] = id
				_, err := ziaDo(t, fake, tool.Name, args)
				return fake.Calls(), err
			}
			calls, err := call("0042")
			require.NoError(t, err)
			require.Len(t, calls, 1)
			abc, abcErr := call("abc")
			if ziaStringIDGets[tool.Name] {
				require.True(t, strings.HasSuffix(calls[0].Path, "/0042"), calls[0].Path)
				require.NoError(t, abcErr)
				require.True(t, strings.HasSuffix(abc[0].Path, "/abc"), abc[0].Path)
				return
			}
			require.True(t, strings.HasSuffix(calls[0].Path, "/42"), calls[0].Path)
			requireKindOf(t, abcErr, toolerr.InvalidArgument)
			require.Contains(t, abcErr.Error(), idName)
			require.Empty(t, abc, "nothing is sent for an id that is no number")
		})
	}
	require.Greater(t, walked, 20)
}

// ziaIDParamOf names the required id parameter of tool, if it has one.
func ziaIDParamOf(tool Tool) string {
	for _, p := range tool.Params {
		if p.Type == ID && p.Required {
			return p.Name
		}
	}
	return ""
}

// The get tools of numeric collections also read real objects by padded id.
func TestNumericGetToolsReadPaddedIDsFromTheTenant(t *testing.T) {
	cases := []struct{ tool, param, id string }{
		{"zia_get_time_interval", "interval_id", "1001"},
		{"zia_get_sandbox_rule", "rule_id", "1695000"},
		{"zia_get_file_type_control_rule", "rule_id", "1696000"},
		{"zia_get_ssl_inspection_rule", "rule_id", "184202"},
	}
	up, _ := ziaSim(t)
	for _, c := range cases {
		got := ziaMust(t, up, c.tool, map[string]any{c.param: "00" + c.id})
		require.Equal(t, c.id, ziaID(got["id"]), c.tool)
	}
}

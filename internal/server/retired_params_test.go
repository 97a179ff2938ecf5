package server

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// A saved call written for the Python server that still gives one of its retired
// parameters is refused with what to do instead, before anything is read or changed.
func TestRetiredPythonParametersAreRefusedWithAdvice(t *testing.T) {
	f := newWriteFixture(t, allowAll(), writeOptions{catalog: tools.All})
	before := resultText(f.call(t, "zia_get_url_category",
		map[string]any{"category_id": "CUSTOM_01"}))

	res := f.call(t, "zia_add_urls_to_category", map[string]any{"category_id": "CUSTOM_01",
		"configured_name": "Renamed", "urls": []any{"added.example"}})
	require.True(t, res.IsError)
	require.Equal(t, `InvalidArgument: parameter "configured_name" is not taken by this `+
		`server: the category keeps its own name, which is sent for you; leave this out `+
		`(zia_update_url_category renames a custom category)`, resultText(res))

	res = f.call(t, "zia_update_url_category_predefined", map[string]any{"name": "FINANCE",
		"configured_name": "Money", "description": "x"})
	require.True(t, res.IsError)
	require.Contains(t, resultText(res), "predefined categories have no configured name")

	require.Equal(t, before, resultText(f.call(t, "zia_get_url_category",
		map[string]any{"category_id": "CUSTOM_01"})), "nothing was changed")

	for _, old := range []string{"kwargs", "confirmed"} {
		res = f.call(t, "zia_delete_rule_label", map[string]any{"label_id": "1",
			old: `{"confirmation_token": "x"}`})
		require.True(t, res.IsError, old)
		require.Equal(t, `InvalidArgument: parameter "`+old+`" is not taken by this `+
			`server: confirm a deletion by calling again with the token from the `+
			`confirmation prompt in confirmation_token; leave this out`, resultText(res))
	}
	// Other tools still name every accepted parameter for an unknown one.
	res = f.call(t, "zia_create_rule_label", map[string]any{"name": "x", "kwargs": "{}"})
	require.Contains(t, resultText(res), `unknown parameter "kwargs"; accepted parameters`)
}

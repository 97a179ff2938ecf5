package query

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestFoldNameIgnoresCaseAndUnderscores(t *testing.T) {
	for _, alike := range [][]string{{"auth_required", "authRequired", "AuthRequired"},
		{"scope_entities", "ScopeEntities"}, {"type", "Type"}} {
		for _, name := range alike[1:] {
			require.Equal(t, foldName(alike[0]), foldName(name), name)
		}
	}
	require.NotEqual(t, foldName("id"), foldName("ids"))
}

// What standard JMESPath answers, the server answers too: keys the query builds can be
// read later, sort_by leaves its input alone, and x.* lists values in key order.
func TestQuerySemanticsAreJMESPaths(t *testing.T) {
	records := []any{
		map[string]any{"id": json.Number("2"), "name": "Zeta",
			"createdBy": map[string]any{"id": json.Number("7"), "name": "admin"}},
		map[string]any{"id": json.Number("1"), "name": "Alpha"},
	}
	cases := map[string]string{
		"[*].{Name: name} | [*].Name":                       `["Zeta","Alpha"]`,
		"[*].{ID: id, label: name}[?ID > `1`].label":        `["Zeta"]`,
		"[@[0].name, sort_by(@, &name)[0].name, @[0].name]": `["Zeta","Alpha","Zeta"]`,
		"[0].createdBy.*":                                   `[7,"admin"]`,
		"[0] | zip(keys(createdBy), createdBy.*)":           `[["id",7],["name","admin"]]`,
		"group_by(@, &name) | Zeta[0].id":                   `2`,
		"[*].name[0:2]":                                     `["Ze","Al"]`,
		"[0].name.*":                                        `null`,
	}
	for expr, want := range cases {
		for range 5 {
			require.Equal(t, want, runQuery(t, expr, records), expr)
		}
	}
}

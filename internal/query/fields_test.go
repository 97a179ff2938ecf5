package query

import (
	"context"
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

// urlCategories are shaped like the API's URL categories: a "type" of their own, and
// scopes whose members are capitalized, "Type" among them.
func urlCategories() []any {
	scope := func(kind string) any {
		return map[string]any{"Type": kind, "ScopeEntities": []any{
			map[string]any{"id": json.Number("7"), "name": "HQ"}}}
	}
	return []any{
		map[string]any{"id": "CUSTOM_01", "type": "URL_CATEGORY", "urls": []any{"a.example"},
			"scopes": []any{scope("ORGANIZATION")}},
		map[string]any{"id": "CUSTOM_02", "type": "TLD_CATEGORY", "urls": []any{},
			"scopes": []any{scope("LOCATION"), scope("ORGANIZATION")}},
		map[string]any{"id": "OTHER", "type": "URL_CATEGORY"},
	}
}

// A name the records have in one place does not pass for the name of another place:
// the scopes of a URL category have Type, not the category's own type, so reading
// type from them is refused with the spelling to use.
func TestFieldMisspelledWhereItIsReadIsRefusedThoughItExistsElsewhere(t *testing.T) {
	records := urlCategories()
	for expr, want := range map[string]string{
		"[].scopes[].type":                           `names the field "type" of scopes`,
		"[?scopes[?type=='ORGANIZATION']].id":        `write "Type"`,
		"[].{id: id, kinds: scopes[].type}":          `write "Type"`,
		"sort_by(@, &id)[].scopes[].type":            `write "Type"`,
		"[].scopes | [].type":                        `write "Type"`,
		"[?type=='URL_CATEGORY'].scopes[].type":      `write "Type"`,
		"[].scopes[].scopeEntities":                  `write "ScopeEntities"`,
		"[?scopes[?Type=='LOCATION']].Type":          `of the records, which have no such field`,
		"map(&scopes[0].type, @)":                    `write "Type"`,
		"[?length(scopes[?type=='LOCATION']) > `0`]": `write "Type"`,
	} {
		q, err := Compile(expr)
		require.NoError(t, err, expr)
		_, err = q.Run(context.Background(), records, nil, "")
		require.Error(t, err, expr)
		require.Contains(t, err.Error(), want, expr)
		require.Contains(t, err.Error(), "InvalidArgument", expr)
	}

	// What is spelled right for the objects it is read from still answers, and so do
	// names read from values the query made itself.
	for expr, want := range map[string]string{
		"[].type":                                         `["URL_CATEGORY","TLD_CATEGORY","URL_CATEGORY"]`,
		"[?type=='TLD_CATEGORY'].id":                      `["CUSTOM_02"]`,
		"[].scopes[].Type":                                `["ORGANIZATION","LOCATION","ORGANIZATION"]`,
		"[?scopes[?Type=='LOCATION']].id":                 `["CUSTOM_02"]`,
		"[].scopes[].ScopeEntities[].name":                `["HQ","HQ","HQ"]`,
		"[].scopes[].{type: Type} | [].type":              `["ORGANIZATION","LOCATION","ORGANIZATION"]`,
		"[].{type: type, kinds: scopes[].Type}[0].type":   `"URL_CATEGORY"`,
		"map(&type, @)":                                   `["URL_CATEGORY","TLD_CATEGORY","URL_CATEGORY"]`,
		"max_by(@, &type).id":                             `"CUSTOM_01"`,
		"[?type == $[0].type].id":                         `["CUSTOM_01","OTHER"]`,
		"let $k = `\"URL_CATEGORY\"` in [?type == $k].id": `["CUSTOM_01","OTHER"]`,
		"[0].scopes[0].*":                                 `[[{"id":7,"name":"HQ"}],"ORGANIZATION"]`,
		"[].missing":                                      `[]`,
	} {
		require.Equal(t, want, runQuery(t, expr, records), expr)
	}
}

package query

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestOnlyQueriesThatMakeTextAreSanitizedAgain(t *testing.T) {
	for expr, want := range map[string]bool{
		"[?state=='ENABLED' && id > `5`].{id: id, name: name}": false,
		"[?contains(name, 'x')].name":                          false,
		"[].{id: id, big: id > `3`, n: -id}":                   false,
		"[].{id: id, tag: 'x'}":                                true,
		"join(', ', [].name)":                                  true,
		"[].name[1:]":                                          true,
		"sort_by(@, &name)":                                    true,
		"let $n = length(@) in [?order > $n].name":             false,
		"[].[id, `[1, 2]`]":                                    false,
		"[].[id, `{\"a\": 1}`]":                                true,
		"[].{\"a\u200bb\": id}":                                true,
		"[].{\"plain key\": id}":                               false,
	} {
		q, err := Compile(expr)
		require.NoError(t, err, expr)
		require.Equal(t, want, q.makesText, expr)
	}
}

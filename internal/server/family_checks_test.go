package server

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/require"
)

// Checks shared by the family scenarios of the toolsets. Values arrive decoded from
// JSON, so numbers are float64.

// familyCheck is the type of familyStep.Check.
type familyCheck = func(t *testing.T, s familyState, v map[string]any)

// objectHas checks that the result object, or its field under key when key is not
// empty ("created", "updated"), holds the given field values.
func objectHas(key string, want map[string]any) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		obj := v
		if key != "" {
			var ok bool
			obj, ok = v[key].(map[string]any)
			require.True(t, ok, "no %s object in %v", key, v)
		}
		for k, w := range want {
			require.Equal(t, w, obj[k], "field %s of %v", k, obj)
		}
	}
}

// listHas checks that a list result holds a record whose field has the value want,
// and returns it for further checks through then (which may be nil).
func listHas(field string, want any, then func(t *testing.T, s familyState,
	rec map[string]any)) familyCheck {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		for _, r := range records(t, v) {
			if r[field] == want {
				if then != nil {
					then(t, s, r)
				}
				return
			}
		}
		require.Failf(t, "record missing", "no record with %s %v in %v", field, want, v)
	}
}

// listAll checks every record of a non-empty list result with pred.
func listAll(what string, pred func(rec map[string]any) bool) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		recs := records(t, v)
		require.NotEmpty(t, recs, "expected some records")
		for _, r := range recs {
			require.True(t, pred(r), "record %v is not %s", r, what)
		}
	}
}

// listLen checks how many records a list result holds.
func listLen(n int) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		require.Len(t, records(t, v), n, "%v", v)
	}
}

// saveID saves the id of a list's record whose field has the value want.
func saveID(key, field string, want any) familyCheck {
	return listHas(field, want, func(t *testing.T, s familyState, r map[string]any) {
		require.NotNil(t, r["id"], "record %v has no id", r)
		s[key] = r["id"]
	})
}

// then runs checks one after the other.
func then(checks ...familyCheck) familyCheck {
	return func(t *testing.T, s familyState, v map[string]any) {
		t.Helper()
		for _, c := range checks {
			c(t, s, v)
		}
	}
}

// argsOf builds Args from saved values (param -> state key) and fixed values.
func argsOf(saved map[string]string, extra map[string]any) func(familyState) map[string]any {
	return func(s familyState) map[string]any {
		args := map[string]any{}
		for param, key := range saved {
			args[param] = s.str(key)
		}
		for k, v := range extra {
			args[k] = v
		}
		return args
	}
}

// errorSays checks the text of a failed call for a fragment.
func errorSays(fragment string) familyCheck {
	return func(t *testing.T, _ familyState, v map[string]any) {
		t.Helper()
		require.Contains(t, fmt.Sprint(v["error"]), fragment)
	}
}

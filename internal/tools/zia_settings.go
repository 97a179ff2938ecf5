package tools

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/agnivade/levenshtein"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaSettings declares the read and update tools of one ZIA settings object: a
// singleton the API serves with GET and replaces whole with PUT.
//
// The update takes "settings", an object of API fields. The API resets every field a
// PUT leaves out, so the update reads the object, applies the given fields and sends
// it back whole: fields the caller did not name keep their values.
type ziaSettings struct {
	Toolset string
	// Path is the object's path relative to /zia/api/v1.
	Path string
	// What names the settings in words ("advanced threat protection settings").
	What string
	// Get and Update name, title and describe the two tools.
	GetName, GetTitle, GetDescription          string
	UpdateName, UpdateTitle, UpdateDescription string
	// SettingsDescription describes the "settings" parameter.
	SettingsDescription string
	// Fields are the documented API fields of the object. Fields the tenant returns are
	// accepted too, so a field the API adds later is not refused.
	Fields []string
	// Value, when set, checks the value given for a field once its JSON kind is known
	// to be right, and returns it in the API's form.
	Value func(field string, v any) (any, error)
}

// readTool declares the tool that returns the settings object as the API holds it.
func (s ziaSettings) readTool(up Upstream) Tool {
	return ziaRead(s.Toolset, s.GetName, s.GetTitle, s.GetDescription, nil,
		func(ctx context.Context, _ Args) (Result, error) {
			v, err := up.ZIAGet(ctx, s.Path, nil)
			if err != nil {
				return Result{}, err
			}
			return Object(v), nil
		})
}

// updateTool declares the tool that changes the fields named in "settings" and keeps
// the others.
func (s ziaSettings) updateTool(up Upstream) Tool {
	params := []Param{{Name: "settings", Type: JSONObject, Required: true,
		Description: s.SettingsDescription}}
	return ziaDeclare(s.Toolset, s.UpdateName, s.UpdateTitle, s.UpdateDescription, Update,
		params, func(ctx context.Context, args Args) (Result, error) {
			raw := args.Object("settings")
			if len(raw) == 0 {
				return Result{}, toolerr.New(toolerr.InvalidArgument,
					"parameter \"settings\" names no field to change; fields of the %s: %s",
					s.What, strings.Join(s.Fields, ", "))
			}
			return ziaChangeSettings(ctx, up, s.Path, func(cur map[string]any) (
				map[string]any, error) {
				return s.patch(raw, cur)
			})
		})
}

// patch checks the given settings against the fields the object has and returns
// them under the API's spelling. Unknown fields are refused all at once, with the
// valid ones: the API would refuse the whole body with a message that names none.
func (s ziaSettings) patch(raw, cur map[string]any) (map[string]any, error) {
	known := map[string]any{}
	for _, f := range s.Fields {
		known[f] = nil
	}
	for f := range cur {
		known[f] = nil
	}
	out := make(map[string]any, len(raw))
	var unknown []string
	for name, v := range raw {
		field := ziaAPIField(strings.TrimSpace(name), known)
		if _, ok := known[field]; !ok {
			unknown = append(unknown, name)
			continue
		}
		if _, dup := out[field]; dup {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"settings field %q is given twice", field)
		}
		if err := ziaSettingValue(field, cur[field], v, s.GetName); err != nil {
			return nil, err
		}
		if s.Value != nil {
			var err error
			if v, err = s.Value(field, v); err != nil {
				return nil, err
			}
		}
		out[field] = v
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		valid := make([]string, 0, len(known))
		for f := range known {
			valid = append(valid, f)
		}
		sort.Strings(valid)
		// The likely fields come first: the text is cut to a bounded length, and the
		// list of valid fields can be long (and holds the API's own misspellings,
		// such as fileFormatVunerabilitesBlocked).
		var meant []string
		for _, u := range unknown {
			if near := nearestName(valid, u); near != "" {
				meant = append(meant, fmt.Sprintf("%q for %q", near, u))
			}
		}
		hint := ""
		if len(meant) > 0 {
			hint = " Did you mean " + strings.Join(meant, ", ") + "?"
		}
		return nil, toolerr.New(toolerr.InvalidArgument,
			"the %s have no field %s; nothing was changed.%s Valid fields (%s lists "+
				"them with their values): %s", s.What, quoteAll(unknown), hint, s.GetName,
			strings.Join(valid, ", "))
	}
	return out, nil
}

// nearestName returns the name of names closest in spelling to s, ignoring case, when
// it is close enough to be the one meant: at most a fifth of its letters differ (and
// at least two may).
func nearestName(names []string, s string) string {
	best, bestDist := "", -1
	for _, n := range names {
		d := levenshtein.ComputeDistance(strings.ToLower(n), strings.ToLower(s))
		if bestDist < 0 || d < bestDist {
			best, bestDist = n, d
		}
	}
	if bestDist < 0 || bestDist > max(2, len(s)/5) {
		return ""
	}
	return best
}

// ziaSettingValue refuses a value whose JSON kind differs from the field's current
// value, which the API answers with an unhelpful "Request body is invalid.", and
// null, which would reset the field rather than set it.
func ziaSettingValue(field string, cur, v any, getTool string) error {
	if v == nil {
		return toolerr.New(toolerr.InvalidArgument,
			"settings field %q cannot be null; give a value of its type (%s shows the "+
				"current one)", field, getTool)
	}
	if cur == nil {
		return nil
	}
	want, got := describe(cur), describe(v)
	if want != got {
		return toolerr.New(toolerr.InvalidArgument,
			"settings field %q must be %s like its current value, got %s", field, want, got)
	}
	switch want {
	case "a number":
		c, _ := number(cur)
		n, _ := number(v)
		if c == math.Trunc(c) && n != math.Trunc(n) {
			return toolerr.New(toolerr.InvalidArgument,
				"settings field %q must be a whole number, got %v", field, n)
		}
	case "a list":
		if !ziaAllStrings(cur.([]any)) || len(cur.([]any)) == 0 {
			return nil
		}
		for i, item := range v.([]any) {
			if _, ok := item.(string); !ok {
				return toolerr.New(toolerr.InvalidArgument,
					"settings field %q is a list of strings, but item %d is %s",
					field, i+1, describe(item))
			}
		}
	}
	return nil
}

func ziaAllStrings(list []any) bool {
	for _, item := range list {
		if _, ok := item.(string); !ok {
			return false
		}
	}
	return true
}

// ziaChangeSettings reads the settings object at path, applies the fields build
// returns and sends the whole object back with PUT. Fields that already hold the
// value given are reported as unchanged, and when nothing would change nothing is
// sent, so no change is staged for nothing. The result says, field by field, what the
// value was before and what it is now.
func ziaChangeSettings(ctx context.Context, up Upstream, path string,
	build func(cur map[string]any) (map[string]any, error)) (Result, error) {
	cur, err := ziaCurrent(ctx, up, path)
	if err != nil {
		return Result{}, err
	}
	patch, err := build(cur)
	if err != nil {
		return Result{}, err
	}
	changed := map[string]any{}
	unchanged := []string{}
	for field, v := range patch {
		old, had := cur[field]
		if had && ziaSameJSON(old, v) {
			unchanged = append(unchanged, field)
			continue
		}
		changed[field] = map[string]any{"before": old, "after": v}
	}
	sort.Strings(unchanged)
	if len(changed) == 0 {
		return Object(map[string]any{"changed": changed, "unchanged": unchanged,
			"message": "Nothing was changed: every field given already has that value, " +
				"so nothing was staged."}), nil
	}
	v, err := ziaReplace(ctx, up, path, cur, patch)
	if err != nil {
		return Result{}, err
	}
	res := ziaStaged("updated", v)
	res["changed"] = changed
	if len(unchanged) > 0 {
		res["unchanged"] = unchanged
	}
	return Object(res), nil
}

package tools

import (
	"encoding/json"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaAdvanced describes the "advanced" parameter of a family: API fields without a
// parameter of their own, passed through to the request body.
//
// Field names may be written as the API spells them (srcIps) or in snake case as the
// Python server documents them (src_ips). Reference lists may be given as bare ids
// ([101, "102"]) or as the API's objects ([{"id": 101}]), and lists as JSON text. A
// field a typed parameter sets is refused here, so one call cannot say two things.
type ziaAdvanced struct {
	Description string
	// Allowed, when set, is the closed list of fields accepted.
	Allowed []string
	// Refs are the fields holding lists of {id} references.
	Refs []string
}

func (a *ziaAdvanced) param() Param {
	return Param{Name: "advanced", Type: JSONObject, Description: a.Description}
}

// ziaFieldSpelling fixes names whose API spelling is not plain camel case.
var ziaFieldSpelling = map[string]string{
	"capturePcap":                         "capturePCAP",
	"surrogateIp":                         "surrogateIP",
	"surrogateIpEnforcedForKnownBrowsers": "surrogateIPEnforcedForKnownBrowsers",
	"routableIp":                          "routableIP",
	"dynamicLocationGroups":               "dynamiclocationGroups",
}

// ziaAPIField turns a snake-case field name into the API's camel case; names without
// an underscore are kept. When the current object has the field under another
// capitalisation, its spelling wins.
func ziaAPIField(name string, cur map[string]any) string {
	out := name
	if strings.Contains(name, "_") {
		parts := strings.Split(strings.Trim(name, "_"), "_")
		var b strings.Builder
		for i, p := range parts {
			if i > 0 && p != "" {
				p = strings.ToUpper(p[:1]) + p[1:]
			}
			b.WriteString(p)
		}
		out = b.String()
		if fixed, ok := ziaFieldSpelling[out]; ok {
			out = fixed
		}
	}
	if _, ok := cur[out]; !ok {
		for k := range cur {
			if strings.EqualFold(k, out) {
				return k
			}
		}
	}
	return out
}

// normalize checks the advanced object and returns the API fields it sets. owned maps
// the fields typed parameters set to the parameter's name; cur is the current object
// on update, nil on create.
func (a *ziaAdvanced) normalize(raw map[string]any, owned map[string]string,
	cur map[string]any) (map[string]any, error) {
	out := make(map[string]any, len(raw))
	for name, v := range raw {
		field := ziaAPIField(name, cur)
		if param, ok := owned[field]; ok || field == "id" {
			if param != "" {
				return nil, toolerr.New(toolerr.InvalidArgument,
					"advanced field %q duplicates parameter %q; use the parameter", name, param)
			}
			return nil, toolerr.New(toolerr.InvalidArgument,
				"advanced field %q is set by the tool itself from its parameters", name)
		}
		if a.Allowed != nil && !slices.Contains(a.Allowed, field) {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"advanced field %q is not accepted; accepted fields: %s", name,
				strings.Join(a.Allowed, ", "))
		}
		if _, dup := out[field]; dup {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"advanced field %q is given twice", field)
		}
		v = listFromText(v)
		if slices.Contains(a.Refs, field) {
			refs, err := ziaRefList(name, v)
			if err != nil {
				return nil, err
			}
			v = refs
		}
		if err := ziaAdvancedKind(name, cur[field], v); err != nil {
			return nil, err
		}
		out[field] = v
	}
	return out, nil
}

// ziaAdvancedKind refuses, on update, a value whose JSON kind differs from the field's
// current true/false, number or text: the API answers "true" for a boolean with an
// unhelpful "Request body is invalid." that names no field. Lists, objects and null are
// left to the API, which may take another shape for them than the one it returns.
func ziaAdvancedKind(name string, cur, v any) error {
	switch cur.(type) {
	case bool, float64, json.Number, string:
	default:
		return nil
	}
	if v == nil {
		return nil
	}
	if want, got := describe(cur), describe(v); want != got {
		return toolerr.New(toolerr.InvalidArgument,
			"advanced field %q must be %s like its current value, got %s", name, want, got)
	}
	return nil
}

// ziaRefList turns ids or {id, …} objects into references with exact numeric ids.
func ziaRefList(name string, v any) ([]any, error) {
	list, ok := v.([]any)
	if !ok {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"advanced field %q must be a list of ids", name)
	}
	out := make([]any, 0, len(list))
	for _, item := range list {
		if obj, isObj := item.(map[string]any); isObj {
			id, err := ziaExactID(name, obj["id"])
			if err != nil {
				return nil, err
			}
			ref := make(map[string]any, len(obj))
			for k, e := range obj {
				ref[k] = e
			}
			ref["id"] = id
			out = append(out, ref)
			continue
		}
		id, err := ziaExactID(name, item)
		if err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"id": id})
	}
	return out, nil
}

// ziaExactID accepts an id given as a string, a JSON number or a whole float small
// enough to be exact, and returns it as a JSON number.
func ziaExactID(name string, v any) (json.Number, error) {
	switch x := v.(type) {
	case string:
		return ziaParseIntID(name, x)
	case json.Number:
		return ziaParseIntID(name, x.String())
	case float64:
		if x == math.Trunc(x) && math.Abs(x) <= maxExactInteger {
			return json.Number(strconv.FormatInt(int64(x), 10)), nil
		}
	}
	return "", toolerr.New(toolerr.InvalidArgument,
		"advanced field %q must hold ids (whole numbers in plain digits, or strings)", name)
}

// ziaWithIgnored adds to a create or update result the advanced fields the API did not
// keep: they name nothing the API knows, and the agent should not believe them set.
// Empty values are not reported, since the API may leave empty fields out of replies.
func ziaWithIgnored(res map[string]any, sent map[string]any, got any) Result {
	obj, ok := got.(map[string]any)
	if !ok || len(sent) == 0 {
		return Object(res)
	}
	var ignored []string
	for k, v := range sent {
		if _, kept := obj[k]; !kept && !ziaEmptyValue(v) {
			ignored = append(ignored, k)
		}
	}
	if len(ignored) > 0 {
		sort.Strings(ignored)
		res["ignored_fields"] = ignored
	}
	return Object(res)
}

func ziaEmptyValue(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return x == ""
	case bool:
		return !x
	case []any:
		return len(x) == 0
	case map[string]any:
		return len(x) == 0
	}
	return false
}

package simulator

import "net/url"

// workloadTagOperators are the logical operators of workload group expressions.
var workloadTagOperators = []string{"AND", "OR"}

var _ = register(&family{
	name: "workloadGroups",
	template: func() record {
		return record{"id": int64(0), "name": "", "description": "", "expression": "",
			"expressionJson":   map[string]any{"expressionContainers": []any{}},
			"lastModifiedTime": int64(0), "lastModifiedBy": nil}
	},
	managed:  []string{"lastModifiedTime", "lastModifiedBy"},
	required: []string{"name"},
	unique:   "name",
	// The API documents 250 as this list's default page size.
	pageSize: 250,
	prepare: func(_ *Tenant, rec, _, _ record, _ url.Values) *apiError {
		return checkWorkloadExpression(rec["expressionJson"])
	},
})

// maxWorkloadTags is the API's limit on tags per workload group, whatever their types.
const maxWorkloadTags = 8

// checkWorkloadExpression validates expressionJson: containers with a tag type, AND
// or OR operators and at most eight key-value tags in all.
func checkWorkloadExpression(v any) *apiError {
	expr, isObj := v.(map[string]any)
	if !isObj {
		return errInvalidBody()
	}
	containers, isList := expr["expressionContainers"].([]any)
	if !isList && expr["expressionContainers"] != nil {
		return errInvalidBody()
	}
	tags := 0
	for _, c := range containers {
		cont, isObj := c.(map[string]any)
		if !isObj || str(cont, "tagType") == "" || !validOperator(cont["operator"]) {
			return errInvalidBody()
		}
		tc, isObj := cont["tagContainer"].(map[string]any)
		if !isObj || !validOperator(tc["operator"]) {
			return errInvalidBody()
		}
		list, isList := tc["tags"].([]any)
		if !isList {
			return errInvalidBody()
		}
		for _, tag := range list {
			m, isObj := tag.(map[string]any)
			if !isObj || str(m, "key") == "" {
				return errInvalidBody()
			}
		}
		tags += len(list)
	}
	if tags > maxWorkloadTags {
		return errInvalid("A workload group can have at most %d tags", maxWorkloadTags)
	}
	return nil
}

func validOperator(v any) bool {
	s, isStr := v.(string)
	if !isStr {
		return v == nil
	}
	for _, op := range workloadTagOperators {
		if s == op {
			return true
		}
	}
	return false
}

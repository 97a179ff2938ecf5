package tools

import "strings"

// ziaLocalSearchParam declares a "search" parameter that the API does not offer for
// the list at hand, so it is applied here: the description says so, since it costs a
// full download whatever it matches.
func ziaLocalSearchParam(what string) Param {
	return Param{Name: "search", Type: String,
		Description: "Case-insensitive substring of " + what + ". The API has no such " +
			"filter here, so it is applied to the full list on our side."}
}

// ziaSearchFields returns a Filter that keeps the records one of whose fields contains
// the "search" argument, ignoring case. Records whose fields are not strings are kept
// only when there is no search: an odd record is never dropped for its shape alone.
func ziaSearchFields(fields ...string) func(Args, []any) ([]any, error) {
	return func(args Args, items []any) ([]any, error) {
		needle := strings.ToLower(strings.TrimSpace(args.String("search")))
		if needle == "" {
			return items, nil
		}
		out := make([]any, 0)
		for _, it := range items {
			for _, f := range fields {
				if strings.Contains(strings.ToLower(ziaField(it, f)), needle) {
					out = append(out, it)
					break
				}
			}
		}
		return out, nil
	}
}

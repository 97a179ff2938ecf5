package tools

// Result is what a tool handler returns: the value sent to the agent and how the audit
// line should summarise it.
type Result struct {
	// Value is a JSON-compatible value: a list, an object or a scalar.
	Value any
	// Items is the number of records for list results, or -1 when the value is not a list.
	Items int
	// Partial marks a change that was made only in part: the tenant changed, so the
	// call succeeded and must not read as an error, but something it was asked to do
	// remains undone. Value says what was done and what remains; the audit line says
	// "partial" where it would say "ok".
	Partial bool
	// ListField names the member of an object Value that holds the records, "nodes"
	// for a page; empty when Value is itself the list, or holds no records. A query
	// and the result size bound work on that member and keep the others as they are.
	ListField string
}

// List wraps a list of records.
func List(items []any) Result {
	if items == nil {
		items = []any{}
	}
	return Result{Value: items, Items: len(items)}
}

// Object wraps a single object or scalar.
func Object(v any) Result {
	return Result{Value: v, Items: -1}
}

// PageNodes is the member of a page result that holds its records.
const PageNodes = "nodes"

// Page wraps a page of records together with the page information the API returned,
// so the agent can tell when more records exist. The value keeps the API's own
// field names: {"nodes": [...], "pageInfo": {...}}.
func Page(nodes []any, pageInfo any) Result {
	if nodes == nil {
		nodes = []any{}
	}
	return Result{Value: map[string]any{PageNodes: nodes, "pageInfo": pageInfo},
		Items: len(nodes), ListField: PageNodes}
}

// IsList reports whether the result carries a record count.
func (r Result) IsList() bool { return r.Items >= 0 }

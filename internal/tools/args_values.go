package tools

import "maps"

// Values returns a copy of the validated arguments, defaults included, keyed by
// parameter name. The server signs them to bind a confirmation to one exact call.
func (a Args) Values() map[string]any {
	out := maps.Clone(a.values)
	if out == nil {
		out = map[string]any{}
	}
	return out
}

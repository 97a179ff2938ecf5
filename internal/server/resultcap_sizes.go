package server

import "github.com/zscaler/zscaler-mcp/internal/jsonsize"

// rememberedListBytes is the size from which a list's size is remembered. A cut
// measures the lists it descends into at every level, and the entries of each again
// to find how many fit: a list nested sixty deep would be measured sixty times over.
// Smaller lists are measured again, which costs no more than their size.
const rememberedListBytes = 4096

// sizes measures values for one cut, remembering the size of every large list it
// measured. A list is known by its first entry's address and its length: the cut
// replaces lists and never writes to one it measured, so a list so known keeps its size.
type sizes struct {
	known map[listKey]int
}

type listKey struct {
	first *any
	n     int
}

func newSizes() *sizes { return &sizes{known: map[listKey]int{}} }

// of is jsonsize.Of, taking the size of the large lists inside v from those measured
// before.
func (s *sizes) of(v any) int {
	switch t := v.(type) {
	case map[string]any:
		if t == nil {
			return 4
		}
		n := 2 + max(len(t)-1, 0)
		for k, e := range t {
			n += jsonsize.String(k) + 1 + s.of(e)
		}
		return n
	case []any:
		if t == nil {
			return 4
		}
		if len(t) == 0 {
			return 2
		}
		key := listKey{first: &t[0], n: len(t)}
		if n, ok := s.known[key]; ok {
			return n
		}
		n := 2 + len(t) - 1
		for _, e := range t {
			n += s.of(e)
		}
		if n >= rememberedListBytes {
			s.known[key] = n
		}
		return n
	}
	return jsonsize.Of(v)
}

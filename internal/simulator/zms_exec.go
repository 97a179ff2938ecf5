package simulator

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/vektah/gqlparser/v2"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
	"github.com/vektah/gqlparser/v2/validator"
)

const zmsPath = "/zms/graphql"

// Error classifications the ZMS service uses.
const (
	classBadRequest = "BAD_REQUEST"
	classValidation = "VALIDATION_ERROR"
	classForbidden  = "FORBIDDEN"
)

// gqlRequest is the JSON body of a GraphQL POST.
type gqlRequest struct {
	Query         string         `json:"query"`
	Variables     map[string]any `json:"variables"`
	OperationName string         `json:"operationName"`
}

// gqlError is one entry of the "errors" array. abort errors void the whole response
// (data null), as authorization failures do.
type gqlError struct {
	message   string
	class     string
	path      []any
	locations []gqlerror.Location
	abort     bool
}

func (e *gqlError) render() map[string]any {
	out := map[string]any{"message": e.message,
		"extensions": map[string]any{"classification": e.class}}
	if len(e.locations) > 0 {
		locs := make([]any, len(e.locations))
		for i, l := range e.locations {
			locs[i] = map[string]any{"line": l.Line, "column": l.Column}
		}
		out["locations"] = locs
	}
	if len(e.path) > 0 {
		out["path"] = e.path
	}
	return out
}

// peekOperationName reads the operationName of a GraphQL request without consuming
// the body, so faults can match on it and the request log can show it.
func peekOperationName(r *http.Request) string {
	if r.Body == nil {
		return ""
	}
	raw, err := io.ReadAll(io.LimitReader(r.Body, 8<<20))
	_ = r.Body.Close()
	r.Body = io.NopCloser(bytes.NewReader(raw))
	if err != nil {
		return ""
	}
	var probe struct {
		OperationName string `json:"operationName"`
	}
	_ = json.Unmarshal(raw, &probe)
	return probe.OperationName
}

func writeGraphQL(w http.ResponseWriter, status int, data any, errs []*gqlError) {
	body := newOmap()
	if len(errs) > 0 {
		list := make([]any, len(errs))
		for i, e := range errs {
			list[i] = e.render()
		}
		body.set("errors", list)
	}
	body.set("data", data)
	writeJSON(w, status, ctGraphQL, body)
}

// serveZMS answers the GraphQL endpoint: only POST with a JSON body holding a query.
// A request that carries no query gets a 4xx status; a query that fails to parse,
// validate or run gets 200 with an "errors" member.
func (t *Tenant) serveZMS(w http.ResponseWriter, r *http.Request, path string) {
	if path != zmsPath {
		writeGraphQL(w, http.StatusNotFound, nil,
			[]*gqlError{{message: "Unknown endpoint " + path, class: classBadRequest}})
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		writeGraphQL(w, http.StatusMethodNotAllowed, nil,
			[]*gqlError{{message: "Only POST is supported", class: classBadRequest}})
		return
	}
	var req gqlRequest
	dec := json.NewDecoder(io.LimitReader(r.Body, 8<<20))
	dec.UseNumber()
	if err := dec.Decode(&req); err != nil {
		writeGraphQL(w, http.StatusBadRequest, nil,
			[]*gqlError{{message: "Invalid JSON request body", class: classBadRequest}})
		return
	}
	if req.Query == "" {
		writeGraphQL(w, http.StatusBadRequest, nil,
			[]*gqlError{{message: "Missing query", class: classBadRequest}})
		return
	}
	data, errs := t.executeGraphQL(req)
	writeGraphQL(w, http.StatusOK, data, errs)
}

// executeGraphQL parses, validates and runs one request against the tenant.
func (t *Tenant) executeGraphQL(req gqlRequest) (any, []*gqlError) {
	doc, errList := gqlparser.LoadQueryWithRules(t.schema, req.Query, nil)
	if len(errList) > 0 {
		return nil, fromGQLErrors(errList)
	}
	op, gerr := pickOperation(doc, req.OperationName)
	if gerr != nil {
		return nil, []*gqlError{gerr}
	}
	vars, err := validator.VariableValues(t.schema, op, req.Variables)
	if err != nil {
		var list gqlerror.List
		var ge *gqlerror.Error
		if errors.As(err, &ge) {
			list = gqlerror.List{ge}
		} else {
			list = gqlerror.List{gqlerror.Wrap(err)}
		}
		return nil, fromGQLErrors(list)
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	ex := &executor{t: t, schema: t.schema, doc: doc, vars: vars}
	data := ex.run(op)
	return data, ex.errs
}

func fromGQLErrors(list gqlerror.List) []*gqlError {
	out := make([]*gqlError, len(list))
	for i, e := range list {
		out[i] = &gqlError{message: e.Message, class: classValidation, locations: e.Locations}
	}
	return out
}

func pickOperation(doc *ast.QueryDocument, name string) (*ast.OperationDefinition, *gqlError) {
	if name == "" {
		if len(doc.Operations) == 1 {
			return doc.Operations[0], nil
		}
		return nil, &gqlError{message: "An operationName is required when the document " +
			"contains several operations", class: classValidation}
	}
	if op := doc.Operations.ForName(name); op != nil {
		return op, nil
	}
	return nil, &gqlError{message: fmt.Sprintf("Unknown operation named %q", name),
		class: classValidation}
}

// executor walks the selection sets of one operation over resolved data, returning only
// the selected fields in selection order.
type executor struct {
	t      *Tenant
	schema *ast.Schema
	doc    *ast.QueryDocument
	vars   map[string]any
	errs   []*gqlError
}

// fieldGroup is the fields of a selection that share one response key.
type fieldGroup struct {
	key    string
	fields []*ast.Field
}

// run executes the root fields of a query. A failed field is null with its error, and
// a failure of a non-null field, or one marked abort, makes the whole data null.
func (e *executor) run(op *ast.OperationDefinition) any {
	if op.Operation != ast.Query {
		e.errs = append(e.errs, &gqlError{message: "Only queries are supported",
			class: classValidation})
		return nil
	}
	data := newOmap()
	for _, g := range e.collect(op.SelectionSet, "Query", nil) {
		f := g.fields[0]
		if f.Name == "__typename" {
			data.set(g.key, "Query")
			continue
		}
		if strings.HasPrefix(f.Name, "__") {
			// TODO: introspection (__schema, __type) is not served; ZMSSchema gives the SDL.
			e.errs = append(e.errs, &gqlError{message: "Introspection is not supported",
				class: classBadRequest, path: []any{g.key}})
			return nil
		}
		val, gerr := e.resolveRoot(f.Name, f.ArgumentMap(e.vars))
		if gerr != nil {
			gerr.path = []any{g.key}
			if len(gerr.locations) == 0 && f.Position != nil {
				gerr.locations = []gqlerror.Location{
					{Line: f.Position.Line, Column: f.Position.Column}}
			}
			e.errs = append(e.errs, gerr)
			if gerr.abort || f.Definition.Type.NonNull {
				return nil
			}
			data.set(g.key, nil)
			continue
		}
		data.set(g.key, e.complete(f.Definition.Type, val, mergedSelection(g.fields)))
	}
	return data
}

// mergedSelection joins the sub-selections of fields that share a response key, as
// GraphQL merges them.
func mergedSelection(fields []*ast.Field) ast.SelectionSet {
	if len(fields) == 1 {
		return fields[0].SelectionSet
	}
	var out ast.SelectionSet
	for _, f := range fields {
		out = append(out, f.SelectionSet...)
	}
	return out
}

// complete shapes a resolved value to the selection for its declared type.
func (e *executor) complete(typ *ast.Type, val any, sel ast.SelectionSet) any {
	if val == nil {
		return nil
	}
	if typ.Elem != nil {
		var items []any
		switch x := val.(type) {
		case []any:
			items = x
		case []record:
			for _, r := range x {
				items = append(items, r)
			}
		default:
			return nil
		}
		out := make([]any, len(items))
		for i, it := range items {
			out[i] = e.complete(typ.Elem, it, sel)
		}
		return out
	}
	def := e.schema.Types[typ.NamedType]
	if def == nil || (def.Kind != ast.Object && def.Kind != ast.Interface && def.Kind != ast.Union) {
		return val
	}
	obj, isObj := val.(map[string]any)
	if !isObj {
		return nil
	}
	typeName := def.Name
	if tn, _ := obj["__typename"].(string); tn != "" {
		typeName = tn
	}
	concrete := e.schema.Types[typeName]
	out := newOmap()
	for _, g := range e.collect(sel, typeName, nil) {
		f := g.fields[0]
		if f.Name == "__typename" {
			out.set(g.key, typeName)
			continue
		}
		fdef := concrete.Fields.ForName(f.Name)
		if fdef == nil {
			continue
		}
		out.set(g.key, e.complete(fdef.Type, obj[f.Name], mergedSelection(g.fields)))
	}
	return out
}

// collect gathers the fields a selection set asks of an object of type typeName,
// following fragments whose type condition applies and honouring @skip/@include.
func (e *executor) collect(sel ast.SelectionSet, typeName string, groups []fieldGroup) []fieldGroup {
	for _, s := range sel {
		switch s := s.(type) {
		case *ast.Field:
			if !e.included(s.Directives) {
				continue
			}
			key := s.Alias
			if key == "" {
				key = s.Name
			}
			i := slices.IndexFunc(groups, func(g fieldGroup) bool { return g.key == key })
			if i < 0 {
				groups = append(groups, fieldGroup{key: key, fields: []*ast.Field{s}})
			} else {
				groups[i].fields = append(groups[i].fields, s)
			}
		case *ast.InlineFragment:
			if e.included(s.Directives) && e.applies(s.TypeCondition, typeName) {
				groups = e.collect(s.SelectionSet, typeName, groups)
			}
		case *ast.FragmentSpread:
			def := s.Definition
			if def == nil {
				def = e.doc.Fragments.ForName(s.Name)
			}
			if def != nil && e.included(s.Directives) && e.applies(def.TypeCondition, typeName) {
				groups = e.collect(def.SelectionSet, typeName, groups)
			}
		}
	}
	return groups
}

// applies reports whether a fragment on type cond applies to an object of typeName.
func (e *executor) applies(cond, typeName string) bool {
	if cond == "" || cond == typeName {
		return true
	}
	for _, d := range e.schema.PossibleTypes[cond] {
		if d.Name == typeName {
			return true
		}
	}
	return false
}

// included evaluates the @skip and @include directives of a selection.
func (e *executor) included(dirs ast.DirectiveList) bool {
	for _, d := range dirs {
		cond, _ := d.ArgumentMap(e.vars)["if"].(bool)
		switch d.Name {
		case "skip":
			if cond {
				return false
			}
		case "include":
			if !cond {
				return false
			}
		}
	}
	return true
}

// omap is a JSON object that keeps its keys in insertion order, so responses list
// fields in the order the query selected them.
type omap struct {
	keys []string
	vals map[string]any
}

func newOmap() *omap { return &omap{vals: map[string]any{}} }

func (m *omap) set(k string, v any) {
	if _, exists := m.vals[k]; !exists {
		m.keys = append(m.keys, k)
	}
	m.vals[k] = v
}

func (m *omap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, err := marshalJSON(k)
		if err != nil {
			return nil, err
		}
		vb, err := marshalJSON(m.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

package tools

import (
	"context"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaTools returns the ZIA tools, toolset by toolset.
func ziaTools(up Upstream) []Tool {
	return slices.Concat(
		ziaAdminTools(up),
		ziaLocationTools(up),
		ziaURLCategoryTools(up),
		ziaURLFilteringTools(up),
		ziaCloudFirewallTools(up),
		ziaRuleLabelTools(up),
		ziaUserTools(up),
		ziaSettingsTools(up),
		ziaDeviceTools(up),
		ziaWorkloadGroupTools(up),
		ziaTimeIntervalTools(up),
		ziaShadowITTools(up),
		ziaDLPTools(up),
		ziaCloudAppControlTools(up),
		ziaSandboxTools(up),
		ziaSSLInspectionTools(up),
		ziaFileTypeControlTools(up),
	)
}

// ziaDeclare fills in what every ZIA tool shares, so declarations only carry what
// differs between tools.
func ziaDeclare(toolset, name, title, description string, kind Kind, params []Param,
	h Handler) Tool {
	return Tool{
		Name:        name,
		Title:       title,
		Description: description,
		Toolset:     toolset,
		Service:     ServiceZIA,
		Kind:        kind,
		Params:      params,
		Handler:     h,
	}
}

// ziaRead is ziaDeclare for a tool that only reads.
func ziaRead(toolset, name, title, description string, params []Param, h Handler) Tool {
	return ziaDeclare(toolset, name, title, description, Read, params, h)
}

// ziaReadList is ziaRead for a tool whose result is a list of records, so it is served
// with the query parameter and cut to the result size bound at a record boundary.
func ziaReadList(toolset, name, title, description string, params []Param, h Handler) Tool {
	t := ziaRead(toolset, name, title, description, params, h)
	t.Lists = true
	return t
}

// ziaList declares a tool that reads a whole ZIA collection.
type ziaList struct {
	Name, Title, Description string
	// Path is the collection path relative to /zia/api/v1.
	Path   string
	Params []Param
	// Query maps tool parameter names to the API's query parameter names. Every
	// parameter named here that the caller gave is sent upstream.
	Query map[string]string
	// Unpaged marks endpoints the API serves whole in one reply.
	Unpaged bool
	// PageSize, when set, asks for pages of this size instead of the client's default,
	// for endpoints whose SDK reads them in larger pages.
	PageSize int
	// Filter narrows the records on our side, for filters the API lacks.
	Filter func(args Args, items []any) ([]any, error)
}

// tool declares the list tool, bound to up, in toolset.
func (l ziaList) tool(toolset string, up Upstream) Tool {
	t := ziaRead(toolset, l.Name, l.Title, l.Description, l.Params,
		func(ctx context.Context, args Args) (Result, error) {
			q := ziaQuery(l.Params, l.Query, args)
			if l.PageSize > 0 {
				q.Set("pageSize", strconv.Itoa(l.PageSize))
			}
			read := up.ZIAList
			if l.Unpaged {
				read = up.ZIAListUnpaged
			}
			items, err := read(ctx, l.Path, q)
			if err != nil {
				return Result{}, err
			}
			if l.Filter != nil {
				if items, err = l.Filter(args, items); err != nil {
					return Result{}, err
				}
			}
			return List(items), nil
		})
	t.Lists = true
	return t
}

// ziaGet declares a tool that reads one object of a ZIA collection by its id.
type ziaGet struct {
	Name, Title, Description string
	// Path is the collection path; the escaped id is appended to it.
	Path string
	// IDName and IDDescription declare the required id parameter.
	IDName, IDDescription string
	// StringID marks collections whose ids are names (URL categories, network
	// applications). Other ids are integers: checked before any call and sent in plain
	// decimal, every digit of a 64-bit id kept, so "0042" reads object 42 as the update
	// and delete tools of the collection do.
	StringID bool
	// BuiltInIDs are the ids below 1 of the collection's built-in objects.
	BuiltInIDs []string
}

// tool declares the get tool, bound to up, in toolset.
func (g ziaGet) tool(toolset string, up Upstream) Tool {
	params := []Param{ziaCollectionIDParam(g.IDName, g.IDDescription, g.StringID,
		g.BuiltInIDs)}
	return ziaRead(toolset, g.Name, g.Title, g.Description, params,
		func(ctx context.Context, args Args) (Result, error) {
			path, err := ziaArgObjectPath(args, g.Path, g.IDName, g.StringID)
			if err != nil {
				return Result{}, err
			}
			v, err := up.ZIAGet(ctx, path, nil)
			if err != nil {
				return Result{}, err
			}
			return Object(v), nil
		})
}

// ziaIDParam declares a required numeric id parameter (see Param.Numeric).
func ziaIDParam(name, description string) Param {
	return Param{Name: name, Type: ID, Required: true, Numeric: true, Description: description}
}

// ziaCollectionIDParam declares the required id parameter of a collection: numeric,
// and then also taking the built-in ids below 1 listed in builtIn, unless stringID says
// the collection's ids are names.
func ziaCollectionIDParam(name, description string, stringID bool, builtIn []string) Param {
	p := ziaIDParam(name, description)
	p.Numeric, p.BuiltInIDs = !stringID, builtIn
	return p
}

// ziaSearchParam declares the optional server-side name search most lists accept.
func ziaSearchParam(what string) Param {
	return Param{Name: "search", Type: String,
		Description: "Case-insensitive substring matched by the API against " + what + "."}
}

// ziaBySearch is the Query mapping of lists whose only filter is search.
var ziaBySearch = map[string]string{"search": "search"}

// ziaQuery turns the given arguments named in mapping into API query parameters.
// Empty strings are not sent: an empty filter means no filter.
func ziaQuery(params []Param, mapping map[string]string, args Args) url.Values {
	q := url.Values{}
	for _, p := range params {
		key, ok := mapping[p.Name]
		if !ok || !args.Has(p.Name) {
			continue
		}
		if v := ziaFormatArg(p, args); v != "" {
			q.Set(key, v)
		}
	}
	return q
}

// ziaFormatArg renders a scalar argument as the text of a query parameter.
func ziaFormatArg(p Param, args Args) string {
	switch p.Type {
	case Integer:
		return strconv.FormatInt(args.Int(p.Name), 10)
	case Number:
		return strconv.FormatFloat(args.Float(p.Name), 'f', -1, 64)
	case Boolean:
		return strconv.FormatBool(args.Bool(p.Name))
	default:
		return args.String(p.Name)
	}
}

// ziaAsList returns v as a list of records. A null reply is an empty list; anything else
// that is not a list means the API answered in a shape we do not understand.
func ziaAsList(v any, path string) ([]any, error) {
	switch x := v.(type) {
	case []any:
		return x, nil
	case nil:
		return []any{}, nil
	}
	return nil, toolerr.New(toolerr.UpstreamUnavailable,
		"the API answered %s with an object where a list was expected", path)
}

// ziaListOrObject wraps v as a list result when it is one, else as an object.
func ziaListOrObject(v any) Result {
	if items, ok := v.([]any); ok {
		return List(items)
	}
	return Object(v)
}

// ziaKeepNamed keeps the records whose name is exactly the "name" argument. The API's own
// name filter is sent too; this makes the exact-match promise hold whatever it does.
func ziaKeepNamed(args Args, items []any) ([]any, error) {
	name := strings.TrimSpace(args.String("name"))
	if name == "" {
		return items, nil
	}
	out := make([]any, 0, 1)
	for _, it := range items {
		if strings.EqualFold(ziaField(it, "name"), name) {
			out = append(out, it)
		}
	}
	return out, nil
}

// ziaField returns record[key] when the record is an object and the value a string.
func ziaField(record any, key string) string {
	m, _ := record.(map[string]any)
	s, _ := m[key].(string)
	return s
}

// ziaKeepNameContaining keeps the records whose name contains the "name" argument,
// ignoring case.
func ziaKeepNameContaining(args Args, items []any) ([]any, error) {
	return ziaNameContaining(items, args.String("name")), nil
}

// ziaNameContaining keeps the records whose name contains needle, ignoring case; an
// empty needle keeps them all.
func ziaNameContaining(items []any, needle string) []any {
	needle = strings.ToLower(strings.TrimSpace(needle))
	if needle == "" {
		return items
	}
	out := make([]any, 0)
	for _, it := range items {
		if strings.Contains(strings.ToLower(ziaField(it, "name")), needle) {
			out = append(out, it)
		}
	}
	return out
}

package tools

import (
	"context"
	"fmt"
	"strings"
	"unicode"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaEntryList declares the list, add and delete tools of a tenant-wide ZIA list of
// URLs that the API keeps in a one-field object ({"maliciousUrls": [...]}) and changes
// with its ADD_TO_LIST and REMOVE_FROM_LIST actions, which send only the entries that
// change: no other entry is touched and no whole list is sent back.
type ziaEntryList struct {
	Toolset string
	// Path is the list's path relative to /zia/api/v1; Key the field holding it.
	Path, Key string
	// ActionMethod is the HTTP method of the list actions: PUT or POST, as the API wants.
	ActionMethod string
	// Param names the add and delete tools' list parameter; ParamDescription says what
	// an entry looks like.
	Param, ParamDescription string
	// What names the list in words ("malicious URL denylist").
	What string
	// Names, titles and descriptions of the three tools.
	ListName, ListTitle, ListDescription       string
	AddName, AddTitle, AddDescription          string
	DeleteName, DeleteTitle, DeleteDescription string
}

// listTool declares the tool that lists the entries.
func (l ziaEntryList) listTool(up Upstream) Tool {
	t := ziaRead(l.Toolset, l.ListName, l.ListTitle, l.ListDescription, nil,
		func(ctx context.Context, _ Args) (Result, error) {
			entries, err := l.read(ctx, up)
			if err != nil {
				return Result{}, err
			}
			return List(entries), nil
		})
	t.Lists = true
	return t
}

// read returns the entries of the list. The API wraps them in an object; a reply
// without the field, or with null, is an empty list, and a bare list is taken as it is.
func (l ziaEntryList) read(ctx context.Context, up Upstream) ([]any, error) {
	v, err := up.ZIAGet(ctx, l.Path, nil)
	if err != nil {
		return nil, err
	}
	if obj, ok := v.(map[string]any); ok {
		v = obj[l.Key]
	}
	return ziaAsList(v, l.Path)
}

// params is the list parameter of the add and delete tools.
func (l ziaEntryList) params() []Param {
	return []Param{{Name: l.Param, Type: StringList, Required: true,
		Description: l.ParamDescription}}
}

// addTool declares the tool that adds entries. Entries already on the list, compared
// ignoring case, are reported and not sent, so a repeated call stages nothing.
func (l ziaEntryList) addTool(up Upstream) Tool {
	return ziaDeclare(l.Toolset, l.AddName, l.AddTitle, l.AddDescription, Create, l.params(),
		func(ctx context.Context, args Args) (Result, error) {
			urls, err := ziaEntryArgs(args, l.Param)
			if err != nil {
				return Result{}, err
			}
			entries, err := l.read(ctx, up)
			if err != nil {
				return Result{}, err
			}
			have := ziaEntryIndex(entries)
			var add, skip []string
			for _, u := range urls {
				if _, found := have[strings.ToLower(u)]; found {
					skip = append(skip, u)
				} else {
					add = append(add, u)
				}
			}
			if len(add) == 0 {
				return Object(map[string]any{"added": []string{}, "already_present": skip,
					"message": "Nothing was changed: every entry given is already on the " +
						l.What + ", so nothing was staged."}), nil
			}
			if _, err := up.ZIAWrite(ctx, l.ActionMethod, l.Path+"?action=ADD_TO_LIST",
				map[string]any{l.Key: add}); err != nil {
				return Result{}, err
			}
			res := map[string]any{"added": add, "activation": ziaPendingNote}
			if len(skip) > 0 {
				res["already_present"] = skip
			}
			return Object(res), nil
		})
}

// deleteTool declares the tool that removes entries. An entry not on the list is
// refused, both before the confirmation and after it.
func (l ziaEntryList) deleteTool(up Upstream) Tool {
	t := ziaDeclare(l.Toolset, l.DeleteName, l.DeleteTitle, l.DeleteDescription, Delete,
		l.params(), func(ctx context.Context, args Args) (Result, error) {
			// Checked again after the confirmation: the list may have changed meanwhile.
			gone, err := l.onList(ctx, up, args)
			if err != nil {
				return Result{}, err
			}
			if _, err := up.ZIAWrite(ctx, l.ActionMethod, l.Path+"?action=REMOVE_FROM_LIST",
				map[string]any{l.Key: gone}); err != nil {
				return Result{}, err
			}
			return Object(map[string]any{"removed": gone, "activation": ziaPendingNote}), nil
		})
	t.Describe = func(ctx context.Context, args Args) (Resource, error) {
		gone, err := l.onList(ctx, up, args)
		if err != nil {
			return Resource{Type: l.entries(len(args.Strings(l.Param))),
				ID: strings.Join(args.Strings(l.Param), ", ")}, err
		}
		return Resource{Type: l.entries(len(gone)), ID: strings.Join(gone, ", ")}, nil
	}
	return t
}

// entries names n entries of the list for a prompt. The count comes first, so it
// survives when a long list of entries is shortened for display.
func (l ziaEntryList) entries(n int) string {
	if n == 1 {
		return l.What + " entry"
	}
	return fmt.Sprintf("%d %s entries", n, l.What)
}

// onList returns the entries the arguments name, spelt as the list spells them, or a
// NotFound error naming those it does not hold: removing an entry that is not there
// would do nothing, and nobody should be asked to confirm it.
func (l ziaEntryList) onList(ctx context.Context, up Upstream, args Args) ([]string, error) {
	urls, err := ziaEntryArgs(args, l.Param)
	if err != nil {
		return nil, err
	}
	entries, err := l.read(ctx, up)
	if err != nil {
		return nil, err
	}
	have := ziaEntryIndex(entries)
	var found, missing []string
	for _, u := range urls {
		if spelt, ok := have[strings.ToLower(u)]; ok {
			found = append(found, spelt)
		} else {
			missing = append(missing, u)
		}
	}
	if len(missing) > 0 {
		return nil, toolerr.New(toolerr.NotFound,
			"not on the %s: %s; nothing was removed (%s shows the entries)",
			l.What, quoteAll(missing), l.ListName)
	}
	return found, nil
}

// ziaEntryIndex maps the lower-cased string entries of a list to their spelling.
// Host names are matched without regard to case.
func ziaEntryIndex(entries []any) map[string]string {
	out := make(map[string]string, len(entries))
	for _, e := range entries {
		if s, ok := e.(string); ok {
			out[strings.ToLower(s)] = s
		}
	}
	return out
}

// ziaEntryArgs returns the entries of parameter name without duplicates (ignoring
// case). An entry with a space inside is refused, as no URL or domain has one.
func ziaEntryArgs(args Args, name string) ([]string, error) {
	var out []string
	seen := map[string]bool{}
	for _, u := range args.Strings(name) {
		if strings.IndexFunc(u, unicode.IsSpace) >= 0 {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"parameter %q: %q is not a URL or domain (it contains a space)", name, u)
		}
		if key := strings.ToLower(u); !seen[key] {
			seen[key] = true
			out = append(out, u)
		}
	}
	if len(out) == 0 {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"parameter %q must name at least one URL or domain", name)
	}
	return out, nil
}

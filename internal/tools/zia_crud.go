package tools

import (
	"context"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// ziaCRUD declares the create, update and delete tools of one kind of ZIA object, so
// that each family states only its fields and its rules.
//
// Updates read the object, apply the given fields and send the whole object back: the
// API replaces an object on PUT, and an update of one field must not reset the others.
// Every update parameter is therefore optional, even those a create requires.
type ziaCRUD struct {
	Toolset string
	// Noun forms the tool names (zia_create_<noun> …); What names the object in words.
	Noun, What string
	// Path is the collection path; IDName and IDDescription declare the id parameter of
	// update and delete.
	Path, IDName, IDDescription string
	// StringID marks collections whose ids are names (URL categories); other ids are
	// integers, checked before any call and sent in plain decimal.
	StringID bool
	// BuiltInIDs are the ids below 1 of the collection's built-in objects, which its
	// update and delete tools take (to refuse them with a reason, as for Road Warrior).
	BuiltInIDs []string
	// Scope, when set, is a required parameter of all three tools that names the part
	// of the collection the object lives in: its value is one more path segment, as
	// the rule type in /webApplicationRules/WEBMAIL/42.
	Scope *Param
	// NameKeys are the fields holding the object's display name, first non-empty wins.
	NameKeys []string
	// Params are the parameters of create; Required and Default apply to create only.
	Params []Param
	// UpdateParams names the parameters of Params that update accepts; nil means all.
	UpdateParams []string
	// Fields maps parameter names to the API fields they set as they are.
	Fields map[string]string
	// Owned maps API fields that Convert sets from a parameter to that parameter, so
	// that "advanced" cannot set them too when the parameter is given.
	Owned map[string]string
	// CreateFields are API fields every create sends.
	CreateFields map[string]any
	// Convert sets the API fields of parameters that need more than a copy (ids that
	// become references, a flag that becomes a state). cur is nil on create.
	Convert func(args Args, body, cur map[string]any) error
	// Advanced, when set, adds the pass-through parameter "advanced".
	Advanced *ziaAdvanced
	// Finish completes the body once "advanced" is merged in, for API fields built from
	// several inputs (the action object of SSL inspection rules). Fields it takes out of
	// the body must also be deleted from extra, the advanced fields sent, so they are
	// not reported as ignored. cur is nil on create.
	Finish func(args Args, body, extra, cur map[string]any) error
	// CheckBody validates the object about to be sent, on create and on update.
	CheckBody func(body map[string]any, create bool) error
	// CheckExisting refuses to update or delete (kind says which) some objects, such as
	// predefined ones, before any change is sent.
	CheckExisting func(cur map[string]any, kind Kind) error
	// CheckPatch refuses an update's fields that the API would keep as they are for
	// this object while answering as if it had changed them (a default rule's name).
	CheckPatch func(cur, patch map[string]any) error
	// CheckDelete refuses to delete an object the API would refuse to delete, such as
	// one still in use; it runs after CheckExisting, before anybody is asked to
	// confirm, and may make more API calls to tell.
	CheckDelete func(ctx context.Context, cur map[string]any) error
	// Descriptions of the three tools.
	CreateDescription, UpdateDescription, DeleteDescription string
}

// tools returns the create, update and delete tools, bound to up.
func (c ziaCRUD) tools(up Upstream) []Tool {
	return []Tool{c.createTool(up), c.updateTool(up), c.deleteTool(up)}
}

// scopeParams is the scope parameter, if any, as the first parameter of every tool.
func (c ziaCRUD) scopeParams() []Param {
	if c.Scope == nil {
		return nil
	}
	p := *c.Scope
	p.Required = true
	return []Param{p}
}

// collection returns the path of the collection the call's object lives in.
func (c ziaCRUD) collection(args Args) string {
	if c.Scope == nil {
		return c.Path
	}
	return ziaObjectPath(c.Path, args.String(c.Scope.Name))
}

// what names the kind of object in words, with its scope: "WEBMAIL cloud app control
// rule".
func (c ziaCRUD) what(args Args) string {
	if c.Scope == nil {
		return c.What
	}
	return args.String(c.Scope.Name) + " " + c.What
}

// createParams are the scope, the declared parameters and "advanced", if any.
func (c ziaCRUD) createParams() []Param {
	params := append(c.scopeParams(), c.Params...)
	if c.Advanced != nil {
		params = append(params, c.Advanced.param())
	}
	return params
}

// updateParams are the id, the scope and the declared parameters that UpdateParams
// keeps, all optional and without defaults: an update changes only what is given.
func (c ziaCRUD) updateParams() []Param {
	id := ziaCollectionIDParam(c.IDName, c.IDDescription, c.StringID, c.BuiltInIDs)
	params := append([]Param{id}, c.scopeParams()...)
	for _, p := range c.Params {
		if c.UpdateParams != nil && !slices.Contains(c.UpdateParams, p.Name) {
			continue
		}
		p.Required, p.Default = false, nil
		if p.UpdateDescription != "" {
			p.Description = p.UpdateDescription
		}
		params = append(params, p)
	}
	if c.Advanced != nil {
		params = append(params, c.Advanced.param())
	}
	return params
}

// body collects the API fields of the given arguments and returns them with the
// "advanced" fields merged in; extra holds the advanced fields alone, so the result can
// say which of them the API ignored. cur is the stored object, nil on create.
func (c ziaCRUD) body(args Args, params []Param, cur map[string]any) (map[string]any,
	map[string]any, error) {
	body := ziaPatch(params, c.Fields, args)
	if c.Convert != nil {
		if err := c.Convert(args, body, cur); err != nil {
			return nil, nil, err
		}
	}
	var extra map[string]any
	if c.Advanced != nil && args.Has("advanced") {
		var err error
		owned := c.typedFields(body)
		for field, param := range c.Owned {
			if args.Has(param) {
				owned[field] = param
			}
		}
		extra, err = c.Advanced.normalize(args.Object("advanced"), owned, cur)
		if err != nil {
			return nil, nil, err
		}
		maps.Copy(body, extra)
	}
	if c.Finish != nil {
		if extra == nil {
			extra = map[string]any{}
		}
		if err := c.Finish(args, body, extra, cur); err != nil {
			return nil, nil, err
		}
	}
	return body, extra, nil
}

// typedFields are the API fields the typed parameters own, so "advanced" cannot set
// them behind the parameter's back.
func (c ziaCRUD) typedFields(body map[string]any) map[string]string {
	owned := map[string]string{}
	for param, field := range c.Fields {
		owned[field] = param
	}
	for k := range c.CreateFields {
		owned[k] = ""
	}
	for k := range body {
		if _, ok := owned[k]; !ok {
			owned[k] = ""
		}
	}
	return owned
}

// createTool posts a new object built from the arguments and CreateFields, after
// CheckBody, and returns it as the API stored it.
func (c ziaCRUD) createTool(up Upstream) Tool {
	params := c.createParams()
	return ziaDeclare(c.Toolset, "zia_create_"+c.Noun, "Create a ZIA "+c.What,
		c.CreateDescription, Create, params,
		func(ctx context.Context, args Args) (Result, error) {
			body, extra, err := c.body(args, params, nil)
			if err != nil {
				return Result{}, err
			}
			for k, v := range c.CreateFields {
				if _, set := body[k]; !set {
					body[k] = v
				}
			}
			if c.CheckBody != nil {
				if err := c.CheckBody(body, true); err != nil {
					return Result{}, err
				}
			}
			v, err := up.ZIAWrite(ctx, http.MethodPost, c.collection(args), body)
			if err != nil {
				return Result{}, err
			}
			return ziaWithIgnored(ziaStaged("created", v), extra, v), nil
		})
}

// updateTool reads the object, runs the checks on it and on the merged result, and
// sends it back whole with the given fields changed. An update that would change no
// field is not sent, so that it stages nothing.
func (c ziaCRUD) updateTool(up Upstream) Tool {
	params := c.updateParams()
	return ziaDeclare(c.Toolset, "zia_update_"+c.Noun, "Update a ZIA "+c.What,
		c.UpdateDescription, Update, params,
		func(ctx context.Context, args Args) (Result, error) {
			skip := []string{c.IDName}
			if c.Scope != nil {
				skip = append(skip, c.Scope.Name)
			}
			if err := ziaNeedChange(args, params, skip...); err != nil {
				return Result{}, err
			}

			path, err := c.objectPath(args)
			if err != nil {
				return Result{}, err
			}
			cur, err := ziaCurrent(ctx, up, path)
			if err != nil {
				return Result{}, err
			}
			if c.CheckExisting != nil {
				if err := c.CheckExisting(cur, Update); err != nil {
					return Result{}, err
				}
			}

			patch, extra, err := c.body(args, params, cur)
			if err != nil {
				return Result{}, err
			}
			if c.CheckBody != nil {
				merged := maps.Clone(cur)
				maps.Copy(merged, patch)
				if err := c.CheckBody(merged, false); err != nil {
					return Result{}, err
				}
			}
			if c.CheckPatch != nil {
				if err := c.CheckPatch(cur, patch); err != nil {
					return Result{}, err
				}
			}

			if ziaChangesNothing(cur, patch) {
				return ziaUnchanged("updated", cur), nil
			}
			v, err := ziaReplace(ctx, up, path, cur, patch)
			if err != nil {
				return Result{}, err
			}
			return ziaWithIgnored(ziaStaged("updated", v), extra, v), nil
		})
}

// objectPath validates the id argument and returns the object's path.
func (c ziaCRUD) objectPath(args Args) (string, error) {
	return ziaArgObjectPath(args, c.collection(args), c.IDName, c.StringID)
}

// deleteTool deletes one object, after the delete checks when there are any. Its
// Describe names the object for the human who confirms the deletion.
func (c ziaCRUD) deleteTool(up Upstream) Tool {
	params := append(c.scopeParams(),
		ziaCollectionIDParam(c.IDName, c.IDDescription, c.StringID, c.BuiltInIDs))
	t := ziaDeclare(c.Toolset, "zia_delete_"+c.Noun, "Delete a ZIA "+c.What,
		c.DeleteDescription, Delete, params,
		func(ctx context.Context, args Args) (Result, error) {
			path, err := c.objectPath(args)
			if err != nil {
				return Result{}, err
			}
			if c.checksDelete() {
				cur, err := ziaCurrent(ctx, up, path)
				if err != nil {
					return Result{}, err
				}
				if err := c.checkDelete(ctx, cur); err != nil {
					return Result{}, err
				}
			}
			if _, err := up.ZIAWrite(ctx, http.MethodDelete, path, nil); err != nil {
				return Result{}, err
			}
			return ziaDeleted(Resource{Type: c.what(args), ID: ziaLastSegment(path)}), nil
		})
	t.Describe = func(ctx context.Context, args Args) (Resource, error) {
		path, err := c.objectPath(args)
		if err != nil {
			return Resource{Type: c.what(args), ID: args.String(c.IDName)}, err
		}
		res := Resource{Type: c.what(args), ID: ziaLastSegment(path)}
		cur, err := ziaCurrent(ctx, up, path)
		if err != nil {
			return res, err
		}
		res.Name = ziaFirstString(cur, c.NameKeys...)
		// A delete that would be refused anyway is refused before anybody is asked to
		// confirm it: a person should not approve what cannot happen.
		return res, c.checkDelete(ctx, cur)
	}
	return t
}

// checksDelete reports whether a delete is checked against the current object.
func (c ziaCRUD) checksDelete() bool { return c.CheckExisting != nil || c.CheckDelete != nil }

// checkDelete runs the delete checks on the current object cur.
func (c ziaCRUD) checkDelete(ctx context.Context, cur map[string]any) error {
	if c.CheckExisting != nil {
		if err := c.CheckExisting(cur, Delete); err != nil {
			return err
		}
	}
	if c.CheckDelete != nil {
		return c.CheckDelete(ctx, cur)
	}
	return nil
}

// ziaLastSegment returns the unescaped last segment of a path: the object's id.
func ziaLastSegment(path string) string {
	seg := path[strings.LastIndex(path, "/")+1:]
	if u, err := url.PathUnescape(seg); err == nil {
		return u
	}
	return seg
}

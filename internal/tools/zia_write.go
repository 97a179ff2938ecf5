package tools

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaWriteTools returns the ZIA tools that change the tenant, toolset by toolset. They
// are declared apart from the reads so that the read catalog can be checked on its own;
// whether a write tool is served at all is decided where tools are registered.
func ziaWriteTools(up Upstream) []Tool {
	return slices.Concat(
		ziaAdminWriteTools(up),
		ziaLocationWriteTools(up),
		ziaStaticIPWriteTools(up),
		ziaVPNCredentialWriteTools(up),
		ziaGRETunnelWriteTools(up),
		ziaURLCategoryWriteTools(up),
		ziaURLFilteringWriteTools(up),
		ziaCloudFirewallWriteTools(up),
		ziaIPGroupWriteTools(up),
		ziaNetworkServiceWriteTools(up),
		ziaNetworkAppGroupWriteTools(up),
		ziaIPSSignatureWriteTools(up),
		ziaRuleLabelWriteTools(up),
		ziaSettingsWriteTools(up),
		ziaTimeIntervalWriteTools(up),
		ziaShadowITWriteTools(up),
		ziaDLPWriteTools(up),
		ziaCloudAppControlWriteTools(up),
		ziaSandboxWriteTools(up),
		ziaSSLInspectionWriteTools(up),
		ziaFileTypeControlWriteTools(up),
	)
}

// ziaPendingNote goes with every change: ZIA stages configuration changes until they are
// activated, and an agent that does not know it would report a change as done while the
// tenant still enforces the old policy.
const ziaPendingNote = "Staged, not yet in effect: ZIA applies configuration changes only " +
	"once they are activated. Call zia_activate_configuration after the last change."

// ziaStaged is the result of a create or update: the object as the API returned it under
// key ("created" or "updated"), and the reminder that the change is staged.
func ziaStaged(key string, v any) map[string]any {
	return map[string]any{key: v, "activation": ziaPendingNote}
}

// ziaChangesNothing reports whether every field of patch already has that value in
// cur, so that sending it would stage a change that changes nothing.
func ziaChangesNothing(cur, patch map[string]any) bool {
	for field, v := range patch {
		if old, had := cur[field]; !had || !ziaSameJSON(old, v) {
			return false
		}
	}
	return true
}

// ziaSameJSON reports whether a and b encode to the same JSON, so that 75 read as a
// json.Number equals 75 given as a float.
func ziaSameJSON(a, b any) bool {
	ja, errA := json.Marshal(a)
	jb, errB := json.Marshal(b)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// ziaUnchanged is the result of a write that was not sent because it would change
// nothing: the object as it is, and no activation pending on its account.
func ziaUnchanged(key string, cur map[string]any) Result {
	return Object(map[string]any{key: cur, "message": "Nothing was changed: every " +
		"field given already has that value, so nothing was staged."})
}

// ziaDeleted is the result of a delete: the objects removed, by type and id.
func ziaDeleted(gone ...Resource) Result {
	list := make([]any, 0, len(gone))
	for _, g := range gone {
		list = append(list, map[string]any{"type": g.Type, "id": g.ID})
	}
	return Object(map[string]any{"deleted": list, "activation": ziaPendingNote})
}

// ziaObjectPath is the path of one object of a collection.
func ziaObjectPath(collection, id string) string {
	return collection + "/" + url.PathEscape(id)
}

// ziaParseIntID checks that s is a whole number and returns it as an exact JSON number
// in plain decimal. Numeric ids go into request bodies, where the API refuses strings,
// and 64-bit ids must keep every digit, so they are never converted through a float.
func ziaParseIntID(param, s string) (json.Number, error) {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if errors.Is(err, strconv.ErrRange) {
		return "", toolerr.New(toolerr.InvalidArgument, "parameter %q got %q, which is "+
			"beyond the 64-bit range of ZIA ids (at most 19 digits)", param, s)
	}
	if err != nil {
		return "", toolerr.New(toolerr.InvalidArgument,
			"parameter %q must be a numeric id, got %q", param, s)
	}
	return json.Number(strconv.FormatInt(n, 10)), nil
}

// ziaArgObjectPath returns the path of the object in collection that the id argument
// idName names. Unless stringID, the id must be a whole number and is sent in plain
// decimal, so "0042" names object 42 in every tool of the collection. A Numeric id
// argument is already in plain decimal once validated (see Param.Numeric), so for one
// the parse only confirms it; its error is for a handler called with arguments that
// were not validated, or an id parameter not declared Numeric.
func ziaArgObjectPath(args Args, collection, idName string, stringID bool) (string, error) {
	id := args.String(idName)
	if !stringID {
		n, err := ziaIntID(args, idName)
		if err != nil {
			return "", err
		}
		id = n.String()
	}
	return ziaObjectPath(collection, id), nil
}

// ziaIntID returns the numeric id argument name. Validation has already checked and
// normalised a Numeric one; the error is for an argument that skipped validation.
func ziaIntID(args Args, name string) (json.Number, error) {
	return ziaParseIntID(name, args.String(name))
}

// ziaRefs turns numeric ids into the API's references, [{"id": n}]. The ids of a
// Numeric list parameter arrive validated, in plain decimal; the error is for ids that
// skipped validation.
func ziaRefs(param string, ids []string) ([]any, error) {
	out := make([]any, 0, len(ids))
	for _, id := range ids {
		n, err := ziaParseIntID(param, id)
		if err != nil {
			return nil, err
		}
		out = append(out, map[string]any{"id": n})
	}
	return out, nil
}

// ziaCurrent reads the object at path; anything but a JSON object is an upstream fault.
func ziaCurrent(ctx context.Context, up Upstream, path string) (map[string]any, error) {
	v, err := up.ZIAGet(ctx, path, nil)
	if err != nil {
		return nil, err
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, toolerr.New(toolerr.UpstreamUnavailable,
			"the API answered %s with something other than an object", path)
	}
	return obj, nil
}

// ziaReplace sends cur with patch applied back to path. The ZIA API replaces an object
// on PUT, so sending the changed fields alone would reset every other one; updates
// therefore read the object first and send it whole.
// TODO: a change another administrator makes between the read and the PUT is
// overwritten; ZIA offers no version check that would let us detect it.
func ziaReplace(ctx context.Context, up Upstream, path string, cur,
	patch map[string]any) (any, error) {
	body := make(map[string]any, len(cur)+len(patch))
	maps.Copy(body, cur)
	maps.Copy(body, patch)
	return up.ZIAWrite(ctx, http.MethodPut, path, body)
}

// ziaPatch collects the API fields set by the given arguments: fields maps parameter
// names to API field names. Parameters not given (and without a default) are left out.
func ziaPatch(params []Param, fields map[string]string, args Args) map[string]any {
	out := map[string]any{}
	for _, p := range params {
		key, ok := fields[p.Name]
		if !ok || !args.Has(p.Name) {
			continue
		}
		switch p.Type {
		case Boolean:
			out[key] = args.Bool(p.Name)
		case Integer:
			out[key] = args.Int(p.Name)
		case Number:
			out[key] = args.Float(p.Name)
		case StringList:
			out[key] = args.Strings(p.Name)
		case String, ID:
			out[key] = args.String(p.Name)
		default:
			// Ids lists, objects and tuples have no one API shape (numbers, references,
			// nested objects): read as text they would go out as "". Such a parameter
			// belongs in the tool's own conversion, and every parameter is called in
			// tests, so a mapping added by mistake fails there rather than with a user.
			panic(fmt.Sprintf("parameter %q of type %s has no field conversion", p.Name,
				p.Type))
		}
	}
	return out
}

// ziaNeedChange refuses an update that names no field to change: it would send the
// object back as it is and still stage a change. ids are the parameters that name the
// object rather than change it. An empty object (advanced: {}) names no field either.
func ziaNeedChange(args Args, params []Param, ids ...string) error {
	var names []string
	for _, p := range params {
		if slices.Contains(ids, p.Name) {
			continue
		}
		if args.Has(p.Name) && (p.Type != JSONObject || len(args.Object(p.Name)) > 0) {
			return nil
		}
		names = append(names, p.Name)
	}
	return toolerr.New(toolerr.InvalidArgument,
		"nothing to change: give at least one of %s", strings.Join(names, ", "))
}

// ziaFirstString returns the first non-empty string field of obj among keys.
func ziaFirstString(obj map[string]any, keys ...string) string {
	for _, k := range keys {
		if s, _ := obj[k].(string); strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// Sentences the write tools' descriptions share.
const (
	ziaStagedHint = "The change is staged until zia_activate_configuration."
	ziaDeleteHint = "A human must confirm the deletion. " + ziaStagedHint
)

package tools

import (
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// An SSL inspection rule's action is an object, not a string: {"type": "DECRYPT",
// "decryptSubActions": {...}, ...}. The API refuses a string action as an invalid body,
// so the action parameter names the type and the object is built here, with the
// settings given in advanced moved into it.

// ziaSSLActionTypes are the values of an SSL inspection rule's action.type.
var ziaSSLActionTypes = []string{"DECRYPT", "DO_NOT_DECRYPT", "BLOCK"}

// ziaSSLActionFields are the action fields advanced may set, each with the fields of
// its nested object, or nil for a plain value.
var ziaSSLActionFields = map[string][]string{
	"showEUN":                    nil,
	"showEUNATP":                 nil,
	"overrideDefaultCertificate": nil,
	"sslInterceptionCert":        {"id", "name", "defaultCertificate"},
	"decryptSubActions": {"serverCertificates", "ocspCheck", "blockSslTrafficWithNoSniEnabled",
		"minClientTLSVersion", "minServerTLSVersion", "blockUndecrypt", "http2Enabled"},
	"doNotDecryptSubActions": {"bypassOtherPolicies", "serverCertificates", "ocspCheck",
		"blockSslTrafficWithNoSniEnabled", "minTLSVersion"},
}

// ziaSSLAction builds the action object of an SSL inspection rule from the action
// parameter (its type) and the action settings given in advanced. On update, a call
// that keeps the type keeps the current settings and changes only those given; a call
// that changes the type starts from the given settings alone, since the old type's
// settings do not apply to the new one. A call that touches neither leaves the action
// as it is.
func ziaSSLAction(args Args, body, extra, cur map[string]any) error {
	given, err := ziaSSLActionSettings(body, extra)
	if err != nil {
		return err
	}
	typ := args.String("action")
	if typ == "" && len(given) == 0 {
		return nil
	}
	curAction, _ := cur["action"].(map[string]any)
	curType, _ := curAction["type"].(string)
	if typ == "" {
		if curType == "" {
			return toolerr.New(toolerr.InvalidArgument, "the rule's action has no type to "+
				"apply %s to; give action as well", strings.Join(ziaSortedKeys(given), ", "))
		}
		typ = curType
	}
	action := map[string]any{}
	if typ == curType {
		for k, v := range curAction {
			action[k] = ziaCloneJSON(v)
		}
	}
	action["type"] = typ
	// A BLOCK action carries no settings block: drop those kept from the current
	// action, while those given are refused below.
	if typ == "BLOCK" {
		delete(action, "decryptSubActions")
		delete(action, "doNotDecryptSubActions")
	}
	for field, v := range given {
		nested, isObj := v.(map[string]any)
		old, hadObj := action[field].(map[string]any)
		if isObj && hadObj {
			merged := maps.Clone(old)
			maps.Copy(merged, nested)
			v = merged
		}
		action[field] = v
	}
	body["action"] = action
	return ziaCheckSSLAction(action)
}

// ziaSSLActionSettings takes the action fields out of the advanced fields (and the body
// they were merged into), with the names of their nested fields checked and spelt as
// the API does. Names match ignoring case and underscores, so show_eun is showEUN.
func ziaSSLActionSettings(body, extra map[string]any) (map[string]any, error) {
	given := map[string]any{}
	for name, v := range extra {
		field, ok := ziaSpelling(name, slices.Collect(maps.Keys(ziaSSLActionFields)))
		if !ok {
			continue
		}
		delete(body, name)
		delete(extra, name)
		if inner := ziaSSLActionFields[field]; inner != nil && v != nil {
			obj, isObj := v.(map[string]any)
			if !isObj {
				return nil, toolerr.New(toolerr.InvalidArgument, "advanced field %q must be "+
					"an object with the fields %s", name, strings.Join(inner, ", "))
			}
			fixed, err := ziaSSLNested(name, obj, inner)
			if err != nil {
				return nil, err
			}
			v = fixed
		}
		given[field] = v
	}
	return given, nil
}

// ziaSSLNested spells the fields of a nested action object as the API does and refuses
// those it does not have, which the API would refuse as an invalid body without
// saying which one.
func ziaSSLNested(name string, obj map[string]any, fields []string) (map[string]any, error) {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		field, ok := ziaSpelling(k, fields)
		if !ok {
			return nil, toolerr.New(toolerr.InvalidArgument, "advanced field %q has no field "+
				"%q; its fields are %s", name, k, strings.Join(fields, ", "))
		}
		if field == "id" {
			id, err := ziaExactID(name+".id", v)
			if err != nil {
				return nil, err
			}
			v = id
		}
		out[field] = v
	}
	return out, nil
}

// ziaSpelling finds name among fields, ignoring case and underscores.
func ziaSpelling(name string, fields []string) (string, bool) {
	squash := func(s string) string { return strings.ToLower(strings.ReplaceAll(s, "_", "")) }
	for _, f := range fields {
		if squash(f) == squash(name) {
			return f, true
		}
	}
	return "", false
}

// ziaCheckSSLAction refuses an action the API refuses, saying what it needs: DECRYPT
// needs its certificate and TLS settings, DO_NOT_DECRYPT its block (with server
// checks unless other policies are bypassed), and BLOCK takes no settings block.
func ziaCheckSSLAction(action map[string]any) error {
	typ, _ := action["type"].(string)
	switch typ {
	case "DECRYPT":
		sub, _ := action["decryptSubActions"].(map[string]any)
		if missing := ziaEmptyFields(sub, "serverCertificates", "minClientTLSVersion",
			"minServerTLSVersion"); len(missing) > 0 {
			return toolerr.New(toolerr.InvalidArgument, "action DECRYPT needs "+
				"decryptSubActions with %s, given in advanced, e.g. {\"decryptSubActions\": "+
				"{\"serverCertificates\": \"BLOCK\", \"minClientTLSVersion\": \"CLIENT_TLS_1_2\", "+
				"\"minServerTLSVersion\": \"SERVER_TLS_1_2\"}}", strings.Join(missing, ", "))
		}
	case "DO_NOT_DECRYPT":
		sub, isObj := action["doNotDecryptSubActions"].(map[string]any)
		if !isObj {
			return toolerr.New(toolerr.InvalidArgument, "action DO_NOT_DECRYPT needs "+
				"doNotDecryptSubActions, given in advanced, e.g. {\"doNotDecryptSubActions\": "+
				"{\"bypassOtherPolicies\": true}}")
		}
		bypass, _ := sub["bypassOtherPolicies"].(bool)
		missing := ziaEmptyFields(sub, "serverCertificates", "minTLSVersion")
		switch {
		case bypass && len(missing) < 2:
			return toolerr.New(toolerr.InvalidArgument, "doNotDecryptSubActions with "+
				"bypassOtherPolicies takes no serverCertificates or minTLSVersion: the traffic "+
				"skips those checks")
		case !bypass && len(missing) > 0:
			return toolerr.New(toolerr.InvalidArgument, "doNotDecryptSubActions without "+
				"bypassOtherPolicies needs %s, e.g. {\"serverCertificates\": \"BLOCK\", "+
				"\"minTLSVersion\": \"SERVER_TLS_1_2\"}", strings.Join(missing, ", "))
		}
	case "BLOCK":
		for _, block := range []string{"decryptSubActions", "doNotDecryptSubActions"} {
			if action[block] != nil {
				return toolerr.New(toolerr.InvalidArgument, "action BLOCK takes no %s", block)
			}
		}
	}
	return nil
}

// ziaEmptyFields returns those of fields that obj lacks or holds as an empty string.
func ziaEmptyFields(obj map[string]any, fields ...string) []string {
	var missing []string
	for _, f := range fields {
		if s, isStr := obj[f].(string); obj[f] == nil || isStr && strings.TrimSpace(s) == "" {
			missing = append(missing, f)
		}
	}
	return missing
}

func ziaSortedKeys(m map[string]any) []string {
	keys := slices.Collect(maps.Keys(m))
	sort.Strings(keys)
	return keys
}

// ziaCloneJSON deep-copies a decoded JSON value, so that building a new object from the
// current one never changes the current one.
func ziaCloneJSON(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = ziaCloneJSON(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = ziaCloneJSON(e)
		}
		return out
	}
	return v
}

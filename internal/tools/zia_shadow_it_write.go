package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaSanctionStates maps the sanction_state values to the API's sanctionedState.
var ziaSanctionStates = map[string]string{
	"sanctioned": "SANCTIONED", "unsanctioned": "UN_SANCTIONED", "any": "ANY",
}

// ziaShadowITWriteTools returns the zia_shadow_it write tool.
func ziaShadowITWriteTools(up Upstream) []Tool {
	params := []Param{
		{Name: "sanction_state", Type: String, Required: true,
			Enum: []string{"sanctioned", "unsanctioned", "any"},
			Description: "State given to every listed application: sanctioned, unsanctioned, " +
				"or any (the API's ANY state)."},
		{Name: "application_ids", Type: IDList, Required: true, JSONText: true, Numeric: true,
			Description: "Ids of the applications to change, from zia_list_shadow_it_apps. " +
				"A list, or the list written as JSON text."},
		{Name: "custom_tag_ids", Type: IDList, JSONText: true, Numeric: true,
			Description: "Ids of custom tags, from zia_list_shadow_it_custom_tags, that the " +
				"listed applications get; left out, their tags stay as they are."},
	}
	return []Tool{ziaDeclare("zia_shadow_it", "zia_bulk_update_shadow_it_apps",
		"Sanction or tag ZIA shadow IT applications in bulk",
		"Sets the sanction state of many shadow IT applications at once and, with "+
			"custom_tag_ids, their custom tags. The result says which applications "+
			"changed and to what. The API takes about one bulk update a minute (four an "+
			"hour): put every application of one change in one call. "+ziaStagedHint,
		Update, params,
		func(ctx context.Context, args Args) (Result, error) {
			return ziaBulkUpdateApps(ctx, up, args)
		})}
}

// ziaBulkUpdateApps sets the sanction state, and the custom tags when given, of the
// listed cloud applications in one call. The tags are read first, so that an unknown
// tag id is refused before anything changes and the summary can name them.
func ziaBulkUpdateApps(ctx context.Context, up Upstream, args Args) (Result, error) {
	apps, err := ziaDistinctIntIDs("application_ids", args.Strings("application_ids"))
	if err != nil {
		return Result{}, err
	}
	if len(apps) == 0 {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			`parameter "application_ids" needs at least one application id, from `+
				"zia_list_shadow_it_apps")
	}

	state := ziaSanctionStates[args.String("sanction_state")]
	body := map[string]any{"sanctionedState": state, "applicationIds": apps}
	updated := map[string]any{"sanctionedState": state, "applicationIds": apps}
	var tagNames []string
	if args.Has("custom_tag_ids") {
		tags, err := ziaCustomTags(ctx, up, args.Strings("custom_tag_ids"))
		if err != nil {
			return Result{}, err
		}
		refs := make([]any, 0, len(tags))
		for _, t := range tags {
			refs = append(refs, map[string]any{"id": t["id"]})
			tagNames = append(tagNames, strconv.Quote(ziaField(t, "name")))
		}
		body["customTags"] = refs
		updated["customTags"] = tags
	}

	v, err := up.ZIAWrite(ctx, http.MethodPut, "/cloudApplications/bulkUpdate", body)
	if err != nil {
		return Result{}, err
	}
	res := ziaStaged("updated", updated)
	res["summary"] = ziaBulkSummary(len(apps), state, tagNames)
	if v != nil {
		res["response"] = v
	}
	return Object(res), nil
}

// ziaBulkSummary says in words what a bulk update changed.
func ziaBulkSummary(apps int, state string, tags []string) string {
	what := "1 application"
	if apps != 1 {
		what = fmt.Sprintf("%d applications", apps)
	}
	s := fmt.Sprintf("%s set to %s", what, state)
	if tags != nil {
		s += "; their custom tags are now " + strings.Join(tags, ", ")
	}
	return s + "."
}

// ziaDistinctIntIDs returns numeric ids once each, in the order given, as JSON numbers.
// The ids of a Numeric list parameter arrive validated, in plain decimal, so "042" and
// 42 are already one id; the error is for ids that skipped validation.
func ziaDistinctIntIDs(param string, ids []string) ([]any, error) {
	out := make([]any, 0, len(ids))
	seen := map[json.Number]bool{}
	for _, id := range ids {
		n, err := ziaParseIntID(param, id)
		if err != nil {
			return nil, err
		}
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out, nil
}

// ziaCustomTags reads the tenant's custom tags and returns the ones ids name, as
// {id, name}. An unknown id is refused before anything changes, with the tags that
// exist, so the agent can correct the call.
func ziaCustomTags(ctx context.Context, up Upstream, ids []string) ([]map[string]any, error) {
	want, err := ziaDistinctIntIDs("custom_tag_ids", ids)
	if err != nil {
		return nil, err
	}
	if len(want) == 0 {
		return nil, toolerr.New(toolerr.InvalidArgument,
			`parameter "custom_tag_ids" is empty: give at least one tag id, or leave it out `+
				"to keep the applications' tags")
	}
	all, err := up.ZIAListUnpaged(ctx, "/customTags", nil)
	if err != nil {
		return nil, err
	}
	byID := map[string]map[string]any{}
	known := "none"
	for _, t := range all {
		m, _ := t.(map[string]any)
		id := ziaIDText(m["id"])
		byID[id] = m
		entry := fmt.Sprintf("%s (%s)", id, ziaField(m, "name"))
		if len(byID) == 1 {
			known = entry
		} else {
			known += ", " + entry
		}
	}
	out := make([]map[string]any, 0, len(want))
	for _, id := range want {
		tag, ok := byID[string(id.(json.Number))]
		if !ok {
			return nil, toolerr.New(toolerr.InvalidArgument,
				"custom tag %s does not exist; nothing was changed. Tags: %s", id, known)
		}
		out = append(out, map[string]any{"id": id, "name": tag["name"]})
	}
	return out, nil
}

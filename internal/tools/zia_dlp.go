package tools

import (
	"context"
	"net/url"
)

// The zia_dlp read tools. The dictionary and engine tools keep the legacy get_zia_*
// names; like get_zia_users they always return a list, holding just the one object
// when its id is given, so the result's shape does not depend on the arguments.

// ziaDLPTools returns the zia_dlp read tools.
func ziaDLPTools(up Upstream) []Tool {
	const ts = "zia_dlp"
	return []Tool{
		ziaDLPCatalog{
			Name: "get_zia_dlp_dictionaries", Title: "List or get ZIA DLP dictionaries",
			Description: "Returns DLP dictionaries (predefined ones such as Credit Cards, and " +
				"custom ones with their phrases, patterns or exact-data-match details) as a " +
				"list. With dict_id returns just that dictionary; otherwise search is applied " +
				"by the API. Predefined dictionaries have custom false. DLP engines combine " +
				"dictionaries by id (D24.S in an engine expression is dictionary 24).",
			Path: "/dlpDictionaries", IDName: "dict_id", What: "dictionary",
			SearchWhat: "dictionary names and descriptions",
		}.tool(ts, up),
		ziaDLPCatalog{
			Name: "get_zia_dlp_engines", Title: "List or get ZIA DLP engines",
			Description: "Returns DLP engines (predefined ones such as PCI or HIPAA, with " +
				"customDlpEngine false and a predefinedEngineName, and custom ones with their " +
				"engine expression) as a list. With engine_id returns just that engine; " +
				"otherwise search narrows the list on our side (the API has no filter for " +
				"engines). Engine ids feed the dlpEngines of web DLP rules.",
			Path: "/dlpEngines", IDName: "engine_id", What: "engine",
			SearchWhat: "engine names and descriptions", LocalSearch: []string{"name", "description"},
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_web_dlp_rules",
			Title: "List ZIA web DLP rules",
			Description: "Lists web DLP policy rules in policy order with their action, DLP " +
				"engines, file types, cloud applications, severity and who they apply to. " +
				"Ids feed zia_get_web_dlp_rule; zia_list_web_dlp_rules_lite is lighter.",
			Path:   "/webDlpRules",
			Params: []Param{ziaLocalSearchParam("the rule name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaList{
			Name:  "zia_list_web_dlp_rules_lite",
			Title: "List ZIA web DLP rules (names and ids)",
			Description: "Lists web DLP rules with only the few fields the API's lite view " +
				"carries (id and name), for finding a rule's id cheaply; " +
				"zia_list_web_dlp_rules returns whole rules.",
			Path:   "/webDlpRules/lite",
			Params: []Param{ziaLocalSearchParam("the rule name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_web_dlp_rule",
			Title:         "Get a ZIA web DLP rule",
			Description:   "Returns one web DLP rule by id with all its conditions.",
			Path:          "/webDlpRules",
			IDName:        "rule_id",
			IDDescription: "Web DLP rule id, from zia_list_web_dlp_rules.",
		}.tool(ts, up),
	}
}

// ziaDLPCatalog declares a legacy get_zia_dlp_* tool: a list (whole records, or the
// API's lite view), or one object by id.
type ziaDLPCatalog struct {
	Name, Title, Description string
	// Path is the collection; its lite view is Path/lite.
	Path string
	// IDName is the optional id parameter; What names one object in words.
	IDName, What string
	// SearchWhat says what search matches.
	SearchWhat string
	// LocalSearch, when set, names the fields search is matched against on our side,
	// for a collection whose lists the API cannot filter; otherwise search is sent.
	LocalSearch []string
}

// tool declares the catalog tool: one object by id as a one-item list, or the whole
// list (or its lite view) with search applied by the API or, for LocalSearch, here.
func (c ziaDLPCatalog) tool(toolset string, up Upstream) Tool {
	params := []Param{
		{Name: "action", Type: String, Enum: []string{"read", "read_lite"}, Default: "read",
			Description: "read lists whole records; read_lite lists the API's lite view " +
				"(ids and names). With " + c.IDName + " the whole record is returned either way."},
		ziaOptionalID(c.IDName, "DLP "+c.What+" id; when given only that "+c.What+
			" is returned, as a one-item list."),
		ziaSearchParam(c.SearchWhat),
	}
	if c.LocalSearch != nil {
		params[2] = ziaLocalSearchParam(c.SearchWhat)
	}
	t := ziaRead(toolset, c.Name, c.Title, c.Description, params,
		func(ctx context.Context, args Args) (Result, error) {
			if args.Has(c.IDName) {
				return ziaGetOneAsList(ctx, up, c.Path, args, c.IDName, "search")
			}
			path := c.Path
			if args.String("action") == "read_lite" {
				path += "/lite"
			}
			q := url.Values{}
			if c.LocalSearch == nil {
				ziaSetGiven(q, args, ziaBySearch)
			}
			items, err := up.ZIAList(ctx, path, q)
			if err != nil {
				return Result{}, err
			}
			if c.LocalSearch != nil {
				items, _ = ziaSearchFields(c.LocalSearch...)(args, items)
			}
			return List(items), nil
		})
	t.Lists = true
	return t
}

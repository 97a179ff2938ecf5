package tools

import (
	"context"
	"net/url"
	"strconv"
)

// ziaSSLInspectionTools returns the zia_ssl_inspection read tools.
func ziaSSLInspectionTools(up Upstream) []Tool {
	const ts = "zia_ssl_inspection"
	return []Tool{
		ziaList{
			Name:  "zia_list_ssl_inspection_rules",
			Title: "List ZIA SSL inspection rules",
			Description: "Lists SSL inspection rules in policy order, including predefined and " +
				"default ones, with their action object (action.type DECRYPT, DO_NOT_DECRYPT " +
				"or BLOCK and its settings), URL categories, cloud applications and the users, " +
				"groups and locations they apply to. The API has no filter for this list: use " +
				"query to narrow it. Ids feed zia_get_ssl_inspection_rule.",
			Path:    "/sslInspectionRules",
			Unpaged: true,
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_ssl_inspection_rule",
			Title:         "Get a ZIA SSL inspection rule",
			Description:   "Returns one SSL inspection rule by id with its action object and conditions.",
			Path:          "/sslInspectionRules",
			IDName:        "rule_id",
			IDDescription: "SSL inspection rule id, from zia_list_ssl_inspection_rules.",
		}.tool(ts, up),
		ziaCloudAppCatalogTool(ts, up, "zia_list_cloud_app_ssl_policy",
			"/cloudApplications/sslPolicy", "SSL inspection rules"),
	}
}

// ziaCloudAppCatalogTool lists the cloud applications one kind of policy rule can
// name: their canonical ids (app) go into a rule's cloudApplications.
func ziaCloudAppCatalogTool(ts string, up Upstream, name, path, rules string) Tool {
	t := ziaRead(ts, name, "List ZIA cloud applications for "+rules,
		"Lists the predefined and custom cloud applications "+rules+" can match: the "+
			"canonical id (app, such as ONEDRIVE) to put in a rule's cloudApplications, its "+
			"display name and its category (parent). search and app_class are applied by the "+
			"API; group_results returns application counts per category instead. Without "+
			"page every page is read.",
		[]Param{
			ziaSearchParam("application names"),
			{Name: "app_class", Type: String,
				Description: "Only applications of this category, such as WEBMAIL, " +
					"SOCIAL_NETWORKING, FILE_SHARE, AI_ML or BUSINESS_PRODUCTIVITY."},
			ziaPageParam, ziaPageSizeParam,
			{Name: "group_results", Type: Boolean,
				Description: "When true, returns the number of applications per category " +
					"instead of the applications."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			ziaSetGiven(q, args, map[string]string{"search": "search", "app_class": "appClass"})
			if args.Has("group_results") {
				q.Set("groupResults", strconv.FormatBool(args.Bool("group_results")))
			}
			return ziaReadPages(ctx, up, path, q, args, nil)
		})
	t.Lists = true
	return t
}

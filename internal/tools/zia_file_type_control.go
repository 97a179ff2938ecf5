package tools

import (
	"context"
	"net/url"
	"strconv"
)

// ziaFileTypeControlTools returns the zia_file_type_control read tools.
func ziaFileTypeControlTools(up Upstream) []Tool {
	const ts = "zia_file_type_control"
	return []Tool{
		ziaList{
			Name:  "zia_list_file_type_control_rules",
			Title: "List ZIA file type control rules",
			Description: "Lists file type control rules in policy order with their action " +
				"(filteringAction), file types, operation (upload, download), protocols and " +
				"the users, groups and locations they apply to. Ids feed " +
				"zia_get_file_type_control_rule.",
			Path:   "/fileTypeRules",
			Params: []Param{ziaLocalSearchParam("the rule name")},
			Filter: ziaSearchFields("name"),
		}.tool(ts, up),
		ziaGet{
			Name:          "zia_get_file_type_control_rule",
			Title:         "Get a ZIA file type control rule",
			Description:   "Returns one file type control rule by id with all its conditions.",
			Path:          "/fileTypeRules",
			IDName:        "rule_id",
			IDDescription: "File type control rule id, from zia_list_file_type_control_rules.",
		}.tool(ts, up),
		ziaFileTypeCategoriesTool(ts, up),
	}
}

// ziaFileTypeCategoriesTool lists the file types rules can name, predefined and custom.
func ziaFileTypeCategoriesTool(ts string, up Upstream) Tool {
	t := ziaRead(ts, "zia_list_file_type_categories", "List ZIA file types",
		"Lists the file types (predefined and custom) that file type control, sandbox and "+
			"DLP rules can match, with the category each belongs to. Their names go into "+
			"a rule's fileTypes. enums narrows the list to the types one kind of policy "+
			"accepts.",
		[]Param{
			{Name: "enums", Type: StringList,
				Description: "Only the file types usable in these policies, as the API names " +
					"them: FILETYPECATEGORYFORFILETYPECONTROL (file type control), " +
					"ZSCALERDLP (DLP) or EXTERNALDLP (external DLP)."},
			{Name: "exclude_custom_file_types", Type: Boolean,
				Description: "When true, custom file types are left out."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			for _, e := range args.Strings("enums") {
				q.Add("enums", e)
			}
			if args.Has("exclude_custom_file_types") {
				q.Set("excludeCustomFileTypes",
					strconv.FormatBool(args.Bool("exclude_custom_file_types")))
			}
			items, err := up.ZIAList(ctx, "/fileTypeCategories", q)
			if err != nil {
				return Result{}, err
			}
			return List(items), nil
		})
	t.Lists = true
	return t
}

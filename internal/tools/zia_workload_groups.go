package tools

import (
	"context"
	"net/url"
)

// ziaWorkloadGroupTools returns the zia_workload_groups read tools.
func ziaWorkloadGroupTools(up Upstream) []Tool {
	const ts = "zia_workload_groups"
	list := ziaRead(ts, "zia_list_workload_groups", "List ZIA workload groups",
		"Lists the workload groups policy rules can target, each with its tag expression "+
			"(expression as text, expressionJson as structure). Without page or page_size "+
			"every page is read; with page only that page is returned, and a page shorter "+
			"than page_size (250 when not given) is the last.",
		[]Param{ziaPageParam, ziaPageSizeParam},
		func(ctx context.Context, args Args) (Result, error) {
			return ziaReadPages(ctx, up, "/workloadGroups", url.Values{}, args, nil)
		})
	list.Lists = true
	return []Tool{list, ziaGet{
		Name:          "zia_get_workload_group",
		Title:         "Get a ZIA workload group",
		Description:   "Returns one workload group by id, with its tag expression.",
		Path:          "/workloadGroups",
		IDName:        "group_id",
		IDDescription: "Workload group id, from zia_list_workload_groups.",
	}.tool(ts, up)}
}

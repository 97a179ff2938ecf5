package tools

import (
	"context"
	"net/url"
)

// ziaTimeIntervalTools returns the zia_time_intervals read tools.
func ziaTimeIntervalTools(up Upstream) []Tool {
	const ts = "zia_time_intervals"
	list := ziaRead(ts, "zia_list_time_intervals", "List ZIA time intervals",
		"Lists the time intervals rules use as time windows: start and end in minutes "+
			"after midnight and the days they apply. Without page or page_size every page "+
			"is read; with page only that page is returned, and a page shorter than "+
			"page_size is the last.",
		[]Param{ziaSearchParam("time interval names"), ziaPageParam, ziaPageSizeParam},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			ziaSetGiven(q, args, ziaBySearch)
			return ziaReadPages(ctx, up, "/timeIntervals", q, args, nil)
		})
	list.Lists = true
	return []Tool{list, ziaGet{
		Name:          "zia_get_time_interval",
		Title:         "Get a ZIA time interval",
		Description:   "Returns one time interval by id.",
		Path:          "/timeIntervals",
		IDName:        "interval_id",
		IDDescription: "Time interval id, from zia_list_time_intervals.",
	}.tool(ts, up)}
}

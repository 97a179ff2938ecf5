package tools

import "maps"

// The devices, workload groups, time intervals and shadow IT tools, with the Python
// server's parameters and the endpoint each read calls.
func init() {
	maps.Copy(ziaExpectedParams, map[string][]string{
		"zia_list_device_groups":         {"include_device_info", "include_pseudo_groups"},
		"zia_list_devices":               {"include_all", "name", "page", "page_size", "user_ids"},
		"zia_list_devices_lite":          nil,
		"zia_list_workload_groups":       {"page", "page_size"},
		"zia_get_workload_group":         {"group_id"},
		"zia_list_time_intervals":        {"page", "page_size", "search"},
		"zia_get_time_interval":          {"interval_id"},
		"zia_list_shadow_it_apps":        {"limit", "page_number"},
		"zia_list_shadow_it_custom_tags": nil,
	})
	maps.Copy(ziaRoutes, map[string]ziaRoute{
		"zia_list_device_groups": {map[string]any{"include_device_info": true,
			"include_pseudo_groups": false}, "unpaged", "/deviceGroups",
			"includeDeviceInfo=true&includePseudoGroups=false"},
		"zia_list_devices": {map[string]any{"name": "WIN", "user_ids": []any{"7", 9.0},
			"include_all": true}, "list", "/deviceGroups/devices",
			"includeAll=true&name=WIN&userIds=7&userIds=9"},
		"zia_list_devices_lite":    {nil, "list", "/deviceGroups/devices/lite", ""},
		"zia_list_workload_groups": {nil, "list", "/workloadGroups", ""},
		"zia_get_workload_group": {map[string]any{"group_id": 2461.0}, "get",
			"/workloadGroups/2461", ""},
		"zia_list_time_intervals": {map[string]any{"search": "hours", "page": 2.0,
			"page_size": 10.0}, "get", "/timeIntervals", "page=2&pageSize=10&search=hours"},
		"zia_get_time_interval": {map[string]any{"interval_id": "9007199254740997"}, "get",
			"/timeIntervals/9007199254740997", ""},
		"zia_list_shadow_it_apps": {map[string]any{"page_number": 0.0, "limit": 50.0},
			"unpaged", "/cloudApplications/lite", "limit=50&pageNumber=0"},
		"zia_list_shadow_it_custom_tags": {nil, "unpaged", "/customTags", ""},
	})
	maps.Copy(ziaExpectedWriteParams, map[string][]string{
		"zia_create_time_interval": {"days_of_week", "end_time", "name", "start_time"},
		"zia_update_time_interval": updateOf("interval_id", "days_of_week", "end_time", "name",
			"start_time"),
		"zia_delete_time_interval":       {"interval_id"},
		"zia_bulk_update_shadow_it_apps": {"application_ids", "custom_tag_ids", "sanction_state"},
	})
}

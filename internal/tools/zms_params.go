package tools

// Parameter declarations shared by the ZMS tools. The names follow the Python server
// so that prompts written for it keep working, including its two paging vocabularies:
// agents, agent groups and nonces page with page/sort/sort_dir, everything else with
// page_num/sort_order.

// Paging defaults and bounds, the same for every ZMS list.
const (
	zmsDefaultPage     = 1
	zmsDefaultPageSize = 20
	zmsMaxPageSize     = 100
)

// zmsSortDirections are the values of the GraphQL SortDirection enum.
var zmsSortDirections = []string{"ASC", "DESC"}

// zmsNamespaceOrigins are the values of the GraphQL NamespaceOrigin enum.
var zmsNamespaceOrigins = []string{"CUSTOM", "EXTERNAL", "ML", "UNKNOWN"}

// zmsPageNumberParam declares the 1-based page number under the given name.
func zmsPageNumberParam(name string) Param {
	return Param{
		Name:        name,
		Type:        Integer,
		Description: "Page number, starting at 1. pageInfo.totalPages in the result says how many exist.",
		Min:         Bound(1),
		Default:     zmsDefaultPage,
	}
}

// zmsPageSizeParam declares the page size, capped at 100 like the Python server.
func zmsPageSizeParam() Param {
	return Param{
		Name:        "page_size",
		Type:        Integer,
		Description: "Records per page, 1 to 100 (default 20).",
		Min:         Bound(1),
		Max:         Bound(zmsMaxPageSize),
		Default:     zmsDefaultPageSize,
	}
}

// zmsSearchPagingParams are the paging parameters of agents, agent groups and nonces.
func zmsSearchPagingParams(what string) []Param {
	return []Param{
		zmsPageNumberParam("page"),
		zmsPageSizeParam(),
		{Name: "search", Type: String, Description: "Free-text search over " + what + "."},
		{Name: "sort", Type: String, Description: "Field to sort by, for example name."},
		{
			Name: "sort_dir", Type: String, Enum: zmsSortDirections,
			Description: "Sort direction, ASC or DESC; applies to sort.",
		},
	}
}

// zmsNumberedPagingParams are the paging parameters of every other ZMS list.
func zmsNumberedPagingParams() []Param {
	return []Param{zmsPageNumberParam("page_num"), zmsPageSizeParam()}
}

// zmsSortOrderParam declares sort_order, which orders results by the named field.
func zmsSortOrderParam(field string) Param {
	return Param{
		Name: "sort_order", Type: String, Enum: zmsSortDirections,
		Description: "Sort by " + field + ", ASC or DESC. The API's own order when omitted.",
	}
}

// zmsEyezIDParam declares eyez_id, the identifier ZMS uses for agents, agent groups and
// nonces.
func zmsEyezIDParam(what string) Param {
	return Param{
		Name: "eyez_id", Type: ID, Required: true,
		Description: "eyezId of the " + what + ", as returned by the matching list tool.",
	}
}

// zmsNameParam declares name, a substring filter on the name of the listed records.
func zmsNameParam(records string) Param {
	return Param{
		Name: "name", Type: String,
		Description: "Keep " + records + " whose name contains this text.",
	}
}

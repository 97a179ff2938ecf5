package tools

// ZMS tags, a three-level hierarchy: namespace, key, value.

var listTagNamespacesQuery = zmsQuery{
	op: "ListTagNamespaces", path: []string{"tagNamespaces"}, doc: `
query ListTagNamespaces(` + zmsNumberedPagingVarDefs + `, $filter: NamespaceFilter,
  $orderBy: NamespaceQueryOrderBy) {
  tagNamespaces(` + zmsNumberedPagingArgs + `, filter: $filter, orderBy: $orderBy) {
    nodes { id name description origin }
    ` + zmsPageInfoSelection + `
  }
}`}

var listTagKeysQuery = zmsQuery{op: "ListTagKeys", path: []string{"tagKeys"}, doc: `
query ListTagKeys(` + zmsNumberedPagingVarDefs + `, $namespaceId: String!,
  $filter: TagKeyFilter, $orderBy: TagKeyQueryOrderBy) {
  tagKeys(` + zmsNumberedPagingArgs + `, namespaceId: $namespaceId,
    filter: $filter, orderBy: $orderBy) {
    nodes { id name description }
    ` + zmsPageInfoSelection + `
  }
}`}

var listTagValuesQuery = zmsQuery{op: "ListTagValues", path: []string{"tagValues"}, doc: `
query ListTagValues(` + zmsNumberedPagingVarDefs + `, $tagId: String!,
  $namespaceOrigin: NamespaceOrigin!, $filter: TagValueFilter, $orderBy: TagValueQueryOrderBy) {
  tagValues(` + zmsNumberedPagingArgs + `, tagId: $tagId, namespaceOrigin: $namespaceOrigin,
    filter: $filter, orderBy: $orderBy) {
    nodes { id name }
    ` + zmsPageInfoSelection + `
  }
}`}

func listTagNamespacesVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	zmsSetFilter(v, a, zmsContains("name", "name"), zmsEquals("origin", "origin"))
	zmsSetOrder(v, a, "name")
	return v
}

func listTagKeysVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	v["namespaceId"] = a.String("namespace_id")
	zmsSetFilter(v, a, zmsContains("key_name", "keyName"))
	zmsSetOrder(v, a, "name")
	return v
}

func listTagValuesVars(a Args) map[string]any {
	v := zmsNumberedPageVars(a)
	v["tagId"] = a.String("tag_id")
	v["namespaceOrigin"] = a.String("namespace_origin")
	zmsSetFilter(v, a, zmsContains("name", "name"))
	zmsSetOrder(v, a, "name")
	return v
}

func zmsTagTools(up Upstream) []Tool {
	return []Tool{
		zmsList("zms_list_tag_namespaces", "List ZMS tag namespaces",
			"Lists one page of tag namespaces, the top of the tag hierarchy (namespace, key, "+
				"value): id, name, description and origin. "+zmsPageHint,
			append(zmsNumberedPagingParams(),
				zmsNameParam("namespaces"),
				Param{
					Name: "origin", Type: String, Enum: zmsNamespaceOrigins,
					Description: "Keep namespaces with exactly this origin.",
				},
				zmsSortOrderParam("name"),
			),
			zmsPageHandler(up, listTagNamespacesQuery, listTagNamespacesVars)),
		zmsList("zms_list_tag_keys", "List ZMS tag keys",
			"Lists one page of the tag keys in one namespace (id from zms_list_tag_namespaces): "+
				"id, name and description. "+zmsPageHint,
			append([]Param{{
				Name: "namespace_id", Type: ID, Required: true,
				Description: "Id of the tag namespace, from zms_list_tag_namespaces.",
			}}, append(zmsNumberedPagingParams(),
				Param{
					Name: "key_name", Type: String,
					Description: "Keep keys whose name contains this text.",
				},
				zmsSortOrderParam("name"),
			)...),
			zmsPageHandler(up, listTagKeysQuery, listTagKeysVars)),
		zmsList("zms_list_tag_values", "List ZMS tag values",
			"Lists one page of the values of one tag key: id and name. Needs the key's id (from "+
				"zms_list_tag_keys) and the origin of its namespace. "+zmsPageHint,
			append([]Param{
				{
					Name: "tag_id", Type: ID, Required: true,
					Description: "Id of the tag key, from zms_list_tag_keys.",
				},
				{
					Name: "namespace_origin", Type: String, Required: true, Enum: zmsNamespaceOrigins,
					Description: "Origin of the key's namespace, as zms_list_tag_namespaces reports it.",
				},
			}, append(zmsNumberedPagingParams(),
				zmsNameParam("values"),
				zmsSortOrderParam("name"),
			)...),
			zmsPageHandler(up, listTagValuesQuery, listTagValuesVars)),
	}
}

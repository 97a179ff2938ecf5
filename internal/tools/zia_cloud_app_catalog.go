package tools

import (
	"context"
	"net/url"
	"strconv"
	"strings"
)

// ziaCloudAppCatalogTool lists a catalog of the cloud applications one kind of policy
// rule can name (rules, in words): their ids (app, such as DROPBOX) go into the rules'
// applications. The API serves one catalog per kind of rule at path, with the same
// filters.
func ziaCloudAppCatalogTool(toolset string, up Upstream, name, title, path,
	rules string) Tool {
	t := ziaRead(toolset, name, title,
		"Lists the cloud applications, predefined and custom, that "+rules+" can name: "+
			"app is the id such rules use (e.g. DROPBOX), appName its display name, parent "+
			"its application class. All filters are applied by the API. Without page or "+
			"page_size every page is read. Not the Shadow IT catalog, whose ids differ.",
		[]Param{
			ziaSearchParam("application ids and names"),
			{Name: "app_class", Type: String,
				Description: "Only applications of this class, e.g. WEB_MAIL, FILE_SHARE, AI_ML. " +
					"Case is ignored, and the rule types WEBMAIL and STREAMING_MEDIA are read " +
					"as their classes WEB_MAIL and STREAMING."},
			ziaPageParam, ziaPageSizeParam,
			{Name: "group_results", Type: Boolean,
				Description: "Ask the API to group the applications by class."},
		},
		func(ctx context.Context, args Args) (Result, error) {
			q := url.Values{}
			ziaSetGiven(q, args, ziaBySearch)
			if class := ziaAppClass(args.String("app_class")); class != "" {
				q.Set("appClass", class)
			}
			if args.Has("group_results") {
				q.Set("groupResults", strconv.FormatBool(args.Bool("group_results")))
			}
			return ziaReadPages(ctx, up, path, q, args, nil)
		})
	t.Lists = true
	return t
}

// ziaAppClass returns the API's spelling of an application class. The API knows the
// classes in capitals only, and an agent that has just named a cloud app control rule
// type is likely to give it here: the two enums differ in WEBMAIL and STREAMING_MEDIA,
// which the API would refuse with a bare "Invalid appClass".
func ziaAppClass(s string) string {
	class := strings.ToUpper(strings.TrimSpace(s))
	switch class {
	case "WEBMAIL":
		return "WEB_MAIL"
	case "STREAMING_MEDIA":
		return "STREAMING"
	}
	return class
}

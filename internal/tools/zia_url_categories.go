package tools

import (
	"context"
	"net"
	"net/url"
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaURLLookupBatch is the most URLs the API classifies in one request.
const ziaURLLookupBatch = 100

// ziaURLCategoryTools returns the zia_url_categories read tools.
func ziaURLCategoryTools(up Upstream) []Tool {
	const ts = "zia_url_categories"
	list := ziaList{
		Name:  "zia_list_url_categories",
		Title: "List ZIA URL categories",
		Description: "Lists predefined and custom URL categories with their URLs, keywords " +
			"and IP ranges. Use contains_url to find which categories list a domain, " +
			"custom_only to skip predefined ones, and search to match part of a name or id. " +
			"custom_only and type are applied by the API; search and contains_url on our " +
			"side, since the API has neither. Ids feed zia_get_url_category and URL " +
			"filtering rules.",
		Path: "/urlCategories",
		Params: []Param{
			{Name: "search", Type: String,
				Description: "Case-insensitive substring of the category id, name or " +
					"configuredName, applied on our side."},
			{Name: "custom_only", Type: Boolean,
				Description: "When true, only custom categories are returned (the API's " +
					"customOnly filter)."},
			{Name: "type", Type: String, Enum: []string{"URL_CATEGORY", "TLD_CATEGORY", "ALL"},
				Description: "Category type; the API defaults to URL_CATEGORY."},
			{Name: "contains_url", Type: String,
				Description: "A URL or domain; only categories whose urls or dbCategorizedUrls " +
					"list that host, exactly or through a leading-dot entry such as .example.com, " +
					"are returned. Applied on our side."},
		},
		Query:   map[string]string{"custom_only": "customOnly", "type": "type"},
		Unpaged: true,
		Filter:  ziaFilterURLCategories,
	}.tool(ts, up)
	// contains_url is checked before the list is read, so that a call bound to fail
	// costs no request.
	readAll := list.Handler
	list.Handler = func(ctx context.Context, args Args) (Result, error) {
		if _, err := ziaContainsURLHost(args); err != nil {
			return Result{}, err
		}
		return readAll(ctx, args)
	}
	return []Tool{
		list,
		ziaReadList(ts, "zia_url_lookup", "Look up URL classifications",
			"Returns ZIA's predefined classification of each URL or domain "+
				"(urlClassifications, urlClassificationsWithSecurityAlert). Custom categories "+
				"are not considered; use zia_list_url_categories with contains_url for those.",
			[]Param{{Name: "urls", Type: StringList, Required: true, JSONText: true,
				Description: "URLs or domains to classify, e.g. [\"google.com\"], also " +
					"accepted as that list written as JSON text. Up to 1000; they are sent " +
					"in batches of 100."}},
			func(ctx context.Context, args Args) (Result, error) {
				return ziaLookupURLs(ctx, up, args.Strings("urls"))
			}),
		ziaGet{
			Name:          "zia_get_url_category",
			Title:         "Get a ZIA URL category",
			Description:   "Returns one URL category, predefined or custom, by id.",
			Path:          "/urlCategories",
			IDName:        "category_id",
			IDDescription: "Category id such as CUSTOM_01 or WEB_SEARCH, from zia_list_url_categories.",
			StringID:      true,
		}.tool(ts, up),
		ziaRead(ts, "zia_get_url_category_predefined", "Get a predefined ZIA URL category",
			"Returns one Zscaler-curated URL category found by id (FINANCE) or display name "+
				"(Finance), case-insensitive. Custom categories are refused: use "+
				"zia_get_url_category for those.",
			[]Param{{Name: "name", Type: String, Required: true,
				Description: "Predefined category id or display name, case-insensitive."}},
			func(ctx context.Context, args Args) (Result, error) {
				return ziaPredefinedCategory(ctx, up, args.String("name"))
			}),
	}
}

// ziaFilterURLCategories applies the list filters the API does not offer.
func ziaFilterURLCategories(args Args, items []any) ([]any, error) {
	needle := strings.ToLower(strings.TrimSpace(args.String("search")))
	host, err := ziaContainsURLHost(args)
	if err != nil {
		return nil, err
	}
	if needle == "" && host == "" {
		return items, nil
	}
	out := make([]any, 0)
	for _, it := range items {
		if needle != "" && !ziaCategoryNameContains(it, needle) {
			continue
		}
		if host != "" && !ziaCategoryListsHost(it, host) {
			continue
		}
		out = append(out, it)
	}
	return out, nil
}

// ziaContainsURLHost returns the host of the contains_url argument, or "" when it is
// not given. A blank one is refused: as no filter it would return every category,
// which answers a question the agent did not ask.
func ziaContainsURLHost(args Args) (string, error) {
	if !args.Has("contains_url") {
		return "", nil
	}
	raw := strings.TrimSpace(args.String("contains_url"))
	if host := ziaHostOf(raw); host != "" {
		return host, nil
	}
	return "", toolerr.New(toolerr.InvalidArgument, "parameter \"contains_url\" must be a "+
		"URL or domain such as www.example.com, got %q; leave it out to list every "+
		"category", raw)
}

func ziaCategoryNameContains(record any, needle string) bool {
	for _, key := range []string{"id", "name", "configuredName"} {
		if strings.Contains(strings.ToLower(ziaField(record, key)), needle) {
			return true
		}
	}
	return false
}

// ziaCategoryListsHost reports whether a category's URL lists cover host: an entry for the
// same host, or a leading-dot entry (.example.com) for the domain or any subdomain.
func ziaCategoryListsHost(record any, host string) bool {
	m, _ := record.(map[string]any)
	for _, key := range []string{"urls", "dbCategorizedUrls"} {
		list, _ := m[key].([]any)
		for _, e := range list {
			entry, _ := e.(string)
			if ziaEntryCovers(entry, host) {
				return true
			}
		}
	}
	return false
}

func ziaEntryCovers(entry, host string) bool {
	entry = strings.TrimSpace(entry)
	wildcard := strings.HasPrefix(entry, ".")
	entryHost := ziaHostOf(strings.TrimPrefix(entry, "."))
	if entryHost == "" {
		return false
	}
	return host == entryHost || (wildcard && strings.HasSuffix(host, "."+entryHost))
}

// ziaHostOf returns the lower-case host of a URL or bare domain ("https://a.b:8/x" and
// "a.b/x" both give "a.b"), or "" when there is none.
func ziaHostOf(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	if i := strings.IndexAny(s, "/?#"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndex(s, "@"); i >= 0 {
		s = s[i+1:]
	}
	if h, _, err := net.SplitHostPort(s); err == nil {
		s = h
	}
	return strings.TrimSuffix(strings.Trim(s, "[]"), ".")
}

// ziaURLLookupMax bounds the URLs of one zia_url_lookup call (ten API calls).
const ziaURLLookupMax = 1000

// ziaLookupURLs classifies urls in batches the API accepts and joins the answers.
func ziaLookupURLs(ctx context.Context, up Upstream, urls []string) (Result, error) {
	clean := make([]string, 0, len(urls))
	for _, u := range urls {
		if u = strings.TrimSpace(u); u != "" {
			clean = append(clean, u)
		}
	}
	if len(clean) == 0 {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"parameter \"urls\" must contain at least one URL or domain")
	}
	// Each batch is one API call against the tenant's rate limit; beyond this many an
	// agent should narrow its question.
	if len(clean) > ziaURLLookupMax {
		return Result{}, toolerr.New(toolerr.InvalidArgument,
			"parameter \"urls\" holds %d URLs; send at most %d per call", len(clean), ziaURLLookupMax)
	}
	out := make([]any, 0, len(clean))
	for start := 0; start < len(clean); start += ziaURLLookupBatch {
		batch := clean[start:min(start+ziaURLLookupBatch, len(clean))]
		v, err := up.ZIAPostRead(ctx, "/urlLookup", batch)
		if err != nil {
			return Result{}, err
		}
		items, err := ziaAsList(v, "/urlLookup")
		if err != nil {
			return Result{}, err
		}
		out = append(out, items...)
	}
	return List(out), nil
}

// ziaPredefinedCategory returns the predefined category named name as a result.
func ziaPredefinedCategory(ctx context.Context, up Upstream, name string) (Result, error) {
	cat, err := ziaFindPredefinedCategory(ctx, up, name, "zia_get_url_category")
	if err != nil {
		return Result{}, err
	}
	return Object(cat), nil
}

// ziaFindPredefinedCategory finds a predefined category by id or display name. The list
// is read whole, URL and TLD categories alike (it is not paged), so that display names
// resolve as well as ids. A custom category of the same name is refused, pointing to
// customTool, only when no predefined one matches.
func ziaFindPredefinedCategory(ctx context.Context, up Upstream, name,
	customTool string) (map[string]any, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return nil, toolerr.New(toolerr.InvalidArgument, "parameter \"name\" must not be empty")
	}
	items, err := up.ZIAListUnpaged(ctx, "/urlCategories", url.Values{"type": {"ALL"}})
	if err != nil {
		return nil, err
	}
	custom := false
	for _, it := range items {
		m, ok := it.(map[string]any)
		if !ok || !ziaCategoryIs(it, name) {
			continue
		}
		if m["customCategory"] == true {
			custom = true
			continue
		}
		return m, nil
	}
	if custom {
		return nil, toolerr.New(toolerr.InvalidArgument,
			"%q is a custom URL category; use %s for it", name, customTool)
	}
	return nil, toolerr.New(toolerr.NotFound,
		"no predefined URL category has the id or name %q; zia_list_url_categories lists them", name)
}

// ziaCategoryIs matches a category by id, by name or configuredName, or by a display name
// written the way ids are derived from it ("Web Search" for WEB_SEARCH).
func ziaCategoryIs(record any, name string) bool {
	id := ziaField(record, "id")
	asID := strings.NewReplacer(" ", "_", "-", "_").Replace(name)
	return strings.EqualFold(id, name) || strings.EqualFold(id, asID) ||
		strings.EqualFold(ziaField(record, "name"), name) ||
		strings.EqualFold(ziaField(record, "configuredName"), name)
}

package simulator

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
)

// urlListFields are the list fields that ADD_TO_LIST and REMOVE_FROM_LIST merge.
var urlListFields = []string{"urls", "dbCategorizedUrls", "keywords",
	"keywordsRetainingParentCategory", "ipRanges", "ipRangesRetainingParentCategory",
	"regexPatterns", "regexPatternsRetainingParentCategory"}

func urlCategoryTemplate() record {
	r := record{"id": "", "configuredName": "", "superCategory": "USER_DEFINED",
		"customCategory": false, "editable": true, "description": "", "type": "URL_CATEGORY",
		"val": int64(0), "customUrlsCount": int64(0), "urlsRetainingParentCategoryCount": int64(0),
		"customIpRangesCount": int64(0), "ipRangesRetainingParentCategoryCount": int64(0),
		"categoryGroup": "REGULAR", "urlType": "EXACT",
		"scopes": []any{record{"Type": "ORGANIZATION", "ScopeEntities": []any{},
			"scopeGroupMemberEntities": []any{}}},
		"urlKeywordCounts": nil}
	for _, k := range urlListFields {
		r[k] = []any{}
	}
	return r
}

var _ = register(&family{
	name:     "urlCategories",
	stringID: true,
	template: urlCategoryTemplate,
	managed: []string{"customCategory", "editable", "val", "customUrlsCount",
		"urlsRetainingParentCategoryCount", "customIpRangesCount",
		"ipRangesRetainingParentCategoryCount", "urlKeywordCounts", "categoryGroup"},
	enums: map[string][]string{"type": {"URL_CATEGORY", "TLD_CATEGORY"},
		"urlType": {"EXACT", "REGEX"}},
	unpaged:    true,
	queryScope: urlTypeMatches,
	lite:       []string{"id", "configuredName", "superCategory", "customCategory", "type", "val"},
	filters: map[string]filterFunc{
		"customOnly": func(_ *Tenant, r record, v string) bool {
			return v != "true" || boolean(r, "customCategory")
		},
		"includeOnlyUrlKeywordCounts": func(_ *Tenant, r record, v string) bool {
			if v == "true" {
				for _, k := range urlListFields {
					delete(r, k)
				}
			}
			return true
		},
	},
	noDelete: func(r record) string {
		if !boolean(r, "customCategory") {
			return fmt.Sprintf("Predefined URL category %s cannot be deleted", str(r, "id"))
		}
		return ""
	},
	newID: func(t *Tenant, _ record) any {
		t.zia.customURLSeq++
		return fmt.Sprintf("CUSTOM_%02d", t.zia.customURLSeq)
	},
	prepare: prepareURLCategory,
	view:    func(_ *Tenant, r record) { countURLs(r) },
	inUse: func(t *Tenant, r record) string {
		for _, rule := range t.coll("urlFilteringRules") {
			if slices.Contains(strList(rule, "urlCategories"), str(r, "id")) {
				return fmt.Sprintf("URL category %s is used by rule %q", str(r, "id"), str(rule, "name"))
			}
		}
		return ""
	},
})

// urlTypeMatches applies the type parameter. An absent type means URL_CATEGORY: TLD
// categories only show with type=TLD_CATEGORY or type=ALL.
func urlTypeMatches(r record, q url.Values) bool {
	switch v := q.Get("type"); v {
	case "ALL":
		return true
	case "":
		return str(r, "type") != "TLD_CATEGORY"
	default:
		return str(r, "type") == v
	}
}

// prepareURLCategory applies an ADD_TO_LIST or REMOVE_FROM_LIST update to the stored
// lists, and checks a category as the API does: custom ones need a unique name, and
// predefined ones keep their name, super category and type whatever the body says.
func prepareURLCategory(t *Tenant, rec, old, in record, q url.Values) *apiError {
	action := q.Get("action")
	if old != nil && action != "" {
		if action != "ADD_TO_LIST" && action != "REMOVE_FROM_LIST" {
			return errInvalid("Invalid action: %s", action)
		}
		merged := cloneRec(old)
		for _, k := range urlListFields {
			delta, found := in[k]
			if !found || delta == nil {
				continue
			}
			items, isList := delta.([]any)
			if !isList {
				return errInvalidBody()
			}
			merged[k] = mergeList(list(old, k), items, action == "ADD_TO_LIST")
		}
		clear(rec)
		for k, v := range merged {
			rec[k] = v
		}
	}
	// superCategory is an enum: the API answers any other spelling as an invalid body.
	if sc := str(rec, "superCategory"); sc != strings.ToUpper(sc) || strings.Contains(sc, " ") {
		return errInvalidBody()
	}
	custom := (old == nil) || boolean(old, "customCategory")
	if custom {
		rec["customCategory"] = true
		if isEmpty(rec["configuredName"]) {
			return errInvalid("configuredName cannot be null")
		}
		for _, c := range t.coll("urlCategories") {
			if c["id"] != rec["id"] && boolean(c, "customCategory") &&
				strings.EqualFold(str(c, "configuredName"), str(rec, "configuredName")) {
				return errDuplicate("URL category %q already exists", str(rec, "configuredName"))
			}
		}
		if old == nil {
			t.zia.urlVal++
			rec["val"] = int64(t.zia.urlVal)
			rec["editable"] = true
		}
	} else {
		delete(rec, "configuredName")
		rec["superCategory"] = old["superCategory"]
		rec["type"] = old["type"]
	}
	for _, k := range []string{"urls", "dbCategorizedUrls"} {
		for _, u := range list(rec, k) {
			s, isStr := u.(string)
			if !isStr {
				return errInvalidBody()
			}
			if s == "" || strings.ContainsAny(s, " \t\n") || len(s) > 1024 {
				return errInvalid("Invalid URL: %q", s)
			}
		}
	}
	return nil
}

// mergeList adds or removes items (strings) keeping the original order.
func mergeList(base, delta []any, add bool) []any {
	out := make([]any, 0, len(base)+len(delta))
	if add {
		out = append(out, base...)
		for _, d := range delta {
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
		return out
	}
	for _, b := range base {
		if !slices.Contains(delta, b) {
			out = append(out, b)
		}
	}
	return out
}

// countURLs keeps the count fields in step with the lists.
func countURLs(r record) {
	urls, retain := len(list(r, "urls")), len(list(r, "dbCategorizedUrls"))
	kw, kwRetain := len(list(r, "keywords")), len(list(r, "keywordsRetainingParentCategory"))
	r["customUrlsCount"] = int64(urls)
	r["urlsRetainingParentCategoryCount"] = int64(retain)
	r["customIpRangesCount"] = int64(len(list(r, "ipRanges")))
	r["ipRangesRetainingParentCategoryCount"] = int64(len(list(r, "ipRangesRetainingParentCategory")))
	r["urlKeywordCounts"] = record{"totalUrlCount": int64(urls + retain),
		"retainParentUrlCount": int64(retain), "totalKeywordCount": int64(kw + kwRetain),
		"retainParentKeywordCount": int64(kwRetain)}
}

const urlQuotaTotal = 25000

func (t *Tenant) urlQuota() record {
	seen := map[string]bool{}
	for _, c := range t.coll("urlCategories") {
		for _, k := range []string{"urls", "dbCategorizedUrls"} {
			for _, u := range strList(c, k) {
				seen[strings.ToLower(u)] = true
			}
		}
	}
	return record{"uniqueUrlsProvisioned": int64(len(seen)),
		"remainingUrlsQuota": int64(urlQuotaTotal - len(seen))}
}

// urlLookup answers POST /urlLookup with Zscaler's predefined classification of each
// URL (custom categories are not consulted, as with the real service).
func (t *Tenant) urlLookup(body any) result {
	urls, isList := body.([]any)
	if !isList {
		return fail(errInvalidBody())
	}
	if len(urls) > 100 {
		return fail(errInvalid("A maximum of 100 URLs can be looked up at once"))
	}
	out := make([]record, 0, len(urls))
	for _, u := range urls {
		s, isStr := u.(string)
		if !isStr {
			return fail(errInvalidBody())
		}
		host := lookupHost(s)
		if host == "" {
			return fail(errInvalid("Invalid URL: %q", s))
		}
		c := classifyHost(host)
		item := record{"url": s, "urlClassifications": anyStrings(c.categories),
			"urlClassificationsWithSecurityAlert": anyStrings(c.alerts)}
		if c.application != "" {
			item["application"] = c.application
		}
		out = append(out, item)
	}
	return ok(out)
}

// lookupHost extracts the host of a URL or bare domain; "" when it is not one.
func lookupHost(s string) string {
	s = strings.TrimSpace(s)
	if s == "" || strings.ContainsAny(s, " \t\n<>\"") {
		return ""
	}
	if !strings.Contains(s, "://") {
		s = "http://" + s
	}
	u, err := url.Parse(s)
	if err != nil || u.Hostname() == "" || !strings.Contains(u.Hostname(), ".") {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

type classification struct {
	categories, alerts []string
	application        string
}

// classifyHost finds the most specific seeded domain that host falls under.
func classifyHost(host string) classification {
	for h := host; h != ""; {
		if c, found := urlDatabase[h]; found {
			return c
		}
		_, rest, found := strings.Cut(h, ".")
		if !found {
			break
		}
		h = rest
	}
	return classification{categories: []string{"MISCELLANEOUS_OR_UNKNOWN"}, alerts: []string{}}
}

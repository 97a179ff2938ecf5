package simulator

import (
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestDLPDictionariesOverTheWire(t *testing.T) {
	c := newRaw(t, startSim(t))

	status, _, raw := c.do(http.MethodGet, api+"/dlpDictionaries", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(raw), `"id":9007199254741001`, "big ids are written exactly")
	require.Contains(t, string(raw), `"description":null`, "the odd record keeps its null")

	requireCounts(t, c, api, []queryCount{
		{"everything", "/dlpDictionaries", 16},
		{"search on name", "/dlpDictionaries?search=secret", 1},
		{"search on description", "/dlpDictionaries?search=zürich", 1},
		{"last page", "/dlpDictionaries?pageSize=5&page=4", 1},
		{"past the end", "/dlpDictionaries?pageSize=5&page=5", 0},
		{"lite", "/dlpDictionaries/lite", 16},
		{"lite search", "/dlpDictionaries/lite?search=passport", 1},
		{"lite paged", "/dlpDictionaries/lite?pageSize=10&page=2", 6},
	})

	_, lite := c.json(http.MethodGet, api+"/dlpDictionaries/lite?search=Credit", nil)
	require.Equal(t, []any{map[string]any{"id": int64(1), "name": "Credit Cards"}}, lite)

	status, v := c.json(http.MethodPut, api+"/dlpDictionaries/1",
		map[string]any{"name": "Cards", "description": "mine"})
	require.Equal(t, http.StatusBadRequest, status, "predefined dictionaries are read-only")
	require.Contains(t, v.(map[string]any)["message"], "Predefined")
	status, _ = c.json(http.MethodDelete, api+"/dlpDictionaries/2", nil)
	require.Equal(t, http.StatusBadRequest, status)
	status, v = c.json(http.MethodDelete, api+"/dlpDictionaries/24", nil)
	require.Equal(t, http.StatusConflict, status, "a dictionary an engine uses stays")
	require.Contains(t, v.(map[string]any)["message"], "Secrets Engine")

	status, created := c.json(http.MethodPost, api+"/dlpDictionaries", map[string]any{
		"name": "Tmp", "custom": false, "dictionaryType": "PATTERNS_AND_PHRASES",
		"phrases": []any{map[string]any{"action": "PHRASE_COUNT_TYPE_ALL", "phrase": "x"}}})
	require.Equal(t, http.StatusOK, status)
	rec := created.(map[string]any)
	require.Equal(t, true, rec["custom"], "what the client says about custom is ignored")
	id := idKey(rec["id"])
	status, _ = c.json(http.MethodPost, api+"/dlpDictionaries",
		map[string]any{"name": "Bad", "dictionaryType": "SOMETHING"})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodDelete, api+"/dlpDictionaries/"+id, nil)
	require.Equal(t, http.StatusNoContent, status)
}

func TestDLPEnginesOverTheWire(t *testing.T) {
	c := newRaw(t, startSim(t))

	status, v := c.json(http.MethodGet, api+"/dlpEngines?search=pci", nil)
	require.Equal(t, http.StatusOK, status)
	require.Len(t, v, 9, "the engine list takes no search: every engine comes back")
	_, lite := c.json(http.MethodGet, api+"/dlpEngines/lite?search=HIPAA", nil)
	require.Len(t, lite, 9, "nor does its lite view")
	require.Equal(t, map[string]any{"id": int64(61), "name": "HIPAA",
		"predefinedEngineName": "HIPAA"}, lite.([]any)[1])

	status, _ = c.json(http.MethodPut, api+"/dlpEngines/60",
		map[string]any{"name": "PCI", "engineExpression": "((D1.S > 5))"})
	require.Equal(t, http.StatusBadRequest, status, "predefined engines are read-only")
	status, _ = c.json(http.MethodPost, api+"/dlpEngines",
		map[string]any{"name": "Ghost", "engineExpression": "((D999.S > 0))"})
	require.Equal(t, http.StatusBadRequest, status, "an expression names existing dictionaries")
	status, v = c.json(http.MethodDelete, api+"/dlpEngines/15", nil)
	require.Equal(t, http.StatusConflict, status, "an engine a rule uses stays")
	require.Contains(t, v.(map[string]any)["message"], "Monitor source code")

	status, created := c.json(http.MethodPost, api+"/dlpEngines",
		map[string]any{"name": "Both", "engineExpression": "((D24.S > 0) AND (D26.S > 0))"})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, true, created.(map[string]any)["customDlpEngine"])
}

func TestWebDLPRulesOverTheWire(t *testing.T) {
	c := newRaw(t, startSim(t))

	status, v := c.json(http.MethodGet, api+"/webDlpRules", nil)
	require.Equal(t, http.StatusOK, status)
	rules := v.([]any)
	require.Len(t, rules, 5)
	for i, r := range rules {
		require.Equal(t, int64(i+1), r.(map[string]any)["order"])
	}
	odd := rules[4].(map[string]any)
	require.Nil(t, odd["severity"])
	require.IsType(t, map[string]any{}, odd["receiver"])

	_, lite := c.json(http.MethodGet, api+"/webDlpRules/lite?search=pci", nil)
	require.Len(t, lite, 5, "the lite view takes no search")
	require.Equal(t, map[string]any{"id": int64(1695000), "name": "Block PCI uploads"},
		lite.([]any)[0])

	status, created := c.json(http.MethodPost, api+"/webDlpRules", map[string]any{
		"name": "New", "order": 2, "dlpEngines": []any{map[string]any{"id": 60}}})
	require.Equal(t, http.StatusOK, status)
	rule := created.(map[string]any)
	require.Equal(t, "ALLOW", rule["action"], "a rule without an action allows")
	require.Equal(t, []any{map[string]any{"id": int64(60), "name": "PCI"}}, rule["dlpEngines"])
	_, again := c.json(http.MethodGet, api+"/webDlpRules/1695001", nil)
	require.Equal(t, int64(3), again.(map[string]any)["order"], "rules below move down")

	bad := []map[string]any{
		{"name": "Bad action", "action": "CAUTION"},
		{"name": "Bad severity", "severity": "RULE_SEVERITY_SEVERE"},
	}
	for _, body := range bad {
		status, _, raw := c.do(http.MethodPost, api+"/webDlpRules", body)
		require.Equal(t, http.StatusBadRequest, status)
		require.JSONEq(t, `{"message":"Request body is invalid."}`, string(raw))
	}
	engines := []any{}
	for _, id := range []int{60, 61, 62, 64, 65} {
		engines = append(engines, map[string]any{"id": id})
	}
	status, _ = c.json(http.MethodPost, api+"/webDlpRules",
		map[string]any{"name": "Too many", "dlpEngines": engines})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodPost, api+"/webDlpRules",
		map[string]any{"name": "Blind", "withoutContentInspection": true})
	require.Equal(t, http.StatusBadRequest, status, "no inspection needs file types")
}

func TestCloudAppControlRulesOverTheWire(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	big := strconv.FormatInt(BigCloudAppRuleID, 10)

	status, _, raw := c.do(http.MethodGet, api+"/webApplicationRules/WEBMAIL", nil)
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, string(raw), `"id":`+big, "big ids are written exactly")
	_, v := c.json(http.MethodGet, api+"/webApplicationRules/WEBMAIL", nil)
	require.Len(t, v, 2)
	_, v = c.json(http.MethodGet, api+"/webApplicationRules/LEGAL", nil)
	require.Equal(t, []any{}, v, "a rule type without rules lists nothing")

	status, v = c.json(http.MethodGet, api+"/webApplicationRules/WEB_MAIL", nil)
	require.Equal(t, http.StatusBadRequest, status, "WEB_MAIL is an app class, not a rule type")
	require.Contains(t, v.(map[string]any)["message"], "WEB_MAIL")
	status, _ = c.json(http.MethodGet, api+"/webApplicationRules/WEBMAIL/"+big, nil)
	require.Equal(t, http.StatusOK, status)
	status, _ = c.json(http.MethodGet, api+"/webApplicationRules/FILE_SHARE/"+big, nil)
	require.Equal(t, http.StatusNotFound, status, "a rule is found under its own type only")

	status, created := c.json(http.MethodPost, api+"/webApplicationRules/FILE_SHARE",
		map[string]any{"name": "Box view", "type": "WEBMAIL", "order": 1,
			"actions": []any{"ALLOW_FILE_SHARE_VIEW"}, "applications": []any{"BOX"}})
	require.Equal(t, http.StatusOK, status)
	rule := created.(map[string]any)
	require.Equal(t, "FILE_SHARE", rule["type"], "the path decides the type")
	require.Equal(t, int64(1), rule["numberOfApplications"])
	_, list := c.json(http.MethodGet, api+"/webApplicationRules/FILE_SHARE", nil)
	require.Len(t, list, 3)
	for i, r := range list.([]any) {
		require.Equal(t, int64(i+1), r.(map[string]any)["order"], "order is kept per type")
	}
	_, mail := c.json(http.MethodGet, api+"/webApplicationRules/WEBMAIL", nil)
	require.Equal(t, int64(1), mail.([]any)[0].(map[string]any)["order"],
		"other types keep their order")

	bad := []struct {
		body map[string]any
		want string
	}{
		{map[string]any{"name": "x", "actions": []any{"BLOCK_WEBMAIL_SEND"}}, "not valid"},
		{map[string]any{"name": "x", "actions": []any{"ALLOW_FILE_SHARE_VIEW"},
			"applications": []any{"GOOGLE_WEBMAIL"}}, "not of rule type"},
		{map[string]any{"name": "x", "actions": []any{"ISOLATE_FILE_SHARE_VIEW"}}, "cbiProfile"},
		{map[string]any{"name": "x"}, "actions"},
		{map[string]any{"name": "Dropbox read only", "actions": []any{"ALLOW_FILE_SHARE_VIEW"}},
			"already exists"},
	}
	for _, tc := range bad {
		status, v := c.json(http.MethodPost, api+"/webApplicationRules/FILE_SHARE", tc.body)
		require.GreaterOrEqual(t, status, 400, tc.want)
		require.Contains(t, v.(map[string]any)["message"], tc.want)
	}
	status, second := c.json(http.MethodPost, api+"/webApplicationRules/WEBMAIL",
		map[string]any{"name": "Dropbox read only", "actions": []any{"BLOCK_WEBMAIL_SEND"}})
	require.Equal(t, http.StatusOK, status, "names are unique per rule type")

	id := idKey(rule["id"])
	status, _ = c.json(http.MethodDelete, api+"/webApplicationRules/WEBMAIL/"+id, nil)
	require.Equal(t, http.StatusNotFound, status)
	status, _ = c.json(http.MethodDelete, api+"/webApplicationRules/FILE_SHARE/"+id, nil)
	require.Equal(t, http.StatusNoContent, status)

	status, actions := c.json(http.MethodPost, api+"/webApplicationRules/AI_ML/availableActions",
		map[string]any{"cloudApps": []any{"CHATGPT_AI"}, "type": "AI_ML"})
	require.Equal(t, http.StatusOK, status)
	require.Contains(t, actions, "DENY_AI_ML_WEB_USE")
	status, _ = c.json(http.MethodPost, api+"/webApplicationRules/AI_ML/availableActions",
		map[string]any{"cloudApps": []any{"DROPBOX"}})
	require.Equal(t, http.StatusBadRequest, status)

	var writes []string
	for _, w := range srv.Tenant.Writes() {
		writes = append(writes, w.Method+" "+w.Collection+" "+w.ID)
	}
	require.Equal(t, []string{"POST webApplicationRules " + id,
		"POST webApplicationRules " + idKey(second.(map[string]any)["id"]),
		"DELETE webApplicationRules " + id}, writes, "available actions change nothing")
}

func TestCloudAppPolicyCatalog(t *testing.T) {
	c := newRaw(t, startSim(t))
	requireCounts(t, c, api+"/cloudApplications/policy", []queryCount{
		{"everything", "", 28},
		{"one class", "?appClass=WEB_MAIL", 3},
		{"two classes", "?appClass=WEB_MAIL&appClass=AI_ML", 6},
		{"search on name", "?search=drop", 1},
		{"search on display name", "?search=%E3%83%A9%E3%82%A4%E3%83%B3", 1},
		{"paged", "?pageSize=10&page=3", 8},
		{"grouped", "?groupResults=true", 28},
	})
	_, v := c.json(http.MethodGet, api+"/cloudApplications/policy?search=dropbox", nil)
	require.Equal(t, []any{map[string]any{"app": "DROPBOX", "appName": "Dropbox",
		"parent": "FILE_SHARE", "parentName": "File Sharing"}}, v)
	status, _ := c.json(http.MethodGet, api+"/cloudApplications/policy?appClass=WEBMAIL", nil)
	require.Equal(t, http.StatusBadRequest, status)
}

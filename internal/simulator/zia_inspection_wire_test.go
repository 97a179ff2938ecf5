package simulator

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
)

// decryptAction is a DECRYPT action with the settings the API requires.
func decryptAction() map[string]any {
	return map[string]any{"type": "DECRYPT", "decryptSubActions": map[string]any{
		"serverCertificates": "BLOCK", "minClientTLSVersion": "CLIENT_TLS_1_2",
		"minServerTLSVersion": "SERVER_TLS_1_2"}}
}

func TestSSLInspectionActionIsAnObject(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	post := func(action any) (int, any) {
		return c.json(http.MethodPost, api+"/sslInspectionRules",
			map[string]any{"name": "Wire rule", "action": action})
	}
	invalid := map[string]any{"message": "Request body is invalid."}
	cases := []struct {
		name   string
		action any
	}{
		{"a string action", "DECRYPT"},
		{"an unknown type", map[string]any{"type": "INSPECT"}},
		{"an unknown field", map[string]any{"type": "BLOCK", "showEun": true}},
		{"an unknown setting", map[string]any{"type": "DO_NOT_DECRYPT",
			"doNotDecryptSubActions": map[string]any{"bypass": true}}},
		{"a wrong kind", map[string]any{"type": "BLOCK", "showEUN": "yes"}},
		{"an unknown TLS version", map[string]any{"type": "DECRYPT", "decryptSubActions": map[string]any{
			"serverCertificates": "BLOCK", "minClientTLSVersion": "TLS_1_2",
			"minServerTLSVersion": "SERVER_TLS_1_2"}}},
	}
	for _, tc := range cases {
		status, v := post(tc.action)
		require.Equal(t, http.StatusBadRequest, status, tc.name)
		require.Equal(t, invalid, v, tc.name)
	}

	for name, action := range map[string]any{
		"DECRYPT without settings":        map[string]any{"type": "DECRYPT"},
		"DO_NOT_DECRYPT without settings": map[string]any{"type": "DO_NOT_DECRYPT"},
		"bypass with server checks": map[string]any{"type": "DO_NOT_DECRYPT",
			"doNotDecryptSubActions": map[string]any{"bypassOtherPolicies": true,
				"serverCertificates": "BLOCK"}},
		"BLOCK with settings": map[string]any{"type": "BLOCK",
			"decryptSubActions": map[string]any{"ocspCheck": true}},
	} {
		status, v := post(action)
		require.Equal(t, http.StatusBadRequest, status, name)
		require.Equal(t, "INVALID_INPUT_ARGUMENT", v.(map[string]any)["code"], name)
	}
	status, v := c.json(http.MethodPost, api+"/sslInspectionRules", map[string]any{"name": "No action"})
	require.Equal(t, http.StatusBadRequest, status)
	require.Equal(t, "action cannot be null", v.(map[string]any)["message"])
	require.Empty(t, srv.Tenant.Writes())

	status, v = post(decryptAction())
	require.Equal(t, http.StatusOK, status)
	action := v.(map[string]any)["action"].(map[string]any)
	require.Equal(t, true, action["decryptSubActions"].(map[string]any)["ocspCheck"],
		"settings not given take their defaults")
	require.Equal(t, map[string]any{"id": int64(0), "name": "", "defaultCertificate": true},
		action["sslInterceptionCert"])
}

func TestSSLInspectionPredefinedAndDefaultRules(t *testing.T) {
	c := newRaw(t, startSim(t))
	status, v := c.json(http.MethodPut, api+"/sslInspectionRules/184200",
		map[string]any{"name": "Mine now", "action": decryptAction()})
	require.Equal(t, http.StatusBadRequest, status, "predefined rules are read-only: %v", v)
	status, _ = c.json(http.MethodDelete, api+"/sslInspectionRules/184200", nil)
	require.Equal(t, http.StatusBadRequest, status)

	status, v = c.json(http.MethodPut, api+"/sslInspectionRules/184199",
		map[string]any{"name": "Renamed", "action": map[string]any{"type": "BLOCK"}})
	require.Equal(t, http.StatusOK, status, "the default rule's action can change")
	require.Equal(t, "Default SSL Inspection Rule", v.(map[string]any)["name"])
	status, _ = c.json(http.MethodDelete, api+"/sslInspectionRules/184199", nil)
	require.Equal(t, http.StatusBadRequest, status, "the default rule cannot be deleted")
}

func TestInspectionRuleActionFields(t *testing.T) {
	c := newRaw(t, startSim(t))
	// The Python server sends "action" to these families, which have none.
	status, v := c.json(http.MethodPost, api+"/sandboxRules",
		map[string]any{"name": "Python style", "action": "BLOCK"})
	require.Equal(t, http.StatusBadRequest, status)
	require.Equal(t, "baRuleAction cannot be null", v.(map[string]any)["message"])
	status, _ = c.json(http.MethodPost, api+"/fileTypeRules",
		map[string]any{"name": "Python style", "action": "BLOCK"})
	require.Equal(t, http.StatusBadRequest, status)

	status, v = c.json(http.MethodPost, api+"/sandboxRules", map[string]any{"name": "Scan all",
		"baRuleAction": "BLOCK", "firstTimeOperation": "QUARANTINE", "fileTypes": []any{"FTCATEGORY_ZIP"}})
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, v, "action")
	status, _ = c.json(http.MethodPost, api+"/sandboxRules", map[string]any{"name": "Bad score",
		"baRuleAction": "BLOCK", "byThreatScore": 90})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodPost, api+"/fileTypeRules", map[string]any{"name": "Bad type",
		"filteringAction": "BLOCK", "fileTypes": []any{"FTCATEGORY_NOPE"}})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodPost, api+"/fileTypeRules", map[string]any{"name": "Bad op",
		"filteringAction": "BLOCK", "operation": "COPY"})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodDelete, api+"/sandboxRules/1694999", nil)
	require.Equal(t, http.StatusBadRequest, status, "the default BA rule cannot be deleted")
}

func TestInspectionListsAndCatalogs(t *testing.T) {
	c := newRaw(t, startSim(t))
	count := func(path string) int { return listLen(t, c, api+path) }
	require.Equal(t, 6, count("/sslInspectionRules?search=bank"), "SSL rules have no search")
	require.Equal(t, 6, count("/sslInspectionRules?page=1&pageSize=2"), "nor pages")
	require.Equal(t, 4, count("/sandboxRules?search=archive"), "sandbox rules have no search")
	require.Equal(t, 4, count("/fileTypeRules?search=macro"), "file type rules have no search")
	require.Equal(t, 2, count("/fileTypeRules?page=2&pageSize=2"))

	require.Equal(t, 17, count("/fileTypeCategories?excludeCustomFileTypes=true"))
	require.Equal(t, 15, count("/fileTypeCategories?enums=ZSCALERDLP&excludeCustomFileTypes=true"))
	require.Equal(t, 16, count("/fileTypeCategories?enums=ZSCALERDLP"))
	require.Equal(t, 1, count("/fileTypeCategories?page=3&pageSize=7&enums=ZSCALERDLP&"+
		"enums=EXTERNALDLP&excludeCustomFileTypes=true"))

	require.Equal(t, 18, count("/cloudApplications/sslPolicy"))
	require.Equal(t, 2, count("/cloudApplications/sslPolicy?search=onedrive"))
	require.Equal(t, 2, count("/cloudApplications/sslPolicy?appClass=WEB_MAIL"))
	require.Equal(t, 2, count("/cloudApplications/sslPolicy?page=3&pageSize=5&appClass=FILE_SHARE&"+
		"appClass=ENTERPRISE_COLLABORATION&appClass=AI_ML&appClass=WEB_MAIL&appClass=CUSTOM_CAPP"))
	status, _ := c.json(http.MethodGet, api+"/cloudApplications/sslPolicy?appClass=WEBMAIL", nil)
	require.Equal(t, http.StatusBadRequest, status, "a rule type is no application class")
	status, v := c.json(http.MethodGet,
		api+"/cloudApplications/sslPolicy?groupResults=true&appClass=AI_ML", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []string{"CHATGPT_AI", "GOOGLE_GEMINI"}, []string{
		v.([]any)[0].(map[string]any)["app"].(string), v.([]any)[1].(map[string]any)["app"].(string)})
}

func TestSandboxReportsAndHashLists(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	status, v := c.json(http.MethodGet, api+"/sandbox/report/"+EICARMD5+"?details=full", nil)
	require.Equal(t, http.StatusOK, status)
	full := v.(map[string]any)["Full Details"].(map[string]any)
	require.Equal(t, "EICAR-Test-File", full["Classification"].(map[string]any)["DetectedMalware"])
	require.Contains(t, full, "SystemSummary")

	status, v = c.json(http.MethodGet, api+"/sandbox/report/"+EICARMD5+"?details=summary", nil)
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, v.(map[string]any)["Summary"], "Origin", "a summary has no behaviour")

	for details, key := range map[string]string{"summary": "Summary", "full": "Full Details"} {
		status, v = c.json(http.MethodGet,
			api+"/sandbox/report/00000000000000000000000000000000?details="+details, nil)
		require.Equal(t, http.StatusOK, status, "an unknown hash is a 200")
		require.Equal(t, map[string]any{key: map[string]any{"Summary": map[string]any{
			"Status": "CONTENT_NOTFOUND", "Message": "Content lookup failed."}}}, v)
	}
	status, _ = c.json(http.MethodGet, api+"/sandbox/report/"+EICARMD5+"?details=all", nil)
	require.Equal(t, http.StatusBadRequest, status)

	status, v = c.json(http.MethodPut, api+"/behavioralAnalysisAdvancedSettings",
		map[string]any{"fileHashesToBeBlocked": []any{"D41D8CD98F00B204E9800998ECF8427E"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []any{map[string]any{"url": "d41d8cd98f00b204e9800998ecf8427e",
		"urlComment": "", "type": "CUSTOM_FILEHASH_DENY"}}, v.(map[string]any)["md5HashValueList"])
	_, v = c.json(http.MethodGet, api+"/behavioralAnalysisAdvancedSettings/fileHashCount", nil)
	require.EqualValues(t, 1, v.(map[string]any)["deniedFileHashesCount"])
	require.EqualValues(t, 0, v.(map[string]any)["allowedFileHashesCount"])
	require.EqualValues(t, 9999, v.(map[string]any)["remainingFileHashes"])
	status, _ = c.json(http.MethodPut, api+"/behavioralAnalysisAdvancedSettings",
		map[string]any{"md5HashValueList": []any{map[string]any{"url": "not-a-hash",
			"type": "CUSTOM_FILEHASH_DENY"}}})
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodPut, api+"/behavioralAnalysisAdvancedSettings/fileHashCount",
		map[string]any{})
	require.Equal(t, http.StatusMethodNotAllowed, status)
	require.True(t, srv.Tenant.ActivationPending())
}

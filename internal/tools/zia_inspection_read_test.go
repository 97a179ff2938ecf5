package tools

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

func TestSandboxReportValidatesTheHash(t *testing.T) {
	fake := &ziaFake{}
	for hash, want := range map[string]string{
		"44d88612":                                 "got 8 characters",
		"44d88612fea8a8f36de82e1278abb02g":         `which has "g"`,
		"3395856ce81f2b7382dee72602f798b642f14140": "SHA hash",
		"275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f": "MD5 only",
		"../../status/activate": "32 hexadecimal",
	} {
		_, err := ziaRun(t, fake, "zia_get_sandbox_report", map[string]any{"md5_hash": hash})
		require.Equal(t, toolerr.InvalidArgument, ziaKind(err), hash)
		require.Contains(t, err.Error(), want)
	}
	_, err := ziaRun(t, fake, "zia_get_sandbox_report", map[string]any{
		"md5_hash": simulator.EICARMD5, "report_details": "brief"})
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Empty(t, fake.Calls())
}

func TestSandboxReportAgainstTheTenant(t *testing.T) {
	up, _ := ziaSim(t)
	tool := ziaTool(t, up, "zia_get_sandbox_report")
	require.True(t, tool.ExternalContent, "the report quotes a submitted file")

	v, err := ziaDo(t, up, "zia_get_sandbox_report", map[string]any{"md5_hash": simulator.EICARMD5})
	require.NoError(t, err)
	summary := v.(map[string]any)["Summary"].(map[string]any)
	require.Equal(t, "EICAR-Test-File",
		summary["Classification"].(map[string]any)["DetectedMalware"], "summary is the default")

	v, err = ziaDo(t, up, "zia_get_sandbox_report", map[string]any{
		"md5_hash": simulator.EICARMD5, "report_details": "full"})
	require.NoError(t, err)
	require.Contains(t, v.(map[string]any)["Full Details"], "Origin",
		"the API's keys are kept, spaces and all")

	for _, details := range []string{"summary", "full"} {
		_, err = ziaDo(t, up, "zia_get_sandbox_report", map[string]any{
			"md5_hash": "0123456789abcdef0123456789abcdef", "report_details": details})
		requireKindOf(t, err, toolerr.NotFound)
		require.Contains(t, err.Error(), "no report for MD5 0123456789abcdef0123456789abcdef")
	}
}

func TestSandboxSettingsReads(t *testing.T) {
	up, _ := ziaSim(t)
	quota, err := ziaDo(t, up, "zia_get_sandbox_quota", nil)
	require.NoError(t, err)
	require.Len(t, quota, 1, "the quota comes as the API's list")

	lists := ziaMust(t, up, "zia_get_sandbox_behavioral_analysis", nil)
	require.Len(t, lists["md5HashValueList"], 3)
	entry := lists["md5HashValueList"].([]any)[1].(map[string]any)
	require.Contains(t, entry, "urlComment")
	require.Nil(t, entry["urlComment"], "a null comment is kept as the API sent it")

	count := ziaMust(t, up, "zia_get_sandbox_file_hash_count", nil)
	require.Equal(t, "2", ziaID(count["deniedFileHashesCount"]))
	require.Equal(t, "9999", ziaID(count["allowedRemainingFileHashes"]))
}

// The simulated API ignores search on sandbox rules, as the SDKs assume; the tool's
// own match still narrows the list.
func TestSandboxRuleSearchHoldsWithoutTheAPI(t *testing.T) {
	up, tenant := ziaSim(t)
	v, err := ziaDo(t, up, "zia_list_sandbox_rules", map[string]any{"search": "ARCHIVE"})
	require.NoError(t, err)
	require.Len(t, v, 1)
	rule := v.([]any)[0].(map[string]any)
	require.Equal(t, "Quarantine archives", rule["name"])
	require.Contains(t, rule, "fileTypes")
	require.Nil(t, rule["fileTypes"], "a null list is kept")
	require.NotContains(t, rule, "byThreatScore")

	reqs := tenant.Requests()
	require.Equal(t, "search=ARCHIVE", reqs[len(reqs)-1].RawQuery, "search is sent all the same")
}

func TestInspectionListsKeepOddRecords(t *testing.T) {
	up, _ := ziaSim(t)
	v, err := ziaDo(t, up, "zia_list_ssl_inspection_rules", nil)
	require.NoError(t, err)
	require.Len(t, v, 6)
	var pinned map[string]any
	for _, r := range v.([]any) {
		if r.(map[string]any)["name"] == "Pinned apps" {
			pinned = r.(map[string]any)
		}
	}
	require.NotNil(t, pinned)
	require.Nil(t, pinned["platforms"])
	require.Contains(t, pinned, "mobileAppCertPinning", "unknown fields are kept")
	require.Nil(t, pinned["action"].(map[string]any)["sslInterceptionCert"])

	rule := ziaMust(t, up, "zia_get_ssl_inspection_rule", map[string]any{"rule_id": 184202.0})
	label := rule["labels"].([]any)[0].(map[string]any)
	require.Equal(t, strconv.FormatInt(simulator.BigRuleLabelID, 10), ziaID(label["id"]),
		"a 64-bit reference id keeps every digit")

	v, err = ziaDo(t, up, "zia_list_file_type_categories", map[string]any{
		"enums": []any{"FILETYPECATEGORYFORFILETYPECONTROL"}})
	require.NoError(t, err)
	require.Len(t, v, 17)
	last := v.([]any)[16].(map[string]any)
	require.Equal(t, "Zürich Ledger Export", last["name"])
	require.Nil(t, last["parent"])

	v, err = ziaDo(t, up, "zia_list_file_type_categories", map[string]any{
		"enums": []any{"FILETYPECATEGORYFORFILETYPECONTROL"}, "exclude_custom_file_types": true})
	require.NoError(t, err)
	require.Len(t, v, 15, "custom types are left out by the API")
}

func TestCloudAppSSLPolicyFiltersUpstream(t *testing.T) {
	up, tenant := ziaSim(t)
	v, err := ziaDo(t, up, "zia_list_cloud_app_ssl_policy", map[string]any{"app_class": "FILE_SHARE"})
	require.NoError(t, err)
	require.Len(t, v, 4)

	v, err = ziaDo(t, up, "zia_list_cloud_app_ssl_policy", map[string]any{"page": 2.0, "page_size": 5.0})
	require.NoError(t, err)
	require.Len(t, v, 5)
	reqs := tenant.Requests()
	require.Equal(t, "page=2&pageSize=5", reqs[len(reqs)-1].RawQuery, "one page only")

	v, err = ziaDo(t, up, "zia_list_cloud_app_ssl_policy", map[string]any{
		"search": "acme", "group_results": true})
	require.NoError(t, err)
	require.Len(t, v, 1)
	group := v.([]any)[0].(map[string]any)
	require.Equal(t, "CUSTOM_CAPP", group["parent"])
	require.Nil(t, group["parentName"])
}

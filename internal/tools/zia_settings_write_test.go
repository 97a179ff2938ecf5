package tools

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaObjectFake answers GET path with obj and echoes writes, recording every call.
func ziaObjectFake(path string, obj map[string]any) *ziaFake {
	return &ziaFake{reply: func(c ziaCall) (any, error) {
		if c.Method == "get" && c.Path == path {
			return obj, nil
		}
		return nil, nil
	}}
}

func TestSettingsUpdateChangesOnlyTheFieldsGiven(t *testing.T) {
	up, tenant := ziaSim(t)
	before := ziaMust(t, up, "zia_get_malware_settings", nil)
	require.Equal(t, false, before["remoteAccessToolCapture"])

	res := ziaMust(t, up, "zia_update_malware_settings",
		map[string]any{"settings": map[string]any{"remoteAccessToolCapture": true}})
	require.Equal(t, map[string]any{"remoteAccessToolCapture": map[string]any{"before": false,
		"after": true}}, res["changed"])
	require.Contains(t, res["activation"], "zia_activate_configuration")
	require.True(t, tenant.ActivationPending())

	after := ziaMust(t, up, "zia_get_malware_settings", nil)
	before["remoteAccessToolCapture"] = true
	require.Equal(t, before, after, "the fields not given keep their values")
}

func TestSettingsFieldsMaySnakeCaseOrOtherCapitals(t *testing.T) {
	up, _ := ziaSim(t)
	res := ziaMust(t, up, "zia_update_atp_settings", map[string]any{"settings": map[string]any{
		"tor_blocked": true, "RISKTOLERANCE": 40.0}})
	changed := res["changed"].(map[string]any)
	require.Contains(t, changed, "torBlocked")
	require.Contains(t, changed, "riskTolerance")
	got := ziaMust(t, up, "zia_get_atp_settings", nil)
	require.Equal(t, true, got["torBlocked"])
	require.Equal(t, json.Number("40"), got["riskTolerance"])
}

func TestSettingsUpdateRefusesBadFieldsBeforeWriting(t *testing.T) {
	cur := map[string]any{"riskTolerance": json.Number("75"), "torBlocked": true,
		"blockedCountries": []any{"COUNTRY_KP"}}
	cases := map[string]struct {
		settings map[string]any
		says     []string
	}{
		"unknown field": {map[string]any{"torBlocked": false, "notAField": true},
			[]string{`"notAField"`, "nothing was changed", "torBlocked", "cmdCtlServerBlocked"}},
		"misspelt field": {map[string]any{"torBlock": false, "riskTolerence": 50},
			[]string{`Did you mean "riskTolerance" for "riskTolerence", "torBlocked" for ` +
				`"torBlock"?`, "zia_get_atp_settings lists them"}},
		"wrong type":      {map[string]any{"riskTolerance": "high"}, []string{"riskTolerance", "a number"}},
		"fraction":        {map[string]any{"riskTolerance": 50.5}, []string{"whole number"}},
		"null":            {map[string]any{"torBlocked": nil}, []string{"cannot be null"}},
		"list item":       {map[string]any{"blockedCountries": []any{"COUNTRY_CU", 7.0}}, []string{"item 2"}},
		"nothing to send": {map[string]any{}, []string{"names no field"}},
		"given twice": {map[string]any{"torBlocked": true, "tor_blocked": false},
			[]string{"twice"}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fake := ziaObjectFake("/cyberThreatProtection/advancedThreatSettings", cur)
			_, err := ziaDo(t, fake, "zia_update_atp_settings",
				map[string]any{"settings": tc.settings})
			require.Equal(t, toolerr.InvalidArgument, ziaKind(err), "%v", err)
			for _, s := range tc.says {
				require.Contains(t, err.Error(), s)
			}
			for _, c := range fake.Calls() {
				require.Equal(t, "get", c.Method, "nothing is written")
			}
		})
	}
}

func TestSettingsTheTenantReturnsAreAccepted(t *testing.T) {
	path := "/advancedSettings"
	fake := ziaObjectFake(path, map[string]any{"enableOffice365": true,
		"someNewSetting": json.Number("3")})
	res := ziaMust(t, fake, "zia_update_advanced_settings",
		map[string]any{"settings": map[string]any{"someNewSetting": 4.0}})
	require.Contains(t, res["changed"], "someNewSetting")
	calls := fake.Calls()
	require.Equal(t, "put", calls[len(calls)-1].Method)
	require.Equal(t, map[string]any{"enableOffice365": true, "someNewSetting": 4.0},
		calls[len(calls)-1].Body, "the whole object goes back")
}

func TestSettingsUpdateThatChangesNothingStagesNothing(t *testing.T) {
	up, tenant := ziaSim(t)
	res := ziaMust(t, up, "zia_update_mobile_advanced_settings", map[string]any{
		"settings": map[string]any{"blockAppsWithMaliciousActivity": true}})
	require.Equal(t, []any{"blockAppsWithMaliciousActivity"}, toAnys(res["unchanged"]))
	require.Contains(t, res["message"], "Nothing was changed")
	require.False(t, tenant.ActivationPending())
}

func toAnys(v any) []any {
	switch x := v.(type) {
	case []string:
		out := make([]any, len(x))
		for i, s := range x {
			out[i] = s
		}
		return out
	case []any:
		return x
	}
	return nil
}

func TestTogglesChangeOnlyWhatIsGiven(t *testing.T) {
	up, _ := ziaSim(t)
	_, err := ziaDo(t, up, "zia_update_atp_malware_protocols", nil)
	require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
	require.Contains(t, err.Error(), "inspect_ftp_over_http")

	res := ziaMust(t, up, "zia_update_atp_malware_protocols",
		map[string]any{"inspect_ftp": false})
	require.Equal(t, map[string]any{"inspectFtp": map[string]any{"before": true,
		"after": false}}, res["changed"])
	got := ziaMust(t, up, "zia_get_atp_malware_protocols", nil)
	require.Equal(t, map[string]any{"inspectHttp": true, "inspectFtpOverHttp": true,
		"inspectFtp": false}, got)
}

func TestSecurityExceptionsAreReplacedAndTheDifferenceNamed(t *testing.T) {
	up, _ := ziaSim(t)
	res := ziaMust(t, up, "zia_update_atp_security_exceptions", map[string]any{
		"bypass_urls": []any{".new.example", ".NEW.example", "other.example"}})
	require.Equal(t, []string{".new.example", "other.example"}, res["added"])
	require.Equal(t, []string{".partner-portal.example.com"}, res["removed"])
	got := ziaMust(t, up, "zia_get_atp_security_exceptions", nil)
	require.Equal(t, []any{".new.example", "other.example"}, got["bypassUrls"])

	ziaMust(t, up, "zia_update_atp_security_exceptions", map[string]any{"bypass_urls": []any{}})
	got = ziaMust(t, up, "zia_get_atp_security_exceptions", nil)
	require.Equal(t, []any{}, got["bypassUrls"], "an empty list empties it")
}

func TestEntryListsAreListsOfEntries(t *testing.T) {
	cases := map[string]struct {
		reply any
		want  []any
	}{
		"envelope": {map[string]any{"maliciousUrls": []any{"a.example", "b.example"}},
			[]any{"a.example", "b.example"}},
		"field missing":   {map[string]any{}, []any{}},
		"null field":      {map[string]any{"maliciousUrls": nil}, []any{}},
		"bare list":       {[]any{"a.example"}, []any{"a.example"}},
		"empty bare list": {[]any{}, []any{}},
		"odd entry kept": {map[string]any{"maliciousUrls": []any{"a.example",
			map[string]any{"url": "b"}}}, []any{"a.example", map[string]any{"url": "b"}}},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			fake := &ziaFake{reply: func(ziaCall) (any, error) { return tc.reply, nil }}
			tool := ziaTool(t, fake, "zia_list_atp_malicious_urls")
			require.True(t, tool.Lists)
			res, err := tool.Handler(context.Background(), Args{})
			require.NoError(t, err)
			require.True(t, res.IsList())
			require.Equal(t, tc.want, res.Value)
		})
	}
	fake := &ziaFake{reply: func(ziaCall) (any, error) {
		return map[string]any{"maliciousUrls": "a.example"}, nil
	}}
	_, err := ziaDo(t, fake, "zia_list_atp_malicious_urls", nil)
	require.Equal(t, toolerr.UpstreamUnavailable, ziaKind(err))
}

func TestEntryAddsSendOnlyNewEntries(t *testing.T) {
	for _, tc := range []struct {
		tool, param, path, key, method string
	}{
		{"zia_add_atp_malicious_urls", "malicious_urls", "/cyberThreatProtection/maliciousUrls",
			"maliciousUrls", "put"},
		{"zia_add_auth_exempt_urls", "exempt_urls", "/authSettings/exemptedUrls", "urls", "post"},
	} {
		t.Run(tc.tool, func(t *testing.T) {
			fake := ziaObjectFake(tc.path, map[string]any{tc.key: []any{"Old.example"}})
			res := ziaMust(t, fake, tc.tool, map[string]any{
				tc.param: []any{"old.example", "new.example", "NEW.example"}})
			require.Equal(t, []string{"new.example"}, res["added"])
			require.Equal(t, []string{"old.example"}, res["already_present"])
			calls := fake.Calls()
			require.Len(t, calls, 2)
			require.Equal(t, tc.method, calls[1].Method)
			require.Equal(t, tc.path+"?action=ADD_TO_LIST", calls[1].Path)
			require.Equal(t, map[string]any{tc.key: []string{"new.example"}}, calls[1].Body)

			fake = ziaObjectFake(tc.path, map[string]any{tc.key: []any{"old.example"}})
			res = ziaMust(t, fake, tc.tool, map[string]any{tc.param: []any{"OLD.example"}})
			require.Contains(t, res["message"], "Nothing was changed")
			require.Len(t, fake.Calls(), 1, "nothing is written")

			_, err := ziaDo(t, fake, tc.tool, map[string]any{tc.param: []any{"a b.example"}})
			require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
			_, err = ziaDo(t, fake, tc.tool, map[string]any{tc.param: []any{}})
			require.Equal(t, toolerr.InvalidArgument, ziaKind(err))
		})
	}
}

func TestEntryDeletesNameTheEntriesAndRefuseAbsentOnes(t *testing.T) {
	path := "/authSettings/exemptedUrls"
	fake := ziaObjectFake(path, map[string]any{"urls": []any{".Windowsupdate.com",
		"login.partner.example", "keep.example"}})
	tool := ziaTool(t, fake, "zia_delete_auth_exempt_urls")
	args, err := Validate(tool.Params, map[string]any{"exempt_urls": []any{
		".windowsupdate.com", "login.partner.example"}})
	require.NoError(t, err)

	res, err := tool.Describe(context.Background(), args)
	require.NoError(t, err)
	require.Equal(t, Resource{Type: "2 authentication exempt list entries",
		ID: ".Windowsupdate.com, login.partner.example"}, res)

	out, err := tool.Handler(context.Background(), args)
	require.NoError(t, err)
	require.Equal(t, []string{".Windowsupdate.com", "login.partner.example"},
		out.Value.(map[string]any)["removed"])
	calls := fake.Calls()
	last := calls[len(calls)-1]
	require.Equal(t, "post", last.Method)
	require.Equal(t, path+"?action=REMOVE_FROM_LIST", last.Path)
	require.Equal(t, map[string]any{"urls": []string{".Windowsupdate.com",
		"login.partner.example"}}, last.Body, "the list's own spelling is sent")

	fake = ziaObjectFake(path, map[string]any{"urls": []any{"keep.example"}})
	tool = ziaTool(t, fake, "zia_delete_auth_exempt_urls")
	args, err = Validate(tool.Params, map[string]any{"exempt_urls": []any{
		"keep.example", "gone.example"}})
	require.NoError(t, err)
	_, err = tool.Describe(context.Background(), args)
	require.Equal(t, toolerr.NotFound, ziaKind(err))
	require.Contains(t, err.Error(), `"gone.example"`)
	require.NotContains(t, err.Error(), `"keep.example"`)
	_, err = tool.Handler(context.Background(), args)
	require.Equal(t, toolerr.NotFound, ziaKind(err))
	for _, c := range fake.Calls() {
		require.Equal(t, "get", c.Method, "nothing is removed")
	}
}

func TestEntryListRoundTripAgainstTheSimulator(t *testing.T) {
	up, tenant := ziaSim(t)
	ziaMust(t, up, "zia_add_atp_malicious_urls",
		map[string]any{"malicious_urls": []any{"evil.example"}})
	require.True(t, tenant.ActivationPending())
	v, err := ziaDo(t, up, "zia_list_atp_malicious_urls", nil)
	require.NoError(t, err)
	require.Contains(t, v, "evil.example")
	ziaMust(t, up, "zia_delete_atp_malicious_urls",
		map[string]any{"malicious_urls": []any{"EVIL.example", "phish.example.net"}})
	v, err = ziaDo(t, up, "zia_list_atp_malicious_urls", nil)
	require.NoError(t, err)
	require.Equal(t, []any{".bad-actor.example"}, v)
}

func TestSettingsFieldListsMatchTheSimulatedTenant(t *testing.T) {
	up, _ := ziaSim(t)
	for _, s := range []ziaSettings{ziaAdvancedSettings(), ziaMalwareSettings(),
		ziaATPSettings(), ziaMobileSettings()} {
		cur, err := ziaCurrent(context.Background(), up, s.Path)
		require.NoError(t, err)
		var keys []string
		for k := range cur {
			keys = append(keys, k)
		}
		require.ElementsMatch(t, s.Fields, keys, s.Path)
	}
}

package simulator

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/advanced_settings"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/advancedthreatsettings"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/malware_protection"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/mobile_threat_settings"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/user_authentication_settings"
)

func TestSDKReadsAndWritesSettings(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	adv, err := advanced_settings.GetAdvancedSettings(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, 5400, adv.UISessionTimeout)
	require.Equal(t, []string{"NONE"}, adv.DnsResolutionOnTransparentProxyUrlCategories)
	adv.EnableDnsResolutionOnTransparentProxy = true
	got, _, err := advanced_settings.UpdateAdvancedSettings(ctx, svc, adv)
	require.NoError(t, err)
	require.True(t, got.EnableDnsResolutionOnTransparentProxy, "every field the SDK sends is known")
	require.True(t, srv.Tenant.ActivationPending())

	atp, err := advancedthreatsettings.GetAdvancedThreatSettings(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, 75, atp.RiskTolerance)
	atp.RiskTolerance = 40
	upd, _, err := advancedthreatsettings.UpdateAdvancedThreatSettings(ctx, svc, *atp)
	require.NoError(t, err)
	require.Equal(t, 40, upd.RiskTolerance)
	require.Equal(t, atp.TorBlocked, upd.TorBlocked)

	_, err = advancedthreatsettings.UpdateMaliciousURLs(ctx, svc, advancedthreatsettings.MaliciousURLs{
		MaliciousUrls: []string{".bad-actor.example", "new.example"}})
	require.NoError(t, err)
	mal, err := advancedthreatsettings.GetMaliciousURLs(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, []string{".bad-actor.example", "new.example"}, mal.MaliciousUrls,
		"the SDK adds and removes through the list actions")

	_, err = advancedthreatsettings.UpdateSecurityExceptions(ctx, svc,
		advancedthreatsettings.SecurityExceptions{BypassUrls: []string{".b.example"}})
	require.NoError(t, err)
	exc, err := advancedthreatsettings.GetSecurityExceptions(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, []string{".b.example"}, exc.BypassUrls)

	pol, _, err := malware_protection.UpdateATPMalwarePolicy(ctx, svc,
		malware_protection.MalwarePolicy{BlockUnscannableFiles: true})
	require.NoError(t, err)
	require.False(t, pol.BlockPasswordProtectedArchiveFiles)
	insp, err := malware_protection.GetATPMalwareInspection(ctx, svc)
	require.NoError(t, err)
	require.True(t, insp.InspectInbound)
	proto, _, err := malware_protection.UpdateATPMalwareProtocol(ctx, svc,
		malware_protection.ATPMalwareProtocols{InspectHttp: true})
	require.NoError(t, err)
	require.False(t, proto.InspectFtp)
	ms, err := malware_protection.GetATPMalwareSettings(ctx, svc)
	require.NoError(t, err)
	require.True(t, ms.VirusBlocked)

	mob, err := mobile_threat_settings.GetMobileThreatSettings(ctx, svc)
	require.NoError(t, err)
	require.True(t, mob.BlockAppsWithMaliciousActivity)

	_, err = user_authentication_settings.Update(ctx, svc, user_authentication_settings.ExemptedUrls{
		URLs: []string{"login.partner.example", "sso.example"}})
	require.NoError(t, err)
	ex, err := user_authentication_settings.Get(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, []string{"login.partner.example", "sso.example"}, ex.URLs)
}

func TestSettingsRefuseWhatTheAPIRefuses(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	cases := []struct {
		method, path string
		body         any
		status       int
	}{
		{http.MethodPut, "/advancedSettings", map[string]any{"enableOffice365": "yes"}, 400},
		{http.MethodPut, "/advancedSettings", map[string]any{"enableOfice365": true}, 400},
		{http.MethodPut, "/cyberThreatProtection/advancedThreatSettings",
			map[string]any{"riskTolerance": 50.5}, 400},
		{http.MethodPut, "/cyberThreatProtection/maliciousUrls?action=ADD_TO_LIST",
			map[string]any{"maliciousUrls": []any{7}}, 400},
		{http.MethodPut, "/cyberThreatProtection/maliciousUrls?action=REPLACE",
			map[string]any{"maliciousUrls": []any{"a.example"}}, 400},
		{http.MethodPost, "/cyberThreatProtection/maliciousUrls?action=ADD_TO_LIST",
			map[string]any{"maliciousUrls": []any{"a.example"}}, 405},
		{http.MethodPut, "/authSettings/exemptedUrls?action=ADD_TO_LIST",
			map[string]any{"urls": []any{"a.example"}}, 405},
		{http.MethodPut, "/authSettings/exemptedUrls", map[string]any{"urls": []any{}}, 405},
		{http.MethodDelete, "/mobileAdvanceThreatSettings", nil, 405},
	}
	for _, tc := range cases {
		status, _ := c.json(tc.method, api+tc.path, tc.body)
		require.Equal(t, tc.status, status, "%s %s", tc.method, tc.path)
	}
	require.False(t, srv.Tenant.ActivationPending(), "a refused change stages nothing")

	status, v := c.json(http.MethodPut, api+"/cyberThreatProtection/malwareSettings",
		map[string]any{"virusBlocked": true})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, false, v.(map[string]any)["trojanBlocked"], "omitted fields reset to false")
	require.Len(t, v.(map[string]any), 16, "the reply is the whole object")
}

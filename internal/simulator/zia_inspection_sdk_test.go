package simulator

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/cloudapplications/cloudapplications"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/filetypecontrol"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/sandbox/sandbox_report"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/sandbox/sandbox_rules"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/sandbox/sandbox_settings"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/sslinspection"
)

// The Go SDK reads the sandbox, SSL inspection and file type endpoints as served.
func TestSDKReadsInspectionPolicies(t *testing.T) {
	svc := newSDK(t, startSim(t))
	ctx := context.Background()

	ssl, err := sslinspection.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, ssl, 6)
	require.Equal(t, "DO_NOT_DECRYPT", ssl[0].Action.Type)
	require.True(t, ssl[0].Predefined)
	require.True(t, ssl[0].Action.DoNotDecryptSubActions.BypassOtherPolicies)
	inspect := ssl[slices.IndexFunc(ssl, func(r sslinspection.SSLInspectionRules) bool {
		return r.Action.Type == "DECRYPT" && !r.DefaultRule
	})]
	require.Equal(t, "CLIENT_TLS_1_2", inspect.Action.DecryptSubActions.MinClientTLSVersion)
	require.True(t, ssl[5].DefaultRule, "the default rule comes last")

	sandbox, err := sandbox_rules.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, sandbox, 4)
	require.Equal(t, "BLOCK", sandbox[0].BaRuleAction)
	require.Equal(t, "QUARANTINE", sandbox[0].FirstTimeOperation)
	require.True(t, sandbox[3].DefaultRule)

	quota, err := sandbox_report.GetRatingQuota(ctx, svc)
	require.NoError(t, err)
	require.Len(t, quota, 1)
	require.Equal(t, 3000, quota[0].Allowed)

	summary, err := sandbox_report.GetReportMD5Hash(ctx, svc, EICARMD5, "summary")
	require.NoError(t, err)
	require.Equal(t, "MALICIOUS", summary.Details.Classification.Type)
	require.Equal(t, "EICAR-Test-File", summary.Details.Classification.DetectedMalware)
	full, err := sandbox_report.GetReportMD5Hash(ctx, svc, EICARMD5, "full")
	require.NoError(t, err)
	require.Equal(t, "United States", full.Details.Origin.Country)
	require.NotEmpty(t, full.Details.SystemSummary)
	require.Equal(t, EICARMD5, full.Details.FileProperties.MD5)

	legacy, err := sandbox_settings.Get(ctx, svc)
	require.NoError(t, err)
	require.Len(t, legacy.FileHashesToBeBlocked, 2, "the older struct reads the denied hashes")
	lists, err := sandbox_settings.Getv2(ctx, svc)
	require.NoError(t, err)
	require.Len(t, lists.Md5HashValueList, 3)
	count, err := sandbox_settings.GetFileHashCount(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, sandbox_settings.FileHashCount{BlockedFileHashesCount: 2,
		RemainingFileHashes: 9998}, *count)

	ftRules, err := filetypecontrol.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, ftRules, 4)
	require.Equal(t, "BLOCK", ftRules[0].FilteringAction)
	require.Equal(t, "DOWNLOAD", ftRules[0].Operation)

	types, err := filetypecontrol.GetFileTypeCategories(ctx, svc, nil)
	require.NoError(t, err)
	require.Len(t, types, 19)
	dlp, err := filetypecontrol.GetFileTypeCategories(ctx, svc,
		&filetypecontrol.GetFileTypeCategoriesFilterOptions{Enums: []string{"EXTERNALDLP"},
			ExcludeCustomFileTypes: ptr(true)})
	require.NoError(t, err)
	require.Len(t, dlp, 11)

	apps, err := cloudapplications.GetCloudApplicationSSLPolicy(ctx, svc,
		map[string]any{"appClass": []any{"FILE_SHARE"}})
	require.NoError(t, err)
	require.Len(t, apps, 4)
	require.Equal(t, "File Share", apps[0].ParentName)
}

// SSL inspection rules round-trip through the SDK, whose checks of the action object
// the simulator applies too.
func TestSDKWritesSSLInspectionRules(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	rule := &sslinspection.SSLInspectionRules{Name: "SDK decrypt", State: "ENABLED", Order: 2,
		Rank: 7, Action: sslinspection.Action{Type: "DECRYPT",
			DecryptSubActions: &sslinspection.DecryptSubActions{ServerCertificates: "BLOCK",
				MinClientTLSVersion: "CLIENT_TLS_1_2", MinServerTLSVersion: "SERVER_TLS_1_2",
				OcspCheck: true}},
		URLCategories: []string{"NEWS_AND_MEDIA"}}
	created, err := sslinspection.Create(ctx, svc, rule)
	require.NoError(t, err)
	require.Equal(t, 2, created.Order)
	require.Equal(t, "BLOCK", created.Action.DecryptSubActions.ServerCertificates)
	require.NotNil(t, created.Action.DoNotDecryptSubActions,
		"the other type's settings are shown with their defaults")

	created.Action = sslinspection.Action{Type: "BLOCK", ShowEUN: true}
	updated, err := sslinspection.Update(ctx, svc, created.ID, created)
	require.NoError(t, err)
	require.Equal(t, "BLOCK", updated.Action.Type)
	require.Nil(t, updated.Action.DecryptSubActions, "a BLOCK action has no settings block")

	_, err = sslinspection.Delete(ctx, svc, created.ID)
	require.NoError(t, err)
	require.True(t, srv.Tenant.ActivationPending())
}

package simulator

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/cloudappcontrol"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/cloudapplications/cloudapplications"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/common"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/dlp/dlp_engines"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/dlp/dlp_web_rules"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/dlp/dlpdictionaries"
)

func TestSDKReadsDLP(t *testing.T) {
	svc := newSDK(t, startSim(t))
	ctx := context.Background()

	dicts, err := dlpdictionaries.GetAll(ctx, svc)
	require.NoError(t, err, "the odd record with nulls decodes")
	require.Len(t, dicts, 16)
	big := slices.IndexFunc(dicts, func(d dlpdictionaries.DlpDictionary) bool {
		return int64(d.ID) == BigDLPDictionaryID
	})
	require.GreaterOrEqual(t, big, 0, "ids above 2^53 survive exactly")
	secrets, err := dlpdictionaries.Get(ctx, svc, 24)
	require.NoError(t, err)
	require.Equal(t, "AKIA[0-9A-Z]{16}", secrets.Patterns[0].Pattern)

	engines, err := dlp_engines.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, engines, 9)
	hipaa, err := dlp_engines.GetByPredefinedEngine(ctx, svc, "HIPAA")
	require.NoError(t, err, "the lite list carries the predefined engine name")
	require.Equal(t, 61, hipaa.ID)

	rules, err := dlp_web_rules.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, rules, 5)
	require.Equal(t, "PCI", rules[0].DLPEngines[0].Name)
	require.Equal(t, "INCIDENT_RECEIVER", rules[4].Receiver.Type)

	created, err := dlp_web_rules.Create(ctx, svc, &dlp_web_rules.WebDLPRules{
		Name: "SDK rule", Order: 1, Rank: 7, State: "ENABLED", Action: "BLOCK",
		Protocols:  []string{"HTTPS_RULE"},
		DLPEngines: []common.IDNameExtensions{{ID: 62}}})
	require.NoError(t, err)
	require.Equal(t, "GLBA", created.DLPEngines[0].Name)
	created.Description = "changed"
	updated, err := dlp_web_rules.Update(ctx, svc, created.ID, created)
	require.NoError(t, err)
	require.Equal(t, "changed", updated.Description)
	_, err = dlp_web_rules.Delete(ctx, svc, created.ID)
	require.NoError(t, err)
}

func TestSDKReadsCloudAppControl(t *testing.T) {
	svc := newSDK(t, startSim(t))
	ctx := context.Background()

	mail, err := cloudappcontrol.GetByRuleType(ctx, svc, "WEBMAIL")
	require.NoError(t, err)
	require.Len(t, mail, 2)
	require.Equal(t, BigCloudAppRuleID, int64(mail[1].ID), "ids above 2^53 survive exactly")
	rule, err := cloudappcontrol.GetByRuleID(ctx, svc, "WEBMAIL", mail[1].ID)
	require.NoError(t, err)
	require.Equal(t, "Contractors cannot send", rule.Name)
	social, err := cloudappcontrol.GetByRuleType(ctx, svc, "SOCIAL_NETWORKING")
	require.NoError(t, err, "the odd record with a null list decodes")
	require.Len(t, social, 1)

	created, err := cloudappcontrol.Create(ctx, svc, "STREAMING_MEDIA",
		&cloudappcontrol.WebApplicationRules{Name: "SDK rule", Order: 1, Rank: 7,
			State: "ENABLED", Type: "STREAMING_MEDIA", Actions: []string{"ALLOW_STREAMING_UPLOAD"},
			Applications: []string{"NETFLIX"}})
	require.NoError(t, err)
	require.Equal(t, 1, created.NumberOfApplications)
	created.Description = "changed"
	updated, err := cloudappcontrol.Update(ctx, svc, "STREAMING_MEDIA", created.ID, created)
	require.NoError(t, err)
	require.Equal(t, "changed", updated.Description)
	_, err = cloudappcontrol.Delete(ctx, svc, "STREAMING_MEDIA", created.ID)
	require.NoError(t, err)

	actions, err := cloudappcontrol.AllAvailableActions(ctx, svc, "WEBMAIL",
		cloudappcontrol.AvailableActionsRequest{CloudApps: []string{"GOOGLE_WEBMAIL"},
			Type: "WEBMAIL"})
	require.NoError(t, err)
	require.Contains(t, actions, "BLOCK_WEBMAIL_SEND")

	apps, err := cloudapplications.GetCloudApplicationPolicy(ctx, svc,
		map[string]interface{}{"appClass": []interface{}{"WEB_MAIL"}})
	require.NoError(t, err)
	require.Len(t, apps, 3)
	require.Equal(t, "GOOGLE_WEBMAIL", apps[0].App)
}

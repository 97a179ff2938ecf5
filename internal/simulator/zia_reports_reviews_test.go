package simulator

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/activation"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/adminauditlogs"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/dlp/dlpdictionaries"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/urlcategories"
)

// The agreement status, audit report, URL review and DLP helper endpoints answer the
// SDK as it expects, and none of them stages a change.
func TestSDKReportsReviewsAndAgreement(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	eusa, err := activation.GetEusaStatus(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, 3183, eusa.ID)
	require.False(t, eusa.AcceptedStatus)
	eusa.AcceptedStatus = true
	got, _, err := activation.UpdateEusaStatus(ctx, svc, eusa.ID, eusa)
	require.NoError(t, err)
	require.True(t, got.AcceptedStatus)
	again, err := activation.GetEusaStatus(ctx, svc)
	require.NoError(t, err)
	require.True(t, again.AcceptedStatus)

	_, err = adminauditlogs.GetAll(ctx, svc)
	require.Error(t, err, "no report before one is asked for")
	_, err = adminauditlogs.CreateAdminAuditLogsExport(ctx, svc, adminauditlogs.AuditLogEntryRequest{
		StartTime: 1767225600000, EndTime: 1767312000000, Page: 1, PageSize: "500"})
	require.NoError(t, err, "a report starts with exactly 204")
	info, err := adminauditlogs.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, "COMPLETE", info.Status)

	reviews, err := urlcategories.CreateURLReview(ctx, svc, []string{".coinbase.com", "new.example"})
	require.NoError(t, err)
	require.Len(t, reviews, 2)
	require.Equal(t, []urlcategories.DomainMatch{{ID: "CUSTOM_02", Name: "Blocked Crypto Sites"}},
		reviews[0].Matches)
	require.Empty(t, reviews[1].Matches)
	require.NoError(t, urlcategories.UpdateURLReview(ctx, svc, reviews),
		"the reviewed entries are taken back with an empty answer")

	ids, _, err := dlpdictionaries.GetPredefinedIdentifiers(ctx, svc, "Passport Numbers")
	require.NoError(t, err)
	require.Equal(t, []string{"PASSPORT_US", "PASSPORT_DE", "PASSPORT_CH", "PASSPORT_JP"}, ids)

	require.False(t, srv.Tenant.ActivationPending(), "nothing here is a configuration change")
	writes := srv.Tenant.Writes()
	require.Len(t, writes, 1, "the accepted agreement is the one change applied")
	require.Equal(t, "eusaStatus", writes[0].Collection)
}

func TestReportsAndPatternChecksOverTheWire(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	status, v := c.json(http.MethodGet, api+"/auditlogEntryReport", nil)
	require.Equal(t, http.StatusNotFound, status)
	require.Equal(t, "No Report to download", v.(map[string]any)["message"])
	status, _ = c.json(http.MethodPost, api+"/auditlogEntryReport",
		map[string]any{"startTime": 2, "endTime": 1})
	require.Equal(t, http.StatusBadRequest, status, "a range that ends before it starts")

	status, _ = c.json(http.MethodPost, api+"/ruleLabels", map[string]any{"name": "Audited"})
	require.Equal(t, http.StatusOK, status)
	status, _, raw := c.do(http.MethodPost, api+"/auditlogEntryReport",
		map[string]any{"startTime": 1, "endTime": 2})
	require.Equal(t, http.StatusNoContent, status)
	require.Empty(t, raw)
	status, hdr, raw := c.do(http.MethodGet, api+"/auditlogEntryReport/download", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "text/csv", hdr.Get("Content-Type"))
	lines := strings.Split(strings.TrimSpace(string(raw)), "\n")
	require.Len(t, lines, 2, "a header and the one change made")
	require.Contains(t, lines[1], "POST,ruleLabels,/ruleLabels")
	status, _, _ = c.do(http.MethodDelete, api+"/auditlogEntryReport", nil)
	require.Equal(t, http.StatusNoContent, status)
	status, _, _ = c.do(http.MethodGet, api+"/auditlogEntryReport/download", nil)
	require.Equal(t, http.StatusNotFound, status, "a cancelled report is gone")

	status, v = c.json(http.MethodPost, api+"/dlpDictionaries/validateDlpPattern",
		map[string]any{"data": "AKIA[0-9A-Z]{16}"})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, map[string]any{"status": int64(0), "errPosition": int64(-1),
		"errMsg": "Valid regular expression", "errParameter": nil, "errSuggestion": nil,
		"idList": nil}, v)
	status, v = c.json(http.MethodPost, api+"/dlpDictionaries/validateDlpPattern",
		map[string]any{"data": "ab(c"})
	require.Equal(t, http.StatusOK, status, "an invalid pattern is an answer, not an error")
	require.Equal(t, int64(1), v.(map[string]any)["status"])
	status, _ = c.json(http.MethodGet, api+"/dlpDictionaries/24/predefinedIdentifiers", nil)
	require.Equal(t, http.StatusBadRequest, status, "a custom dictionary has none")

	status, _ = c.json(http.MethodPut, api+"/eusaStatus/1", map[string]any{"acceptedStatus": true})
	require.Equal(t, http.StatusNotFound, status, "only the latest agreement is known")
	require.Len(t, srv.Tenant.Writes(), 1, "only the label create is a write")
}

package simulator

import (
	"context"
	"slices"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/devicegroups"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/shadowitreport"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/time_intervals"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/workloadgroups"
)

// The real SDK reads devices, workload groups, time intervals and the shadow IT
// catalog from the simulator, and writes time intervals and bulk updates through it.
func TestSDKReadsDevicesAndWorkloadGroups(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	groups, err := devicegroups.GetAllDevicesGroups(ctx, svc)
	require.NoError(t, err, "the SDK's page loop ends")
	require.Len(t, groups, 5)
	info, err := devicegroups.GetIncludeDeviceInfo(ctx, svc, true, true)
	require.NoError(t, err)
	require.Len(t, info, 7)
	require.Equal(t, 3, info[0].DeviceCount)

	devices, err := devicegroups.GetAllDevices(ctx, svc)
	require.NoError(t, err)
	require.Len(t, devices, 15)
	big, err := devicegroups.GetDevicesByName(ctx, svc, "WIN-011")
	require.NoError(t, err)
	require.Equal(t, int(BigDeviceID), big.ID, "64-bit ids decode exactly")
	odd, err := devicegroups.GetDevicesByName(ctx, svc, "LNX-005")
	require.NoError(t, err, "nulls decode")
	require.Empty(t, odd.HostName)

	wgs, err := workloadgroups.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, wgs, 5)
	wg, err := workloadgroups.Get(ctx, svc, 2461)
	require.NoError(t, err)
	require.Len(t, wg.WorkloadTagExpression.ExpressionContainers, 2)
	require.Equal(t, "Environment",
		wg.WorkloadTagExpression.ExpressionContainers[0].TagContainer.Tags[0].Key)
	legacy, err := workloadgroups.Get(ctx, svc, 2465)
	require.NoError(t, err, "a null expressionJson decodes")
	require.Empty(t, legacy.WorkloadTagExpression.ExpressionContainers)
}

func TestSDKTimeIntervalRoundTrip(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	all, err := time_intervals.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, all, 5)
	require.True(t, slices.ContainsFunc(all, func(i time_intervals.TimeInterval) bool {
		return i.ID == int(BigTimeIntervalID)
	}))

	created, _, err := time_intervals.Create(ctx, svc, &time_intervals.TimeInterval{
		Name: "SDK Shift", StartTime: 0, EndTime: 600, DaysOfWeek: []string{"EVERYDAY"}})
	require.NoError(t, err)
	require.Equal(t, 0, created.StartTime)
	created.EndTime = 700
	updated, _, err := time_intervals.Update(ctx, svc, created.ID, created)
	require.NoError(t, err)
	require.Equal(t, 700, updated.EndTime)
	_, err = time_intervals.Delete(ctx, svc, created.ID)
	require.NoError(t, err)
	_, err = time_intervals.Get(ctx, svc, created.ID)
	require.Error(t, err)
}

func TestSDKShadowITCatalog(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	all, err := shadowitreport.GetAllCloudAppsLite(ctx, svc, nil, nil)
	require.NoError(t, err)
	require.Len(t, all, 24)
	pn, limit := 2, 10
	page, err := shadowitreport.GetAllCloudAppsLite(ctx, svc, &pn, &limit)
	require.NoError(t, err)
	require.Len(t, page, 4)
	require.Equal(t, int(BigCloudAppID), page[3].ID)

	tags, err := shadowitreport.GetAllCustomTags(ctx, svc)
	require.NoError(t, err)
	require.Len(t, tags, 5)

	_, err = shadowitreport.Update(ctx, svc, &shadowitreport.ApplicationBulkUpdate{
		SanctionedState: "UN_SANCTIONED", ApplicationIDs: []int{655377},
		CloudApplicationsAndCustomTags: []shadowitreport.CloudApplicationsAndCustomTags{{ID: 2}}})
	require.NoError(t, err, "the SDK takes the empty 204 answer")
	state, tagIDs, _ := srv.Tenant.CloudApplicationState(655377)
	require.Equal(t, "UN_SANCTIONED", state)
	require.Equal(t, []string{"2"}, tagIDs)
}

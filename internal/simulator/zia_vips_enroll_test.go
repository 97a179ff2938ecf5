package simulator

import (
	"context"
	"fmt"
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/common"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/gretunnelinfo"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/region/datacenter"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/virtualipaddress"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/usermanagement/users"
)

// The service edge catalogs and the GRE tunnel info answer the SDK's paging loops.
func TestSDKReadsServiceEdges(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	zrh, err := virtualipaddress.GetZscalerVIPs(ctx, svc, "zrh1")
	require.NoError(t, err)
	require.Equal(t, []string{"165.225.94.19"}, zrh.GREIPs)
	require.Equal(t, "Zürich", zrh.City)

	groups, err := datacenter.SearchByDatacenters(ctx, svc, common.DatacenterSearchParameters{
		Latitude: 47.4, Longitude: 8.6})
	require.NoError(t, err)
	require.Len(t, groups, len(vips))
	require.Equal(t, "ZRH1", groups[0].Datacenter.Name, "the nearest data center first")
	require.Equal(t, "165.225.94.19", groups[0].GreVIP[0].VirtualIp)

	info, err := gretunnelinfo.GetGRETunnelInfo(ctx, svc, seedStaticIP(0))
	require.NoError(t, err)
	require.Equal(t, 4338955, info.TunID)
	require.True(t, info.GREEnabled)
	require.NotEmpty(t, info.PrimaryGW)
	_, err = gretunnelinfo.GetGRETunnelInfo(ctx, svc, "198.51.100.7")
	require.Error(t, err, "an address without a tunnel has no info")
}

func TestUserEnrollment(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	_, list := c.json(http.MethodGet, api+"/users?page=1&pageSize=1", nil)
	id := idKey(list.([]any)[0].(map[string]any)["id"])

	status, v := c.json(http.MethodPost, api+"/users/"+id+"/enroll",
		map[string]any{"authMethods": []any{"BASIC", "DIGEST"}, "password": "S3cret!x"})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, id, idKey(v.(map[string]any)["userId"]))
	_, u := c.json(http.MethodGet, api+"/users/"+id, nil)
	require.Equal(t, []any{"BASIC", "DIGEST"}, u.(map[string]any)["authMethods"])
	require.NotContains(t, u, "password", "the password is never echoed")
	require.True(t, srv.Tenant.ActivationPending(), "an enrollment is staged")

	for _, body := range []map[string]any{
		{"authMethods": []any{"KERBEROS"}, "password": "x"},
		{"authMethods": []any{}, "password": "x"},
	} {
		status, _ = c.json(http.MethodPost, api+"/users/"+id+"/enroll", body)
		require.Equal(t, http.StatusBadRequest, status, "%v", body)
	}
	status, _ = c.json(http.MethodPost, api+"/users/"+id+"/enroll",
		map[string]any{"authMethods": []any{"BASIC"}})
	require.Equal(t, http.StatusBadRequest, status, "a password is required")

	// The SDK appends its own base path to the user's: the API has no such endpoint.
	var n int
	_, err := fmt.Sscan(id, &n)
	require.NoError(t, err)
	_, err = users.EnrollUser(context.Background(), newSDK(t, srv), n,
		users.EnrollUserRequest{AuthMethods: []string{"BASIC"}, Password: "S3cret!x"})
	require.Error(t, err)
	reqs := srv.Tenant.Requests()
	last := reqs[len(reqs)-1]
	require.Equal(t, "/zia/api/v1/users/"+id+"/zia/api/v1/enroll", last.Path)
	require.Equal(t, http.StatusNotFound, last.Status)
}

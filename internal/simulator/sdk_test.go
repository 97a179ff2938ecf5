package simulator

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/activation"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/common"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/firewallpolicies/filteringrules"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/firewallpolicies/networkservices"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/location/locationgroups"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/location/locationlite"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/location/locationmanagement"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/rule_labels"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/greinternalipranges"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/gretunnels"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/region/geo_coordinates"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/region/ip_address"
	region "github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/region/search"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/staticips"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/trafficforwarding/vpncredentials"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/urlcategories"
	"github.com/zscaler/zscaler-sdk-go/v3/zscaler/zia/services/usermanagement/users"
)

func TestSDKReadsSeededTenant(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	locs, err := locationmanagement.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, locs, 25)
	zh := slices.IndexFunc(locs, func(l locationmanagement.Locations) bool { return l.Name == "Zürich Office" })
	require.GreaterOrEqual(t, zh, 0)
	require.Equal(t, "CORPORATE", locs[zh].Profile)
	require.Equal(t, "Corporate User Traffic Group", locs[zh].DynamiclocationGroups[0].Name)
	require.Equal(t, "EMEA Sites", locs[zh].StaticLocationGroups[0].Name)
	hq := slices.IndexFunc(locs, func(l locationmanagement.Locations) bool { return l.Name == "HQ San Jose" })
	require.Equal(t, 2, locs[hq].ChildCount)
	withVPN := slices.IndexFunc(locs, func(l locationmanagement.Locations) bool { return len(l.VPNCredentials) > 0 })
	require.GreaterOrEqual(t, withVPN, 0, "embedded VPN credentials decode into the SDK type")

	lite, err := locationlite.GetAll(ctx, svc, nil)
	require.NoError(t, err)
	require.True(t, slices.ContainsFunc(lite, func(l locationlite.LocationLite) bool { return l.ID == -3 }),
		"the lite list includes Road Warrior")

	groups, err := locationgroups.GetAll(ctx, svc, nil)
	require.NoError(t, err)
	require.Len(t, groups, 8)
	count, err := locationgroups.GetLocationGroupCount(ctx, svc, &locationgroups.GetAllFilterOptions{
		GroupType: ptr("STATIC_GROUP")})
	require.NoError(t, err)
	require.Equal(t, 2, count)

	cats, err := urlcategories.GetAll(ctx, svc, false, false, "")
	require.NoError(t, err)
	require.Len(t, cats, 39, "TLD categories are left out unless type=ALL")
	all, err := urlcategories.GetAll(ctx, svc, false, false, "ALL")
	require.NoError(t, err)
	require.Len(t, all, 40)
	custom, err := urlcategories.GetAllCustomURLCategories(ctx, svc)
	require.NoError(t, err)
	require.Len(t, custom, 9)
	require.Equal(t, "CUSTOM_01", custom[0].ID)
	require.Equal(t, "ORGANIZATION", custom[0].Scopes[0].Type)

	rules, err := filteringrules.GetAll(ctx, svc, nil)
	require.NoError(t, err)
	require.Len(t, rules, 25)
	for i, r := range rules[:24] {
		require.Equal(t, i+1, r.Order, "regular rules come in contiguous order")
	}
	require.True(t, rules[24].DefaultRule)

	us, err := users.GetAllUsers(ctx, svc, nil)
	require.NoError(t, err)
	require.Len(t, us, 60)
	require.True(t, sort.SliceIsSorted(us, func(i, j int) bool {
		return strings.ToLower(us[i].Name) < strings.ToLower(us[j].Name)
	}), "the SDK asks for sortBy=name&sortOrder=asc")
	require.NotEmpty(t, us[0].Groups)
	require.NotNil(t, us[0].Department)

	labels, err := rule_labels.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, labels, 15)
	require.True(t, slices.ContainsFunc(labels, func(l rule_labels.RuleLabels) bool {
		return int64(l.ID) == BigRuleLabelID
	}), "ids above 2^53 survive exactly")

	ips, err := staticips.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, ips, 16)
	require.Equal(t, "Cheney, Kansas, United States", ips[3].City.Name)

	tunnels, err := gretunnels.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, tunnels, 6)
	require.NotEmpty(t, tunnels[0].PrimaryDestVip.Datacenter)

	creds, err := vpncredentials.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, creds, 16)
	for _, c := range creds {
		require.Empty(t, c.PreSharedKey, "pre-shared keys are never sent back")
	}
	free := slices.IndexFunc(creds, func(c vpncredentials.VPNCredentials) bool { return c.Location == nil })
	require.GreaterOrEqual(t, free, 0)

	tcp := "TCP"
	svcs, err := networkservices.GetAllNetworkServices(ctx, svc, &tcp, nil)
	require.NoError(t, err)
	require.NotEmpty(t, svcs)
	for _, s := range svcs {
		require.NotEmpty(t, append(s.DestTCPPorts, s.SrcTCPPorts...), s.Name)
	}

	ranges, err := greinternalipranges.GetGREInternalIPRange(ctx, svc, 3)
	require.NoError(t, err)
	require.Len(t, *ranges, 3)
	require.Equal(t, "172.17.0.40", (*ranges)[0].StartIPAddress, "ranges in use are skipped")

	byIP, err := ip_address.GetByIPAddress(ctx, svc, "8.8.8.8")
	require.NoError(t, err)
	require.NotEmpty(t, byIP.CityName)
	near, err := geo_coordinates.GetByGeoCoordinates(ctx, svc, 47.37, 8.54)
	require.NoError(t, err)
	require.Equal(t, "Zürich", near.CityName)
	found, err := region.GetDatacenterRegion(ctx, svc, "São")
	require.NoError(t, err)
	require.Len(t, found, 1)

	lookup, err := urlcategories.GetURLLookup(ctx, svc, []string{"www.google.com", "unknown.example.org"})
	require.NoError(t, err)
	require.Equal(t, []string{"WEB_SEARCH"}, lookup[0].URLClassifications)
	require.Equal(t, []string{"MISCELLANEOUS_OR_UNKNOWN"}, lookup[1].URLClassifications)
}

func ptr[T any](v T) *T { return &v }

func TestSDKWritesStageUntilActivation(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	st, err := activation.GetActivationStatus(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", st.Status)

	created, _, err := rule_labels.Create(ctx, svc, &rule_labels.RuleLabels{Name: "SDK label",
		Description: "created by a test"})
	require.NoError(t, err)
	require.NotZero(t, created.ID)
	require.Equal(t, "API Client Secret Authentication", created.CreatedBy.Name)
	st, err = activation.GetActivationStatus(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, "PENDING", st.Status)

	updated, _, err := rule_labels.Update(ctx, svc, created.ID, &rule_labels.RuleLabels{
		ID: created.ID, Name: "SDK label v2"})
	require.NoError(t, err)
	require.Equal(t, "SDK label v2", updated.Name)
	require.Empty(t, updated.Description, "PUT replaces the whole object")

	_, _, err = rule_labels.Create(ctx, svc, &rule_labels.RuleLabels{Name: "sdk LABEL v2"})
	require.ErrorContains(t, err, "DUPLICATE_ITEM")

	_, err = rule_labels.Delete(ctx, svc, created.ID)
	require.NoError(t, err)
	_, err = rule_labels.Get(ctx, svc, created.ID)
	require.ErrorContains(t, err, "RESOURCE_NOT_FOUND")

	act, err := activation.CreateActivation(ctx, svc, activation.Activation{Status: "ACTIVE"})
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", act.Status)
	st, err = activation.GetActivationStatus(ctx, svc)
	require.NoError(t, err)
	require.Equal(t, "ACTIVE", st.Status)
	require.False(t, srv.Tenant.ActivationPending())
}

func TestSDKRuleOrderStaysContiguous(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	rule, err := filteringrules.Create(ctx, svc, &filteringrules.FirewallFilteringRules{
		Name: "Inserted first", Order: 1, Rank: 7, Action: "BLOCK_DROP", State: "ENABLED",
		NwServices: []common.IDNameExtensions{{ID: 774007}},
	})
	require.NoError(t, err)
	require.Equal(t, 1, rule.Order)
	require.Equal(t, "SSH", rule.NwServices[0].Name, "references come back with names")

	orders := func() []int {
		rules, err := filteringrules.GetAll(ctx, svc, nil)
		require.NoError(t, err)
		var out []int
		for _, r := range rules {
			if !r.DefaultRule {
				out = append(out, r.Order)
			}
		}
		return out
	}
	got := orders()
	require.Len(t, got, 25)
	for i, o := range got {
		require.Equal(t, i+1, o)
	}

	rule.Order = 10
	moved, err := filteringrules.Update(ctx, svc, rule.ID, rule)
	require.NoError(t, err)
	require.Equal(t, 10, moved.Order)
	got = orders()
	for i, o := range got {
		require.Equal(t, i+1, o)
	}

	_, err = filteringrules.Delete(ctx, svc, rule.ID)
	require.NoError(t, err)
	got = orders()
	require.Len(t, got, 24)
	require.Equal(t, 24, got[23])

	_, err = filteringrules.Create(ctx, svc, &filteringrules.FirewallFilteringRules{
		Name: "Bad action", Action: "PERMIT", State: "ENABLED"})
	require.ErrorContains(t, err, "Request body is invalid")

	_, err = filteringrules.Delete(ctx, svc, 1690930)
	require.Error(t, err, "the default rule cannot be deleted")

	n, err := filteringrules.GetFirewallFilteringRuleCount(ctx, svc,
		&filteringrules.GetAllFilterOptions{RuleLabel: "Zürich"})
	require.NoError(t, err)
	require.Equal(t, 2, n)
}

func TestSDKTrafficForwardingRules(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	_, _, err := gretunnels.CreateGreTunnels(ctx, svc, &gretunnels.GreTunnels{SourceIP: "192.0.2.200"})
	require.ErrorContains(t, err, "not a static IP")

	ip, _, err := staticips.Create(ctx, svc, &staticips.StaticIP{IpAddress: "192.0.2.200", Comment: "new"})
	require.NoError(t, err)
	require.NotNil(t, ip.City)
	_, _, err = staticips.Create(ctx, svc, &staticips.StaticIP{IpAddress: "192.0.2.200"})
	require.ErrorContains(t, err, "DUPLICATE_ITEM")

	tun, _, err := gretunnels.CreateGreTunnels(ctx, svc, &gretunnels.GreTunnels{SourceIP: "192.0.2.200",
		Comment: "new tunnel"})
	require.NoError(t, err)
	require.Equal(t, "172.17.0.40", tun.InternalIpRange)
	require.NotNil(t, tun.PrimaryDestVip)
	require.NotEqual(t, tun.PrimaryDestVip.ID, tun.SecondaryDestVip.ID)

	_, err = staticips.Delete(ctx, svc, ip.ID)
	require.ErrorContains(t, err, "RESOURCE_IN_USE", "a static IP under a tunnel stays")

	cred, _, err := vpncredentials.Create(ctx, svc, &vpncredentials.VPNCredentials{
		Type: "UFQDN", FQDN: "new-site@acme.example", PreSharedKey: "s3cret!"})
	require.NoError(t, err)
	require.Empty(t, cred.PreSharedKey)
	_, _, err = vpncredentials.Create(ctx, svc, &vpncredentials.VPNCredentials{
		Type: "UFQDN", FQDN: "other@acme.example"})
	require.ErrorContains(t, err, "preSharedKey")

	loc, err := locationmanagement.Create(ctx, svc, &locationmanagement.Locations{
		Name: "New Branch", Country: "SWITZERLAND", TZ: "SWITZERLAND_EUROPE_ZURICH",
		VPNCredentials: []locationmanagement.VPNCredentials{{ID: cred.ID, Type: "UFQDN"}},
	})
	require.NoError(t, err)
	require.Equal(t, "new-site@acme.example", loc.VPNCredentials[0].FQDN)
	got, err := vpncredentials.Get(ctx, svc, cred.ID)
	require.NoError(t, err)
	require.Equal(t, "New Branch", got.Location.Name)

	_, err = locationmanagement.Create(ctx, svc, &locationmanagement.Locations{
		Name: "No egress"})
	require.ErrorContains(t, err, "INVALID_INPUT_ARGUMENT")
	_, err = locationmanagement.Create(ctx, svc, &locationmanagement.Locations{
		Name: "Foreign IP", IPAddresses: []string{"192.0.2.99"}})
	require.ErrorContains(t, err, "not a static IP")
}

func TestSDKPagingLoopsOverSmallPages(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	var all []users.Users
	require.NoError(t, common.ReadAllPages(context.Background(), svc.Client,
		"/zia/api/v1/users", &all, 7))
	require.Len(t, all, 60)
	seen := map[int]bool{}
	for _, u := range all {
		require.False(t, seen[u.ID], "no user twice")
		seen[u.ID] = true
	}
	var pages []string
	for _, r := range srv.Tenant.Requests() {
		if r.Path == "/zia/api/v1/users" {
			pages = append(pages, r.RawQuery)
		}
	}
	require.Len(t, pages, 9)
	require.Equal(t, "&pageSize=7&page=1", pages[0])
}

func TestSDKRetriesRateLimitAndEditLock(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	ctx := context.Background()

	srv.Tenant.InjectFault(Fault{Path: "/zia/api/v1/ruleLabels", Times: 1, Status: 429, RetryAfter: "0"})
	srv.Tenant.InjectFault(Fault{Path: "/zia/api/v1/ruleLabels", Times: 1, Status: 409})
	srv.Tenant.InjectFault(Fault{Path: "/zia/api/v1/ruleLabels", Times: 1, Status: 500})
	labels, err := rule_labels.GetAll(ctx, svc)
	require.NoError(t, err)
	require.Len(t, labels, 15)
	var statuses []int
	for _, r := range srv.Tenant.Requests() {
		if r.Path == "/zia/api/v1/ruleLabels" {
			statuses = append(statuses, r.Status)
		}
	}
	require.Equal(t, []int{429, 409, 500, 200}, statuses)

	srv.Tenant.InjectFault(Fault{Path: "/zia/api/v1/staticIP", Method: "POST", Times: 1, Status: 403})
	_, _, err = staticips.Create(ctx, svc, &staticips.StaticIP{IpAddress: "192.0.2.10"})
	require.ErrorContains(t, err, "LIMIT_EXCEEDED")

	remove := srv.Tenant.InjectFault(Fault{Path: "/zia/api/v1/ruleLabels", Malformed: true})
	_, err = rule_labels.GetAll(ctx, svc)
	require.Error(t, err)
	remove()
	_, err = rule_labels.GetAll(ctx, svc)
	require.NoError(t, err)
}

func TestSDKReauthenticatesOnSessionNotValid(t *testing.T) {
	srv := startSim(t)
	svc := newSDK(t, srv)
	srv.Tenant.RevokeTokens()
	start := time.Now()
	labels, err := rule_labels.GetAll(context.Background(), svc)
	require.NoError(t, err)
	require.Len(t, labels, 15)
	var tokenCalls int
	for _, r := range srv.Tenant.Requests() {
		if r.Path == "/oauth2/v1/token" {
			tokenCalls++
			require.Equal(t, "demo.zsloginbeta.net", r.OriginalHost)
		}
	}
	require.Equal(t, 2, tokenCalls, "one token at start, one after the session was refused")
	require.Less(t, time.Since(start), 10*time.Second)
}

func TestSDKPrivateKeyAuthentication(t *testing.T) {
	srv := startSim(t)
	key, err := rsa.GenerateKey(rand.Reader, 2048)
	require.NoError(t, err)
	pemKey := pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY",
		Bytes: x509.MarshalPKCS1PrivateKey(key)})
	svc := newSDKWith(t, srv, zscaler.WithPrivateKey(string(pemKey)))
	labels, err := rule_labels.GetAll(context.Background(), svc)
	require.NoError(t, err)
	require.Len(t, labels, 15)
	var tokenCalls int
	for _, r := range srv.Tenant.Requests() {
		if r.Path == tokenPath {
			tokenCalls++
		}
	}
	require.Equal(t, 2, tokenCalls, "the SDK's JWT path fetches a token before every call")
}

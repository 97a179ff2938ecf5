package simulator

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

const api = "/zia/api/v1"

func TestZIAWireFormat(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	status, hdr, raw := c.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "application/json", hdr.Get("Content-Type"), "ZIA sends no charset")
	require.Equal(t, "5000, 5000;w=60", hdr.Get("X-Ratelimit-Limit"))
	for _, h := range []string{"X-Ratelimit-Remaining", "X-Ratelimit-Reset", "X-Oneapi-Request-Id",
		"X-Transaction-Id"} {
		require.NotEmpty(t, hdr.Get(h), h)
	}
	require.Equal(t, "Zscaler", hdr.Get("Server"))
	require.True(t, strings.HasPrefix(string(raw), "[{"), "lists are bare arrays")
	require.Contains(t, string(raw), `"id":9007199254740993`, "big ids are written exactly")

	status, quota := c.json(http.MethodGet, api+"/urlCategories//urlQuota", nil)
	require.Equal(t, http.StatusOK, status, "doubled slashes are collapsed")
	require.Contains(t, quota, "remainingUrlsQuota")

	requireCounts(t, c, api+"/ruleLabels", []queryCount{
		{"no paging returns everything", "", 15},
		{"SDK style query", "?&pageSize=5&page=3", 5},
		{"past the end", "?&pageSize=5&page=4", 0},
		{"partial last page", "?pageSize=4&page=4", 3},
		{"search", "?search=z%C3%BCrich", 1},
		{"search on description", "?search=cardholder", 1},
		{"unknown params are ignored", "?foo=bar&pageSize=100", 15},
	})

	status, v := c.json(http.MethodGet, api+"/ruleLabels/123", nil)
	require.Equal(t, http.StatusNotFound, status)
	require.Equal(t, "RESOURCE_NOT_FOUND", v.(map[string]any)["code"])

	status, _, raw = c.do(http.MethodPost, api+"/ruleLabels", rawBody(`{"name":`))
	require.Equal(t, http.StatusBadRequest, status)
	require.JSONEq(t, `{"message":"Request body is invalid."}`, string(raw))
	status, _, raw = c.do(http.MethodPost, api+"/ruleLabels", map[string]any{"name": 5})
	require.Equal(t, http.StatusBadRequest, status)
	require.JSONEq(t, `{"message":"Request body is invalid."}`, string(raw))
	status, v = c.json(http.MethodPost, api+"/ruleLabels", map[string]any{"description": "x"})
	require.Equal(t, http.StatusBadRequest, status)
	require.Equal(t, "INVALID_INPUT_ARGUMENT", v.(map[string]any)["code"])
	status, v = c.json(http.MethodPost, api+"/ruleLabels", map[string]any{"name": "Compliance"})
	require.Equal(t, http.StatusConflict, status)
	require.Equal(t, "DUPLICATE_ITEM", v.(map[string]any)["code"])

	status, created := c.json(http.MethodPost, api+"/ruleLabels",
		map[string]any{"name": "Tmp", "bogus": true})
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, created, "bogus", "unknown fields are dropped")
	id := idKey(created.(map[string]any)["id"])
	status, _, raw = c.do(http.MethodDelete, api+"/ruleLabels/"+id, nil)
	require.Equal(t, http.StatusNoContent, status)
	require.Empty(t, raw)

	status, v = c.json(http.MethodDelete, api+"/ruleLabels/4338882", nil)
	require.Equal(t, http.StatusConflict, status, "labels used by rules stay")
	require.Equal(t, "RESOURCE_IN_USE", v.(map[string]any)["code"])

	status, v = c.json(http.MethodGet, api+"/firewallFilteringRules/count", nil)
	require.Equal(t, http.StatusOK, status)
	require.EqualValues(t, 25, v)
	status, v = c.json(http.MethodGet, api+"/locations/groups/count?groupType=DYNAMIC_GROUP", nil)
	require.Equal(t, http.StatusOK, status)
	require.EqualValues(t, 6, v)

	status, v = c.json(http.MethodGet, api+"/status", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "PENDING", v.(map[string]any)["status"])
	status, v = c.json(http.MethodDelete, api+"/authenticatedSession", nil)
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "ACTIVE", v.(map[string]any)["status"])
	require.False(t, srv.Tenant.ActivationPending())
}

func TestZIAAuthentication(t *testing.T) {
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	srv := startSim(t, WithClock(clock), WithTokenTTL(time.Hour))
	c := newRaw(t, srv)

	anon := &rawClient{t: t, base: srv.URL}
	status, _, raw := anon.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.JSONEq(t, `{"detail":"unauthorized","type":"","title":"","status":""}`, string(raw))
	bogus := &rawClient{t: t, base: srv.URL, token: "not-a-token"}
	status, _, _ = bogus.do(http.MethodPost, zmsPath, map[string]any{"query": "{__typename}"})
	require.Equal(t, http.StatusUnauthorized, status)

	status, _, _ = c.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusOK, status)
	mu.Lock()
	now = now.Add(2 * time.Hour)
	mu.Unlock()
	status, _, raw = c.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Contains(t, string(raw), "SESSION_NOT_VALID")

	fresh := newRaw(t, srv)
	status, _, _ = fresh.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusOK, status)
	srv.Tenant.RevokeTokens()
	status, _, raw = fresh.do(http.MethodGet, api+"/ruleLabels", nil)
	require.Equal(t, http.StatusUnauthorized, status)
	require.Contains(t, string(raw), "SESSION_NOT_VALID")
}

func unsignedJWT(claims map[string]any) string {
	enc := func(v any) string {
		b, _ := json.Marshal(v)
		return base64.RawURLEncoding.EncodeToString(b)
	}
	return enc(map[string]any{"alg": "RS256", "typ": "JWT"}) + "." + enc(claims) + ".c2ln"
}

func TestTokenEndpoint(t *testing.T) {
	srv := startSim(t, WithTokenTTL(600*time.Second))
	post := func(form url.Values) (int, http.Header, map[string]any) {
		resp, err := http.PostForm(srv.URL+tokenPath, form)
		require.NoError(t, err)
		defer resp.Body.Close()
		var body map[string]any
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&body))
		return resp.StatusCode, resp.Header, body
	}
	base := url.Values{"grant_type": {"client_credentials"}, "client_id": {DemoClientID},
		"audience": {"https://api.zscaler.com"}}
	with := func(k, v string) url.Values {
		out := url.Values{}
		for kk, vv := range base {
			out[kk] = vv
		}
		out.Set(k, v)
		return out
	}
	assertion := func(iss string, exp int64) url.Values {
		f := with("client_assertion", unsignedJWT(map[string]any{"iss": iss, "sub": iss,
			"aud": "https://api.zscaler.com", "exp": exp}))
		f.Set("client_assertion_type", jwtBearerAssertion)
		return f
	}
	future := time.Now().Add(time.Minute).Unix()

	tests := []struct {
		name   string
		form   url.Values
		status int
	}{
		{"secret", with("client_secret", DemoClientSecret), http.StatusOK},
		{"wrong secret", with("client_secret", "nope"), http.StatusUnauthorized},
		{"assertion", assertion(DemoClientID, future), http.StatusOK},
		{"assertion from another issuer", assertion("someone-else", future), http.StatusUnauthorized},
		{"expired assertion", assertion(DemoClientID, time.Now().Add(-time.Minute).Unix()), http.StatusUnauthorized},
		{"wrong grant", url.Values{"grant_type": {"password"}}, http.StatusBadRequest},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			status, hdr, body := post(tc.form)
			require.Equal(t, tc.status, status)
			require.Equal(t, "application/json;charset=UTF-8", hdr.Get("Content-Type"))
			require.NotEmpty(t, hdr.Get("X-Ratelimit-Limit"))
			if status == http.StatusOK {
				require.Equal(t, "Bearer", body["token_type"])
				require.EqualValues(t, 600, body["expires_in"])
				require.NotEmpty(t, body["access_token"])
			} else {
				require.NotEmpty(t, body["error"])
				require.NotContains(t, body["error_description"], DemoClientSecret)
			}
		})
	}
}

func TestZIAObjectRules(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	status, _ := c.json(http.MethodPut, api+"/networkServices/774003", map[string]any{"name": "DNS2"})
	require.Equal(t, http.StatusBadRequest, status, "predefined services are read-only")
	status, _ = c.json(http.MethodDelete, api+"/urlCategories/WEB_SEARCH", nil)
	require.Equal(t, http.StatusBadRequest, status, "predefined categories cannot be deleted")
	status, _ = c.json(http.MethodPost, api+"/networkApplications", map[string]any{"id": "X"})
	require.Equal(t, http.StatusMethodNotAllowed, status)
	status, _ = c.json(http.MethodPost, api+"/locations/groups", map[string]any{"name": "X"})
	require.Equal(t, http.StatusMethodNotAllowed, status)
	status, _ = c.json(http.MethodPut, api+"/locations/-3", map[string]any{"name": "RW"})
	require.Equal(t, http.StatusBadRequest, status, "Road Warrior is read-only")

	status, v := c.json(http.MethodPut, api+"/urlCategories/CUSTOM_03?action=ADD_TO_LIST",
		map[string]any{"configuredName": "Partner Portals", "urls": []string{"new.partner.example", ".supplier.example"}})
	require.Equal(t, http.StatusOK, status)
	cat := v.(map[string]any)
	require.Equal(t, []any{"portal.partner.example", ".supplier.example", "new.partner.example"}, cat["urls"])
	require.EqualValues(t, 3, cat["customUrlsCount"])
	require.Equal(t, "Partner extranets", cat["description"], "list actions keep other fields")

	status, v = c.json(http.MethodPut, api+"/urlCategories/CUSTOM_03?action=REMOVE_FROM_LIST",
		map[string]any{"urls": []string{"portal.partner.example"}})
	require.Equal(t, http.StatusOK, status)
	require.EqualValues(t, 2, v.(map[string]any)["customUrlsCount"])

	status, v = c.json(http.MethodPost, api+"/urlCategories", map[string]any{
		"configuredName": "New Cat", "superCategory": "USER_DEFINED", "urls": []string{"a.example"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, "CUSTOM_11", v.(map[string]any)["id"])
	require.EqualValues(t, 138, v.(map[string]any)["val"])

	status, v = c.json(http.MethodPut, api+"/urlCategories/NEWS_AND_MEDIA", map[string]any{
		"urls": []string{"news.acme.example"}, "description": "News sites"})
	require.Equal(t, http.StatusOK, status, "curated categories take custom URLs")
	require.NotContains(t, v, "configuredName")
	require.Equal(t, "NEWS_AND_MEDIA", v.(map[string]any)["superCategory"])

	status, v = c.json(http.MethodPost, api+"/urlLookup", []string{"https://www.youtube.com/x", "phish.example.net"})
	require.Equal(t, http.StatusOK, status)
	res := v.([]any)
	require.Equal(t, []any{"STREAMING_MEDIA"}, res[0].(map[string]any)["urlClassifications"])
	require.Equal(t, []any{"PHISHING"}, res[1].(map[string]any)["urlClassificationsWithSecurityAlert"])
	many := make([]string, 101)
	for i := range many {
		many[i] = "a.example"
	}
	status, _ = c.json(http.MethodPost, api+"/urlLookup", many)
	require.Equal(t, http.StatusBadRequest, status)
	status, _ = c.json(http.MethodPost, api+"/urlLookup", map[string]any{"url": "x"})
	require.Equal(t, http.StatusBadRequest, status)

	status, v = c.json(http.MethodPost, api+"/vpnCredentials", map[string]any{"type": "IP",
		"ipAddress": "203.0.113.23", "preSharedKey": "k"})
	require.Equal(t, http.StatusOK, status)
	require.NotContains(t, v, "preSharedKey")
	status, _ = c.json(http.MethodPost, api+"/vpnCredentials/bulkDelete",
		map[string]any{"ids": []any{v.(map[string]any)["id"], 29339957}})
	require.Equal(t, http.StatusNoContent, status)
	status, _ = c.json(http.MethodPost, api+"/vpnCredentials/bulkDelete",
		map[string]any{"ids": []any{29339942}})
	require.Equal(t, http.StatusConflict, status, "a credential used by a location stays")
}

func TestZIAListFilters(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	names := func(path string) []string {
		status, v := c.json(http.MethodGet, path, nil)
		require.Equal(t, http.StatusOK, status, path)
		var out []string
		for _, e := range v.([]any) {
			m := e.(map[string]any)
			if n, ok := m["name"].(string); ok {
				out = append(out, n)
			} else {
				out = append(out, idKey(m["id"]))
			}
		}
		return out
	}
	require.Len(t, names(api+"/users?dept=Finance"), 6)
	require.Len(t, names(api+"/users?group=%E6%9D%B1%E4%BA%AC"), 4)
	require.Len(t, names(api+"/users?search=garcia"), 3, "search covers e-mail addresses")
	desc := names(api + "/users?sortBy=name&sortOrder=desc&pageSize=3&page=1")
	require.Len(t, desc, 3)
	require.Greater(t, strings.ToLower(desc[0]), strings.ToLower(desc[2]))
	require.Equal(t, []string{"Block Telnet", "Block SMB outbound", "Block RDP internet",
		"Block Legacy App", "Block IRC"}, names(api+"/firewallFilteringRules?ruleName=block"))
	require.Len(t, names(api+"/firewallFilteringRules?ruleAction=BLOCK_DROP"), 4)
	require.Equal(t, []string{"Allow SSH admins"}, names(api+"/firewallFilteringRules?group=IT"))
	require.Len(t, names(api+"/urlCategories?customOnly=true"), 9)
	require.Len(t, names(api+"/urlCategories?type=TLD_CATEGORY"), 1)
	require.Equal(t, []string{"ZOOM"}, names(api+"/networkApplications?search=zoom"))
	require.Len(t, names(api+"/networkServices?protocol=UDP"), 11)
	require.Equal(t, []string{"SaaS Domains", "Partner Domains", "Sanctioned Countries"},
		names(api+"/ipDestinationGroups?excludeType=DSTN_IP"))
	require.Len(t, names(api+"/locations/lite?includeSubLocations=true"), 29)
	iot := names(api + "/locations/lite?enableIOT=true&includeSubLocations=true")
	require.NotEmpty(t, iot)
	require.Less(t, len(iot), 29, "enableIOT keeps the locations with IoT discovery on")
	require.Len(t, names(api+"/locations/36788941/sublocations"), 2)
	require.Len(t, names(api+"/staticIP?availableForGreTunnel=true"), 10)
	require.Len(t, names(api+"/vpnCredentials?includeOnlyWithoutLocation=true"), 1)
	require.Len(t, names(api+"/vpnCredentials?type=IP"), 3)
	require.Equal(t, []string{"Zürich"}, func() []string {
		status, v := c.json(http.MethodGet, api+"/region/search?prefix=z%C3%BC", nil)
		require.Equal(t, http.StatusOK, status)
		return []string{v.([]any)[0].(map[string]any)["cityName"].(string)}
	}())
}

func TestSingletons(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	status, v := c.json(http.MethodPut, api+"/cyberThreatProtection/maliciousUrls?action=ADD_TO_LIST",
		map[string]any{"maliciousUrls": []string{"evil.example"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, map[string]any{"maliciousUrls": []any{"evil.example"}}, v, "only the delta is echoed")
	_, v = c.json(http.MethodGet, api+"/cyberThreatProtection/maliciousUrls", nil)
	require.Len(t, v.(map[string]any)["maliciousUrls"], 3)

	status, v = c.json(http.MethodPut, api+"/cyberThreatProtection/malwarePolicy",
		map[string]any{"blockUnscannableFiles": true})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, false, v.(map[string]any)["blockPasswordProtectedArchiveFiles"], "PUT replaces")
	status, _ = c.json(http.MethodPut, api+"/cyberThreatProtection/advancedThreatSettings",
		map[string]any{"notAField": true})
	require.Equal(t, http.StatusBadRequest, status)
	status, v = c.json(http.MethodPost, api+"/authSettings/exemptedUrls?action=REMOVE_FROM_LIST",
		map[string]any{"urls": []string{".windowsupdate.com"}})
	require.Equal(t, http.StatusOK, status)
	require.Equal(t, []any{".windowsupdate.com"}, v.(map[string]any)["urls"], "the reply echoes the delta")
	_, v = c.json(http.MethodGet, api+"/authSettings/exemptedUrls", nil)
	require.Equal(t, []any{"login.partner.example"}, v.(map[string]any)["urls"])
	require.True(t, srv.Tenant.ActivationPending())
}

func TestFaultsAndRecording(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)

	remove := srv.Tenant.InjectFault(Fault{Method: http.MethodGet, Path: api + "/users", Status: 429})
	status, hdr, raw := c.do(http.MethodGet, api+"/users", nil)
	require.Equal(t, http.StatusTooManyRequests, status)
	require.Equal(t, "1", hdr.Get("Retry-After"))
	require.JSONEq(t, `{"message":"Rate Limit (1/SECOND) exceeded","Retry-After":"1 seconds"}`, string(raw))
	status, _, _ = c.do(http.MethodPost, api+"/users", map[string]any{})
	require.NotEqual(t, http.StatusTooManyRequests, status, "the method must match")
	remove()
	status, _, _ = c.do(http.MethodGet, api+"/users", nil)
	require.Equal(t, http.StatusOK, status)

	srv.Tenant.InjectFault(Fault{Path: api + "/groups", Times: 2, Status: 500})
	for range 2 {
		status, _, raw = c.do(http.MethodGet, api+"/groups", nil)
		require.Equal(t, http.StatusInternalServerError, status)
		require.Contains(t, string(raw), "UNEXPECTED_ERROR")
	}
	status, _, _ = c.do(http.MethodGet, api+"/groups", nil)
	require.Equal(t, http.StatusOK, status, "the fault ran out")

	srv.Tenant.InjectFault(Fault{Path: api + "/departments", Latency: 10 * time.Second})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, srv.URL+api+"/departments", nil)
	require.NoError(t, err)
	start := time.Now()
	_, err = http.DefaultClient.Do(req)
	require.Error(t, err)
	require.Less(t, time.Since(start), 5*time.Second)

	srv.Tenant.InjectFault(Fault{Path: api + "/locations", Latency: 20 * time.Millisecond, Times: 1})
	status, _, _ = c.do(http.MethodGet, api+"/locations", nil)
	require.Equal(t, http.StatusOK, status, "latency alone delays the real answer")

	client := &http.Client{Transport: Transport(srv.URL, nil)}
	req, err = http.NewRequest(http.MethodGet, "https://api.beta.zsapi.net/health?x=1", nil)
	require.NoError(t, err)
	resp, err := client.Do(req)
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	reqs := srv.Tenant.Requests()
	last := reqs[len(reqs)-1]
	require.Equal(t, Request{Method: http.MethodGet, Path: "/health", RawQuery: "x=1",
		Host: strings.TrimPrefix(srv.URL, "http://"), OriginalHost: "api.beta.zsapi.net",
		Status: http.StatusOK}, last)

	status, _, _ = c.do(http.MethodPost, api+"/ruleLabels", map[string]any{"name": "Before reset"})
	require.Equal(t, http.StatusOK, status)
	srv.Tenant.InjectFault(Fault{Path: api, Status: 503})
	srv.Tenant.Reset()
	_, v := c.json(http.MethodGet, api+"/ruleLabels", nil)
	require.Len(t, v, 15, "Reset restores the seed, clears faults and keeps tokens")
	require.False(t, srv.Tenant.ActivationPending())
	require.Len(t, srv.Tenant.Requests(), 1)
}

func TestConcurrentClients(t *testing.T) {
	srv := startSim(t)
	c := newRaw(t, srv)
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body, _ := json.Marshal(map[string]any{"name": "parallel " + idKey(i)})
			req, _ := http.NewRequest(http.MethodPost, srv.URL+api+"/ruleLabels", strings.NewReader(string(body)))
			req.Header.Set("Authorization", "Bearer "+c.token)
			resp, err := http.DefaultClient.Do(req)
			if err == nil {
				_ = resp.Body.Close()
			}
			req, _ = http.NewRequest(http.MethodGet, srv.URL+api+"/firewallFilteringRules", nil)
			req.Header.Set("Authorization", "Bearer "+c.token)
			if resp, err = http.DefaultClient.Do(req); err == nil {
				_ = resp.Body.Close()
			}
		}()
	}
	wg.Wait()
	_, v := c.json(http.MethodGet, api+"/ruleLabels", nil)
	require.Len(t, v, 23)
}

func TestOptions(t *testing.T) {
	srv := startSim(t, WithClientCredentials("other-id", "other-secret"),
		WithLatency(30*time.Millisecond))
	form := func(id, secret string) int {
		resp, err := http.PostForm(srv.URL+tokenPath, url.Values{"grant_type": {"client_credentials"},
			"client_id": {id}, "client_secret": {secret}})
		require.NoError(t, err)
		require.NoError(t, resp.Body.Close())
		return resp.StatusCode
	}
	start := time.Now()
	require.Equal(t, http.StatusUnauthorized, form(DemoClientID, DemoClientSecret))
	require.Equal(t, http.StatusOK, form("other-id", "other-secret"))
	require.GreaterOrEqual(t, time.Since(start), 60*time.Millisecond, "every answer is delayed")

	_, err := (&http.Client{Transport: Transport("not a url", nil)}).Get("https://api.zsapi.net/")
	require.Error(t, err)
}

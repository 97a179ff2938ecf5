package tools

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// app_class of both application catalogs is sent in the API's spelling: capitals,
// and the class of a rule type where the two enums differ, so a class an agent takes
// from a rule type still filters instead of drawing "Invalid appClass".
func TestCloudAppCatalogsAppClassInAPISpelling(t *testing.T) {
	cases := []struct{ tool, path, given, sent string }{
		{"zia_list_cloud_app_policy", "policy", "web_mail", "WEB_MAIL"},
		{"zia_list_cloud_app_policy", "policy", "WEBMAIL", "WEB_MAIL"},
		{"zia_list_cloud_app_policy", "policy", " Streaming_Media ", "STREAMING"},
		{"zia_list_cloud_app_policy", "policy", "file_share", "FILE_SHARE"},
		{"zia_list_cloud_app_ssl_policy", "sslPolicy", "webmail", "WEB_MAIL"},
		{"zia_list_cloud_app_ssl_policy", "sslPolicy", "STREAMING_MEDIA", "STREAMING"},
		{"zia_list_cloud_app_ssl_policy", "sslPolicy", "ai_ml ", "AI_ML"},
	}
	for _, c := range cases {
		t.Run(c.tool+"/"+c.given, func(t *testing.T) {
			up, tenant := ziaSim(t)
			tenant.ClearRequests()
			v, err := ziaDo(t, up, c.tool, map[string]any{"app_class": c.given})
			require.NoError(t, err)
			apps, _ := v.([]any)
			require.NotEmpty(t, apps)
			for _, a := range apps {
				require.Equal(t, c.sent, ziaField(a, "parent"))
			}
			var sent []string
			for _, r := range tenant.Requests() {
				if r.Path == "/zia/api/v1/cloudApplications/"+c.path {
					q, err := url.ParseQuery(r.RawQuery)
					require.NoError(t, err)
					sent = append(sent, q["appClass"]...)
				}
			}
			require.NotEmpty(t, sent)
			for _, s := range sent {
				require.Equal(t, c.sent, s, "the filter is applied by the API")
			}
		})
	}
}

package tools

import (
	"net/url"
	"testing"

	"github.com/stretchr/testify/require"
)

// app_class is sent in the API's spelling: capitals, and the class of a rule type
// where the two enums differ, so a class an agent takes from a rule type still
// filters instead of drawing "Invalid appClass".
func TestCloudAppPolicyAppClassInAPISpelling(t *testing.T) {
	cases := []struct{ given, sent string }{
		{"web_mail", "WEB_MAIL"},
		{"WEBMAIL", "WEB_MAIL"},
		{" Streaming_Media ", "STREAMING"},
		{"file_share", "FILE_SHARE"},
	}
	for _, c := range cases {
		t.Run(c.given, func(t *testing.T) {
			up, tenant := ziaSim(t)
			tenant.ClearRequests()
			v, err := ziaDo(t, up, "zia_list_cloud_app_policy",
				map[string]any{"app_class": c.given})
			require.NoError(t, err)
			apps, _ := v.([]any)
			require.NotEmpty(t, apps)
			for _, a := range apps {
				require.Equal(t, c.sent, ziaField(a, "parent"))
			}
			var sent []string
			for _, r := range tenant.Requests() {
				if r.Path == "/zia/api/v1/cloudApplications/policy" {
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

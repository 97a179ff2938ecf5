package tools

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ATP settings the API limits are checked before anything is sent, with the range or
// form the field takes: the API would answer only "Request body is invalid.".
func TestATPSettingsValuesRefusedBeforeSending(t *testing.T) {
	cases := map[string]struct {
		settings map[string]any
		want     string
	}{
		"risk above 100":   {map[string]any{"riskTolerance": float64(500)}, "0 to 100"},
		"risk below 0":     {map[string]any{"riskTolerance": float64(-1)}, "0 to 100"},
		"country by name":  {map[string]any{"blockedCountries": []any{"North Korea"}}, "COUNTRY_KP"},
		"three-letter ISO": {map[string]any{"blockedCountries": []any{"PRK"}}, `item 1 ("PRK")`},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			up, tenant := ziaSim(t)
			_, err := ziaDo(t, up, "zia_update_atp_settings", map[string]any{"settings": c.settings})
			requireKindOf(t, err, toolerr.InvalidArgument)
			require.Contains(t, err.Error(), c.want)
			require.Empty(t, ziaWritesTo(tenant, "/cyberThreatProtection"))
		})
	}
}

// Country codes are sent in the API's spelling, a bare ISO code included, and a code
// already blocked in another spelling changes nothing.
func TestATPSettingsCountryCodesInAPISpelling(t *testing.T) {
	up, tenant := ziaSim(t)
	res := ziaMust(t, up, "zia_update_atp_settings", map[string]any{
		"settings": map[string]any{"blockedCountries": []any{"kp", " country_ir ", "Ru"}}})
	require.Equal(t, []any{"COUNTRY_KP", "COUNTRY_IR", "COUNTRY_RU"},
		ziaObj(t, res, "updated")["blockedCountries"])

	n := len(ziaWritesTo(tenant, "/cyberThreatProtection"))
	res = ziaMust(t, up, "zia_update_atp_settings", map[string]any{
		"settings": map[string]any{"blockedCountries": []any{"KP", "IR", "RU"},
			"riskTolerance": float64(100)}})
	require.Equal(t, []string{"blockedCountries"}, res["unchanged"])
	require.Len(t, ziaWritesTo(tenant, "/cyberThreatProtection"), n+1)
}

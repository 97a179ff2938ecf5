package tools

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"unicode/utf8"
)

// maxUserNameRunes bounds a location name quoted in an error, so the name of whatever
// holds a static IP cannot crowd the explanation out of the bounded error text.
const maxUserNameRunes = 60

// ziaStaticIPUser names what, besides a GRE tunnel, keeps the static IP with address ip
// from being deleted: a location that lists the address, or a VPN credential of type
// IP with that address. It returns "" when nothing does. These are the references the
// API refuses a static IP's deletion for; matching is exact, since a location's
// addresses and a credential's address are whole IPs. Sub-locations hold internal
// ranges, not static IPs, and are not listed by /locations.
func ziaStaticIPUser(ctx context.Context, up Upstream, ip string) (string, error) {
	locations, err := up.ZIAList(ctx, "/locations", nil)
	if err != nil {
		return "", err
	}
	for _, l := range locations {
		m, _ := l.(map[string]any)
		if slices.Contains(ziaStrings(m["ipAddresses"]), ip) {
			return fmt.Sprintf("location %s %s", ziaIDText(m["id"]),
				strconv.Quote(ziaShort(ziaField(m, "name")))), nil
		}
	}
	creds, err := up.ZIAList(ctx, "/vpnCredentials", url.Values{"type": {"IP"}})
	if err != nil {
		return "", err
	}
	for _, c := range creds {
		if ziaField(c, "type") == "IP" && ziaField(c, "ipAddress") == ip {
			m, _ := c.(map[string]any)
			return "VPN credential " + ziaIDText(m["id"]), nil
		}
	}
	return "", nil
}

// ziaStrings returns the strings of a JSON list, skipping anything else.
func ziaStrings(v any) []string {
	list, _ := v.([]any)
	out := make([]string, 0, len(list))
	for _, e := range list {
		if s, ok := e.(string); ok {
			out = append(out, s)
		}
	}
	return out
}

// ziaIDText renders an id from an API object as the API spells it.
func ziaIDText(v any) string {
	if v == nil {
		return "?"
	}
	return fmt.Sprint(v)
}

// ziaShort cuts tenant text to maxUserNameRunes.
func ziaShort(s string) string {
	if utf8.RuneCountInString(s) <= maxUserNameRunes {
		return s
	}
	return string([]rune(s)[:maxUserNameRunes-1]) + "…"
}

package httpguard

import (
	"net/netip"
	"strings"
)

// SourceIPs is an allowlist of client addresses: single IPs and CIDR ranges, IPv4 and
// IPv6. It checks the address of the TCP peer; behind a proxy that is the proxy's.
//
// TODO: trusted-proxy support (X-Forwarded-For from listed proxies only) for
// deployments whose load balancer does not preserve the client address.
type SourceIPs struct {
	prefixes []netip.Prefix
}

// ParseSourceIPs parses entries such as "10.0.0.0/8", "192.0.2.7", "2001:db8::/32" or
// "::1". IPv4-mapped IPv6 forms are treated as the IPv4 address.
func ParseSourceIPs(entries []string) (*SourceIPs, error) {
	s := &SourceIPs{}
	for _, e := range entries {
		v := strings.TrimSpace(e)
		var p netip.Prefix
		if strings.Contains(v, "/") {
			var err error
			if p, err = netip.ParsePrefix(v); err != nil {
				return nil, &EntryError{Entry: e, Reason: "not a CIDR range such as 10.0.0.0/8 or 2001:db8::/32"}
			}
			if p.Addr().Is4In6() && p.Bits() >= 96 {
				p = netip.PrefixFrom(p.Addr().Unmap(), p.Bits()-96)
			}
		} else {
			a, err := netip.ParseAddr(v)
			if err != nil || a.Zone() != "" {
				return nil, &EntryError{Entry: e, Reason: "not an IP address or CIDR range"}
			}
			a = a.Unmap()
			p = netip.PrefixFrom(a, a.BitLen())
		}
		s.prefixes = append(s.prefixes, p.Masked())
	}
	return s, nil
}

// Allows reports whether a request's RemoteAddr (ip:port) is in one of the ranges.
func (s *SourceIPs) Allows(remoteAddr string) bool {
	var a netip.Addr
	if ap, err := netip.ParseAddrPort(remoteAddr); err == nil {
		a = ap.Addr()
	} else if a, err = netip.ParseAddr(remoteAddr); err != nil {
		return false
	}
	a = a.Unmap().WithZone("")
	for _, p := range s.prefixes {
		if p.Contains(a) {
			return true
		}
	}
	return false
}

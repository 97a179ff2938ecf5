package httpguard

import (
	"net/netip"
	"strconv"
	"strings"
)

// Hosts is a Host-header allowlist. A request whose Host is not on it is answered
// with 421 Misdirected Request: it was meant for another server, or it comes from a
// page whose DNS name was rebound to this address.
type Hosts struct {
	rules []hostRule
}

// hostRule matches one entry. Exactly one of any, loopback, name and suffix is set.
type hostRule struct {
	any      bool
	loopback bool
	name     string // exact host name or normalised IP literal
	suffix   string // ".example.com" for "*.example.com"
	port     string // "" matches any port
}

// ParseHosts parses allowlist entries:
//
//   - "*" allows any host;
//   - "mcp.example.com" allows that name on any port, "mcp.example.com:8443" on one
//     port only, "mcp.example.com:*" on any port;
//   - "*.example.com" allows every name below example.com (not example.com itself),
//     with the same optional port;
//   - IP literals are written as in a URL, IPv6 in brackets ("[::1]:8000"); a bare
//     IPv6 address ("::1") means that address on any port.
//
// Names are compared case-insensitively and without a trailing dot.
func ParseHosts(entries []string) (*Hosts, error) {
	h := &Hosts{}
	for _, e := range entries {
		r, err := parseHostRule(e)
		if err != nil {
			return nil, err
		}
		h.rules = append(h.rules, r)
	}
	return h, nil
}

// AllowLoopback adds every name of this machine: localhost, 127.0.0.0/8 and ::1, on
// any port.
func (h *Hosts) AllowLoopback() {
	h.rules = append(h.rules, hostRule{loopback: true})
}

// Allows reports whether the Host header value is allowed. defaultPort is the port a
// Host without one stands for (80 on plain HTTP, 443 with TLS).
func (h *Hosts) Allows(hostHeader, defaultPort string) bool {
	host, port, ok := splitHost(hostHeader)
	if !ok {
		return false
	}
	if port == "" {
		port = defaultPort
	}
	for _, r := range h.rules {
		if r.port != "" && r.port != port {
			continue
		}
		switch {
		case r.any:
			return true
		case r.loopback:
			if isLoopbackName(host) {
				return true
			}
		case r.suffix != "":
			if strings.HasSuffix(host, r.suffix) && len(host) > len(r.suffix) {
				return true
			}
		case host == r.name:
			return true
		}
	}
	return false
}

func parseHostRule(entry string) (hostRule, error) {
	e := strings.ToLower(strings.TrimSpace(entry))
	fail := func(reason string) (hostRule, error) {
		return hostRule{}, &EntryError{Entry: entry, Reason: reason}
	}
	if e == "*" {
		return hostRule{any: true}, nil
	}
	// A bare IPv6 address has colons but no brackets and cannot carry a port.
	if ip, err := netip.ParseAddr(e); err == nil {
		if ip.Zone() != "" {
			return fail("zoned IPv6 addresses are not allowed")
		}
		return hostRule{name: ip.Unmap().String()}, nil
	}

	host, port := e, ""
	if strings.HasPrefix(e, "[") {
		end := strings.IndexByte(e, ']')
		if end < 0 {
			return fail("unclosed [ in an IPv6 address")
		}
		host, port = e[1:end], e[end+1:]
		if port != "" && !strings.HasPrefix(port, ":") {
			return fail("expected :port after the bracketed address")
		}
		port = strings.TrimPrefix(port, ":")
		ip, err := netip.ParseAddr(host)
		if err != nil || !ip.Is6() || ip.Zone() != "" {
			return fail("brackets must hold an IPv6 address")
		}
		host = ip.Unmap().String()
	} else if i := strings.LastIndexByte(e, ':'); i >= 0 {
		host, port = e[:i], e[i+1:]
	}
	if port == "*" {
		port = ""
	} else if port != "" || strings.HasSuffix(e, ":") {
		if !validPort(port) {
			return fail("the port must be a number from 1 to 65535 or *")
		}
	}
	host = strings.TrimSuffix(host, ".")

	r := hostRule{port: port}
	if rest, ok := strings.CutPrefix(host, "*."); ok {
		if !validName(rest) {
			return fail("a wildcard needs a domain after *., as in *.example.com")
		}
		r.suffix = "." + rest
		return r, nil
	}
	if ip, err := netip.ParseAddr(host); err == nil {
		r.name = ip.Unmap().String()
		return r, nil
	}
	if !validName(host) {
		return fail("not a host name, an IP address or *.domain")
	}
	r.name = host
	return r, nil
}

// splitHost splits a Host header into its lower-cased host and port. It rejects
// empty hosts, bare IPv6 addresses and malformed ports.
func splitHost(v string) (host, port string, ok bool) {
	v = strings.ToLower(strings.TrimSpace(v))
	if strings.HasPrefix(v, "[") {
		end := strings.IndexByte(v, ']')
		if end < 0 {
			return "", "", false
		}
		host, port = v[1:end], v[end+1:]
		if port != "" {
			if !strings.HasPrefix(port, ":") {
				return "", "", false
			}
			port = port[1:]
		}
		ip, err := netip.ParseAddr(host)
		if err != nil || !ip.Is6() {
			return "", "", false
		}
		host = ip.Unmap().String()
	} else {
		host = v
		if i := strings.IndexByte(v, ':'); i >= 0 {
			host, port = v[:i], v[i+1:]
			if strings.ContainsRune(port, ':') {
				return "", "", false
			}
		}
		host = strings.TrimSuffix(host, ".")
		if ip, err := netip.ParseAddr(host); err == nil {
			host = ip.Unmap().String()
		}
	}
	if host == "" || (port != "" && !validPort(port)) {
		return "", "", false
	}
	if port == "" && strings.HasSuffix(v, ":") {
		return "", "", false
	}
	return host, port, true
}

func validPort(p string) bool {
	n, err := strconv.Atoi(p)
	return err == nil && n >= 1 && n <= 65535 && p[0] != '+'
}

// validName reports whether s is a DNS name: dot-separated labels of letters, digits,
// hyphens and underscores.
func validName(s string) bool {
	if s == "" || len(s) > 253 {
		return false
	}
	for _, label := range strings.Split(s, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, c := range label {
			if (c < 'a' || c > 'z') && (c < '0' || c > '9') && c != '-' && c != '_' {
				return false
			}
		}
	}
	return true
}

// isLoopbackName reports whether a normalised host names this machine.
func isLoopbackName(host string) bool {
	if host == "localhost" {
		return true
	}
	ip, err := netip.ParseAddr(host)
	return err == nil && ip.IsLoopback()
}

package simulator

import (
	"encoding/binary"
	"fmt"
	"net"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

var managedByOrg = record{"id": int64(24326813), "name": "demo.zscalerbeta.net"}

var _ = register(&family{
	name: "staticIP",
	template: func() record {
		return record{"id": int64(0), "ipAddress": "", "geoOverride": false,
			"latitude": 0.0, "longitude": 0.0, "routableIP": true, "city": nil,
			"lastModificationTime": int64(0), "lastModifiedBy": nil, "managedBy": nil,
			"comment": ""}
	},
	managed:  []string{"city", "managedBy", "lastModificationTime", "lastModifiedBy"},
	required: []string{"ipAddress"},
	unique:   "ipAddress",
	// No search: the API filters static IPs by ipAddress and availableForGreTunnel only.
	maxCount: 100,
	filters: map[string]filterFunc{
		"ipAddress": fieldContains("ipAddress"),
		"availableForGreTunnel": func(t *Tenant, r record, v string) bool {
			return v != "true" || t.greTunnelFor(str(r, "ipAddress")) == nil
		},
	},
	prepare: func(t *Tenant, rec, old, in record, _ url.Values) *apiError {
		ip := net.ParseIP(str(rec, "ipAddress"))
		if ip == nil || ip.To4() == nil {
			return errInvalid("Invalid IP address: %s", str(rec, "ipAddress"))
		}
		if old != nil && str(old, "ipAddress") != str(rec, "ipAddress") {
			return errInvalid("The IP address of a static IP cannot be changed")
		}
		c := cityForIP(str(rec, "ipAddress"))
		if old != nil {
			if oc, _ := old["city"].(map[string]any); oc != nil {
				c = cityByGeoID(num(oc, "id"), c)
			}
		}
		rec["city"] = record{"id": c.geoID, "name": c.label()}
		rec["managedBy"] = clone(managedByOrg)
		if !boolean(rec, "geoOverride") {
			rec["latitude"], rec["longitude"] = c.lat, c.lon
			return nil
		}
		lat, okLat := asFloat(in["latitude"])
		lon, okLon := asFloat(in["longitude"])
		if !okLat || !okLon || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
			return errInvalid("latitude and longitude are required when geoOverride is set")
		}
		rec["latitude"], rec["longitude"] = lat, lon
		return nil
	},
	inUse: func(t *Tenant, r record) string {
		ip := str(r, "ipAddress")
		if g := t.greTunnelFor(ip); g != nil {
			return fmt.Sprintf("Static IP %s is used by GRE tunnel %s", ip, idKey(g["id"]))
		}
		for _, l := range t.coll("locations") {
			if slices.Contains(strList(l, "ipAddresses"), ip) && num(l, "parentId") == 0 {
				return fmt.Sprintf("Static IP %s is used by location %q", ip, str(l, "name"))
			}
		}
		for _, c := range t.coll("vpnCredentials") {
			if str(c, "type") == "IP" && str(c, "ipAddress") == ip {
				return fmt.Sprintf("Static IP %s is used by VPN credential %s", ip, idKey(c["id"]))
			}
		}
		return ""
	},
})

func cityByGeoID(id int64, fallback geoCity) geoCity {
	for _, c := range geoCities {
		if c.geoID == id {
			return c
		}
	}
	return fallback
}

func (t *Tenant) greTunnelFor(ip string) record {
	for _, g := range t.coll("greTunnels") {
		if str(g, "sourceIp") == ip {
			return g
		}
	}
	return nil
}

func (t *Tenant) validateStaticIP(body any) result {
	m, isObj := body.(map[string]any)
	if !isObj {
		return fail(errInvalidBody())
	}
	s, _ := m["ipAddress"].(string)
	if ip := net.ParseIP(s); ip == nil || ip.To4() == nil {
		return fail(errInvalid("Invalid IP address: %s", s))
	}
	if t.isStaticIP(s) {
		return fail(errDuplicate("Static IP %s already exists", s))
	}
	return ok("SUCCESS")
}

var _ = register(&family{
	name: "greTunnels",
	template: func() record {
		return record{"id": int64(0), "sourceIp": "", "internalIpRange": "",
			"lastModificationTime": int64(0), "lastModifiedBy": nil, "withinCountry": false,
			"comment": "", "ipUnnumbered": false, "subcloud": "", "managedBy": nil,
			"primaryDestVip": nil, "secondaryDestVip": nil}
	},
	managed:  []string{"managedBy", "lastModificationTime", "lastModifiedBy"},
	required: []string{"sourceIp"},
	unique:   "sourceIp",
	search:   []string{"sourceIp", "comment"},
	prepare:  prepareGRE,
})

// prepareGRE checks a GRE tunnel against the tenant as the API does: its source must be
// a static IP and cannot change, its internal range must be free (one is picked when
// none is given), and its VIPs default to the two nearest the static IP.
func prepareGRE(t *Tenant, rec, old, _ record, _ url.Values) *apiError {
	src := str(rec, "sourceIp")
	static := t.staticIPByAddress(src)
	if static == nil {
		return errInvalid("Source IP %s is not a static IP of the organization", src)
	}
	if old != nil && str(old, "sourceIp") != src {
		return errInvalid("The source IP of a GRE tunnel cannot be changed")
	}

	if boolean(rec, "ipUnnumbered") {
		rec["internalIpRange"] = ""
	} else {
		want := str(rec, "internalIpRange")
		free := t.freeGRERanges(1 << 13)
		if old != nil && want == str(old, "internalIpRange") && want != "" {
			free = append(free, want)
		}
		switch {
		case want == "" && len(free) > 0:
			rec["internalIpRange"] = free[0]
		case !slices.Contains(free, want):
			return errInvalid("Internal IP range %s is not available", want)
		}
	}

	lat, _ := asFloat(static["latitude"])
	lon, _ := asFloat(static["longitude"])
	p, s := nearestVIPs(lat, lon)
	for _, k := range []string{"primaryDestVip", "secondaryDestVip"} {
		def := p
		if k == "secondaryDestVip" {
			def = s
		}
		m, _ := rec[k].(map[string]any)
		if m == nil {
			rec[k] = def.record()
			continue
		}
		id, _ := asInt(m["id"])
		v, found := vipByID(id)
		if !found {
			return errInvalid("Invalid %s id: %d", k, id)
		}
		rec[k] = v.record()
	}

	if num(rec["primaryDestVip"].(map[string]any), "id") ==
		num(rec["secondaryDestVip"].(map[string]any), "id") {
		return errInvalid("Primary and secondary destination VIPs must differ")
	}
	rec["managedBy"] = clone(managedByOrg)
	return nil
}

// greBase is where the internal /29 ranges of GRE tunnels are carved from.
var greBase = binary.BigEndian.Uint32(net.ParseIP("172.17.0.0").To4())

// freeGRERanges lists up to limit unused internal ranges (first address of each /29).
func (t *Tenant) freeGRERanges(limit int) []string {
	used := map[string]bool{}
	for _, g := range t.coll("greTunnels") {
		used[str(g, "internalIpRange")] = true
	}
	var out []string
	for i := uint32(0); i < 1<<13 && len(out) < limit; i++ {
		s := ipString(greBase + 8*i)
		if !used[s] {
			out = append(out, s)
		}
	}
	return out
}

func ipString(v uint32) string {
	b := make(net.IP, 4)
	binary.BigEndian.PutUint32(b, v)
	return b.String()
}

func (t *Tenant) availableGRERanges(q url.Values) result {
	limit := 10
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 {
			return fail(errInvalid("Invalid limit: %s", v))
		}
		limit = min(n, 1000)
	}
	out := []record{}
	for _, s := range t.freeGRERanges(limit) {
		start := binary.BigEndian.Uint32(net.ParseIP(s).To4())
		out = append(out, record{"startIPAddress": s, "endIPAddress": ipString(start + 7)})
	}
	return ok(out)
}

var _ = register(&family{
	name: "vpnCredentials",
	template: func() record {
		return record{"id": int64(0), "type": "UFQDN", "fqdn": "", "ipAddress": "",
			"comments": "", "location": nil, "managedBy": nil}
	},
	managed:  []string{"location", "managedBy"},
	enums:    map[string][]string{"type": {"IP", "UFQDN", "XAUTH"}},
	required: []string{"type"},
	search:   []string{"fqdn", "ipAddress", "comments"},
	filters: map[string]filterFunc{
		"type": func(_ *Tenant, r record, v string) bool { return str(r, "type") == v },
		"includeOnlyWithoutLocation": func(_ *Tenant, r record, v string) bool {
			return v != "true" || r["location"] == nil
		},
		"locationId": func(_ *Tenant, r record, v string) bool {
			l, _ := r["location"].(map[string]any)
			return l != nil && idKey(l["id"]) == v
		},
		"managedBy": func(_ *Tenant, r record, v string) bool {
			m, _ := r["managedBy"].(map[string]any)
			return m != nil && idKey(m["id"]) == v
		},
	},
	prepare: prepareVPNCredential,
	view: func(t *Tenant, r record) {
		if l := t.locationOfCredential(r["id"]); l != nil {
			r["location"] = ref(l)
		} else {
			delete(r, "location")
		}
		for _, k := range []string{"fqdn", "ipAddress"} {
			if str(r, k) == "" {
				delete(r, k)
			}
		}
	},
	inUse: func(t *Tenant, r record) string {
		if l := t.locationOfCredential(r["id"]); l != nil {
			return fmt.Sprintf("VPN credential %s is used by location %q", idKey(r["id"]), str(l, "name"))
		}
		return ""
	},
})

// prepareVPNCredential checks type-specific fields and keeps the pre-shared key in an
// internal field: it is write-only and never sent back.
func prepareVPNCredential(t *Tenant, rec, old, in record, _ url.Values) *apiError {
	if old != nil && str(old, "type") != str(rec, "type") {
		return errInvalid("The type of a VPN credential cannot be changed")
	}
	switch str(rec, "type") {
	case "IP":
		ip := str(rec, "ipAddress")
		if ip == "" {
			return errInvalid("ipAddress is required for IP credentials")
		}
		if net.ParseIP(ip) == nil {
			return errInvalid("Invalid ipAddress: %s is not an IP address", ip)
		}
		if !t.isStaticIP(ip) {
			return errInvalid("IP address %s is not a static IP of the organization", ip)
		}
		rec["fqdn"] = ""
	default:
		fqdn := str(rec, "fqdn")
		if !strings.Contains(fqdn, "@") || strings.ContainsAny(fqdn, " ") {
			return errInvalid("fqdn must be of the form user@domain for %s credentials",
				str(rec, "type"))
		}
		rec["ipAddress"] = ""
	}
	key := "ipAddress"
	if str(rec, "type") != "IP" {
		key = "fqdn"
	}
	for _, c := range t.coll("vpnCredentials") {
		if idKey(c["id"]) != idKey(rec["id"]) && strings.EqualFold(str(c, key), str(rec, key)) {
			return errDuplicate("A VPN credential for %s already exists", str(rec, key))
		}
	}
	psk, given := in["preSharedKey"]
	switch s, isStr := psk.(string); {
	case given && psk != nil && !isStr:
		return errInvalidBody()
	case isStr && s != "":
		rec["_preSharedKey"] = s
	case old == nil:
		return errInvalid("preSharedKey cannot be null")
	}
	rec["managedBy"] = clone(managedByOrg)
	return nil
}

// recommendedVIPs answers GET /vips/recommendedList: the service edges nearest the
// source IP, closest first. A static IP of the tenant is placed where its record says;
// any other address where the geo database puts it.
func (t *Tenant) recommendedVIPs(q url.Values) result {
	src := q.Get("sourceIp")
	ip := net.ParseIP(src)
	if ip == nil || ip.To4() == nil {
		return fail(errInvalid("A valid sourceIp is required"))
	}
	lat, lon, c := t.placeIP(src)
	out := []record{}
	for _, v := range vipsByDistance(lat, lon) {
		if q.Get("withinCountryOnly") == "true" && v.cc != c.cc {
			continue
		}
		out = append(out, v.record())
	}
	return ok(out)
}

// placeIP says where an address is: a static IP of the tenant where its record says,
// any other where the geo database puts it.
func (t *Tenant) placeIP(src string) (lat, lon float64, c geoCity) {
	c = cityForIP(src)
	lat, lon = c.lat, c.lon
	if s := t.staticIPByAddress(src); s != nil {
		lat, _ = asFloat(s["latitude"])
		lon, _ = asFloat(s["longitude"])
		if city, _ := s["city"].(map[string]any); city != nil {
			c = cityByGeoID(num(city, "id"), c)
		}
	}
	return lat, lon, c
}

package simulator

import "fmt"

// seedStaticCities places the seeded static IPs 203.0.113.10 onward.
var seedStaticCities = []string{"San Jose", "New York", "Chicago", "Cheney", "London",
	"Zürich", "Frankfurt am Main", "Paris", "Tokyo", "São Paulo", "Sydney", "Mumbai",
	"Singapore", "Toronto", "Johannesburg", "San Jose"}

func seedStaticIP(i int) string { return fmt.Sprintf("203.0.113.%d", 10+i) }

func seedTraffic(s *seeder) {
	for i, cityName := range seedStaticCities {
		c := cityByName(cityName)
		comment := "Egress " + c.city
		if i == 5 {
			comment = inj(3, "Zürich egress.")
		}
		s.add("staticIP", record{"id": 4338892 + i, "ipAddress": seedStaticIP(i),
			"geoOverride": false, "latitude": c.lat, "longitude": c.lon, "routableIP": true,
			"city":                 record{"id": c.geoID, "name": c.label()},
			"lastModificationTime": seedTime - int64(i)*7200, "lastModifiedBy": seedAdmin(),
			"managedBy": managedByOrg, "comment": comment})
	}
	for i := range 16 {
		r := record{"id": 29339942 + i, "comments": fmt.Sprintf("Site credential %d", i+1),
			"managedBy": managedByOrg, "_preSharedKey": fmt.Sprintf("seed-psk-%02d", i)}
		if i >= 13 {
			r["type"], r["ipAddress"] = "IP", seedStaticIP(i-13+10)
		} else {
			r["type"], r["fqdn"] = "UFQDN", fmt.Sprintf("site%02d@acme.example", i+1)
		}
		if i == 4 {
			r["comments"] = inj(4, "Branch Office VPN.")
		}
		s.add("vpnCredentials", r)
	}
	for i := range 6 {
		src := s.get("staticIP", seedStaticIP(i))
		lat, _ := asFloat(src["latitude"])
		lon, _ := asFloat(src["longitude"])
		p, sec := nearestVIPs(lat, lon)
		r := record{"id": 4338955 + i, "sourceIp": seedStaticIP(i),
			"internalIpRange": ipString(greBase + uint32(8*i)), "withinCountry": i%2 == 0,
			"comment": "GRE tunnel " + seedStaticCities[i], "ipUnnumbered": false,
			"subcloud": "", "managedBy": managedByOrg, "lastModifiedBy": seedAdmin(),
			"lastModificationTime": seedTime - int64(i)*5400,
			"primaryDestVip":       p.record(), "secondaryDestVip": sec.record()}
		if i == 5 {
			r["ipUnnumbered"], r["internalIpRange"] = true, ""
		}
		s.add("greTunnels", r)
	}
}

type locSeed struct {
	name, city, country, tz, profile string
}

var seedLocationList = []locSeed{
	{"HQ San Jose", "San Jose", "UNITED_STATES", "UNITED_STATES_AMERICA_LOS_ANGELES", "CORPORATE"},
	{"New York Office", "New York", "UNITED_STATES", "UNITED_STATES_AMERICA_NEW_YORK", "CORPORATE"},
	{"Chicago DC", "Chicago", "UNITED_STATES", "UNITED_STATES_AMERICA_CHICAGO", "SERVER"},
	{"Cheney Warehouse", "Cheney", "UNITED_STATES", "UNITED_STATES_AMERICA_CHICAGO", "IOT"},
	{"London Office", "London", "UNITED_KINGDOM", "UNITED_KINGDOM_EUROPE_LONDON", "CORPORATE"},
	{"Zürich Office", "Zürich", "SWITZERLAND", "SWITZERLAND_EUROPE_ZURICH", "CORPORATE"},
	{"Frankfurt Data Center", "Frankfurt am Main", "GERMANY", "GERMANY_EUROPE_BERLIN", "SERVER"},
	{"Paris Bureau", "Paris", "FRANCE", "FRANCE_EUROPE_PARIS", "CORPORATE"},
	{"東京オフィス", "Tokyo", "JAPAN", "JAPAN_ASIA_TOKYO", "CORPORATE"},
	{"São Paulo Branch", "São Paulo", "BRAZIL", "BRAZIL_AMERICA_SAO_PAULO", "CORPORATE"},
	{"Sydney Office", "Sydney", "AUSTRALIA", "AUSTRALIA_AUSTRALIA_SYDNEY", "CORPORATE"},
	{"Mumbai Dev Center", "Mumbai", "INDIA", "INDIA_ASIA_KOLKATA", "CORPORATE"},
	{"Singapore Hub", "Singapore", "SINGAPORE", "SINGAPORE_ASIA_SINGAPORE", "CORPORATE"},
	{"Toronto Office", "Toronto", "CANADA", "CANADA_AMERICA_TORONTO", "CORPORATE"},
	{"Johannesburg Branch", "Johannesburg", "SOUTH_AFRICA", "SOUTH_AFRICA_AFRICA_JOHANNESBURG", "CORPORATE"},
	{"Guest WiFi HQ", "San Jose", "UNITED_STATES", "UNITED_STATES_AMERICA_LOS_ANGELES", "GUESTWIFI"},
	{"IoT Lab", "Chicago", "UNITED_STATES", "UNITED_STATES_AMERICA_CHICAGO", "IOT"},
	{"Server Farm East", "New York", "UNITED_STATES", "UNITED_STATES_AMERICA_NEW_YORK", "SERVER"},
	{"Workload VPC West", "San Jose", "UNITED_STATES", "UNITED_STATES_AMERICA_LOS_ANGELES", "WORKLOAD"},
	{"Retail Store 001", "Toronto", "CANADA", "CANADA_AMERICA_TORONTO", "CORPORATE"},
	{"Retail Store 002", "Sydney", "AUSTRALIA", "AUSTRALIA_AUSTRALIA_SYDNEY", "CORPORATE"},
	{"Retail Store 003", "London", "UNITED_KINGDOM", "UNITED_KINGDOM_EUROPE_LONDON", "NONE"},
	{"Remote Site ✓ Alpha", "Johannesburg", "SOUTH_AFRICA", "SOUTH_AFRICA_AFRICA_JOHANNESBURG", "NONE"},
	{"Düsseldorf Sales", "Frankfurt am Main", "GERMANY", "GERMANY_EUROPE_BERLIN", "CORPORATE"},
	{"Injection Test Site", "Paris", "FRANCE", "FRANCE_EUROPE_PARIS", "CORPORATE"},
}

func seedLocations(s *seeder) {
	for i, ls := range seedLocationList {
		c := cityByName(ls.city)
		r := merge(locationTemplate(), record{
			"id": 36788941 + 7*i, "name": ls.name, "country": ls.country, "tz": ls.tz,
			"state": c.state, "profile": ls.profile, "latitude": c.lat, "longitude": c.lon,
			"description": ls.name + " (" + c.city + ")", "ports": []any{80, 443},
			"xffForwardEnabled": i%2 == 0, "ofwEnabled": i%4 != 3, "ipsControl": i%3 == 0,
			"authRequired": ls.profile == "CORPORATE", "sslScanEnabled": i%3 != 1,
			"aupEnabled": ls.profile == "GUESTWIFI", "aupTimeoutInDays": 0,
			"upBandwidth": 0, "dnBandwidth": 0, "iotDiscoveryEnabled": ls.profile == "IOT",
		})
		if i%5 == 1 {
			r["upBandwidth"], r["dnBandwidth"] = 50000, 200000
		}
		switch {
		case i < 10:
			r["ipAddresses"] = []any{seedStaticIP(i)}
		default:
			cred := s.get("vpnCredentials", fmt.Sprint(29339942+i-10))
			r["vpnCredentials"] = []any{embeddedCredential(cred)}
		}
		switch ls.name {
		case "Injection Test Site":
			r["description"] = inj(5, "Test site.") + " " + injections[6].Payload + " " +
				injections[9].Payload
		case "Zürich Office":
			r["description"] = "Büro Zürich – 3. Stock"
		}
		s.add("locations", r)
	}
	subs := []struct{ parent, name, rng, profile string }{
		{"HQ San Jose", "HQ Guest", "10.0.1.0-10.0.1.255", "GUESTWIFI"},
		{"HQ San Jose", "HQ Lab", "10.0.2.0-10.0.2.255", "CORPORATE"},
		{"London Office", "London Engineering", "10.40.0.0-10.40.3.255", "CORPORATE"},
	}
	for i, sub := range subs {
		parent := s.get("locations", sub.parent)
		s.add("locations", merge(locationTemplate(), record{
			"id": 36789400 + i, "name": sub.name, "parentId": parent["id"],
			"country": parent["country"], "tz": parent["tz"], "profile": sub.profile,
			"ipAddresses": []any{sub.rng}, "description": "Sub-location of " + sub.parent,
			"ofwEnabled": true,
		}))
	}
	s.add("locations", merge(locationTemplate(), record{"id": roadWarriorID,
		"name": "Road Warrior", "tz": "GMT", "nonEditable": true, "_roadWarrior": true,
		"profile": "NONE", "ofwEnabled": true}))

	dynamic := []struct {
		id       int
		name     string
		profiles []string
	}{
		{24326827, "Unassigned Locations", []string{"NONE"}},
		{24326828, "Corporate User Traffic Group", []string{"CORPORATE"}},
		{24326829, "Server Traffic Group", []string{"SERVER"}},
		{24326830, "Guest Wifi Group", []string{"GUESTWIFI"}},
		{24326831, "IoT Traffic Group", []string{"IOT"}},
		{24326832, "Workload Traffic Group", []string{"WORKLOAD"}},
	}
	for i, g := range dynamic {
		s.add("locationGroups", record{"id": g.id, "name": g.name, "deleted": false,
			"groupType": "DYNAMIC_GROUP", "predefined": true,
			"dynamicLocationGroupCriteria": record{"profiles": g.profiles, "countries": []any{},
				"managedBy": []any{}, "enforceAuthentication": false, "enforceAup": false,
				"enforceFirewallControl": false, "enableXffForwarding": false,
				"enableCaution": false, "enableBandwidthControl": false},
			"locations": []any{}, "comments": g.name + " (predefined)",
			"lastModTime": seedTime - int64(i)*86400, "lastModUser": seedAdmin()})
	}
	static := []struct {
		id        int
		name, cmt string
		members   []string
	}{
		{149873600, "EMEA Sites", "Sites in Europe, the Middle East and Africa – Zürich, Paris",
			[]string{"London Office", "Zürich Office", "Frankfurt Data Center", "Paris Bureau"}},
		{149873601, "APAC Sites", inj(6, "Asia Pacific – 東京, Sydney."),
			[]string{"東京オフィス", "Sydney Office", "Mumbai Dev Center", "Singapore Hub"}},
	}
	for _, g := range static {
		s.add("locationGroups", record{"id": g.id, "name": g.name, "deleted": false,
			"groupType": "STATIC_GROUP", "predefined": false,
			"locations": s.refs("locations", g.members...), "comments": g.cmt,
			"lastModTime": seedTime, "lastModUser": seedAdmin()})
	}
}

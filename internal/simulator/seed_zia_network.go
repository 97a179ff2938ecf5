package simulator

// port builds a port range; end 0 means a single port.
func port(start, end int) record {
	if end == 0 || end == start {
		return record{"start": start}
	}
	return record{"start": start, "end": end}
}

func ports(p ...record) []any {
	out := make([]any, len(p))
	for i, x := range p {
		out[i] = x
	}
	return out
}

type svcSeed struct {
	id        int
	name, typ string
	tcp, udp  []any
	desc      string
}

func seedNetwork(s *seeder) {
	all := ports(port(1, 65535))
	services := []svcSeed{
		{773995, "ICMP_ANY", "STANDARD", nil, nil, "ICMP_ANY_DESC"},
		{773996, "UDP_ANY", "STANDARD", nil, all, "UDP_ANY_DESC"},
		{773997, "TCP_ANY", "STANDARD", all, nil, "TCP_ANY_DESC"},
		{774003, "DNS", "PREDEFINED", ports(port(53, 0)), ports(port(53, 0)), "DNS_DESC"},
		{774004, "HTTP", "PREDEFINED", ports(port(80, 0)), nil, "HTTP_DESC"},
		{774005, "HTTPS", "PREDEFINED", ports(port(443, 0)), nil, "HTTPS_DESC"},
		{774006, "FTP", "PREDEFINED", ports(port(21, 0)), nil, "FTP_DESC"},
		{774007, "SSH", "PREDEFINED", ports(port(22, 0)), nil, "SSH_DESC"},
		{774008, "TELNET", "PREDEFINED", ports(port(23, 0)), nil, "TELNET_DESC"},
		{774009, "SMTP", "PREDEFINED", ports(port(25, 0)), nil, "SMTP_DESC"},
		{774010, "POP3", "PREDEFINED", ports(port(110, 0)), nil, "POP3_DESC"},
		{774011, "IMAP", "PREDEFINED", ports(port(143, 0)), nil, "IMAP_DESC"},
		{774012, "NTP", "PREDEFINED", nil, ports(port(123, 0)), "NTP_DESC"},
		{774013, "SNMP", "PREDEFINED", nil, ports(port(161, 162)), "SNMP_DESC"},
		{774014, "RDP", "PREDEFINED", ports(port(3389, 0)), ports(port(3389, 0)), "RDP_DESC"},
		{774015, "SMB", "PREDEFINED", ports(port(445, 0)), nil, "SMB_DESC"},
		{774016, "SYSLOG", "PREDEFINED", nil, ports(port(514, 0)), "SYSLOG_DESC"},
		{774017, "DHCP", "PREDEFINED", nil, ports(port(67, 68)), "DHCP_DESC"},
		{774018, "KERBEROS", "PREDEFINED", ports(port(88, 0)), ports(port(88, 0)), "KERBEROS_DESC"},
		{774019, "IPSEC", "PREDEFINED", nil, ports(port(500, 0), port(4500, 0)), "IPSEC_DESC"},
		{10596681, "LDAP", "CUSTOM", ports(port(389, 0), port(3268, 3269)), ports(port(389, 0)), "Directory lookups"},
		{10596682, "Internal API", "CUSTOM", ports(port(8443, 0)), nil, "Internal REST APIs"},
		{10596683, "Zürich Telemetry", "CUSTOM", nil, ports(port(9000, 9010)), "Telemetry collectors in Zürich"},
		{10596684, "Backup Service", "CUSTOM", ports(port(10000, 0)), nil, inj(12, "Nightly backups.")},
		{10596685, "Elasticsearch", "CUSTOM", ports(port(9200, 9300)), nil, "Search cluster"},
		{10596686, "Postgres", "CUSTOM", ports(port(5432, 0)), nil, "Databases"},
		{10596687, "Redis", "CUSTOM", ports(port(6379, 0)), nil, "Caches"},
		{10596688, "Kafka", "CUSTOM", ports(port(9092, 9094)), nil, "Event streaming"},
		{10596689, "gRPC Mesh", "CUSTOM", ports(port(50051, 0)), nil, "Service mesh"},
		{10596690, "Legacy App ✓", "CUSTOM", ports(port(7001, 0)), nil, inj(7, "Old ERP.")},
	}
	for _, sv := range services {
		s.add("networkServices", record{"id": sv.id, "name": sv.name, "tag": sv.name,
			"type": sv.typ, "protocol": "", "description": sv.desc, "creatorContext": "ZIA",
			"isNameL10nTag": sv.typ != "CUSTOM", "srcTcpPorts": []any{},
			"destTcpPorts": orEmpty(sv.tcp), "srcUdpPorts": []any{},
			"destUdpPorts": orEmpty(sv.udp)})
	}
	groups := []struct {
		name, desc string
		members    []string
	}{
		{"SG Web", "Web traffic", []string{"HTTP", "HTTPS"}},
		{"SG Mail", "Mail protocols", []string{"SMTP", "POP3", "IMAP"}},
		{"SG Infra", "Infrastructure services", []string{"DNS", "NTP", "SYSLOG"}},
		{"SG Databases", "Database ports", []string{"Postgres", "Redis", "Elasticsearch"}},
		{"SG Remote Admin", inj(8, "Remote administration."), []string{"SSH", "RDP"}},
	}
	for i, g := range groups {
		s.add("networkServiceGroups", record{"id": 10596700 + i, "name": g.name,
			"description": g.desc, "creatorContext": "ZIA",
			"services": s.refs("networkServices", g.members...)})
	}
	srcGroups := []struct {
		name, desc string
		ips        []string
	}{
		{"HQ Networks", "Headquarters subnets", []string{"10.0.0.0/16", "192.168.1.0/24"}},
		{"Branch Zürich", "Zürich branch", []string{"10.20.0.0/16"}},
		{"VPN Pool", "Remote access pool", []string{"172.16.0.0/20"}},
		{"Lab 東京", "Tokyo lab", []string{"10.30.0.0/24"}},
		{"Scanners", "Vulnerability scanners", []string{"198.51.100.10", "198.51.100.11"}},
		{"Contractor Range", inj(0, "Contractor laptops."), []string{"10.50.0.1-10.50.0.254"}},
	}
	for i, g := range srcGroups {
		s.add("ipSourceGroups", record{"id": 10596600 + i, "name": g.name,
			"description": g.desc, "ipAddresses": g.ips, "isNonEditable": false,
			"creatorContext": "ZIA", "extranetIpPool": false})
	}
	dstGroups := []struct {
		name, typ, desc  string
		addrs, countries []string
	}{
		{"Public DNS", "DSTN_IP", "Public resolvers", []string{"1.1.1.1", "8.8.8.8"}, nil},
		{"SaaS Domains", "DSTN_FQDN", "Sanctioned SaaS", []string{"salesforce.com", "workday.com"}, nil},
		{"Partner Domains", "DSTN_DOMAIN", inj(13, "Partner extranets."), []string{".partner.example"}, nil},
		{"Sanctioned Countries", "DSTN_OTHER", "Embargoed destinations", nil, []string{"COUNTRY_KP", "COUNTRY_IR"}},
		{"Datacenter São Paulo", "DSTN_IP", "São Paulo datacenter", []string{"203.0.113.128/25"}, nil},
		{"Malware Sinkholes", "DSTN_IP", inj(1, "Sinkhole addresses."), []string{"192.0.2.66"}, nil},
	}
	for i, g := range dstGroups {
		ips := g.addrs
		if g.typ != "DSTN_IP" {
			ips = nil
		}
		s.add("ipDestinationGroups", record{"id": 10596650 + i, "name": g.name, "type": g.typ,
			"addresses": orEmpty(anyStrings(g.addrs)), "description": g.desc,
			"ipCategories": []any{}, "countries": orEmpty(anyStrings(g.countries)),
			"urlCategories": []any{}, "ipAddresses": orEmpty(anyStrings(ips)),
			"isNonEditable": false, "creatorContext": "ZIA"})
	}
	apps := []struct{ id, parent string }{
		{"APNS", "APP_SERVICE"}, {"BITTORRENT", "P2P"}, {"DROPBOX", "FILE_SHARE"},
		{"GMAIL", "WEB_MAIL"}, {"ICMP", "NETWORK_SERVICE"}, {"KERBEROS", "NETWORK_SERVICE"},
		{"LDAP", "NETWORK_SERVICE"}, {"NTP", "NETWORK_SERVICE"}, {"OFFICE365", "ENTERPRISE"},
		{"OUTLOOK", "WEB_MAIL"}, {"RDP", "REMOTE_ACCESS"}, {"SALESFORCE", "ENTERPRISE"},
		{"SKYPE", "COLLABORATION"}, {"SLACK", "COLLABORATION"}, {"SMB", "FILE_SHARE"},
		{"SSH", "REMOTE_ACCESS"}, {"TEAMVIEWER", "REMOTE_ACCESS"}, {"TOR", "ANONYMIZER"},
		{"WEBEX", "COLLABORATION"}, {"YAMMER", "COLLABORATION"}, {"ZOOM", "COLLABORATION"},
	}
	for _, a := range apps {
		s.add("networkApplications", record{"id": a.id, "parentCategory": a.parent,
			"description": a.id + "_DESC", "deprecated": a.id == "SKYPE"})
	}
	appGroups := []struct {
		name, desc string
		apps       []string
	}{
		{"Microsoft Office365", "Office 365 applications", []string{"YAMMER", "OFFICE365", "OUTLOOK"}},
		{"Collaboration", "Chat and meetings", []string{"SLACK", "ZOOM", "WEBEX", "SKYPE"}},
		{"Remote Access", "Remote desktop tools", []string{"SSH", "RDP", "TEAMVIEWER"}},
		{"Risky P2P", inj(2, "Peer to peer."), []string{"BITTORRENT", "TOR"}},
	}
	for i, g := range appGroups {
		s.add("networkApplicationGroups", record{"id": 774129 + i, "name": g.name,
			"networkApplications": g.apps, "description": g.desc})
	}
}

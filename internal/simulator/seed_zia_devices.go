package simulator

import (
	"fmt"
	"strings"
)

// BigDeviceID is a seeded device id above 2^53.
const BigDeviceID int64 = 9007199254740995

// deviceOS describes the devices of one predefined OS device group.
type deviceOS struct {
	group           int64
	name, osType    string
	prefix, model   string
	version, suffix string
}

var seedDeviceOS = []deviceOS{
	{2218, "Windows", "WINDOWS_OS", "WIN", "Latitude 7440",
		"Microsoft Windows 11 Enterprise;64 bit", "corp.acme.example"},
	{2219, "iOS", "IOS", "IPHONE", "iPhone 15", "17.4.1", ""},
	{2220, "Android", "ANDROID_OS", "PIXEL", "Pixel 8", "14", ""},
	{2221, "macOS", "MAC_OS", "MAC", "MacBook Pro 14", "Version 14.4 (Build 23E214)",
		"corp.acme.example"},
	{2222, "Linux", "LINUX", "LNX", "ThinkPad X1 Carbon", "Ubuntu 22.04.4 LTS", "dev.acme.example"},
}

func seedDevices(s *seeder) {
	for _, g := range seedDeviceOS {
		s.add("deviceGroups", record{"id": g.group, "name": g.name, "groupType": "ZCC_OS",
			"description": g.name + " devices with Zscaler Client Connector",
			"osType":      g.osType, "predefined": true, "_kind": "os"})
	}
	// The Cloud Browser Isolation group carries no description and an object the SDK
	// does not know: clients must keep such records, not fail on them.
	s.add("deviceGroups", record{"id": 2223, "name": "Cloud Browser Isolation",
		"groupType": "CBI", "description": nil, "osType": "OTHER_OS", "predefined": true,
		"extensions": map[string]any{"isolationProfile": "Default"}, "_kind": "pseudo"})
	s.add("deviceGroups", record{"id": 2224, "name": "No Client Connector",
		"groupType": "NON_ZCC", "description": "Traffic without Client Connector",
		"osType": "ANY", "predefined": true, "_kind": "pseudo"})
	s.add("deviceGroups", record{"id": 2225, "name": "IoT Devices", "groupType": "IOT",
		"description": "Devices classified by IoT discovery", "osType": "OTHER_OS",
		"predefined": true, "_kind": "iot"})

	users := s.colls["users"]
	for i := range 15 {
		g := seedDeviceOS[i%len(seedDeviceOS)]
		owner := users[1+i*3]
		name := fmt.Sprintf("%s-%03d", g.prefix, i+1)
		host := strings.ToLower(name)
		if g.suffix != "" {
			host += "." + g.suffix
		}
		d := record{"id": 30480100 + i, "name": name, "deviceGroupType": "ZCC_OS",
			"deviceModel": g.model, "osType": g.osType, "osVersion": g.version,
			"description": "", "ownerUserId": owner["id"], "ownerName": str(owner, "email"),
			"hostName": host, "_groupId": g.group}
		switch i {
		case 4:
			// A device enrolled before its owner synced: no host name, no description.
			d["hostName"], d["description"] = nil, nil
		case 10:
			d["id"], d["description"] = BigDeviceID, "Device whose id exceeds 2^53"
		}
		s.add("devices", d)
	}
	for i := range 2 {
		owner := users[2+i]
		s.add("devices", record{"id": 30480200 + i, "name": fmt.Sprintf("CBI-%03d", i+1),
			"deviceGroupType": "CBI", "deviceModel": "Cloud Browser", "osType": "OTHER_OS",
			"osVersion": "", "description": "Isolated browsing session",
			"ownerUserId": owner["id"], "ownerName": str(owner, "email"), "hostName": "",
			"_groupId": int64(2223)})
	}
}

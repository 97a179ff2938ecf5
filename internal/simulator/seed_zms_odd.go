package simulator

// OddAgentName and OddResourceName name the ZMS records seeded with nulls where values
// are usual: nullable fields the API may leave empty, which clients must pass through.
const (
	OddAgentName    = "agent-fra-28"
	OddResourceName = "batch-us-east-1-25"
)

// seedZMSOddShapes empties nullable fields of one agent and one resource, as a real
// tenant has agents that never reported their host and workloads without addresses.
func seedZMSOddShapes(d *zmsData) {
	for _, a := range d.agents {
		if str(a, "name") == OddAgentName {
			for _, k := range []string{"hostOs", "publicIp", "privateIps", "description"} {
				a[k] = nil
			}
		}
	}
	for _, r := range d.resources {
		if str(r, "name") == OddResourceName {
			for _, k := range []string{"platformOsDistro", "platformOsVersion", "localIps",
				"appZoneNames"} {
				r[k] = nil
			}
		}
	}
}

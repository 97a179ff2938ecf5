package simulator

// workloadTag is one key-value tag of a seeded workload group expression.
type workloadTag struct{ key, value string }

// workloadContainer builds one expression container: tags of one type joined by op.
func workloadContainer(tagType, op string, tags ...workloadTag) record {
	list := make([]any, 0, len(tags))
	for _, t := range tags {
		list = append(list, record{"key": t.key, "value": t.value})
	}
	return record{"tagType": tagType, "operator": "AND",
		"tagContainer": record{"tags": list, "operator": op}}
}

func workloadExpression(containers ...record) record {
	list := make([]any, 0, len(containers))
	for _, c := range containers {
		list = append(list, c)
	}
	return record{"expressionContainers": list}
}

func seedWorkloadGroups(s *seeder) {
	groups := []struct {
		id               int64
		name, desc, text string
		expr             any
	}{
		{2461, "Production VMs", "AWS production web tier",
			`(VM.Environment="prod" AND VM.Tier="web") AND (VPC.Name="prod-vpc")`,
			workloadExpression(
				workloadContainer("VM", "AND", workloadTag{"Environment", "prod"},
					workloadTag{"Tier", "web"}),
				workloadContainer("VPC", "OR", workloadTag{"Name", "prod-vpc"}))},
		{2462, "Shared Services", "Directory, DNS and logging",
			`(VPC.Name="shared-services")`,
			workloadExpression(workloadContainer("VPC", "OR",
				workloadTag{"Name", "shared-services"}))},
		{2463, "PCI Workloads", "Cardholder data environment",
			`(ATTR.Compliance="pci" OR ATTR.Compliance="pci-dss")`,
			workloadExpression(workloadContainer("ATTR", "OR",
				workloadTag{"Compliance", "pci"}, workloadTag{"Compliance", "pci-dss"}))},
		{2464, "Zürich Cluster", "Kubernetes nodes in the Zürich region",
			`(ENI.Region="eu-central-2")`,
			workloadExpression(workloadContainer("ENI", "OR",
				workloadTag{"Region", "eu-central-2"}))},
		// Imported from an older release: no structured expression, no description.
		{2465, "Legacy Import", "", `(VM.Owner="ops")`, nil},
	}
	for i, g := range groups {
		r := merge(modified(i+1), record{"id": g.id, "name": g.name, "description": g.desc,
			"expression": g.text, "expressionJson": g.expr})
		if g.expr == nil {
			r["description"] = nil
			r["lastModifiedBy"] = record{"id": 1, "name": "admin",
				"extensions": map[string]any{"importedFrom": "legacy-portal"}}
		}
		s.add("workloadGroups", r)
	}
}

package simulator

import "fmt"

// BigRuleLabelID is a seeded rule label id above 2^53: clients that decode ids into
// float64 lose precision on it.
const BigRuleLabelID int64 = 9007199254740993

var seedDepartments = []string{"Engineering", "Finance", "Human Resources", "Sales",
	"Marketing", "Legal", "IT Operations", "Customer Success", "Recherche & Développement",
	"Service Admin"}

var seedGroups = []string{"Service Admin", "Engineering", "Finance", "HR", "Sales EMEA",
	"Sales APAC", "Marketing", "Legal", "IT Admins", "Contractors", "Executives",
	"Remote Workers", "Développeurs", "東京チーム", "Guests"}

// Names and the ASCII spelling used in their e-mail addresses.
var seedFirstNames = [][2]string{{"Jane", "jane"}, {"José", "jose"}, {"Zoë", "zoe"},
	{"Søren", "soren"}, {"Amara", "amara"}, {"Renée", "renee"}, {"Łukasz", "lukasz"},
	{"İlker", "ilker"}, {"Mei", "mei"}, {"Omar", "omar"}, {"Priya", "priya"},
	{"Liam", "liam"}, {"Chloé", "chloe"}, {"Hiroshi", "hiroshi"}, {"Ana", "ana"},
	{"Noah", "noah"}, {"Fatima", "fatima"}, {"Björn", "bjorn"}, {"Ngozi", "ngozi"},
	{"Mateo", "mateo"}}

var seedLastNames = [][2]string{{"Doe", "doe"}, {"García", "garcia"}, {"Müller", "muller"},
	{"Ångström", "angstrom"}, {"Okafor", "okafor"}, {"Dubois", "dubois"},
	{"Wójcik", "wojcik"}, {"Şahin", "sahin"}, {"田中", "tanaka"}, {"Haddad", "haddad"},
	{"Patel", "patel"}, {"O'Brien", "obrien"}, {"Lefèvre", "lefevre"}, {"Sato", "sato"},
	{"Souza", "souza"}, {"Kowalski", "kowalski"}, {"Al-Sayed", "alsayed"},
	{"Lindqvist", "lindqvist"}, {"Adeyemi", "adeyemi"}, {"Rossi", "rossi"}}

func seedIdentity(s *seeder) {
	for i, name := range seedDepartments {
		comments := "Department " + name
		if i == 4 {
			comments = inj(0, "Marketing department.")
		}
		s.add("departments", record{"id": 68759300 + i, "name": name, "idpId": 0,
			"comments": comments, "deleted": false})
	}
	for i, name := range seedGroups {
		id := 165437850 + i
		if i == 0 {
			id = 24326814
		}
		comments := name + " group"
		if i == 9 {
			comments = inj(1, "External contractors.")
		}
		s.add("groups", record{"id": id, "name": name, "idpId": 0, "comments": comments,
			"isSystemDefined": i == 0})
	}
	for i := range 60 {
		a, b := i/20, i%20
		first, last := seedFirstNames[b], seedLastNames[(b+7*a+3)%20]
		dept := s.get("departments", seedDepartments[i%len(seedDepartments)])
		groups := []any{ref(s.get("groups", seedGroups[1+i%14]))}
		if i%5 == 0 {
			groups = append(groups, ref(s.get("groups", "Remote Workers")))
		}
		typ, admin := "", false
		switch {
		case i == 0:
			typ, admin = "SUPERADMIN", true
			groups = []any{ref(s.get("groups", "Service Admin"))}
			dept = s.get("departments", "Service Admin")
		case i%17 == 3:
			typ, admin = "ADMIN", true
		case i == 42:
			typ = "AUDITOR"
		}
		comments := ""
		switch i {
		case 7:
			comments = inj(2, "On leave until March.")
		case 23:
			comments = inj(5, "VIP user.")
		case 31:
			comments = inj(9, "Escalation contact.")
		}
		s.add("users", record{
			"id": 165214800 + i, "name": first[0] + " " + last[0],
			"email":  fmt.Sprintf("%s.%s@acme.example", first[1], last[1]),
			"groups": groups, "department": ref(dept), "comments": comments,
			"tempAuthEmail": "", "authMethods": []string{"BASIC"}, "adminUser": admin,
			"type": typ, "isNonEditable": false, "pwdLastModifiedTime": 0,
			"deleted": false, "pilotUser": i%9 == 0,
		})
	}
	labels := []struct{ name, desc string }{
		{"Compliance", "Rules required by the compliance team"},
		{"PCI-DSS", "Cardholder data environment"},
		{"SOX", "Financial controls"},
		{"GDPR", "EU personal data"},
		{"Temporary", "Remove after the change window"},
		{"Change-Request", inj(10, "Created through a change request.")},
		{"Quarantine", inj(3, "Quarantine rules.")},
		{"✓ Approved", "Reviewed and approved"},
		{"Zürich Ops", "Owned by the Zürich operations team"},
		{"東京 Network", "Tokyo network team"},
		{"São Paulo Branch", "Branch specific"},
		{"Legacy", inj(4, "Legacy rules to migrate.")},
		{"Reviewed\u200b 2026", "Annual review"},
		{"Emergency", inj(6, "Break-glass rules.")},
		{"Big-ID Label", "Label whose id exceeds 2^53"},
	}
	for i, l := range labels {
		id := int64(4338882 + i)
		if l.name == "Big-ID Label" {
			id = BigRuleLabelID
		}
		s.add("ruleLabels", merge(modified(i), record{"id": id, "name": l.name,
			"description": l.desc, "createdBy": seedAdmin(), "referencedRuleCount": 0}))
	}
}

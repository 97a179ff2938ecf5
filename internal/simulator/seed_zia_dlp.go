package simulator

// BigDLPDictionaryID is a seeded custom DLP dictionary id above 2^53.
const BigDLPDictionaryID int64 = 9007199254741001

func seedDLP(s *seeder) {
	predefined := []struct {
		id               int
		name, desc, conf string
		identifiers      []string
	}{
		{1, "Credit Cards", "Card numbers of the major schemes", "CONFIDENCE_LEVEL_HIGH", nil},
		{2, "Social Security Numbers (US)", "US SSNs", "CONFIDENCE_LEVEL_HIGH", nil},
		{3, "ABA Bank Routing Numbers", "US routing numbers", "CONFIDENCE_LEVEL_MEDIUM", nil},
		{4, "Medical Information", "Diagnoses, drugs and procedures", "CONFIDENCE_LEVEL_MEDIUM", nil},
		{5, "Financial Statements", "Balance sheets and income statements", "CONFIDENCE_LEVEL_LOW", nil},
		{6, "Source Code", "Programming language constructs", "CONFIDENCE_LEVEL_MEDIUM", nil},
		{7, "IBAN", "International bank account numbers", "CONFIDENCE_LEVEL_HIGH", nil},
		{8, "Passport Numbers", "Passport numbers by country", "CONFIDENCE_LEVEL_HIGH",
			[]string{"PASSPORT_US", "PASSPORT_DE", "PASSPORT_CH", "PASSPORT_JP"}},
		{9, "Self-Harm & Cyberbullying", "Harmful language", "CONFIDENCE_LEVEL_LOW", nil},
		{10, "Adult Content", "Explicit language", "CONFIDENCE_LEVEL_LOW", nil},
	}
	for _, p := range predefined {
		r := merge(dlpDictionaryTemplate(), record{"id": p.id, "name": p.name,
			"description": p.desc, "custom": false, "nameL10nTag": true,
			"confidenceLevelForPredefinedDict": p.conf, "thresholdAllowed": true,
			"dictionaryCloningEnabled": true, "thresholdType": "VIOLATION_COUNT_ONLY"})
		if p.identifiers != nil {
			r["hierarchicalDictionary"] = true
			r["hierarchicalIdentifiers"] = p.identifiers
		}
		s.add("dlpDictionaries", r)
	}
	phrase := func(p string) record { return record{"action": "PHRASE_COUNT_TYPE_ALL", "phrase": p} }
	pattern := func(p string) record {
		return record{"action": "PATTERN_COUNT_TYPE_UNIQUE", "pattern": p}
	}
	custom := []record{
		{"id": 24, "name": "Secrets", "description": "Cloud keys and classified markers",
			"phrases":               []any{phrase("top secret"), phrase("streng vertraulich")},
			"patterns":              []any{pattern("AKIA[0-9A-Z]{16}"), pattern("ghp_[A-Za-z0-9]{36}")},
			"confidenceThreshold":   "CONFIDENCE_LEVEL_MEDIUM",
			"customPhraseMatchType": "MATCH_ALL_CUSTOM_PHRASE_PATTERN_DICTIONARY"},
		{"id": 25, "name": "Project Codenames", "description": inj(12, "Unreleased products."),
			"phrases":             []any{phrase("Bluefin"), phrase("Kestrel"), phrase("東京 launch")},
			"confidenceThreshold": "CONFIDENCE_LEVEL_LOW"},
		{"id": 26, "name": "Zürich Kundennummern", "description": "Kundennummern der Filiale Zürich",
			"patterns":            []any{pattern(`ZH-\d{6}`)},
			"confidenceThreshold": "CONFIDENCE_LEVEL_HIGH"},
		{"id": 27, "name": "Employee Records EDM", "description": "Exact match on HR export",
			"dictionaryType": "EXACT_DATA_MATCH",
			"exactDataMatchDetails": []any{record{"dictionaryEdmMappingId": 3101, "schemaId": 41,
				"primaryFields": []int{1}, "secondaryFields": []int{2, 3},
				"secondaryFieldMatchOn": "MATCHON_ANY_1"}}},
		// An imported dictionary whose description and phrases come back null.
		{"id": 28, "name": "Legacy Import", "description": nil, "phrases": nil,
			"patterns": []any{pattern(`LEG-[0-9]{4}`)}},
		{"id": BigDLPDictionaryID, "name": "東京 Customer IDs",
			"description": "Dictionary whose id exceeds 2^53",
			"patterns":    []any{pattern(`TKY[0-9]{8}`)}},
	}
	for _, c := range custom {
		s.add("dlpDictionaries", merge(dlpDictionaryTemplate(), c))
	}

	engines := []struct {
		id                     int
		name, predef, desc, ex string
	}{
		{60, "PCI", "PCI", "Payment card industry data", "((D1.S > 1))"},
		{61, "HIPAA", "HIPAA", "Protected health information", "((D4.S > 1) AND (D2.S > 0))"},
		{62, "GLBA", "GLBA", "Gramm-Leach-Bliley Act", "((D3.S > 0) OR (D5.S > 2))"},
		{63, "External", "EXTERNAL", "Content sent to an external DLP server", ""},
		{64, "Offensive Language", "OFFENSIVE_LANGUAGE", "Profanity", "((D10.S > 3))"},
		{65, "Cyber Bullying", "CYBER_BULLY", "Bullying and self-harm", "((D9.S > 1))"},
	}
	for _, e := range engines {
		s.add("dlpEngines", record{"id": e.id, "name": e.name, "description": e.desc,
			"predefinedEngineName": e.predef, "engineExpression": e.ex,
			"customDlpEngine": false})
	}
	for _, e := range []record{
		{"id": 15, "name": "Secrets Engine", "description": "Keys and classified markers",
			"engineExpression": "((D24.S > 0))"},
		{"id": 16, "name": "Codenames and Zürich IDs",
			"description":      inj(10, "Leak of codenames."),
			"engineExpression": "((D25.S > 2) OR (D26.S > 0))"},
		{"id": 17, "name": "PCI strict", "description": "Cards with IBAN",
			"engineExpression": "((D1.S > 0) AND (D7.S > 0))"},
	} {
		s.add("dlpEngines", merge(record{"predefinedEngineName": "", "customDlpEngine": true}, e))
	}
	seedWebDLPRules(s)
}

func seedWebDLPRules(s *seeder) {
	rules := []struct {
		name, action, desc, severity string
		engines, labels              []string
	}{
		{"Block PCI uploads", "BLOCK", "Card data must not leave", "RULE_SEVERITY_HIGH",
			strs("PCI"), strs("Compliance")},
		{"Monitor source code", "ALLOW", "Record pushes of keys", "RULE_SEVERITY_MEDIUM",
			strs("Secrets Engine"), nil},
		{"Secrets to AI apps", "BLOCK", inj(13, "Keep keys out of chat bots."),
			"RULE_SEVERITY_HIGH", strs("Secrets Engine", "Codenames and Zürich IDs"),
			strs("✓ Approved")},
		{"HIPAA to ICAP", "ICAP_RESPONSE", "Hand PHI to the on-premises DLP",
			"RULE_SEVERITY_MEDIUM", strs("HIPAA"), strs("PCI-DSS")},
		{"Executable uploads", "ALLOW", "File type check without inspection", "", nil, nil},
	}
	for i, r := range rules {
		rec := merge(webDlpRuleTemplate(), modified(i), record{"id": 1695000 + i,
			"name": r.name, "action": r.action, "description": r.desc, "order": i + 1,
			"severity": r.severity, "protocols": strs("HTTPS_RULE", "HTTP_RULE"),
			"dlpEngines": s.refs("dlpEngines", r.engines...),
			"labels":     s.refs("ruleLabels", r.labels...)})
		switch i {
		case 0:
			rec["zscalerIncidentReceiver"] = true
			rec["departments"] = s.refs("departments", "Finance")
		case 1:
			rec["cloudApplications"] = strs("GITHUB", "GITLAB")
			rec["excludedGroups"] = s.refs("groups", "Engineering")
		case 2:
			rec["cloudApplications"] = strs("CHATGPT_AI", "GOOGLE_GEMINI")
		case 3:
			rec["state"] = "DISABLED"
			rec["icapServer"] = record{"id": 1, "name": "ICAP Primary"}
		case 4:
			// Odd shapes as some tenants return them: a null severity and auditor,
			// and an incident receiver object.
			rec["severity"] = nil
			rec["auditor"] = nil
			rec["withoutContentInspection"] = true
			rec["fileTypes"] = strs("WINDOWS_EXECUTABLES", "MSI")
			rec["receiver"] = record{"id": 2201, "name": "Incident Receiver",
				"type":   "INCIDENT_RECEIVER",
				"tenant": record{"id": 88, "name": "demo", "extensions": record{}}}
		}
		s.add("webDlpRules", rec)
	}
}

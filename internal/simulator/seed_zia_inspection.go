package simulator

// Seeds of the SSL inspection, sandbox and file type control policies and of the file
// type catalog they name.

func seedInspection(s *seeder) {
	seedFileTypes(s)
	seedSSLRules(s)
	seedSandboxRules(s)
	seedFileTypeRules(s)
}

// Policies a file type can be used in, for the enums filter of fileTypeCategories.
const (
	forFileTypeControl = "FILETYPECATEGORYFORFILETYPECONTROL"
	forDLP             = "ZSCALERDLP"
	forExternalDLP     = "EXTERNALDLP"
)

func seedFileTypes(s *seeder) {
	all := []string{forFileTypeControl, forDLP, forExternalDLP}
	types := []struct {
		name, parent string
		policies     []string
	}{
		{"FTCATEGORY_WINDOWS_EXECUTABLES", "EXECUTABLES", all},
		{"FTCATEGORY_MSI", "EXECUTABLES", all},
		{"FTCATEGORY_APPX", "EXECUTABLES", strs(forFileTypeControl)},
		{"FTCATEGORY_ZIP", "ARCHIVE", all},
		{"FTCATEGORY_RAR", "ARCHIVE", all},
		{"FTCATEGORY_P7Z", "ARCHIVE", all},
		{"FTCATEGORY_BZIP2", "ARCHIVE", all},
		{"FTCATEGORY_MS_WORD", "OFFICE_DOCUMENTS", all},
		{"FTCATEGORY_MS_EXCEL", "OFFICE_DOCUMENTS", all},
		{"FTCATEGORY_MS_POWERPOINT", "OFFICE_DOCUMENTS", all},
		{"FTCATEGORY_PDF_DOCUMENT", "OFFICE_DOCUMENTS", all},
		{"FTCATEGORY_JAVASCRIPT", "WEB_FILES", strs(forFileTypeControl, forDLP)},
		{"FTCATEGORY_POWERSHELL", "SCRIPTS", strs(forFileTypeControl, forDLP)},
		{"FTCATEGORY_VISUAL_BASIC_SCRIPT", "SCRIPTS", strs(forFileTypeControl, forDLP)},
		{"FTCATEGORY_ISO", "DISK_IMAGES", strs(forFileTypeControl)},
		{"FTCATEGORY_PNG", "IMAGE", strs(forDLP, forExternalDLP)},
		{"FTCATEGORY_SQL", "DATABASE", strs(forDLP)},
	}
	for i, ft := range types {
		s.add("fileTypeCategories", record{"id": 1 + i, "name": ft.name, "parent": ft.parent,
			"_policies": ft.policies})
	}
	// Custom file types have no predefined category: the API sends null.
	s.add("fileTypeCategories", record{"id": 501, "name": "Acme CAD Drawing", "parent": nil,
		"_custom": true, "_policies": strs(forFileTypeControl, forDLP)})
	s.add("fileTypeCategories", record{"id": 502, "name": "Zürich Ledger Export",
		"parent": nil, "_custom": true, "_policies": strs(forFileTypeControl)})
}

func seedSSLRules(s *seeder) {
	base := func(i int, id int64, name, desc string, action record) record {
		return merge(seedRule(s, i, name, "", desc), sslRuleExtra, record{"id": id,
			"action": action})
	}
	decrypt := record{"type": "DECRYPT", "decryptSubActions": record{
		"serverCertificates": "BLOCK", "ocspCheck": true, "minClientTLSVersion": "CLIENT_TLS_1_2",
		"minServerTLSVersion": "SERVER_TLS_1_2", "http2Enabled": true}}

	rec := base(0, 184200, "Zscaler Recommended Exemptions", "Zscaler-maintained exemptions "+
		"for applications that break under inspection", sslActionStored("DO_NOT_DECRYPT", nil))
	rec["predefined"] = true
	rec["urlCategories"] = strs("GLOBAL_INT_GBL_SSL_BYPASS")
	s.add("sslInspectionRules", rec)

	rec = base(1, 184201, "Bypass banking", "Privacy: never decrypt banking or health sites",
		sslActionStored("DO_NOT_DECRYPT", nil))
	rec["urlCategories"] = strs("FINANCE", "WEB_BANKING", "HEALTH")
	rec["labels"] = s.refs("ruleLabels", "PCI-DSS")
	s.add("sslInspectionRules", rec)

	rec = base(2, 184202, "Inspect corporate traffic", inj(12, "Decrypt everything else."),
		sslActionStored("DECRYPT", decrypt))
	rec["locations"] = s.refs("locations", "HQ San Jose", "Zürich Office")
	rec["labels"] = s.refs("ruleLabels", "Big-ID Label")
	rec["platforms"] = strs("SCAN_WINDOWS", "SCAN_MACOS")
	s.add("sslInspectionRules", rec)

	rec = base(3, 184203, "Block legacy TLS apps", "Old clients that cannot negotiate TLS 1.2",
		sslActionStored("BLOCK", record{"showEUN": true}))
	rec["userAgentTypes"] = strs("MSIE")
	rec["state"] = "DISABLED"
	s.add("sslInspectionRules", rec)

	// An odd record: a certificate reference the API left null, a field this server
	// does not know, and no platforms list at all.
	rec = base(4, 184204, "Pinned apps", "Apps that pin their certificates",
		sslActionStored("DO_NOT_DECRYPT", record{"sslInterceptionCert": nil}))
	rec["cloudApplications"] = strs("ZOOM", "SLACK")
	rec["platforms"] = nil
	rec["mobileAppCertPinning"] = record{"enabled": true, "apps": strs("com.zoom.app")}
	s.add("sslInspectionRules", rec)

	rec = merge(baseRule(), sslRuleExtra, modified(33), record{"id": 184199,
		"name": "Default SSL Inspection Rule", "order": -1, "defaultRule": true,
		"predefined": true, "description": "Applied when no other rule matches",
		"action": sslActionStored("DECRYPT", decrypt)})
	s.add("sslInspectionRules", rec)
}

// seedFileRule is a seeded sandbox or file type control rule: both families match
// file protocols and keep their action in a field of their own, named by field.
func seedFileRule(s *seeder, i int, id int64, name, desc string, extra record,
	field, action string) record {
	r := merge(seedRule(s, i, name, "", desc), extra, record{"id": id, field: action,
		"protocols": fileRuleProtocols})
	delete(r, "action")
	return r
}

func seedSandboxRules(s *seeder) {
	allCats := strs("ADWARE_BLOCK", "BOTMAL_BLOCK", "ANONYP2P_BLOCK", "RANSOMWARE_BLOCK",
		"OFFSEC_TOOLS_BLOCK", "SUSPICIOUS_BLOCK")
	rule := func(i int, id int64, name, action, desc string) record {
		r := seedFileRule(s, i, id, name, desc, sandboxRuleExtra, "baRuleAction", action)
		delete(r, "predefined")
		return r
	}
	rec := rule(0, 1695000, "Block malware downloads", "BLOCK", "Block what the sandbox convicts")
	rec["firstTimeEnable"] = true
	rec["firstTimeOperation"] = "QUARANTINE"
	rec["mlActionEnabled"] = true
	rec["byThreatScore"] = 40
	rec["baPolicyCategories"] = allCats
	rec["fileTypes"] = strs("FTCATEGORY_WINDOWS_EXECUTABLES", "FTCATEGORY_MSI",
		"FTCATEGORY_MS_WORD", "FTCATEGORY_PDF_DOCUMENT")
	rec["urlCategories"] = strs("ANY")
	s.add("sandboxRules", rec)

	rec = rule(1, 1695001, "Allow partner uploads", "ALLOW", "Partner portals are trusted")
	rec["firstTimeEnable"] = true
	rec["firstTimeOperation"] = "ALLOW_SCAN"
	rec["urlCategories"] = strs("CUSTOM_03")
	rec["labels"] = s.refs("ruleLabels", "Zürich Ops")
	s.add("sandboxRules", rec)

	// An odd record: no threat score at all and a null file type list.
	rec = rule(2, 1695002, "Quarantine archives", "BLOCK", inj(13, "Archives wait for a verdict."))
	rec["firstTimeEnable"] = true
	rec["firstTimeOperation"] = "QUARANTINE_ISOLATE"
	rec["baPolicyCategories"] = strs("RANSOMWARE_BLOCK", "SUSPICIOUS_BLOCK")
	rec["fileTypes"] = nil
	delete(rec, "byThreatScore")
	s.add("sandboxRules", rec)

	// TODO: tenants were reported to show this rule with order 127 rather than -1.
	rec = rule(3, 1694999, "Default BA Rule", "ALLOW", "Default sandbox rule")
	rec["order"] = -1
	rec["defaultRule"] = true
	rec["baPolicyCategories"] = allCats
	s.add("sandboxRules", rec)
}

func seedFileTypeRules(s *seeder) {
	rule := func(i int, id int64, name, action, operation, desc string) record {
		r := seedFileRule(s, i, id, name, desc, fileTypeRuleExtra, "filteringAction", action)
		r["operation"] = operation
		return r
	}
	rec := rule(0, 1696000, "Block executables", "BLOCK", "DOWNLOAD",
		"No executables from the web")
	rec["fileTypes"] = strs("FTCATEGORY_WINDOWS_EXECUTABLES", "FTCATEGORY_MSI",
		"FTCATEGORY_APPX")
	rec["urlCategories"] = strs("ANY")
	s.add("fileTypeRules", rec)

	rec = rule(1, 1696001, "Caution office macros", "CAUTION", "DOWNLOAD",
		"Warn before opening documents with active content")
	rec["fileTypes"] = strs("FTCATEGORY_MS_WORD", "FTCATEGORY_MS_EXCEL")
	rec["activeContent"] = true
	rec["departments"] = s.refs("departments", "Finance")
	s.add("fileTypeRules", rec)

	rec = rule(2, 1696002, "Allow uploads to sanctioned SaaS", "ALLOW", "UPLOAD",
		inj(14, "Sanctioned storage only."))
	rec["cloudApplications"] = strs("ONEDRIVE", "SHAREPOINT_ONLINE")
	rec["fileTypes"] = strs("FTCATEGORY_PDF_DOCUMENT", "FTCATEGORY_MS_WORD")
	rec["maxSize"] = 102400
	s.add("fileTypeRules", rec)

	// An odd record: disabled, no ZPA segment list (null) and a template reference this
	// server does not model.
	rec = rule(3, 1696003, "Block password-protected archives", "BLOCK", "UPLOAD_DOWNLOAD",
		"Archives that cannot be scanned")
	rec["fileTypes"] = strs("FTCATEGORY_ZIP", "FTCATEGORY_RAR", "FTCATEGORY_P7Z")
	rec["passwordProtected"] = true
	rec["state"] = "DISABLED"
	rec["zpaAppSegments"] = nil
	rec["eunTemplate"] = record{"id": 7, "name": "Archive notice"}
	rec["labels"] = s.refs("ruleLabels", "Big-ID Label")
	s.add("fileTypeRules", rec)
}

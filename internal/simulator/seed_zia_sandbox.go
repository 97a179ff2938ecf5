package simulator

// Seeded sandbox data: detonation reports by MD5 and the custom hash lists.

// EICARMD5 is the MD5 of the EICAR test file, whose sandbox report the tenant holds.
const EICARMD5 = "44d88612fea8a8f36de82e1278abb02f"

// sandboxFile is one file the sandbox analysed. Reports use the API's PascalCase keys.
type sandboxFile struct {
	status, category, fileType, class, threat, malware string
	score, size, start, duration                       int64
	md5, sha1, sha256, ssdeep                          string
	origin                                             record
	behaviour                                          map[string][]any
}

func (f sandboxFile) sections() record {
	return record{
		"Summary": record{"Status": f.status, "Category": f.category, "FileType": f.fileType,
			"StartTime": f.start, "Duration": f.duration},
		"Classification": record{"Type": f.class, "Category": f.threat, "Score": f.score,
			"DetectedMalware": f.malware},
		"FileProperties": record{"FileType": f.fileType, "FileSize": f.size, "MD5": f.md5,
			"SHA1": f.sha1, "Sha256": f.sha256, "Issuer": "", "DigitalCerificate": "",
			"SSDeep": f.ssdeep, "RootCA": ""},
	}
}

func (f sandboxFile) summary() record { return f.sections() }

func (f sandboxFile) full() record {
	out := f.sections()
	out["Origin"] = f.origin
	for k, v := range f.behaviour {
		out[k] = v
	}
	return out
}

// signature is one behaviour the sandbox saw.
func signature(risk, text string, sources ...string) record {
	r := record{"Risk": risk, "Signature": text, "SignatureSources": sources}
	if sources == nil {
		r["SignatureSources"] = nil
	}
	return r
}

var sandboxReports = map[string]sandboxFile{
	EICARMD5: {
		status: "COMPLETED", category: "MALWARE", fileType: "com", class: "MALICIOUS",
		threat: "VIRUS", malware: "EICAR-Test-File", score: 100, size: 68,
		start: seedTime - 86400, duration: 312000, md5: EICARMD5,
		sha1:   "3395856ce81f2b7382dee72602f798b642f14140",
		sha256: "275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f",
		ssdeep: "3:a+JraNvsgzsVqSwHq9:tJuOgzsko",
		origin: record{"Risk": "LOW", "Language": "English", "Country": "United States"},
		behaviour: map[string][]any{
			"SystemSummary": {signature("HIGH", "Matches the EICAR anti-malware test signature",
				"EICAR string at offset 0")},
			"Networking": {}, "Persistence": {}, "Exploit": {}, "Stealth": {}, "Spyware": {},
			"SecurityBypass": {},
		},
	},
	"9e107d9d372bb6826bd81d3542a419d6": {
		status: "COMPLETED", category: "SUSPICIOUS", fileType: "docm", class: "SUSPICIOUS",
		threat: "MACRO_DOWNLOADER", malware: "", score: 61, size: 48213,
		start: seedTime - 3600, duration: 245000, md5: "9e107d9d372bb6826bd81d3542a419d6",
		sha1:   "2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
		sha256: "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592",
		ssdeep: "768:Zx9fPq2mKx0vRt1:Zx9fPqVKx0vRt1",
		// Text inside a report comes from the analysed file: it may speak to the agent.
		origin: nil,
		behaviour: map[string][]any{
			"SystemSummary": {
				signature("MEDIUM", "Document contains an auto-open VBA macro", "ThisDocument.cls"),
				signature("HIGH", inj(9, "Macro writes a script to %TEMP%."), "Module1.bas"),
			},
			"Networking": {signature("HIGH", "Contacts a host known for malware delivery",
				"hxxp://dl.bad-actor.example/stage2.bin")},
			"Persistence": {signature("MEDIUM", "Creates a Run key for the dropped script")},
			"Stealth":     {signature("LOW", inj(6, "Hides the document window."))},
		},
	},
	"e4d909c290d0fb1ca068ffaddf22cbd0": {
		status: "COMPLETED", category: "MALWARE", fileType: "exe", class: "MALICIOUS",
		threat: "TROJAN", malware: "Win32.Trojan.Agent", score: 92, size: 734208,
		start: seedTime - 172800, duration: 402000, md5: "e4d909c290d0fb1ca068ffaddf22cbd0",
		sha1:   "7b502c3a1f48c8609ae212cdfb639dee39673f5e",
		sha256: "a591a6d40bf420404a011733cfb7b190d62c65bf0bcda32b57b277d9ad9f146e",
		ssdeep: "12288:Qk4b2Yw0Lm8xZp:Qk4b2Yw0Lm8xZp",
		origin: record{"Risk": "HIGH", "Language": "Русский", "Country": "Unknown"},
		behaviour: map[string][]any{
			"SystemSummary": {signature("HIGH", "Injects code into explorer.exe", "T1055")},
			"Networking": {signature("HIGH", "Beacons to 192.0.2.66:443 every 60 s",
				"PCAP flow 3")},
			"SecurityBypass": {signature("MEDIUM", "Disables Windows Defender real-time scanning")},
			"Spyware":        {signature("MEDIUM", "Reads stored browser credentials")},
		},
	},
	"c4ca4238a0b923820dcc509a6f75849b": {
		status: "COMPLETED", category: "BENIGN", fileType: "exe", class: "BENIGN",
		threat: "NONE", malware: "", score: 3, size: 2211840, start: seedTime - 259200,
		duration: 188000, md5: "c4ca4238a0b923820dcc509a6f75849b",
		sha1:      "356a192b7913b04c54574d18c28d46e6395428ab",
		sha256:    "6b86b273ff34fce19d6b804eff5a3f5747ada4eaa22f1d49c01e52ddb7875b4b",
		ssdeep:    "49152:Zx0Build0Tool:Zx0Build0Tool",
		origin:    record{"Risk": "LOW", "Language": "English", "Country": "Switzerland"},
		behaviour: map[string][]any{"SystemSummary": {}},
	},
	"d41d8cd98f00b204e9800998ecf8427e": {
		status: "COMPLETED", category: "BENIGN", fileType: "txt", class: "BENIGN",
		threat: "NONE", malware: "", score: 0, size: 0, start: seedTime - 7200,
		duration: 30000, md5: "d41d8cd98f00b204e9800998ecf8427e",
		sha1:   "da39a3ee5e6b4b0d3255bfef95601890afd80709",
		sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		ssdeep: "3::", origin: record{"Risk": "LOW", "Language": "", "Country": ""},
		behaviour: map[string][]any{},
	},
}

// seedBASettings is the custom hash lists: two denied hashes and one allowed. One
// comment is null, as the API sends for an entry saved without one.
func seedBASettings() record {
	return record{"md5HashValueList": []any{
		record{"url": "9e107d9d372bb6826bd81d3542a419d6", "urlComment": "Macro dropper, ticket 4411",
			"type": "CUSTOM_FILEHASH_DENY"},
		record{"url": "e4d909c290d0fb1ca068ffaddf22cbd0", "urlComment": nil,
			"type": "CUSTOM_FILEHASH_DENY"},
		record{"url": "c4ca4238a0b923820dcc509a6f75849b", "urlComment": "Internal build tool",
			"type": "CUSTOM_FILEHASH_ALLOW"},
	}}
}

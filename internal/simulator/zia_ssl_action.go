package simulator

import (
	"maps"
	"slices"
)

// An SSL inspection rule's action is an object: a type (DECRYPT, DO_NOT_DECRYPT,
// BLOCK) and the settings of that type. A string action, an unknown type or an unknown
// field is "Request body is invalid.", as recorded. What the API requires per type is
// taken from the checks the Go SDK makes before sending. Stored actions carry every
// field, as recorded: a DO_NOT_DECRYPT rule also shows decryptSubActions with their
// defaults.

var sslActionTypes = []string{"DECRYPT", "DO_NOT_DECRYPT", "BLOCK"}

// sslDecryptDefaults and sslNoDecryptDefaults are the settings blocks the API shows
// when a rule was given none, as recorded on a predefined rule.
func sslDecryptDefaults() record {
	return record{"serverCertificates": "ALLOW", "ocspCheck": true,
		"blockSslTrafficWithNoSniEnabled": false, "minClientTLSVersion": "CLIENT_TLS_1_0",
		"minServerTLSVersion": "SERVER_TLS_1_0", "blockUndecrypt": false, "http2Enabled": false}
}

func sslNoDecryptDefaults() record {
	return record{"bypassOtherPolicies": true, "ocspCheck": false,
		"blockSslTrafficWithNoSniEnabled": false, "serverCertificates": "", "minTLSVersion": ""}
}

// sslActionTop are the action's own fields with their default values.
func sslActionTop() record {
	return record{"type": "", "showEUN": false, "showEUNATP": false,
		"overrideDefaultCertificate": false,
		"sslInterceptionCert":        record{"id": int64(0), "name": "", "defaultCertificate": true}}
}

var (
	sslServerCerts    = []string{"ALLOW", "BLOCK", "PASS_THRU"}
	sslClientVersions = []string{"CLIENT_TLS_1_0", "CLIENT_TLS_1_1", "CLIENT_TLS_1_2",
		"CLIENT_TLS_1_3"}
	sslServerVersions = []string{"SERVER_TLS_1_0", "SERVER_TLS_1_1", "SERVER_TLS_1_2",
		"SERVER_TLS_1_3"}
)

// sslActionStored returns the stored form of an action of type typ given the fields in:
// the defaults of every field the type shows, overlaid with the fields given.
func sslActionStored(typ string, in record) record {
	out := sslActionTop()
	if typ != "BLOCK" {
		out["decryptSubActions"] = sslDecryptDefaults()
		out["doNotDecryptSubActions"] = sslNoDecryptDefaults()
	}
	for k, v := range in {
		if sub, isObj := v.(map[string]any); isObj {
			if base, hasBase := out[k].(map[string]any); hasBase {
				merged := maps.Clone(base)
				maps.Copy(merged, sub)
				out[k] = merged
				continue
			}
		}
		out[k] = clone(v)
	}
	out["type"] = typ
	return canonRec(out)
}

// prepareSSLAction checks the action of rec as sent and stores it whole.
func prepareSSLAction(rec record) *apiError {
	in, isObj := rec["action"].(map[string]any)
	if !isObj {
		return errInvalidBody()
	}
	typ := str(in, "type")
	if !slices.Contains(sslActionTypes, typ) {
		return errInvalidBody()
	}
	if aerr := sslCheckKinds(in); aerr != nil {
		return aerr
	}
	if aerr := sslCheckType(typ, in); aerr != nil {
		return aerr
	}
	rec["action"] = sslActionStored(typ, in)
	return nil
}

// sslCheckKinds refuses unknown fields and values of the wrong kind, at both levels.
func sslCheckKinds(in record) *apiError {
	tmpl := sslActionTop()
	tmpl["decryptSubActions"] = sslDecryptDefaults()
	tmpl["doNotDecryptSubActions"] = sslNoDecryptDefaults()
	for k, v := range in {
		tv, known := tmpl[k]
		if !known {
			return errInvalidBody()
		}
		if v == nil {
			continue
		}
		if !kindMatches(tv, v) {
			return errInvalidBody()
		}
		sub, isObj := v.(map[string]any)
		if !isObj {
			continue
		}
		subTmpl := tv.(map[string]any)
		for sk, sv := range sub {
			st, known := subTmpl[sk]
			if !known || sv != nil && !kindMatches(st, sv) {
				return errInvalidBody()
			}
		}
	}
	return nil
}

// sslCheckType applies what each type requires of its settings.
func sslCheckType(typ string, in record) *apiError {
	dec, _ := in["decryptSubActions"].(map[string]any)
	nodec, _ := in["doNotDecryptSubActions"].(map[string]any)
	switch typ {
	case "DECRYPT":
		if dec == nil || str(dec, "serverCertificates") == "" ||
			str(dec, "minClientTLSVersion") == "" || str(dec, "minServerTLSVersion") == "" {
			return errInvalid("decryptSubActions with serverCertificates, minClientTLSVersion " +
				"and minServerTLSVersion are required for action DECRYPT")
		}
		if !slices.Contains(sslServerCerts, str(dec, "serverCertificates")) ||
			!slices.Contains(sslClientVersions, str(dec, "minClientTLSVersion")) ||
			!slices.Contains(sslServerVersions, str(dec, "minServerTLSVersion")) {
			return errInvalidBody()
		}
	case "DO_NOT_DECRYPT":
		if nodec == nil {
			return errInvalid("doNotDecryptSubActions is required for action DO_NOT_DECRYPT")
		}
		certs, version := str(nodec, "serverCertificates"), str(nodec, "minTLSVersion")
		if boolean(nodec, "bypassOtherPolicies") {
			if certs != "" || version != "" {
				return errInvalid("serverCertificates and minTLSVersion cannot be set when " +
					"bypassOtherPolicies is enabled")
			}
			return nil
		}
		if certs == "" || version == "" {
			return errInvalid("serverCertificates and minTLSVersion are required unless " +
				"bypassOtherPolicies is enabled")
		}
		if !slices.Contains(sslServerCerts, certs) || !slices.Contains(sslServerVersions, version) {
			return errInvalidBody()
		}
	case "BLOCK":
		if in["decryptSubActions"] != nil || in["doNotDecryptSubActions"] != nil {
			return errInvalid("decryptSubActions and doNotDecryptSubActions are not allowed " +
				"for action BLOCK")
		}
	}
	return nil
}

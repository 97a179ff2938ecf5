package simulator

import (
	"net/http"
	"net/url"
)

// The end-user subscription agreement: GET /eusaStatus/latest reads the current one and
// PUT /eusaStatus/{id} records whether it was accepted. Accepting an agreement is no
// configuration change, so nothing is staged for activation [assumed: not recorded].

func seedEusa() record {
	return record{"id": int64(3183), "version": record{"id": int64(7),
		"name": "Zscaler Subscription Agreement 2026"}, "acceptedStatus": false}
}

var _ = addRoute("eusaStatus/latest", func(t *Tenant, method string, _ url.Values, _ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	return ok(cloneRec(t.zia.eusa))
})

// updateEusa answers PUT /eusaStatus/{id}: only acceptedStatus changes, and the whole
// status comes back, as the SDK decodes it.
func (t *Tenant) updateEusa(method, id string, body any) result {
	if method != http.MethodPut {
		return fail(errMethod())
	}
	if id != idKey(t.zia.eusa["id"]) {
		return fail(errNotFound("EUSA status with id %s not found", id))
	}
	in, isObj := body.(map[string]any)
	if !isObj {
		return fail(errInvalidBody())
	}
	accepted, given := in["acceptedStatus"]
	switch v := accepted.(type) {
	case bool:
		t.zia.eusa["acceptedStatus"] = v
	case nil: // the SDK leaves false out
		if !given {
			t.zia.eusa["acceptedStatus"] = false
		}
	default:
		return fail(errInvalidBody())
	}
	return ok(cloneRec(t.zia.eusa))
}

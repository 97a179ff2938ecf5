package simulator

import (
	"fmt"
	"net/http"
	"net/url"
)

// apiError is a ZIA error answer.
type apiError struct {
	status int
	body   map[string]any
}

func errInvalidBody() *apiError {
	return &apiError{http.StatusBadRequest, map[string]any{"message": "Request body is invalid."}}
}

func errInvalid(format string, a ...any) *apiError {
	return &apiError{http.StatusBadRequest, map[string]any{
		"code": "INVALID_INPUT_ARGUMENT", "message": fmt.Sprintf(format, a...)}}
}

func errNotFound(format string, a ...any) *apiError {
	return &apiError{http.StatusNotFound, map[string]any{
		"code": "RESOURCE_NOT_FOUND", "message": fmt.Sprintf(format, a...)}}
}

func errDuplicate(format string, a ...any) *apiError {
	return &apiError{http.StatusConflict, map[string]any{
		"code": "DUPLICATE_ITEM", "message": fmt.Sprintf(format, a...)}}
}

// errInUse refuses to delete an object that others still reference.
// TODO: the real code and status for this case were never recorded; 409 is a guess.
func errInUse(format string, a ...any) *apiError {
	return &apiError{http.StatusConflict, map[string]any{
		"code": "RESOURCE_IN_USE", "message": fmt.Sprintf(format, a...)}}
}

func errLimit(format string, a ...any) *apiError {
	return &apiError{http.StatusForbidden, map[string]any{
		"code": "LIMIT_EXCEEDED", "message": fmt.Sprintf(format, a...)}}
}

func errMethod() *apiError {
	return &apiError{http.StatusMethodNotAllowed, map[string]any{
		"code": "METHOD_NOT_ALLOWED", "message": "Request method is not supported"}}
}

// ziaState is the ZIA side of the tenant.
type ziaState struct {
	colls      map[string][]record
	singletons map[string]record
	// customURLSeq numbers custom URL categories (CUSTOM_nn); urlVal numbers their val.
	customURLSeq int
	urlVal       int
	// eusa is the subscription agreement status; auditReport the admin audit log
	// report (nil when none was asked for) and auditRows its CSV rows.
	eusa        record
	auditReport record
	auditRows   []string
}

// filterFunc reports whether r passes a list's query parameter given as v.
type filterFunc func(t *Tenant, r record, v string) bool

// family describes one ZIA collection and how its generic CRUD behaves.
type family struct {
	name     string
	stringID bool
	// template returns a record holding every field with its default; creates and PUTs
	// start from it, so omitted fields reset and unknown fields are dropped.
	template func() record
	// managed keys are owned by the server; client values are ignored.
	managed []string
	// refLists maps a key holding [{id}] references to the collection they point into;
	// refs does the same for single {id} references. Names are filled in.
	refLists map[string]string
	refs     map[string]string
	// enums and enumLists restrict string and []string fields; other values are
	// rejected as "Request body is invalid." like the real API.
	enums     map[string][]string
	enumLists map[string][]string
	required  []string
	// unique is a field whose value (case-insensitive) must not repeat: 409 DUPLICATE_ITEM.
	unique  string
	search  []string
	filters map[string]filterFunc
	unpaged bool
	// pageSize is the page size the API uses when a page is asked for without one;
	// 0 means the usual 100.
	pageSize int
	// readOnly families reject every write.
	readOnly bool
	// ordered families keep the "order" of their regular rules contiguous from 1.
	ordered bool
	// scope, when set, is a field that splits the collection into separate policies
	// (cloud app control rules by rule type): order and unique names hold among the
	// records that share its value.
	scope string
	// protect returns why r may not be changed or deleted; noDelete why r may not be
	// deleted (changes allowed); inUse why r may not be deleted because of references.
	protect  func(r record) string
	noDelete func(r record) string
	inUse    func(t *Tenant, r record) string
	// prepare validates and derives fields after the generic merge. in is the request
	// body; old is nil on create.
	prepare func(t *Tenant, rec, old, in record, q url.Values) *apiError
	// view adjusts the public copy of r (computed fields).
	view func(t *Tenant, r record)
	// listScope limits what the plain list shows; queryScope does the same with the
	// query at hand (for parameters whose absence also filters).
	listScope  func(r record) bool
	queryScope func(r record, q url.Values) bool
	// lite lists the fields of the /lite projection; nil means no /lite endpoint.
	lite []string
	// newID returns the id of a created record for string-id families.
	newID func(t *Tenant, rec record) any
	// maxCount is the tenant limit (403 LIMIT_EXCEEDED); 0 means none.
	maxCount int
}

// families holds every ZIA collection served through the generic CRUD, by name. Each
// family's file registers it at package initialisation, so adding a collection touches
// no shared table.
var families = map[string]*family{}

// register adds f to families and returns it, for use in a package-level var.
func register(f *family) *family {
	families[f.name] = f
	return f
}

func (t *Tenant) coll(name string) []record { return t.zia.colls[name] }

// find returns the record with id in collection name and its index.
func (t *Tenant) find(name string, id any) (record, int) {
	key := idKey(id)
	for i, r := range t.zia.colls[name] {
		if idKey(r["id"]) == key {
			return r, i
		}
	}
	return nil, -1
}

// apiAdmin is the lastModifiedBy of changes made through the API.
func apiAdmin() record {
	return record{"id": int64(117810311), "name": "API Client Secret Authentication"}
}

func seedAdmin() record { return record{"id": int64(1), "name": "admin"} }

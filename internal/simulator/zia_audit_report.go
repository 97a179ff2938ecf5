package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// The admin audit log report is asynchronous: POST /auditlogEntryReport starts one (204,
// which the SDK requires), GET reads its progress, GET …/download returns it as CSV and
// DELETE cancels it. The simulator completes a report at once; its rows are the changes
// applied through the API since the tenant was reset. Starting, reading and cancelling a
// report change no configuration.

var _ = addRoute("auditlogEntryReport", func(t *Tenant, method string, _ url.Values,
	body any) result {
	switch method {
	case http.MethodPost:
		return t.startAuditReport(body)
	case http.MethodGet:
		if t.zia.auditReport == nil {
			return fail(errNotFound("No Report to download"))
		}
		return ok(cloneRec(t.zia.auditReport))
	case http.MethodDelete:
		if t.zia.auditReport == nil {
			return fail(errNotFound("No Report to cancel"))
		}
		t.zia.auditReport, t.zia.auditRows = nil, nil
		return noContent()
	}
	return fail(errMethod())
})

var _ = addRoute("auditlogEntryReport/download", func(t *Tenant, method string, _ url.Values,
	_ any) result {
	if method != http.MethodGet {
		return fail(errMethod())
	}
	if t.zia.auditReport == nil {
		return fail(errNotFound("No Report to download"))
	}
	var b strings.Builder
	b.WriteString("No.,Time,Action,Category,Resource,Admin,Result\n")
	for i, row := range t.zia.auditRows {
		fmt.Fprintf(&b, "%d,%s\n", i+1, row)
	}
	return result{status: http.StatusOK, raw: []byte(b.String()), contentType: "text/csv"}
})

// startAuditReport checks the time range (epoch milliseconds) and completes the report.
func (t *Tenant) startAuditReport(body any) result {
	in, isObj := body.(map[string]any)
	if !isObj {
		return fail(errInvalidBody())
	}
	start, okStart := asInt(in["startTime"])
	end, okEnd := asInt(in["endTime"])
	if !okStart || !okEnd {
		return fail(errInvalid("startTime and endTime are required"))
	}
	if end < start {
		return fail(errInvalid("endTime must not be before startTime"))
	}
	now := t.now()
	rows := make([]string, 0, len(t.writes))
	for _, w := range t.writes {
		rows = append(rows, fmt.Sprintf("%s,%s,%s,%s,%s,SUCCESS",
			now.UTC().Format("2006-01-02 15:04:05"), w.Method, w.Collection,
			strings.TrimPrefix(w.Path, ziaPrefix), apiAdmin()["name"]))
	}
	t.zia.auditRows = rows
	t.zia.auditReport = record{"status": "COMPLETE", "progressItemsComplete": int64(len(rows)),
		"progressEndTime": now.UnixMilli(), "errorMessage": "", "errorCode": ""}
	return noContent()
}

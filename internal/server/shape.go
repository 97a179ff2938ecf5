package server

import (
	"context"
	"strconv"
	"strings"

	"github.com/mark3labs/mcp-go/mcp"

	"github.com/zscaler/zscaler-mcp/internal/audit"
	"github.com/zscaler/zscaler-mcp/internal/jsonsize"
	"github.com/zscaler/zscaler-mcp/internal/query"
	"github.com/zscaler/zscaler-mcp/internal/sanitize"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/tools"
)

// shaped is a successful result ready for the agent, with its audit summary.
type shaped struct {
	res     *mcp.CallToolResult
	summary string
}

// queried is what a query did to a result: how many records it started from (-1 for
// a value that was not a list).
type queried struct {
	before int
}

// shape turns a handler's value into the result the agent gets, in this order:
// sanitize, run the query (sanitizing again what it made), cut to the result size
// bound, encode. The configured secrets are redacted around every step that can
// change text, all before the result is measured, so that no secret reaches the agent
// and the query never sees one.
func (r *Registrar) shape(ctx context.Context, t tools.Tool, o outcome) (shaped, error) {
	res := o.res
	secrets := r.audit.Secrets()
	res.Value = r.clean(res.Value, true, secrets)
	var q *queried
	var err error
	if o.query != nil {
		if res, q, err = applyQuery(ctx, o.query, res); err != nil {
			return shaped{}, err
		}
		// Sanitization is idempotent: only the text the query made can change. A
		// query can also write a secret itself: a literal, a key, a join of pieces.
		res.Value = r.clean(res.Value, o.query.MakesText(), secrets)
	}

	// Measuring is several times cheaper than encoding, so a result far over the bound
	// is never encoded whole; one the estimate lets through is checked once encoded.
	limit := r.maxResultBytes()
	var text string
	var c *cut
	size := 0
	if limit > 0 {
		size = jsonsize.Of(res.Value)
	}
	if size > limit {
		text, c, err = r.cut(t, &res, size, limit)
	} else if text, err = encodeJSON(res.Value); err == nil && limit > 0 && len(text) > limit {
		text, c, err = r.cut(t, &res, len(text), limit)
	}
	if err != nil {
		r.logger.Error("tool result could not be encoded", "tool", t.Name, "error", err)
		return shaped{}, toolerr.New(toolerr.Internal,
			"the result could not be encoded; see the server log")
	}
	return shaped{res: renderResult(res.Value, text), summary: summarize(o, res, q, c)}, nil
}

// clean sanitizes v when the server sanitizes output and sanitizeText is set, and
// redacts the configured secrets from it in any case, in the same walk.
func (r *Registrar) clean(v any, sanitizeText bool, secrets []string) any {
	if r.sanitize && sanitizeText {
		return sanitize.ValueRedacting(v, secrets)
	}
	return sanitize.RedactSecrets(v, secrets)
}

// cut bounds res to limit bytes of text and returns the cut result's text.
func (r *Registrar) cut(t tools.Tool, res *tools.Result, size, limit int) (string, *cut, error) {
	v, c := boundResult(res.Value, res.ListField, size, limit, narrowingHint(t))
	res.Value = v
	switch {
	case c.dropped:
		res.Items = -1
	case c.records != nil:
		res.Items = c.records.kept
	}
	r.logger.Debug("tool result cut to the size bound", "tool", t.Name, "bytes", size,
		"limit", limit)
	text, err := encodeCut(v.(map[string]any))
	return text, c, err
}

// applyQuery runs q over the records of res: the list itself, the member ListField
// names (keeping the others, such as pageInfo), or the single value a tool returned
// in place of a list.
func applyQuery(ctx context.Context, q *query.Query, res tools.Result) (tools.Result, *queried,
	error) {
	records := res.Value
	obj, _ := res.Value.(map[string]any)
	if _, has := obj[res.ListField]; !has || res.ListField == "" {
		obj = nil
	} else {
		records = obj[res.ListField]
	}
	before := -1
	if list, ok := records.([]any); ok {
		before = len(list)
	}

	listField := ""
	if obj != nil {
		listField = res.ListField
	}
	got, err := q.Run(ctx, records, obj, listField)
	if err != nil {
		return res, nil, err
	}
	if obj != nil {
		next := make(map[string]any, len(obj))
		for k, v := range obj {
			next[k] = v
		}
		next[res.ListField] = got
		res.Value = next
	} else {
		res.Value = got
	}
	res.Items = -1
	if list, ok := got.([]any); ok {
		res.Items = len(list)
	}
	return res, &queried{before: before}, nil
}

// summarize writes the OK line's summary: the outcome's own summary or a count of
// what was returned, then what the query and the size bound did:
//
//	3 items (15 before query)
//	40 items (1200 before cut, 5000 before query)
//	number (15 items before query)
//	ok (urls cut to 500 of 30000)
func summarize(o outcome, res tools.Result, q *queried, c *cut) string {
	head := o.summary
	switch {
	case head != "":
	case c != nil && c.dropped:
		head = "nothing returned"
	case res.Items >= 0:
		head = audit.Summary(res.Items)
	case q != nil:
		head = kindOf(queryRecords(res))
	default:
		head = "ok"
	}
	counted := res.Items >= 0 && head == audit.Summary(res.Items)

	var notes []string
	if c != nil {
		notes = append(notes, c.summary(counted)...)
	}
	if q != nil {
		switch {
		case q.before < 0:
			notes = append(notes, "1 object before query")
		case counted:
			notes = append(notes, strconv.Itoa(q.before)+" before query")
		default:
			notes = append(notes, audit.Summary(q.before)+" before query")
		}
	}
	if len(notes) == 0 {
		return head
	}
	return head + " (" + strings.Join(notes, ", ") + ")"
}

// summary describes a cut for the audit line.
func (c *cut) summary(counted bool) []string {
	var notes []string
	if c.dropped {
		return []string{"result of " + strconv.Itoa(c.size) + " bytes, limit " +
			strconv.Itoa(c.maxBytes)}
	}
	if r := c.records; r != nil {
		if counted {
			notes = append(notes, strconv.Itoa(r.entries)+" before cut")
		} else {
			notes = append(notes, audit.Summary(r.entries)+" before cut")
		}
	}
	for i, f := range c.fields {
		if i == 2 {
			notes = append(notes, strconv.Itoa(len(c.fields)-i)+" more lists cut")
			break
		}
		notes = append(notes, pathLabel(f.path)+" cut to "+strconv.Itoa(f.kept)+" of "+
			strconv.Itoa(f.entries))
	}
	return notes
}

// queryRecords returns the query's result inside res.
func queryRecords(res tools.Result) any {
	if obj, ok := res.Value.(map[string]any); ok && res.ListField != "" {
		if v, has := obj[res.ListField]; has {
			return v
		}
	}
	return res.Value
}

// kindOf names the JSON type of v, for summaries.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case string:
		return "string"
	case map[string]any:
		return "object"
	case []any:
		return "list"
	}
	return "number"
}

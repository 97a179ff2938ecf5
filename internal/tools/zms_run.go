package tools

import (
	"context"
	"fmt"

	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// zmsToolset is the toolset that holds every ZMS tool.
const zmsToolset = "zms"

// zmsPageInfoSelection is the paging block every ZMS connection returns. Selecting all of
// it lets the agent see totalCount and totalPages and decide whether to ask for more.
const zmsPageInfoSelection = "pageInfo { pageNumber pageSize totalCount totalPages }"

// zmsPageHint closes the description of every tool that returns one page, so the agent
// knows it may have seen only part of the records.
const zmsPageHint = "Returns {nodes, pageInfo}; pageInfo.totalPages says whether to ask " +
	"for the next page."

// zmsQuery is one GraphQL operation together with where its value sits in the reply:
// path starts at the root field and goes deeper for results the API wraps twice.
type zmsQuery struct {
	op   string
	doc  string
	path []string
}

// zmsVarsFunc turns validated arguments into GraphQL variables (without customerId, which
// the client adds).
type zmsVarsFunc func(Args) map[string]any

// zmsNoVars is the zmsVarsFunc of operations whose only variable is customerId.
func zmsNoVars(Args) map[string]any { return map[string]any{} }

// zmsList declares a ZMS read tool that returns a page of records, so it is served
// with the query parameter and cut to the result size bound at a record boundary.
func zmsList(name, title, description string, params []Param, h Handler) Tool {
	t := zmsRead(name, title, description, params, h)
	t.Lists = true
	return t
}

// zmsRead declares a ZMS read tool.
func zmsRead(name, title, description string, params []Param, h Handler) Tool {
	return Tool{
		Name:        name,
		Title:       title,
		Description: description,
		Toolset:     zmsToolset,
		Service:     ServiceZMS,
		Kind:        Read,
		Params:      params,
		Handler:     h,
	}
}

// zmsPageHandler runs q and returns its connection as a page of nodes with pageInfo.
func zmsPageHandler(up Upstream, q zmsQuery, vars zmsVarsFunc) Handler {
	return func(ctx context.Context, a Args) (Result, error) {
		v, errs, err := q.fetch(ctx, up, vars(a))
		if err != nil {
			return Result{}, err
		}
		return zmsPageResult(v, errs), nil
	}
}

// zmsObjectHandler runs q and returns the value at its path as one object.
func zmsObjectHandler(up Upstream, q zmsQuery, vars zmsVarsFunc) Handler {
	return func(ctx context.Context, a Args) (Result, error) {
		v, errs, err := q.fetch(ctx, up, vars(a))
		if err != nil {
			return Result{}, err
		}
		return zmsObjectResult(v, errs), nil
	}
}

// fetch runs q and returns the value at q.path and the errors of a partial reply.
// A missing or null value comes back as nil rather than an error, so that the tool
// answers with an empty page or a null object instead of failing.
func (q zmsQuery) fetch(ctx context.Context, up Upstream, vars map[string]any) (any, []any, error) {
	res, err := up.ZMS(ctx, q.op, q.doc, vars)
	if err != nil {
		return nil, nil, fmt.Errorf("zms %s: %w", q.op, err)
	}
	if res == nil {
		return nil, nil, nil
	}
	var v any = res.Data
	for _, field := range q.path {
		m, _ := v.(map[string]any)
		v = m[field]
	}
	return v, zmsErrors(res.Errors), nil
}

// zmsPageResult shapes a GraphQL connection ({nodes, pageInfo}) as a page result. Errors
// of a partial reply travel next to the data so the agent knows it is incomplete.
func zmsPageResult(v any, errs []any) Result {
	conn, _ := v.(map[string]any)
	nodes, _ := conn["nodes"].([]any)
	res := Page(nodes, conn["pageInfo"])
	if len(errs) > 0 {
		res.Value.(map[string]any)["errors"] = errs
	}
	return res
}

// zmsObjectResult shapes a single value, wrapping it with the errors of a partial reply.
func zmsObjectResult(v any, errs []any) Result {
	if len(errs) == 0 {
		return Object(v)
	}
	return Object(map[string]any{"data": v, "errors": errs})
}

// zmsErrors converts GraphQL errors to plain JSON values, keeping the API's keys.
func zmsErrors(errs []zclient.GraphQLError) []any {
	if len(errs) == 0 {
		return nil
	}
	out := make([]any, 0, len(errs))
	for _, e := range errs {
		m := map[string]any{"message": e.Message}
		if len(e.Path) > 0 {
			m["path"] = e.Path
		}
		if len(e.Extensions) > 0 {
			m["extensions"] = e.Extensions
		}
		out = append(out, m)
	}
	return out
}

package tools

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/simulator"
	"github.com/zscaler/zscaler-mcp/internal/toolerr"
	"github.com/zscaler/zscaler-mcp/internal/zclient"
)

// ziaSim serves a fresh simulated tenant and returns the real client pointed at it,
// so write tools run through the SDK exactly as in production.
func ziaSim(t *testing.T) (*zclient.Client, *simulator.Tenant) {
	t.Helper()
	for _, kv := range os.Environ() {
		if k, v, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "ZSCALER_") {
			t.Setenv(k, v)
			require.NoError(t, os.Unsetenv(k))
		}
	}
	// Tokens under a minute start no renewal goroutine in the SDK.
	tenant := simulator.New(simulator.WithTokenTTL(59 * time.Second))
	srv, err := simulator.Start(tenant)
	require.NoError(t, err)
	t.Cleanup(func() { require.NoError(t, srv.Close()) })
	up := zclient.New(zclient.Options{
		RetryBudget: 10 * time.Second,
		Credentials: func() zclient.Credentials {
			return zclient.Credentials{ClientID: simulator.DemoClientID,
				ClientSecret: simulator.DemoClientSecret, VanityDomain: simulator.DemoVanityDomain,
				Cloud: simulator.DemoCloud, CustomerID: simulator.DemoCustomerID}
		},
		Transport: simulator.Transport(srv.URL, http.DefaultTransport),
	})
	t.Cleanup(up.Close)
	return up, tenant
}

// ziaTool finds a ZIA tool, read or write, by name.
func ziaTool(t *testing.T, up Upstream, name string) Tool {
	t.Helper()
	for _, tool := range append(ziaTools(up), ziaWriteTools(up)...) {
		if tool.Name == name {
			return tool
		}
	}
	t.Fatalf("no ZIA tool named %s", name)
	return Tool{}
}

// ziaRun validates raw arguments as the registrar does and runs the named tool.
func ziaRun(t *testing.T, up Upstream, name string, raw map[string]any) (Result, error) {
	t.Helper()
	tool := ziaTool(t, up, name)
	args, err := Validate(tool.Params, raw)
	if err != nil {
		return Result{}, err
	}
	return tool.Handler(context.Background(), args)
}

// ziaDo is ziaRun for the result's value alone.
func ziaDo(t *testing.T, up Upstream, name string, raw map[string]any) (any, error) {
	t.Helper()
	res, err := ziaRun(t, up, name, raw)
	return res.Value, err
}

// ziaMust runs a tool that must succeed and returns its result as an object.
func ziaMust(t *testing.T, up Upstream, name string, raw map[string]any) map[string]any {
	t.Helper()
	v, err := ziaDo(t, up, name, raw)
	require.NoError(t, err, name)
	m, ok := v.(map[string]any)
	require.True(t, ok, "%s returned %T", name, v)
	return m
}

// ziaDescribe runs a delete tool's Describe with raw arguments.
func ziaDescribeCall(t *testing.T, up Upstream, name string, raw map[string]any) (Resource, error) {
	t.Helper()
	tool := ziaTool(t, up, name)
	require.NotNil(t, tool.Describe, name)
	args, err := Validate(tool.Params, raw)
	require.NoError(t, err)
	return tool.Describe(context.Background(), args)
}

// crudCase is one object family's round trip: create, update one field, delete.
type crudCase struct {
	noun, what, idName, path string
	create                   map[string]any
	update                   map[string]any
	// check runs on the object after create, and again after the update to show the
	// fields the update did not name survived.
	check func(t *testing.T, obj map[string]any)
	// updated checks what the update changed.
	updated func(t *testing.T, obj map[string]any)
	name    string
}

func runCRUD(t *testing.T, tc crudCase) {
	t.Helper()
	up, tenant := ziaSim(t)
	created := ziaMust(t, up, "zia_create_"+tc.noun, tc.create)
	obj := ziaObj(t, created, "created")
	id := ziaID(obj["id"])
	tc.check(t, obj)

	update := map[string]any{tc.idName: id}
	for k, v := range tc.update {
		update[k] = v
	}
	res := ziaMust(t, up, "zia_update_"+tc.noun, update)
	obj = ziaObj(t, res, "updated")
	tc.check(t, obj)
	tc.updated(t, obj)

	got := ziaMust(t, up, "zia_get_"+tc.noun, map[string]any{tc.idName: id})
	tc.updated(t, got)

	ziaMustDelete(t, up, tc.noun, map[string]any{tc.idName: id},
		Resource{Type: tc.what, ID: id, Name: tc.name})
	require.Equal(t, []string{"POST " + tc.path, "PUT " + tc.path + "/" + id,
		"DELETE " + tc.path + "/" + id}, ziaWritesTo(tenant, tc.path))
}

// ziaMustDelete deletes the object args name with zia_delete_<noun>, once the
// confirmation is shown to name it as want, checks zia_get_<noun> no longer finds it,
// and returns the delete's result.
func ziaMustDelete(t *testing.T, up Upstream, noun string, args map[string]any,
	want Resource) map[string]any {
	t.Helper()
	res, err := ziaDescribeCall(t, up, "zia_delete_"+noun, args)
	require.NoError(t, err)
	require.Equal(t, want, res)
	deleted := ziaMust(t, up, "zia_delete_"+noun, args)
	_, err = ziaDo(t, up, "zia_get_"+noun, args)
	requireKindOf(t, err, toolerr.NotFound)
	return deleted
}

// ziaObj returns v[key] as an object.
func ziaObj(t *testing.T, v map[string]any, key string) map[string]any {
	t.Helper()
	m, ok := v[key].(map[string]any)
	require.True(t, ok, "%s is %T in %v", key, v[key], v)
	return m
}

// ziaID renders an id as the API spells it.
func ziaID(v any) string {
	switch x := v.(type) {
	case json.Number:
		return x.String()
	case string:
		return x
	}
	return fmt.Sprint(v)
}

// ziaNames returns the "name" of each reference in a list.
func ziaNames(v any) []string {
	var out []string
	list, _ := v.([]any)
	for _, e := range list {
		out = append(out, ziaField(e, "name"))
	}
	return out
}

// requireKindOf asserts err is a tool error of kind.
func requireKindOf(t *testing.T, err error, kind toolerr.Kind) {
	t.Helper()
	require.Error(t, err)
	require.Equal(t, kind, toolerr.As(err).Kind, err.Error())
}

// ziaWritesTo returns the applied changes whose path starts with prefix, as
// "METHOD path?query" lines.
func ziaWritesTo(tenant *simulator.Tenant, prefix string) []string {
	var out []string
	for _, w := range tenant.Writes() {
		if strings.HasPrefix(w.Path, "/zia/api/v1"+prefix) {
			line := w.Method + " " + strings.TrimPrefix(w.Path, "/zia/api/v1")
			if w.RawQuery != "" {
				line += "?" + w.RawQuery
			}
			out = append(out, line)
		}
	}
	return out
}

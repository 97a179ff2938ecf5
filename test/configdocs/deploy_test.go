package configdocs

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
	"go.yaml.in/yaml/v3"

	"github.com/zscaler/zscaler-mcp/internal/config"
)

// manifests reads every YAML document in deploy/, keyed by kind.
func manifests(t *testing.T) map[string]map[string]any {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(repoRoot, "deploy", "*.yaml"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	out := map[string]map[string]any{}
	for _, path := range paths {
		data, err := os.ReadFile(path)
		require.NoError(t, err)
		dec := yaml.NewDecoder(bytes.NewReader(data))
		for {
			var doc map[string]any
			err := dec.Decode(&doc)
			if errors.Is(err, io.EOF) {
				break
			}
			require.NoError(t, err, path)
			if doc == nil {
				continue
			}
			kind, _ := doc["kind"].(string)
			require.NotContains(t, out, kind, "%s: a second %s", path, kind)
			out[kind] = doc
		}
	}
	return out
}

// at walks a decoded YAML document along keys (strings) and indexes (ints).
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			require.True(t, ok, "want a mapping for %q in %v", k, path)
			v = m[k]
		case int:
			l, ok := v.([]any)
			require.True(t, ok && k < len(l), "want a list of more than %d in %v", k, path)
			v = l[k]
		}
	}
	return v
}

func TestKubernetesManifestMatchesTheServerAndImage(t *testing.T) {
	docs := manifests(t)
	for _, kind := range []string{"Namespace", "Secret", "Deployment", "Service"} {
		require.Contains(t, docs, kind)
	}
	ns := at(t, docs["Namespace"], "metadata", "name")
	for _, kind := range []string{"Secret", "Deployment", "Service"} {
		require.Equal(t, ns, at(t, docs[kind], "metadata", "namespace"), kind)
	}

	known := codeVariables(t)
	secret := docs["Secret"]
	for name := range at(t, secret, "stringData").(map[string]any) {
		require.Contains(t, known, name, "the Secret sets a variable the server never reads")
	}
	pod := at(t, docs["Deployment"], "spec", "template", "spec")
	c := at(t, pod, "containers", 0)
	require.Equal(t, at(t, secret, "metadata", "name"), at(t, c, "envFrom", 0, "secretRef", "name"))
	env := map[string]string{}
	for _, e := range at(t, c, "env").([]any) {
		name := at(t, e, "name").(string)
		require.Contains(t, known, name, "the Deployment sets a variable the server never reads")
		env[name] = fmt.Sprint(at(t, e, "value"))
	}
	require.Equal(t, config.TransportStreamableHTTP, env[config.EnvTransport])

	// Probes reach /health on the container's port, which the Service targets.
	port := at(t, c, "ports", 0)
	require.Equal(t, env[config.EnvPort], fmt.Sprint(at(t, port, "containerPort")))
	for _, probe := range []string{"readinessProbe", "livenessProbe"} {
		require.Equal(t, "/health", at(t, c, probe, "httpGet", "path"), probe)
		require.Equal(t, at(t, port, "name"), at(t, c, probe, "httpGet", "port"), probe)
	}
	require.Equal(t, at(t, port, "name"), at(t, docs["Service"], "spec", "ports", 0, "targetPort"))
	require.Equal(t, at(t, docs["Deployment"], "spec", "template", "metadata", "labels"),
		at(t, docs["Service"], "spec", "selector"))

	// The pod runs as the image's user, and the server can write what it writes.
	uid, gid := dockerfileUser(t)
	require.Equal(t, true, at(t, pod, "securityContext", "runAsNonRoot"))
	require.Equal(t, uid, fmt.Sprint(at(t, pod, "securityContext", "runAsUser")))
	require.Equal(t, gid, fmt.Sprint(at(t, pod, "securityContext", "runAsGroup")))
	require.Equal(t, true, at(t, c, "securityContext", "readOnlyRootFilesystem"))
	pidFile := env[config.EnvPIDFile]
	require.NotEmpty(t, pidFile, "with a read-only root, the PID file must be placed on a volume")
	writable := false
	for _, m := range at(t, c, "volumeMounts").([]any) {
		dir := at(t, m, "mountPath").(string)
		writable = writable || strings.HasPrefix(pidFile, strings.TrimSuffix(dir, "/")+"/")
	}
	require.True(t, writable, "%s is not on a mounted volume", pidFile)

	// Calls in flight get their shutdown timeout before the kubelet kills the pod.
	grace := at(t, pod, "terminationGracePeriodSeconds").(int)
	require.Greater(t, time.Duration(grace)*time.Second, config.DefaultShutdownTimeout)
}

// dockerfileUser reads the uid and gid of the image's USER instruction.
func dockerfileUser(t *testing.T) (string, string) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^USER\s+(\d+):(\d+)\s*$`).FindStringSubmatch(string(data))
	require.NotNil(t, m, "the Dockerfile has no numeric USER uid:gid")
	return m[1], m[2]
}

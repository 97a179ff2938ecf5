package server

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// snapshotDir holds one file per tool: the tool as tools/list serves it.
var snapshotDir = filepath.Join("testdata", "tools")

const snapshotHint = "run `UPDATE_SNAPSHOTS=1 go test ./internal/server -run TestToolSchemaSnapshots` " +
	"(or `make docs`) and review the diff"

// snapshot renders the parts of a served tool a client sees, as the server writes
// them: name, title, description, input schema and annotations, indented, with keys in
// order.
func snapshot(t *testing.T, all map[string]any) []byte {
	t.Helper()
	kept := map[string]any{}
	for _, k := range []string{"name", "title", "description", "inputSchema", "annotations"} {
		if v, ok := all[k]; ok {
			kept[k] = v
		}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	require.NoError(t, enc.Encode(kept))
	return buf.Bytes()
}

// TestToolSchemaSnapshots compares every tool the server can serve with its snapshot
// under testdata/tools, so a change to what clients see is a reviewed change.
// UPDATE_SNAPSHOTS=1 rewrites them and removes those of tools that are gone.
func TestToolSchemaSnapshots(t *testing.T) {
	listed := wireTools(t, newFullFixture(t))
	update := os.Getenv("UPDATE_SNAPSHOTS") == "1"
	if update {
		require.NoError(t, os.MkdirAll(snapshotDir, 0o755))
	}

	want := map[string]bool{}
	for name, tool := range listed {
		file := name + ".json"
		want[file] = true
		path := filepath.Join(snapshotDir, file)
		got := snapshot(t, tool)
		if update {
			require.NoError(t, os.WriteFile(path, got, 0o644))
			continue
		}
		stored, err := os.ReadFile(path)
		if os.IsNotExist(err) {
			t.Errorf("tool %s has no snapshot %s; %s", name, path, snapshotHint)
			continue
		}
		require.NoError(t, err)
		if !bytes.Equal(stored, got) {
			require.Equal(t, string(stored), string(got),
				"tool %s differs from its snapshot %s; if the change is intended, %s",
				name, path, snapshotHint)
		}
	}

	entries, err := os.ReadDir(snapshotDir)
	require.NoError(t, err, "no snapshots yet; %s", snapshotHint)
	var orphans []string
	for _, e := range entries {
		if want[e.Name()] {
			continue
		}
		if update && strings.HasSuffix(e.Name(), ".json") {
			require.NoError(t, os.Remove(filepath.Join(snapshotDir, e.Name())))
			continue
		}
		orphans = append(orphans, e.Name())
	}
	sort.Strings(orphans)
	require.Empty(t, orphans, "snapshots of tools the server no longer has; %s", snapshotHint)
}

package audit

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestEntryKeepsPairsWholeAcrossSwitches(t *testing.T) {
	var buf bytes.Buffer
	l := New(&buf)

	l.SetEnabled(false)
	unlogged := l.Begin("started_off", nil)
	l.SetEnabled(true)
	unlogged.OK(time.Millisecond, "ok")

	logged := l.Begin("started_on", map[string]any{"a": 1})
	l.SetEnabled(false)
	logged.Err(time.Millisecond, "Internal", "boom")

	require.Equal(t, "[TOOL CALL] started_on | args: {a: 1}\n"+
		"[TOOL ERR]  started_on | 1ms | Internal: boom\n", buf.String(),
		"a call started with logging off writes nothing; one started with it on writes both lines")

	var zero Entry
	zero.OK(time.Millisecond, "ok") // harmless
}

var stamped = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[TOOL OK\]`)

func TestSetDestinationMovesBetweenStreamAndFile(t *testing.T) {
	var stderr bytes.Buffer
	l := New(&stderr)
	path := filepath.Join(t.TempDir(), "audit.log")

	l.OK("on_stderr", time.Millisecond, "ok")
	require.NoError(t, l.SetDestination(path, &stderr))
	l.OK("in_file", time.Millisecond, "ok")
	require.NoError(t, l.Reopen(), "a file set at run time can be reopened after rotation")
	require.NoError(t, l.SetDestination("", &stderr))
	l.OK("back", time.Millisecond, "ok")

	require.Equal(t, "[TOOL OK]   on_stderr | 1ms | ok\n[TOOL OK]   back | 1ms | ok\n",
		stderr.String(), "lines on the stream carry no timestamps")
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Regexp(t, stamped, strings.TrimSpace(string(data)))
	require.Contains(t, string(data), "in_file")
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

	err = l.SetDestination(filepath.Join(t.TempDir(), "missing", "audit.log"), &stderr)
	require.ErrorIs(t, err, os.ErrNotExist)
	l.OK("still_here", time.Millisecond, "ok")
	require.Contains(t, stderr.String(), "still_here", "a failed switch changes nothing")

	require.NoError(t, l.Close())
	require.Error(t, l.SetDestination(path, nil))
}

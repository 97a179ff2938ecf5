package audit

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// linePattern matches any well-formed audit line without a timestamp.
var linePattern = regexp.MustCompile(`^(\[TOOL CALL\] \S+ \| args: \{.*\}` +
	`|\[TOOL OK\]   \S+ \| \d+ms \| .+` +
	`|\[TOOL ERR\]  \S+ \| \d+ms \| \S+: .+)$`)

func TestConcurrentLinesStayWhole(t *testing.T) {
	const goroutines, perGoroutine = 50, 200
	l, buf := newBufferLogger()
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			tool := fmt.Sprintf("tool_%02d", g)
			for i := range perGoroutine {
				switch i % 3 {
				case 0:
					l.Call(tool, map[string]any{"i": i, "name": strings.Repeat("x", i),
						"token": "t"})
				case 1:
					l.OK(tool, time.Duration(i)*time.Millisecond, Summary(i))
				default:
					l.Err(tool, time.Duration(i)*time.Millisecond, "Internal",
						fmt.Sprintf("failure %d\nsecond line", i))
				}
			}
		})
	}
	wg.Wait()

	require.True(t, bytes.HasSuffix(buf.Bytes(), []byte("\n")))
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	require.Len(t, lines, goroutines*perGoroutine)
	perTool := map[string]int{}
	for _, line := range lines {
		require.Regexp(t, linePattern, line)
		perTool[strings.Fields(line)[2]]++
	}
	require.Len(t, perTool, goroutines)
	for tool, n := range perTool {
		require.Equal(t, perGoroutine, n, tool)
	}
	require.Zero(t, l.WriteErrors())
}

func TestOpenFileCreatesPrivateFileWithTimestamps(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	clock := func() time.Time {
		return time.Date(2025, 3, 5, 7, 7, 8, 123_456_789, time.FixedZone("CET", 3600))
	}
	l, err := OpenFile(path, WithTimestamps(clock))
	require.NoError(t, err)
	l.OK("zia_list_locations", 342*time.Millisecond, Summary(15))
	require.NoError(t, l.Close())

	info, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o600), info.Mode().Perm())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, "2025-03-05T06:07:08.123Z [TOOL OK]   zia_list_locations | 342ms | 15 items\n",
		string(data))
}

func TestOpenFileAppendsAndKeepsExistingMode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "audit.log")
	require.NoError(t, os.WriteFile(path, []byte("earlier line\n"), 0o640))
	require.NoError(t, os.Chmod(path, 0o640)) // independent of the umask

	l, err := OpenFile(path)
	require.NoError(t, err)
	l.OK("t", time.Millisecond, "ok")
	require.NoError(t, l.Close())

	info, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o640), info.Mode().Perm())
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	require.Len(t, lines, 2)
	require.Equal(t, "earlier line", lines[0])
	// Default clock: a real, current UTC timestamp.
	require.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z \[TOOL OK\]   t \| 1ms \| ok$`,
		lines[1])
	stamp, err := time.Parse(timestampLayout, strings.Fields(lines[1])[0])
	require.NoError(t, err)
	require.WithinDuration(t, time.Now(), stamp, time.Minute)
}

func TestOpenFileReportsErrors(t *testing.T) {
	_, err := OpenFile(filepath.Join(t.TempDir(), "missing-dir", "audit.log"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestReopenFollowsRotation(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "audit.log")
	l, err := OpenFile(path)
	require.NoError(t, err)
	l.OK("before", time.Millisecond, "ok")
	require.NoError(t, os.Rename(path, path+".1"))
	l.OK("rotated", time.Millisecond, "ok") // still goes to the renamed file
	require.NoError(t, l.Reopen())
	l.OK("after", time.Millisecond, "ok")
	require.NoError(t, l.Close())

	old, err := os.ReadFile(path + ".1")
	require.NoError(t, err)
	current, err := os.ReadFile(path)
	require.NoError(t, err)
	require.Equal(t, 2, strings.Count(string(old), "\n"))
	require.Contains(t, string(old), "before")
	require.Contains(t, string(old), "rotated")
	require.Equal(t, 1, strings.Count(string(current), "\n"))
	require.Contains(t, string(current), "after")

	require.Error(t, l.Reopen(), "closed logger")
	require.Error(t, New(nil).Reopen(), "not a file logger")
}

func TestCloseDiscardsLaterLines(t *testing.T) {
	l, buf := newBufferLogger()
	require.NoError(t, l.Close())
	require.NoError(t, l.Close())
	l.OK("t", time.Millisecond, "ok")
	require.Empty(t, buf.String())
	require.Zero(t, l.WriteErrors())
}

type failingWriter struct{ short bool }

func (w failingWriter) Write(p []byte) (int, error) {
	if w.short {
		return len(p) - 1, nil
	}
	return 0, errors.New("disk full")
}

func TestWriteErrorsAreCounted(t *testing.T) {
	l := New(failingWriter{})
	l.OK("t", time.Millisecond, "ok")
	l.Err("t", time.Millisecond, "Internal", "x")
	require.Equal(t, uint64(2), l.WriteErrors())

	l.SetWriter(failingWriter{short: true})
	l.Call("t", nil)
	require.Equal(t, uint64(3), l.WriteErrors())
}

func TestSetWriterSwitchesDestination(t *testing.T) {
	var first, second bytes.Buffer
	l := New(&first)
	l.OK("one", time.Millisecond, "ok")
	l.SetWriter(&second)
	l.OK("two", time.Millisecond, "ok")
	require.Equal(t, "[TOOL OK]   one | 1ms | ok\n", first.String())
	require.Equal(t, "[TOOL OK]   two | 1ms | ok\n", second.String())
}

func TestEachLineIsASingleWrite(t *testing.T) {
	var rec recordingWriter
	l := New(&rec, WithTimestamps(nil))
	l.Call("t", map[string]any{"a": 1})
	l.OK("t", time.Millisecond, "ok")
	l.Err("t", time.Millisecond, "Internal", "x\ny")
	require.Len(t, rec.writes, 3)
	for _, w := range rec.writes {
		sc := bufio.NewScanner(strings.NewReader(w))
		require.True(t, sc.Scan())
		require.False(t, sc.Scan(), "one line per write: %q", w)
		require.True(t, strings.HasSuffix(w, "\n"))
	}
}

type recordingWriter struct{ writes []string }

func (r *recordingWriter) Write(p []byte) (int, error) {
	r.writes = append(r.writes, string(p))
	return len(p), nil
}

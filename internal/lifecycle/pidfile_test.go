package lifecycle

import (
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// deadPID returns the PID of a process that has exited and been reaped.
func deadPID(t *testing.T) int {
	t.Helper()
	cmd := exec.Command("true")
	require.NoError(t, cmd.Run())
	return cmd.Process.Pid
}

// parentRecord describes the test's parent process (go test), which is alive and is
// not this process.
func parentRecord() Record {
	pid := os.Getppid()
	start, _, _ := procStat(pid)
	return Record{PID: pid, ProcessStart: start, PIDNamespace: pidNamespace(),
		StartedAt: time.Now(), Transport: "stdio"}
}

func selfRecord() Record {
	rec := Record{StartedAt: time.Now(), Transport: "stdio", Version: "test"}
	Self().Stamp(&rec)
	return rec
}

func TestWriteCreatesReadableRecord(t *testing.T) {
	path := filepath.Join(t.TempDir(), "1.json")
	rec := selfRecord()
	rec.Argv = []string{"zscaler-mcp", "--demo"}
	require.NoError(t, Write(path, rec, Self()))

	got, err := Read(path)
	require.NoError(t, err)
	require.Equal(t, rec.PID, got.PID)
	require.Equal(t, rec.Argv, got.Argv)
	require.True(t, rec.StartedAt.Equal(got.StartedAt))
	fi, err := os.Stat(path)
	require.NoError(t, err)
	require.Equal(t, os.FileMode(0o644), fi.Mode().Perm())

	entries, err := os.ReadDir(filepath.Dir(path))
	require.NoError(t, err)
	require.Len(t, entries, 1, "no temporary file is left behind")
}

func TestWriteNeverReplacesALiveServersFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "server.json")
	owner := parentRecord()
	require.NoError(t, Write(path, owner, Identity{PID: owner.PID}))

	err := Write(path, selfRecord(), Self())
	var inUse *InUseError
	require.ErrorAs(t, err, &inUse)
	require.Equal(t, owner.PID, inUse.Owner.PID)
	require.Contains(t, err.Error(), path)

	got, err := Read(path)
	require.NoError(t, err)
	require.Equal(t, owner.PID, got.PID, "the live server's file is untouched")
}

func TestWriteReplacesStaleAndOwnFiles(t *testing.T) {
	dir := t.TempDir()
	cases := map[string]Record{
		"dead process": {PID: deadPID(t), StartedAt: time.Now(), Transport: "stdio"},
		"own file, earlier image": func() Record {
			r := selfRecord()
			r.Version = "old"
			return r
		}(),
		"earlier run of the container": func() Record {
			r := parentRecord()
			r.PIDNamespace = "pid:[1]"
			return r
		}(),
	}
	for name, old := range cases {
		t.Run(name, func(t *testing.T) {
			if old.PIDNamespace != "" && pidNamespace() == "" {
				t.Skip("PID namespaces are Linux only")
			}
			path := filepath.Join(dir, name+".json")
			require.NoError(t, Write(path, old, Identity{PID: old.PID}))
			rec := selfRecord()
			require.NoError(t, Write(path, rec, Self()))
			got, err := Read(path)
			require.NoError(t, err)
			require.Equal(t, os.Getpid(), got.PID)
			require.Equal(t, "test", got.Version)
		})
	}
}

func TestRemoveOnlyRemovesOwnFile(t *testing.T) {
	dir := t.TempDir()
	mine := filepath.Join(dir, "mine.json")
	theirs := filepath.Join(dir, "theirs.json")
	require.NoError(t, Write(mine, selfRecord(), Self()))
	other := parentRecord()
	require.NoError(t, Write(theirs, other, Identity{PID: other.PID}))

	require.False(t, Remove(theirs, Self()))
	require.FileExists(t, theirs)
	require.True(t, Remove(mine, Self()))
	require.NoFileExists(t, mine)
	require.False(t, Remove(mine, Self()), "removing twice is harmless")

	removed, err := RemoveStale(theirs)
	require.NoError(t, err)
	require.False(t, removed, "a live server's file is not stale")
	stale := filepath.Join(dir, "stale.json")
	require.NoError(t, Write(stale, Record{PID: deadPID(t), StartedAt: time.Now(),
		Transport: "stdio"}, Identity{}))
	removed, err = RemoveStale(stale)
	require.NoError(t, err)
	require.True(t, removed)
	removed, err = RemoveStale(stale)
	require.NoError(t, err)
	require.False(t, removed, "removing twice is harmless")
}

// TestRemoveStaleSaysWhyItCannot: a stale file another user's server left in a
// directory the caller may not write stays, and the caller learns why.
func TestRemoveStaleSaysWhyItCannot(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, "stale.json")
	require.NoError(t, Write(stale, Record{PID: deadPID(t), StartedAt: time.Now(),
		Transport: "stdio"}, Identity{}))
	if os.Geteuid() == 0 {
		// Root may write every directory; fail the removal as the kernel would.
		removeFile = func(path string) error {
			return &fs.PathError{Op: "remove", Path: path, Err: syscall.EACCES}
		}
		t.Cleanup(func() { removeFile = os.Remove })
	} else {
		require.NoError(t, os.Chmod(dir, 0o555))
		t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	}
	removed, err := RemoveStale(stale)
	require.False(t, removed)
	require.ErrorIs(t, err, fs.ErrPermission)
	require.ErrorContains(t, err, "remove stale PID file: remove "+stale+": permission denied")
	require.FileExists(t, stale)
}

func TestCheck(t *testing.T) {
	self := selfRecord()
	require.Equal(t, Live, Check(self))
	require.Equal(t, Stale, Check(Record{PID: deadPID(t)}))

	if self.ProcessStart != 0 {
		unknown := self
		unknown.ProcessStart = 0
		require.Equal(t, Stale, Check(unknown),
			"a record without a start time cannot be tied to the process behind its PID")
		reused := self
		reused.ProcessStart++
		require.Equal(t, Stale, Check(reused), "same PID, another process: the PID was reused")
	}
	if self.PIDNamespace != "" {
		foreign := self
		foreign.PIDNamespace = "pid:[1]"
		require.Equal(t, Foreign, Check(foreign))
		require.False(t, Self().Owns(foreign), "PID 1 of another container is not us")
	}
}

func TestReadRejectsOtherFiles(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"plain.pid": "1234\n", "empty.json": "{}", "garbage.json": "not json",
		"empty file.json": "", "truncated.json": `{"pid": 1, "started_at": "20`,
		// A bare PID would make a command signal whatever process has it (PID 1, say).
		"pid only.json": `{"pid": 1}`,
		"huge.json": `{"pid": 1, "started_at": "2025-03-05T09:12:01Z", "transport": "stdio",` +
			` "pad": "` + strings.Repeat("x", maxRecordSize) + `"}`,
	} {
		path := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
		_, err := Read(path)
		require.ErrorIs(t, err, ErrNotRecord, name)
	}
	_, err := Read(filepath.Join(dir, "missing.json"))
	require.ErrorIs(t, err, os.ErrNotExist)
}

func TestDiscover(t *testing.T) {
	dir := t.TempDir()
	older, newer := selfRecord(), parentRecord()
	older.StartedAt = time.Now().Add(-time.Hour)
	require.NoError(t, Write(InstanceFile(dir, newer.PID), newer, Identity{PID: newer.PID}))
	require.NoError(t, Write(InstanceFile(dir, older.PID), older, Self()))
	stale := Record{PID: deadPID(t), StartedAt: time.Now(), Transport: "stdio"}
	require.NoError(t, Write(InstanceFile(dir, stale.PID), stale, Identity{}))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".hidden.json"), []byte("x"), 0o600))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "bad.json"), []byte("x"), 0o600))

	found, skipped := Discover([]string{dir, filepath.Join(dir, "missing")})
	require.Len(t, skipped, 1, "bad.json is reported, not removed")
	require.ErrorIs(t, skipped[0], ErrNotRecord)
	require.FileExists(t, filepath.Join(dir, "bad.json"))
	require.Len(t, found, 3)
	require.Equal(t, older.PID, found[0].Record.PID, "oldest first")

	live, staleOnes, foreign := Split(found)
	require.Len(t, live, 2)
	require.Len(t, staleOnes, 1)
	require.Equal(t, stale.PID, staleOnes[0].Record.PID)
	require.Empty(t, foreign)
}

func TestWriteNamesThePIDFileWhenItsDirectoryIsMissing(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "missing")
	path := filepath.Join(dir, "server.json")
	err := Write(path, selfRecord(), Self())
	require.ErrorIs(t, err, fs.ErrNotExist)
	require.Equal(t, "write PID file "+path+": cannot create a file in "+dir+
		": no such file or directory", err.Error())
}

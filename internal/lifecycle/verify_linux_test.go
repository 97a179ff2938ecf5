package lifecycle

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

// running starts the program at path (a copy of sleep, say) and returns a record of
// it as a server would write it, naming exe as its executable.
func running(t *testing.T, path, exe string) Record {
	t.Helper()
	cmd := exec.Command(path, "30")
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	rec := Record{StartedAt: time.Now(), Transport: "stdio", Executable: exe}
	IdentityOf(cmd.Process.Pid).Stamp(&rec)
	require.Equal(t, Live, Check(rec))
	return rec
}

// published writes rec as a PID file and returns it as a command finds it.
func published(t *testing.T, rec Record) Instance {
	t.Helper()
	path := filepath.Join(t.TempDir(), "server.json")
	require.NoError(t, Write(path, rec, Identity{PID: rec.PID}))
	in, err := Inspect(path)
	require.NoError(t, err)
	return in
}

func sleepPath(t *testing.T) string {
	t.Helper()
	path, err := exec.LookPath("sleep")
	require.NoError(t, err)
	path, err = filepath.EvalSymlinks(path)
	require.NoError(t, err)
	return path
}

func TestVerifyPassesTheServerThatWroteTheFile(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	rec := selfRecord()
	rec.Executable = exe
	require.NoError(t, Verify(published(t, rec)))

	// An upgrade replaces the binary under the running server: /proc then shows the
	// old file as deleted, which is still the recorded executable.
	bin := filepath.Join(t.TempDir(), "zscaler-mcp")
	data, err := os.ReadFile(sleepPath(t))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(bin, data, 0o755))
	upgraded := running(t, bin, bin)
	require.NoError(t, os.Remove(bin))
	require.NoError(t, os.WriteFile(bin, []byte("#!/bin/sh\n"), 0o755))
	require.NoError(t, Verify(published(t, upgraded)))

	// A recorded path that reaches the same file through a symbolic link is the same.
	link := filepath.Join(t.TempDir(), "link")
	require.NoError(t, os.Symlink(filepath.Dir(sleepPath(t)), link))
	rec = running(t, sleepPath(t), filepath.Join(link, filepath.Base(sleepPath(t))))
	require.NoError(t, Verify(published(t, rec)))
}

// TestVerifyRefusesACraftedFile: a file whose PID and start time were copied from
// /proc passes Check, so Verify must catch it before anything is signalled.
func TestVerifyRefusesACraftedFile(t *testing.T) {
	exe, err := os.Executable()
	require.NoError(t, err)
	other := running(t, sleepPath(t), exe)
	in := published(t, other)
	err = Verify(in)
	var notServer *NotServerError
	require.ErrorAs(t, err, &notServer)
	require.Equal(t, in.Path, notServer.Path)
	require.Equal(t, "it runs "+sleepPath(t)+", not "+exe+" as the file records",
		notServer.Reason)
	require.Contains(t, err.Error(), "PID file "+in.Path+" names pid ")

	other.Executable = ""
	require.ErrorAs(t, Verify(published(t, other)), &notServer)
	require.Contains(t, notServer.Reason, "records no executable")

	require.ErrorIs(t, Verify(published(t, Record{PID: deadPID(t), StartedAt: time.Now(),
		Transport: "stdio", Executable: exe})), ErrNoProcess)
}

// TestVerifyRefusesAFileOfAnotherUser: a file that names a process of another user,
// executable and all, was not written by that process, since a server's PID file is
// its own user's. That is the file an untrusted directory would hold for root.
func TestVerifyRefusesAFileOfAnotherUser(t *testing.T) {
	if os.Geteuid() != 0 {
		t.Skip("only root can give a file to another user")
	}
	in := published(t, running(t, sleepPath(t), sleepPath(t)))
	require.NoError(t, Verify(in), "the same file, owned by the process's user")
	require.NoError(t, os.Chown(in.Path, 65534, 65534))
	var notServer *NotServerError
	require.ErrorAs(t, Verify(in), &notServer)
	require.Equal(t, "the file is owned by uid 65534 but the process runs as uid 0, and a "+
		"server's PID file is always owned by the user it runs as", notServer.Reason)
}

//go:build unix

package lifecycle

import (
	"os"
	"os/signal"
	"testing"
	"time"

	"github.com/stretchr/testify/require"
)

func TestSendDeliversAndReportsMissingProcesses(t *testing.T) {
	ch := make(chan os.Signal, 1)
	// Registered for the rest of the test binary's life: a late SIGHUP must never fall
	// back to the default action, which ends the process.
	signal.Notify(ch, Reload.OS())

	require.NoError(t, Reload.Send(os.Getpid()))
	select {
	case got := <-ch:
		require.Equal(t, Reload.OS(), got)
	case <-time.After(5 * time.Second):
		t.Fatal("SIGHUP not delivered")
	}

	require.ErrorIs(t, Stop.Send(deadPID(t)), ErrNoProcess)
	require.ErrorIs(t, Stop.Send(0), ErrNoProcess, "never signal a process group")
	require.ErrorIs(t, Signal(99).Send(os.Getpid()), ErrUnsupported)
	require.Equal(t, "SIGUSR2", Restart.String())
}

//go:build unix

package app

import (
	"bufio"
	"context"
	"os"
	"os/signal"
	"path/filepath"
	"regexp"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// guard catches SIGHUP and SIGUSR2 for the test binary, so that a signal still in
// flight after a server stops listening cannot fall back to the default action, which
// would end the test process. That is what makes sending real signals to the test
// process safe. Tests call guardSignals before sending any, because a restart makes
// the process ignore both signals, which also drops this registration.
var guard = make(chan os.Signal, 1)

func guardSignals() { signal.Notify(guard, syscall.SIGHUP, syscall.SIGUSR2) }

var (
	stampedLine = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ` +
		`(\[TOOL CALL\] zia_echo \| args: \{n: (\d+)\}` +
		`|\[TOOL OK\]   zia_echo \| \d+ms \| (\d+) items?` +
		`|\[TOOL ERR\]  zia_echo \| \d+ms \| InvalidArgument: refused (\d+))$`)
)

// TestSIGHUPStormDuringCallsKeepsEveryAuditPair sends 100 real SIGHUPs to the test
// process while 1,000 tool calls run. The signals reach the server's own signal
// handling (the control of Run), which coalesces them into reloads that reread the
// .env file and reopen the audit file; halfway through, the file is rotated as
// logrotate would. No audit line may be lost or torn, and every call that has a CALL
// line has exactly one OK or ERR line. With toggle, every reload flips auditing, so
// many calls straddle a switch; each must then have both lines or neither.
func TestSIGHUPStormDuringCallsKeepsEveryAuditPair(t *testing.T) {
	for _, toggle := range []bool{false, true} {
		name := "auditing stays on"
		if toggle {
			name = "auditing flips on every reload"
		}
		t.Run(name, func(t *testing.T) { sighupStorm(t, toggle) })
	}
}

func sighupStorm(t *testing.T, toggle bool) {
	const calls, workers, signals = 1000, 50, 100
	guardSignals()
	// Coalescing of bursts is tested in the lifecycle package; here each signal should
	// get its chance to cause a reload of its own, so that many calls straddle one.
	settle := reloadSettle
	reloadSettle = 0
	t.Cleanup(func() { reloadSettle = settle })

	dir := t.TempDir()
	auditFile := filepath.Join(dir, "audit.log")
	dotenv := filepath.Join(dir, ".env")
	settings := func(on bool) {
		writeDotenv(t, dotenv, "ZSCALER_MCP_LOG_TOOL_CALLS="+strconv.FormatBool(on),
			"ZSCALER_MCP_AUDIT_LOG_FILE="+auditFile)
	}
	settings(true)
	cfg, err := dotenvLoader(nil)(dotenv)
	require.NoError(t, err)
	cfg.DotenvPath = dotenv
	srv, auditLog := auditedServer(t, cfg)

	var loads atomic.Int64
	lc := Lifecycle{Reload: dotenvLoader(&loads),
		Places: lifecycle.Places{Override: filepath.Join(dir, "run")}}
	ctl := beginControl(cfg, "test", options{lifecycle: &lc}, discard())
	_, level := logTo(nil)
	ctl.serve(context.Background(),
		newReloader(cfg, discard(), level, auditLog, nil, newCredStore(cfg.Credentials),
			&resetCounter{}))
	c := inProcess(t, srv)

	var done atomic.Int64
	errs := make(chan error, calls)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < calls; i += workers {
				if err := callEcho(c, i); err != nil {
					errs <- err
				}
				done.Add(1)
			}
		})
	}
	// Spread the signals over the calls: signal k goes once k tenths of a percent of
	// the calls are done.
	for k := range signals {
		for done.Load() < int64(k*calls/signals) {
			time.Sleep(50 * time.Microsecond)
		}
		if toggle {
			settings(k%2 == 1)
		}
		if k == signals/2 {
			require.NoError(t, os.Rename(auditFile, auditFile+".1"))
		}
		require.NoError(t, syscall.Kill(os.Getpid(), syscall.SIGHUP))
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		require.NoError(t, err)
	}
	require.Eventually(t, func() bool { return loads.Load() > 0 }, 5*time.Second,
		5*time.Millisecond, "the signals caused no reload")
	ctl.end()
	require.NoError(t, auditLog.Close())
	t.Logf("%d SIGHUPs caused %d reloads", signals, loads.Load())

	called := map[int]int{}
	ended := map[int]int{}
	for _, file := range []string{auditFile + ".1", auditFile} {
		f, err := os.Open(file)
		require.NoError(t, err)
		sc := bufio.NewScanner(f)
		for sc.Scan() {
			m := stampedLine.FindStringSubmatch(sc.Text())
			require.NotNil(t, m, "torn or foreign line in %s: %q", file, sc.Text())
			switch {
			case m[2] != "":
				called[atoi(t, m[2])]++
			case m[3] != "":
				ended[atoi(t, m[3])]++
			default:
				ended[atoi(t, m[4])]++
			}
		}
		require.NoError(t, f.Close())
	}

	require.Equal(t, called, ended, "every CALL has exactly one OK or ERR, and no result "+
		"line is without its CALL")
	for n, count := range called {
		require.Equal(t, 1, count, "call %d", n)
	}
	if !toggle {
		require.Len(t, called, calls, "auditing stayed on: no call may be missing")
	} else {
		require.NotEmpty(t, called)
	}
}

func atoi(t *testing.T, s string) int {
	n, err := strconv.Atoi(s)
	require.NoError(t, err)
	return n
}

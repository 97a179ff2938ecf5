package main

import (
	"fmt"
	"io"
	"time"

	"github.com/spf13/cobra"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// exitError ends the process with code once a command has said why on its own.
type exitError struct{ code int }

func (e *exitError) Error() string { return fmt.Sprintf("exit status %d", e.code) }

// exitCode turns a lifecycle command's status into Execute's result.
func exitCode(code int) error {
	if code == 0 {
		return nil
	}
	return &exitError{code: code}
}

// lifecycleCommands are the subcommands that find and steer running servers. They
// are not servers: they may print to stdout.
func lifecycleCommands(rio runIO) []*cobra.Command {
	return []*cobra.Command{
		signalCommand(rio, "reload", lifecycle.Reload, "10s",
			"Reread the .env file of a running server and apply what can change live",
			"Sends SIGHUP. The server rereads the .env file it started with (its values win over\n"+
				"the environment; flags still win over both), validates the whole configuration, and\n"+
				"only then applies auditing on or off, the audit file (reopened, so logrotate works),\n"+
				"the log level and the credentials (the next call fetches a new token). Settings that\n"+
				"need a restart are named in its log and here. Sessions and running calls are kept.\n"+
				"Waits for the server to report the outcome."),
		signalCommand(rio, "restart", lifecycle.Restart,
			"the server's shutdown timeout plus 25s",
			"Drain a running HTTP server and start it again in place, with the same PID",
			"Sends SIGUSR2. The server checks the configuration it would start with, finishes the\n"+
				"calls already received, then replaces itself with the same binary, arguments and\n"+
				"environment, keeping its PID (so it works for PID 1 in a container). HTTP clients\n"+
				"reconnect. Not available for stdio servers, whose client owns the pipes. Waits for\n"+
				"the server to serve again."),
		signalCommand(rio, "stop", lifecycle.Stop, "the server's shutdown timeout plus 5s",
			"Stop a running server after its calls finish",
			"Sends SIGTERM. The server stops taking calls, lets running ones finish within\n"+
				"ZSCALER_MCP_SHUTDOWN_TIMEOUT, writes their audit lines, removes its PID file and\n"+
				"exits 0. Waits for the process to end and reports how it ended."),
		statusCommand(rio),
	}
}

// targetFlags choose the server a command acts on.
type targetFlags struct {
	pidFile string
	pid     int
}

func (t *targetFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&t.pidFile, "pid-file", "",
		"the server's PID file (default: $ZSCALER_MCP_PID_FILE, else every file in the run directories)")
	cmd.Flags().IntVar(&t.pid, "pid", 0, "the server's process id, when several run")
}

const exitHelp = "\n\nExit status: 0 done; 1 no server, a stale PID file (then removed) or " +
	"the server refused or failed; 2 a usage error or a platform without the signal."

// signalCommand builds reload, restart or stop; wait says how long it waits by default.
func signalCommand(rio runIO, name string, sig lifecycle.Signal, wait,
	short, long string) *cobra.Command {
	var t targetFlags
	var timeout time.Duration
	var force bool
	cmd := &cobra.Command{
		Use:           name,
		Short:         short,
		Long:          long + exitHelp,
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !sig.Supported() {
				fmt.Fprintf(rio.stderr, "zscaler-mcp %s: this platform has no %s; lifecycle "+
					"signals need Linux, macOS or another Unix.\n", name, sig)
				return exitCode(2)
			}
			f := finder{flags: t, out: rio.stdout, errw: rio.stderr, command: name}
			in, code := f.one()
			if code != 0 {
				return exitCode(code)
			}
			s := signaller{out: rio.stdout, errw: rio.stderr, in: in, timeout: timeout,
				force: force}
			switch sig {
			case lifecycle.Reload:
				return exitCode(s.reload())
			case lifecycle.Restart:
				return exitCode(s.restart())
			default:
				return exitCode(s.stop())
			}
		},
	}
	t.add(cmd)
	cmd.Flags().DurationVar(&timeout, "timeout", 0,
		"how long to wait for the outcome (default: "+wait+")")
	if sig == lifecycle.Stop {
		cmd.Flags().BoolVar(&force, "force", false,
			"if the server is still running at the timeout, kill it (SIGKILL)")
	}
	return cmd
}

func statusCommand(rio runIO) *cobra.Command {
	var t targetFlags
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "status",
		Short: "Show the running servers: PID, uptime, transport, .env file, reload or restart advice",
		Long: "Lists every server with a PID file in the run directories (or the one chosen with\n" +
			"--pid-file or --pid): whether it is alive, since when, what it serves, where a reload\n" +
			"or a restart would take its settings from, and how its last reload went. Stale PID\n" +
			"files are shown once and removed.\n\nExit status: 0 at least one server is running; " +
			"1 none is (no PID file, or only stale ones); 2 a usage error.",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			f := finder{flags: t, out: rio.stdout, errw: rio.stderr, command: "status"}
			return exitCode(f.status(asJSON, time.Now()))
		},
	}
	t.add(cmd)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the PID file records and their state as JSON")
	return cmd
}

// printf writes to a command's stream; a failed write to a terminal has nowhere to go.
func printf(w io.Writer, format string, args ...any) {
	_, _ = fmt.Fprintf(w, format, args...)
}

// Command zscaler-mcp serves a Zscaler tenant to AI agents over the Model Context
// Protocol. See the README and docs/ for configuration.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/zscaler/zscaler-mcp/internal/app"
	"github.com/zscaler/zscaler-mcp/internal/config"
)

func main() {
	os.Exit(run())
}

func run() int {
	// A reader of stderr or stdout that goes away must not kill the server: writes then
	// fail with EPIPE, which the audit log reports, instead of raising SIGPIPE.
	signal.Ignore(syscall.SIGPIPE)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go exitOnSecondSignal(ctx)

	// The protocol owns stdout. Anything else that prints to os.Stdout, such as a
	// dependency's stray logging, lands on stderr instead of corrupting the stream.
	protocol := os.Stdout
	os.Stdout = os.Stderr

	cmd := newRootCommand(ctx, runIO{in: os.Stdin, stdout: protocol, stderr: os.Stderr}, nil)
	err := cmd.Execute()
	var restart *app.RestartError
	if errors.As(err, &restart) {
		// Everything is closed and flushed by now; on success this never returns.
		err = restart.Exec()
		fmt.Fprintln(os.Stderr, "zscaler-mcp: restart failed:", err)
		return 1
	}
	var exit *exitError
	if errors.As(err, &exit) {
		return exit.code // the command has said why
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "zscaler-mcp:", err)
	}
	return exitStatus(err)
}

// exitOnSecondSignal ends the process at once on the second SIGINT or SIGTERM, while
// the first one drains it. Restoring the default handling would not do: a process
// started with SIGINT ignored (a background job of a script) gets it ignored again.
func exitOnSecondSignal(ctx context.Context) {
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, os.Interrupt, syscall.SIGTERM)
	<-ctx.Done()
	<-signals // the first one, which started the drain
	s := <-signals
	fmt.Fprintf(os.Stderr, "zscaler-mcp: second %v while finishing calls; exiting at once\n", s)
	code := 1
	if n, ok := s.(syscall.Signal); ok {
		code = 128 + int(n) // as a shell reports a process a signal ended
	}
	os.Exit(code)
}

// exitStatus is 0 on success, 2 when the user asked for something invalid, else 1.
func exitStatus(err error) int {
	if err == nil {
		return 0
	}
	var usage *usageError
	var bad *config.Error
	if errors.As(err, &usage) || errors.As(err, &bad) {
		return 2
	}
	return 1
}

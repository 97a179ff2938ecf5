// Package lifecycle lets an operator find and steer running servers: the PID file each
// server publishes once it is ready, the run directory that holds one such file per
// instance, liveness checks that survive PID reuse and PID namespaces, signalling,
// the status report, and the coalescing of reload requests.
//
// A server writes its record with [Write] (atomically, never over the file of another
// live server) and removes it with [Remove] on a clean exit. Lifecycle commands find
// records with [Discover] or [Inspect], judge them with [Check], make sure with
// [Verify] that the process is the server that wrote the record, and reach it with
// [Signal]. [OpenTrusted] opens a file only if no other user could have written it. Nothing here reads the process environment: callers pass in what
// they read, so the package is the same for the server, the commands and the tests.
package lifecycle

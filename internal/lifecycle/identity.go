package lifecycle

import "os"

// Identity tells one process apart from any other that ever had, or will have, its
// PID: a restarted container's PID 1, or a recycled PID on a long-running host.
type Identity struct {
	PID          int
	ProcessStart uint64
	PIDNamespace string
}

// Self returns the identity of the calling process.
func Self() Identity {
	pid := os.Getpid()
	start, _, _ := procStat(pid)
	return Identity{PID: pid, ProcessStart: start, PIDNamespace: pidNamespace()}
}

// IdentityOf returns the identity of process pid as seen from the calling process,
// which it takes to share pid's PID namespace.
func IdentityOf(pid int) Identity {
	start, _, _ := procStat(pid)
	return Identity{PID: pid, ProcessStart: start, PIDNamespace: pidNamespace()}
}

// Stamp fills rec's identity fields from id.
func (id Identity) Stamp(rec *Record) {
	rec.PID, rec.ProcessStart, rec.PIDNamespace = id.PID, id.ProcessStart, id.PIDNamespace
}

// Owns reports whether rec was written by this process (or by an earlier image of
// it, before a restart replaced the image under the same PID). A record from another
// PID namespace is never ours, even with the same number.
func (id Identity) Owns(rec Record) bool {
	if rec.PID != id.PID {
		return false
	}
	return rec.PIDNamespace == "" || id.PIDNamespace == "" || rec.PIDNamespace == id.PIDNamespace
}

// State is what a record says about its server, seen from the calling process.
type State int

// States of a record.
const (
	// Live: the process is running and is the one that wrote the record.
	Live State = iota
	// Stale: the process is gone, or its PID now belongs to another process.
	Stale
	// Foreign: the record was written in another PID namespace (another container,
	// say), where its PID means something else; it can be neither judged nor
	// signalled from here.
	Foreign
)

// String names the state as status prints it.
func (s State) String() string {
	switch s {
	case Live:
		return "alive"
	case Stale:
		return "stale"
	}
	return "other PID namespace"
}

// Check judges rec from the calling process.
func Check(rec Record) State {
	if ns := pidNamespace(); rec.PIDNamespace != "" && ns != "" && rec.PIDNamespace != ns {
		return Foreign
	}
	if !exists(rec.PID) {
		return Stale
	}
	start, zombie, ok := procStat(rec.PID)
	// Where /proc tells start times, every server records its own; a record without
	// one cannot be tied to the process now behind its PID, which is then not
	// signalled.
	if ok && (zombie || start != rec.ProcessStart) {
		return Stale
	}
	return Live
}

// Running reports whether the process of rec is still running (not exited, not a
// zombie, PID not reused). Lifecycle commands poll it while waiting for a stop.
func Running(rec Record) bool { return Check(rec) == Live }

package lifecycle

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"strconv"
	"time"
)

// Server states a record can announce.
const (
	StateServing    = "serving"
	StateRestarting = "restarting"
	StateStopping   = "stopping"
)

// Record is the content of a PID file: who the server is, how it was started, and
// how its last reload or restart request went, so lifecycle commands can report
// outcomes instead of guessing.
type Record struct {
	PID       int       `json:"pid"`
	StartedAt time.Time `json:"started_at"`
	Version   string    `json:"version"`
	Transport string    `json:"transport"`
	// Host and Port are the bound address of HTTP transports; empty for stdio.
	Host string `json:"host,omitempty"`
	Port int    `json:"port,omitempty"`
	// DotenvPath is the .env file read at start, which reload rereads; "" when none.
	DotenvPath string   `json:"dotenv_path"`
	Argv       []string `json:"argv"`
	Executable string   `json:"executable"`
	// Workdir is the server's working directory, where a default ./.env is looked for.
	Workdir string `json:"workdir"`
	// ShutdownTimeoutSeconds bounds the drain on stop; stop waits a little longer.
	ShutdownTimeoutSeconds float64 `json:"shutdown_timeout_seconds"`
	State                  string  `json:"state"`

	// ProcessStart identifies the process beyond its PID (clock ticks after boot, from
	// /proc on Linux), so a recycled PID is not taken for the server. Zero if unknown.
	ProcessStart uint64 `json:"process_start,omitempty"`
	// PIDNamespace names the PID namespace the PID is valid in, on Linux.
	PIDNamespace string `json:"pid_namespace,omitempty"`

	LastReload     *ReloadOutcome `json:"last_reload,omitempty"`
	RestartRefused *Refusal       `json:"restart_refused,omitempty"`
}

// ReloadOutcome is what the last reload did.
type ReloadOutcome struct {
	// At is when the reload began, after the request that caused it was received.
	At time.Time `json:"at"`
	OK bool      `json:"ok"`
	// Error says why the new configuration was refused; the old one stays.
	Error string `json:"error,omitempty"`
	// Applied lists what changed at once, in words ("auditing on").
	Applied []string `json:"applied,omitempty"`
	// RestartNeeded names the settings that changed but only apply on restart.
	RestartNeeded []string `json:"restart_needed,omitempty"`
	// Requests is how many reload requests this one reload served.
	Requests uint64 `json:"requests,omitempty"`
}

// Refusal records a request the server turned down and why.
type Refusal struct {
	At     time.Time `json:"at"`
	Reason string    `json:"reason"`
}

// ShutdownTimeout is the recorded drain bound.
func (r Record) ShutdownTimeout() time.Duration {
	return time.Duration(r.ShutdownTimeoutSeconds * float64(time.Second))
}

// Bind is host:port for HTTP transports, "" for stdio.
func (r Record) Bind() string {
	if r.Port == 0 {
		return ""
	}
	return net.JoinHostPort(r.Host, strconv.Itoa(r.Port))
}

// ErrNotRecord marks a file that exists but is not a PID file of this server.
var ErrNotRecord = errors.New("not a zscaler-mcp PID file")

// maxRecordSize bounds what Read loads: a record is a few hundred bytes, and a
// command that scans the run directories must not load whatever large file lies there.
const maxRecordSize = 1 << 20

// Read loads the record at path. A missing file gives an error satisfying
// errors.Is(err, fs.ErrNotExist); a file that does not hold a record, ErrNotRecord.
// Every server writes its PID, start time and transport, so a file without them is
// not taken for a record: a command would otherwise signal whatever process its PID
// names.
func Read(path string) (Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return Record{}, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRecordSize+1))
	if err != nil {
		return Record{}, fmt.Errorf("read %s: %w", path, err)
	}
	var rec Record
	if len(data) > maxRecordSize || json.Unmarshal(data, &rec) != nil || rec.PID <= 0 ||
		rec.StartedAt.IsZero() || rec.Transport == "" {
		return Record{}, fmt.Errorf("%s: %w", path, ErrNotRecord)
	}
	return rec, nil
}

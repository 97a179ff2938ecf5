package app

import (
	"errors"
	"log/slog"
	"net"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/config"
	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// instance is this server's PID file: where it goes, what it says, and whether it has
// been written. Every method is safe to call on a server without a PID file.
type instance struct {
	logger *slog.Logger
	self   lifecycle.Identity

	mu      sync.Mutex
	path    string // "" when this server has no PID file
	rec     lifecycle.Record
	written bool
	keep    bool // a restart hands the file to the next image
}

// newInstance decides where the PID file goes. An explicit file held by another live
// server is left alone: this server then uses its own file in the run directory, so
// neither can be mistaken for the other.
func newInstance(cfg *config.Config, version string, lc *Lifecycle, logger *slog.Logger) *instance {
	in := &instance{logger: logger, self: lifecycle.Self()}
	if lc == nil {
		return in
	}
	in.rec = lifecycle.Record{
		StartedAt:              time.Now(),
		Version:                version,
		Transport:              cfg.Transport,
		DotenvPath:             cfg.DotenvPath,
		Argv:                   lc.Argv,
		Executable:             lc.Executable,
		Workdir:                lc.Workdir,
		ShutdownTimeoutSeconds: cfg.ShutdownTimeout.Seconds(),
		State:                  lifecycle.StateServing,
	}
	in.self.Stamp(&in.rec)
	// Lifecycle commands may run elsewhere; they need a path that means the same there.
	if p := in.rec.DotenvPath; p != "" && !filepath.IsAbs(p) && lc.Workdir != "" {
		in.rec.DotenvPath = filepath.Join(lc.Workdir, p)
	}

	if cfg.PIDFile != "" {
		owner, err := lifecycle.Inspect(cfg.PIDFile)
		if err != nil || in.self.Owns(owner.Record) || owner.State != lifecycle.Live {
			in.path = cfg.PIDFile
			return in
		}
		logger.Warn("the PID file belongs to another running server; this one writes its own "+
			"in the run directory instead", "pid_file", cfg.PIDFile, "owner_pid", owner.Record.PID)
	}
	dir, err := lc.Places.Choose()
	if err != nil {
		logger.Warn("no PID file will be written; lifecycle commands will not find this server",
			"error", err)
		return in
	}
	in.path = lifecycle.InstanceFile(dir, in.self.PID)
	return in
}

// ready publishes the PID file once the server takes requests.
func (in *instance) ready(addr string) {
	in.mu.Lock()
	defer in.mu.Unlock()
	if in.path == "" {
		return
	}
	if host, port, err := net.SplitHostPort(addr); err == nil {
		in.rec.Host = host
		in.rec.Port, _ = strconv.Atoi(port)
	}
	if old, err := lifecycle.Inspect(in.path); err == nil && old.State == lifecycle.Foreign {
		in.logger.Info("replacing a PID file written in another PID namespace, presumably "+
			"by an earlier run of this container", "pid_file", in.path)
	}
	if err := in.writeLocked(); err != nil {
		var inUse *lifecycle.InUseError
		if errors.As(err, &inUse) {
			in.logger.Warn("no PID file written: another running server took it first",
				"pid_file", in.path, "owner_pid", inUse.Owner.PID)
		} else {
			in.logger.Warn("no PID file written; lifecycle commands will not find this server",
				"error", err)
		}
		in.path = ""
		return
	}
	in.written = true
	in.logger.Info("PID file written", "path", in.path)
}

// update changes the record and rewrites the file, if it has been written.
func (in *instance) update(change func(*lifecycle.Record)) {
	in.mu.Lock()
	defer in.mu.Unlock()
	change(&in.rec)
	if !in.written {
		return
	}
	if err := in.writeLocked(); err != nil {
		in.logger.Warn("PID file could not be updated", "path", in.path, "error", err)
	}
}

func (in *instance) writeLocked() error {
	return lifecycle.Write(in.path, in.rec, in.self)
}

// handOver keeps the file for the next process image and returns its path.
func (in *instance) handOver() string {
	in.mu.Lock()
	defer in.mu.Unlock()
	in.keep = true
	if !in.written {
		return ""
	}
	return in.path
}

// release removes the PID file on the way out, unless a restart hands it over.
func (in *instance) release() {
	in.mu.Lock()
	defer in.mu.Unlock()
	if !in.written || in.keep {
		return
	}
	if lifecycle.Remove(in.path, in.self) {
		in.logger.Info("PID file removed", "path", in.path)
	}
	in.written = false
}

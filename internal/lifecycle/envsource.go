package lifecycle

import (
	"os"
	"path/filepath"
)

// Env-source labels, as status and reload print them. They say where a reload or a
// restart of the server would take its settings from.
const (
	// EnvLive: the .env file the server started with is there; reload rereads it.
	EnvLive = "live"
	// EnvLiveBindMounted: the same, and the file comes from outside the container
	// (a bind mount or volume), so it can be edited on the host.
	EnvLiveBindMounted = "live (bind-mounted)"
	// EnvFreshDiscovery: the server started without a .env file but one now exists in
	// its working directory; a restart picks it up, a reload does not.
	EnvFreshDiscovery = "fresh-discovery"
	// EnvMissing: the .env file the server started with is gone.
	EnvMissing = "missing"
	// EnvNone: no .env file then or now; only the environment and flags apply.
	EnvNone = "none"
)

// EnvSource is the classification of a server's .env file, with one line of advice.
type EnvSource struct {
	Label string
	// Path is the file the label is about: the recorded one, or the one a restart
	// would discover.
	Path   string
	Advice string
}

// ClassifyEnvSource says where rec's server would take settings from on reload and
// on restart, looking at the files as this process sees them (run it in the server's
// container or mount namespace).
func ClassifyEnvSource(rec Record) EnvSource {
	stdio := rec.Transport == "stdio"
	if rec.DotenvPath != "" {
		if !isFile(rec.DotenvPath) {
			return EnvSource{Label: EnvMissing, Path: rec.DotenvPath,
				Advice: "the .env file the server started with is gone: a reload keeps the " +
					"running settings and a restart is refused; put the file back (docker cp " +
					"or a bind mount), then reload"}
		}
		label := EnvLive
		advice := "edit the file, then reload for credentials, auditing, the audit file and " +
			"the log level"
		if bindMounted(rec.DotenvPath) {
			label = EnvLiveBindMounted
			advice = "edit the file on the host, then reload for credentials, auditing, the " +
				"audit file and the log level"
		}
		if stdio {
			return EnvSource{Label: label, Path: rec.DotenvPath, Advice: advice +
				"; other settings need the client to start the server again"}
		}
		return EnvSource{Label: label, Path: rec.DotenvPath,
			Advice: advice + "; restart for everything else (transport, address, toolsets, " +
				"write settings)"}
	}

	if rec.Workdir != "" {
		if candidate := filepath.Join(rec.Workdir, ".env"); isFile(candidate) {
			label := EnvFreshDiscovery
			if bindMounted(candidate) {
				label += " (bind-mounted)"
			}
			advice := "restart to read it; a reload does not, since the server started " +
				"without it"
			if stdio {
				advice = "the client must start the server again to read it; a reload does " +
					"not, since the server started without it"
			}
			return EnvSource{Label: label, Path: candidate, Advice: advice}
		}
	}
	advice := "the server runs on its environment and flags alone; add a .env file in its " +
		"working directory (docker cp or a bind mount) and restart, or recreate the container " +
		"with new settings"
	if stdio {
		advice = "the server runs on its environment and flags alone; change the client's " +
			"server configuration instead"
	}
	return EnvSource{Label: EnvNone, Advice: advice}
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

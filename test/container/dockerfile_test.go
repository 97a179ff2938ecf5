// Package container checks the container image without a container engine: it reads
// the Dockerfile, builds the binary with the Dockerfile's own build command, checks the
// result is static and stamped, and runs it the way the image would (non-root, an
// environment holding only what the image sets, a root directory with no shell, PID 1
// of its own PID namespace), down to the image's health check.
package container

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/zscaler/zscaler-mcp/internal/lifecycle"
)

// repoRoot is the repository root, seen from this package's directory.
const repoRoot = "../.."

// instruction is one Dockerfile instruction with its continuation lines joined.
type instruction struct {
	line int    // where it starts
	cmd  string // upper-cased: FROM, RUN, ...
	rest string // everything after the instruction word
}

// image is what the tests need to know about the Dockerfile.
type image struct {
	goVersion   string            // default of ARG GO_VERSION
	buildRun    string            // the build stage's RUN that runs go build, without RUN flags
	buildStage  string            // the name of the stage that builds
	builtPath   string            // where that command writes the binary (its -o)
	binaryPath  string            // where the final stage puts the binary
	ownedDirs   map[string]string // directories the final stage copies in with --chown, to uid:gid
	env         map[string]string // ENV of the final stage
	envOrder    []string
	user        string   // USER of the final stage
	workdir     string   // WORKDIR of the final stage
	expose      []string // EXPOSE of the final stage
	entrypoint  []string
	healthcheck []string // the HEALTHCHECK's CMD
}

// parseInstructions splits a Dockerfile into instructions: comment lines are dropped
// (also inside continued instructions, as Docker does) and a trailing backslash
// continues an instruction on the next line.
func parseInstructions(t *testing.T, text string) []instruction {
	t.Helper()
	var out []instruction
	var cur *instruction
	for i, raw := range strings.Split(text, "\n") {
		line := strings.TrimSpace(raw)
		if strings.HasPrefix(line, "#") || (line == "" && cur == nil) {
			continue
		}
		cont := strings.HasSuffix(line, "\\")
		line = strings.TrimSuffix(line, "\\")
		if cur == nil {
			word, rest, _ := strings.Cut(line, " ")
			cur = &instruction{line: i + 1, cmd: strings.ToUpper(word), rest: strings.TrimSpace(rest)}
		} else {
			cur.rest = strings.TrimSpace(cur.rest + " " + strings.TrimSpace(line))
		}
		if !cont {
			out = append(out, *cur)
			cur = nil
		}
	}
	require.Nil(t, cur, "the Dockerfile ends inside a continued instruction")
	return out
}

// readImage reads the repository's Dockerfile.
func readImage(t *testing.T) image {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repoRoot, "Dockerfile"))
	require.NoError(t, err)

	img := image{env: map[string]string{}, ownedDirs: map[string]string{}}
	stage, final := -1, false
	var stageName string
	for _, in := range parseInstructions(t, string(data)) {
		where := fmt.Sprintf("Dockerfile:%d: %s", in.line, in.cmd)
		switch in.cmd {
		case "FROM":
			stage++
			words := strings.Fields(in.rest)
			stageName = ""
			if n := len(words); n >= 3 && strings.EqualFold(words[n-2], "AS") {
				stageName = words[n-1]
			}
			final = false
		case "ARG":
			if stage < 0 {
				if name, def, ok := strings.Cut(in.rest, "="); ok && name == "GO_VERSION" {
					img.goVersion = def
				}
			}
		case "RUN":
			cmd := stripFlags(in.rest)
			if strings.Contains(cmd, "go build") {
				require.Empty(t, img.buildRun, "%s: one RUN may build the binary", where)
				img.buildRun, img.buildStage = cmd, stageName
			}
		case "COPY":
			words := strings.Fields(in.rest)
			if len(words) == 3 && strings.HasPrefix(words[0], "--from=") {
				require.Equal(t, "--from="+img.buildStage, words[0], where)
				img.builtPath, img.binaryPath = words[1], words[2]
				final = true
			}
			// A directory copied in for the server's user, such as the run directory.
			if final && len(words) == 4 && strings.HasPrefix(words[0], "--from=") &&
				strings.HasPrefix(words[1], "--chown=") && strings.HasSuffix(words[2], "/") {
				dest := strings.TrimSuffix(words[3], "/")
				img.ownedDirs[dest] = strings.TrimPrefix(words[1], "--chown=")
			}
		}
		if !final {
			continue
		}
		switch in.cmd {
		case "ENV":
			for _, kv := range shellWords(t, in.rest, nil) {
				k, v, ok := strings.Cut(kv, "=")
				require.True(t, ok, "%s: use the KEY=value form", where)
				img.env[k] = v
				img.envOrder = append(img.envOrder, k)
			}
		case "USER":
			img.user = in.rest
		case "WORKDIR":
			img.workdir = in.rest
		case "EXPOSE":
			img.expose = strings.Fields(in.rest)
		case "ENTRYPOINT":
			require.NoError(t, json.Unmarshal([]byte(in.rest), &img.entrypoint),
				"%s: use the exec (JSON) form, so the server is PID 1 and gets signals", where)
		case "HEALTHCHECK":
			_, cmd, ok := strings.Cut(in.rest, "CMD ")
			require.True(t, ok, where)
			require.NoError(t, json.Unmarshal([]byte(cmd), &img.healthcheck),
				"%s: use the exec (JSON) form; the image has no shell", where)
		}
	}
	require.NotEmpty(t, img.buildRun, "no RUN in the Dockerfile runs go build")
	require.NotEmpty(t, img.binaryPath, "the final stage does not copy the binary from the build stage")
	return img
}

// stripFlags removes RUN's own flags (--mount=..., --network=...) from its command.
func stripFlags(run string) string {
	for strings.HasPrefix(run, "--") {
		_, rest, _ := strings.Cut(run, " ")
		run = strings.TrimSpace(rest)
	}
	return run
}

// shellWords splits a simple shell command into words the way sh would: blanks
// separate words, quotes group, and $NAME and ${NAME} expand from vars outside single
// quotes. Anything beyond one simple command fails the test, so the Dockerfile's
// build command stays one that this test can run word for word.
func shellWords(t *testing.T, s string, vars map[string]string) []string {
	t.Helper()
	var words []string
	var cur strings.Builder
	inWord := false
	quote := rune(0)
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		c := rs[i]
		switch {
		case quote == '\'':
			if c == '\'' {
				quote = 0
			} else {
				cur.WriteRune(c)
			}
		case quote == '"' && c == '"':
			quote = 0
		case quote == 0 && (c == '\'' || c == '"'):
			quote, inWord = c, true
		case c == '$':
			name, n := varName(rs[i+1:])
			require.NotEmpty(t, name, "unsupported $ form in %q", s)
			v, ok := vars[name]
			require.True(t, ok, "the build command uses $%s, which this test does not set", name)
			cur.WriteString(v)
			inWord = true
			i += n
		case quote == 0 && (c == ' ' || c == '\t'):
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case quote == 0 && strings.ContainsRune(";&|<>`()\\", c):
			t.Fatalf("the build command must be one simple command; %q has %q", s, c)
		default:
			cur.WriteRune(c)
			inWord = true
		}
	}
	require.Zero(t, quote, "unterminated quote in %q", s)
	if inWord {
		words = append(words, cur.String())
	}
	return words
}

// varName reads NAME or {NAME} after a $ and returns the name and the runes read.
func varName(rs []rune) (string, int) {
	if len(rs) > 0 && rs[0] == '{' {
		for n := 1; n < len(rs); n++ {
			if rs[n] == '}' {
				return string(rs[1:n]), n + 1
			}
		}
		return "", 0
	}
	n := 0
	for n < len(rs) && (rs[n] == '_' || rs[n] >= 'A' && rs[n] <= 'Z' ||
		rs[n] >= 'a' && rs[n] <= 'z' || n > 0 && rs[n] >= '0' && rs[n] <= '9') {
		n++
	}
	return string(rs[:n]), n
}

func TestShellWords(t *testing.T) {
	vars := map[string]string{"A": "x y", "B": "z"}
	require.Equal(t, []string{"CGO_ENABLED=0", "go", "-ldflags", "-s -X v=x y", "z/q", "$A"},
		shellWords(t, `CGO_ENABLED=0 go  -ldflags "-s -X v=${A}" $B/q '$A'`, vars))
	require.Equal(t, []string{"a=", "b"}, shellWords(t, `a="" b`, vars))
}

func TestDockerfileDescribesTheImage(t *testing.T) {
	img := readImage(t)

	gomod, err := os.ReadFile(filepath.Join(repoRoot, "go.mod"))
	require.NoError(t, err)
	var goLine string
	for _, l := range strings.Split(string(gomod), "\n") {
		if strings.HasPrefix(l, "go ") {
			goLine = strings.TrimSpace(strings.TrimPrefix(l, "go "))
		}
	}
	require.Equal(t, goLine, img.goVersion,
		"ARG GO_VERSION must be go.mod's go version, or the build image cannot build it")

	require.Equal(t, []string{"zscaler-mcp"}, img.entrypoint,
		"the entrypoint is the binary alone, found on PATH, stdio unless configured")
	require.Equal(t, []string{"zscaler-mcp", "healthcheck"}, img.healthcheck,
		"the health check uses the binary itself; the image has no curl")
	require.Contains(t, img.expose, "8000")
	require.NotEmpty(t, img.workdir)
	uid, gid := userIDs(t, img.user)
	require.NotZero(t, uid, "the image must not run as root")
	require.NotZero(t, gid)
	require.Equal(t, img.user, img.ownedDirs[lifecycle.SystemRunDir],
		"the image must give %s to its user, so the server writes its PID file where "+
			"`docker exec <container> zscaler-mcp reload` looks first", lifecycle.SystemRunDir)
	require.True(t, filepath.IsAbs(img.workdir), "WORKDIR %q: the server looks for .env there",
		img.workdir)

	onPath := false
	for _, dir := range filepath.SplitList(img.env["PATH"]) {
		onPath = onPath || filepath.Join(dir, "zscaler-mcp") == img.binaryPath
	}
	require.True(t, onPath, "%s must be on the image's PATH (%q) so that "+
		"`docker exec <container> zscaler-mcp ...` works", img.binaryPath, img.env["PATH"])
	for k := range img.env {
		require.False(t, strings.Contains(k, "SECRET") || strings.Contains(k, "KEY"),
			"the image must not carry credentials (%s)", k)
	}
}

func TestDockerignoreKeepsSecretsAndHistoryOut(t *testing.T) {
	data, err := os.ReadFile(filepath.Join(repoRoot, ".dockerignore"))
	require.NoError(t, err)
	var rules []string
	for _, l := range strings.Split(string(data), "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") {
			rules = append(rules, l)
		}
	}
	require.NotEmpty(t, rules)
	require.Equal(t, "*", rules[0], "exclude everything, then allow what the build needs")
	for _, r := range rules[1:] {
		if allowed, ok := strings.CutPrefix(r, "!"); ok {
			require.False(t, strings.HasPrefix(allowed, "."),
				"%q lets a dot file (.env, .git) into the build context", r)
		}
	}
}

// userIDs reads a numeric USER uid:gid. Kubernetes can only enforce runAsNonRoot on a
// numeric user, so a name is refused here.
func userIDs(t *testing.T, user string) (int, int) {
	t.Helper()
	var uid, gid int
	_, err := fmt.Sscanf(user, "%d:%d", &uid, &gid)
	require.NoError(t, err, "USER must be numeric uid:gid, got %q", user)
	return uid, gid
}

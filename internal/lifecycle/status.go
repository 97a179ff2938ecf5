package lifecycle

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// statusLabelWidth aligns the values of the status report; statusWidth is where long
// values wrap.
const (
	statusLabelWidth = 16
	statusWidth      = 100
)

// WriteStatus prints the status report of one instance at time now.
func WriteStatus(w io.Writer, in Instance, now time.Time) error {
	rec := in.Record
	var b strings.Builder
	row := func(label, value string) {
		indent := strings.Repeat(" ", statusLabelWidth+2)
		fmt.Fprintf(&b, "%-*s: %s\n", statusLabelWidth, label,
			strings.Join(wrap(value, statusWidth-len(indent)), "\n"+indent))
	}
	row("pid file", in.Path)
	row("pid", fmt.Sprint(rec.PID))
	switch in.State {
	case Live:
		alive := "yes"
		if rec.State != "" && rec.State != StateServing {
			alive += " (" + rec.State + ")"
		}
		row("alive", alive)
		row("uptime", FormatUptime(now.Sub(rec.StartedAt)))
	case Stale:
		row("alive", "NO (stale PID file)")
	default:
		row("alive", "unknown (written in another PID namespace; run this command there, "+
			"e.g. with docker exec)")
	}
	row("started", rec.StartedAt.Local().Format(time.RFC3339))
	row("version", rec.Version)
	row("transport", rec.Transport)
	if bind := rec.Bind(); bind != "" {
		row("bind", bind)
	}
	if in.State != Foreign {
		src := ClassifyEnvSource(rec)
		row(".env path", orNone(rec.DotenvPath))
		label := src.Label
		if src.Path != "" && src.Path != rec.DotenvPath {
			label += " (" + src.Path + ")"
		}
		row("env source", label)
		row("reload/restart", src.Advice)
	}
	if r := rec.LastReload; r != nil {
		row("last reload", describeReload(*r, now))
	}
	if r := rec.RestartRefused; r != nil {
		row("restart refused", fmt.Sprintf("%s ago: %s", FormatUptime(now.Sub(r.At)), r.Reason))
	}
	row("executable", rec.Executable)
	row("argv", strings.Join(rec.Argv, " "))
	_, err := io.WriteString(w, b.String())
	return err
}

func describeReload(r ReloadOutcome, now time.Time) string {
	ago := FormatUptime(now.Sub(r.At)) + " ago"
	if !r.OK {
		return ago + ", rejected: " + r.Error
	}
	s := ago + ", applied"
	if len(r.Applied) > 0 {
		s += ": " + strings.Join(r.Applied, ", ")
	}
	if len(r.RestartNeeded) > 0 {
		s += "; on restart: " + strings.Join(r.RestartNeeded, ", ")
	}
	return s
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

// FormatUptime renders a duration the way people say it: "3d 4h 5m", "4h 5m 6s",
// "5m 6s" or "6s". Negative durations (a clock that moved back) show as "0s".
func FormatUptime(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	s := int64(d / time.Second)
	days, hours, mins, secs := s/86400, s/3600%24, s/60%60, s%60
	switch {
	case days > 0:
		return fmt.Sprintf("%dd %dh %dm", days, hours, mins)
	case hours > 0:
		return fmt.Sprintf("%dh %dm %ds", hours, mins, secs)
	case mins > 0:
		return fmt.Sprintf("%dm %ds", mins, secs)
	}
	return fmt.Sprintf("%ds", secs)
}

// Summary is one line naming an instance, for lists of candidates.
func Summary(in Instance) string {
	rec := in.Record
	where := rec.Transport
	if bind := rec.Bind(); bind != "" {
		where += " " + bind
	}
	return fmt.Sprintf("pid %-7d %-26s started %s  %s", rec.PID, where,
		rec.StartedAt.Local().Format(time.RFC3339), in.Path)
}

// wrap breaks text into lines of at most width bytes at spaces; a longer word (a path,
// say) gets a line of its own.
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) <= width:
			line += " " + word
		default:
			lines = append(lines, line)
			line = word
		}
	}
	return append(lines, line)
}

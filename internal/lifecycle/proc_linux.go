package lifecycle

import (
	"os"
	"strconv"
	"strings"
)

// procStat reads the start time (clock ticks after boot) of process pid and whether it
// is a zombie, from /proc. ok is false when /proc does not tell.
func procStat(pid int) (start uint64, zombie, ok bool) {
	data, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return 0, false, false
	}
	// The command name, field 2, is in parentheses and may itself contain spaces and
	// parentheses; the fields after the last ")" are plain.
	s := string(data)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return 0, false, false
	}
	fields := strings.Fields(s[i+1:])
	// fields[0] is field 3 (state); field 22 (starttime) is fields[19].
	if len(fields) < 20 {
		return 0, false, false
	}
	start, err = strconv.ParseUint(fields[19], 10, 64)
	if err != nil {
		return 0, false, false
	}
	return start, fields[0] == "Z" || fields[0] == "X", true
}

// pidNamespace names this process's PID namespace, as "pid:[4026531836]".
func pidNamespace() string {
	ns, err := os.Readlink("/proc/self/ns/pid")
	if err != nil {
		return ""
	}
	return ns
}

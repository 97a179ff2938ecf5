package tools

import (
	"strings"

	"github.com/zscaler/zscaler-mcp/internal/toolerr"
)

// ziaMinuteDescription describes a start or end time parameter.
const ziaMinuteDescription = " in minutes after midnight, 0 to 1439 (480 is 08:00, 1020 is " +
	"17:00)."

// ziaTimeIntervalWriteTools returns the zia_time_intervals write tools.
func ziaTimeIntervalWriteTools(up Upstream) []Tool {
	return ziaCRUD{
		Toolset: "zia_time_intervals", Noun: "time_interval", What: "time interval",
		Path: "/timeIntervals", IDName: "interval_id",
		IDDescription: "Time interval id, from zia_list_time_intervals.",
		NameKeys:      []string{"name"},
		Params: []Param{
			{Name: "name", Type: String, Required: true, NotBlank: true,
				Description: "Time interval name; names are unique in the tenant."},
			{Name: "start_time", Type: Integer, Required: true, Min: Bound(0),
				Max: Bound(ziaLastMinute), Description: "Start" + ziaMinuteDescription},
			{Name: "end_time", Type: Integer, Required: true, Min: Bound(0),
				Max: Bound(ziaLastMinute), Description: "End" + ziaMinuteDescription},
			{Name: "days_of_week", Type: StringList, Required: true, JSONText: true,
				Description: "Days the interval applies: EVERYDAY alone, or some of SUN, MON, " +
					"TUE, WED, THU, FRI, SAT. A list, or the list written as JSON text."},
		},
		Fields: map[string]string{"start_time": "startTime", "end_time": "endTime"},
		Convert: func(args Args, body, _ map[string]any) error {
			if args.Has("name") {
				body["name"] = strings.TrimSpace(args.String("name"))
			}
			if args.Has("days_of_week") {
				days, err := ziaDaysOfWeek(args.Strings("days_of_week"))
				if err != nil {
					return err
				}
				body["daysOfWeek"] = days
			}
			return nil
		},
		CreateDescription: "Creates a time interval, a reusable schedule that rules use as " +
			"a time window, and returns it with its id. " + ziaStagedHint,
		UpdateDescription: "Changes a time interval's name, times or days; what is not " +
			"given keeps its value. " + ziaStagedHint,
		DeleteDescription: "Deletes a time interval. Nothing is deleted while rules use it " +
			"as a time window; the refusal names them. " + ziaDeleteHint,
		CheckDelete: ziaUnreferenced(up, "time interval", ziaTimeWindowHolders()...),
	}.tools(up)
}

// ziaTimeWindowHolders are the rule families whose timeWindows may name a time
// interval, the cloud app control policies last since they take a read per rule type.
func ziaTimeWindowHolders() []ziaRefHolder {
	holders := []ziaRefHolder{ziaFirewallRules, ziaDNSRules, ziaIPSRules, ziaURLRules,
		ziaSSLRules, ziaSandboxRules, ziaFileTypeRules, ziaWebDLPRules}
	for i := range holders {
		holders[i] = holders[i].with("timeWindows")
	}
	return append(holders, ziaCloudAppRuleHolders("timeWindows")...)
}

// ziaLastMinute is the last minute of a day, the largest start or end time.
const ziaLastMinute = 1439

// ziaWeekDays are the days the API accepts, in its spelling, after EVERYDAY.
var ziaWeekDays = []string{"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}

// ziaDaysOfWeek checks days and returns them in the API's spelling. Case is ignored
// and full names (monday) are understood; repeats are dropped. EVERYDAY stands alone,
// since with other days it would say two things.
func ziaDaysOfWeek(days []string) ([]any, error) {
	if len(days) == 0 {
		return nil, toolerr.New(toolerr.InvalidArgument,
			`parameter "days_of_week" needs at least one day: EVERYDAY, or some of %s`,
			strings.Join(ziaWeekDays, ", "))
	}
	out := make([]any, 0, len(days))
	seen := map[string]bool{}
	for i, d := range days {
		day, ok := ziaDay(d)
		if !ok {
			return nil, toolerr.New(toolerr.InvalidArgument,
				`parameter "days_of_week" item %d (%q) is not a day: use EVERYDAY, or some `+
					"of %s", i+1, d, strings.Join(ziaWeekDays, ", "))
		}
		if !seen[day] {
			seen[day] = true
			out = append(out, day)
		}
	}
	if seen["EVERYDAY"] && len(out) > 1 {
		return nil, toolerr.New(toolerr.InvalidArgument,
			`parameter "days_of_week" gives EVERYDAY with other days: give EVERYDAY alone, `+
				"or only the days")
	}
	return out, nil
}

// ziaDay returns the API's spelling of one day name.
func ziaDay(d string) (string, bool) {
	up := strings.ToUpper(strings.TrimSpace(d))
	if up == "EVERYDAY" {
		return up, true
	}
	for _, day := range ziaWeekDays {
		if up == day || up == ziaFullDayNames[day] {
			return day, true
		}
	}
	return "", false
}

// ziaFullDayNames maps each day's API spelling to its full English name.
var ziaFullDayNames = map[string]string{"SUN": "SUNDAY", "MON": "MONDAY", "TUE": "TUESDAY",
	"WED": "WEDNESDAY", "THU": "THURSDAY", "FRI": "FRIDAY", "SAT": "SATURDAY"}

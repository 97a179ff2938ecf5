package simulator

import "net/url"

// timeIntervalDays are the values daysOfWeek accepts.
var timeIntervalDays = []string{"EVERYDAY", "SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"}

// lastMinuteOfDay is the largest start or end time: minutes after midnight.
const lastMinuteOfDay = 1439

var _ = register(&family{
	name: "timeIntervals",
	template: func() record {
		return record{"id": int64(0), "name": "", "startTime": int64(0), "endTime": int64(0),
			"daysOfWeek": []any{}}
	},
	enumLists: map[string][]string{"daysOfWeek": timeIntervalDays},
	required:  []string{"name", "daysOfWeek"},
	unique:    "name",
	search:    []string{"name"},
	prepare: func(_ *Tenant, rec, _, _ record, _ url.Values) *apiError {
		for _, k := range []string{"startTime", "endTime"} {
			if m := num(rec, k); m < 0 || m > lastMinuteOfDay {
				return errInvalid("%s must be between 0 and %d", k, lastMinuteOfDay)
			}
		}
		return nil
	},
	inUse: inUseByRules("Time interval", "timeWindows"),
})

package simulator

// BigTimeIntervalID is a seeded time interval id above 2^53.
const BigTimeIntervalID int64 = 9007199254740997

func seedTimeIntervals(s *seeder) {
	weekdays := []string{"MON", "TUE", "WED", "THU", "FRI"}
	intervals := []struct {
		id         int64
		name       string
		start, end int
		days       []string
	}{
		{1001, "Business Hours", 480, 1080, weekdays},
		{1002, "Weekend", 0, 1439, []string{"SAT", "SUN"}},
		{1003, "Lunch Break", 720, 780, []string{"EVERYDAY"}},
		// Spans midnight: starts at 22:00 and ends at 05:00 the next day.
		{1004, "Night Maintenance", 1320, 300, []string{"SUN"}},
		// Intervals are in UTC: 23:00 to 08:00 is 09:00 to 18:00 in Sydney.
		{BigTimeIntervalID, "Sydney Office Hours", 1380, 480, weekdays},
	}
	for _, in := range intervals {
		s.add("timeIntervals", record{"id": in.id, "name": in.name, "startTime": in.start,
			"endTime": in.end, "daysOfWeek": in.days})
	}
}

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
		{1004, "Night Maintenance", 0, 300, []string{"SUN"}},
		{BigTimeIntervalID, "After Hours Support", 1080, 1439, weekdays},
	}
	for _, in := range intervals {
		s.add("timeIntervals", record{"id": in.id, "name": in.name, "startTime": in.start,
			"endTime": in.end, "daysOfWeek": in.days})
	}
}

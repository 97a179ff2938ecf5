package simulator

// BigCloudAppID is a seeded shadow IT application id above 2^53.
const BigCloudAppID int64 = 9007199254741001

func seedShadowIT(s *seeder) {
	tags := []struct {
		id   int64
		name string
	}{{1, "Approved by IT"}, {2, "Under Review"}, {3, "Finance Tools"}, {4, "東京 Team"}}
	for _, tag := range tags {
		s.add("customTags", record{"id": tag.id, "name": tag.name})
	}
	// A tag made by an older release carries a field the API documents nowhere.
	s.add("customTags", record{"id": 5, "name": "Legacy",
		"extensions": map[string]any{"origin": "import"}})

	apps := []struct {
		id    int64
		name  string
		state string
	}{
		{655377, "Sharepoint Online", "SANCTIONED"},
		{655378, "OneDrive for Business", "SANCTIONED"},
		{655379, "Microsoft Teams", "SANCTIONED"},
		{655380, "Box", "UN_SANCTIONED"},
		{655381, "Dropbox", "UN_SANCTIONED"},
		{655382, "Google Drive", "UN_SANCTIONED"},
		{655383, "WeTransfer", "UN_SANCTIONED"},
		{655384, "Slack", "SANCTIONED"},
		{655385, "Zoom", "SANCTIONED"},
		{655386, "GitHub", "SANCTIONED"},
		{655387, "ChatGPT", "UN_SANCTIONED"},
		{655388, "Salesforce", "SANCTIONED"},
		{655389, "Workday", "SANCTIONED"},
		{655390, "Trello", "ANY"},
		{655391, "Notion", "ANY"},
		{655392, "Canva", "ANY"},
		{655393, "Evernote", "UN_SANCTIONED"},
		{655394, "Mega", "UN_SANCTIONED"},
		{655395, "Pastebin", "UN_SANCTIONED"},
		{655396, "Yandex Disk", "UN_SANCTIONED"},
		{655397, "Baidu Netdisk 百度网盘", "UN_SANCTIONED"},
		{655398, "Figma", "ANY"},
		{655399, "Miro", "ANY"},
		{BigCloudAppID, "Acme Internal Wiki", "SANCTIONED"},
	}
	for i, app := range apps {
		tagsOf := []any{}
		if app.state == "SANCTIONED" && i%2 == 0 {
			tagsOf = []any{record{"id": 1, "name": "Approved by IT"}}
		}
		s.add("cloudApplications", record{"id": app.id, "name": app.name,
			"_sanctionedState": app.state, "_customTags": tagsOf})
	}
}

package simulator

import (
	"hash/fnv"
	"net"
	"net/url"
	"sort"
	"strconv"
	"strings"
)

// geoCity is one entry of the simulator's small geo database.
type geoCity struct {
	geoID, stateGeoID                int64
	lat, lon                         float64
	city, state, country, cc, postal string
	continent                        string
}

var geoCities = []geoCity{
	{5392171, 5332921, 37.3394, -121.895, "San Jose", "California", "United States", "US", "95113", "NA"},
	{5128581, 5128638, 40.7143, -74.006, "New York", "New York", "United States", "US", "10007", "NA"},
	{4887398, 4896861, 41.85, -87.65, "Chicago", "Illinois", "United States", "US", "60604", "NA"},
	{4269447, 4273857, 37.63, -97.77, "Cheney", "Kansas", "United States", "US", "67025", "NA"},
	{2643743, 6269131, 51.5085, -0.1257, "London", "England", "United Kingdom", "GB", "EC1A", "EU"},
	{2657896, 2657895, 47.3667, 8.55, "Zürich", "Zürich", "Switzerland", "CH", "8001", "EU"},
	{2925533, 2905330, 50.1155, 8.6842, "Frankfurt am Main", "Hesse", "Germany", "DE", "60311", "EU"},
	{2988507, 3012874, 48.8534, 2.3488, "Paris", "Île-de-France", "France", "FR", "75001", "EU"},
	{1850147, 1850144, 35.6895, 139.6917, "Tokyo", "Tōkyō", "Japan", "JP", "100-0001", "AS"},
	{3448439, 3448433, -23.5475, -46.6361, "São Paulo", "São Paulo", "Brazil", "BR", "01000-000", "SA"},
	{2147714, 2155400, -33.8678, 151.2073, "Sydney", "New South Wales", "Australia", "AU", "2000", "OC"},
	{1275339, 1264418, 19.0728, 72.8826, "Mumbai", "Maharashtra", "India", "IN", "400001", "AS"},
	{1880252, 1880251, 1.2897, 103.8501, "Singapore", "Singapore", "Singapore", "SG", "018956", "AS"},
	{6167865, 6093943, 43.7001, -79.4163, "Toronto", "Ontario", "Canada", "CA", "M5H", "NA"},
	{993800, 1085594, -26.2023, 28.0436, "Johannesburg", "Gauteng", "South Africa", "ZA", "2001", "AF"},
}

func (c geoCity) region() record {
	return record{"cityGeoId": c.geoID, "stateGeoId": c.stateGeoID, "latitude": c.lat,
		"longitude": c.lon, "cityName": c.city, "stateName": c.state, "countryName": c.country,
		"countryCode": c.cc, "postalCode": c.postal, "continentCode": c.continent}
}

// label is the city name static IPs show, e.g. "Cheney, Kansas, United States".
func (c geoCity) label() string { return c.city + ", " + c.state + ", " + c.country }

func cityByName(name string) geoCity {
	for _, c := range geoCities {
		if c.city == name {
			return c
		}
	}
	return geoCities[0]
}

// cityForIP places an address deterministically.
func cityForIP(ip string) geoCity {
	h := fnv.New32a()
	_, _ = h.Write([]byte(ip))
	return geoCities[int(h.Sum32()%uint32(len(geoCities)))]
}

func nearestCity(lat, lon float64) geoCity {
	best, bestD := geoCities[0], -1.0
	for _, c := range geoCities {
		d := (c.lat-lat)*(c.lat-lat) + (c.lon-lon)*(c.lon-lon)
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

func regionByCoordinates(q url.Values) result {
	lat, err1 := strconv.ParseFloat(q.Get("latitude"), 64)
	lon, err2 := strconv.ParseFloat(q.Get("longitude"), 64)
	if err1 != nil || err2 != nil || lat < -90 || lat > 90 || lon < -180 || lon > 180 {
		return fail(errInvalid("Valid latitude and longitude are required"))
	}
	return ok(nearestCity(lat, lon).region())
}

func regionByIP(ip string) result {
	if net.ParseIP(ip) == nil {
		return fail(errInvalid("Invalid IP address: %s", ip))
	}
	return ok(cityForIP(ip).region())
}

func regionSearch(q url.Values) result {
	prefix := strings.TrimSpace(q.Get("prefix"))
	if prefix == "" {
		return fail(errInvalid("prefix is required"))
	}
	out := []record{}
	for _, c := range geoCities {
		if hasPrefixFold(c.city, prefix) {
			out = append(out, c.region())
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		return str(out[i], "cityName") < str(out[j], "cityName")
	})
	page, aerr := paginate(out, q)
	if aerr != nil {
		return fail(aerr)
	}
	return ok(page)
}

// vip is a Zscaler service edge a GRE tunnel terminates on.
type vip struct {
	id                       int64
	ip, dc, city, cc, region string
	lat, lon                 float64
}

var vips = []vip{
	{170301, "170.85.14.129", "CHI2", "Chicago", "US", "NorthAmerica", 39.0, -89.0},
	{65303, "165.225.10.32", "DEN3", "Denver", "US", "NorthAmerica", 39.7, -104.9},
	{170352, "170.85.58.36", "SJC4", "San Jose", "US", "NorthAmerica", 37.3, -121.9},
	{88621, "165.225.38.40", "NYC3", "New York", "US", "NorthAmerica", 40.7, -74.0},
	{71844, "147.161.166.6", "LON3", "London", "GB", "Europe", 51.5, -0.1},
	{93017, "165.225.94.19", "ZRH1", "Zürich", "CH", "Europe", 47.4, 8.5},
	{93211, "165.225.72.38", "FRA4", "Frankfurt", "DE", "Europe", 50.1, 8.7},
	{101552, "165.225.96.11", "TYO4", "Tokyo", "JP", "Asia", 35.7, 139.7},
	{104419, "147.161.242.2", "GRU1", "São Paulo", "BR", "SouthAmerica", -23.5, -46.6},
	{109874, "165.225.114.5", "SYD3", "Sydney", "AU", "Oceania", -33.9, 151.2},
	{112036, "165.225.120.9", "BOM6", "Mumbai", "IN", "Asia", 19.1, 72.9},
	{115290, "165.225.230.6", "SIN4", "Singapore", "SG", "Asia", 1.3, 103.9},
}

func (v vip) record() record {
	return record{"id": v.id, "virtualIp": v.ip, "privateServiceEdge": false,
		"datacenter": v.dc, "latitude": v.lat, "longitude": v.lon, "city": v.city,
		"countryCode": v.cc, "region": v.region}
}

func vipByID(id int64) (vip, bool) {
	for _, v := range vips {
		if v.id == id {
			return v, true
		}
	}
	return vip{}, false
}

// nearestVIPs returns the two service edges closest to a point.
func nearestVIPs(lat, lon float64) (vip, vip) {
	sorted := vipsByDistance(lat, lon)
	return sorted[0], sorted[1]
}

// vipsByDistance returns every service edge, the closest to a point first.
func vipsByDistance(lat, lon float64) []vip {
	sorted := append([]vip(nil), vips...)
	sort.SliceStable(sorted, func(i, j int) bool {
		di := (sorted[i].lat-lat)*(sorted[i].lat-lat) + (sorted[i].lon-lon)*(sorted[i].lon-lon)
		dj := (sorted[j].lat-lat)*(sorted[j].lat-lat) + (sorted[j].lon-lon)*(sorted[j].lon-lon)
		return di < dj
	})
	return sorted
}

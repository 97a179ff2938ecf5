package simulator

import "net/url"

// pathRoute serves one exact ZIA path that is not a plain collection, for every
// method; it answers 405 itself for the methods the path does not take.
type pathRoute func(t *Tenant, method string, q url.Values, body any) result

// pathRoutes maps a path under /zia/api/v1 (without leading slash, such as
// "deviceGroups/devices") to its handler. Families whose endpoints are not plain
// collections register theirs with addRoute from their own file, so adding one does
// not touch the router.
var pathRoutes = map[string]pathRoute{}

// addRoute registers the handler of path; it panics on a duplicate so two files
// cannot silently claim the same endpoint.
func addRoute(path string, r pathRoute) bool {
	if _, dup := pathRoutes[path]; dup {
		panic("simulator: two routes for " + path)
	}
	pathRoutes[path] = r
	return true
}

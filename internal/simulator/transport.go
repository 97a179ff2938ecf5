package simulator

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// OriginalHostHeader carries the host a request was meant for before Transport
// redirected it to the simulator.
const OriginalHostHeader = "X-Original-Host"

// redirectTransport is the RoundTripper Transport returns. err holds a bad base URL, so
// that it surfaces on the first request instead of at construction.
type redirectTransport struct {
	target *url.URL
	err    error
	base   http.RoundTripper
}

// Transport returns a RoundTripper that sends every request, whatever its scheme and
// host, to baseURL (the simulator), keeping path and query and recording the original
// host in X-Original-Host. base carries the rewritten request; nil means
// http.DefaultTransport.
func Transport(baseURL string, base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	u, err := url.Parse(baseURL)
	if err == nil && (u.Scheme == "" || u.Host == "") {
		err = fmt.Errorf("simulator base URL %q needs a scheme and a host", baseURL)
	}
	return &redirectTransport{target: u, err: err, base: base}
}

// RoundTrip sends a copy of req to the simulator; req itself is not changed, as the
// RoundTripper contract requires.
func (rt *redirectTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if rt.err != nil {
		if req.Body != nil {
			_ = req.Body.Close()
		}
		return nil, rt.err
	}
	out := req.Clone(req.Context())
	orig := req.URL.Host
	if orig == "" {
		orig = req.Host
	}
	out.URL.Scheme = rt.target.Scheme
	out.URL.Host = rt.target.Host
	if p := strings.TrimSuffix(rt.target.Path, "/"); p != "" {
		out.URL.Path = p + req.URL.Path
		out.URL.RawPath = ""
	}
	out.Host = rt.target.Host
	out.Header.Set(OriginalHostHeader, orig)
	return rt.base.RoundTrip(out)
}

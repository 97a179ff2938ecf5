package server

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/zscaler/zscaler-mcp/internal/httpguard"
)

// limitBody reads a request body of at most limit bytes before the MCP handler sees
// it: mcp-go would read any size into memory. A body announced or found to be larger
// is refused with 413, whether or not it came with a Content-Length. Reading gets
// bodyReadTimeout, so a client trickling a body cannot hold a connection forever.
func limitBody(limit int64, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Body == nil || r.Body == http.NoBody {
			next.ServeHTTP(w, r)
			return
		}
		if r.ContentLength > limit {
			httpguard.Refuse(w, http.StatusRequestEntityTooLarge, tooLarge(limit))
			return
		}
		rc := http.NewResponseController(w)
		_ = rc.SetReadDeadline(time.Now().Add(bodyReadTimeout))
		data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
		_ = rc.SetReadDeadline(time.Time{})
		if err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				httpguard.Refuse(w, http.StatusRequestEntityTooLarge, tooLarge(limit))
				return
			}
			httpguard.Refuse(w, http.StatusBadRequest, "Bad request: the body could not be read")
			return
		}
		r.Body = io.NopCloser(bytes.NewReader(data))
		r.ContentLength = int64(len(data))
		next.ServeHTTP(w, r)
	})
}

func tooLarge(limit int64) string {
	return "Request body too large: the limit is " + humanBytes(limit) +
		" (ZSCALER_MCP_MAX_REQUEST_BYTES)"
}

// humanBytes renders a byte count the way a user would write it.
func humanBytes(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + " MiB"
	case n >= 1<<10 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + " KiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

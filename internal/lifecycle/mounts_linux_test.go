package lifecycle

import (
	"bufio"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

func TestBindMountDetection(t *testing.T) {
	mountinfo := strings.Join([]string{
		`27 1 254:0 / / rw,relatime - overlay overlay rw`,
		`30 27 254:1 / /home rw,relatime - ext4 /dev/vdb rw`,
		`31 27 254:2 /srv/project/.env /app/.env rw - ext4 /dev/vda rw`,
		`32 27 254:2 /var/lib/docker/volumes/cfg/_data /config rw - ext4 /dev/vda rw`,
		`33 27 254:2 /host\040dir /with\040space rw - ext4 /dev/vda rw`,
	}, "\n")
	cases := map[string]bool{
		"/app/.env":           true,
		"/config/.env":        true,
		"/with space/.env":    true,
		"/home/u/.env":        false, // a whole file system, not a bind mount
		"/app/other":          false,
		"/etc/zscaler/.env":   false,
		"/configuration/.env": false,
	}
	for path, want := range cases {
		sc := bufio.NewScanner(strings.NewReader(mountinfo))
		require.Equal(t, want, bindMountedIn(sc, path), path)
	}
}

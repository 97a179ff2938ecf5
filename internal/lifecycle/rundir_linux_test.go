package lifecycle

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestChooseNamesTheDirectoryItCannotUse: /proc exists but takes no new files, for
// root too. The error names the directory, not the probe file it tried to create.
func TestChooseNamesTheDirectoryItCannotUse(t *testing.T) {
	_, err := Places{Override: "/proc"}.Choose()
	require.EqualError(t, err, "no usable run directory: /proc: cannot create a file in it: "+
		"no such file or directory")
}

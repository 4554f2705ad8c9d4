//go:build !unix

package worktest

import "time"

// processCPU is unknown here: CPU bounds are not checked.
func processCPU() time.Duration { return 0 }

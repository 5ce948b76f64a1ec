//go:build unix

package billing_test

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used: with GOMAXPROCS=1 it is
// what one core spent, however busy the machine is.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// Command benchrun runs a command several times and prints its best and
// median wall time and its peak resident memory, so that `make bench` needs
// nothing beyond Go: benchrun -runs 5 -label 10k -- bin/tollgate estimate plan.json
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"sort"
	"syscall"
	"time"
)

func main() {
	runs := flag.Int("runs", 5, "how many times to run the command")
	label := flag.String("label", "", "label of the result line")
	allowExit := flag.Int("allow-exit", 0, "an exit code besides 0 that counts as success (tollgate check exits 1 on findings)")
	rate := flag.Int("rate", 0, "items (rows, resources) one run handles: also print items per second of the best run and per CPU second")
	flag.Parse()
	args := flag.Args()
	if len(args) == 0 {
		fmt.Fprintln(os.Stderr, "usage: benchrun [-runs N] [-label L] -- command args...")
		os.Exit(2)
	}
	var walls []time.Duration
	var peakKB int64
	var bestCPU time.Duration
	for i := 0; i < *runs; i++ {
		cmd := exec.Command(args[0], args[1:]...)
		cmd.Stderr = os.Stderr
		start := time.Now()
		if err := cmd.Run(); err != nil && cmd.ProcessState.ExitCode() != *allowExit {
			fmt.Fprintf(os.Stderr, "benchrun: %s: %v\n", args[0], err)
			os.Exit(2)
		}
		walls = append(walls, time.Since(start))
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok && ru.Maxrss > peakKB {
			peakKB = ru.Maxrss // kilobytes on Linux
		}
		// CPU time says what one run costs even on a busy machine.
		if cpu := cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(); bestCPU == 0 || cpu < bestCPU {
			bestCPU = cpu
		}
	}
	sort.Slice(walls, func(i, j int) bool { return walls[i] < walls[j] })
	fmt.Printf("%-8s best %7.3fs  median %7.3fs  peak RSS %6.1f MB  (%d runs)\n",
		*label, walls[0].Seconds(), walls[len(walls)/2].Seconds(), float64(peakKB)/1024, *runs)
	if *rate > 0 {
		fmt.Printf("%-8s %.0f/s (best run), %.0f per CPU second (least CPU: %.3fs)\n",
			"", float64(*rate)/walls[0].Seconds(), float64(*rate)/bestCPU.Seconds(), bestCPU.Seconds())
	}
}

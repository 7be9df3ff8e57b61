// Go's dialer on a literal address, no DNS: net.Dialer{}.DialContext(ctx, "tcp", HOST:PORT), RUNS times in
// one process, each connection closed at once. Prints one line per dial, the time in µs from the call to its
// return (the close not included), or "FAIL <error>". benchmarks/perf-table.sh builds and runs it beside the
// Java clients of PerfProbe.
// Usage: go build -o benchmarks/target/go-dial benchmarks/clients/go-dial.go && benchmarks/target/go-dial RUNS HOST:PORT
package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: go-dial RUNS HOST:PORT")
		os.Exit(2)
	}
	runs, err := strconv.Atoi(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "RUNS:", err)
		os.Exit(2)
	}
	address := os.Args[2]
	var dialer net.Dialer
	ctx := context.Background()
	out := bufio.NewWriter(os.Stdout) // written between dials, flushed at the end
	defer out.Flush()
	for i := 0; i < runs; i++ {
		started := time.Now()
		conn, err := dialer.DialContext(ctx, "tcp", address)
		elapsed := time.Since(started)
		if err != nil {
			fmt.Fprintf(out, "FAIL %v\n", err)
			continue
		}
		conn.Close()
		fmt.Fprintf(out, "%.1f\n", float64(elapsed.Nanoseconds())/1e3)
	}
}

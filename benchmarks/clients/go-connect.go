// Go's own connect (net.Dialer.DialContext: dialParallel, dialSerial, partialDeadline) to a name answered by
// the DNS server given (the validation's testbed server), so that the dialer sees every address as a resolver
// gave them. Prints one time to connect per line, in ms, from the call to its return (the look-up over
// loopback UDP included), or "FAIL <error>".
// Usage: go run go-connect.go RUNS HOST:PORT DNS_SERVER:PORT DIAL_TIMEOUT_SECONDS
package main

import (
	"context"
	"fmt"
	"net"
	"os"
	"strconv"
	"time"
)

func main() {
	runs, _ := strconv.Atoi(os.Args[1])
	target := os.Args[2]
	server := os.Args[3]
	timeout, _ := strconv.Atoi(os.Args[4])
	resolver := &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", server)
		},
	}
	dialer := &net.Dialer{Timeout: time.Duration(timeout) * time.Second, Resolver: resolver}
	for i := 0; i < runs; i++ {
		started := time.Now()
		conn, err := dialer.DialContext(context.Background(), "tcp", target)
		if err != nil {
			fmt.Printf("FAIL %v\n", err)
			continue
		}
		fmt.Printf("%.3f\n", float64(time.Since(started).Nanoseconds())/1e6)
		conn.Close()
	}
}

// Command load drives the azote benchmark: it is the client side of every scenario, in its own
// process so that the server's CPU time (read from /proc/PID/stat) is the server's alone.
//
//	load run -scenario NAME -server LABEL -url ws://127.0.0.1:PORT/ws -pid PID [-run N] [-out FILE]
//	load report -raw DIR [-env FILE] [-out RESULTS.md]
//	load list
//
// `run` waits for the server to accept a WebSocket, runs one scenario once and writes one JSON
// Result; `report` turns a folder of Results into the RESULTS.md tables. bench/run calls both.
package main

import (
	"fmt"
	"os"
)

const usage = `usage:
  load run -scenario NAME -server LABEL -url ws://127.0.0.1:PORT/ws -pid PID [flags]
  load report -raw DIR [-env FILE] [-out FILE]
  load list
`

func main() {
	if len(os.Args) < 2 {
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	var err error
	switch os.Args[1] {
	case "run":
		err = runCommand(os.Args[2:])
	case "report":
		err = reportCommand(os.Args[2:])
	case "list":
		for _, s := range scenarios {
			fmt.Printf("%-15s %s\n", s.name, s.about)
		}
	default:
		fmt.Fprint(os.Stderr, usage)
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintf(os.Stderr, "load %s: %v\n", os.Args[1], err)
		os.Exit(1)
	}
}

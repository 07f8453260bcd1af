//go:build !linux

package main

import "syscall"

// bindAddressNoPort does nothing where IP_BIND_ADDRESS_NO_PORT does not exist: each bound
// source address then has its own ephemeral ports, enough for all but the biggest scenarios.
func bindAddressNoPort(_, _ string, _ syscall.RawConn) error { return nil }

package main

import "syscall"

// ipBindAddressNoPort is IP_BIND_ADDRESS_NO_PORT (linux/in.h): with it, binding a source
// address leaves the port choice to connect, which may then reuse a port per destination.
const ipBindAddressNoPort = 24

// bindAddressNoPort is the dialer's Control: see ipBindAddressNoPort.
func bindAddressNoPort(_, _ string, c syscall.RawConn) error {
	var serr error
	if err := c.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.IPPROTO_IP, ipBindAddressNoPort, 1)
	}); err != nil {
		return err
	}
	return serr
}

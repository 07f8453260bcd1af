// Package compat holds azote's compatibility suite (tests only): the fixture apps under apps/
// are served by azote and by the reference, h3 2.0.8 on srvx under Node (node/), and every case
// sends both the same request and compares status, the headers that matter and the body.
// known-differences.txt lists the cases azote does not match yet; the suite re-checks them so
// the list can only shrink.
package compat

package static

import (
	"strconv"
	"strings"
)

// acceptedEncodings is what a request's Accept-Encoding allows, as far as precompressed
// siblings care: only br and gzip are ever chosen.
type acceptedEncodings struct {
	br, gzip bool
}

// parseAcceptEncoding reads Accept-Encoding field values (RFC 9110 12.5.3). A coding is
// allowed when it is listed with a non-zero weight, or not listed while "*" is. "x-gzip" counts
// as gzip. Malformed weights count as zero, so a garbled header gets the plain file.
func parseAcceptEncoding(values []string) acceptedEncodings {
	var listedBr, listedGzip, listedStar bool
	var br, gzip, star bool
	for _, v := range values {
		for item := range strings.SplitSeq(v, ",") {
			coding, params, _ := strings.Cut(item, ";")
			coding = strings.ToLower(strings.TrimSpace(coding))
			ok := weightAllows(params)
			switch coding {
			case "br":
				listedBr, br = true, ok
			case "gzip", "x-gzip":
				listedGzip, gzip = true, ok
			case "*":
				listedStar, star = true, ok
			}
		}
	}
	return acceptedEncodings{
		br:   br || (!listedBr && listedStar && star),
		gzip: gzip || (!listedGzip && listedStar && star),
	}
}

// weightAllows reports whether the parameters of one Accept-Encoding item give it a
// non-zero weight ("q" absent means 1).
func weightAllows(params string) bool {
	for param := range strings.SplitSeq(params, ";") {
		name, value, _ := strings.Cut(param, "=")
		if !strings.EqualFold(strings.TrimSpace(name), "q") {
			continue
		}
		q, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		return err == nil && q > 0
	}
	return true
}

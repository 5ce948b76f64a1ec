package awsfeed

import "strings"

// locations maps the price list's Location to a region code, for offer
// files older than the "Region Code" column. Local and Wavelength zones
// are not listed: rows there are priced only when the file names their
// region code.
var locations = map[string]string{
	"US East (N. Virginia)":      "us-east-1",
	"US East (Ohio)":             "us-east-2",
	"US West (N. California)":    "us-west-1",
	"US West (Oregon)":           "us-west-2",
	"Africa (Cape Town)":         "af-south-1",
	"Asia Pacific (Hong Kong)":   "ap-east-1",
	"Asia Pacific (Taipei)":      "ap-east-2",
	"Asia Pacific (Mumbai)":      "ap-south-1",
	"Asia Pacific (Hyderabad)":   "ap-south-2",
	"Asia Pacific (Tokyo)":       "ap-northeast-1",
	"Asia Pacific (Seoul)":       "ap-northeast-2",
	"Asia Pacific (Osaka)":       "ap-northeast-3",
	"Asia Pacific (Osaka-Local)": "ap-northeast-3",
	"Asia Pacific (Singapore)":   "ap-southeast-1",
	"Asia Pacific (Sydney)":      "ap-southeast-2",
	"Asia Pacific (Jakarta)":     "ap-southeast-3",
	"Asia Pacific (Melbourne)":   "ap-southeast-4",
	"Asia Pacific (Malaysia)":    "ap-southeast-5",
	"Asia Pacific (New Zealand)": "ap-southeast-6",
	"Asia Pacific (Thailand)":    "ap-southeast-7",
	"Canada (Central)":           "ca-central-1",
	"Canada West (Calgary)":      "ca-west-1",
	"EU (Frankfurt)":             "eu-central-1",
	"EU (Zurich)":                "eu-central-2",
	"EU (Ireland)":               "eu-west-1",
	"EU (London)":                "eu-west-2",
	"EU (Paris)":                 "eu-west-3",
	"EU (Milan)":                 "eu-south-1",
	"EU (Spain)":                 "eu-south-2",
	"EU (Stockholm)":             "eu-north-1",
	"Europe (Frankfurt)":         "eu-central-1",
	"Europe (Zurich)":            "eu-central-2",
	"Europe (Ireland)":           "eu-west-1",
	"Europe (London)":            "eu-west-2",
	"Europe (Paris)":             "eu-west-3",
	"Europe (Milan)":             "eu-south-1",
	"Europe (Spain)":             "eu-south-2",
	"Europe (Stockholm)":         "eu-north-1",
	"Israel (Tel Aviv)":          "il-central-1",
	"Mexico (Central)":           "mx-central-1",
	"Middle East (Bahrain)":      "me-south-1",
	"Middle East (UAE)":          "me-central-1",
	"South America (Sao Paulo)":  "sa-east-1",
	"AWS GovCloud (US)":          "us-gov-west-1",
	"AWS GovCloud (US-West)":     "us-gov-west-1",
	"AWS GovCloud (US-East)":     "us-gov-east-1",
}

// globalRegion is where prices of global services (Route 53) are kept:
// the models ask for them there.
const globalRegion = "us-east-1"

// baseUsage strips the region prefix from a usage type: "EUW3-" and
// "USE1-BOS1-" (abbreviations), "EU-" (eu-west-1's), or "us-east-1-"
// (KMS writes the region code). us-east-1 often has no prefix at all.
// Only segments of capitals followed by digits count, so that
// "TS-LoadBalancerUsage" (a different rate) keeps its "TS-".
func baseUsage(u string) string {
	if n := regionCodePrefix(u); n > 0 {
		return u[n:]
	}
	for {
		seg, rest, ok := strings.Cut(u, "-")
		if !ok || rest == "" || !(seg == "EU" || abbreviation(seg)) {
			return u
		}
		u = rest
	}
}

// abbreviation reports whether s looks like "USE1", "APN2", "LAX1", "WL1".
func abbreviation(s string) bool {
	i := 0
	for i < len(s) && s[i] >= 'A' && s[i] <= 'Z' {
		i++
	}
	if i < 2 || i == len(s) {
		return false
	}
	for _, c := range []byte(s[i:]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// regionCodePrefix returns the length of a leading "us-east-1-" or
// "us-gov-west-1-", or 0.
func regionCodePrefix(u string) int {
	words := 0
	for i := 0; i < len(u); {
		j := strings.IndexByte(u[i:], '-')
		if j <= 0 {
			return 0
		}
		seg := u[i : i+j]
		switch {
		case lowerWord(seg):
			words++
		case digits(seg) && words >= 2:
			return i + j + 1
		default:
			return 0
		}
		i += j + 1
	}
	return 0
}

func lowerWord(s string) bool {
	for _, c := range []byte(s) {
		if c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func digits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

package funcs

import (
	"testing"

	"github.com/zclconf/go-cty/cty"
)

func TestTime(t *testing.T) {
	unknownStr := cty.UnknownVal(cty.String).RefineNotNull()
	runCases(t, []evalCase{
		{name: "formatdate", expr: `formatdate("DD MMM YYYY hh:mm ZZZ", "2018-01-02T23:12:01Z")`, want: str("02 Jan 2018 23:12 UTC")},
		{name: "formatdate weekday", expr: `formatdate("EEEE, DD-MMM-YY hh:mm:ss ZZZ", "2018-01-02T23:12:01Z")`, want: str("Tuesday, 02-Jan-18 23:12:01 UTC")},
		{name: "formatdate offset", expr: `formatdate("EEE, DD MMM YYYY hh:mm:ss ZZZ", "2018-01-02T23:12:01-08:00")`, want: str("Tue, 02 Jan 2018 23:12:01 -0800")},
		{name: "formatdate short", expr: `formatdate("MMM DD, YYYY", "2018-01-02T23:12:01Z")`, want: str("Jan 02, 2018")},
		{name: "formatdate 12 hour", expr: `formatdate("HH:mmaa", "2018-01-02T23:12:01Z")`, want: str("11:12pm")},
		{name: "formatdate bad timestamp", expr: `formatdate("YYYY", "yesterday")`, err: "not a valid RFC3339 timestamp"},
		{name: "timeadd", expr: `timeadd("2017-11-22T00:00:00Z", "10m")`, want: str("2017-11-22T00:10:00Z")},
		{name: "timeadd negative", expr: `timeadd("2017-11-22T00:00:00Z", "-1h")`, want: str("2017-11-21T23:00:00Z")},
		{name: "timecmp equal", expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T00:00:00Z")`, want: num(0)},
		{name: "timecmp before", expr: `timecmp("2017-11-22T00:00:00Z", "2017-11-22T01:00:00Z")`, want: num(-1)},
		{name: "timecmp after", expr: `timecmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00Z")`, want: num(1)},
		{name: "timecmp same instant other offset", expr: `timecmp("2017-11-22T01:00:00Z", "2017-11-22T00:00:00-01:00")`, want: num(0)},
		{name: "timecmp bad", expr: `timecmp("2017-11-22", "2017-11-22T00:00:00Z")`, err: `not a valid RFC3339 timestamp: "2017-11-22"`},
		{name: "timecmp unknown", expr: `timecmp(u_str, "2017-11-22T00:00:00Z")`, want: cty.UnknownVal(cty.Number).RefineNotNull()},
		{name: "timestamp is unknown", expr: `timestamp()`, want: unknownStr},
		{name: "plantimestamp is unknown", expr: `plantimestamp()`, want: unknownStr},
		{name: "formatdate of timestamp", expr: `formatdate("YYYY", timestamp())`, want: unknownStr},
	})
}

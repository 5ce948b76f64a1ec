package aws

import (
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

var (
	// one counts one thing that runs all month.
	one = decimal.NewFromInt(1)
	// mibPerGB turns memory sizes, which AWS gives in MiB (Lambda calls
	// them MB), into the GB that Lambda and Fargate prices are quoted per.
	mibPerGB = pricing.Dec("1024")
)

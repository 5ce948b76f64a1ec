package aws

import (
	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing"
)

const usageDuration = "request_duration_ms"

// Lambda defaults: memory when memory_size is not set, and the ephemeral
// storage every function gets at no cost.
var (
	lambdaDefaultMemory = pricing.Dec("128")
	lambdaFreeEphemeral = pricing.Dec("512")
	msPerSecond         = pricing.Dec("1000")
)

// lambdaTier is one price tier of Lambda duration, by the GB-seconds a
// region's account uses in a month.
type lambdaTier struct {
	name string
	upTo decimal.Decimal // cumulative upper bound; zero means none
}

// Duration tiers: x86 prices the first 6B GB-seconds, the next 9B and the
// rest; Arm (Graviton) 7.5B, 11.25B and the rest.
var lambdaTiers = map[string][]lambdaTier{
	"x86": {{"first 6B", pricing.Dec("6000000000")}, {"next 9B", pricing.Dec("15000000000")}, {"over 15B", decimal.Zero}},
	"arm": {{"first 7.5B", pricing.Dec("7500000000")}, {"next 11.25B", pricing.Dec("18750000000")}, {"over 18.75B", decimal.Zero}},
}

var lambdaFunctionModel = pricing.Model{
	Type: "aws_lambda_function",
	Usage: []pricing.UsageKey{
		{Name: usageRequests, Description: "requests (invocations) a month"},
		{Name: usageDuration, Description: "average duration of a request in milliseconds"},
	},
	Price: priceLambda,
}

func priceLambda(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	a := r.Attrs
	// architectures is unknown when not set: x86_64, Lambda's default.
	arch := "x86"
	if archs, ok := a.Strings("architectures"); ok && len(archs) > 0 && archs[0] == "arm64" {
		arch = "arm"
	}
	requests, hasRequests := p.Usage().Decimal(usageRequests)
	durationMS, hasDuration := p.Usage().Decimal(usageDuration)

	out := []pricing.Component{
		p.Component("Requests", "1M requests", requests.Div(millionRequests), "aws-lambda", "requests").FromUsage(usageRequests, hasRequests),
	}

	memory := lambdaDefaultMemory
	if a.Unknown("memory_size") {
		return append(out, pricing.Unpriced("Duration", "GB-seconds", pricing.UnknownAttr("memory_size")).FromUsage(usageDuration, false))
	}
	if m, ok := a.Decimal("memory_size"); ok {
		memory = m
	}
	// Seconds of execution a month, the unit both duration and ephemeral
	// storage are priced by (per GB).
	seconds := requests.Mul(durationMS).Div(msPerSecond)
	out = append(out, lambdaDuration(p, arch, seconds.Mul(memory).Div(mibPerGB), hasRequests && hasDuration)...)

	if es, ok := a.Block("ephemeral_storage"); ok {
		if size, ok := es.Decimal("size"); ok && size.GreaterThan(lambdaFreeEphemeral) {
			out = append(out, p.Component("Ephemeral storage (above 512 MB)", "GB-seconds",
				seconds.Mul(size.Sub(lambdaFreeEphemeral)).Div(mibPerGB), "aws-lambda", "ephemeral-storage").
				FromUsage(usageDuration, hasRequests && hasDuration))
		}
	}
	return out
}

// lambdaDuration splits GB-seconds across the price tiers; only tiers with
// GB-seconds appear, or one "Duration" line with none.
func lambdaDuration(p pricing.Pricer, arch string, gbSeconds decimal.Decimal, fromUsage bool) []pricing.Component {
	label := "Duration ("
	if arch == "arm" {
		label = "Duration (Arm, "
	}
	var out []pricing.Component
	from := decimal.Zero
	for i, t := range lambdaTiers[arch] {
		q := gbSeconds.Sub(from)
		if !t.upTo.IsZero() {
			q = decimal.Min(q, t.upTo.Sub(from))
			from = t.upTo
		}
		if q.IsPositive() {
			out = append(out, p.Component(label+t.name+")", "GB-seconds", q, "aws-lambda", lambdaTierKey(arch, i)))
		}
	}
	if len(out) == 0 {
		name := "Duration"
		if arch == "arm" {
			name = "Duration (Arm)"
		}
		out = append(out, p.Component(name, "GB-seconds", decimal.Zero, "aws-lambda", lambdaTierKey(arch, 0)))
	}
	for i := range out {
		out[i] = out[i].FromUsage(usageDuration, fromUsage)
	}
	return out
}

func lambdaTierKey(arch string, i int) string {
	return "duration/" + arch + "/tier" + string(rune('1'+i))
}

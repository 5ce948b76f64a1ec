package seed

import (
	"fmt"
	"sort"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/pricing/catalog"
)

// twinServices may use twins. aws-ec2, aws-rds and aws-elasticache also
// hold instance and node prices, which must never be borrowed (a type
// missing in a region is not offered there): catalog.Catalog refuses twin
// fallback for their instance/ and node/ keys, so only their other rates
// (storage, IOPS, credits, backups) are borrowed.
var twinServices = []string{
	"aws-cloudwatch", "aws-dynamodb", "aws-ebs", "aws-ec2", "aws-eks", "aws-elasticache", "aws-elb", "aws-fargate", "aws-kms",
	"aws-lambda", "aws-rds", "aws-route53", "aws-s3", "aws-secretsmanager", "aws-vpc",
}

// Two regions are taken to price alike when their EC2 Linux on-demand
// prices are identical for at least twinShare of the instance types both
// offer, and they offer at least twinMinTypes in common.
const (
	twinSharePercent = 95
	twinMinTypes     = 100
)

// likeness compares two regions' EC2 Linux prices.
type likeness struct{ same, common int }

func (l likeness) alike() bool {
	return l.common >= twinMinTypes && l.same*100 >= l.common*twinSharePercent
}

func (l likeness) String() string {
	return fmt.Sprintf("EC2 on-demand Linux prices identical for %d of %d instance types offered in both regions", l.same, l.common)
}

func compare(a, b map[string]decimal.Decimal) likeness {
	var l likeness
	for typ, p := range a {
		if q, ok := b[typ]; ok {
			l.common++
			if p.Equal(q) {
				l.same++
			}
		}
	}
	return l
}

// Twins decides which region each region borrows a service's prices from.
// For each twin service and region, the candidates are the regions that
// price alike and have keys of the service the region lacks; the one with
// the most keys wins (then the closer likeness, then the name). A region
// that lacks nothing its alike regions have gets no twin.
func Twins(linux linuxPrices, keys map[string]map[string]map[string]bool) []Twin {
	regions := sortedKeys(linux)
	memo := map[[2]string]likeness{}
	like := func(a, b string) likeness {
		l, ok := memo[[2]string{a, b}]
		if !ok {
			l = compare(linux[a], linux[b])
			memo[[2]string{a, b}] = l
		}
		return l
	}
	var out []Twin
	for _, svc := range twinServices {
		for _, region := range regions {
			best, bestKeys := "", 0
			for _, cand := range regions {
				if cand == region || !lacksSome(keys[svc][region], keys[svc][cand]) {
					continue
				}
				l := like(region, cand)
				if !l.alike() {
					continue
				}
				n := borrowable(keys[svc][cand])
				if best == "" || n > bestKeys || (n == bestKeys && closer(l, like(region, best))) {
					best, bestKeys = cand, n
				}
			}
			if best != "" {
				out = append(out, Twin{Service: svc, Region: region, Twin: best, Evidence: like(region, best).String()})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Service != out[j].Service {
			return out[i].Service < out[j].Service
		}
		return out[i].Region < out[j].Region
	})
	return out
}

// Twin is a region that borrows a service's prices from another.
type Twin struct{ Service, Region, Twin, Evidence string }

// closer reports whether a is a closer likeness than b.
func closer(a, b likeness) bool {
	return a.same*b.common > b.same*a.common
}

// lacksSome reports whether other has a borrowable key that have lacks.
func lacksSome(have, other map[string]bool) bool {
	for k := range other {
		if !have[k] && catalog.Borrowable(k) {
			return true
		}
	}
	return false
}

func borrowable(keys map[string]bool) int {
	n := 0
	for k := range keys {
		if catalog.Borrowable(k) {
			n++
		}
	}
	return n
}

func addTwins(s *sink, linux linuxPrices) {
	for _, t := range Twins(linux, s.keys) {
		s.b.AddTwin(t.Service, t.Region, t.Twin, t.Evidence)
		s.report.Twins = append(s.report.Twins, fmt.Sprintf("%s %s -> %s: %s", t.Service, t.Region, t.Twin, t.Evidence))
	}
}

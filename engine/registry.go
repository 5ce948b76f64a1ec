package engine

import (
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
)

// Registry returns the cost models of every supported provider.
func Registry() *pricing.Registry {
	free := append(append([]string{}, aws.Free...), pricing.UtilityFree...)
	return pricing.NewRegistry(aws.Models(), free)
}

package engine

import (
	"github.com/tollgate-dev/tollgate/pricing"
	"github.com/tollgate-dev/tollgate/pricing/aws"
	"github.com/tollgate-dev/tollgate/pricing/azure"
	"github.com/tollgate-dev/tollgate/pricing/gcp"
)

// Registry returns the cost models of every supported provider.
func Registry() *pricing.Registry {
	free := append(append(append(append([]string{}, aws.Free...), azure.Free...), gcp.Free...), pricing.UtilityFree...)
	return pricing.NewRegistry(append(append(aws.Models(), azure.Models()...), gcp.Models()...), free)
}

package aws

import "github.com/tollgate-dev/tollgate/pricing"

// computeModels are the models of instances, volumes and containers.
func computeModels() []pricing.Model {
	return nil
}

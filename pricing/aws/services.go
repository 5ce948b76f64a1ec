package aws

import "github.com/tollgate-dev/tollgate/pricing"

// serviceModels are the models of managed services and networking.
func serviceModels() []pricing.Model {
	return nil
}

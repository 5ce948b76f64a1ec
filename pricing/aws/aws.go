// Package aws holds the cost models of AWS resource types, one file per
// type or family, and the list of AWS types that cost nothing.
package aws

import "github.com/tollgate-dev/tollgate/pricing"

// Models returns every AWS cost model.
func Models() []pricing.Model {
	return append(computeModels(), serviceModels()...)
}

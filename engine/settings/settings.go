// Package settings reads tollgate.yml, the configuration of the built-in
// guardrails, waivers and enforcement.
package settings

import (
	"slices"

	"github.com/shopspring/decimal"

	"github.com/tollgate-dev/tollgate/engine/gate"
)

// Settings is a parsed tollgate.yml. A nil *Settings, like an empty file,
// configures nothing: no guardrail, no waiver, every rule hard.
//
//	version: 1
//	required_tags:
//	  keys: [owner, env]
//	  values: {env: [dev, staging, prod]}
//	instance_types: {allow: ["t3.*"], deny: ["p4d.*"]}
//	budget: {max_monthly_total: 1000, max_monthly_increase: 100, max_monthly_increase_percent: 25}
//	waivers:
//	  - {rule: required-tags, address: aws_instance.legacy, reason: "…", owner: ops@example.com, expires: 2027-01-31}
//	enforcement: {budget-increase: soft}
//	override_labels: [cost-approved]
//	custom: {anything: for user policies}
//
// A section that is absent (or null) is nil.
type Settings struct {
	Version       int // 1, or 0 when not given
	RequiredTags  *RequiredTags
	InstanceTypes *InstanceTypes
	Budget        *Budget
	// Custom is free-form data for user policies, with numbers as
	// json.Number.
	Custom map[string]any

	waivers        []gate.Waiver
	levels         map[string]gate.Level
	overrideLabels []string
}

// RequiredTags configures the required-tags guardrail: Keys must be
// present; Values constrains the values of a tag.
type RequiredTags struct {
	Keys   []string
	Values map[string][]string
}

// InstanceTypes configures allowed-instance-types: globs over instance
// sizes; an empty Allow allows every size not denied.
type InstanceTypes struct {
	Allow []string
	Deny  []string
}

// Budget configures the budget guardrails, in USD per month (the percent
// is of the past total). A nil limit is not checked.
type Budget struct {
	MaxMonthlyTotal           *decimal.Decimal
	MaxMonthlyIncrease        *decimal.Decimal
	MaxMonthlyIncreasePercent *decimal.Decimal
}

// Waivers returns the waivers in the order they are declared, each with
// its Source "FILE:LINE".
func (s *Settings) Waivers() []gate.Waiver {
	if s == nil {
		return nil
	}
	return slices.Clone(s.waivers)
}

// Levels returns the enforcement level of each rule listed under
// enforcement; rules not listed are hard.
func (s *Settings) Levels() map[string]gate.Level {
	levels := map[string]gate.Level{}
	if s != nil {
		for r, l := range s.levels {
			levels[r] = l
		}
	}
	return levels
}

// OverrideLabels returns the pull-request labels that override every
// soft rule.
func (s *Settings) OverrideLabels() []string {
	if s == nil {
		return nil
	}
	return slices.Clone(s.overrideLabels)
}

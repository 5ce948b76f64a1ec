package tollgate.builtin.budget_test

import data.tollgate.builtin.budget

config := {"budget": {"max_monthly_total": 1000, "max_monthly_increase": 100, "max_monthly_increase_percent": 25}}

# change is an input with the given totals and nothing unpriced.
change(past, total) := {
	"past_total_monthly_cost": past,
	"total_monthly_cost": total,
	"diff_total_monthly_cost": total - past,
	"unpriced": [],
}

# findings are the messages of every budget rule, by rule id.
findings(cfg, doc) := f if {
	f := {
		"budget-total": {r.msg | some r in budget.deny_budget_total},
		"budget-increase": {r.msg | some r in budget.deny_budget_increase},
		"budget-increase-percent": {r.msg | some r in budget.deny_budget_increase_percent},
	} with input as doc
		with data.tollgate.config as cfg
}

# same is got == want, printing both when they differ.
same(got, want) if got == want

same(got, want) if {
	got != want
	print("got: ", got)
	print("want:", want)
	false
}

none := {"budget-total": set(), "budget-increase": set(), "budget-increase-percent": set()}

test_within_every_budget if {
	same(findings(config, change(800, 900)), none)
}

test_total_just_below_at_and_over if {
	cfg := {"budget": {"max_monthly_total": 1000}}
	same(findings(cfg, change(0, 999.99))["budget-total"], set())
	same(findings(cfg, change(0, 1000))["budget-total"], set())
	same(findings(cfg, change(0, 1000.01))["budget-total"], {"The monthly cost after this change, $1,000.01, is over the budget of $1,000.00"})
}

test_increase_just_below_at_and_over if {
	cfg := {"budget": {"max_monthly_increase": 100}}
	same(findings(cfg, change(500, 599.99))["budget-increase"], set())
	same(findings(cfg, change(500, 600))["budget-increase"], set())
	same(findings(cfg, change(500, 600.5))["budget-increase"], {"This change raises the monthly cost by $100.50 (from $500.00 to $600.50), over the limit of $100.00"})
}

test_increase_percent_just_below_at_and_over if {
	cfg := {"budget": {"max_monthly_increase_percent": 25}}
	same(findings(cfg, change(400, 499.96))["budget-increase-percent"], set())
	same(findings(cfg, change(400, 500))["budget-increase-percent"], set())
	same(findings(cfg, change(400, 500.04))["budget-increase-percent"], {"This change raises the monthly cost by 25.01% ($100.04, from $400.00 to $500.04), over the limit of 25.00%"})
}

test_every_budget_exceeded if {
	same(findings(config, change(1000, 2500.5)), {
		"budget-total": {"The monthly cost after this change, $2,500.50, is over the budget of $1,000.00"},
		"budget-increase": {"This change raises the monthly cost by $1,500.50 (from $1,000.00 to $2,500.50), over the limit of $100.00"},
		"budget-increase-percent": {"This change raises the monthly cost by 150.05% ($1,500.50, from $1,000.00 to $2,500.50), over the limit of 25.00%"},
	})
}

test_percent_is_undefined_when_nothing_cost_anything_before if {
	cfg := {"budget": {"max_monthly_increase_percent": 25}}
	same(findings(cfg, change(0, 10000)), none)
}

test_decrease_passes_every_budget_but_the_total if {
	same(findings(config, change(3000, 2000)), {
		"budget-total": {"The monthly cost after this change, $2,000.00, is over the budget of $1,000.00"},
		"budget-increase": set(),
		"budget-increase-percent": set(),
	})
}

test_zero_limits_forbid_any_increase if {
	cfg := {"budget": {"max_monthly_increase": 0, "max_monthly_increase_percent": 0}}
	same(findings(cfg, change(100, 100)), none)
	same(findings(cfg, change(100, 100.01)), {
		"budget-total": set(),
		"budget-increase": {"This change raises the monthly cost by $0.01 (from $100.00 to $100.01), over the limit of $0.00"},
		"budget-increase-percent": {"This change raises the monthly cost by 0.01% ($0.01, from $100.00 to $100.01), over the limit of 0.00%"},
	})
}

test_unpriced_resources_are_named_in_the_message if {
	cfg := {"budget": {"max_monthly_total": 10}}
	one := object.union(change(0, 20), {"unpriced": [{"address": "a", "type": "t", "reason": "r"}]})
	same(findings(cfg, one)["budget-total"], {"The monthly cost after this change, $20.00, is over the budget of $10.00; 1 resource is not fully priced and its missing cost is not counted"})
	two := object.union(change(0, 20), {"unpriced": [{"address": "a", "type": "t", "reason": "r"}, {"address": "b", "type": "t", "reason": "r"}]})
	same(findings(cfg, two)["budget-total"], {"The monthly cost after this change, $20.00, is over the budget of $10.00; 2 resources are not fully priced and their missing cost is not counted"})
}

test_absent_partial_or_malformed_config_checks_nothing if {
	doc := change(1000, 1000000)
	every cfg in [
		{},
		{"budget": null},
		{"budget": {}},
		{"budget": {"max_monthly_total": null, "max_monthly_increase": "100"}},
	] {
		same(findings(cfg, doc), none)
	}
}

test_money if {
	every c in [
		[0, "$0.00"],
		[0.004, "$0.00"],
		[0.005, "$0.01"],
		[7, "$7.00"],
		[146.065, "$146.07"],
		[999.999, "$1,000.00"],
		[1234567.891, "$1,234,567.89"],
		[123456, "$123,456.00"],
		[-70.08, "-$70.08"],
		[-0.001, "$0.00"],
	] {
		[amount, text] := c
		same(budget.money(amount), text)
	}
}

# Budgets: limits on the monthly cost of the whole plan after the change and
# on how much the change adds, in USD.
#
# tollgate.yml:
#
#   budget:
#     max_monthly_total: 1000            # total_monthly_cost
#     max_monthly_increase: 100          # diff_total_monthly_cost
#     max_monthly_increase_percent: 25   # diff / past total * 100
#
# A limit is exceeded when the cost is over it; a cost equal to it passes.
package tollgate.builtin.budget

budget := b if {
	b := data.tollgate.config.budget
	is_object(b)
}

limit(name) := n if {
	n := budget[name]
	is_number(n)
}

# METADATA
# title: Monthly budget
# description: >-
#   The monthly cost of the whole plan after the change must not be over
#   budget.max_monthly_total (USD). Resources tollgate could not price count
#   only with their priced parts.
# custom:
#   rule: budget-total
deny_budget_total contains {"msg": msg} if {
	cap := limit("max_monthly_total")
	input.total_monthly_cost > cap
	msg := sprintf("The monthly cost after this change, %s, is over the budget of %s%s", [
		money(input.total_monthly_cost),
		money(cap),
		unpriced_note,
	])
}

# METADATA
# title: Monthly cost increase
# description: >-
#   The change must not raise the monthly cost by more than
#   budget.max_monthly_increase (USD).
# custom:
#   rule: budget-increase
deny_budget_increase contains {"msg": msg} if {
	cap := limit("max_monthly_increase")
	input.diff_total_monthly_cost > cap
	msg := sprintf("This change raises the monthly cost by %s (from %s to %s), over the limit of %s%s", [
		money(input.diff_total_monthly_cost),
		money(input.past_total_monthly_cost),
		money(input.total_monthly_cost),
		money(cap),
		unpriced_note,
	])
}

# METADATA
# title: Monthly cost increase in percent
# description: >-
#   The change must not raise the monthly cost by more than
#   budget.max_monthly_increase_percent percent of the cost before it. When
#   nothing cost anything before the change the percentage is undefined and
#   the rule does not apply; use max_monthly_increase for new workloads.
# custom:
#   rule: budget-increase-percent
deny_budget_increase_percent contains {"msg": msg} if {
	cap := limit("max_monthly_increase_percent")
	input.past_total_monthly_cost > 0
	increase := (input.diff_total_monthly_cost / input.past_total_monthly_cost) * 100
	increase > cap
	msg := sprintf("This change raises the monthly cost by %s%% (%s, from %s to %s), over the limit of %s%%%s", [
		decimal(increase),
		money(input.diff_total_monthly_cost),
		money(input.past_total_monthly_cost),
		money(input.total_monthly_cost),
		decimal(cap),
		unpriced_note,
	])
}

# Cost that tollgate could not price is not in the totals: say so, since the
# real figure is higher than the one the budget was checked against.
unpriced_note := "" if count(input.unpriced) == 0

unpriced_note := "; 1 resource is not fully priced and its missing cost is not counted" if count(input.unpriced) == 1

unpriced_note := sprintf("; %d resources are not fully priced and their missing cost is not counted", [n]) if {
	n := count(input.unpriced)
	n > 1
}

# money formats an amount in USD to the cent with thousands separators:
# -$1,234.57.
money(x) := sprintf("%s$%s", [sign(x), decimal(abs(x))])

sign(x) := "-" if round(x * 100) < 0

sign(x) := "" if round(x * 100) >= 0

# decimal formats a number to two decimals with thousands separators
# (sprintf's %.2f refuses integers, which the input holds for whole amounts).
decimal(x) := sprintf("%s%s.%02d", [sign(x), thousands(format_int(floor(cents / 100), 10)), cents % 100]) if {
	cents := round(abs(x) * 100)
}

thousands(digits) := digits if count(digits) <= 3

thousands(digits) := concat(",", array.concat([substring(digits, 0, head)], rest)) if {
	n := count(digits)
	n > 3
	head := ((n - 1) % 3) + 1
	rest := [substring(digits, i, 3) | some i in numbers.range_step(head, n - 1, 3)]
}

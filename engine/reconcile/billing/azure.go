package billing

import (
	"bytes"
)

// Azure cost details come as two exports with the same columns: actual
// cost (commitment purchases billed when bought, covered usage at zero)
// and amortized cost (purchases spread over the usage they cover). Each
// row tells which part it is, so either reads correctly: a commitment
// purchase is billed but not effective cost, covered usage and unused
// commitment are effective but not billed cost. Read one of the two for a
// period, not both: on-demand usage is in each, and would count twice.

func (rd *reader) azure(r *row, ln *line) string {
	l := rd.l
	var why string
	if ln.start, why = l.timeOf(r, cStart, &rd.startTC); why != "" {
		return why
	}
	ln.end = (ln.start/secondsPerDay + 1) * secondsPerDay // daily rows
	kind := azureChargeType(r.f[cCategory])
	ln.cat = kind.cat
	if isNull(r.f[cBilled]) {
		return l.missing[cBilled]
	}
	cost, why := l.amountOf(r, cBilled)
	if why != "" {
		return why
	}
	commitment := isCommitment(r.f[cPricingModel])
	switch {
	case kind.unused:
		ln.effective = cost
		ln.commitAmortized = !cost.isZero()
	case commitment && ln.cat == Purchase:
		ln.billed = cost
		ln.commitPurchase = true
	case commitment && ln.cat == Usage:
		ln.effective = cost
		ln.commitAmortized = !cost.isZero()
	default:
		ln.billed, ln.effective = cost, cost
	}
	if !isNull(r.f[cQty]) {
		if ln.qty, why = l.amountOf(r, cQty); why != "" {
			return why
		}
		ln.unit = nonNull(r.f[cUnit])
		ln.hasQty = true
	}
	switch {
	case !isNull(r.f[cList]):
		if ln.list, why = l.amountOf(r, cList); why != "" {
			return why
		}
	case !isNull(r.f[cListRate]) && ln.hasQty:
		rate, why := l.amountOf(r, cListRate)
		if why != "" {
			return why
		}
		ln.list = rate.mul(ln.qty)
	}
	ln.tags = nonNull(r.f[cTags])
	return ""
}

type azureKind struct {
	cat    Category
	unused bool
}

// azureChargeType maps ChargeType; exports without it hold only usage.
func azureChargeType(b []byte) azureKind {
	switch {
	case isNull(b) || bytes.EqualFold(b, []byte("Usage")):
		return azureKind{cat: Usage}
	case bytes.EqualFold(b, []byte("Purchase")):
		return azureKind{cat: Purchase}
	case bytes.EqualFold(b, []byte("Refund")):
		return azureKind{cat: Credit}
	case bytes.EqualFold(b, []byte("Tax")):
		return azureKind{cat: Tax}
	case bytes.EqualFold(b, []byte("UnusedReservation")), bytes.EqualFold(b, []byte("UnusedSavingsPlan")):
		return azureKind{cat: Usage, unused: true}
	}
	return azureKind{cat: Adjustment} // RoundingAdjustment and types added later
}

func isCommitment(b []byte) bool {
	return bytes.EqualFold(b, []byte("Reservation")) || bytes.EqualFold(b, []byte("SavingsPlan")) ||
		bytes.EqualFold(b, []byte("Savings Plan"))
}

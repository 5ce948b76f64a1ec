package billing

import (
	"fmt"
	"strings"
)

// col is a column the readers use, whatever a format calls it.
type col int

const (
	cResource col = iota
	cService
	cService2 // fallback when cService is null
	cRegion
	cRegion2
	cStart
	cEnd
	cInterval // CUR identity/TimeInterval: "start/end"
	cCategory // FOCUS ChargeCategory, CUR line item type, Azure ChargeType
	cBilled
	cNetBilled // CUR net unblended cost, when exported
	cEffective
	cList
	cListRate // Azure PayGPrice, times the quantity
	cQty
	cUnit
	cQty2 // FOCUS PricingQuantity, when ConsumedQuantity is null
	cUnit2
	cTags
	cCurrency
	cPricingModel // Azure: OnDemand, Reservation, SavingsPlan, Spot
	// CUR columns of the FOCUS converter's EffectiveCost rule.
	cSPEffective
	cRIEffective
	cSPTotalCommitment
	cSPUsedCommitment
	cRIUnusedAmortized
	cRIUnusedRecurring
	cReservationARN
	numCols
)

// formatSpec names a format's columns. Header names are matched without
// regard to case (Azure writes both CostInBillingCurrency and
// costInBillingCurrency).
type formatSpec struct {
	format Format
	label  string
	// names lists each column's header names, preferred first.
	names map[col][]string
	// required are the columns without which a header is not this format.
	required []col
	// tagPrefix marks tag-per-column formats (legacy CUR, CUR for Athena).
	tagPrefix string
	// mapTags is the CUR 2.0 column holding all tags; its presence tells
	// CUR 2.0 from CUR for Athena.
	mapTags string
}

var focusSpec = formatSpec{
	format: FOCUS, label: "FOCUS",
	names: map[col][]string{
		cResource: {"ResourceId"}, cService: {"ServiceName"}, cRegion: {"RegionId"}, cRegion2: {"RegionName"},
		cStart: {"ChargePeriodStart"}, cEnd: {"ChargePeriodEnd"}, cCategory: {"ChargeCategory"},
		cBilled: {"BilledCost"}, cEffective: {"EffectiveCost"}, cList: {"ListCost"},
		cQty: {"ConsumedQuantity"}, cUnit: {"ConsumedUnit"}, cQty2: {"PricingQuantity"}, cUnit2: {"PricingUnit"},
		cTags: {"Tags"}, cCurrency: {"BillingCurrency"},
	},
	required: []col{cBilled, cStart, cCategory},
}

var curSpec = formatSpec{
	format: CUR, label: "AWS CUR",
	names: map[col][]string{
		cResource: {"lineItem/ResourceId"}, cService: {"product/ProductName"}, cService2: {"lineItem/ProductCode"},
		cRegion: {"product/regionCode"}, cRegion2: {"product/region"},
		cStart: {"lineItem/UsageStartDate", "identity/TimeInterval"}, cEnd: {"lineItem/UsageEndDate"},
		cInterval: {"identity/TimeInterval"}, cCategory: {"lineItem/LineItemType"},
		cBilled: {"lineItem/UnblendedCost"}, cNetBilled: {"lineItem/NetUnblendedCost"},
		cList: {"pricing/publicOnDemandCost"}, cQty: {"lineItem/UsageAmount"}, cUnit: {"pricing/unit"},
		cCurrency:          {"lineItem/CurrencyCode"},
		cSPEffective:       {"savingsPlan/SavingsPlanEffectiveCost"},
		cRIEffective:       {"reservation/EffectiveCost"},
		cSPTotalCommitment: {"savingsPlan/TotalCommitmentToDate"},
		cSPUsedCommitment:  {"savingsPlan/UsedCommitment"},
		cRIUnusedAmortized: {"reservation/UnusedAmortizedUpfrontFeeForBillingPeriod"},
		cRIUnusedRecurring: {"reservation/UnusedRecurringFee"},
		cReservationARN:    {"reservation/ReservationARN"},
	},
	required:  []col{cBilled, cCategory, cStart},
	tagPrefix: "resourceTags/",
}

var curAthenaSpec = formatSpec{
	format: CURAthena, label: "AWS CUR for Athena or CUR 2.0",
	names: map[col][]string{
		cResource: {"line_item_resource_id"}, cService: {"product_product_name"}, cService2: {"line_item_product_code"},
		cRegion: {"product_region_code"}, cRegion2: {"product_region"},
		cStart: {"line_item_usage_start_date", "identity_time_interval"}, cEnd: {"line_item_usage_end_date"},
		cInterval: {"identity_time_interval"}, cCategory: {"line_item_line_item_type"},
		cBilled: {"line_item_unblended_cost"}, cNetBilled: {"line_item_net_unblended_cost"},
		cList: {"pricing_public_on_demand_cost"}, cQty: {"line_item_usage_amount"}, cUnit: {"pricing_unit"},
		cCurrency:          {"line_item_currency_code"},
		cSPEffective:       {"savings_plan_savings_plan_effective_cost"},
		cRIEffective:       {"reservation_effective_cost"},
		cSPTotalCommitment: {"savings_plan_total_commitment_to_date"},
		cSPUsedCommitment:  {"savings_plan_used_commitment"},
		cRIUnusedAmortized: {"reservation_unused_amortized_upfront_fee_for_billing_period"},
		cRIUnusedRecurring: {"reservation_unused_recurring_fee"},
		cReservationARN:    {"reservation_reservation_a_r_n", "reservation_reservation_arn"},
		cTags:              {"resource_tags"},
	},
	required:  []col{cBilled, cCategory, cStart},
	tagPrefix: "resource_tags_",
	mapTags:   "resource_tags",
}

var azureSpec = formatSpec{
	format: AzureCost, label: "Azure cost details",
	names: map[col][]string{
		cResource: {"ResourceId", "InstanceName", "InstanceId"}, cService: {"MeterCategory"}, cService2: {"ConsumedService"},
		cRegion: {"ResourceLocation"}, cRegion2: {"MeterRegion"},
		cStart: {"Date", "UsageDateTime"}, cCategory: {"ChargeType"},
		cBilled: {"CostInBillingCurrency", "Cost", "PreTaxCost"},
		cList:   {"PaygCostInBillingCurrency"}, cListRate: {"PayGPrice"},
		cQty: {"Quantity", "UsageQuantity"}, cUnit: {"UnitOfMeasure"},
		cTags: {"Tags"}, cCurrency: {"BillingCurrency", "BillingCurrencyCode", "Currency"},
		cPricingModel: {"PricingModel"},
	},
	required: []col{cStart, cBilled, cResource},
}

var specs = []*formatSpec{&focusSpec, &curSpec, &curAthenaSpec, &azureSpec}

// layout is a header resolved against a format: where each column is.
type layout struct {
	spec   *formatSpec
	format Format
	width  int // fields per record
	idx    [numCols]int
	name   [numCols]string // the header's spelling, for messages
	// bad and missing are the malformed-row reasons per column, built once.
	bad, missing [numCols]string
	tagCols      []tagCol
}

type tagCol struct {
	idx int
	key string
}

// detect finds the format of a header, or says what each format lacks.
func detect(name string, header []string) (*layout, error) {
	pos := make(map[string]int, len(header))
	for i, h := range header {
		h = strings.ToLower(strings.TrimSpace(h))
		if _, dup := pos[h]; !dup {
			pos[h] = i
		}
	}
	var lacks []string
	for _, sp := range specs {
		l := &layout{spec: sp, format: sp.format, width: len(header)}
		for c := range l.idx {
			l.idx[c] = -1
			for _, n := range sp.names[col(c)] {
				if i, ok := pos[strings.ToLower(n)]; ok {
					l.idx[c] = i
					l.name[c] = strings.TrimSpace(header[i])
					break
				}
			}
			if l.name[c] == "" && len(sp.names[col(c)]) > 0 {
				l.name[c] = sp.names[col(c)][0]
			}
			l.bad[c] = "bad " + l.name[c]
			l.missing[c] = "no " + l.name[c]
		}
		var miss []string
		for _, c := range sp.required {
			if l.idx[c] < 0 {
				miss = append(miss, strings.Join(sp.names[c], " or "))
			}
		}
		if len(miss) > 0 {
			lacks = append(lacks, fmt.Sprintf("%s (%s)", strings.Join(miss, ", "), sp.label))
			continue
		}
		if sp.mapTags != "" {
			if _, ok := pos[sp.mapTags]; ok {
				l.format = CUR2
			} else {
				l.idx[cTags] = -1
			}
		}
		if sp.tagPrefix != "" {
			for i, h := range header {
				h = strings.TrimSpace(h)
				if len(h) > len(sp.tagPrefix) && strings.EqualFold(h[:len(sp.tagPrefix)], sp.tagPrefix) {
					l.tagCols = append(l.tagCols, tagCol{idx: i, key: curTagKey(h[len(sp.tagPrefix):])})
				}
			}
		}
		return l, nil
	}
	return nil, fmt.Errorf("%s: not a billing export tollgate reads: no %s; export FOCUS, AWS CUR or Azure cost details with their standard columns",
		name, strings.Join(lacks, " nor "))
}

// curTagKey strips the "user:" (legacy CUR) or "user_" (Athena, CUR 2.0)
// prefix AWS adds to user-defined tag keys; aws: keys keep theirs.
func curTagKey(k string) string {
	for _, p := range []string{"user:", "user_"} {
		if len(k) > len(p) && strings.EqualFold(k[:len(p)], p) {
			return k[len(p):]
		}
	}
	return k
}

// missing names the cost and id columns the layout lacks, by their FOCUS
// names, whatever the format calls them.
func (l *layout) missingColumns() []string {
	var m []string
	if l.idx[cResource] < 0 {
		m = append(m, "ResourceId")
	}
	if l.format == FOCUS && l.idx[cEffective] < 0 {
		m = append(m, "EffectiveCost")
	}
	if l.idx[cList] < 0 && l.idx[cListRate] < 0 {
		m = append(m, "ListCost")
	}
	return m
}

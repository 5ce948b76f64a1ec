package aws

import "github.com/tollgate-dev/tollgate/pricing"

// Usage-file keys that several models read. Each model documents them in
// its own words (what storage_gb stores differs by service), but a key
// means one kind of quantity everywhere.
const (
	usageRequests      = "monthly_requests"
	usageStorageGB     = "storage_gb"
	usageCreditHours   = "monthly_cpu_credit_hrs"
	usageStandardIO    = "monthly_standard_io_requests"
	usageBackupGB      = "additional_backup_storage_gb"
	usageDataProcessed = "monthly_data_processed_gb"
)

// Factors that turn a usage-file value into the unit its price is quoted
// in: requests are priced per 1M, 10k or 1k of them.
var (
	perMillion  = pricing.Dec("0.000001")
	perTenThou  = pricing.Dec("0.0001")
	perThousand = pricing.Dec("0.001")
	// millionRequests divides the EBS and Lambda request counts instead:
	// division rounds to 16 decimal places where multiplying by perMillion
	// is exact, so the two are not interchangeable.
	millionRequests = pricing.Dec("1000000")
)

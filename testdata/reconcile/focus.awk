# Writes focus.csv, the FOCUS 1.2 bill of June 2025 for the stack of
# plan.json and state.json:  awk -f focus.awk > focus.csv
# Daily rows, as AWS's FOCUS export writes them; see README.md for the
# story behind each line and the actuals it sums to.
function q(s) { gsub(/"/, "\"\"", s); return "\"" s "\"" }
function day(d) { return sprintf("2025-06-%02dT00:00:00Z", d) }
function next_day(d) { return d == 30 ? "2025-07-01T00:00:00Z" : sprintf("2025-06-%02dT00:00:00Z", d + 1) }
function tags(t) { return t == "" ? "" : "{" t "}" }
# row(start, end, category, frequency, pricingCategory, az, service,
#     svcCategory, svcSub, resourceId, resourceName, resourceType, sku,
#     description, qty, unit, listPrice, list, billed, effective,
#     commitment, tags); commitment is "QUANTITY,STATUS" for the lines of
#     the reserved instance, else "".
function row(start, end_, cat, freq, pcat, az, svc, scat, ssub, rid, rname, rtype, sku, desc, qty, unit, lp, list, billed, eff, commit, tg,    cd) {
	# The seven CommitmentDiscount* columns, for lines of the reserved instance.
	cd = commit == "" ? ",,,,,," : "Usage," ri ",tollgate-demo-db-ri," commit ",Reserved Instance,Hours"
	printf "%s,%s,%s,%s,%s,%s,%s,%s,", az, num(billed), acct, q("Acme Payer"), "Billing Account", "USD", "2025-07-01T00:00:00Z", "2025-06-01T00:00:00Z"
	printf ",,%s,,%s,%s,%s,%s,%s,", cat, q(desc), freq, end_, start, cd
	printf "%s,%s,%s,%s,", qty == "" ? "" : num(qty), unit, num(list), lp == "" ? "" : num(lp)
	printf "%s,INV-2025-06-0042,%s,%s,%s,", num(eff), q("Amazon Web Services, Inc."), num(list), lp == "" ? "" : num(lp)
	printf "%s,USD,%s,%s,%s,", pcat, lp == "" ? "" : num(lp), num(eff), lp == "" ? "" : num(lp)
	printf "%s,%s,AWS,%s,%s,%s,", qty == "" ? "" : num(qty), unit, q("Amazon Web Services, Inc."), rid == "" && cat != "Usage" ? "" : "us-east-1", rid == "" && cat != "Usage" ? "" : q("US East (N. Virginia)")
	printf "%s,%s,%s,%s,%s,%s,", rid, rname, rtype, scat, q(svc), ssub
	printf "%s,,,%s,%s,%s,Sub Account,%s\n", sku, sku == "" ? "" : sku ".JRTCKXETXF", acct, q("acme-prod"), q(tags(tg))
}
function num(x) { return sprintf("%.10f", x) }
BEGIN {
	acct = "123456789012"
	print "AvailabilityZone,BilledCost,BillingAccountId,BillingAccountName,BillingAccountType,BillingCurrency,BillingPeriodEnd,BillingPeriodStart," \
		"CapacityReservationId,CapacityReservationStatus,ChargeCategory,ChargeClass,ChargeDescription,ChargeFrequency,ChargePeriodEnd,ChargePeriodStart," \
		"CommitmentDiscountCategory,CommitmentDiscountId,CommitmentDiscountName,CommitmentDiscountQuantity,CommitmentDiscountStatus,CommitmentDiscountType,CommitmentDiscountUnit," \
		"ConsumedQuantity,ConsumedUnit,ContractedCost,ContractedUnitPrice," \
		"EffectiveCost,InvoiceId,InvoiceIssuerName,ListCost,ListUnitPrice," \
		"PricingCategory,PricingCurrency,PricingCurrencyContractedUnitPrice,PricingCurrencyEffectiveCost,PricingCurrencyListUnitPrice," \
		"PricingQuantity,PricingUnit,ProviderName,PublisherName,RegionId,RegionName," \
		"ResourceId,ResourceName,ResourceType,ServiceCategory,ServiceName,ServiceSubcategory," \
		"SkuId,SkuMeter,SkuPriceDetails,SkuPriceId,SubAccountId,SubAccountName,SubAccountType,Tags"
	ec2 = "Amazon Elastic Compute Cloud"; rds = "Amazon Relational Database Service"
	elb = "Elastic Load Balancing"; s3 = "Amazon Simple Storage Service"
	web = "\"env\": \"prod\", \"team\": \"web\""
	nat = "arn:aws:ec2:us-east-1:" acct ":natgateway/nat-0123456789abcdef0"
	db = "arn:aws:rds:us-east-1:" acct ":db:tollgate-demo-db"
	ri = "arn:aws:rds:us-east-1:" acct ":ri:tollgate-demo-db-ri"
	lb = "arn:aws:elasticloadbalancing:us-east-1:" acct ":loadbalancer/app/tollgate-demo-web/50dc6c495c0c9188"
	for (d = 1; d <= 30; d++) {
		s = day(d); e = next_day(d)
		row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1a", ec2, "Compute", "Virtual Machines", "i-0a1b2c3d4e5f60718", "web-0", "Instance", "6WAC5XQFV98G6VNK",
			"$0.096 per On Demand Linux m5.large Instance Hour", 24, "Hours", 0.096, 24 * 0.096, 24 * 0.096, 24 * 0.096, "",
			web ", \"Name\": \"web-0\", \"tollgate-address\": \"aws_instance.web[0]\"")
		row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1a", ec2, "Storage", "Block Storage", "vol-0a1b2c3d4e5f60719", "", "Volume", "7Z7ZW7XQFA2PXJ4T",
			"$0.08 per GB-month of General Purpose (gp3) provisioned storage - US East (Northern Virginia)", 1, "GB-Months", 0.08, 0.08, 0.08, 0.08, "",
			"\"tollgate-address\": \"aws_instance.web[0]\"")
		if (d != 14 && d != 15) # stopped for maintenance over a weekend
			row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1b", ec2, "Compute", "Virtual Machines", "i-0c9d8e7f6a5b4c3d2", "web-1", "Instance", "6WAC5XQFV98G6VNK",
				"$0.096 per On Demand Linux m5.large Instance Hour", 24, "Hours", 0.096, 24 * 0.096, 24 * 0.096, 24 * 0.096, "",
				web ", \"Name\": \"web-1\", \"tollgate-address\": \"aws_instance.web[1]\"")
		row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1b", ec2, "Storage", "Block Storage", "vol-0c9d8e7f6a5b4c3d3", "", "Volume", "7Z7ZW7XQFA2PXJ4T",
			"$0.08 per GB-month of General Purpose (gp3) provisioned storage - US East (Northern Virginia)", 1, "GB-Months", 0.08, 0.08, 0.08, 0.08, "",
			"\"tollgate-address\": \"aws_instance.web[1]\"")
		row(s, e, "Usage", "Usage-Based", "Standard", "", ec2, "Networking", "Network Connectivity", nat, "", "NAT Gateway", "M2YSHUBETB3JX4M4",
			"$0.045 per NAT Gateway Hour", 24, "Hours", 0.045, 24 * 0.045, 24 * 0.045, 24 * 0.045, "", web)
		gb = d <= 10 ? 18 : d <= 20 ? 20 : 24
		row(s, e, "Usage", "Usage-Based", "Standard", "", ec2, "Networking", "Network Connectivity", nat, "", "NAT Gateway", "MCMSMWFAGX4EHW9K",
			"$0.045 per GB Data Processed by NAT Gateways", gb, "GB", 0.045, gb * 0.045, gb * 0.045, gb * 0.045, "", web)
		row(s, e, "Usage", "Usage-Based", "Committed", "us-east-1a", rds, "Databases", "Relational Databases", db, "tollgate-demo-db", "DB Instance", "QZ8Y4GNHQ7NBWTW5",
			"PostgreSQL, db.t3.medium reserved instance applied", 24, "Hours", 0.144, 24 * 0.144, 0, 24 * 0.087, "24,Used", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1a", rds, "Storage", "Database Storage", db, "tollgate-demo-db", "DB Instance", "8H7GN8YJYDNNTKJ2",
			"$0.23 per GB-month of General Purpose GP3 storage running PostgreSQL Multi-AZ", 4, "GB-Months", 0.23, 4 * 0.23, 4 * 0.23, 4 * 0.23, "", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "", elb, "Networking", "Load Balancing", lb, "tollgate-demo-web", "Load Balancer", "GKSF5FRJRWX2Z7VG",
			"$0.0225 per Application LoadBalancer-hour (or partial hour)", 24, "Hours", 0.0225, 24 * 0.0225, 24 * 0.0225, 24 * 0.0225, "", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "", elb, "Networking", "Load Balancing", lb, "tollgate-demo-web", "Load Balancer", "7FT9G2HSM7WDBTMK",
			"$0.008 per used Application load balancer capacity unit-hour (or partial hour)", 12, "LCU-Hours", 0.008, 12 * 0.008, 12 * 0.008, 12 * 0.008, "", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "", s3, "Storage", "Object Storage", "tollgate-demo-assets-7f3a", "tollgate-demo-assets-7f3a", "Bucket", "WP9ANXZGBYYSGJEA",
			"$0.023 per GB - first 50 TB / month of storage used", 10, "GB-Months", 0.023, 10 * 0.023, 10 * 0.023, 10 * 0.023, "", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "", s3, "Storage", "Object Storage", "tollgate-demo-assets-7f3a", "tollgate-demo-assets-7f3a", "Bucket", "QCTX9RJ6X6ZU3ZTZ",
			"$0.005 per 1,000 PUT, COPY, POST, or LIST requests", 4000, "Requests", 0.000005, 4000 * 0.000005, 4000 * 0.000005, 4000 * 0.000005, "", web)
		row(s, e, "Usage", "Usage-Based", "Standard", "", s3, "Storage", "Object Storage", "tollgate-demo-assets-7f3a", "tollgate-demo-assets-7f3a", "Bucket", "JZHJD3QUMXFSXPZV",
			"$0.0004 per 1,000 GET and all other requests", 150000, "Requests", 0.0000004, 150000 * 0.0000004, 150000 * 0.0000004, 150000 * 0.0000004, "", web)
		# A volume created by hand in the console: billed, predicted by no one.
		row(s, e, "Usage", "Usage-Based", "Standard", "us-east-1a", ec2, "Storage", "Block Storage", "vol-0fedcba9876543210", "", "Volume", "HY3BZPP2B6K8MSJF",
			"$0.10 per GB-month of General Purpose SSD (gp2) provisioned storage - US East (Northern Virginia)", 10, "GB-Months", 0.10, 1, 1, 1, "",
			"\"team\": \"data\"")
	}
	m0 = "2025-06-01T00:00:00Z"; m1 = "2025-07-01T00:00:00Z"
	row(m0, m1, "Purchase", "Recurring", "Committed", "", rds, "Databases", "Relational Databases", ri, "", "", "",
		"USD 0.087 hourly fee per PostgreSQL, db.t3.medium Multi-AZ reserved instance", 720, "Hours", "", 0, 720 * 0.087, 0, "720,", "")
	row(m0, m1, "Tax", "Recurring", "", "", ec2, "Compute", "Virtual Machines", "", "", "", "",
		"Tax for product code AmazonEC2", "", "", "", 12.34, 12.34, 12.34, "", "")
	row(m0, m1, "Credit", "One-Time", "", "", rds, "Databases", "Relational Databases", "", "", "", "",
		"AWS Activate credits applied to Amazon RDS", "", "", "", -25, -25, -25, "", "")
}

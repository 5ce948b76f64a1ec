package awsfeedtest

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
)

// Synthetic offer file shape: every cycle lists each of SyntheticTypes
// instance types in four operating systems, each with one on-demand
// shared-tenancy row (the one a feed keeps) and eight it must drop:
// dedicated tenancy, an unused capacity reservation, pre-installed SQL
// Server and five reserved terms. A cycle also has EBS, NAT gateway and
// data transfer rows. Prices repeat from cycle to cycle, so whatever the
// size, a feed keeps SyntheticInstanceKeys instance prices plus
// SyntheticOtherKeys others, all for us-east-1.
const (
	SyntheticTypes        = 200
	SyntheticInstanceKeys = SyntheticTypes * 4
	SyntheticOtherKeys    = 3 // aws-ebs storage/gp3, aws-vpc nat-gateway and nat-gateway/data
)

// syntheticHeader is the column layout of a 2025 AmazonEC2 CSV offer file.
var syntheticHeader = []string{
	"SKU", "OfferTermCode", "RateCode", "TermType", "PriceDescription", "EffectiveDate", "StartingRange", "EndingRange",
	"Unit", "PricePerUnit", "Currency", "RelatedTo", "LeaseContractLength", "PurchaseOption", "OfferingClass",
	"Product Family", "serviceCode", "Location", "Location Type", "Instance Type", "Current Generation", "Instance Family",
	"vCPU", "Physical Processor", "Clock Speed", "Memory", "Storage", "Network Performance", "Processor Architecture",
	"Storage Media", "Volume Type", "Max Volume Size", "Max IOPS/volume", "Max IOPS Burst Performance",
	"Max throughput/volume", "Provisioned", "Tenancy", "EBS Optimized", "Operating System", "License Model", "Group",
	"Group Description", "Transfer Type", "From Location", "From Location Type", "To Location", "To Location Type",
	"usageType", "operation", "AvailabilityZone", "CapacityStatus", "ClassicNetworkingSupport", "Dedicated EBS Throughput",
	"ECU", "Elastic Graphics Type", "Enhanced Networking Supported", "From Region Code", "GPU", "GPU Memory", "Instance",
	"Instance Capacity - 10xlarge", "Instance Capacity - 12xlarge", "Instance Capacity - 16xlarge",
	"Instance Capacity - 18xlarge", "Instance Capacity - 24xlarge", "Instance Capacity - 2xlarge",
	"Instance Capacity - 32xlarge", "Instance Capacity - 4xlarge", "Instance Capacity - 8xlarge",
	"Instance Capacity - 9xlarge", "Instance Capacity - large", "Instance Capacity - medium", "Instance Capacity - metal",
	"Instance Capacity - xlarge", "instanceSKU", "Intel AVX Available", "Intel AVX2 Available", "Intel Turbo Available",
	"MarketOption", "Normalization Size Factor", "Physical Cores", "Pre Installed S/W", "Processor Features",
	"Product Type", "Region Code", "Resource Type", "serviceName", "SnapshotArchiveStorageType", "To Region Code",
	"Volume API Name", "VPCNetworkingSupport",
}

var (
	syntheticFamilies = []string{"m5", "c5", "r5", "t3", "m6i", "c6g", "r6g", "m7i", "c7g", "i3", "x2iedn", "p4d", "g5", "z1d", "m6a", "c6i", "r7i", "t4g", "m5d", "c5n"}
	syntheticSizes    = []string{"medium", "large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge", "metal"}
	syntheticOSes     = []struct{ name, operation string }{
		{"Linux", "RunInstances"}, {"Windows", "RunInstances:0002"}, {"RHEL", "RunInstances:0010"}, {"SUSE", "RunInstances:000g"},
	}
)

// SyntheticPrice is the on-demand price the synthetic file gives an
// instance type (e.g. "m5.large") and operating system ("Linux"), as
// written in the file.
func SyntheticPrice(typ, os string) string {
	for fi, f := range syntheticFamilies {
		for si, s := range syntheticSizes {
			for oi, o := range syntheticOSes {
				if f+"."+s == typ && o.name == os {
					micro := 1000 + fi*3701 + si*10103 + oi*1307
					return fmt.Sprintf("%d.%06d0000", micro/1_000_000, micro%1_000_000)
				}
			}
		}
	}
	return ""
}

// WriteSyntheticOffer writes a CSV offer file of AmazonEC2 in us-east-1
// in the real layout (five metadata lines, the quoted header, about 90
// columns) of at least size bytes, ending at a row boundary. Rows are
// made once and repeated, so the writer is much faster than any reader.
func WriteSyntheticOffer(w io.Writer, size int64) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	var head bytes.Buffer
	for _, m := range [][]string{
		{"FormatVersion", "v1.0"},
		{"Disclaimer", "This pricing list is for informational purposes only. All prices are subject to the additional terms included in the pricing pages on http://aws.amazon.com. All Free Tier prices are also subject to the terms included at https://aws.amazon.com/free/"},
		{"Publication Date", "2025-06-01T00:00:00Z"},
		{"Version", Version},
		{"OfferCode", "AmazonEC2"},
	} {
		writeQuoted(&head, m)
	}
	writeQuoted(&head, syntheticHeader)
	written, err := bw.Write(head.Bytes())
	if err != nil {
		return err
	}
	cycle := syntheticCycle()
	n := int64(written)
	for n < size {
		k, err := bw.Write(cycle)
		if err != nil {
			return err
		}
		n += int64(k)
	}
	return bw.Flush()
}

// syntheticCycle renders one cycle of rows.
func syntheticCycle() []byte {
	col := map[string]int{}
	for i, h := range syntheticHeader {
		col[h] = i
	}
	var buf bytes.Buffer
	sku := 0
	emit := func(fields map[string]string) {
		sku++
		rec := make([]string, len(syntheticHeader))
		rec[col["SKU"]] = fmt.Sprintf("SYN%013d", sku)
		rec[col["serviceCode"]] = "AmazonEC2"
		rec[col["serviceName"]] = "Amazon Elastic Compute Cloud"
		rec[col["Location"]] = "US East (N. Virginia)"
		rec[col["Location Type"]] = "AWS Region"
		rec[col["Region Code"]] = "us-east-1"
		rec[col["Currency"]] = "USD"
		rec[col["EffectiveDate"]] = "2025-06-01"
		rec[col["StartingRange"]] = "0"
		rec[col["EndingRange"]] = "Inf"
		rec[col["OfferTermCode"]] = "JRTCKXETXF"
		for k, v := range fields {
			rec[col[k]] = v
		}
		writeQuoted(&buf, rec)
	}
	for fi, f := range syntheticFamilies {
		for _, s := range syntheticSizes {
			typ := f + "." + s
			for _, o := range syntheticOSes {
				price := SyntheticPrice(typ, o.name)
				base := map[string]string{
					"TermType": "OnDemand", "Unit": "Hrs", "PricePerUnit": price,
					"PriceDescription": fmt.Sprintf("$%s per On Demand %s %s Instance Hour", price, o.name, typ),
					"Product Family":   "Compute Instance", "Instance Type": typ, "Current Generation": "Yes",
					"Instance Family": "General purpose", "vCPU": fmt.Sprint(2 + fi%8*2), "Memory": "8 GiB",
					"Storage": "EBS only", "Network Performance": "Up to 10 Gigabit", "Processor Architecture": "64-bit",
					"Tenancy": "Shared", "Operating System": o.name, "License Model": "No License required",
					"usageType": "BoxUsage:" + typ, "operation": o.operation, "CapacityStatus": "Used",
					"Pre Installed S/W": "NA", "MarketOption": "OnDemand", "Normalization Size Factor": "4",
					"Physical Processor": "Intel Xeon Platinum 8175", "Clock Speed": "3.1 GHz",
					"Intel AVX Available": "Yes", "Intel AVX2 Available": "Yes", "Intel Turbo Available": "Yes",
					"Enhanced Networking Supported": "Yes", "Dedicated EBS Throughput": "Up to 2120 Mbps",
					"ECU": "10", "Physical Cores": "24", "Processor Features": "Intel AVX; Intel AVX2; Intel AVX512; Intel Turbo",
					"ClassicNetworkingSupport": "false", "VPCNetworkingSupport": "true", "instanceSKU": "SYNINSTANCE" + typ,
				}
				emit(base)
				emit(with(base, "Tenancy", "Dedicated", "usageType", "DedicatedUsage:"+typ))
				emit(with(base, "CapacityStatus", "UnusedCapacityReservation", "usageType", "Reservation:"+typ))
				emit(with(base, "Pre Installed S/W", "SQL Std", "operation", o.operation+"4"))
				for _, term := range [][2]string{{"1yr", "No Upfront"}, {"1yr", "Partial Upfront"}, {"1yr", "All Upfront"}, {"3yr", "No Upfront"}, {"3yr", "All Upfront"}} {
					emit(with(base, "TermType", "Reserved", "LeaseContractLength", term[0], "PurchaseOption", term[1], "OfferingClass", "standard", "OfferTermCode", "4NA7Y494T4"))
				}
			}
		}
		// A few non-instance rows per family: kept and dropped ones.
		emit(map[string]string{"TermType": "OnDemand", "Unit": "GB-Mo", "PricePerUnit": "0.0800000000", "Product Family": "Storage",
			"usageType": "EBS:VolumeUsage.gp3", "Volume API Name": "gp3", "Volume Type": "General Purpose", "Storage Media": "SSD-backed"})
		emit(map[string]string{"TermType": "OnDemand", "Unit": "Hrs", "PricePerUnit": "0.0450000000", "Product Family": "NAT Gateway",
			"usageType": "NatGateway-Hours", "Group": "NGW:NatGateway", "operation": "NatGateway"})
		emit(map[string]string{"TermType": "OnDemand", "Unit": "GB", "PricePerUnit": "0.0450000000", "Product Family": "NAT Gateway",
			"usageType": "NatGateway-Bytes", "Group": "NGW:NatGateway", "operation": "NatGateway"})
		emit(map[string]string{"TermType": "OnDemand", "Unit": "GB", "PricePerUnit": "0.0200000000", "Product Family": "Data Transfer",
			"usageType": "USE1-EUW1-AWS-Out-Bytes", "Transfer Type": "InterRegion Outbound", "From Location": "US East (N. Virginia)",
			"To Location": "EU (Ireland)", "Location": "", "Region Code": "", "From Region Code": "us-east-1", "To Region Code": "eu-west-1"})
	}
	return buf.Bytes()
}

func with(m map[string]string, kv ...string) map[string]string {
	out := make(map[string]string, len(m)+len(kv)/2)
	for k, v := range m {
		out[k] = v
	}
	for i := 0; i < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// writeQuoted writes a record the way AWS does: every field quoted.
func writeQuoted(buf *bytes.Buffer, rec []string) {
	for i, f := range rec {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteByte('"')
		for _, c := range []byte(f) {
			if c == '"' {
				buf.WriteByte('"')
			}
			buf.WriteByte(c)
		}
		buf.WriteByte('"')
	}
	buf.WriteByte('\n')
}

package aws

import (
	"fmt"

	"github.com/tollgate-dev/tollgate/pricing"
)

const cloudwatchService = "aws-cloudwatch"

var cloudwatchLogGroupModel = pricing.Model{
	Type: "aws_cloudwatch_log_group",
	Usage: []pricing.UsageKey{
		{Name: "monthly_data_ingested_gb", Description: "log data ingested a month, in GB"},
		{Name: usageStorageGB, Description: "log data stored (archived), in GB"},
		{Name: "monthly_data_scanned_gb", Description: "data scanned a month by Logs Insights queries, in GB"},
	},
	Price: priceLogGroup,
}

func priceLogGroup(r pricing.Resource, p pricing.Pricer) []pricing.Component {
	ingestion, name := "logs/ingestion", "Data ingested"
	switch class := r.Attrs.StringOr("log_group_class", "STANDARD"); class {
	case "STANDARD":
	case "INFREQUENT_ACCESS":
		// Infrequent Access halves ingestion; storage and queries cost the same.
		ingestion, name = "logs/ingestion/infrequent-access", "Data ingested (Infrequent Access)"
	default:
		return []pricing.Component{pricing.Unpriced("Data ingested", "GB", fmt.Sprintf("log_group_class %q is not priced", class))}
	}
	return []pricing.Component{
		p.UsageComponent(name, "GB", "monthly_data_ingested_gb", cloudwatchService, ingestion),
		p.UsageComponent("Archival storage", "GB", usageStorageGB, cloudwatchService, "logs/storage"),
		p.UsageComponent("Insights queries data scanned", "GB", "monthly_data_scanned_gb", cloudwatchService, "logs/insights"),
	}
}

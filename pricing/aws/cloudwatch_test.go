package aws_test

import "testing"

func TestCloudwatchLogGroup(t *testing.T) {
	runModel(t, "aws_cloudwatch_log_group", []modelCase{
		{
			Name:  "without usage",
			Attrs: `{"name": "/app", "retention_in_days": 30}`,
			Want: []line{
				usage("Data ingested", "GB", "0", "0.5", "0"),
				usage("Archival storage", "GB", "0", "0.03", "0"),
				usage("Insights queries data scanned", "GB", "0", "0.005", "0"),
			},
		},
		{
			Name:  "with usage",
			Attrs: `{"name": "/app", "log_group_class": "STANDARD"}`,
			Usage: `{"monthly_data_ingested_gb": 100, "storage_gb": 500, "monthly_data_scanned_gb": 1000}`,
			Want: []line{
				usage("Data ingested", "GB", "100", "0.5", "50"),
				usage("Archival storage", "GB", "500", "0.03", "15"),
				usage("Insights queries data scanned", "GB", "1000", "0.005", "5"),
			},
		},
		{
			Name:  "infrequent access ingestion has its own price",
			Attrs: `{"name": "/app", "log_group_class": "INFREQUENT_ACCESS"}`,
			Want: []line{
				unpricedUsage("Data ingested (Infrequent Access)", "GB", "0", "no aws-cloudwatch price for logs/ingestion/infrequent-access in us-east-1 in the catalog"),
				usage("Archival storage", "GB", "0", "0.03", "0"),
				usage("Insights queries data scanned", "GB", "0", "0.005", "0"),
			},
		},
		{
			Name:  "unknown class",
			Attrs: `{"name": "/app", "log_group_class": "DELIVERY"}`,
			Want:  []line{unpriced("Data ingested", "GB", "0", `log_group_class "DELIVERY" is not priced`)},
		},
	})
}

package aws_test

import "testing"

func TestDynamoDBTable(t *testing.T) {
	storage := usage("Data storage", "GB", "0", "0.25", "0")
	runModel(t, "aws_dynamodb_table", []modelCase{
		{
			Name:  "provisioned capacity",
			Attrs: `{"billing_mode": "PROVISIONED", "write_capacity": 5, "read_capacity": 10}`,
			Want: []line{
				priced("Write capacity (WCU)", "WCU-hours", "3650", "0.00065", "2.3725"),
				priced("Read capacity (RCU)", "RCU-hours", "7300", "0.00013", "0.949"),
				storage,
			},
		},
		{
			Name: "billing_mode defaults to provisioned; indexes sorted by name; PITR",
			Attrs: `{"write_capacity": 5, "read_capacity": 5,
				"global_secondary_index": [
					{"name": "zeta", "write_capacity": 1, "read_capacity": 1},
					{"name": "alpha", "write_capacity": 2, "read_capacity": 2}],
				"point_in_time_recovery": [{"enabled": true}]}`,
			Usage: `{"storage_gb": 100, "pitr_backup_storage_gb": 100}`,
			Want: []line{
				priced("Write capacity (WCU)", "WCU-hours", "3650", "0.00065", "2.3725"),
				priced("Read capacity (RCU)", "RCU-hours", "3650", "0.00013", "0.4745"),
				priced("Write capacity (WCU, index alpha)", "WCU-hours", "1460", "0.00065", "0.949"),
				priced("Read capacity (RCU, index alpha)", "RCU-hours", "1460", "0.00013", "0.1898"),
				priced("Write capacity (WCU, index zeta)", "WCU-hours", "730", "0.00065", "0.4745"),
				priced("Read capacity (RCU, index zeta)", "RCU-hours", "730", "0.00013", "0.0949"),
				usage("Data storage", "GB", "100", "0.25", "25"),
				usage("Point-in-time recovery (PITR) backup storage", "GB", "100", "0.2", "20"),
			},
		},
		{
			Name:  "on-demand with usage",
			Attrs: `{"billing_mode": "PAY_PER_REQUEST", "point_in_time_recovery": [{"enabled": false}]}`,
			Usage: `{"monthly_write_request_units": 10000000, "monthly_read_request_units": 50000000}`,
			Want: []line{
				usage("Write request units (WRU)", "1M requests", "10", "0.625", "6.25"),
				usage("Read request units (RRU)", "1M requests", "50", "0.125", "6.25"),
				storage,
			},
		},
		{
			Name:  "on-demand without usage",
			Attrs: `{"billing_mode": "PAY_PER_REQUEST"}`,
			Want: []line{
				usage("Write request units (WRU)", "1M requests", "0", "0.625", "0"),
				usage("Read request units (RRU)", "1M requests", "0", "0.125", "0"),
				storage,
			},
		},
		{
			Name:    "provisioned capacity unknown or missing",
			Attrs:   `{"billing_mode": "PROVISIONED"}`,
			Unknown: `{"write_capacity": true}`,
			Want: []line{
				unpriced("Write capacity (WCU)", "WCU-hours", "0", "write_capacity"+unknownAttr),
				unpriced("Read capacity (RCU)", "RCU-hours", "0", "read_capacity is not set"),
				storage,
			},
		},
		{
			Name:  "global table replicas are not priced",
			Attrs: `{"billing_mode": "PAY_PER_REQUEST", "replica": [{"region_name": "eu-west-1"}]}`,
			Want: []line{
				usage("Write request units (WRU)", "1M requests", "0", "0.625", "0"),
				usage("Read request units (RRU)", "1M requests", "0", "0.125", "0"),
				storage,
				unpriced("Replica table (eu-west-1)", "months", "0", "replica in eu-west-1 is not priced (global table replicas bill replicated writes and storage in their own region)"),
			},
		},
		{
			Name:  "infrequent access table class",
			Attrs: `{"billing_mode": "PROVISIONED", "write_capacity": 1, "read_capacity": 1, "table_class": "STANDARD_INFREQUENT_ACCESS"}`,
			Want: []line{
				unpriced("Write capacity (WCU)", "WCU-hours", "730", "table_class STANDARD_INFREQUENT_ACCESS is not priced"),
				unpriced("Read capacity (RCU)", "RCU-hours", "730", "table_class STANDARD_INFREQUENT_ACCESS is not priced"),
				unpricedUsage("Data storage", "GB", "0", "table_class STANDARD_INFREQUENT_ACCESS is not priced"),
			},
		},
	})
}

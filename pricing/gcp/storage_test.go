package gcp_test

import "testing"

func TestBucket(t *testing.T) {
	runModel(t, "google_storage_bucket", []modelCase{
		{name: "regional standard", attrs: `{"location": "US-CENTRAL1"}`, usage: `{"storage_gb": 1000}`,
			want: []line{usage("Storage (standard)", "GB-months", "1000", "0.02", "20")}},
		{name: "multi-region, no usage", region: "us-central1", attrs: `{"location": "US", "storage_class": "STANDARD"}`,
			want: []line{usage("Storage (standard)", "GB-months", "0", "0.026", "0")}},
		{name: "dual-region, legacy class name", attrs: `{"location": "NAM4", "storage_class": "MULTI_REGIONAL"}`, usage: `{"storage_gb": 10}`,
			want: []line{usage("Storage (multi_regional)", "GB-months", "10", "0.044", "0.44")}},
		{name: "archive with retrieval", region: "-", attrs: `{"location": "EU", "storage_class": "ARCHIVE"}`, usage: `{"storage_gb": 1000, "monthly_retrieval_gb": 100}`,
			want: []line{
				usage("Storage (archive)", "GB-months", "1000", "0.0024", "2.4"),
				usage("Retrieval (archive)", "GB", "100", "0.05", "5"),
			}},
		{name: "nearline", attrs: `{"location": "us-central1", "storage_class": "NEARLINE"}`, usage: `{"storage_gb": 50}`,
			want: []line{
				usage("Storage (nearline)", "GB-months", "50", "0.01", "0.5"),
				usage("Retrieval (nearline)", "GB", "0", "0.01", "0"),
			}},
		{name: "configurable dual-region", attrs: `{"location": "US", "custom_placement_config": [{"data_locations": ["US-EAST1", "US-WEST1"]}]}`, usage: `{"storage_gb": 10}`,
			want: []line{unpricedUsage("Storage (standard)", "GB-months", "10", "configurable dual-region prices are not in the catalog")}},
		{name: "unknown class", attrs: `{"location": "US", "storage_class": "GLACIAL"}`, usage: `{"storage_gb": 10}`,
			want: []line{unpricedUsage("Storage (glacial)", "GB-months", "10", "storage class GLACIAL is not in the catalog")}},
	})
}

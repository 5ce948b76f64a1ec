package gcp_test

import "testing"

func TestBucket(t *testing.T) {
	runModel(t, "google_storage_bucket", []modelCase{
		{Name: "regional standard", Attrs: `{"location": "US-CENTRAL1"}`, Usage: `{"storage_gb": 1000}`,
			Want: []line{usage("Storage (standard)", "GB-months", "1000", "0.02", "20")}},
		{Name: "multi-region, no usage", Region: "us-central1", Attrs: `{"location": "US", "storage_class": "STANDARD"}`,
			Want: []line{usage("Storage (standard)", "GB-months", "0", "0.026", "0")}},
		{Name: "dual-region, legacy class name", Attrs: `{"location": "NAM4", "storage_class": "MULTI_REGIONAL"}`, Usage: `{"storage_gb": 10}`,
			Want: []line{usage("Storage (multi_regional)", "GB-months", "10", "0.044", "0.44")}},
		{Name: "archive with retrieval", Region: "-", Attrs: `{"location": "EU", "storage_class": "ARCHIVE"}`, Usage: `{"storage_gb": 1000, "monthly_retrieval_gb": 100}`,
			Want: []line{
				usage("Storage (archive)", "GB-months", "1000", "0.0024", "2.4"),
				usage("Retrieval (archive)", "GB", "100", "0.05", "5"),
			}},
		{Name: "nearline", Attrs: `{"location": "us-central1", "storage_class": "NEARLINE"}`, Usage: `{"storage_gb": 50}`,
			Want: []line{
				usage("Storage (nearline)", "GB-months", "50", "0.01", "0.5"),
				usage("Retrieval (nearline)", "GB", "0", "0.01", "0"),
			}},
		{Name: "configurable dual-region", Attrs: `{"location": "US", "custom_placement_config": [{"data_locations": ["US-EAST1", "US-WEST1"]}]}`, Usage: `{"storage_gb": 10}`,
			Want: []line{unpricedUsage("Storage (standard)", "GB-months", "10", "configurable dual-region prices are not in the catalog")}},
		{Name: "unknown class", Attrs: `{"location": "US", "storage_class": "GLACIAL"}`, Usage: `{"storage_gb": 10}`,
			Want: []line{unpricedUsage("Storage (glacial)", "GB-months", "10", "storage class GLACIAL is not in the catalog")}},
	})
}

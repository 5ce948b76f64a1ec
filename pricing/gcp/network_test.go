package gcp_test

import "testing"

func TestRouterNAT(t *testing.T) {
	runModel(t, "google_compute_router_nat", []modelCase{
		{Name: "no usage: the most a gateway bills", Attrs: `{"router": "r", "region": "us-central1"}`,
			Want: []line{
				priced("NAT gateway (32 VMs or more assumed)", "VM-hours", "23360", "0.0014", "32.704"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			}},
		{Name: "few VMs", Attrs: `{}`, Usage: `{"assigned_vms": 5, "monthly_data_processed_gb": 100}`,
			Want: []line{
				priced("NAT gateway (5 VMs)", "VM-hours", "3650", "0.0014", "5.11"),
				usage("Data processed", "GB", "100", "0.045", "4.5"),
			}},
		{Name: "more VMs than are billed", Attrs: `{}`, Usage: `{"assigned_vms": 40}`,
			Want: []line{
				priced("NAT gateway (32 VMs or more)", "VM-hours", "23360", "0.0014", "32.704"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			}},
	})
}

func TestAddress(t *testing.T) {
	runModel(t, "google_compute_address", []modelCase{
		{Name: "external, assumed in use", Attrs: `{"region": "us-central1"}`,
			Want: []line{priced("External IP address (in use)", "hours", "730", "0.005", "3.65")}},
		{Name: "reserved", Attrs: `{"address_type": "EXTERNAL"}`, Usage: `{"status": "reserved"}`,
			Want: []line{priced("External IP address (reserved, unused)", "hours", "730", "0.01", "7.3")}},
		{Name: "internal is free", Attrs: `{"address_type": "INTERNAL", "purpose": "GCE_ENDPOINT"}`},
		{Name: "bad status", Attrs: `{}`, Usage: `{"status": "parked"}`,
			Want: []line{unpriced("External IP address", "hours", "730", `status "parked" in the usage file is not in-use or reserved`)}},
	})
}

package gcp_test

import "testing"

func TestRouterNAT(t *testing.T) {
	runModel(t, "google_compute_router_nat", []modelCase{
		{name: "no usage: the most a gateway bills", attrs: `{"router": "r", "region": "us-central1"}`,
			want: []line{
				priced("NAT gateway (32 VMs or more assumed)", "VM-hours", "23360", "0.0014", "32.704"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			}},
		{name: "few VMs", attrs: `{}`, usage: `{"assigned_vms": 5, "monthly_data_processed_gb": 100}`,
			want: []line{
				priced("NAT gateway (5 VMs)", "VM-hours", "3650", "0.0014", "5.11"),
				usage("Data processed", "GB", "100", "0.045", "4.5"),
			}},
		{name: "more VMs than are billed", attrs: `{}`, usage: `{"assigned_vms": 40}`,
			want: []line{
				priced("NAT gateway (32 VMs or more)", "VM-hours", "23360", "0.0014", "32.704"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			}},
	})
}

func TestAddress(t *testing.T) {
	runModel(t, "google_compute_address", []modelCase{
		{name: "external, assumed in use", attrs: `{"region": "us-central1"}`,
			want: []line{priced("External IP address (in use)", "hours", "730", "0.005", "3.65")}},
		{name: "reserved", attrs: `{"address_type": "EXTERNAL"}`, usage: `{"status": "reserved"}`,
			want: []line{priced("External IP address (reserved, unused)", "hours", "730", "0.01", "7.3")}},
		{name: "internal is free", attrs: `{"address_type": "INTERNAL", "purpose": "GCE_ENDPOINT"}`},
		{name: "bad status", attrs: `{}`, usage: `{"status": "parked"}`,
			want: []line{unpriced("External IP address", "hours", "730", `status "parked" in the usage file is not in-use or reserved`)}},
	})
}

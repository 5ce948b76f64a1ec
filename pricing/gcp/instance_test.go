package gcp_test

import "testing"

func TestInstance(t *testing.T) {
	const debian = `"image": "debian-cloud/debian-12"`
	runModel(t, "google_compute_instance", []modelCase{
		{
			Name:  "predefined type with a sized boot disk",
			Attrs: `{"machine_type": "n2-standard-2", "zone": "us-central1-a", "boot_disk": [{"initialize_params": [{"size": 20, "type": "pd-balanced", ` + debian + `}]}]}`,
			Want: []line{
				priced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "0.097118", "70.89614"),
				priced("Boot disk (pd-balanced)", "GB-months", "20", "0.1", "2"),
			},
		},
		{
			Name:   "boot disk size and type from the image and the API default",
			Region: "europe-west1",
			Attrs:  `{"machine_type": "n2-standard-2", "boot_disk": [{"initialize_params": [{` + debian + `}]}]}`,
			Want: []line{
				priced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "0.106834", "77.98882"),
				unpriced("Boot disk (pd-standard, type assumed, size assumed)", "GB-months", "10",
					"no gcp-compute price for disk/pd-standard in europe-west1 in the catalog (priced in us-central1)"),
			},
		},
		{
			// 730 × n1-standard-1's hour_spot 0.0167525 = 12.229325, split.
			Name:  "preemptible: vCPUs and memory at the family's spot rates",
			Attrs: `{"machine_type": "n1-standard-1", "scheduling": [{"preemptible": true}], "boot_disk": [{"initialize_params": [{"size": 10, "type": "pd-standard"}]}]}`,
			Want: []line{
				priced("Instance usage (n1-standard-1, spot): vCPUs", "vCPU-hours", "730", "0.01115", "8.1395"),
				priced("Instance usage (n1-standard-1, spot): memory", "GB-hours", "2737.5", "0.001494", "4.089825"),
				priced("Boot disk (pd-standard)", "GB-months", "10", "0.04", "0.4"),
			},
		},
		{
			// 730 × e2-standard-2's hour_spot 0.040212 = 29.35476.
			Name:  "Spot provisioning model",
			Attrs: `{"machine_type": "e2-standard-2", "scheduling": [{"preemptible": false, "provisioning_model": "SPOT"}], "boot_disk": [{"source": "projects/p/zones/us-central1-a/disks/d"}]}`,
			Want: []line{
				priced("Instance usage (e2-standard-2, spot): vCPUs", "vCPU-hours", "1460", "0.01309", "19.1114"),
				priced("Instance usage (e2-standard-2, spot): memory", "GB-hours", "5840", "0.001754", "10.24336"),
			},
		},
		{
			// 730 × custom-2-10240-ext's hour 0.1108431 = 80.915463.
			Name:  "N1 custom type",
			Attrs: `{"machine_type": "custom-2-10240", "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				priced("Instance usage (custom-2-10240, custom): vCPUs", "vCPU-hours", "1460", "0.03319155", "48.459663"),
				priced("Instance usage (custom-2-10240, custom): memory", "GB-hours", "7300", "0.004446", "32.4558"),
			},
		},
		{
			Name:  "N2 custom type with extended memory above 8 GB per vCPU",
			Attrs: `{"machine_type": "n2-custom-4-40960-ext", "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				priced("Instance usage (n2-custom-4-40960-ext, custom): vCPUs", "vCPU-hours", "2920", "0.033174", "96.86808"),
				priced("Instance usage (n2-custom-4-40960-ext, custom): memory", "GB-hours", "23360", "0.004446", "103.85856"),
				priced("Instance usage (n2-custom-4-40960-ext, custom): extended memory", "GB-hours", "5840", "0.00955", "55.772"),
			},
		},
		{
			Name:  "extended memory of a family without a known limit",
			Attrs: `{"machine_type": "e2-custom-2-20480-ext", "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				unpriced("Instance usage (e2-custom-2-20480-ext, custom): vCPUs", "vCPU-hours", "1460",
					"no gcp-compute price for custom/e2/vcpu in us-central1 in the catalog"),
				unpriced("Instance usage (e2-custom-2-20480-ext, custom): memory", "GB-hours", "14600",
					"extended memory of e2 custom machine types is not in the catalog"),
			},
		},
		{
			Name:  "spot custom type",
			Attrs: `{"machine_type": "n2-custom-4-8192", "scheduling": [{"provisioning_model": "SPOT"}], "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				unpriced("Instance usage (n2-custom-4-8192, custom)", "hours", "730", "spot prices of custom machine types are not in the catalog"),
			},
		},
		{
			Name:  "type with bundled local SSD, scratch disks, GPUs and a Windows image",
			Attrs: `{"machine_type": "c3-standard-4-lssd", "boot_disk": [{"initialize_params": [{"size": 50, "type": "pd-ssd", "image": "windows-cloud/windows-2022"}]}], "scratch_disk": [{"interface": "NVME"}, {"interface": "NVME", "size": 375}], "guest_accelerator": [{"type": "nvidia-tesla-t4", "count": 1}, {"type": "nvidia-l4", "count": 0}]}`,
			Want: []line{
				priced("Instance usage (c3-standard-4-lssd, on-demand)", "hours", "730", "0.242703890410959", "177.17384000000007"),
				priced("Boot disk (pd-ssd)", "GB-months", "50", "0.17", "8.5"),
				priced("Local SSD", "GB-months", "750", "0.08", "60"),
				unpriced("GPUs (nvidia-tesla-t4)", "hours", "730", "GPU prices are not in the catalog"),
				unpriced("Licence (Windows Server image)", "hours", "730", "licence fees of premium images are not in the catalog"),
			},
		},
		{
			Name:  "spot type with bundled local SSD",
			Attrs: `{"machine_type": "c3-standard-4-lssd", "scheduling": [{"preemptible": true}], "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				unpriced("Instance usage (c3-standard-4-lssd, spot)", "hours", "730", "spot prices of machine types with GPUs or local SSD are not in the catalog"),
			},
		},
		{
			Name:  "spot type tollgate does not know",
			Attrs: `{"machine_type": "z9-standard-2", "scheduling": [{"preemptible": true}], "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				unpriced("Instance usage (z9-standard-2, spot)", "hours", "730", "machine type z9-standard-2 is not known: spot prices are per vCPU and GB of its family"),
			},
		},
		{
			Name:  "RHEL image by project and family",
			Attrs: `{"machine_type": "n2-standard-2", "boot_disk": [{"initialize_params": [{"size": 20, "type": "pd-balanced", "image": "rhel-cloud/rhel-9"}]}]}`,
			Want: []line{
				priced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "0.097118", "70.89614"),
				priced("Boot disk (pd-balanced)", "GB-months", "20", "0.1", "2"),
				unpriced("Licence (Red Hat Enterprise Linux image)", "hours", "730", "licence fees of premium images are not in the catalog"),
			},
		},
		{
			Name:  "openSUSE is free",
			Attrs: `{"machine_type": "n2-standard-2", "boot_disk": [{"initialize_params": [{"size": 20, "type": "pd-balanced", "image": "opensuse-cloud/opensuse-leap"}]}]}`,
			Want: []line{
				priced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "0.097118", "70.89614"),
				priced("Boot disk (pd-balanced)", "GB-months", "20", "0.1", "2"),
			},
		},
		{
			Name:    "machine type known only after apply",
			Attrs:   `{"boot_disk": [{"initialize_params": [{"size": 10, "type": "pd-balanced"}]}]}`,
			Unknown: `{"machine_type": true}`,
			Want: []line{
				unpriced("Instance usage", "hours", "730", "machine_type is known only after apply"),
				priced("Boot disk (pd-balanced)", "GB-months", "10", "0.1", "1"),
			},
		},
		{
			Name:   "no region",
			Region: "-",
			Attrs:  `{"machine_type": "n2-standard-2", "boot_disk": [{"source": "d"}]}`,
			Want: []line{
				unpriced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "the resource's region is not known (no zone, region or location in the plan)"),
			},
		},
	})
}

func TestGroupManager(t *testing.T) {
	template := relatedResource{Address: "google_compute_instance_template.t",
		Attrs: `{"machine_type": "n2-standard-2", "disk": [{"boot": true, "disk_size_gb": 20, "disk_type": "pd-balanced", "source_image": "debian-cloud/debian-12"}, {"boot": false, "type": "SCRATCH", "disk_type": "local-ssd"}]}`}
	for _, typ := range []string{"google_compute_instance_group_manager", "google_compute_region_instance_group_manager"} {
		t.Run(typ, func(t *testing.T) {
			runModel(t, typ, []modelCase{
				{
					Name:    "target_size instances of the version's template",
					Attrs:   `{"target_size": 3, "version": [{"instance_template": "x"}]}`,
					Related: map[string]relatedResource{"version": template},
					Want: []line{
						priced("Instance usage (n2-standard-2, on-demand)", "hours", "2190", "0.097118", "212.68842"),
						priced("Boot disk (pd-balanced)", "GB-months", "60", "0.1", "6"),
						priced("Local SSD", "GB-months", "1125", "0.08", "90"),
					},
				},
				{
					Name:    "an older provider's top-level instance_template, autoscaled: usage",
					Attrs:   `{"instance_template": "x", "target_size": null}`,
					Usage:   `{"instances": 2}`,
					Related: map[string]relatedResource{"instance_template": {Address: "google_compute_instance_template.t", Attrs: `{"machine_type": "e2-medium", "disk": [{"disk_size_gb": 10}]}`}},
					Want: []line{
						priced("Instance usage (e2-medium, on-demand, instances from the usage file)", "hours", "1460", "0.03350571", "48.9183366"),
						priced("Boot disk (pd-standard, type assumed)", "GB-months", "20", "0.04", "0.8"),
					},
				},
				{
					Name:    "canary versions",
					Attrs:   `{"target_size": 1, "version": [{"instance_template": "x"}, {"instance_template": "y", "target_size": [{"fixed": 1}]}]}`,
					Related: map[string]relatedResource{"version": {Address: "google_compute_region_instance_template.t", Attrs: `{"machine_type": "n2-standard-2", "disk": [{"source": "d"}]}`}},
					Want: []line{
						priced("Instance usage (n2-standard-2, on-demand, every version priced as the first)", "hours", "730", "0.097118", "70.89614"),
					},
				},
				{
					Name:    "size known only after apply",
					Attrs:   `{"version": [{"instance_template": "x"}]}`,
					Unknown: `{"target_size": true}`,
					Related: map[string]relatedResource{"version": template},
					Want: []line{
						unpriced("Instance usage (n2-standard-2, on-demand)", "hours", "730", "target_size is known only after apply; set instances in the usage file"),
						unpriced("Boot disk (pd-balanced)", "GB-months", "20", "target_size is known only after apply; set instances in the usage file"),
						unpriced("Local SSD", "GB-months", "375", "target_size is known only after apply; set instances in the usage file"),
					},
				},
				{
					Name:  "template not in the plan",
					Attrs: `{"target_size": 2, "version": [{"instance_template": "projects/p/global/instanceTemplates/t"}]}`,
					Want: []line{
						unpriced("Instance usage", "hours", "1460", "the group's instance template is not in the plan"),
					},
				},
				{
					Name:    "not a template",
					Attrs:   `{"target_size": 2, "version": [{"instance_template": "x"}]}`,
					Related: map[string]relatedResource{"version": {Address: "google_compute_network.n", Attrs: `{}`}},
					Want: []line{
						unpriced("Instance usage", "hours", "1460", "the group's template google_compute_network.n is not an instance template"),
					},
				},
				{
					Name:    "scaled to zero",
					Attrs:   `{"target_size": 0, "version": [{"instance_template": "x"}]}`,
					Related: map[string]relatedResource{"version": template},
				},
			})
		})
	}
}

func TestDisk(t *testing.T) {
	runModel(t, "google_compute_disk", []modelCase{
		{Name: "pd-ssd", Attrs: `{"type": "pd-ssd", "size": 100}`,
			Want: []line{priced("Storage (pd-ssd)", "GB-months", "100", "0.17", "17")}},
		{Name: "type not set", Attrs: `{"size": 50}`,
			Want: []line{priced("Storage (pd-standard, type assumed)", "GB-months", "50", "0.04", "2")}},
		{Name: "size from the image", Attrs: `{"type": "pd-balanced", "image": "debian-cloud/debian-12"}`, Unknown: `{"size": true}`,
			Want: []line{unpriced("Storage (pd-balanced)", "GB-months", "0", "size is known only after apply (it is the size of image debian-cloud/debian-12)")}},
		{Name: "pd-extreme IOPS", Attrs: `{"type": "pd-extreme", "size": 500, "provisioned_iops": 10000}`,
			Want: []line{
				priced("Storage (pd-extreme)", "GB-months", "500", "0.125", "62.5"),
				unpriced("Storage provisioned IOPS (pd-extreme)", "IOPS-months", "10000", "no gcp-compute price for disk/pd-extreme/iops in us-central1 in the catalog"),
			}},
		{Name: "hyperdisk", Attrs: `{"type": "hyperdisk-balanced", "size": 100}`,
			Want: []line{unpriced("Storage (hyperdisk-balanced)", "GB-months", "100", "no gcp-compute price for disk/hyperdisk-balanced in us-central1 in the catalog")}},
	})
	runModel(t, "google_compute_region_disk", []modelCase{
		{Name: "replicated pd-ssd", Attrs: `{"type": "pd-ssd", "size": 200, "replica_zones": ["us-central1-a", "us-central1-b"]}`,
			Want: []line{priced("Storage (pd-ssd, regional)", "GB-months", "200", "0.34", "68")}},
	})
}

package aws_test

import "testing"

func TestEBSVolume(t *testing.T) {
	runModel(t, "aws_ebs_volume", []modelCase{
		{
			Name:    "type not set is gp2",
			Attrs:   `{"availability_zone": "us-east-1a", "size": 100}`,
			Unknown: `{"type": true, "iops": true, "throughput": true}`,
			Want: []line{
				priced("Storage (general purpose SSD, gp2 assumed)", "GB", "100", "0.1", "10"),
			},
		},
		{
			Name:  "gp3 at its free baseline",
			Attrs: `{"type": "gp3", "size": 50, "iops": 3000, "throughput": 125}`,
			Want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "50", "0.08", "4"),
			},
		},
		{
			// 3,000 IOPS above the baseline × 0.005; 375 MiB/s above × 0.04.
			Name:  "gp3 above its baseline",
			Attrs: `{"type": "gp3", "size": 50, "iops": 6000, "throughput": 500}`,
			Want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "50", "0.08", "4"),
				priced("Provisioned IOPS (above 3,000)", "IOPS", "3000", "0.005", "15"),
				priced("Provisioned throughput (above 125 MiB/s)", "MiBps", "375", "0.04", "15"),
			},
		},
		{
			Name:    "gp3 in eu-west-1",
			Region:  "eu-west-1",
			Attrs:   `{"type": "gp3", "size": 100}`,
			Unknown: `{"iops": true, "throughput": true}`,
			Want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "100", "0.088", "8.8"),
			},
		},
		{
			Name:  "io1 with IOPS",
			Attrs: `{"type": "io1", "size": 200, "iops": 5000}`,
			Want: []line{
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "200", "0.125", "25"),
				priced("Provisioned IOPS", "IOPS", "5000", "0.065", "325"),
			},
		},
		{
			Name:    "io1 with IOPS known only after apply",
			Attrs:   `{"type": "io1", "size": 200}`,
			Unknown: `{"iops": true}`,
			Want: []line{
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "200", "0.125", "25"),
				unpriced("Provisioned IOPS", "IOPS", "0", "iops is known only after apply"),
			},
		},
		{
			Name:  "io2 without IOPS",
			Attrs: `{"type": "io2", "size": 200}`,
			Want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "200", "0.125", "25"),
				unpriced("Provisioned IOPS", "IOPS", "0", "iops is not set (AWS requires it for io2)"),
			},
		},
		{
			Name:   "io2 within the first tier",
			Region: "eu-west-1",
			Attrs:  `{"type": "io2", "size": 100, "iops": 10000}`,
			Want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "100", "0.138", "13.8"),
				priced("Provisioned IOPS (up to 32,000)", "IOPS", "10000", "0.072", "720"),
			},
		},
		{
			// 70,000 IOPS: 32,000 + 32,000 + 6,000.
			Name:   "io2 across all tiers",
			Region: "eu-west-1",
			Attrs:  `{"type": "io2", "size": 100, "iops": 70000}`,
			Want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "100", "0.138", "13.8"),
				priced("Provisioned IOPS (up to 32,000)", "IOPS", "32000", "0.072", "2304"),
				priced("Provisioned IOPS (32,001 to 64,000)", "IOPS", "32000", "0.0504", "1612.8"),
				priced("Provisioned IOPS (above 64,000)", "IOPS", "6000", "0.03528", "211.68"),
			},
		},
		{
			Name:  "st1",
			Attrs: `{"type": "st1", "size": 500}`,
			Want:  []line{priced("Storage (throughput optimized HDD, st1)", "GB", "500", "0.045", "22.5")},
		},
		{
			Name:  "sc1",
			Attrs: `{"type": "sc1", "size": 1000}`,
			Want:  []line{priced("Storage (cold HDD, sc1)", "GB", "1000", "0.015", "15")},
		},
		{
			Name:  "magnetic without usage",
			Attrs: `{"type": "standard", "size": 10}`,
			Want: []line{
				priced("Storage (magnetic)", "GB", "10", "0.05", "0.5"),
				usage("I/O requests", "1M requests", "0", "0.05", "0"),
			},
		},
		{
			Name:  "magnetic with I/O requests",
			Attrs: `{"type": "standard", "size": 10}`,
			Usage: `{"monthly_standard_io_requests": 2500000}`,
			Want: []line{
				priced("Storage (magnetic)", "GB", "10", "0.05", "0.5"),
				usage("I/O requests", "1M requests", "2.5", "0.05", "0.125"),
			},
		},
		{
			Name:    "size from a snapshot",
			Attrs:   `{"type": "gp3", "snapshot_id": "snap-0abc"}`,
			Unknown: `{"size": true, "iops": true, "throughput": true}`,
			Want: []line{
				unpriced("Storage (general purpose SSD, gp3)", "GB", "0", "size is known only after apply (the size comes from snapshot snap-0abc)"),
			},
		},
		{
			Name:  "not a volume type",
			Attrs: `{"type": "gp9", "size": 10}`,
			Want: []line{
				unpriced("Storage (gp9)", "GB", "0", `volume type "gp9" is not an EBS volume type (gp2, gp3, io1, io2, st1, sc1, standard)`),
			},
		},
	})
}

func TestEBSSnapshot(t *testing.T) {
	runModel(t, "aws_ebs_snapshot", []modelCase{
		{
			Name:    "storage from usage",
			Attrs:   `{"volume_id": "vol-1"}`,
			Unknown: `{"volume_size": true, "storage_tier": true}`,
			Usage:   `{"storage_gb": 200}`,
			Want:    []line{usage("Snapshot storage", "GB", "200", "0.05", "10")},
		},
		{
			Name:    "the referenced volume's size as an upper bound",
			Attrs:   `{}`,
			Unknown: `{"volume_id": true, "volume_size": true, "storage_tier": true}`,
			Related: map[string]relatedResource{"volume_id": {Address: "aws_ebs_volume.data", Attrs: `{"type": "gp3", "size": 100}`}},
			Want:    []line{usage("Snapshot storage (upper bound: the full volume)", "GB", "100", "0.05", "5")},
		},
		{
			Name:  "its own volume size once known",
			Attrs: `{"volume_id": "vol-1", "volume_size": 40, "storage_tier": "standard"}`,
			Want:  []line{usage("Snapshot storage (upper bound: the full volume)", "GB", "40", "0.05", "2")},
		},
		{
			Name:   "archive tier",
			Region: "eu-west-1",
			Attrs:  `{"volume_id": "vol-1", "storage_tier": "archive"}`,
			Usage:  `{"storage_gb": 1000}`,
			Want:   []line{usage("Snapshot storage (archive tier)", "GB", "1000", "0.0125", "12.5")},
		},
		{
			Name:    "nothing to size it by",
			Attrs:   `{"volume_id": "vol-1"}`,
			Unknown: `{"volume_size": true}`,
			Want: []line{unpricedUsage("Snapshot storage", "GB", "0",
				"the snapshot's size depends on the data it stores; set storage_gb in the usage file")},
		},
		{
			Name:    "the referenced volume's size is unknown too",
			Attrs:   `{}`,
			Unknown: `{"volume_id": true, "volume_size": true}`,
			Related: map[string]relatedResource{"volume_id": {Address: "aws_ebs_volume.data", Attrs: `{"snapshot_id": "snap-1"}`, Unknown: `{"size": true}`}},
			Want: []line{unpricedUsage("Snapshot storage", "GB", "0",
				"the snapshot's size depends on the data it stores; set storage_gb in the usage file")},
		},
	})
}

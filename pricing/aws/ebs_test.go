package aws_test

import "testing"

func TestEBSVolume(t *testing.T) {
	runModel(t, "aws_ebs_volume", []modelCase{
		{
			name:    "type not set is gp2",
			attrs:   `{"availability_zone": "us-east-1a", "size": 100}`,
			unknown: `{"type": true, "iops": true, "throughput": true}`,
			want: []line{
				priced("Storage (general purpose SSD, gp2 assumed)", "GB", "100", "0.1", "10"),
			},
		},
		{
			name:  "gp3 at its free baseline",
			attrs: `{"type": "gp3", "size": 50, "iops": 3000, "throughput": 125}`,
			want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "50", "0.08", "4"),
			},
		},
		{
			// 3,000 IOPS above the baseline × 0.005; 375 MiB/s above × 0.04.
			name:  "gp3 above its baseline",
			attrs: `{"type": "gp3", "size": 50, "iops": 6000, "throughput": 500}`,
			want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "50", "0.08", "4"),
				priced("Provisioned IOPS (above 3,000)", "IOPS", "3000", "0.005", "15"),
				priced("Provisioned throughput (above 125 MiB/s)", "MiBps", "375", "0.04", "15"),
			},
		},
		{
			name:    "gp3 in eu-west-1",
			region:  "eu-west-1",
			attrs:   `{"type": "gp3", "size": 100}`,
			unknown: `{"iops": true, "throughput": true}`,
			want: []line{
				priced("Storage (general purpose SSD, gp3)", "GB", "100", "0.088", "8.8"),
			},
		},
		{
			name:  "io1 with IOPS",
			attrs: `{"type": "io1", "size": 200, "iops": 5000}`,
			want: []line{
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "200", "0.125", "25"),
				priced("Provisioned IOPS", "IOPS", "5000", "0.065", "325"),
			},
		},
		{
			name:    "io1 with IOPS known only after apply",
			attrs:   `{"type": "io1", "size": 200}`,
			unknown: `{"iops": true}`,
			want: []line{
				priced("Storage (provisioned IOPS SSD, io1)", "GB", "200", "0.125", "25"),
				unpriced("Provisioned IOPS", "IOPS", "0", "iops is known only after apply"),
			},
		},
		{
			name:  "io2 without IOPS",
			attrs: `{"type": "io2", "size": 200}`,
			want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "200", "0.125", "25"),
				unpriced("Provisioned IOPS", "IOPS", "0", "iops is not set (AWS requires it for io2)"),
			},
		},
		{
			name:   "io2 within the first tier",
			region: "eu-west-1",
			attrs:  `{"type": "io2", "size": 100, "iops": 10000}`,
			want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "100", "0.138", "13.8"),
				priced("Provisioned IOPS (up to 32,000)", "IOPS", "10000", "0.072", "720"),
			},
		},
		{
			// 70,000 IOPS: 32,000 + 32,000 + 6,000.
			name:   "io2 across all tiers",
			region: "eu-west-1",
			attrs:  `{"type": "io2", "size": 100, "iops": 70000}`,
			want: []line{
				priced("Storage (provisioned IOPS SSD, io2)", "GB", "100", "0.138", "13.8"),
				priced("Provisioned IOPS (up to 32,000)", "IOPS", "32000", "0.072", "2304"),
				priced("Provisioned IOPS (32,001 to 64,000)", "IOPS", "32000", "0.0504", "1612.8"),
				priced("Provisioned IOPS (above 64,000)", "IOPS", "6000", "0.03528", "211.68"),
			},
		},
		{
			name:  "st1",
			attrs: `{"type": "st1", "size": 500}`,
			want:  []line{priced("Storage (throughput optimized HDD, st1)", "GB", "500", "0.045", "22.5")},
		},
		{
			name:  "sc1",
			attrs: `{"type": "sc1", "size": 1000}`,
			want:  []line{priced("Storage (cold HDD, sc1)", "GB", "1000", "0.015", "15")},
		},
		{
			name:  "magnetic without usage",
			attrs: `{"type": "standard", "size": 10}`,
			want: []line{
				priced("Storage (magnetic)", "GB", "10", "0.05", "0.5"),
				usage("I/O requests", "1M requests", "0", "0.05", "0"),
			},
		},
		{
			name:  "magnetic with I/O requests",
			attrs: `{"type": "standard", "size": 10}`,
			usage: `{"monthly_standard_io_requests": 2500000}`,
			want: []line{
				priced("Storage (magnetic)", "GB", "10", "0.05", "0.5"),
				usage("I/O requests", "1M requests", "2.5", "0.05", "0.125"),
			},
		},
		{
			name:    "size from a snapshot",
			attrs:   `{"type": "gp3", "snapshot_id": "snap-0abc"}`,
			unknown: `{"size": true, "iops": true, "throughput": true}`,
			want: []line{
				unpriced("Storage (general purpose SSD, gp3)", "GB", "0", "size is known only after apply (the size comes from snapshot snap-0abc)"),
			},
		},
		{
			name:  "not a volume type",
			attrs: `{"type": "gp9", "size": 10}`,
			want: []line{
				unpriced("Storage (gp9)", "GB", "0", `volume type "gp9" is not an EBS volume type (gp2, gp3, io1, io2, st1, sc1, standard)`),
			},
		},
	})
}

func TestEBSSnapshot(t *testing.T) {
	runModel(t, "aws_ebs_snapshot", []modelCase{
		{
			name:    "storage from usage",
			attrs:   `{"volume_id": "vol-1"}`,
			unknown: `{"volume_size": true, "storage_tier": true}`,
			usage:   `{"storage_gb": 200}`,
			want:    []line{usage("Snapshot storage", "GB", "200", "0.05", "10")},
		},
		{
			name:    "the referenced volume's size as an upper bound",
			attrs:   `{}`,
			unknown: `{"volume_id": true, "volume_size": true, "storage_tier": true}`,
			related: map[string]relatedResource{"volume_id": {address: "aws_ebs_volume.data", attrs: `{"type": "gp3", "size": 100}`}},
			want:    []line{usage("Snapshot storage (upper bound: the full volume)", "GB", "100", "0.05", "5")},
		},
		{
			name:  "its own volume size once known",
			attrs: `{"volume_id": "vol-1", "volume_size": 40, "storage_tier": "standard"}`,
			want:  []line{usage("Snapshot storage (upper bound: the full volume)", "GB", "40", "0.05", "2")},
		},
		{
			name:   "archive tier",
			region: "eu-west-1",
			attrs:  `{"volume_id": "vol-1", "storage_tier": "archive"}`,
			usage:  `{"storage_gb": 1000}`,
			want:   []line{usage("Snapshot storage (archive tier)", "GB", "1000", "0.0125", "12.5")},
		},
		{
			name:    "nothing to size it by",
			attrs:   `{"volume_id": "vol-1"}`,
			unknown: `{"volume_size": true}`,
			want: []line{unpricedUsage("Snapshot storage", "GB", "0",
				"the snapshot's size depends on the data it stores; set storage_gb in the usage file")},
		},
		{
			name:    "the referenced volume's size is unknown too",
			attrs:   `{}`,
			unknown: `{"volume_id": true, "volume_size": true}`,
			related: map[string]relatedResource{"volume_id": {address: "aws_ebs_volume.data", attrs: `{"snapshot_id": "snap-1"}`, unknown: `{"size": true}`}},
			want: []line{unpricedUsage("Snapshot storage", "GB", "0",
				"the snapshot's size depends on the data it stores; set storage_gb in the usage file")},
		},
	})
}

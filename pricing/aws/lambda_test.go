package aws_test

import "testing"

func TestLambdaFunction(t *testing.T) {
	runModel(t, "aws_lambda_function", []modelCase{
		{
			// infracost-example-aws-create.json, aws_lambda_function.hello_world.
			Name:    "no usage",
			Attrs:   `{"function_name": "hello_world", "memory_size": 1024, "package_type": "Zip"}`,
			Unknown: `{"architectures": true, "ephemeral_storage": true}`,
			Want: []line{
				usage("Requests", "1M requests", "0", "0.2", "0"),
				usage("Duration", "GB-seconds", "0", "0.0000166667", "0"),
			},
		},
		{
			// 10M requests × 0.5 s × 1 GB = 5M GB-seconds.
			Name:  "usage within the first tier",
			Attrs: `{"memory_size": 1024}`,
			Usage: `{"monthly_requests": 10000000, "request_duration_ms": 500}`,
			Want: []line{
				usage("Requests", "1M requests", "10", "0.2", "2"),
				usage("Duration (first 6B)", "GB-seconds", "5000000", "0.0000166667", "83.3335"),
			},
		},
		{
			// 2B requests × 1 s × 10 GB = 20B GB-seconds: 6B + 9B + 5B.
			Name:  "usage across every tier",
			Attrs: `{"memory_size": 10240, "architectures": ["x86_64"]}`,
			Usage: `{"monthly_requests": 2000000000, "request_duration_ms": 1000}`,
			Want: []line{
				usage("Requests", "1M requests", "2000", "0.2", "400"),
				usage("Duration (first 6B)", "GB-seconds", "6000000000", "0.0000166667", "100000.2"),
				usage("Duration (next 9B)", "GB-seconds", "9000000000", "0.000015", "135000"),
				usage("Duration (over 15B)", "GB-seconds", "5000000000", "0.0000133334", "66667"),
			},
		},
		{
			// 1M requests × 1 s × 2 GB = 2M GB-seconds at the Arm price.
			Name:  "arm",
			Attrs: `{"memory_size": 2048, "architectures": ["arm64"]}`,
			Usage: `{"monthly_requests": 1000000, "request_duration_ms": 1000}`,
			Want: []line{
				usage("Requests", "1M requests", "1", "0.2", "0.2"),
				usage("Duration (Arm, first 7.5B)", "GB-seconds", "2000000", "0.0000133334", "26.6668"),
			},
		},
		{
			// 10B requests × 1 s × 2 GB = 20B: 7.5B + 11.25B + 1.25B.
			Name:  "arm across every tier",
			Attrs: `{"memory_size": 2048, "architectures": ["arm64"]}`,
			Usage: `{"monthly_requests": 10000000000, "request_duration_ms": 1000}`,
			Want: []line{
				usage("Requests", "1M requests", "10000", "0.2", "2000"),
				usage("Duration (Arm, first 7.5B)", "GB-seconds", "7500000000", "0.0000133334", "100000.5"),
				usage("Duration (Arm, next 11.25B)", "GB-seconds", "11250000000", "0.0000120001", "135001.125"),
				usage("Duration (Arm, over 18.75B)", "GB-seconds", "1250000000", "0.0000106667", "13333.375"),
			},
		},
		{
			Name:  "arm without usage",
			Attrs: `{"memory_size": 128, "architectures": ["arm64"]}`,
			Want: []line{
				usage("Requests", "1M requests", "0", "0.2", "0"),
				usage("Duration (Arm)", "GB-seconds", "0", "0.0000133334", "0"),
			},
		},
		{
			// Default 128 MB: 1M × 0.1 s × 0.125 GB = 12,500 GB-seconds.
			Name:  "memory not set is 128 MB",
			Attrs: `{"memory_size": null}`,
			Usage: `{"monthly_requests": 1000000, "request_duration_ms": 100}`,
			Want: []line{
				usage("Requests", "1M requests", "1", "0.2", "0.2"),
				usage("Duration (first 6B)", "GB-seconds", "12500", "0.0000166667", "0.20833375"),
			},
		},
		{
			Name:    "memory known only after apply",
			Attrs:   `{}`,
			Unknown: `{"memory_size": true}`,
			Usage:   `{"monthly_requests": 1000000, "request_duration_ms": 100}`,
			Want: []line{
				usage("Requests", "1M requests", "1", "0.2", "0.2"),
				unpricedUsage("Duration", "GB-seconds", "0", "memory_size is known only after apply"),
			},
		},
		{
			Name:  "requests without a duration",
			Attrs: `{"memory_size": 512}`,
			Usage: `{"monthly_requests": 3000000}`,
			Want: []line{
				usage("Requests", "1M requests", "3", "0.2", "0.6"),
				usage("Duration", "GB-seconds", "0", "0.0000166667", "0"),
			},
		},
		{
			// 1M × 1 s × 128 MB = 125,000 GB-s; storage (10,240 − 512) MB
			// = 9.5 GB × 1M s = 9.5M GB-s.
			Name:  "ephemeral storage above 512 MB",
			Attrs: `{"memory_size": 128, "ephemeral_storage": [{"size": 10240}]}`,
			Usage: `{"monthly_requests": 1000000, "request_duration_ms": 1000}`,
			Want: []line{
				usage("Requests", "1M requests", "1", "0.2", "0.2"),
				usage("Duration (first 6B)", "GB-seconds", "125000", "0.0000166667", "2.0833375"),
				usage("Ephemeral storage (above 512 MB)", "GB-seconds", "9500000", "0.0000000309", "0.29355"),
			},
		},
		{
			Name:  "ephemeral storage above 512 MB without usage",
			Attrs: `{"memory_size": 128, "ephemeral_storage": [{"size": 1024}]}`,
			Want: []line{
				usage("Requests", "1M requests", "0", "0.2", "0"),
				usage("Duration", "GB-seconds", "0", "0.0000166667", "0"),
				usage("Ephemeral storage (above 512 MB)", "GB-seconds", "0", "0.0000000309", "0"),
			},
		},
		{
			Name:  "the included 512 MB of ephemeral storage",
			Attrs: `{"memory_size": 128, "ephemeral_storage": [{"size": 512}]}`,
			Want: []line{
				usage("Requests", "1M requests", "0", "0.2", "0"),
				usage("Duration", "GB-seconds", "0", "0.0000166667", "0"),
			},
		},
	})
}

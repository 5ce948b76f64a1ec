package aws_test

import "testing"

func TestS3Bucket(t *testing.T) {
	runModel(t, "aws_s3_bucket", []modelCase{
		{
			Name:  "standard without usage",
			Attrs: `{"bucket": "logs"}`,
			Want: []line{
				usage("Storage (Standard)", "GB", "0", "0.023", "0"),
				usage("PUT, COPY, POST, LIST requests (Standard)", "1k requests", "0", "0.005", "0"),
				usage("GET, SELECT, and all other requests (Standard)", "1k requests", "0", "0.0004", "0"),
			},
		},
		{
			Name:  "standard with usage",
			Attrs: `{"bucket": "logs"}`,
			Usage: `{"storage_gb": 1000, "monthly_put_requests": 200000, "monthly_get_requests": 3000000}`,
			Want: []line{
				usage("Storage (Standard)", "GB", "1000", "0.023", "23"),
				usage("PUT, COPY, POST, LIST requests (Standard)", "1k requests", "200", "0.005", "1"),
				usage("GET, SELECT, and all other requests (Standard)", "1k requests", "3000", "0.0004", "1.2"),
			},
		},
		{
			Name:  "storage class from usage, any spelling",
			Attrs: `{"bucket": "archive"}`,
			Usage: `{"storage_class": "standard-ia", "storage_gb": 1000, "monthly_put_requests": 1000, "monthly_get_requests": 1000}`,
			Want: []line{
				usage("Storage (Standard-IA)", "GB", "1000", "0.0125", "12.5"),
				usage("PUT, COPY, POST, LIST requests (Standard-IA)", "1k requests", "1", "0.01", "0.01"),
				usage("GET, SELECT, and all other requests (Standard-IA)", "1k requests", "1", "0.001", "0.001"),
			},
		},
		{
			Name:  "intelligent-tiering without prices in the catalog",
			Attrs: `{"bucket": "data"}`,
			Usage: `{"storage_class": "INTELLIGENT_TIERING"}`,
			Want: []line{
				unpricedUsage("Storage (Intelligent-Tiering, frequent access tier assumed)", "GB", "0", "no aws-s3 price for storage/intelligent-tiering-frequent in us-east-1 in the catalog"),
				unpricedUsage("PUT, COPY, POST, LIST requests (Intelligent-Tiering, frequent access tier assumed)", "1k requests", "0", "no aws-s3 price for requests/put/intelligent-tiering in us-east-1 in the catalog"),
				unpricedUsage("GET, SELECT, and all other requests (Intelligent-Tiering, frequent access tier assumed)", "1k requests", "0", "no aws-s3 price for requests/get/intelligent-tiering in us-east-1 in the catalog"),
			},
		},
		{
			Name:  "unknown storage class",
			Attrs: `{"bucket": "data"}`,
			Usage: `{"storage_class": "REDUCED_REDUNDANCY", "storage_gb": 5}`,
			Want: []line{
				unpricedUsage("Storage (REDUCED_REDUNDANCY)", "GB", "5", unknownClass),
				unpricedUsage("PUT, COPY, POST, LIST requests (REDUCED_REDUNDANCY)", "1k requests", "0", unknownClass),
				unpricedUsage("GET, SELECT, and all other requests (REDUCED_REDUNDANCY)", "1k requests", "0", unknownClass),
			},
		},
	})
}

const unknownClass = `usage storage_class "REDUCED_REDUNDANCY" is not one of STANDARD, STANDARD_IA, ONEZONE_IA, GLACIER_IR, GLACIER, DEEP_ARCHIVE, INTELLIGENT_TIERING`

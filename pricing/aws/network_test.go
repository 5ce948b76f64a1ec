package aws_test

import "testing"

func TestNATGateway(t *testing.T) {
	runModel(t, "aws_nat_gateway", []modelCase{
		{
			name:  "us-east-1 without usage",
			attrs: `{"connectivity_type": "public"}`,
			want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			},
		},
		{
			name:   "eu-west-1 with usage",
			region: "eu-west-1",
			attrs:  `{"connectivity_type": "public"}`,
			usage:  `{"monthly_data_processed_gb": 1000}`,
			want: []line{
				priced("NAT gateway", "hours", "730", "0.048", "35.04"),
				usage("Data processed", "GB", "1000", "0.048", "48"),
			},
		},
		{
			name:   "region without prices",
			region: "us-west-2",
			attrs:  `{}`,
			want: []line{
				unpriced("NAT gateway", "hours", "730", "no aws-vpc price for nat-gateway in us-west-2 in the catalog (priced in eu-west-1, us-east-1)"),
				unpricedUsage("Data processed", "GB", "0", "no aws-vpc price for nat-gateway/data in us-west-2 in the catalog (priced in eu-west-1, us-east-1)"),
			},
		},
	})
}

func TestEIP(t *testing.T) {
	ipv4 := priced("Public IPv4 address", "hours", "730", "0.005", "3.65")
	runModel(t, "aws_eip", []modelCase{
		{name: "attached or not, charged", attrs: `{"domain": "vpc", "instance": "i-123"}`, want: []line{ipv4}},
		{name: "amazon pool", attrs: `{"domain": "vpc", "public_ipv4_pool": "amazon"}`, want: []line{ipv4}},
		{name: "pool computed", attrs: `{"domain": "vpc"}`, unknown: `{"public_ipv4_pool": true}`, want: []line{ipv4}},
		{name: "BYOIP pool is free", attrs: `{"domain": "vpc", "public_ipv4_pool": "ipv4pool-ec2-0123456789abcdef0"}`},
		{name: "customer-owned pool is free", attrs: `{"domain": "vpc", "customer_owned_ipv4_pool": "ipv4pool-coip-0123456789abcdef0"}`},
	})
}

func TestVPCEndpoint(t *testing.T) {
	tier1 := func(q, cost string) line { return usage("Data processed (first 1 PB)", "GB", q, "0.01", cost) }
	runModel(t, "aws_vpc_endpoint", []modelCase{
		{name: "gateway endpoints are free (provider default type)", attrs: `{"service_name": "com.amazonaws.us-east-1.s3"}`},
		{name: "gateway endpoint", attrs: `{"vpc_endpoint_type": "Gateway"}`},
		{
			name:  "interface in two subnets with usage",
			attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a", "subnet-b"]}`,
			usage: `{"monthly_data_processed_gb": 100}`,
			want: []line{
				priced("Endpoint (Interface, 2 subnets)", "hours", "1460", "0.01", "14.6"),
				tier1("100", "1"),
			},
		},
		{
			name:  "interface in one subnet without usage",
			attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("0", "0"),
			},
		},
		{
			// 1 PB = 1,048,576 GB; 2,000,000 GB leave 951,424 GB for tier 2.
			name:  "data reaching the second tier",
			attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			usage: `{"monthly_data_processed_gb": 2000000}`,
			want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("1048576", "10485.76"),
				usage("Data processed (next 4 PB)", "GB", "951424", "0.006", "5708.544"),
			},
		},
		{
			// 5 PB = 5,242,880 GB; 6,000,000 GB leave 757,120 GB for tier 3.
			name:  "data reaching the third tier",
			attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			usage: `{"monthly_data_processed_gb": 6000000}`,
			want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("1048576", "10485.76"),
				usage("Data processed (next 4 PB)", "GB", "4194304", "0.006", "25165.824"),
				usage("Data processed (over 5 PB)", "GB", "757120", "0.004", "3028.48"),
			},
		},
		{
			name:    "interface with unknown subnets",
			attrs:   `{"vpc_endpoint_type": "Interface"}`,
			unknown: `{"subnet_ids": true}`,
			want: []line{
				unpriced("Endpoint (Interface)", "hours", "0", "subnet_ids"+unknownAttr),
				tier1("0", "0"),
			},
		},
		{
			name:    "interface with subnet IDs known only after apply",
			attrs:   `{"vpc_endpoint_type": "Interface", "subnet_ids": [null, null]}`,
			unknown: `{"subnet_ids": [true, true]}`,
			want: []line{
				priced("Endpoint (Interface, 2 subnets)", "hours", "1460", "0.01", "14.6"),
				tier1("0", "0"),
			},
		},
		{
			name:  "gateway load balancer endpoint",
			attrs: `{"vpc_endpoint_type": "GatewayLoadBalancer", "subnet_ids": ["subnet-a"]}`,
			usage: `{"monthly_data_processed_gb": 1000}`,
			want: []line{
				priced("Endpoint (Gateway Load Balancer)", "hours", "730", "0.01", "7.3"),
				usage("Data processed", "GB", "1000", "0.0035", "3.5"),
			},
		},
		{
			name:    "unknown type is not assumed free",
			attrs:   `{}`,
			unknown: `{"vpc_endpoint_type": true}`,
			want:    []line{unpriced("Endpoint", "hours", "0", "vpc_endpoint_type"+unknownAttr)},
		},
		{
			name:  "resource endpoint is not priced",
			attrs: `{"vpc_endpoint_type": "Resource"}`,
			want:  []line{unpriced("Endpoint (Resource)", "hours", "0", `vpc_endpoint_type "Resource" is not priced`)},
		},
	})
}

package aws_test

import "testing"

func TestNATGateway(t *testing.T) {
	runModel(t, "aws_nat_gateway", []modelCase{
		{
			Name:  "us-east-1 without usage",
			Attrs: `{"connectivity_type": "public"}`,
			Want: []line{
				priced("NAT gateway", "hours", "730", "0.045", "32.85"),
				usage("Data processed", "GB", "0", "0.045", "0"),
			},
		},
		{
			Name:   "eu-west-1 with usage",
			Region: "eu-west-1",
			Attrs:  `{"connectivity_type": "public"}`,
			Usage:  `{"monthly_data_processed_gb": 1000}`,
			Want: []line{
				priced("NAT gateway", "hours", "730", "0.048", "35.04"),
				usage("Data processed", "GB", "1000", "0.048", "48"),
			},
		},
		{
			Name:   "region without prices",
			Region: "us-west-2",
			Attrs:  `{}`,
			Want: []line{
				unpriced("NAT gateway", "hours", "730", "no aws-vpc price for nat-gateway in us-west-2 in the catalog (priced in eu-west-1, us-east-1)"),
				unpricedUsage("Data processed", "GB", "0", "no aws-vpc price for nat-gateway/data in us-west-2 in the catalog (priced in eu-west-1, us-east-1)"),
			},
		},
	})
}

func TestEIP(t *testing.T) {
	ipv4 := priced("Public IPv4 address", "hours", "730", "0.005", "3.65")
	runModel(t, "aws_eip", []modelCase{
		{Name: "attached or not, charged", Attrs: `{"domain": "vpc", "instance": "i-123"}`, Want: []line{ipv4}},
		{Name: "amazon pool", Attrs: `{"domain": "vpc", "public_ipv4_pool": "amazon"}`, Want: []line{ipv4}},
		{Name: "pool computed", Attrs: `{"domain": "vpc"}`, Unknown: `{"public_ipv4_pool": true}`, Want: []line{ipv4}},
		{Name: "BYOIP pool is free", Attrs: `{"domain": "vpc", "public_ipv4_pool": "ipv4pool-ec2-0123456789abcdef0"}`},
		{Name: "customer-owned pool is free", Attrs: `{"domain": "vpc", "customer_owned_ipv4_pool": "ipv4pool-coip-0123456789abcdef0"}`},
	})
}

func TestVPCEndpoint(t *testing.T) {
	tier1 := func(q, cost string) line { return usage("Data processed (first 1 PB)", "GB", q, "0.01", cost) }
	runModel(t, "aws_vpc_endpoint", []modelCase{
		{Name: "gateway endpoints are free (provider default type)", Attrs: `{"service_name": "com.amazonaws.us-east-1.s3"}`},
		{Name: "gateway endpoint", Attrs: `{"vpc_endpoint_type": "Gateway"}`},
		{
			Name:  "interface in two subnets with usage",
			Attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a", "subnet-b"]}`,
			Usage: `{"monthly_data_processed_gb": 100}`,
			Want: []line{
				priced("Endpoint (Interface, 2 subnets)", "hours", "1460", "0.01", "14.6"),
				tier1("100", "1"),
			},
		},
		{
			Name:  "interface in one subnet without usage",
			Attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			Want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("0", "0"),
			},
		},
		{
			// 1 PB = 1,048,576 GB; 2,000,000 GB leave 951,424 GB for tier 2.
			Name:  "data reaching the second tier",
			Attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			Usage: `{"monthly_data_processed_gb": 2000000}`,
			Want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("1048576", "10485.76"),
				usage("Data processed (next 4 PB)", "GB", "951424", "0.006", "5708.544"),
			},
		},
		{
			// 5 PB = 5,242,880 GB; 6,000,000 GB leave 757,120 GB for tier 3.
			Name:  "data reaching the third tier",
			Attrs: `{"vpc_endpoint_type": "Interface", "subnet_ids": ["subnet-a"]}`,
			Usage: `{"monthly_data_processed_gb": 6000000}`,
			Want: []line{
				priced("Endpoint (Interface, 1 subnet)", "hours", "730", "0.01", "7.3"),
				tier1("1048576", "10485.76"),
				usage("Data processed (next 4 PB)", "GB", "4194304", "0.006", "25165.824"),
				usage("Data processed (over 5 PB)", "GB", "757120", "0.004", "3028.48"),
			},
		},
		{
			Name:    "interface with unknown subnets",
			Attrs:   `{"vpc_endpoint_type": "Interface"}`,
			Unknown: `{"subnet_ids": true}`,
			Want: []line{
				unpriced("Endpoint (Interface)", "hours", "0", "subnet_ids"+unknownAttr),
				tier1("0", "0"),
			},
		},
		{
			Name:    "interface with subnet IDs known only after apply",
			Attrs:   `{"vpc_endpoint_type": "Interface", "subnet_ids": [null, null]}`,
			Unknown: `{"subnet_ids": [true, true]}`,
			Want: []line{
				priced("Endpoint (Interface, 2 subnets)", "hours", "1460", "0.01", "14.6"),
				tier1("0", "0"),
			},
		},
		{
			Name:  "gateway load balancer endpoint",
			Attrs: `{"vpc_endpoint_type": "GatewayLoadBalancer", "subnet_ids": ["subnet-a"]}`,
			Usage: `{"monthly_data_processed_gb": 1000}`,
			Want: []line{
				priced("Endpoint (Gateway Load Balancer)", "hours", "730", "0.01", "7.3"),
				usage("Data processed", "GB", "1000", "0.0035", "3.5"),
			},
		},
		{
			Name:    "unknown type is not assumed free",
			Attrs:   `{}`,
			Unknown: `{"vpc_endpoint_type": true}`,
			Want:    []line{unpriced("Endpoint", "hours", "0", "vpc_endpoint_type"+unknownAttr)},
		},
		{
			Name:  "resource endpoint is not priced",
			Attrs: `{"vpc_endpoint_type": "Resource"}`,
			Want:  []line{unpriced("Endpoint (Resource)", "hours", "0", `vpc_endpoint_type "Resource" is not priced`)},
		},
	})
}

package aws_test

import "testing"

func TestLoadBalancer(t *testing.T) {
	alb := priced("Application load balancer", "hours", "730", "0.0225", "16.425")
	for _, typ := range []string{"aws_lb", "aws_alb"} {
		t.Run(typ, func(t *testing.T) {
			runModel(t, typ, []modelCase{
				{
					name:  "application by default, no usage",
					attrs: `{"internal": false}`,
					want: []line{
						alb,
						usage("Load balancer capacity units (LCU)", "LCU-hours", "0", "0.008", "0"),
					},
				},
				{
					name:  "application with capacity units",
					attrs: `{"load_balancer_type": "application"}`,
					usage: `{"capacity_units": 2}`,
					want: []line{
						alb,
						usage("Load balancer capacity units (LCU)", "LCU-hours", "1460", "0.008", "11.68"),
					},
				},
				{
					name:   "network",
					region: "eu-west-1",
					attrs:  `{"load_balancer_type": "network"}`,
					usage:  `{"capacity_units": 1.5}`,
					want: []line{
						priced("Network load balancer", "hours", "730", "0.0252", "18.396"),
						usage("Load balancer capacity units (NLCU)", "LCU-hours", "1095", "0.006", "6.57"),
					},
				},
				{
					name:   "gateway",
					region: "eu-west-1",
					attrs:  `{"load_balancer_type": "gateway"}`,
					want: []line{
						priced("Gateway load balancer", "hours", "730", "0.014", "10.22"),
						usage("Load balancer capacity units (GLCU)", "LCU-hours", "0", "0.004", "0"),
					},
				},
				{
					name:    "unknown type",
					attrs:   `{}`,
					unknown: `{"load_balancer_type": true}`,
					want:    []line{unpriced("Load balancer", "hours", "0", "load_balancer_type"+unknownAttr)},
				},
				{
					name:  "unsupported type",
					attrs: `{"load_balancer_type": "classic"}`,
					want:  []line{unpriced("Load balancer", "hours", "0", `load_balancer_type "classic" is not priced`)},
				},
			})
		})
	}
}

func TestClassicLoadBalancer(t *testing.T) {
	runModel(t, "aws_elb", []modelCase{
		{
			name:  "without usage",
			attrs: `{"name": "legacy"}`,
			want: []line{
				priced("Classic load balancer", "hours", "730", "0.025", "18.25"),
				usage("Data processed", "GB", "0", "0.008", "0"),
			},
		},
		{
			name:  "with usage",
			attrs: `{"name": "legacy"}`,
			usage: `{"monthly_data_processed_gb": 500}`,
			want: []line{
				priced("Classic load balancer", "hours", "730", "0.025", "18.25"),
				usage("Data processed", "GB", "500", "0.008", "4"),
			},
		},
	})
}

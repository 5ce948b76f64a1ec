package aws_test

import "testing"

func TestLoadBalancer(t *testing.T) {
	alb := priced("Application load balancer", "hours", "730", "0.0225", "16.425")
	for _, typ := range []string{"aws_lb", "aws_alb"} {
		t.Run(typ, func(t *testing.T) {
			runModel(t, typ, []modelCase{
				{
					Name:  "application by default, no usage",
					Attrs: `{"internal": false}`,
					Want: []line{
						alb,
						usage("Load balancer capacity units (LCU)", "LCU-hours", "0", "0.008", "0"),
					},
				},
				{
					Name:  "application with capacity units",
					Attrs: `{"load_balancer_type": "application"}`,
					Usage: `{"capacity_units": 2}`,
					Want: []line{
						alb,
						usage("Load balancer capacity units (LCU)", "LCU-hours", "1460", "0.008", "11.68"),
					},
				},
				{
					Name:   "network",
					Region: "eu-west-1",
					Attrs:  `{"load_balancer_type": "network"}`,
					Usage:  `{"capacity_units": 1.5}`,
					Want: []line{
						priced("Network load balancer", "hours", "730", "0.0252", "18.396"),
						usage("Load balancer capacity units (NLCU)", "LCU-hours", "1095", "0.006", "6.57"),
					},
				},
				{
					Name:   "gateway",
					Region: "eu-west-1",
					Attrs:  `{"load_balancer_type": "gateway"}`,
					Want: []line{
						priced("Gateway load balancer", "hours", "730", "0.014", "10.22"),
						usage("Load balancer capacity units (GLCU)", "LCU-hours", "0", "0.004", "0"),
					},
				},
				{
					Name:    "unknown type",
					Attrs:   `{}`,
					Unknown: `{"load_balancer_type": true}`,
					Want:    []line{unpriced("Load balancer", "hours", "0", "load_balancer_type"+unknownAttr)},
				},
				{
					Name:  "unsupported type",
					Attrs: `{"load_balancer_type": "classic"}`,
					Want:  []line{unpriced("Load balancer", "hours", "0", `load_balancer_type "classic" is not priced`)},
				},
			})
		})
	}
}

func TestClassicLoadBalancer(t *testing.T) {
	runModel(t, "aws_elb", []modelCase{
		{
			Name:  "without usage",
			Attrs: `{"name": "legacy"}`,
			Want: []line{
				priced("Classic load balancer", "hours", "730", "0.025", "18.25"),
				usage("Data processed", "GB", "0", "0.008", "0"),
			},
		},
		{
			Name:  "with usage",
			Attrs: `{"name": "legacy"}`,
			Usage: `{"monthly_data_processed_gb": 500}`,
			Want: []line{
				priced("Classic load balancer", "hours", "730", "0.025", "18.25"),
				usage("Data processed", "GB", "500", "0.008", "4"),
			},
		},
	})
}

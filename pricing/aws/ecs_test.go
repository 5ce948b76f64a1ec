package aws_test

import "testing"

func TestECSService(t *testing.T) {
	task := func(attrs string) map[string]relatedResource {
		return map[string]relatedResource{"task_definition": {Address: "aws_ecs_task_definition.app", Attrs: attrs}}
	}
	const small = `{"family": "app", "cpu": "512", "memory": "1024", "requires_compatibilities": ["FARGATE"]}`
	runModel(t, "aws_ecs_service", []modelCase{
		{
			// 2 tasks × 0.25 vCPU × 730 h; 2 × 0.5 GB × 730 h.
			Name:    "fargate launch type",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 2}`,
			Unknown: `{"task_definition": true}`,
			Related: task(`{"cpu": "256", "memory": "512"}`),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
			},
		},
		{
			Name:    "arm tasks",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: task(`{"cpu": "1024", "memory": "2048", "runtime_platform": [{"cpu_architecture": "ARM64", "operating_system_family": "LINUX"}]}`),
			Want: []line{
				priced("Fargate vCPU (Linux/ARM)", "vCPU-hours", "730", "0.03238", "23.6374"),
				priced("Fargate memory (Linux/ARM)", "GB-hours", "1460", "0.00356", "5.1976"),
			},
		},
		{
			// 30 GB above the included 20 × 730 h.
			Name:    "ephemeral storage above 20 GB",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: task(`{"cpu": "256", "memory": "512", "ephemeral_storage": [{"size_in_gib": 50}]}`),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "182.5", "0.04048", "7.3876"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "365", "0.004445", "1.622425"),
				priced("Fargate ephemeral storage (above 20 GB)", "GB-hours", "21900", "0.000111", "2.4309"),
			},
		},
		{
			Name:    "sizes written as vCPU and GB",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: task(`{"cpu": "1 vCPU", "memory": "2 GB"}`),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "730", "0.04048", "29.5504"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "1460", "0.004445", "6.4897"),
			},
		},
		{
			Name:    "EC2 launch type costs nothing itself",
			Attrs:   `{"launch_type": "EC2", "desired_count": 3}`,
			Related: task(small),
		},
		{
			// 4 tasks by weight 1:3.
			Name: "capacity providers with fargate spot",
			Attrs: `{"desired_count": 4, "capacity_provider_strategy": [
				{"capacity_provider": "FARGATE", "weight": 1, "base": 0},
				{"capacity_provider": "FARGATE_SPOT", "weight": 3, "base": 0}]}`,
			Related: task(small),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
				unpriced("Fargate Spot tasks", "tasks", "3", "Fargate Spot prices are not in the catalog"),
			},
		},
		{
			// 6 tasks: a base of 2 on FARGATE, the other 4 split 1:1.
			Name: "capacity provider base",
			Attrs: `{"desired_count": 6, "capacity_provider_strategy": [
				{"capacity_provider": "FARGATE", "weight": 1, "base": 2},
				{"capacity_provider": "FARGATE_SPOT", "weight": 1, "base": 0}]}`,
			Related: task(small),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "1460", "0.04048", "59.1008"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "2920", "0.004445", "12.9794"),
				unpriced("Fargate Spot tasks", "tasks", "2", "Fargate Spot prices are not in the catalog"),
			},
		},
		{
			Name: "EC2 capacity provider",
			Attrs: `{"desired_count": 2, "capacity_provider_strategy": [
				{"capacity_provider": "asg-provider", "weight": 1, "base": 0}]}`,
			Related: task(small),
		},
		{
			Name:    "launch type not set, fargate-only task definition",
			Attrs:   `{"desired_count": 1}`,
			Unknown: `{"launch_type": true}`,
			Related: task(small),
			Want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
			},
		},
		{
			Name:    "launch type not set, EC2-only task definition",
			Attrs:   `{"desired_count": 1}`,
			Unknown: `{"launch_type": true}`,
			Related: task(`{"cpu": "512", "memory": "1024", "requires_compatibilities": ["EC2"]}`),
		},
		{
			Name:    "launch type not set, either capacity",
			Attrs:   `{"desired_count": 1}`,
			Unknown: `{"launch_type": true}`,
			Related: task(`{"cpu": "512", "memory": "1024", "requires_compatibilities": ["EC2", "FARGATE"]}`),
			Want: []line{unpriced("Fargate tasks", "tasks", "1",
				"launch_type is not set and the cluster's default capacity provider decides where tasks run")},
		},
		{
			Name:    "capacity provider known only after apply",
			Attrs:   `{"desired_count": 1, "capacity_provider_strategy": [{"weight": 1}]}`,
			Unknown: `{"capacity_provider_strategy": [{"capacity_provider": true}]}`,
			Related: task(small),
			Want: []line{unpriced("Fargate tasks", "tasks", "1",
				"capacity_provider_strategy.capacity_provider is known only after apply")},
		},
		{
			Name:    "task size ECS does not accept",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: task(`{"cpu": "two", "memory": "2 vCPU"}`),
			Want: []line{
				unpriced("Fargate vCPU (Linux/x86)", "vCPU-hours", "0", `cpu of aws_ecs_task_definition.app is "two", which is not a size ECS accepts`),
				unpriced("Fargate memory (Linux/x86)", "GB-hours", "0", `memory of aws_ecs_task_definition.app is "2 vCPU", which is not a size ECS accepts`),
			},
		},
		{
			Name:    "desired count known only after apply",
			Attrs:   `{"launch_type": "FARGATE"}`,
			Unknown: `{"desired_count": true}`,
			Related: task(small),
			Want:    []line{unpriced("Fargate tasks", "tasks", "0", "desired_count is known only after apply")},
		},
		{
			Name:    "no tasks",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 0}`,
			Related: task(small),
		},
		{
			Name:  "task definition not in the plan",
			Attrs: `{"launch_type": "FARGATE", "desired_count": 1, "task_definition": "app:7"}`,
			Want: []line{unpriced("Fargate tasks", "tasks", "1",
				"the task definition is not in the plan, so the tasks' CPU and memory are unknown")},
		},
		{
			Name:    "windows tasks",
			Attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: task(`{"cpu": "1024", "memory": "2048", "runtime_platform": [{"operating_system_family": "WINDOWS_SERVER_2022_CORE"}]}`),
			Want: []line{unpriced("Fargate tasks (WINDOWS_SERVER_2022_CORE)", "tasks", "0",
				"Fargate prices for Windows tasks are not in the catalog")},
		},
		{
			Name:  "task cpu known only after apply, memory not set",
			Attrs: `{"launch_type": "FARGATE", "desired_count": 1}`,
			Related: map[string]relatedResource{"task_definition": {Address: "aws_ecs_task_definition.app",
				Attrs: `{"family": "app"}`, Unknown: `{"cpu": true}`}},
			Want: []line{
				unpriced("Fargate vCPU (Linux/x86)", "vCPU-hours", "0", "cpu of aws_ecs_task_definition.app is known only after apply"),
				unpriced("Fargate memory (Linux/x86)", "GB-hours", "0", "aws_ecs_task_definition.app sets no task memory (Fargate requires it)"),
			},
		},
	})
}

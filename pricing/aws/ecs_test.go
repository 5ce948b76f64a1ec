package aws_test

import "testing"

func TestECSService(t *testing.T) {
	task := func(attrs string) map[string]relatedResource {
		return map[string]relatedResource{"task_definition": {address: "aws_ecs_task_definition.app", attrs: attrs}}
	}
	const small = `{"family": "app", "cpu": "512", "memory": "1024", "requires_compatibilities": ["FARGATE"]}`
	runModel(t, "aws_ecs_service", []modelCase{
		{
			// 2 tasks × 0.25 vCPU × 730 h; 2 × 0.5 GB × 730 h.
			name:    "fargate launch type",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 2}`,
			unknown: `{"task_definition": true}`,
			related: task(`{"cpu": "256", "memory": "512"}`),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
			},
		},
		{
			name:    "arm tasks",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: task(`{"cpu": "1024", "memory": "2048", "runtime_platform": [{"cpu_architecture": "ARM64", "operating_system_family": "LINUX"}]}`),
			want: []line{
				priced("Fargate vCPU (Linux/ARM)", "vCPU-hours", "730", "0.03238", "23.6374"),
				priced("Fargate memory (Linux/ARM)", "GB-hours", "1460", "0.00356", "5.1976"),
			},
		},
		{
			// 30 GB above the included 20 × 730 h.
			name:    "ephemeral storage above 20 GB",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: task(`{"cpu": "256", "memory": "512", "ephemeral_storage": [{"size_in_gib": 50}]}`),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "182.5", "0.04048", "7.3876"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "365", "0.004445", "1.622425"),
				priced("Fargate ephemeral storage (above 20 GB)", "GB-hours", "21900", "0.000111", "2.4309"),
			},
		},
		{
			name:    "sizes written as vCPU and GB",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: task(`{"cpu": "1 vCPU", "memory": "2 GB"}`),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "730", "0.04048", "29.5504"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "1460", "0.004445", "6.4897"),
			},
		},
		{
			name:    "EC2 launch type costs nothing itself",
			attrs:   `{"launch_type": "EC2", "desired_count": 3}`,
			related: task(small),
		},
		{
			// 4 tasks by weight 1:3.
			name: "capacity providers with fargate spot",
			attrs: `{"desired_count": 4, "capacity_provider_strategy": [
				{"capacity_provider": "FARGATE", "weight": 1, "base": 0},
				{"capacity_provider": "FARGATE_SPOT", "weight": 3, "base": 0}]}`,
			related: task(small),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
				unpriced("Fargate Spot tasks", "tasks", "3", "Fargate Spot prices are not in the catalog"),
			},
		},
		{
			// 6 tasks: a base of 2 on FARGATE, the other 4 split 1:1.
			name: "capacity provider base",
			attrs: `{"desired_count": 6, "capacity_provider_strategy": [
				{"capacity_provider": "FARGATE", "weight": 1, "base": 2},
				{"capacity_provider": "FARGATE_SPOT", "weight": 1, "base": 0}]}`,
			related: task(small),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "1460", "0.04048", "59.1008"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "2920", "0.004445", "12.9794"),
				unpriced("Fargate Spot tasks", "tasks", "2", "Fargate Spot prices are not in the catalog"),
			},
		},
		{
			name: "EC2 capacity provider",
			attrs: `{"desired_count": 2, "capacity_provider_strategy": [
				{"capacity_provider": "asg-provider", "weight": 1, "base": 0}]}`,
			related: task(small),
		},
		{
			name:    "launch type not set, fargate-only task definition",
			attrs:   `{"desired_count": 1}`,
			unknown: `{"launch_type": true}`,
			related: task(small),
			want: []line{
				priced("Fargate vCPU (Linux/x86)", "vCPU-hours", "365", "0.04048", "14.7752"),
				priced("Fargate memory (Linux/x86)", "GB-hours", "730", "0.004445", "3.24485"),
			},
		},
		{
			name:    "launch type not set, EC2-only task definition",
			attrs:   `{"desired_count": 1}`,
			unknown: `{"launch_type": true}`,
			related: task(`{"cpu": "512", "memory": "1024", "requires_compatibilities": ["EC2"]}`),
		},
		{
			name:    "launch type not set, either capacity",
			attrs:   `{"desired_count": 1}`,
			unknown: `{"launch_type": true}`,
			related: task(`{"cpu": "512", "memory": "1024", "requires_compatibilities": ["EC2", "FARGATE"]}`),
			want: []line{unpriced("Fargate tasks", "tasks", "1",
				"launch_type is not set and the cluster's default capacity provider decides where tasks run")},
		},
		{
			name:    "capacity provider known only after apply",
			attrs:   `{"desired_count": 1, "capacity_provider_strategy": [{"weight": 1}]}`,
			unknown: `{"capacity_provider_strategy": [{"capacity_provider": true}]}`,
			related: task(small),
			want: []line{unpriced("Fargate tasks", "tasks", "1",
				"capacity_provider_strategy.capacity_provider is known only after apply")},
		},
		{
			name:    "task size ECS does not accept",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: task(`{"cpu": "two", "memory": "2 vCPU"}`),
			want: []line{
				unpriced("Fargate vCPU (Linux/x86)", "vCPU-hours", "0", `cpu of aws_ecs_task_definition.app is "two", which is not a size ECS accepts`),
				unpriced("Fargate memory (Linux/x86)", "GB-hours", "0", `memory of aws_ecs_task_definition.app is "2 vCPU", which is not a size ECS accepts`),
			},
		},
		{
			name:    "desired count known only after apply",
			attrs:   `{"launch_type": "FARGATE"}`,
			unknown: `{"desired_count": true}`,
			related: task(small),
			want:    []line{unpriced("Fargate tasks", "tasks", "0", "desired_count is known only after apply")},
		},
		{
			name:    "no tasks",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 0}`,
			related: task(small),
		},
		{
			name:  "task definition not in the plan",
			attrs: `{"launch_type": "FARGATE", "desired_count": 1, "task_definition": "app:7"}`,
			want: []line{unpriced("Fargate tasks", "tasks", "1",
				"the task definition is not in the plan, so the tasks' CPU and memory are unknown")},
		},
		{
			name:    "windows tasks",
			attrs:   `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: task(`{"cpu": "1024", "memory": "2048", "runtime_platform": [{"operating_system_family": "WINDOWS_SERVER_2022_CORE"}]}`),
			want: []line{unpriced("Fargate tasks (WINDOWS_SERVER_2022_CORE)", "tasks", "0",
				"Fargate prices for Windows tasks are not in the catalog")},
		},
		{
			name:  "task cpu known only after apply, memory not set",
			attrs: `{"launch_type": "FARGATE", "desired_count": 1}`,
			related: map[string]relatedResource{"task_definition": {address: "aws_ecs_task_definition.app",
				attrs: `{"family": "app"}`, unknown: `{"cpu": true}`}},
			want: []line{
				unpriced("Fargate vCPU (Linux/x86)", "vCPU-hours", "0", "cpu of aws_ecs_task_definition.app is known only after apply"),
				unpriced("Fargate memory (Linux/x86)", "GB-hours", "0", "aws_ecs_task_definition.app sets no task memory (Fargate requires it)"),
			},
		},
	})
}

package aws

import "github.com/tollgate-dev/tollgate/pricing"

// computeModels are the models of instances, volumes and containers.
// aws_launch_template, aws_launch_configuration, aws_ecs_cluster and
// aws_ecs_task_definition cost nothing by themselves: they are priced
// through the groups and services that use them.
func computeModels() []pricing.Model {
	return []pricing.Model{
		instanceModel(),
		ebsVolumeModel(),
		ebsSnapshotModel(),
		autoscalingGroupModel(),
		eksClusterModel(),
		eksNodeGroupModel(),
		lambdaFunctionModel(),
		ecsServiceModel(),
	}
}

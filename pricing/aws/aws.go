// Package aws holds the cost models of AWS resource types, one file per
// type or family, and the list of AWS types that cost nothing.
package aws

import "github.com/tollgate-dev/tollgate/pricing"

// Models returns every AWS cost model. aws_launch_template,
// aws_launch_configuration, aws_ecs_cluster and aws_ecs_task_definition
// have none: they cost nothing by themselves and are priced through the
// groups and services that use them.
func Models() []pricing.Model {
	return []pricing.Model{
		// Instances, volumes and containers.
		instanceModel,
		ebsVolumeModel,
		ebsSnapshotModel,
		autoscalingGroupModel,
		eksClusterModel,
		eksNodeGroupModel,
		lambdaFunctionModel,
		ecsServiceModel,
		// Managed services and networking.
		dbInstanceModel,
		rdsClusterInstanceModel,
		rdsClusterModel,
		elasticacheClusterModel,
		elasticacheReplicationGroupModel,
		dynamodbTableModel,
		s3BucketModel,
		natGatewayModel,
		eipModel,
		vpcEndpointModel,
		loadBalancerModel("aws_lb"),
		loadBalancerModel("aws_alb"),
		classicLoadBalancerModel,
		cloudwatchLogGroupModel,
		kmsKeyModel,
		kmsExternalKeyModel,
		secretsmanagerSecretModel,
		route53ZoneModel,
	}
}

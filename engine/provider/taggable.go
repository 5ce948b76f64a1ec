package provider

import "strings"

// TakesTags reports whether a resource type takes tags (labels on Google
// Cloud), for .tf input: without provider schemas the configured values
// only show the tags a block sets, so a block that sets none would look
// untaggable and escape the required-tags guardrail. The list holds the
// common taggable types of the AWS, AzureRM and Google providers; a type
// not listed is judged by its values alone.
func TakesTags(typ string) bool {
	if taggable[typ] {
		return true
	}
	for _, prefix := range taggablePrefixes {
		if strings.HasPrefix(typ, prefix) {
			return true
		}
	}
	return false
}

// taggablePrefixes are families whose every type takes tags.
var taggablePrefixes = []string{"aws_fsx_", "aws_opensearch_", "aws_docdb_cluster", "aws_neptune_cluster"}

var taggable = setOf(
	// AWS compute, storage and databases
	"aws_instance", "aws_spot_instance_request", "aws_launch_template", "aws_ami", "aws_key_pair", "aws_placement_group",
	"aws_ebs_volume", "aws_ebs_snapshot", "aws_efs_file_system", "aws_s3_bucket", "aws_backup_vault", "aws_backup_plan",
	"aws_db_instance", "aws_rds_cluster", "aws_rds_cluster_instance", "aws_db_subnet_group", "aws_db_parameter_group",
	"aws_db_option_group", "aws_rds_cluster_parameter_group", "aws_dynamodb_table", "aws_elasticache_cluster",
	"aws_elasticache_replication_group", "aws_elasticache_subnet_group", "aws_elasticsearch_domain", "aws_redshift_cluster",
	"aws_msk_cluster", "aws_mq_broker", "aws_kinesis_stream", "aws_kinesis_firehose_delivery_stream",
	// AWS containers and serverless
	"aws_eks_cluster", "aws_eks_node_group", "aws_eks_fargate_profile", "aws_ecs_cluster", "aws_ecs_service",
	"aws_ecs_task_definition", "aws_ecr_repository", "aws_lambda_function", "aws_sfn_state_machine",
	"aws_api_gateway_rest_api", "aws_apigatewayv2_api", "aws_glue_job", "aws_athena_workgroup", "aws_codebuild_project",
	"aws_sns_topic", "aws_sqs_queue", "aws_cloudwatch_event_bus", "aws_transfer_server",
	// AWS networking
	"aws_vpc", "aws_subnet", "aws_security_group", "aws_route_table", "aws_internet_gateway",
	"aws_egress_only_internet_gateway", "aws_nat_gateway", "aws_eip", "aws_network_acl", "aws_network_interface",
	"aws_vpc_endpoint", "aws_vpn_gateway", "aws_customer_gateway", "aws_vpn_connection", "aws_ec2_transit_gateway",
	"aws_ec2_transit_gateway_vpc_attachment", "aws_vpc_peering_connection", "aws_lb", "aws_alb", "aws_elb",
	"aws_lb_target_group", "aws_alb_target_group", "aws_lb_listener", "aws_alb_listener", "aws_lb_listener_rule",
	"aws_route53_zone", "aws_route53_health_check", "aws_cloudfront_distribution", "aws_globalaccelerator_accelerator",
	"aws_acm_certificate", "aws_wafv2_web_acl",
	// AWS security and management
	"aws_iam_role", "aws_iam_policy", "aws_iam_user", "aws_iam_instance_profile", "aws_kms_key",
	"aws_secretsmanager_secret", "aws_ssm_parameter", "aws_cloudwatch_log_group", "aws_cloudwatch_metric_alarm",
	"aws_cloudtrail", "aws_config_config_rule",
	// AzureRM
	"azurerm_resource_group", "azurerm_virtual_network", "azurerm_network_security_group", "azurerm_network_interface",
	"azurerm_public_ip", "azurerm_lb", "azurerm_nat_gateway", "azurerm_firewall", "azurerm_application_gateway",
	"azurerm_virtual_hub", "azurerm_virtual_wan", "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine",
	"azurerm_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set",
	"azurerm_managed_disk", "azurerm_kubernetes_cluster", "azurerm_kubernetes_cluster_node_pool",
	"azurerm_storage_account", "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_flexible_server",
	"azurerm_mysql_flexible_server", "azurerm_service_plan", "azurerm_app_service_plan", "azurerm_linux_web_app",
	"azurerm_windows_web_app", "azurerm_key_vault", "azurerm_container_registry", "azurerm_log_analytics_workspace",
	// Google Cloud (labels)
	"google_compute_instance", "google_compute_instance_template", "google_compute_disk", "google_compute_address",
	"google_storage_bucket", "google_pubsub_topic", "google_bigquery_dataset", "google_cloudfunctions_function",
	"google_redis_instance",
)

func setOf(types ...string) map[string]bool {
	m := make(map[string]bool, len(types))
	for _, t := range types {
		m[t] = true
	}
	return m
}

package gcp

// Free lists the Google Cloud resource types that cost nothing by
// themselves: identity and access, projects and their settings, VPC
// plumbing, templates and policies that only shape other resources. A
// type that can cost money on its own (DNS zones, secrets, KMS keys,
// topics, log sinks' destinations, alert policies, forwarding rules) is
// deliberately absent, so that it shows up as unsupported rather than as
// free. Entries ending in "*" match by prefix.
var Free = []string{
	// Identity and access.
	"google_project_iam_*",
	"google_organization_iam_*",
	"google_folder_iam_*",
	"google_service_account*", // accounts, keys, their IAM
	"google_storage_bucket_iam_*",
	"google_storage_bucket_acl",
	"google_storage_default_object_acl",
	"google_storage_object_acl",
	"google_compute_instance_iam_*",
	"google_compute_subnetwork_iam_*",
	"google_kms_key_ring_iam_*",
	"google_kms_crypto_key_iam_*",
	"google_secret_manager_secret_iam_*",
	"google_pubsub_topic_iam_*",
	"google_pubsub_subscription_iam_*",
	"google_artifact_registry_repository_iam_*",
	"google_iam_workload_identity_pool*",

	// Projects, folders and their settings.
	"google_project",
	"google_project_service",
	"google_project_default_service_accounts",
	"google_folder",
	"google_org_policy_policy",
	"google_project_organization_policy",
	"google_folder_organization_policy",
	"google_organization_policy",
	"google_compute_project_metadata",
	"google_compute_project_metadata_item",
	"google_compute_project_default_network_tier",
	"google_billing_budget",
	"google_kms_key_ring",

	// VPC plumbing. Cloud NAT, external addresses and VPN tunnels cost
	// money; these do not.
	"google_compute_network",
	"google_compute_subnetwork",
	"google_compute_firewall*", // rules and firewall policies
	"google_compute_network_firewall_policy*",
	"google_compute_region_network_firewall_policy*",
	"google_compute_route",
	"google_compute_router",
	"google_compute_router_interface",
	"google_compute_router_peer",
	"google_compute_network_peering",
	"google_compute_shared_vpc_host_project",
	"google_compute_shared_vpc_service_project",
	"google_service_networking_connection",

	// Templates, policies and attachments: what they describe is priced
	// where it runs.
	"google_compute_instance_template",
	"google_compute_region_instance_template",
	"google_compute_attached_disk",
	"google_compute_resource_policy",
	"google_compute_disk_resource_policy_attachment",
	"google_compute_health_check",
	"google_compute_region_health_check",
	"google_compute_http_health_check",
	"google_compute_https_health_check",
	"google_compute_autoscaler",
	"google_compute_region_autoscaler",
	"google_compute_ssl_policy",
	"google_monitoring_notification_channel",
	"google_monitoring_dashboard",
}

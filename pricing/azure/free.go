package azure

// Free lists the azurerm resource types Azure never charges for: resource
// organisation, identity, network plumbing, and settings or children of
// resources that are billed themselves. A type that can cost money on its
// own (DNS zones, private endpoints, peering traffic, firewall policies,
// Key Vault, function apps billed per execution) is deliberately absent,
// so that it shows up as unsupported rather than as free. Entries ending
// in "*" match by prefix.
var Free = []string{
	// Organisation, identity and governance.
	"azurerm_resource_group",
	"azurerm_management_group",
	"azurerm_management_group_subscription_association",
	"azurerm_management_lock",
	"azurerm_resource_provider_registration",
	"azurerm_role_*",
	"azurerm_user_assigned_identity",
	"azurerm_federated_identity_credential",
	"azurerm_policy_definition",
	"azurerm_policy_set_definition",
	"azurerm_management_group_policy_assignment",
	"azurerm_subscription_policy_assignment",
	"azurerm_resource_group_policy_assignment",
	"azurerm_resource_policy_assignment",
	"azurerm_marketplace_agreement",

	// Network plumbing. Public IPs, NAT gateways, Standard load balancers
	// and firewalls cost money and are modelled; these do not.
	"azurerm_virtual_network",
	"azurerm_subnet*", // and its NSG, route table, NAT gateway associations
	"azurerm_network_security_group",
	"azurerm_network_security_rule",
	"azurerm_application_security_group",
	"azurerm_route_table",
	"azurerm_route",
	"azurerm_network_interface",
	"azurerm_network_interface_*",
	"azurerm_network_watcher",
	"azurerm_nat_gateway_public_ip_association",
	"azurerm_nat_gateway_public_ip_prefix_association",
	// The WAN itself is free; its hubs and connections are billed.
	"azurerm_virtual_wan",
	// Load balancer parts. Load-balancing and outbound rules are charged,
	// but per load balancer: azurerm_lb prices them from its rules usage.
	"azurerm_lb_backend_address_pool",
	"azurerm_lb_backend_address_pool_address",
	"azurerm_lb_probe",
	"azurerm_lb_nat_rule",
	"azurerm_lb_nat_pool",
	"azurerm_lb_rule",
	"azurerm_lb_outbound_rule",
	// Firewall rules (firewall policies are billed, and absent here).
	"azurerm_firewall_application_rule_collection",
	"azurerm_firewall_nat_rule_collection",
	"azurerm_firewall_network_rule_collection",
	"azurerm_firewall_policy_rule_collection_group",

	// Parts of billed compute: the VM, scale set or plan carries the cost.
	"azurerm_availability_set",
	"azurerm_proximity_placement_group",
	"azurerm_ssh_public_key",
	"azurerm_virtual_machine_extension",
	"azurerm_virtual_machine_scale_set_extension",
	"azurerm_virtual_machine_data_disk_attachment",
	"azurerm_linux_web_app",
	"azurerm_linux_web_app_slot",
	"azurerm_windows_web_app",
	"azurerm_windows_web_app_slot",
	"azurerm_app_service",
	"azurerm_app_service_slot",
	"azurerm_app_service_virtual_network_swift_connection",

	// Parts of billed data services.
	"azurerm_storage_container",
	"azurerm_storage_account_network_rules",
	"azurerm_mssql_server",
	"azurerm_mssql_firewall_rule",
	"azurerm_mssql_virtual_network_rule",
	"azurerm_postgresql_flexible_server_configuration",
	"azurerm_postgresql_flexible_server_database",
	"azurerm_postgresql_flexible_server_firewall_rule",
	"azurerm_mysql_flexible_database",
	"azurerm_mysql_flexible_server_configuration",
	"azurerm_mysql_flexible_server_firewall_rule",
	"azurerm_monitor_diagnostic_setting",
}

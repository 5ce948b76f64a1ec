package tollgate.examples.database

# METADATA
# title: Multi-AZ outside production
# description: Multi-AZ doubles a database's price; outside prod it is rarely worth it.
# custom:
#   rule: multi-az-non-prod
warn contains {"msg": sprintf("%s is Multi-AZ but env is %q: Single-AZ halves its instance cost", [r.address, object.get(r.tags, "env", "unset")]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_db_instance"
	r.action != "no-op"
	r.action != "delete"
	r.after.multi_az == true
	object.get(r.tags, "env", "") != "prod"
}

# METADATA
# title: Deletion protection in production
# description: A production database must not be deletable by a plan.
# custom:
#   rule: db-deletion-protection
deny contains {"msg": sprintf("%s is tagged env=prod but has deletion_protection off", [r.address]), "address": r.address} if {
	some r in input.resources
	r.type == "aws_db_instance"
	r.action != "no-op"
	r.action != "delete"
	r.tags.env == "prod"
	not r.after.deletion_protection
}

from_var_file = "prod.tfvars"
from_var      = "prod.tfvars"

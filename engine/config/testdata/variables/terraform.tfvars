from_tfvars   = "terraform.tfvars"
from_auto     = "terraform.tfvars"
from_var_file = "terraform.tfvars"
from_var      = "terraform.tfvars"
servers = {
  small = { type = "t3.micro" }
  big   = { type = "m5.xlarge", disk = 200, tags = { tier = "db" } }
}

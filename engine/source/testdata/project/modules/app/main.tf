# tollgate:waive allowed-instance-types reason="app servers" owner=app expires=2027-01-31
resource "aws_instance" "server" {
  count = 2
}

module "db" {
  source = "../db"
  count  = 2
}

module "lb" {
  source = "terraform-aws-modules/alb/aws"
}

module "cache" {
  source = "./cache"
}

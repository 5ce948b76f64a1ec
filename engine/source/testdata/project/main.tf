terraform {
  required_version = ">= 1.5"
}

# tollgate:waive required-tags reason="legacy host" owner=ops@example.com expires=2027-01-31
# Legacy web server, retiring in Q1.
resource "aws_instance" "web" {
  ami           = "ami-123"
  instance_type = "m5.large"
  tags = {
    # tollgate:waive allowed-instance-types reason="needs m5" owner=ops expires=2027-06-30
    Name = "web"
  }
}

# tollgate:waive required-tags reason="separated by a blank line" owner=ops expires=2027-01-31

resource "aws_instance" "web2" {
  ami   = "ami-123"
  count = 2
}

data "aws_ami" "base" { // tollgate:note on the header line
  most_recent = true
}

module "app" {
  source   = "./modules/app"
  for_each = toset(["a", "b.c"])
}

/* tollgate:waive budget-total reason="shared network" owner=net expires=2027-01-31 */
module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
}

module "downloaded" { source = "git::https://example.com/net.git?ref=v1" }

module "outside" {
  source = "../elsewhere"
}

module "db" {
  source = "./modules/db"
}

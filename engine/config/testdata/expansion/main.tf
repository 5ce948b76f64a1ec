# count and for_each over every kind of collection, with the addresses
# Terraform prints.
variable "zones" {
  default = ["eu-west-1a", "eu-west-1b"]
}

variable "apps" {
  default = [
    { name = "api", size = "t3.small", replicas = 2 },
    { name = "web", size = "t3.micro", replicas = 1 },
  ]
}

resource "aws_instance" "by_count" {
  count             = length(var.zones)
  ami               = "ami-1"
  instance_type     = "t3.nano"
  availability_zone = var.zones[count.index]
}

resource "aws_instance" "none" {
  count         = 0
  ami           = "ami-1"
  instance_type = "t3.nano"
}

resource "aws_instance" "by_set" {
  for_each          = toset(var.zones)
  ami               = "ami-1"
  instance_type     = "t3.nano"
  availability_zone = each.value
}

resource "aws_instance" "by_map" {
  for_each      = { small = "t3.small", large = "m5.large" }
  ami           = "ami-1"
  instance_type = each.value
  tags          = { Name = each.key }
}

resource "aws_instance" "by_objects" {
  for_each      = { for a in var.apps : a.name => a }
  ami           = "ami-1"
  instance_type = each.value.size
  tags          = { Replicas = tostring(each.value.replicas) }
}

resource "aws_instance" "odd_keys" {
  for_each      = toset(["a.b", "quote\"d", "back\\slash", "tab\tnew\nline", "$${x}", "%%{y}", "é"])
  ami           = "ami-1"
  instance_type = "t3.nano"
}

data "aws_availability_zones" "all" {}

resource "aws_instance" "unknown_count" {
  count         = length(data.aws_availability_zones.all.names)
  ami           = "ami-1"
  instance_type = "t3.nano"
}

resource "aws_instance" "unknown_for_each" {
  for_each      = toset(data.aws_availability_zones.all.names)
  ami           = "ami-1"
  instance_type = "t3.nano"
}

resource "aws_instance" "known_keys_unknown_values" {
  for_each      = { a = data.aws_availability_zones.all.id }
  ami           = each.value
  instance_type = "t3.nano"
}

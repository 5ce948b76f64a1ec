variable "vpc_id" {
  type = string
}

variable "azs" {
  type = list(string)
}

resource "aws_subnet" "this" {
  for_each          = toset(var.azs)
  vpc_id            = var.vpc_id
  availability_zone = each.value
  cidr_block        = cidrsubnet("10.0.0.0/16", 8, index(var.azs, each.value))
}

output "ids" {
  value = [for az in var.azs : aws_subnet.this[az].id]
}

variable "name" {
  type = string
}

variable "azs" {
  type = list(string)
}

resource "aws_vpc" "this" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = var.name
  }
}

resource "aws_nat_gateway" "this" {
  count     = length(var.azs)
  subnet_id = module.subnet.ids[count.index]
}

module "subnet" {
  source = "./modules/subnet"
  vpc_id = aws_vpc.this.id
  azs    = var.azs
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "public_subnets" {
  value = module.subnet.ids
}

variable "name" {
  type = string
}

variable "replicas" {
  type    = number
  default = 1
}

locals {
  type = var.replicas > 1 ? "m5.large" : "t3.medium"
}

resource "aws_instance" "this" {
  count         = var.replicas
  ami           = "ami-1"
  instance_type = local.type
  tags = {
    Name = "${var.name}-${count.index}"
  }
}

module "disk" {
  source = "../disk"
  size   = var.replicas * 100
  az     = "${path.module}/az"
}

output "first_instance_id" {
  value = aws_instance.this[0].id
}

output "instance_type" {
  value = aws_instance.this[0].instance_type
}

output "disk_size" {
  value = module.disk.size
}

variable "size" {
  type = number
}

variable "az" {
  type = string
}

resource "aws_ebs_volume" "this" {
  availability_zone = var.az
  size              = var.size
  type              = "gp3"
  tags = {
    Owner = "storage"
  }
}

output "size" {
  value = aws_ebs_volume.this.size
}

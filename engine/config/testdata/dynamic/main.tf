# dynamic blocks: plain, with an iterator, nested, mixed with static
# blocks, and over an unknown collection.
variable "ingress" {
  default = [
    { port = 80, cidrs = ["0.0.0.0/0"] },
    { port = 443, cidrs = ["10.0.0.0/8", "192.168.0.0/16"] },
  ]
}

resource "aws_security_group" "web" {
  name = "web"
  ingress {
    from_port = 22
    to_port   = 22
  }
  dynamic "ingress" {
    for_each = var.ingress
    content {
      from_port   = ingress.value.port
      to_port     = ingress.value.port
      cidr_blocks = ingress.value.cidrs
      description = "rule ${ingress.key}"
    }
  }
}

resource "aws_launch_template" "lt" {
  name = "lt"
  dynamic "block_device_mappings" {
    for_each = { "/dev/sda1" = 50, "/dev/sdb" = 200 }
    iterator = disk
    content {
      device_name = disk.key
      ebs {
        volume_size = disk.value
      }
      dynamic "tag" {
        for_each = toset(["a", "b"])
        content {
          device = disk.key
          key    = tag.value
        }
      }
    }
  }
}

data "aws_subnets" "all" {}

resource "aws_instance" "unknown" {
  ami           = "ami-1"
  instance_type = "t3.nano"
  dynamic "ebs_block_device" {
    for_each = data.aws_subnets.all.ids
    content {
      device_name = ebs_block_device.value
    }
  }
  dynamic "network_interface" {
    for_each = []
    content {
      device_index = 0
    }
  }
}

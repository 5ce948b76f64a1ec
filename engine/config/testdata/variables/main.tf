variable "from_default" {
  default = "default"
}

variable "from_env" {
  default = "default"
}

variable "from_tfvars" {
  default = "default"
}

variable "from_auto" {
  default = "default"
}

variable "from_var_file" {
  default = "default"
}

variable "from_var" {
  default = "default"
}

variable "count_env" {
  type = number
}

variable "servers" {
  type = map(object({
    type = string
    disk = optional(number, 20)
    tags = optional(map(string), {})
  }))
}

variable "list_from_env" {
  type    = list(string)
  default = []
}

variable "nullable_false" {
  type     = string
  default  = "fallback"
  nullable = false
}

variable "missing" {
  type = string
}

resource "aws_instance" "server" {
  for_each      = var.servers
  instance_type = each.value.type
  ami           = "ami-${var.missing}"
  root_block_device {
    volume_size = each.value.disk
  }
  tags = merge(each.value.tags, {
    default  = var.from_default
    env      = var.from_env
    tfvars   = var.from_tfvars
    auto     = var.from_auto
    var_file = var.from_var_file
    var      = var.from_var
    list     = join(",", var.list_from_env)
    nullable = var.nullable_false
  })
}

resource "aws_ebs_volume" "extra" {
  count             = var.count_env
  availability_zone = "eu-west-1a"
  size              = 10 * (count.index + 1)
}

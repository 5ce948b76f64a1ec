# Locals in dependency order across files, conditionals, for
# expressions, splats and functions.
locals {
  env      = "prod"
  prefix   = "${local.project}-${local.env}"
  is_prod  = local.env == "prod"
  size     = local.is_prod ? "m5.large" : "t3.micro"
  disks    = [for i, s in local.disk_sizes : { name = "disk${i}", size = s * local.scale }]
  total    = sum(local.disks[*].size)
  names    = [for d in local.disks : upper(d.name) if d.size > 100]
  by_name  = { for d in local.disks : d.name => d.size }
  maybe    = try(local.by_name["missing"], 42)
  subnet   = cidrsubnet("10.0.0.0/16", 8, 3)
  fraction = 0.1 + 0.2
}

resource "aws_instance" "app" {
  ami           = "ami-0123"
  instance_type = local.size
  tags = {
    Name   = local.prefix
    Total  = tostring(local.total)
    Names  = join(",", local.names)
    Maybe  = tostring(local.maybe)
    Subnet = local.subnet
  }
  cpu_core_count = local.is_prod ? 4 : null
  ebs_optimized  = !local.is_prod
  fraction       = local.fraction
  big            = 12345678901234567890
  precise        = 1.25
}

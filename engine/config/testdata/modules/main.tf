# Local modules, nested, with count, for_each and providers maps;
# provider aliases and default_tags reach resources through them.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "eu-west-1"
  default_tags {
    tags = {
      Owner = "platform"
      Env   = var.env
    }
  }
}

provider "aws" {
  alias  = "use1"
  region = "us-east-1"
}

variable "env" {
  default = "prod"
}

module "service" {
  source   = "./modules/service"
  for_each = { api = 2, worker = 1 }
  name     = each.key
  replicas = each.value
}

module "service_use1" {
  source    = "./modules/service"
  count     = 1
  name      = "edge-${count.index}"
  replicas  = 1
  providers = { aws = aws.use1 }
}

resource "aws_eip" "api" {
  instance = module.service["api"].first_instance_id
  tags = {
    Type     = module.service["api"].instance_type
    Disk     = tostring(module.service["worker"].disk_size)
    Services = join(",", sort(keys(module.service)))
  }
}

// Package synth writes synthetic Terraform configurations of any size for
// benchmarks of .tf mode: a root module with variables, locals, a
// provider with default_tags and a few resources, calling one local
// module with for_each; each module instance declares priced AWS
// resources (instances, volumes, databases, load balancers, NAT
// gateways, autoscaling groups with launch templates, buckets, log
// groups), with count, dynamic blocks, locals, functions and references
// between them. The output is deterministic for a given size.
package synth

import (
	"fmt"
	"strings"
)

// Files returns the configuration's files, by slash-separated path: the
// root module, and a module called for instances keys with perInstance
// resources in each instance (rounded to whole groups of 20).
func Files(instances, perInstance int) map[string][]byte {
	groups := max(1, perInstance/20)
	return map[string][]byte{
		"main.tf":                    []byte(root(instances)),
		"variables.tf":               []byte(rootVariables),
		"terraform.tfvars":           []byte(tfvars(instances)),
		"modules/service/main.tf":    []byte(service(groups)),
		"modules/service/vars.tf":    []byte(serviceVariables),
		"modules/service/outputs.tf": []byte(serviceOutputs),
	}
}

const rootVariables = `variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "env" {
  type = string
}

variable "services" {
  type = map(object({
    size     = string
    replicas = optional(number, 2)
    disk     = optional(number, 50)
    db       = optional(bool, false)
  }))
}
`

func root(instances int) string {
	return `terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = var.region
  default_tags {
    tags = {
      Env       = var.env
      ManagedBy = "terraform"
    }
  }
}

locals {
  prefix   = "shop-${var.env}"
  azs      = [for s in ["a", "b", "c"] : "${var.region}${s}"]
  services = { for name, s in var.services : name => merge(s, { name = "${local.prefix}-${name}" }) }
}

resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags       = { Name = local.prefix }
}

resource "aws_subnet" "private" {
  count             = length(local.azs)
  vpc_id            = aws_vpc.main.id
  availability_zone = local.azs[count.index]
  cidr_block        = cidrsubnet(aws_vpc.main.cidr_block, 8, count.index)
}

module "service" {
  source     = "./modules/service"
  for_each   = local.services
  name       = each.value.name
  size       = each.value.size
  replicas   = each.value.replicas
  disk       = each.value.disk
  with_db    = each.value.db
  azs        = local.azs
  subnet_ids = aws_subnet.private[*].id
}

output "endpoints" {
  value = { for k, m in module.service : k => m.endpoint }
}
` + fmt.Sprintf("# %d service instances come from terraform.tfvars\n", instances)
}

var sizes = []string{"t3.micro", "t3.medium", "m5.large", "m5.xlarge", "c5.2xlarge", "r5.large", "m6i.large", "t4g.small"}

func tfvars(instances int) string {
	var b strings.Builder
	b.WriteString("env = \"prod\"\n\nservices = {\n")
	for i := range instances {
		fmt.Fprintf(&b, "  svc%03d = { size = %q, replicas = %d, disk = %d, db = %t }\n", i, sizes[i%len(sizes)], 1+i%3, 20+10*(i%8), i%4 == 0)
	}
	b.WriteString("}\n")
	return b.String()
}

const serviceVariables = `variable "name" {
  type = string
}

variable "size" {
  type = string
}

variable "replicas" {
  type    = number
  default = 2
}

variable "disk" {
  type    = number
  default = 50
}

variable "with_db" {
  type    = bool
  default = false
}

variable "azs" {
  type = list(string)
}

variable "subnet_ids" {
  type = list(string)
}
`

const serviceOutputs = `output "endpoint" {
  value = aws_lb.g0.dns_name
}

output "instance_types" {
  value = distinct(aws_instance.app_g0[*].instance_type)
}
`

// service writes groups of 20 resources: per group 3 instances (count),
// 3 volumes (for_each), an autoscaling group with its launch template, a
// load balancer, a NAT gateway with its EIP, a database, a bucket, a log
// group, a security group with dynamic rules, 2 lambda functions, a
// cache cluster, a KMS key and a DynamoDB table.
func service(groups int) string {
	var b strings.Builder
	b.WriteString(`locals {
  tags      = { Service = var.name, Size = var.size }
  big       = contains(["m5.xlarge", "c5.2xlarge", "r5.large"], var.size)
  disk_size = local.big ? var.disk * 2 : var.disk
  ports     = [80, 443, 8080]
}
`)
	for g := range groups {
		fmt.Fprintf(&b, `
resource "aws_instance" "app_g%[1]d" {
  count         = 3
  ami           = "ami-0abcdef%[1]d"
  instance_type = var.size
  subnet_id     = var.subnet_ids[count.index %% length(var.subnet_ids)]
  monitoring    = local.big
  root_block_device {
    volume_size = local.disk_size
    volume_type = "gp3"
  }
  tags = merge(local.tags, { Name = format("%%s-app-%[1]d-%%d", var.name, count.index) })
}

resource "aws_ebs_volume" "data_g%[1]d" {
  for_each          = toset(var.azs)
  availability_zone = each.value
  size              = local.disk_size + %[1]d
  type              = "gp3"
  iops              = 3000
  tags              = merge(local.tags, { AZ = each.key })
}

resource "aws_launch_template" "lt_g%[1]d" {
  name_prefix   = "${var.name}-%[1]d-"
  image_id      = "ami-0abcdef%[1]d"
  instance_type = var.size
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = local.disk_size
    }
  }
}

resource "aws_autoscaling_group" "asg_g%[1]d" {
  name                = "${var.name}-asg-%[1]d"
  min_size            = var.replicas
  max_size            = var.replicas * 3
  desired_capacity    = var.replicas
  vpc_zone_identifier = var.subnet_ids
  launch_template {
    id      = aws_launch_template.lt_g%[1]d.id
    version = "$Latest"
  }
}

resource "aws_lb" "g%[1]d" {
  name               = substr("${var.name}-lb-%[1]d", 0, 32)
  load_balancer_type = "application"
  subnets            = var.subnet_ids
  security_groups    = [aws_security_group.web_g%[1]d.id]
  tags               = local.tags
}

resource "aws_eip" "nat_g%[1]d" {
  domain = "vpc"
  tags   = local.tags
}

resource "aws_nat_gateway" "g%[1]d" {
  allocation_id = aws_eip.nat_g%[1]d.id
  subnet_id     = var.subnet_ids[0]
  tags          = local.tags
}

resource "aws_db_instance" "db_g%[1]d" {
  identifier              = "${var.name}-db-%[1]d"
  engine                  = "postgres"
  instance_class          = local.big ? "db.m5.large" : "db.t3.medium"
  allocated_storage       = 100
  storage_type            = "gp3"
  multi_az                = var.with_db
  username                = "app"
  backup_retention_period = 7
  skip_final_snapshot     = true
  tags                    = local.tags
}

resource "aws_s3_bucket" "assets_g%[1]d" {
  bucket = lower("${var.name}-assets-%[1]d")
  tags   = local.tags
}

resource "aws_cloudwatch_log_group" "logs_g%[1]d" {
  name              = "/app/${var.name}/%[1]d"
  retention_in_days = 30
  tags              = local.tags
}

resource "aws_security_group" "web_g%[1]d" {
  name = "${var.name}-web-%[1]d"
  dynamic "ingress" {
    for_each = local.ports
    content {
      from_port   = ingress.value
      to_port     = ingress.value
      protocol    = "tcp"
      cidr_blocks = ["0.0.0.0/0"]
    }
  }
  tags = local.tags
}

resource "aws_lambda_function" "fn_g%[1]d" {
  count         = 2
  function_name = "${var.name}-fn-%[1]d-${count.index}"
  role          = "arn:aws:iam::123456789012:role/lambda"
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  memory_size   = 128 * (count.index + 1)
  timeout       = 30
  tags          = local.tags
}

resource "aws_elasticache_cluster" "cache_g%[1]d" {
  cluster_id      = substr("${var.name}-c-%[1]d", 0, 40)
  engine          = "redis"
  node_type       = local.big ? "cache.m5.large" : "cache.t3.small"
  num_cache_nodes = 1
  tags            = local.tags
}

resource "aws_kms_key" "key_g%[1]d" {
  description         = "${var.name} data key %[1]d"
  enable_key_rotation = true
  tags                = local.tags
}

resource "aws_dynamodb_table" "t_g%[1]d" {
  name         = "${var.name}-t-%[1]d"
  billing_mode = "PAY_PER_REQUEST"
  hash_key     = "id"
  attribute {
    name = "id"
    type = "S"
  }
  tags = local.tags
}
`, g)
	}
	return b.String()
}

# A small web stack: an app server, a Multi-AZ database, a NAT gateway, a
# load balancer, a bucket, a function and its logs, plus a read replica
# host in Ireland through an aliased provider passed into a module.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.0"
    }
  }
}

provider "aws" {
  region = "us-east-1"

  default_tags {
    tags = {
      team = "web"
      env  = "prod"
    }
  }
}

provider "aws" {
  alias  = "eu"
  region = "eu-west-1"
}

resource "aws_instance" "app" {
  ami           = "ami-0c7217cdde317cfec"
  instance_type = "m5.large" # was t3.large

  root_block_device {
    volume_type = "gp3"
    volume_size = 30
  }

  tags = {
    Name  = "app"
    owner = "web-team@example.com"
  }
}

resource "aws_db_instance" "db" {
  identifier        = "web-db"
  engine            = "postgres"
  engine_version    = "16.3"
  instance_class    = "db.t3.medium"
  allocated_storage = 100
  storage_type      = "gp3"
  multi_az          = true
  username          = "app"
  password          = var.db_password
}

variable "db_password" {
  type      = string
  sensitive = true
}

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_nat_gateway" "main" {
  allocation_id = aws_eip.nat.id
  subnet_id     = "subnet-0a1b2c3d4e5f60718"
}

resource "aws_lb" "web" {
  name               = "web"
  load_balancer_type = "application"
  subnets            = ["subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788"]
}

resource "aws_s3_bucket" "assets" {
  bucket = "example-web-assets"
}

resource "aws_lambda_function" "thumbnails" {
  function_name = "thumbnails"
  role          = aws_iam_role.thumbnails.arn
  handler       = "index.handler"
  runtime       = "nodejs20.x"
  filename      = "thumbnails.zip"
  memory_size   = 1024
  architectures = ["arm64"]
}

resource "aws_iam_role" "thumbnails" {
  name               = "thumbnails"
  assume_role_policy = "{\"Version\":\"2012-10-17\",\"Statement\":[]}"
}

resource "aws_cloudwatch_log_group" "thumbnails" {
  name              = "/aws/lambda/thumbnails"
  retention_in_days = 30
}

resource "aws_security_group" "web" {
  name = "web"
}

module "replica" {
  source = "./modules/replica"

  providers = {
    aws = aws.eu
  }
}

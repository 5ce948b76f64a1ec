# A registry module terraform init downloaded (with a local module inside
# it), and one it did not: the latter is reported, not skipped.
provider "aws" {
  region = "eu-west-2"
}

module "vpc" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  name    = "main"
  azs     = ["eu-west-2a", "eu-west-2b"]
}

module "eks" {
  source  = "terraform-aws-modules/eks/aws"
  version = "20.0.0"
  vpc_id  = module.vpc.vpc_id
}

resource "aws_instance" "bastion" {
  ami           = "ami-1"
  instance_type = "t3.nano"
  subnet_id     = module.vpc.public_subnets[0]
  tags = {
    Cluster = module.eks.cluster_name
  }
}

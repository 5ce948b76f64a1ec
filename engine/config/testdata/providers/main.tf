# Region resolution and default_tags: a provider per region, a resource
# with its own region, a provider whose region is unknown, default tags
# with an unknown value, and a resource whose provider has no block.
variable "region" {
  type = string
}

data "aws_caller_identity" "me" {}

provider "aws" {
  region = "eu-central-1"
  default_tags {
    tags = {
      Team    = "core"
      Account = data.aws_caller_identity.me.account_id
    }
  }
}

provider "aws" {
  alias  = "unknown"
  region = var.region
}

provider "google" {
  project = "p"
  region  = "europe-west1"
}

resource "aws_instance" "default" {
  ami           = "ami-1"
  instance_type = "t3.micro"
  tags = {
    Name = "default"
  }
}

resource "aws_instance" "own_region" {
  region        = "ap-south-1"
  ami           = "ami-1"
  instance_type = "t3.micro"
  tags = {
    Account = "overridden"
  }
}

resource "aws_instance" "unknown_region" {
  provider      = aws.unknown
  ami           = "ami-1"
  instance_type = "t3.micro"
}

resource "google_compute_instance" "vm" {
  name         = "vm"
  machine_type = "e2-small"
  zone         = "europe-west1-b"
  labels = {
    team = "core"
  }
}

resource "azurerm_resource_group" "rg" {
  name     = "rg"
  location = "westeurope"
}

resource "aws_instance" "hidden" {}

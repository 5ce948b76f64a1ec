resource "aws_instance" "replica" {
  ami           = "ami-0905a3c97561e0b69"
  instance_type = "t3.medium"
}

resource "aws_ebs_volume" "data" {
  availability_zone = "eu-west-1a"
  type              = "gp3"
  size              = 200
}

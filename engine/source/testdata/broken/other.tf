resource "aws_instance" "broken" {
  ami = "x"
